"""The legislation register (/laws/, issue 17): who sees and keeps it, its forms, its timeline, its query counts."""

import datetime

import pytest
from django.urls import reverse

from members.laws import in_force
from members.models import Audience, LegalAmendment, LegalInstrument, Resource
from tests.factories import make_law, make_resource

pytestmark = pytest.mark.django_db

LIST = "/laws/"
NEXT_YEAR = datetime.date.today().year + 1


def law_data(**overrides):
    data = {
        "country": "TJ",
        "kind": "law",
        "title_en": "Law on countering trafficking",
        "year_adopted": "2014",
        "year_until": "",
        "replaced_by": "",
        "summary_en": "Covers assistance to victims.",
        "resource": "",
        "link": "",
    }
    data.update(overrides)
    return data


# Reading: the register is public.


@pytest.mark.parametrize("role", ["anonymous", "member", "editor", "stakeholder", "steering", "coordinator"])
def test_everyone_reads_the_register_and_a_law(client_as, role):
    law = make_law("TJ", 2004, title_en="Tajik counter-trafficking law", amendments=[2014])
    client = client_as(role)
    html = client.get(LIST).content.decode()
    assert "Tajik counter-trafficking law" in html and "adopted 2004" in html
    detail = client.get(law.get_absolute_url())
    assert detail.status_code == 200
    assert "Amended in 2014." in detail.content.decode()


def test_an_unknown_law_is_404(client):
    assert client.get("/laws/no-such-law/").status_code == 404


def test_the_empty_register_says_so_and_offers_adding_to_those_who_keep_it(client_as):
    html = client_as("anonymous").get(LIST).content.decode()
    assert "The register has no laws or action plans yet." in html
    assert reverse("members:law-create") not in html
    assert reverse("members:law-create") in client_as("steering").get(LIST).content.decode()


def test_a_country_without_entries_says_so(client, db):
    make_law("TJ", 2004)
    html = client.get(LIST).content.decode()
    assert html.count("Nothing is registered for this country yet.") == 4  # the four other countries


def test_the_list_filters_by_country_and_kind(client, db):
    make_law("TJ", 2004, title_en="Tajik law")
    make_law("UZ", 2008, title_en="Uzbek law")
    make_law("UZ", 2016, title_en="Uzbek action plan", kind=LegalInstrument.Kind.ACTION_PLAN)
    html = client.get(LIST + "?country=uz").content.decode()
    assert "Uzbek law" in html and "Uzbek action plan" in html
    assert 'id="laws-tj"' not in html
    html = client.get(LIST + "?kind=action_plan").content.decode()
    assert "Uzbek action plan" in html and "Uzbek law" not in html and "Tajik law" not in html
    # A choice that does not exist filters nothing.
    html = client.get(LIST + "?country=xx&kind=treaty").content.decode()
    assert "Tajik law" in html and "Uzbek law" in html


def test_the_timeline_puts_the_countries_side_by_side_by_year(client, db):
    make_law("TJ", 2004, title_en="Tajik law", amendments=[2014])
    make_law("TM", 2007, title_en="Turkmen law", amendments=[2017])
    response = client.get(LIST)
    timeline = response.context["timeline"]
    assert timeline["years"] == [2004, 2007, 2014, 2017]
    lanes = {lane["country"].code: lane["cells"] for lane in timeline["lanes"]}
    assert set(lanes) == {"AF", "PK", "TJ", "TM", "UZ"}
    assert [[event for event, _law in cell] for cell in lanes["TJ"]] == [["adopted"], [], ["amended"], []]
    assert [[event for event, _law in cell] for cell in lanes["TM"]] == [[], ["adopted"], [], ["amended"]]
    assert lanes["AF"] == [[], [], [], []]
    html = response.content.decode()
    assert '<th scope="col" class="ltr">2017</th>' in html
    assert 'class="law-mark law-mark-amended"' in html


def test_a_library_text_is_linked_only_for_readers_who_may_read_it(client_as, users, organization):
    public = make_resource(users["member"], organization, kind=Resource.Kind.LAW, slug="public-law-text")
    members_only = make_resource(
        users["member"], organization, kind=Resource.Kind.LAW, slug="members-law-text", audience=Audience.MEMBERS
    )
    make_law("TJ", 2004, title_en="Public text law", resource=public)
    make_law("TJ", 2014, title_en="Members text law", resource=members_only, link="https://example.org/official")
    anonymous = client_as("anonymous").get(LIST).content.decode()
    assert "/library/public-law-text/" in anonymous
    assert "/library/members-law-text/" not in anonymous
    assert "https://example.org/official" in anonymous  # the official text instead
    assert "/library/members-law-text/" in client_as("member").get(LIST).content.decode()


