"""A service's own pages /members/org/<slug>/services/…: who may add, edit and delete it, and what its form takes."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from members.forms.services import clean_day_hours
from members.models import Organization, SecurityEvent, Service
from tests.html import parse

from ..conftest import ROLES
from ..factories import make_service
from .conftest import service_form_data

CAN_EDIT = {"editor", "coordinator"}  # of madina-test: its editor and the coordinators
DENIED = {"anonymous": 302, "member": 403, "other_editor": 403, "stakeholder": 403, "steering": 403}


def create_url(org):
    return reverse("members:service-create", args=[org.slug])


def edit_url(service):
    return reverse("members:service-edit", args=[service.organization.slug, service.pk])


def delete_url(service):
    return reverse("members:service-delete", args=[service.organization.slug, service.pk])


VALID = {"kind": "hotline", "name_en": "Madina helpline", "phone": "+992 37 000 1234"}


@pytest.fixture
def service(organization):
    return make_service(organization, Service.Kind.HOTLINE, name="Existing Hotline", phone="1190")


def post(client_as, role, url, data):
    client = client_as(role)
    client.raise_request_exception = False
    return client.post(url, data)


# --- who may add, edit and delete ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_only_the_organizations_editors_and_coordinators_open_the_form(client_as, role, organization, service):
    for url in (create_url(organization), edit_url(service), delete_url(service)):
        response = client_as(role).get(url)
        assert response.status_code == (200 if role in CAN_EDIT else DENIED[role]), (role, url)
        if role == "anonymous":
            assert response["Location"] == f"/accounts/login/?next={url}"


@pytest.mark.parametrize("role", ROLES)
def test_adding_a_service(client_as, role, organization):
    response = post(client_as, role, create_url(organization), VALID)
    if role in CAN_EDIT:
        assert response.status_code == 302
        assert response["Location"] == "/members/org/madina-test/edit/#services"
        assert organization.services.get().name_en == "Madina helpline"
    else:
        assert response.status_code == DENIED[role]
        assert not Service.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_editing_a_service(client_as, role, service):
    response = post(client_as, role, edit_url(service), VALID | {"name_en": "Renamed"})
    service.refresh_from_db()
    if role in CAN_EDIT:
        assert response.status_code == 302
        assert (service.name_en, service.phone) == ("Renamed", "+992 37 000 1234")
    else:
        assert response.status_code == DENIED[role]
        assert (service.name_en, service.phone) == ("Existing Hotline", "1190")


@pytest.mark.parametrize("role", ROLES)
def test_deleting_a_service(client_as, role, service):
    response = post(client_as, role, delete_url(service), {})
    if role in CAN_EDIT:
        assert response.status_code == 302
        assert response["Location"] == "/members/org/madina-test/edit/#services"
        assert not Service.objects.exists()
    else:
        assert response.status_code == DENIED[role]
        assert Service.objects.filter(pk=service.pk).exists()


def test_the_delete_page_asks_first_and_deletes_nothing(client_as, service):
    response = client_as("editor").get(delete_url(service))
    html = response.content.decode()
    assert "Delete the service Existing Hotline?" in html
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html
    assert Service.objects.filter(pk=service.pk).exists()


def test_a_deleted_service_is_gone_from_the_profile_with_a_message(client_as, service):
    client = client_as("editor")
    response = client.post(delete_url(service), follow=True)
    assert "The service Existing Hotline was deleted." in response.content.decode()
    assert "Existing Hotline" not in client.get("/members/org/madina-test/").content.decode()


def test_the_editor_of_another_organization_edits_their_own_services(client_as, other_organization):
    own = make_service(other_organization, Service.Kind.SHELTER, name="Own shelter")
    response = client_as("other_editor").post(edit_url(own), VALID | {"kind": "shelter", "name_en": "Own shelter 2"})
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.name_en == "Own shelter 2"


@pytest.mark.parametrize("role", ["editor", "coordinator"])
def test_a_service_of_another_organization_is_not_found_through_this_one(client_as, role, organization, other_organization):
    foreign = make_service(other_organization, Service.Kind.SHELTER, name="Foreign shelter")
    for view in ("members:service-edit", "members:service-delete"):
        url = reverse(view, args=[organization.slug, foreign.pk])
        assert client_as(role).get(url).status_code == 404
        assert client_as(role).post(url, VALID).status_code == 404
    foreign.refresh_from_db()
    assert (foreign.name_en, foreign.organization_id) == ("Foreign shelter", other_organization.pk)


def test_an_applicants_services_are_for_coordinators_only(client_as, organization):
    organization.membership_status = Organization.MembershipStatus.APPLICANT
    organization.save()
    assert client_as("editor").get(create_url(organization)).status_code == 404
    assert client_as("coordinator").get(create_url(organization)).status_code == 200


def test_an_unknown_organization_or_service_is_not_found(client_as, organization):
    client = client_as("editor")
    assert client.get("/members/org/no-such-org/services/new/").status_code == 404
    assert client.get(f"/members/org/{organization.slug}/services/999999/edit/").status_code == 404


def test_deleting_needs_a_post(client_as, service):
    """The link on the edit page leads to the confirmation page: a GET deletes nothing."""
    client_as("editor").get(delete_url(service))
    assert Service.objects.filter(pk=service.pk).exists()


# --- saving confirms the service ---------------------------------------------------------------------------------


def test_an_editors_save_confirms_the_service_for_the_organization(client_as, users, service):
    service.verified_at = timezone.now() - datetime.timedelta(days=500)
    service.save()
    client_as("editor").post(edit_url(service), VALID)
    service.refresh_from_db()
    assert service.verified_as == "organization"
    assert service.verified_by == users["editor"]
    assert timezone.now() - service.verified_at < datetime.timedelta(minutes=1)
    assert not service.is_stale
    assert not SecurityEvent.objects.filter(kind=SecurityEvent.Kind.ENTRY_VERIFIED).exists()


def test_a_coordinators_save_is_the_secretariats_verification_and_is_logged(client_as, users, organization):
    client_as("coordinator").post(create_url(organization), VALID)
    service = organization.services.get()
    assert (service.verified_as, service.verified_by) == ("secretariat", users["coordinator"])
    event = SecurityEvent.objects.get(kind=SecurityEvent.Kind.ENTRY_VERIFIED)
    assert event.actor == users["coordinator"]
    assert f"service {service.pk}" in event.target


def test_a_refused_form_confirms_nothing(client_as, service):
    client_as("editor").post(edit_url(service), VALID | {"phone": "call us"})
    service.refresh_from_db()
    assert service.verified_at is None


# --- the form: good input ------------------------------------------------------------------------------------------

FULL = {
    "kind": "shelter",
    "name_en": "Safe house",
    "phone": " +992 (37) 000-12 34 ",
    "toll_free": "on",
    "sms": "1190",
    "whatsapp": "+992 90 000 0001",
    "telegram": "https://t.me/Safe_House_Demo",
    "signal": "+992 90 000 0002",
    "email": "shelter@example.org",
    "walk_in": "on",
    "city": "Dushanbe",
    "address": "1 Example Street",
    "areas_served": "Dushanbe, Khatlon",
    "monday": "9-17",
    "tuesday": "09.00 – 12.00; 14:00-17:00",
    "friday": "۰۹:۰۰-۱۳:۰۰",  # typed with Persian digits
    "hours_en": "Closed on public holidays.",
    "spoken_languages": ["tg", "ru", "fa"],
    "served_populations": ["women", "children"],
    "members_only": "on",
    "description_en": "For women and children referred by partners.",
}


def test_a_full_service_is_saved_normalized(client_as, organization):
    response = client_as("editor").post(create_url(organization), FULL)
    assert response.status_code == 302, response.context and response.context["form"].errors
    service = organization.services.get()
    assert service.kind == "shelter"
    assert (service.phone, service.toll_free, service.sms) == ("+992 (37) 000-12 34", True, "1190")
    assert (service.whatsapp, service.telegram, service.signal) == ("+992 90 000 0001", "@Safe_House_Demo", "+992 90 000 0002")
    assert (service.email, service.walk_in, service.city) == ("shelter@example.org", True, "Dushanbe")
    assert (service.address, service.areas_served) == ("1 Example Street", "Dushanbe, Khatlon")
    assert service.opening_hours == {"0": "09:00-17:00", "1": "09:00-12:00, 14:00-17:00", "4": "09:00-13:00"}
    assert (service.open_24_7, service.hours_en) == (False, "Closed on public holidays.")
    assert (service.languages, service.populations) == (",tg,ru,fa,", ",women,children,")
    assert service.members_only
    assert service.description_en == "For women and children referred by partners."


def test_the_form_shows_what_is_stored(client_as, organization):
    client = client_as("editor")
    client.post(create_url(organization), FULL)
    service = organization.services.get()
    response = client.get(edit_url(service))
    form = response.context["form"]
    assert form["monday"].value() == "09:00-17:00"
    assert form["sunday"].value() == ""
    assert form["spoken_languages"].value() == ["tg", "ru", "fa"]
    checked = {
        (attrs["name"], attrs.get("value"))
        for tag, attrs, _parts in parse(response.content.decode())
        if tag == "input" and attrs.get("type") == "checkbox" and "checked" in attrs
    }
    assert checked == {
        ("toll_free", None), ("walk_in", None), ("members_only", None), ("spoken_languages", "tg"),
        ("spoken_languages", "ru"), ("spoken_languages", "fa"), ("served_populations", "women"),
        ("served_populations", "children"),
    }
    # Submitting it unchanged changes nothing.
    before = Service.objects.values().get(pk=service.pk)
    assert client.post(edit_url(service), service_form_data(response)).status_code == 302
    after = Service.objects.values().get(pk=service.pk)
    assert {k: v for k, v in after.items() if not k.startswith("verified")} == {
        k: v for k, v in before.items() if not k.startswith("verified")
    }


def test_open_24_7_needs_no_weekday_hours_and_drops_them(client_as, organization):
    response = client_as("editor").post(create_url(organization), VALID | {"open_24_7": "on", "monday": "09:00-17:00"})
    assert response.status_code == 302
    service = organization.services.get()
    assert (service.open_24_7, service.opening_hours) == (True, {})


def test_emptying_every_channel_and_day_clears_them(client_as, organization):
    client = client_as("editor")
    client.post(create_url(organization), FULL)
    service = organization.services.get()
    response = client.post(edit_url(service), {"kind": "shelter", "name_en": "Safe house"})
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.channels == []
    assert (service.opening_hours, service.languages, service.populations, service.members_only) == ({}, "", "", False)


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("09:00-17:00", "09:00-17:00"),
        ("9-17", "09:00-17:00"),
        (" 8:30 - 12:00 ,13:00-17:30 ", "08:30-12:00, 13:00-17:30"),
        ("09.00–18.00", "09:00-18:00"),
        ("00:00-24:00", "00:00-24:00"),
        ("20:00-24:00", "20:00-24:00"),
        ("", ""),
    ],
)
def test_hours_are_normalized(typed, stored):
    assert clean_day_hours(typed) == stored


@pytest.mark.parametrize(
    "typed, message",
    [
        ("9 to 5", "Write the hours as 09:00-17:00"),
        ("closed", "Write the hours as 09:00-17:00"),
        ("09:00", "Write the hours as 09:00-17:00"),
        ("25:00-26:00", "Write the hours as 09:00-17:00"),
        ("09:60-17:00", "Write the hours as 09:00-17:00"),
        ("09:00-24:30", "Write the hours as 09:00-17:00"),
        ("09:00-10:00, 11:00-12:00, 13:00-14:00", "Write the hours as 09:00-17:00"),
        ("09:00-17:00,", "Write the hours as 09:00-17:00"),
        ("17:00-09:00", "Each range must end after it starts"),
        ("09:00-09:00", "Each range must end after it starts"),
        ("09:00-13:00, 12:00-17:00", "the second must start after the first ends"),
        ("14:00-17:00, 09:00-12:00", "the second must start after the first ends"),
    ],
)
def test_nonsense_hours_are_refused_and_nothing_is_saved(client_as, organization, typed, message):
    response = client_as("editor").post(create_url(organization), VALID | {"wednesday": typed})
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors["wednesday"])
    assert "Nothing was saved. Please correct the errors below." in response.content.decode()
    assert not Service.objects.exists()


@pytest.mark.parametrize(
    "field, typed, stored",
    [
        ("phone", "1098", "1098"),
        ("phone", "+93 (0)70-000 0000", "+93 (0)70-000 0000"),
        ("phone", "۰۷۰ ۰۰۰ ۰۰۰۰", "070 000 0000"),  # Persian digits
        ("sms", "  1190  ", "1190"),
        ("whatsapp", "+992 90 000 0001", "+992 90 000 0001"),
        ("signal", "+992-90-000-0002", "+992-90-000-0002"),
        ("telegram", "@helpline_tj", "@helpline_tj"),
        ("telegram", "helpline_tj", "@helpline_tj"),
        ("telegram", "t.me/helpline_tj", "@helpline_tj"),
        ("telegram", "+992 90 000 0003", "+992 90 000 0003"),
    ],
)
def test_numbers_and_names_are_accepted(client_as, organization, field, typed, stored):
    response = client_as("editor").post(create_url(organization), VALID | {field: typed})
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert getattr(organization.services.get(), field) == stored


PHONE = "Enter a phone number of 3 to 15 digits, using only digits, spaces, +, - and parentheses."
INTERNATIONAL = "Enter the number in international format, starting with + and the country code."
TELEGRAM = "Enter a Telegram user name such as @helpline, or a number starting with + and the country code."


@pytest.mark.parametrize(
    "field, typed, message",
    [
        ("phone", "call 1098", PHONE),
        ("phone", "1098#", PHONE),
        ("phone", "+992 37 000 1234 ext. 5", PHONE),
        ("phone", "12", PHONE),
        ("phone", "1234567890123456", PHONE),
        ("phone", "992+37", PHONE),
        ("phone", "javascript:alert(1)", PHONE),
        ("sms", "<b>1190</b>", PHONE),
        ("whatsapp", "0900 000 001", INTERNATIONAL),
        ("whatsapp", "wa.me/992900000001", PHONE),
        ("signal", "90 000 0002", INTERNATIONAL),
        ("telegram", "@ab", TELEGRAM),
        ("telegram", "help line", TELEGRAM),
        ("telegram", "0900 000 003", TELEGRAM),
        ("telegram", "https://evil.example/helpline", TELEGRAM),
        ("email", "not-an-address", "Enter a valid email address."),
    ],
)
def test_malformed_numbers_are_refused_next_to_the_field(client_as, organization, field, typed, message):
    response = client_as("editor").post(create_url(organization), VALID | {field: typed})
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    assert not Service.objects.exists()


CONTROL = "Enter this on one line, without line breaks, tabs or other control characters."


@pytest.mark.parametrize(
    "field, typed",
    [
        ("name_en", "Hotline\r\nsecond line"),
        ("phone", "1098\t1099"),
        ("telegram", "@helpline\x00"),
        ("city", "Dush\x07anbe"),
        ("address", "Street\u202e1"),
        ("areas_served", "Khatlon\nSughd"),
        ("hours_en", "Closed\non Sundays"),
        ("monday", "09:00\t-17:00"),
    ],
)
def test_single_line_fields_refuse_control_characters(client_as, organization, field, typed):
    response = client_as("editor").post(create_url(organization), VALID | {field: typed})
    assert response.status_code == 400
    assert CONTROL in response.context["form"].errors[field]
    assert not Service.objects.exists()


@pytest.mark.parametrize(
    "change, field",
    [
        ({"kind": ""}, "kind"),
        ({"kind": "spaceship"}, "kind"),
        ({"name_en": ""}, "name_en"),
        ({"name_en": "n" * 201}, "name_en"),
        ({"description_en": "d" * 1001}, "description_en"),
        ({"spoken_languages": ["xx"]}, "spoken_languages"),
        ({"served_populations": ["aliens"]}, "served_populations"),
        ({"monday": "0" * 51}, "monday"),
    ],
)
def test_other_invalid_input_is_refused(client_as, organization, change, field):
    response = client_as("editor").post(create_url(organization), VALID | change)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Service.objects.exists()


def test_an_error_is_shown_next_to_its_field(client_as, organization):
    html = client_as("editor").post(create_url(organization), VALID | {"whatsapp": "0900"}).content.decode()
    field = html.index('name="whatsapp"')
    error = html.index(INTERNATIONAL)
    assert 0 < error - field < 1500
    assert "is-invalid" in html


# --- one language at a time -----------------------------------------------------------------------------------------


def test_a_service_is_written_one_language_at_a_time(client_as, service):
    client = client_as("editor")
    url = edit_url(service) + "?content=ru"
    response = client.get(url)
    assert "name_ru" in response.context["form"].fields
    assert not {"name", "name_en"} & set(response.context["form"].fields)
    assert [item["code"] for item in response.context["language_bar"] if item["current"]] == ["ru"]
    data = service_form_data(response) | {"name_ru": "Горячая линия", "hours_ru": "Без выходных"}
    assert client.post(url, data).status_code == 302
    service.refresh_from_db()
    assert (service.name_en, service.name_ru, service.hours_ru) == ("Existing Hotline", "Горячая линия", "Без выходных")


def test_the_form_page_says_what_is_public(client_as, organization):
    html = client_as("editor").get(create_url(organization)).content.decode()
    assert "Shown to network members only, never to the public." in html  # the address
    assert "How to reach it" in html
    assert "Saving confirms that the service is correct as of today." in html


def test_markup_in_a_service_is_saved_but_shown_escaped(client_as, organization):
    client = client_as("editor")
    client.post(create_url(organization), VALID | {"name_en": "<script>alert(1)</script>", "hours_en": "<b>x</b>"})
    for path in ("/members/org/madina-test/", "/members/org/madina-test/edit/", "/members/tj/"):
        html = client.get(path).content.decode()
        assert "<script>alert(1)" not in html and "<b>x</b>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
