"""Verified entries: "Still correct" and "Mark verified" on a profile, what the public sees of an entry's age, the
profile's edit form as a confirmation, the admin's action, and the coordinators' list of stale entries."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from members.models import Membership, Organization, SecurityEvent, Service, VerifiedBy

from ..factories import make_organization, make_service
from .conftest import edit_url, form_data

STALE_URL = reverse("members:stale-entries")


def confirm_url(org):
    return reverse("members:organization-confirm", args=[org.slug])


def profile_url(org):
    return reverse("members:organization", args=[org.slug])


def ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def set_verified(entry, days_ago, as_=VerifiedBy.ORGANIZATION):
    """Make `entry` last verified `days_ago` (None: never), without going through save() (no history, no search)."""
    at = None if days_ago is None else ago(days_ago)
    type(entry).objects.filter(pk=entry.pk).update(verified_at=at, verified_as=as_ if at else "")
    entry.refresh_from_db()
    return entry


# --- confirming: who may, and what it records ------------------------------------------------------------


@pytest.fixture
def services(organization):
    return [make_service(organization, name="Hotline 1190"), make_service(organization, Service.Kind.SHELTER)]


@pytest.mark.parametrize("role", ["member", "other_editor", "stakeholder", "steering"])
def test_who_is_not_an_editor_of_the_organization_may_not_confirm_it(client_as, role, organization, services):
    response = client_as(role).post(confirm_url(organization))
    assert response.status_code == 403
    organization.refresh_from_db()
    assert organization.verified_at is None
    assert not Service.objects.filter(verified_at__isnull=False).exists()


def test_anonymous_visitors_are_sent_to_log_in_and_nothing_changes(client, organization):
    response = client.post(confirm_url(organization))
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={confirm_url(organization)}"
    organization.refresh_from_db()
    assert organization.verified_at is None


def test_the_editor_confirms_the_organization_and_all_its_services_in_one_step(client_as, users, organization, services):
    updated_before = organization.updated_at
    response = client_as("editor").post(confirm_url(organization), follow=True)
    assert response.redirect_chain == [(profile_url(organization), 302)]
    assert "confirmed as correct today" in response.content.decode()
    organization.refresh_from_db()
    assert organization.verified_as == VerifiedBy.ORGANIZATION
    assert organization.verified_by == users["editor"]
    assert timezone.now() - organization.verified_at < datetime.timedelta(minutes=1)
    assert not organization.is_stale
    assert organization.updated_at == updated_before  # confirming is not editing the profile
    for service in Service.objects.filter(organization=organization):
        assert (service.verified_as, service.verified_by, service.verified_at) == (
            VerifiedBy.ORGANIZATION, users["editor"], organization.verified_at
        )
    # Keeping its entry current is the organization's own business: not a security event.
    assert not SecurityEvent.objects.filter(kind=SecurityEvent.Kind.ENTRY_VERIFIED).exists()


def test_the_coordinator_marks_it_verified_by_the_secretariat_and_the_security_log_keeps_it(
    client_as, users, organization, services
):
    response = client_as("coordinator").post(confirm_url(organization), follow=True)
    assert "marked verified by the secretariat today" in response.content.decode()
    organization.refresh_from_db()
    assert (organization.verified_as, organization.verified_by) == (VerifiedBy.SECRETARIAT, users["coordinator"])
    assert set(Service.objects.values_list("verified_as", flat=True)) == {VerifiedBy.SECRETARIAT}
    event = SecurityEvent.objects.get(kind=SecurityEvent.Kind.ENTRY_VERIFIED)
    assert event.actor == users["coordinator"]
    assert event.target == "organization madina-test"


def test_confirming_changes_no_content_so_the_change_history_has_no_entry(client_as, organization, services):
    before = (organization.history.count(), sum(service.history.count() for service in services))
    client_as("editor").post(confirm_url(organization))
    assert (organization.history.count(), sum(service.history.count() for service in services)) == before


def test_the_confirmation_leaves_other_organizations_alone(client_as, organization, other_organization, services):
    other_service = make_service(other_organization)
    client_as("coordinator").post(confirm_url(organization))
    other_organization.refresh_from_db()
    other_service.refresh_from_db()
    assert other_organization.verified_at is None and other_service.verified_at is None


def test_confirming_needs_a_post(client_as, organization):
    assert client_as("editor").get(confirm_url(organization)).status_code == 405
    organization.refresh_from_db()
    assert organization.verified_at is None


@pytest.mark.parametrize(("role", "status"), [("editor", 404), ("member", 404), ("coordinator", 302)])
def test_an_applicant_is_confirmed_by_coordinators_only(client_as, role, status):
    applicant = make_organization("TJ", slug="applicant", membership_status=Organization.MembershipStatus.APPLICANT)
    assert client_as(role).post(confirm_url(applicant)).status_code == status


def test_an_unknown_organization_is_not_found(client_as):
    assert client_as("coordinator").post(reverse("members:organization-confirm", args=["no-such-org"])).status_code == 404


# --- the buttons on the profile -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "button"),
    [
        ("anonymous", None),
        ("member", None),
        ("editor", "Still correct"),
        ("other_editor", None),
        ("stakeholder", None),
        ("steering", None),
        ("coordinator", "Mark verified"),
    ],
)
def test_the_profile_offers_each_role_its_button(client_as, role, button, organization):
    html = client_as(role).get(profile_url(organization)).content.decode()
    has_form = f'action="{confirm_url(organization)}"' in html
    assert has_form == (button is not None)
    assert ("Still correct" in html) == (button == "Still correct")
    assert ("Mark verified" in html) == (button == "Mark verified")


# --- what the public sees --------------------------------------------------------------------------------


def test_the_public_sees_who_confirmed_the_entry_and_when(client, organization):
    set_verified(organization, 10)
    html = client.get(profile_url(organization)).content.decode()
    date = date_format(timezone.localtime(organization.verified_at), "SHORT_DATE_FORMAT")
    assert f"Confirmed by the organization on {date}." in html
    assert "May be out of date" not in html
    assert "Profile last updated" in html

    set_verified(organization, 10, VerifiedBy.SECRETARIAT)
    html = client.get(profile_url(organization)).content.decode()
    assert f"Verified by the secretariat on {date}." in html
    assert "Confirmed by the organization" not in html


def test_an_entry_never_verified_may_be_out_of_date(client, organization):
    html = client.get(profile_url(organization)).content.decode()
    assert "May be out of date" in html
    assert "Never verified" not in html  # that is the coordinators' list's wording


@override_settings(VERIFICATION_MONTHS=1)
def test_an_entry_not_verified_for_the_period_may_be_out_of_date(client, organization):
    set_verified(organization, 28)
    assert "May be out of date" not in client.get(profile_url(organization)).content.decode()
    set_verified(organization, 32)
    html = client.get(profile_url(organization)).content.decode()
    assert "May be out of date" in html
    assert "Confirmed by the organization on" in html  # the date stays shown


def test_by_default_the_period_is_twelve_months(organization):
    assert not set_verified(organization, 360).is_stale
    assert set_verified(organization, 370).is_stale


def test_directory_cards_mark_the_stale_organizations(client, organization, other_organization):
    set_verified(organization, 400)
    set_verified(other_organization, 5)
    stale_card = client.get(reverse("members:directory"), {"q": "Madina"}).content.decode()
    fresh_card = client.get(reverse("members:directory"), {"q": "Other Pakistani"}).content.decode()
    assert "May be out of date" in stale_card
    assert "May be out of date" not in fresh_card


# --- saving the edit form is a confirmation ------------------------------------------------------------------


def test_saving_the_profile_confirms_it_but_not_its_services(client_as, users, rendered, organization):
    """The services have forms of their own (saving one confirms that service)."""
    response = client_as("editor").post(edit_url(organization), form_data(rendered))
    assert response.status_code == 302
    organization.refresh_from_db()
    assert (organization.verified_as, organization.verified_by) == (VerifiedBy.ORGANIZATION, users["editor"])
    assert not Service.objects.filter(organization=organization, verified_at__isnull=False).exists()
    assert not SecurityEvent.objects.filter(kind=SecurityEvent.Kind.ENTRY_VERIFIED).exists()


def test_a_coordinator_saving_the_profile_verifies_it_for_the_secretariat(client_as, users, rendered, organization):
    client = client_as("coordinator")
    response = client.post(edit_url(organization), form_data(client.get(edit_url(organization))))
    assert response.status_code == 302
    organization.refresh_from_db()
    assert (organization.verified_as, organization.verified_by) == (VerifiedBy.SECRETARIAT, users["coordinator"])


def test_a_refused_edit_confirms_nothing(client_as, rendered, organization):
    data = form_data(rendered) | {"website": "not a web address"}
    assert client_as("editor").post(edit_url(organization), data).status_code == 400
    organization.refresh_from_db()
    assert organization.verified_at is None


# --- the admin's action ---------------------------------------------------------------------------------------


def test_the_admin_action_verifies_for_the_secretariat(client_as, users, organization, services):
    response = client_as("coordinator").post(
        reverse("admin:members_organization_changelist"),
        {"action": "mark_verified", "_selected_action": [organization.pk]},
    )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert (organization.verified_as, organization.verified_by) == (VerifiedBy.SECRETARIAT, users["coordinator"])
    assert set(Service.objects.values_list("verified_as", flat=True)) == {VerifiedBy.SECRETARIAT}


# --- the coordinators' list of stale entries -------------------------------------------------------------------


@pytest.mark.parametrize("role", ["member", "editor", "other_editor", "stakeholder", "steering"])
def test_only_coordinators_see_the_stale_entries(client_as, role):
    assert client_as(role).get(STALE_URL).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(STALE_URL)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={STALE_URL}"


@pytest.mark.parametrize(("role", "shown"), [("anonymous", False), ("editor", False), ("coordinator", True)])
def test_the_directory_links_to_the_list_for_coordinators(client_as, role, shown):
    assert (STALE_URL in client_as(role).get(reverse("members:directory")).content.decode()) == shown


@pytest.fixture
def world(users, organization, other_organization, seat_organization, stakeholder_organization):
    """Madina: verified 400 days ago, a stale hotline; other-pk: fresh, but a shelter never verified; seat-holder
    and the commission: fresh, with fresh services; a former member and an applicant: never verified."""
    set_verified(organization, 400)
    set_verified(make_service(organization, name="Madina hotline"), 500)
    set_verified(make_service(organization, name="Madina fresh legal aid", kind=Service.Kind.LEGAL_AID), 3)
    set_verified(other_organization, 3)
    make_service(other_organization, kind=Service.Kind.SHELTER, name="Pakistani shelter")
    set_verified(seat_organization, 3)
    set_verified(make_service(seat_organization, name="Seat hotline"), 3)
    set_verified(stakeholder_organization, 200)
    make_organization("TJ", slug="former", membership_status=Organization.MembershipStatus.FORMER)
    make_organization("TJ", slug="applicant", membership_status=Organization.MembershipStatus.APPLICANT)


def test_the_list_has_the_stale_entries_the_longest_unconfirmed_first(client_as, world, organization):
    response = client_as("coordinator").get(STALE_URL)
    assert response.status_code == 200
    listed = list(response.context["organizations"])
    # other-pk's shelter was never verified; Madina's hotline 500 days ago; the rest is fresh, or not kept current.
    assert [o.slug for o in listed] == ["other-pk", "madina-test"]
    assert [s.name for s in listed[0].stale_services] == ["Pakistani shelter"]
    assert [s.name for s in listed[1].stale_services] == ["Madina hotline"]
    html = response.content.decode()
    assert profile_url(organization) in html
    assert "Never verified." in html
    assert "Madina fresh legal aid" not in html
    assert "Editors not reminded yet." in html


def test_the_list_says_when_the_editors_were_reminded_or_that_there_is_nobody_to_remind(client_as, world, organization):
    when = timezone.make_aware(datetime.datetime(2030, 5, 4, 12))
    Organization.objects.filter(pk=organization.pk).update(reminded_at=when)
    html = client_as("coordinator").get(STALE_URL).content.decode()
    assert f"Editors reminded on {date_format(when, 'SHORT_DATE_FORMAT')}." in html
    Organization.objects.filter(slug="other-pk").update(reminded_at=None)
    Membership.objects.filter(organization__slug="other-pk").delete()
    assert "No editor to remind." in client_as("coordinator").get(STALE_URL).content.decode()


def test_the_list_filters_by_country_in_either_case(client_as, world):
    client = client_as("coordinator")
    for code in ("pk", "PK"):
        assert [o.slug for o in client.get(STALE_URL, {"country": code}).context["organizations"]] == ["other-pk"]
    response = client.get(STALE_URL, {"country": "af"})
    assert list(response.context["organizations"]) == []
    assert "No entry matches these filters." in response.content.decode()


def test_an_unknown_country_is_not_applied(client_as, world):
    response = client_as("coordinator").get(STALE_URL, {"country": "xx"})
    assert response.status_code == 200


def test_when_everything_is_current_the_list_says_so(client_as, users):
    Organization.objects.update(verified_at=timezone.now())
    response = client_as("coordinator").get(STALE_URL)
    assert "Every entry of the directory has been confirmed within this time." in response.content.decode()


@override_settings(VERIFICATION_MONTHS=24)
def test_the_list_follows_the_period(client_as, world):
    assert [o.slug for o in client_as("coordinator").get(STALE_URL).context["organizations"]] == ["other-pk"]


def test_a_confirmed_organization_leaves_the_list(client_as, world, organization):
    client_as("editor").post(confirm_url(organization))
    assert "madina-test" not in [o.slug for o in client_as("coordinator").get(STALE_URL).context["organizations"]]


def test_the_list_is_paginated(client_as, users):
    for n in range(35):
        make_organization("UZ", name=f"Uzbek {n:02d}", slug=f"uz-{n:02d}")
    client = client_as("coordinator")
    first = client.get(STALE_URL, {"country": "uz"})
    assert len(first.context["organizations"]) == 30
    second = client.get(STALE_URL, {"country": "uz", "page": 2})
    assert len(second.context["organizations"]) == 5
    assert "country=uz&amp;page=1" in second.content.decode()


@pytest.mark.parametrize("count", [1, 6])
def test_the_list_needs_the_same_queries_however_many_entries(client_as, django_assert_num_queries, users, count):
    Organization.objects.update(verified_at=timezone.now())
    for n in range(count):
        org = make_organization("AF", name=f"Afghan {n}")
        make_service(org)
        make_service(org, kind=Service.Kind.SHELTER)
    client = client_as("coordinator")
    client.get(STALE_URL)  # the session's first request may write it
    # session, user, second-factor check, the menu's counts; countries (filter), count, page, stale services
    with django_assert_num_queries(8):
        response = client.get(STALE_URL, {"country": "af"})
    assert len(response.context["organizations"]) == count
