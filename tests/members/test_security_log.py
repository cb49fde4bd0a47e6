"""The security log: what the real actions record, that nobody can change it, and the coordinators' page."""

import datetime
import io
import re

import pytest
from allauth.core import context
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from members.models import Membership, SecurityEvent, SecurityLogIsAppendOnly
from members.security import log_event, one_line

from ..factories import PASSWORD, make_membership, make_person, make_seat, make_user, totp_code

pytestmark = pytest.mark.django_db

Kind = SecurityEvent.Kind
NEW_PASSWORD = "a-much-longer-pass-2026"


def events(kind):
    return list(SecurityEvent.objects.filter(kind=kind))


def log_in(client, email, password=PASSWORD, **headers):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **headers)


# --- what the real actions record ---------------------------------------------------------------------------


def test_a_wrong_then_a_right_password_at_the_login_form(client):
    user = make_user("login.test@example.org", second_factor=False)
    headers = {"REMOTE_ADDR": "203.0.113.7", "HTTP_USER_AGENT": "Mozilla/5.0 (Test) " + "x" * 400}
    log_in(client, "Login.Test@example.org", "wrong-password", **headers)
    log_in(client, "login.test@example.org", **headers)

    [failed] = events(Kind.LOGIN_FAILED)
    assert failed.actor is None and failed.actor_email == ""
    assert failed.target == "user login.test@example.org"  # as typed (allauth lowercases it): attacks on an account show
    assert failed.target_user == user
    assert failed.ip_address == "203.0.113.7"
    assert failed.user_agent.startswith("Mozilla/5.0 (Test)") and len(failed.user_agent) == 300
    [login] = events(Kind.LOGIN)
    assert (login.actor, login.actor_email, login.target_user) == (user, "login.test@example.org", user)
    assert login.ip_address == "203.0.113.7"


def test_a_failed_login_for_an_unknown_address_says_so(client):
    log_in(client, "nobody@example.org", "whatever-123")
    [failed] = events(Kind.LOGIN_FAILED)
    assert failed.target == "user nobody@example.org"
    assert failed.target_user is None
    assert failed.detail == "no account with this e-mail address"


def test_a_wrong_second_factor_code_then_the_right_one(client):
    user = make_user("two.factors@example.org")
    log_in(client, user.email)
    assert not events(Kind.LOGIN)  # the password alone does not log in
    client.post(reverse("mfa_authenticate"), {"code": "000000" if totp_code() != "000000" else "111111"})
    client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    [refused] = events(Kind.SECOND_FACTOR_FAILED)
    assert (refused.target_user, refused.detail) == (user, "totp")
    assert [e.target_user for e in events(Kind.LOGIN)] == [user]


def test_adding_an_authenticator_app(client, django_capture_on_commit_callbacks):
    user = make_user("new.app@example.org", second_factor=False)
    log_in(client, user.email)
    secret = client.get(reverse("mfa_activate_totp")).context["form"].secret
    with django_capture_on_commit_callbacks() as announce:  # allauth announces it once the transaction commits
        response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    with context.request_context(response.wsgi_request):  # as during the request, outside the test's transaction
        for callback in announce:
            callback()
    assert [(e.target_user, e.detail) for e in events(Kind.SECOND_FACTOR_ADDED)] == [
        (user, "recovery_codes"),
        (user, "totp"),
    ]


def test_removing_the_authenticator_app(client):
    user = make_user("no.more.app@example.org")
    log_in(client, user.email)
    client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 302
    [removed] = events(Kind.SECOND_FACTOR_REMOVED)
    assert (removed.actor, removed.target_user, removed.detail) == (user, user, "totp")


def test_logging_out(client):
    user = make_user("leaving@example.org", second_factor=False)
    log_in(client, user.email)
    client.post(reverse("account_logout"))
    [logout] = events(Kind.LOGOUT)
    assert (logout.actor, logout.target_user) == (user, user)


def test_changing_the_password(client):
    user = make_user("changer@example.org", second_factor=False)
    log_in(client, user.email)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    [changed] = events(Kind.PASSWORD_CHANGED)
    assert (changed.actor, changed.target_user) == (user, user)


