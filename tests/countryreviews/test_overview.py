"""The regional overview: assembling from pinned revisions, publishing, the comparison, the charts and the CSV."""

import csv
import io
import re

import pytest

from countryreviews import workflow
from countryreviews.models import OverviewEntry, RegionalOverview, ReviewRevision
from tests.factories import make_law

from .factories import make_overview, make_revision

Status = ReviewRevision.Status


@pytest.fixture
def three_countries(published):
    """Published 2017 reviews of Tajikistan (fixture), Pakistan and Turkmenistan; Afghanistan only a draft."""
    pk = make_revision(
        "PK",
        2017,
        Status.PUBLISHED,
        hotlines="Toll-free helpline 1098",
        statistics=[("victims_identified", 2017, 300), ("victims_identified", 2016, 260), ("prosecutions", 2017, 85)],
    )
    tm = make_revision(
        "TM",
        2017,
        Status.PUBLISHED,
        shelters="Ashgabat shelter run by Enme",
        statistics=[("victims_identified", 2017, 48, True), ("convictions", 2017, 12)],
    )
    make_revision("AF", 2017, summary="Afghan draft, not published.")
    return {"TJ": published, "PK": pk, "TM": tm}


def test_creating_an_edition_pins_the_latest_published_revision_of_each_country(client_as, three_countries):
    response = client_as("steering").post("/reviews/overview/new/", {"year": 2017, "introduction": "Intro."})
    assert response.status_code == 302
    overview = RegionalOverview.objects.get(year=2017)
    assert overview.status == RegionalOverview.Status.DRAFT
    pinned = {e.country_id: e.revision for e in overview.entries.all()}
    assert pinned == three_countries


def test_creating_an_edition_twice_for_a_year_is_refused(client_as, three_countries):
    make_overview(2017)
    response = client_as("coordinator").post("/reviews/overview/new/", {"year": 2017})
    assert response.status_code == 400
    assert "already exists" in response.content.decode()


def test_an_edition_year_must_be_sane(client_as, users):
    response = client_as("coordinator").post("/reviews/overview/new/", {"year": 1990})
    assert response.status_code == 400
    assert "Enter a year between 2000 and" in response.content.decode()
    assert not RegionalOverview.objects.exists()


def test_refreshing_a_draft_edition_pins_a_newly_published_revision(client_as, users, three_countries):
    overview = make_overview(2017, three_countries.values())
    newer = workflow.start_revision(three_countries["TJ"].review.country, 2017, users["editor"])
    workflow.publish(newer, users["steering"])
    client_as("steering").post("/reviews/overview/2017/refresh/")
    assert overview.entries.get(country="TJ").revision == newer


def test_a_published_edition_keeps_its_pinned_revisions(client_as, users, three_countries):
    overview = make_overview(2017, three_countries.values(), published=True)
    newer = workflow.start_revision(three_countries["TJ"].review.country, 2017, users["editor"])
    newer.summary = "A newer Tajik text published after the overview."
    newer.save()
    workflow.publish(newer, users["steering"])
    response = client_as("steering").post("/reviews/overview/2017/refresh/", follow=True)
    assert "frozen" in response.content.decode()
    assert overview.entries.get(country="TJ").revision == three_countries["TJ"]
    page = client_as("anonymous").get("/reviews/overview/").content.decode()
    assert "Tajikistan passed a counter-trafficking law in 2004." in page
    assert "A newer Tajik text" not in page


def test_publishing_an_edition(client_as, users, three_countries):
    overview = make_overview(2017, three_countries.values())
    assert client_as("anonymous").get("/reviews/overview/2017/").status_code == 404
    client_as("steering").post("/reviews/overview/2017/publish/")
    overview.refresh_from_db()
    assert overview.is_published
    assert overview.published_by == users["steering"]
    assert client_as("anonymous").get("/reviews/overview/").status_code == 200


