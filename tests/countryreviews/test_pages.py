"""The review list, a review page and its revisions, the country page panel and the home page section."""

import pytest
from django.urls import reverse

from countryreviews import workflow
from countryreviews.models import ReviewRevision
from tests.factories import make_law

from .factories import make_overview, make_revision

Status = ReviewRevision.Status


def many_reviews(count_years=4):
    """A realistic amount: five countries, several years, two revisions each, statistics on each."""
    stats = [("victims_identified", 2016, 10), ("prosecutions", 2016, 5), ("convictions", 2016, 2)]
    for year in range(2016, 2016 + count_years):
        for code in ["AF", "PK", "TJ", "TM", "UZ"]:
            make_revision(code, year, Status.PUBLISHED, statistics=stats)
            make_revision(code, year, statistics=stats)


def test_the_list_shows_published_reviews_and_hides_drafts_from_the_public(client_as, published, pk_draft):
    page = client_as("anonymous").get(reverse("countryreviews:list")).content.decode()
    assert "/reviews/tj/2017/" in page
    assert "/reviews/pk/2018/" not in page
    member_page = client_as("other_editor").get(reverse("countryreviews:list")).content.decode()
    assert "/reviews/pk/2018/" in member_page


@pytest.mark.parametrize("role", ["anonymous", "member", "coordinator"])
def test_the_list_runs_a_fixed_number_of_queries(client_as, django_assert_max_num_queries, role):
    client = client_as(role)
    client.get(reverse("countryreviews:list"))
    many_reviews()
    with django_assert_max_num_queries(10):
        response = client.get(reverse("countryreviews:list"))
    assert response.content.decode().count("/reviews/uz/") >= 4


def test_a_published_review_shows_date_publisher_sections_and_statistics(client_as, users, draft):
    draft.law_name = "Counter-trafficking law"
    draft.hotlines = ""
    draft.save()
    workflow.publish(draft, users["steering"])
    page = client_as("anonymous").get("/reviews/tj/2018/").content.decode()
    assert "Counter-trafficking law" in page
    assert "published" in page
    assert users["steering"].email not in page  # no personal e-mail on a public page
    assert "Not reported." in page
    assert "History of revision" not in page  # the change log is for the network


def test_the_network_sees_the_change_log_and_the_draft_notice(client_as, published):
    workflow.start_revision(published.review.country, 2017, None)
    page = client_as("member").get("/reviews/tj/2017/").content.decode()
    assert "History of revision 1" in page
    assert "Revision 2 is in progress" in page
    assert "Revision 2 is in progress" not in client_as("anonymous").get("/reviews/tj/2017/").content.decode()


def test_the_review_page_runs_a_fixed_number_of_queries(client_as, django_assert_max_num_queries, published, users):
    client = client_as("member")
    for _ in range(4):
        revision = workflow.start_revision(published.review.country, 2017, users["editor"])
        workflow.publish(revision, users["steering"])
    client.get("/reviews/tj/2017/")  # the first request of a session does a little more
    make_law("TJ", 2004, amendments=[2010])  # the legislation register as of 2017: two queries
    with django_assert_max_num_queries(14):  # one for the country's resources in the library, one for the referrals badge
        response = client.get("/reviews/tj/2017/")
    assert response.status_code == 200
    assert response.content.decode().count("Revision 5") >= 1


def test_statistics_marked_illustrative_are_labelled(client_as, published):
    page = client_as("anonymous").get("/reviews/tj/2017/").content.decode()
    assert "64*" in page
    assert "Illustrative figure" in page


def test_the_country_page_shows_the_latest_published_review(client_as, published, draft):
    page = client_as("anonymous").get("/members/tj/").content.decode()
    assert "Country TIP review 2017" in page
    assert "Tajikistan passed a counter-trafficking law in 2004." in page
    assert "Draft text of the 2018 review." not in page


def test_the_country_page_says_when_no_review_is_published(client_as, pk_draft):
    page = client_as("anonymous").get("/members/pk/").content.decode()
    assert "No country review has been published for this country yet." in page


def test_the_country_panel_adds_one_query(client_as, django_assert_num_queries, published):
    from countryreviews.panels import country_panel
    from members.models import Country

    many_reviews(3)
    country = Country.objects.get(code="TJ")
    with django_assert_num_queries(1):
        panel = country_panel(None, country)
        assert panel["revision"].review.year == 2018
        assert panel["revision"].published_by is None


def test_the_home_page_shows_the_latest_published_overview(client_as, published):
    make_overview(2016, published=True, title="Old edition")
    make_overview(2017, [published], published=True, introduction="The first regional overview.")
    make_overview(2018, title="Unpublished edition")
    page = client_as("anonymous").get("/").content.decode()
    assert "Regional overview 2017" in page
    assert "The first regional overview." in page
    assert "Unpublished edition" not in page


def test_the_home_page_says_when_no_overview_is_published(client_as, db):
    page = client_as("anonymous").get("/").content.decode()
    assert "has not been published yet" in page
