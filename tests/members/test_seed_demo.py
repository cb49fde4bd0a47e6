"""`manage.py seed_demo`: refuses with DEBUG off, idempotent, the real network as the seed documents name it."""

import io

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command

from members.demo import DEMO_TOTP_SECRET
from members.models import (
    Membership,
    NationalNetwork,
    Organization,
    Person,
    Service,
    SteeringCommitteeSeat,
    User,
)
from tests.factories import totp_code

pytestmark = pytest.mark.django_db

DEMO_EMAILS = [
    "coordinator@example.org",
    "steering.af@example.org",
    "steering.pk@example.org",
    "steering.tj@example.org",
    "steering.tm@example.org",
    "steering.uz@example.org",
    "member.pk@example.org",
]


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Organization, Person, SteeringCommitteeSeat, User, Service, Membership, NationalNetwork)
    } | {"focus links": Organization.focus_areas.through.objects.count()}


@pytest.fixture
def seeded(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())


def test_it_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("seed_demo", stdout=io.StringIO())
    assert not Organization.objects.exists()
    assert not User.objects.exists()


def test_force_runs_it_with_debug_off(settings):
    settings.DEBUG = False
    call_command("seed_demo", "--force", stdout=io.StringIO())
    assert Organization.objects.exists()


def test_running_it_twice_changes_no_counts(seeded, settings):
    first = counts()
    assert first["Organization"] >= 25
    assert first["User"] == 7
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert counts() == first
    assert "Demo data loaded." in out.getvalue()


def test_running_it_again_restores_edited_demo_data_without_duplicates(seeded):
    madina = Organization.objects.get(acronym="Madina")
    madina.focus_areas.clear()
    first_people = Person.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert Organization.objects.filter(acronym="Madina").count() == 1
    assert madina.focus_areas.exists()
    assert Person.objects.count() == first_people


def test_if_empty_does_nothing_when_the_directory_has_data(seeded):
    madina = Organization.objects.get(acronym="Madina")
    madina.description = "Edited by the editor."
    madina.save()
    Person.objects.filter(name="Nabot Dodkhudoeva").update(position="Changed")
    before = counts()
    out = io.StringIO()
    call_command("seed_demo", "--if-empty", stdout=out)
    assert "already has data" in out.getvalue()
    assert counts() == before
    madina.refresh_from_db()
    assert madina.description == "Edited by the editor."
    assert Person.objects.get(name="Nabot Dodkhudoeva").position == "Changed"


def test_if_empty_loads_an_empty_directory(settings):
    settings.DEBUG = True
    call_command("seed_demo", "--if-empty", stdout=io.StringIO())
    assert Organization.objects.count() >= 25


def test_the_five_current_seats_are_those_of_the_outcome_document(seeded):
    seats = {
        seat.country_id: (seat.organization.acronym, seat.representative.name)
        for seat in SteeringCommitteeSeat.objects.current().select_related("organization", "representative")
    }
    assert seats == {
        "AF": ("OFRD", "Mohammad Shoaib Nasiri"),
        "PK": ("LHRLA", "Zia Ahmed Awan"),
        "TJ": ("Madina", "Nabot Dodkhudoeva"),
        "TM": ("Ynam", "Lyudmila Petukhova"),
        "UZ": ("Istiqlol Avlodi", "Nazifa Kamalova"),
    }
    for seat in SteeringCommitteeSeat.objects.current().select_related("organization"):
        assert seat.organization.country_id == seat.country_id
        assert seat.organization.is_member


def test_the_national_networks_are_anctip_and_umed(seeded):
    assert set(NationalNetwork.objects.values_list("country_id", "acronym")) == {("AF", "ANCTIP"), ("TJ", "Umed")}


def test_government_and_international_bodies_are_stakeholders_not_members(seeded):
    for org in Organization.objects.filter(kind__in=["government", "international"]):
        assert org.membership_status == Organization.MembershipStatus.STAKEHOLDER
    assert Organization.objects.filter(kind="government").count() >= 2


def test_hotlines_and_shelters_are_loaded(seeded):
    assert Service.objects.filter(kind="hotline", organization__acronym="LHRLA", phone="1098").exists()
    assert Service.objects.filter(kind="hotline", organization__acronym="Ynam").exists()
    assert Service.objects.filter(kind="shelter", organization__acronym="Enme").exists()