def test_publishing_an_edition_twice_is_refused(client_as, three_countries):
    overview = make_overview(2017, three_countries.values(), published=True)
    before = overview.published_at
    response = client_as("coordinator").post("/reviews/overview/2017/publish/", follow=True)
    assert "already published" in response.content.decode()
    overview.refresh_from_db()
    assert overview.published_at == before


def test_an_empty_edition_or_one_with_a_withdrawn_review_cannot_be_published(client_as, users, three_countries):
    make_overview(2016)
    response = client_as("coordinator").post("/reviews/overview/2016/publish/", follow=True)
    assert "No country review is pinned yet" in response.content.decode()
    overview = make_overview(2017, three_countries.values())
    workflow.withdraw(three_countries["PK"], users["coordinator"])
    response = client_as("coordinator").post("/reviews/overview/2017/publish/", follow=True)
    assert "withdrawn meanwhile" in response.content.decode()
    overview.refresh_from_db()
    assert not overview.is_published


def test_only_published_revisions_can_be_pinned(three_countries):
    from django.core.exceptions import ValidationError

    draft = ReviewRevision.objects.get(review__country="AF")
    entry = OverviewEntry(overview=make_overview(2017), country=draft.review.country, revision=draft)
    with pytest.raises(ValidationError):
        entry.full_clean()


def test_the_comparison_table_shows_each_country_and_no_data_plainly(client_as, three_countries):
    make_overview(2017, three_countries.values(), published=True)
    page = client_as("anonymous").get("/reviews/overview/").content.decode()
    assert "Counter-trafficking law (adopted 2004; amended 2014)" in page
    assert "Toll-free helpline 1098" in page
    assert "Ashgabat shelter run by Enme" in page
    assert "no data" in page
    assert "This country had not published a 2017 review" in page  # Afghanistan, Uzbekistan
    assert "Afghan draft, not published." not in page
    assert 'href="/reviews/tj/2017/r1/"' in page


def _chart(page, slug):
    match = re.search(rf'<figure class="chart mb-4" id="chart-{slug}">(.*?)</figure>', page, re.S)
    assert match, slug
    return match.group(1)


def test_the_charts_numbers_match_the_data(client_as, three_countries):
    make_overview(2017, three_countries.values(), published=True)
    page = client_as("anonymous").get("/reviews/overview/").content.decode()

    victims = _chart(page, "victims")
    values = re.findall(r'data-series="Victims identified" data-value="(\d+)"', victims)
    assert values == ["300", "64", "48"]  # Pakistan, Tajikistan, Turkmenistan, in country order
    widths = dict(zip(values, map(float, re.findall(r'width="([\d.]+)" height="18"', victims)), strict=True))
    assert widths["300"] == pytest.approx(420.0)  # the longest bar fills the plot
    assert widths["64"] == pytest.approx(420 * 64 / 300, abs=0.1)
    assert "<title" in victims and "<desc" in victims
    assert "Pakistan: 300; Tajikistan: 64*; Turkmenistan: 48*; Uzbekistan: no data." in victims
    table_rows = re.findall(r'<tr><th scope="row">(\w+)</th><td class="text-end">([^<]+)</td></tr>', victims)
    assert table_rows == [
        ("Afghanistan", "no data"),
        ("Pakistan", "300"),
        ("Tajikistan", "64*"),
        ("Turkmenistan", "48*"),
        ("Uzbekistan", "no data"),
    ]

    court = _chart(page, "prosecutions")
    assert re.findall(r'data-series="Prosecutions" data-value="(\d+)"', court) == ["85", "31"]
    assert re.findall(r'data-series="Convictions" data-value="(\d+)"', court) == ["26", "12"]

    by_year = _chart(page, "victims-by-year")
    assert re.findall(r'data-series="2016" data-value="(\d+)"', by_year) == ["260"]
    assert re.findall(r'data-series="2017" data-value="(\d+)"', by_year) == ["300", "64", "48"]