def test_resetting_a_forgotten_password(client):
    user = make_user("forgetful@example.org", second_factor=False)
    client.post(reverse("account_reset_password"), {"email": user.email})
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[-1].body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    [reset] = events(Kind.PASSWORD_RESET)
    assert reset.target_user == user


def test_adding_and_removing_an_e_mail_address(client):
    user = make_user("addresses@example.org", second_factor=False)
    log_in(client, user.email)
    client.post(reverse("account_email"), {"action_add": "", "email": "second@example.org"})
    client.post(reverse("account_email"), {"action_remove": "", "email": "second@example.org"})
    [added] = events(Kind.EMAIL_ADDED)
    assert (added.actor, added.target_user, added.detail) == (user, user, "second@example.org")
    [removed] = events(Kind.EMAIL_REMOVED)
    assert (removed.target_user, removed.detail) == (user, "second@example.org")


def test_an_editor_changes_a_colleagues_role(client_as, users, organization):
    membership = Membership.objects.get(user=users["member"], organization=organization)
    client_as("editor").post(reverse("members:staff-role", args=[organization.slug, membership.pk]), {"role": "editor"})
    [changed] = SecurityEvent.objects.filter(kind=Kind.ROLE_CHANGED, actor=users["editor"])
    assert (changed.target, changed.target_user) == ("user member@example.org", users["member"])
    assert changed.detail == "now editor of Madina Test NGO (MTN)"


def test_memberships_created_and_removed(organization):
    user = make_user("staff@example.org")
    membership = make_membership(user, organization, Membership.Role.EDITOR)
    membership.delete()
    assert [e.detail for e in events(Kind.ROLE_CHANGED)] == [
        "no longer editor of Madina Test NGO (MTN)",
        "editor of Madina Test NGO (MTN)",
    ]


def test_account_flags(db):
    user = make_user("rising@example.org")
    user.is_coordinator = True
    user.is_staff = True
    user.save()
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])  # a login's save: not a change of role
    [changed] = events(Kind.ROLE_CHANGED)
    assert changed.target_user == user
    assert changed.detail == "is_coordinator: no → yes; is_staff: no → yes"
    make_user("boss@example.org", is_superuser=True)
    assert events(Kind.ROLE_CHANGED)[0].detail == "created with is_superuser"


def test_a_deleted_account_keeps_its_entries(organization):
    user = make_user("gone@example.org")
    make_membership(user, organization)
    log_event(Kind.LOGIN, actor=user, target_user=user)
    user.delete()
    login = SecurityEvent.objects.get(kind=Kind.LOGIN)
    assert (login.actor, login.actor_email, login.target) == (None, "gone@example.org", "user gone@example.org")
    assert [e.detail for e in events(Kind.ROLE_CHANGED)][:2] == ["account deleted", "no longer member of Madina Test NGO (MTN)"]


def test_steering_committee_seats(seat_organization):
    holder = make_user("holder@example.org")
    person = make_person(seat_organization, name="Seat Holder", user=holder)
    seat = make_seat(seat_organization, person)
    seat.term_end = datetime.date(2020, 1, 1)
    seat.save()
    created, ended = reversed(events(Kind.SEAT_CHANGED))
    assert created.target == ended.target == "Steering committee seat: Tajikistan"
    assert created.target_user == holder
    assert created.detail == "Seat Holder (Seat Holder NGO (SHN)) from 2017-06-22"
    assert ended.detail.endswith("changed: term_end")


def test_linking_a_person_to_an_account(seat_organization):
    person = make_person(seat_organization, name="Unlinked")
    person.user = make_user("linked@example.org")
    person.save()
    [linked] = events(Kind.ROLE_CHANGED)
    assert linked.target_user == person.user
    assert linked.detail == "linked account: none → linked@example.org"


def test_fixtures_are_not_logged(db):
    from django.core import serializers

    user = make_user("fixture@example.org", is_coordinator=True)
    SecurityEvent.objects.prune(timezone.now() + datetime.timedelta(seconds=1))
    for obj in serializers.deserialize("json", serializers.serialize("json", [user])):
        obj.object.is_staff = True
        obj.save()  # raw, as loaddata saves
    assert not SecurityEvent.objects.exists()


def test_text_from_outside_is_one_shortened_line():
    assert one_line("evil\r\nuser\u202e@example.org\t", 200) == "eviluser@example.org"
    assert one_line("x" * 20, 10) == "x" * 9 + "…"