def test_demo_users_log_in_with_the_demo_password_and_code(seeded, client):
    for email in DEMO_EMAILS:
        client.logout()
        response = client.post("/accounts/login/", {"login": email, "password": "demo-pass-2017"})
        assert response["Location"] == "/accounts/2fa/authenticate/", email
        cache.clear()  # each code is accepted once per account; the same code serves every demo account here
        client.post("/accounts/2fa/authenticate/", {"code": totp_code(DEMO_TOTP_SECRET)})
        assert client.session["_auth_user_id"] == str(User.objects.get(email=email).pk)


SEAT_USERS = [("af", "OFRD"), ("pk", "LHRLA"), ("tj", "Madina"), ("tm", "Ynam"), ("uz", "Istiqlol Avlodi")]


def test_steering_users_represent_their_country_and_edit_their_organization(seeded):
    from members import permissions

    for code, acronym in SEAT_USERS:
        user = User.objects.get(email=f"steering.{code}@example.org")
        assert permissions.steering_countries(user) == {code.upper()}
        assert permissions.is_steering_representative(user, code.upper())
        org = Organization.objects.get(acronym=acronym)
        assert permissions.can_edit_organization(user, org)
        assert not user.is_staff
        assert not permissions.is_coordinator(user)


def test_member_pk_edits_sparc_and_is_not_on_the_committee(seeded):
    from members import permissions

    user = User.objects.get(email="member.pk@example.org")
    assert list(user.memberships.values_list("organization__acronym", "role")) == [("SPARC", "editor")]
    assert not permissions.is_steering_representative(user)
    assert not permissions.can_edit_organization(user, Organization.objects.get(acronym="LHRLA"))


def test_the_coordinator_is_coordinator_and_staff(seeded):
    user = User.objects.get(email="coordinator@example.org")
    assert user.is_coordinator
    assert user.is_staff
    assert not user.memberships.exists()


def test_no_personal_email_outside_example_org(seeded):
    emails = list(Person.objects.exclude(email="").values_list("email", flat=True))
    emails += list(User.objects.values_list("email", flat=True))
    emails += list(Organization.objects.exclude(public_email="").values_list("public_email", flat=True))
    assert emails
    for email in emails:
        assert email.endswith("@example.org"), email


def test_personal_phones_are_fake_numbers(seeded):
    for phone in Person.objects.exclude(phone="").values_list("phone", flat=True):
        assert " 000 " in phone, phone


def test_the_demo_directory_keeps_personal_contacts_private(seeded, client):
    person = Person.objects.get(name="Nabot Dodkhudoeva")
    for path in ["/", "/members/", "/members/tj/", "/members/org/madina/", "/steering-committee/"]:
        html = client.get(path).content.decode()
        assert person.email not in html
        assert person.phone not in html


def test_the_demo_directory_finds_madina_in_cyrillic(seeded, client):
    response = client.get("/members/", {"q": "мадина"})
    assert [org.acronym for org in response.context["organizations"]] == ["Madina"]


def _seed_document_contacts():
    """The personal e-mails (local parts) and phone numbers printed in the seed documents."""
    import re
    from pathlib import Path

    from django.conf import settings

    folder = Path(settings.BASE_DIR).parent / "shared" / "seeds"
    text = "\n".join(p.read_text(errors="ignore") for p in sorted(folder.glob("*.txt"))) if folder.is_dir() else ""
    emails = {m.lower().rstrip(".") for m in re.findall(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+", text)}
    phones = {re.sub(r"\D", "", m) for m in re.findall(r"\+\d[\d ]{8,}\d", text)}
    return emails, phones


def test_no_real_contact_from_the_seed_documents_is_in_the_demo_data(seeded):
    emails, phones = _seed_document_contacts()
    if not emails:
        pytest.skip("the seed documents are not next to the repository")
    stored_emails = set(Person.objects.values_list("email", flat=True)) | set(User.objects.values_list("email", flat=True))
    stored_emails |= set(Organization.objects.values_list("public_email", flat=True))
    assert not {e.lower() for e in stored_emails if e} & emails
    stored_phones = set(Person.objects.values_list("phone", flat=True)) | set(Service.objects.values_list("phone", flat=True))
    stored_phones |= set(Organization.objects.values_list("public_phone", flat=True))
    stored_digits = {"".join(ch for ch in p if ch.isdigit()) for p in stored_phones if p}
    for real in phones:
        assert not any(real[-9:] in digits for digits in stored_digits), real