def test_there_is_no_by_year_chart_with_a_single_year(client_as, published):
    make_overview(2017, [published], published=True)
    page = client_as("anonymous").get("/reviews/overview/").content.decode()
    assert 'id="chart-victims"' in page
    assert 'id="chart-victims-by-year"' not in page


def test_the_csv_holds_the_comparison(client_as, three_countries):
    make_overview(2017, three_countries.values(), published=True)
    response = client_as("anonymous").get("/reviews/overview/2017/comparison.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="regional-overview-2017.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r["Country"] for r in rows] == ["Afghanistan", "Pakistan", "Tajikistan", "Turkmenistan", "Uzbekistan"]
    by_code = {r["ISO code"]: r for r in rows}
    assert by_code["TJ"]["Law adopted"] == "2004"
    assert by_code["TJ"]["Law amended"] == "2014"
    assert by_code["TJ"]["Victims identified (total) 2017"] == "64"
    assert by_code["TJ"]["Prosecutions 2017"] == "31"
    assert by_code["TJ"]["Illustrative figures (not from a published source)"] == "Victims identified (total)"
    assert by_code["PK"]["Hotlines"] == "Toll-free helpline 1098"
    assert by_code["PK"]["Victims identified (total) 2017"] == "300"
    assert by_code["PK"]["Convictions 2017"] == ""
    assert by_code["TM"]["Shelters"] == "Ashgabat shelter run by Enme"
    assert by_code["TJ"]["Full review"].endswith("/reviews/tj/2017/r1/")
    assert by_code["AF"]["Revision"] == ""


def test_the_overview_page_runs_a_fixed_number_of_queries(client_as, django_assert_max_num_queries, users):
    client = client_as("anonymous")
    revisions = [
        make_revision(
            code,
            2017,
            Status.PUBLISHED,
            statistics=[(i, y, 10) for i in ("victims_identified", "prosecutions", "convictions") for y in (2015, 2016, 2017)],
        )
        for code in ["AF", "PK", "TJ", "TM", "UZ"]
    ]
    make_overview(2017, revisions, published=True)
    for code in ["AF", "PK", "TJ", "TM", "UZ"]:  # the legislation register: two queries, whatever its size
        make_law(code, 2004, amendments=[2010, 2014])
    with django_assert_max_num_queries(8):
        response = client.get("/reviews/overview/")
    assert response.status_code == 200
    with django_assert_max_num_queries(7):
        assert client.get("/reviews/overview/2017/comparison.csv").status_code == 200


def test_without_a_published_edition_the_overview_says_so(client_as, db):
    make_overview(2018)
    response = client_as("anonymous").get("/reviews/overview/")
    assert "No edition of the regional overview has been published yet." in response.content.decode()
    assert "/reviews/overview/2018/" not in response.content.decode()


def test_the_overview_links_the_print_stylesheet(client_as, published):
    make_overview(2017, [published], published=True)
    page = client_as("anonymous").get("/reviews/overview/").content.decode()
    assert 'overview-print.css" media="print"' in page


def test_a_steering_representative_edits_the_introduction_of_a_draft(client_as, published):
    overview = make_overview(2017, [published])
    response = client_as("steering").post("/reviews/overview/2017/edit/", {"title": "", "introduction": "New intro."})
    assert response.status_code == 302
    overview.refresh_from_db()
    assert overview.introduction == "New intro."


def test_a_review_withdrawn_after_publication_is_marked_in_the_edition_without_a_dead_link(client, users, three_countries):
    overview = make_overview(2017, revisions=list(three_countries.values()), published=True)
    workflow.withdraw(three_countries["PK"], users["coordinator"], comment="Figures under review.")
    html = client.get(overview.get_absolute_url()).content.decode()
    assert "has since been withdrawn" in html
    assert f'href="{three_countries["PK"].get_absolute_url()}"' not in html
    assert f'href="{three_countries["TJ"].get_absolute_url()}"' in html