# --- nobody can change it -----------------------------------------------------------------------------------


def test_an_entry_cannot_be_changed_or_deleted(db):
    event = log_event(Kind.LOGIN, target="user x@example.org")
    event.detail = "nothing happened"
    with pytest.raises(SecurityLogIsAppendOnly):
        event.save()
    with pytest.raises(SecurityLogIsAppendOnly):
        event.delete()
    with pytest.raises(SecurityLogIsAppendOnly):
        SecurityEvent.objects.update(detail="")
    with pytest.raises(SecurityLogIsAppendOnly):
        SecurityEvent.objects.all().delete()
    assert SecurityEvent.objects.get().detail == ""


def test_pruning_removes_only_entries_older_than_a_year(db):
    log_event(Kind.LOGIN, target="recent")
    SecurityEvent.objects.create(kind=Kind.LOGIN, target="old", at=timezone.now() - datetime.timedelta(days=366))
    out = io.StringIO()
    call_command("prune_security_log", stdout=out)
    assert "deleted: 1" in out.getvalue()
    assert list(SecurityEvent.objects.values_list("target", flat=True)) == ["recent"]


def test_the_admin_shows_the_log_but_never_changes_it(users):
    from django.contrib import admin
    from django.test import RequestFactory

    event = log_event(Kind.LOGIN, target="user x@example.org")
    model_admin = admin.site._registry[SecurityEvent]
    superuser = make_user("root@example.org", is_superuser=True, is_staff=True)
    for user in (users["coordinator"], superuser):
        request = RequestFactory().get("/admin/")
        request.user = user
        assert model_admin.has_view_permission(request, event)
        assert not model_admin.has_add_permission(request)
        assert not model_admin.has_change_permission(request, event)
        assert not model_admin.has_delete_permission(request, event)
        assert not model_admin.get_actions(request)  # no "delete selected"


# --- the coordinators' page ---------------------------------------------------------------------------------


URL = "/members/security-log/"


@pytest.mark.parametrize(
    ("role", "status"),
    [("member", 403), ("editor", 403), ("other_editor", 403), ("stakeholder", 403), ("steering", 403), ("coordinator", 200)],
)
def test_only_coordinators_read_the_log(client_as, role, status):
    assert client_as(role).get(URL).status_code == status


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_log_is_newest_first_and_filtered_by_event_and_address(client_as, users):
    old = timezone.now() - datetime.timedelta(days=1)
    SecurityEvent.objects.create(kind=Kind.LOGIN_FAILED, target="user victim@example.org", at=old)
    log_event(Kind.PASSWORD_CHANGED, actor=users["member"], target_user=users["member"])
    client = client_as("coordinator")

    html = client.get(URL).content.decode()
    assert '<div class="table-responsive">' in html  # the table scrolls sideways on a phone
    rows = html.split("<tbody>")[1]
    assert rows.index("Password changed") < rows.index("Login failed")
    assert "victim@example.org" in client.get(URL, {"email": "VICTIM"}).content.decode()
    assert "member@example.org" not in client.get(URL, {"email": "victim"}).content.decode()
    filtered = client.get(URL, {"kind": Kind.PASSWORD_CHANGED}).context["page_obj"].object_list
    assert [e.kind for e in filtered] == [Kind.PASSWORD_CHANGED]


def test_the_navigation_links_to_the_log_for_coordinators_only(client_as):
    assert f'href="{URL}"' in client_as("coordinator").get("/").content.decode()
    assert f'href="{URL}"' not in client_as("steering").get("/").content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_the_page_needs_the_same_queries_however_long_the_log(client_as, django_assert_num_queries, count):
    client = client_as("coordinator")
    client.get(URL)  # the session's first request may write it
    SecurityEvent.objects.bulk_create(
        SecurityEvent(kind=Kind.LOGIN, actor_email=f"user{n}@example.org", target=f"user user{n}@example.org")
        for n in range(count)
    )
    with django_assert_num_queries(6):  # session, user, second-factor check, pending applications; count, page
        response = client.get(URL, {"kind": Kind.LOGIN, "email": "example.org"})
    assert response.context["page_obj"].paginator.count == count + 1  # and the coordinator's own login