def test_a_law_page_shows_what_it_replaced_and_what_replaced_it(client, db):
    new = make_law("TJ", 2014, title_en="New law")
    old = make_law("TJ", 2004, title_en="Old law", replaced_by=new, year_until=2014)
    assert "Old law" in client.get(new.get_absolute_url()).content.decode()
    html = client.get(old.get_absolute_url()).content.decode()
    assert "replaced by" in html and new.get_absolute_url() in html


# Keeping the register: coordinators, and the steering representative of the country.


@pytest.mark.parametrize(
    "role, status", [("member", 403), ("editor", 403), ("other_editor", 403), ("stakeholder", 403), ("steering", 200),
                     ("coordinator", 200)]
)
def test_who_may_add_a_law(client_as, role, status):
    assert client_as(role).get("/laws/new/").status_code == status


def test_anonymous_is_asked_to_log_in(client):
    response = client.get("/laws/new/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_representative_adds_a_law_of_their_country(client_as):
    response = client_as("steering").post("/laws/new/?content=en", law_data())
    law = LegalInstrument.objects.get()
    assert response.status_code == 302 and response["Location"] == law.get_absolute_url()
    assert (law.country_id, law.title_en, law.year_adopted, law.slug) == (
        "TJ", "Law on countering trafficking", 2014, "law-on-countering-trafficking"
    )


def test_the_representative_chooses_only_among_the_countries_they_keep(client_as):
    form = client_as("steering").get("/laws/new/").context["form"]
    assert [c.code for c in form.fields["country"].queryset] == ["TJ"]
    response = client_as("steering").post("/laws/new/?content=en", law_data(country="PK"))
    assert response.status_code == 400
    assert not LegalInstrument.objects.exists()


def test_a_law_titled_new_never_takes_the_address_of_the_add_page(client_as):
    client_as("coordinator").post("/laws/new/?content=en", law_data(title_en="New"))
    law = LegalInstrument.objects.get()
    assert law.slug == "new-2"
    assert client_as("coordinator").get(law.get_absolute_url()).status_code == 200


def test_the_coordinator_adds_a_law_of_any_country(client_as):
    assert client_as("coordinator").post("/laws/new/?content=en", law_data(country="PK")).status_code == 302
    assert LegalInstrument.objects.get().country_id == "PK"


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"year_adopted": str(NEXT_YEAR)}, "The year cannot be in the future."),
        ({"year_adopted": "1900"}, "greater than or equal to 1950"),
        ({"year_adopted": "2014", "year_until": "2010"}, "This year cannot be before the year adopted."),
        ({"title_en": "Law\x07 with a bell"}, "control character"),
        ({"title_en": ""}, "This field is required."),
        ({"link": "javascript:alert(1)"}, "Enter a web address starting with http:// or https://."),
    ],
)
def test_a_law_with_wrong_values_is_refused(client_as, overrides, message):
    response = client_as("coordinator").post("/laws/new/?content=en", law_data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not LegalInstrument.objects.exists()


def test_replaced_by_must_be_a_law_of_the_same_country(client_as):
    other = make_law("PK", 2016)
    response = client_as("coordinator").post("/laws/new/?content=en", law_data(replaced_by=str(other.pk)))
    assert response.status_code == 400
    assert "Choose a law or plan of the same country." in response.content.decode()


def test_only_library_items_of_kind_law_the_user_may_read_are_offered(client_as, users, organization):
    law_text = make_resource(users["member"], organization, kind=Resource.Kind.LAW)
    report = make_resource(users["member"], organization, kind=Resource.Kind.REPORT)
    hidden = make_resource(users["member"], organization, kind=Resource.Kind.LAW, hidden_at=datetime.datetime.now(datetime.UTC))
    choices = set(client_as("steering").get("/laws/new/").context["form"].fields["resource"].queryset)
    assert law_text in choices and report not in choices and hidden not in choices


@pytest.mark.parametrize(
    "role, status",
    [("member", 403), ("editor", 403), ("other_editor", 403), ("stakeholder", 403), ("steering", 200), ("coordinator", 200)],
)
def test_who_may_edit_a_tajik_law(client_as, role, status):
    law = make_law("TJ", 2004)
    assert client_as(role).get(f"/laws/{law.slug}/edit/").status_code == status


def test_the_representative_of_another_country_may_not_edit_it(client_as):
    law = make_law("PK", 2016)
    assert client_as("steering").get(f"/laws/{law.slug}/edit/").status_code == 403
    assert client_as("steering").post(f"/laws/{law.slug}/edit/?content=en", law_data(country="PK")).status_code == 403
    assert client_as("steering").get("/laws/no-such-law/edit/").status_code == 404


def test_editing_keeps_the_slug_and_changes_one_language(client_as):
    law = make_law("TJ", 2004, title_en="Old title")
    response = client_as("steering").post(
        f"/laws/{law.slug}/edit/?content=ru", law_data(title_ru="Закон о противодействии", year_adopted="2004")
    )
    assert response.status_code == 302
    law.refresh_from_db()
    assert (law.title_en, law.title_ru, law.slug) == ("Old title", "Закон о противодействии", law.slug)


# Amendments.


def test_the_representative_adds_edits_and_removes_an_amendment(client_as):
    law = make_law("TJ", 2007)
    client = client_as("steering")
    response = client.post(f"/laws/{law.slug}/amendments/new/?content=en", {"year": "2017", "summary_en": "Victims."})
    assert response.status_code == 302
    amendment = law.amendments.get()
    assert amendment.year == 2017
    edit = f"/laws/{law.slug}/amendments/{amendment.pk}/edit/?content=en"
    assert client.post(edit, {"year": "2016", "summary_en": "Victims."}).status_code == 302
    amendment.refresh_from_db()
    assert amendment.year == 2016
    delete = f"/laws/{law.slug}/amendments/{amendment.pk}/delete/"
    assert client.get(delete).status_code == 405
    assert client.post(delete).status_code == 302
    assert not LegalAmendment.objects.exists()


@pytest.mark.parametrize(
    "year, message",
    [("2003", "An amendment cannot be older than the law it amends."), (str(NEXT_YEAR), "The year cannot be in the future.")],
)
def test_an_amendment_before_adoption_or_in_the_future_is_refused(client_as, year, message):
    law = make_law("TJ", 2004)
    response = client_as("coordinator").post(f"/laws/{law.slug}/amendments/new/?content=en", {"year": year})
    assert response.status_code == 400 and message in response.content.decode()
    assert not law.amendments.exists()


def test_the_amendments_of_another_countrys_law_are_not_the_representatives(client_as):
    law = make_law("PK", 2016, amendments=[2018])
    amendment = law.amendments.get()
    client = client_as("steering")
    assert client.get(f"/laws/{law.slug}/amendments/new/").status_code == 403
    assert client.post(f"/laws/{law.slug}/amendments/{amendment.pk}/delete/").status_code == 403
    assert law.amendments.exists()
    # An amendment of another law is not found under this one.
    tajik = make_law("TJ", 2004)
    assert client.get(f"/laws/{tajik.slug}/amendments/{amendment.pk}/edit/").status_code == 404


# "As of" a year: what reviews and the overview read.


def test_the_framework_as_of_a_year_leaves_out_later_laws_amendments_and_replaced_laws():
    new = make_law("TJ", 2014, title_en="2014 law", amendments=[2019])
    make_law("TJ", 2004, title_en="2004 law", replaced_by=new, year_until=2014)
    make_law("TM", 2007, amendments=[2017])
    framework = in_force(2017)
    assert [e.instrument.title_en for e in framework["TJ"]] == ["2014 law"]
    assert framework["TJ"][0].amendments == []  # the 2019 amendment is not yet
    assert [a.year for a in framework["TM"][0].amendments] == [2017]
    assert [e.instrument.title_en for e in in_force(2010)["TJ"]] == ["2004 law"]
    assert in_force(2003) == {}


# The country page.


def test_the_country_page_lists_the_countrys_laws(client, db):
    make_law("TJ", 2004, title_en="Tajik counter-trafficking law")
    make_law("PK", 2016, title_en="Pakistani plan")
    html = client.get("/members/tj/").content.decode()
    assert "Tajik counter-trafficking law" in html and "Pakistani plan" not in html
    assert "/laws/?country=tj" in html
    assert "Nothing is registered for this country yet." in client.get("/members/af/").content.decode()


# Query counts.


def _queries(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(30) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("role", ["anonymous", "member", "steering"])
def test_the_register_runs_a_fixed_number_of_queries(client_as, users, organization, role, django_assert_max_num_queries):
    client = client_as(role)
    text = make_resource(users["member"], organization, kind=Resource.Kind.LAW)
    make_law("TJ", 2004, amendments=[2010], resource=text)
    few = _queries(client, LIST, django_assert_max_num_queries)
    for country in ["AF", "PK", "TM", "UZ", "TJ"]:
        make_law(country, 2008, amendments=[2012, 2016], resource=text)
    assert _queries(client, LIST, django_assert_max_num_queries) == few
    law = make_law("UZ", 2008, amendments=[2012], resource=text)
    few = _queries(client, law.get_absolute_url(), django_assert_max_num_queries)
    for year in range(2013, 2018):
        law.amendments.create(year=year, resource=text)
    assert _queries(client, law.get_absolute_url(), django_assert_max_num_queries) == few
