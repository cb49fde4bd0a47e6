"""The agreements register (/agreements/): the list and its filters, an agreement's page, adding and editing, and
recording status changes, role by role (issue 17)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import Agreement, Audience, Country, NationalNetwork, Organization

from ..factories import make_agreement, make_organization, make_resource

LIST = reverse("members:agreements")


def page(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def status_url(agreement):
    return reverse("members:agreement-status", args=[agreement.slug])


# --- the list ----------------------------------------------------------------------------------------------------


def test_an_empty_register_says_so(client, db):
    assert "No agreement has been recorded yet." in page(client, LIST)


def test_the_list_shows_status_kind_parties_and_the_last_change(client, db):
    network = NationalNetwork.objects.create(country_id="AF", name="Afghan network", acronym="ANCTIP")
    agreement = make_agreement(["AF", "PK"], title_en="Afghanistan–Pakistan MOU", kind=Agreement.Kind.BILATERAL,
                               other_parties="SAARC secretariat")
    agreement.networks.add(network)
    agreement.record_status(Agreement.Status.SIGNED, datetime.date(2019, 3, 4))
    html = page(client, LIST)
    assert "Afghanistan–Pakistan MOU" in html
    assert '<span class="badge text-bg-primary">Signed</span>' in html
    assert "Bilateral" in html and "Afghanistan" in html and "Pakistan" in html
    assert "ANCTIP" in html and "SAARC secretariat" in html
    assert "Status since 4 March 2019" in html


@pytest.mark.parametrize(
    "query, shown",
    [
        ({"country": "af"}, {"AF MOU", "AF–TJ MOU"}),
        ({"country": "TJ"}, {"AF–TJ MOU", "CIS MOUs"}),
        ({"kind": "multilateral"}, {"CIS MOUs"}),
        ({"status": "signed"}, {"CIS MOUs"}),
        ({"country": "tj", "status": "proposed"}, {"AF–TJ MOU"}),
        ({}, {"AF MOU", "AF–TJ MOU", "CIS MOUs"}),
    ],
)
def test_the_list_filters_by_country_kind_and_status(client, db, query, shown):
    make_agreement(["AF"], title_en="AF MOU", kind=Agreement.Kind.NETWORK_GOVERNMENT)
    make_agreement(["AF", "TJ"], title_en="AF–TJ MOU", kind=Agreement.Kind.BILATERAL)
    make_agreement(["TJ"], title_en="CIS MOUs", kind=Agreement.Kind.MULTILATERAL, status=Agreement.Status.SIGNED)
    response = client.get(LIST, query)
    assert {a.title_en for a in response.context["agreements"]} == shown


def test_a_filter_without_results_offers_the_whole_list(client, db):
    make_agreement(["TJ"])
    html = page(client, LIST, status="lapsed")
    assert "No agreement matches the filters chosen above." in html and "Show all agreements" in html


@pytest.mark.parametrize("role, offered", [("anonymous", False), ("member", False), ("editor", False),
                                           ("steering", True), ("coordinator", True)])
def test_the_add_button_is_offered_to_representatives_and_coordinators(client_as, role, offered):
    assert (reverse("members:agreement-create") in page(client_as(role), LIST)) is offered


def _list_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(30) as captured:
        page(client, LIST)
    return len(captured)


@pytest.mark.parametrize("role", ["anonymous", "coordinator"])
def test_the_list_runs_a_fixed_number_of_queries(client_as, role, organization, django_assert_max_num_queries):
    client = client_as(role)

    def add():
        agreement = make_agreement(["AF", "TJ"])
        agreement.organizations.add(organization)
        agreement.networks.add(NationalNetwork.objects.get_or_create(country_id="TJ", name="Umed")[0])

    add()
    one = _list_queries(client, django_assert_max_num_queries)
    for _ in range(5):
        add()
    assert _list_queries(client, django_assert_max_num_queries) == one


# --- an agreement's page -----------------------------------------------------------------------------------------


def test_the_history_is_newest_first_with_its_notes(client, db):
    agreement = make_agreement(["AF"], date=datetime.date(2017, 6, 23))
    agreement.record_status(Agreement.Status.NEGOTIATING, datetime.date(2018, 8, 28), "Opened in Kabul")
    agreement.record_status(Agreement.Status.SIGNED, datetime.date(2019, 2, 1), "Signed in Kabul")
    html = page(client, agreement.get_absolute_url())
    history = html[html.index('id="history"'):]
    assert history.index("1 February 2019") < history.index("28 August 2018") < history.index("23 June 2017")
    assert "Signed in Kabul" in history and "Opened in Kabul" in history


@pytest.mark.django_db
def test_record_status_keeps_the_newest_status_by_date():
    agreement = make_agreement(["TJ"], date=datetime.date(2017, 6, 22))
    agreement.record_status(Agreement.Status.SIGNED, datetime.date(2019, 5, 1))
    agreement.record_status(Agreement.Status.NEGOTIATING, datetime.date(2018, 1, 1), "Recorded late")
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.SIGNED
    assert agreement.signed_on == datetime.date(2019, 5, 1)
    assert list(agreement.status_changes.values_list("status", flat=True)) == ["signed", "negotiating", "proposed"]
    agreement.record_status(Agreement.Status.IN_FORCE, datetime.date(2019, 6, 1))
    agreement.record_status(Agreement.Status.SIGNED, datetime.date(2019, 7, 1))  # signed again: the first date stays
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.SIGNED and agreement.signed_on == datetime.date(2019, 5, 1)


def test_the_recorders_name_is_shown_unless_their_country_hides_names(client_as, users):
    steering = users["steering"]
    steering.first_name, steering.last_name = "Seat", "Holder"
    steering.save()
    agreement = make_agreement(["TJ"])
    agreement.record_status(Agreement.Status.NEGOTIATING, datetime.date(2018, 1, 1), user=steering)
    url = agreement.get_absolute_url()
    assert "Recorded by Seat Holder" in page(client_as("anonymous"), url)
    assert "steering@example.org" not in page(client_as("member"), url)
    Country.objects.filter(code="TJ").update(hide_names_publicly=True)
    assert "Seat Holder" not in page(client_as("anonymous"), url)
    assert "Recorded by Seat Holder" in page(client_as("member"), url)


@pytest.mark.parametrize("role, named", [("anonymous", False), ("member", False), ("steering", False),
                                         ("coordinator", True)])
def test_an_applicant_organization_is_named_as_a_party_to_coordinators_only(client_as, role, named, organization):
    applicant = make_organization("TJ", name="Applicant Party NGO", slug="applicant-party",
                                  membership_status=Organization.MembershipStatus.APPLICANT)
    agreement = make_agreement(["TJ"], title_en="Party MOU")
    agreement.organizations.add(applicant, organization)
    client = client_as(role)
    for html in (page(client, agreement.get_absolute_url()), page(client, LIST)):
        assert ("Applicant Party NGO" in html) is named
        assert "MTN" in html or organization.name in html


def test_the_text_in_the_library_is_linked_only_for_readers_who_may_read_it(client_as, users, organization):
    resource = make_resource(users["member"], organization, title="Text of the MOU", audience=Audience.MEMBERS)
    agreement = make_agreement(["TJ"], resource=resource)
    assert "Text of the MOU" not in page(client_as("anonymous"), agreement.get_absolute_url())
    assert "Text of the MOU" in page(client_as("member"), agreement.get_absolute_url())


def test_an_unknown_agreement_is_a_404(client, db):
    assert client.get(reverse("members:agreement", args=["no-such"])).status_code == 404


@pytest.mark.parametrize("role, keeps", [("anonymous", False), ("member", False), ("editor", False),
                                         ("stakeholder", False), ("steering", True), ("coordinator", True)])
def test_the_edit_and_status_forms_are_offered_to_who_keeps_it(client_as, role, keeps):
    agreement = make_agreement(["TJ"])
    html = page(client_as(role), agreement.get_absolute_url())
    assert (reverse("members:agreement-edit", args=[agreement.slug]) in html) is keeps
    assert (status_url(agreement) in html) is keeps


def test_the_steering_representative_of_another_country_is_not_offered_to_keep_it(client_as):
    agreement = make_agreement(["AF", "PK"])
    html = page(client_as("steering"), agreement.get_absolute_url())
    assert status_url(agreement) not in html


def _detail_queries(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(40) as captured:
        page(client, url)
    return len(captured)


def test_the_page_runs_a_fixed_number_of_queries(client_as, users, organization, django_assert_max_num_queries):
    agreement = make_agreement(["AF", "TJ"])
    client = client_as("steering")
    url = agreement.get_absolute_url()

    def add(n):
        agreement.organizations.add(make_organization("TJ", name=f"Party {n}"))
        agreement.record_status(Agreement.Status.NEGOTIATING, datetime.date(2018, 1, n), user=users["coordinator"])

    add(1)
    one = _detail_queries(client, url, django_assert_max_num_queries)
    for n in range(2, 7):
        add(n)
    assert _detail_queries(client, url, django_assert_max_num_queries) == one


# --- adding and editing --------------------------------------------------------------------------------------------


def create_data(**extra):
    data = {"title_en": "MOU between Umed and the IMCCTIP", "kind": "network_government", "countries": ["TJ"],
            "status": "proposed", "date": "2017-06-23", "note": "Dushanbe forum"}
    data.update(extra)
    return data


def test_a_representative_adds_an_agreement_with_its_first_status(client_as, users):
    response = client_as("steering").post(reverse("members:agreement-create"), create_data())
    agreement = Agreement.objects.get()
    assert response.status_code == 302 and response["Location"] == agreement.get_absolute_url()
    assert agreement.slug == "mou-between-umed-and-the-imcctip"
    assert agreement.status == "proposed" and agreement.original_language == "en"
    change = agreement.status_changes.get()
    assert (change.date, change.note, change.recorded_by) == (datetime.date(2017, 6, 23), "Dushanbe forum", users["steering"])


def test_a_title_in_another_script_gets_a_latin_slug_and_the_second_one_another(client_as):
    client = client_as("coordinator")
    for _ in range(2):
        client.post(reverse("members:agreement-create") + "?content=ru", create_data(title_en="", title_ru="Меморандум"))
    assert sorted(Agreement.objects.values_list("slug", flat=True)) == ["memorandum", "memorandum-2"]
    assert Agreement.objects.first().original_language == "ru"


def test_an_agreement_titled_new_never_takes_the_address_of_the_add_page(client_as):
    client_as("coordinator").post(reverse("members:agreement-create"), create_data(title_en="New"))
    agreement = Agreement.objects.get()
    assert agreement.slug == "new-2"
    assert client_as("coordinator").get(agreement.get_absolute_url()).status_code == 200


def test_a_new_signed_agreement_is_dated_by_its_signature(client_as):
    client_as("coordinator").post(reverse("members:agreement-create"), create_data(status="signed", date="2019-05-01"))
    agreement = Agreement.objects.get()
    assert agreement.status == "signed" and agreement.signed_on == datetime.date(2019, 5, 1)


def test_a_representative_must_name_their_own_country_among_the_parties(client_as):
    response = client_as("steering").post(reverse("members:agreement-create"), create_data(countries=["AF", "PK"]))
    assert response.status_code == 400
    assert "Tick your own country" in response.content.decode()
    assert not Agreement.objects.exists()
    # A coordinator keeps every agreement, whoever the parties.
    assert client_as("coordinator").post(reverse("members:agreement-create"), create_data(countries=["AF"])).status_code == 302


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"date": "2999-01-01"}, "The date cannot be in the future."),
        ({"note": "line\nbreak"}, "without line breaks"),
        ({"title_en": "MOU\u202e reversed"}, "without line breaks"),
        ({"title_en": ""}, "This field is required."),
        ({"link": "javascript:alert(1)"}, "Enter a valid URL."),
        ({"status": "abandoned"}, "Select a valid choice."),
    ],
)
def test_bad_input_is_refused_with_a_message(client_as, bad, message):
    response = client_as("coordinator").post(reverse("members:agreement-create"), create_data(**bad))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Agreement.objects.exists()


@pytest.mark.parametrize("role, status", [("member", 403), ("editor", 403), ("stakeholder", 403)])
def test_others_may_not_add(client_as, role, status):
    assert client_as(role).post(reverse("members:agreement-create"), create_data()).status_code == status
    assert not Agreement.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get(reverse("members:agreement-create"))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_representative_of_a_party_country_edits_it_in_one_language(client_as):
    agreement = make_agreement(["TJ"], title_en="Old title")
    url = reverse("members:agreement-edit", args=[agreement.slug])
    client = client_as("steering")
    assert client.get(url).status_code == 200
    response = client.post(url + "?content=ru", {"title_ru": "Новое название", "kind": "multilateral",
                                                 "countries": ["TJ", "AF"]})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.title_en, agreement.title_ru, agreement.kind) == ("Old title", "Новое название", "multilateral")
    assert agreement.status_changes.count() == 1  # editing records no status change


def test_editing_keeps_parties_the_editor_does_not_see(client_as):
    applicant = make_organization("TJ", name="Applicant Party NGO", membership_status=Organization.MembershipStatus.APPLICANT)
    agreement = make_agreement(["TJ"], title_en="MOU")
    agreement.organizations.add(applicant)
    response = client_as("steering").post(reverse("members:agreement-edit", args=[agreement.slug]),
                                          {"title_en": "MOU", "kind": "bilateral", "countries": ["TJ"]})
    assert response.status_code == 302
    assert list(agreement.organizations.all()) == [applicant]


@pytest.mark.parametrize("role, status", [("member", 403), ("editor", 403), ("other_editor", 403), ("steering", 403),
                                          ("coordinator", 200)])
def test_only_coordinators_edit_an_agreement_without_the_representatives_country(client_as, role, status):
    agreement = make_agreement(["AF", "PK"])
    assert client_as(role).get(reverse("members:agreement-edit", args=[agreement.slug])).status_code == status


def test_an_unknown_agreement_cannot_be_edited(client_as):
    assert client_as("coordinator").get(reverse("members:agreement-edit", args=["no-such"])).status_code == 404


# --- recording a status change -----------------------------------------------------------------------------------


def test_the_representative_records_a_status_change(client_as, users):
    agreement = make_agreement(["TJ"])
    response = client_as("steering").post(status_url(agreement), {"status": "signed", "date": "2019-05-01",
                                                                    "note": "Signed in Dushanbe"})
    assert response.status_code == 302 and response["Location"].endswith("#history")
    agreement.refresh_from_db()
    assert agreement.status == "signed" and agreement.signed_on == datetime.date(2019, 5, 1)
    assert agreement.status_changes.first().recorded_by == users["steering"]


def test_a_back_dated_status_change_does_not_overwrite_a_newer_status(client_as):
    agreement = make_agreement(["TJ"], status="in_force", date=datetime.date(2020, 1, 1))
    response = client_as("coordinator").post(status_url(agreement), {"status": "negotiating", "date": "2018-03-01"})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == "in_force"
    assert agreement.status_changes.count() == 2


@pytest.mark.parametrize(
    "data, message",
    [
        ({"status": "signed", "date": (timezone.localdate() + datetime.timedelta(days=1)).isoformat()},
         "The date cannot be in the future."),
        ({"status": "signed", "date": "2019-05-01", "note": "a\tb"}, "without line breaks"),
        ({"status": "signed"}, "This field is required."),
        ({"status": "", "date": "2019-05-01"}, "This field is required."),
    ],
)
def test_a_bad_status_change_is_refused_and_nothing_is_recorded(client_as, data, message):
    agreement = make_agreement(["TJ"])
    response = client_as("steering").post(status_url(agreement), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == "proposed" and agreement.status_changes.count() == 1


@pytest.mark.parametrize("role, status", [("member", 403), ("editor", 403), ("stakeholder", 403), ("steering", 403)])
def test_others_may_not_record_a_status_change(client_as, role, status):
    agreement = make_agreement(["AF"])
    assert client_as(role).post(status_url(agreement), {"status": "signed", "date": "2019-05-01"}).status_code == status
    assert agreement.status_changes.count() == 1


def test_a_status_change_needs_a_post(client_as):
    agreement = make_agreement(["TJ"])
    assert client_as("steering").get(status_url(agreement)).status_code == 405


# --- the country page ------------------------------------------------------------------------------------------------


def test_the_country_page_lists_its_agreements_and_those_of_its_network(client, db):
    network = NationalNetwork.objects.create(country_id="AF", name="Afghan network", acronym="ANCTIP")
    network_mou = make_agreement([], title_en="ANCTIP MOU")
    network_mou.networks.add(network)
    make_agreement(["AF", "PK"], title_en="Afghanistan–Pakistan MOU")
    make_agreement(["TJ"], title_en="CIS MOUs")
    html = page(client, reverse("members:country", args=["af"]))
    assert "ANCTIP MOU" in html and "Afghanistan–Pakistan MOU" in html and "CIS MOUs" not in html
    assert "the national network is a party" in html
    assert f"{LIST}?country=af" in html
