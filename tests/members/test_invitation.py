"""Inviting people to an organization and accepting the e-mailed, single-use, expiring link."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members.models import Invitation, Membership, Person, User

from ..factories import make_person

PASSWORD = "Kabul-forum-2018!"


def invite_url(organization):
    return reverse("members:staff-invite", args=[organization.slug])


def link_from(message):
    return re.search(r"http://\S+(/members/invitation/[^/\s]+/)", message.body).group(1)


@pytest.fixture
def invited(users, organization):
    """(invitation, path of its link) to organization as member."""
    invitation, token = Invitation.issue(
        organization, "new.person@example.org", Membership.Role.MEMBER, users["editor"]
    )
    return invitation, reverse("members:invitation", args=[token])


def test_an_editor_invites_someone_to_their_organization(client_as, users, organization):
    response = client_as("editor").post(invite_url(organization), {"email": "New.Person@Example.org", "role": "editor"})
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.invited_by) == (
        "new.person@example.org",
        "editor",
        users["editor"],
    )
    assert invitation.expires_at > timezone.now() + timedelta(days=13)
    assert mail.outbox[0].to == ["new.person@example.org"]
    token = link_from(mail.outbox[0]).split("/")[-2]
    assert token not in invitation.token_hash and len(invitation.token_hash) == 64


def test_an_editor_sends_at_most_30_invitations_an_hour(client_as, organization):
    client = client_as("editor")
    for n in range(30):
        assert client.post(invite_url(organization), {"email": f"p{n}@example.org", "role": "member"}).status_code == 302
    assert client.post(invite_url(organization), {"email": "p30@example.org", "role": "member"}).status_code == 429
    assert Invitation.objects.count() == 30


def test_the_coordinator_invites_to_any_organization(client_as, other_organization):
    assert (
        client_as("coordinator")
        .post(invite_url(other_organization), {"email": "a@example.org", "role": "member"})
        .status_code
        == 302
    )
    assert Invitation.objects.get().organization == other_organization


@pytest.mark.parametrize("role", ["member", "other_editor", "steering"])
def test_others_cannot_invite(client_as, organization, role):
    assert (
        client_as(role).post(invite_url(organization), {"email": "a@example.org", "role": "editor"}).status_code == 403
    )
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_inviting_a_current_staff_member_is_refused(client_as, organization):
    response = client_as("editor").post(invite_url(organization), {"email": "MEMBER@example.org", "role": "editor"})
    assert response.status_code == 400
    assert "already on the staff" in response.content.decode()


def test_a_new_invitation_replaces_the_earlier_one(client_as, organization):
    client = client_as("editor")
    client.post(invite_url(organization), {"email": "a@example.org", "role": "member"})
    client.post(invite_url(organization), {"email": "a@example.org", "role": "editor"})
    assert Invitation.objects.pending().get().role == "editor"
    response = client_as("anonymous").get(link_from(mail.outbox[0]))
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()


def test_a_new_person_sets_a_password_and_lands_in_the_organization(client, invited, organization):
    invitation, url = invited
    make_person(organization, name="New Person", email="new.person@example.org")
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"first_name": "Nodira", "last_name": "Azimova", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == organization.get_absolute_url()
    user = User.objects.get(email="new.person@example.org")
    assert user.check_password(PASSWORD)
    assert user.get_full_name() == "Nodira Azimova"
    assert Membership.objects.get(user=user).organization == organization
    assert Person.objects.get(name="New Person").user == user
    assert EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("members:account")).status_code == 200  # logged in
    invitation.refresh_from_db()
    assert invitation.accepted_by == user


def test_the_sign_up_form_is_prefilled_with_the_name_the_organization_lists(client, invited, organization):
    make_person(organization, name="Amina Khan", email="New.Person@example.org")
    content = client.get(invited[1]).content.decode()
    assert 'value="Amina"' in content
    assert 'value="Khan"' in content


def test_the_sign_up_form_stays_empty_when_no_name_is_known(client, invited):
    form = client.get(invited[1]).context["form"]
    assert (form["first_name"].value(), form["last_name"].value()) == (None, None)


@pytest.mark.parametrize(
    "password, message", [("short", "too short"), ("password123", "too common"), ("12345678901", "entirely numeric")]
)
def test_weak_passwords_are_refused(client, invited, password, message):
    _, url = invited
    response = client.post(url, {"first_name": "A", "last_name": "B", "password1": password, "password2": password})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not User.objects.filter(email="new.person@example.org").exists()


def test_different_passwords_are_refused(client, invited):
    _, url = invited
    response = client.post(
        url, {"first_name": "A", "last_name": "B", "password1": PASSWORD, "password2": PASSWORD + "x"}
    )
    assert response.status_code == 400
    assert not User.objects.filter(email="new.person@example.org").exists()


def test_a_link_used_twice_says_so_and_does_nothing(client, invited):
    _, url = invited
    client.post(url, {"first_name": "A", "last_name": "B", "password1": PASSWORD, "password2": PASSWORD})
    client.logout()
    response = client.post(url, {"first_name": "C", "last_name": "D", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 410
    assert "already used" in response.content.decode()
    assert User.objects.get(email="new.person@example.org").first_name == "A"


def test_an_expired_link_says_so_and_does_nothing(client, invited):
    invitation, url = invited
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.post(url, {"first_name": "A", "last_name": "B", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not User.objects.filter(email="new.person@example.org").exists()


def test_a_link_opened_by_another_account_says_so_and_does_nothing(client_as, invited):
    _, url = invited
    client = client_as("other_editor")
    response = client.post(url)
    assert response.status_code == 403
    assert "another account" in response.content.decode()
    assert not Invitation.objects.filter(accepted_at__isnull=False).exists()


def test_a_logged_in_invitee_just_accepts(client_as, users, organization, other_organization):
    invitation, token = Invitation.issue(organization, "other.editor@example.org", "editor", users["editor"])
    client = client_as("other_editor")
    url = reverse("members:invitation", args=[token])
    assert "Accept the invitation" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert Membership.objects.get(user=users["other_editor"], organization=organization).role == "editor"
    assert Membership.objects.get(user=users["other_editor"], organization=other_organization).role == "editor"


def test_an_invitee_with_an_account_is_asked_to_log_in(client, users, organization):
    _, token = Invitation.issue(organization, "other.editor@example.org", "member", users["editor"])
    url = reverse("members:invitation", args=[token])
    response = client.get(url)
    assert response.status_code == 200
    assert f"{reverse('account_login')}?next={url}" in response.content.decode()
    assert not Membership.objects.filter(organization=organization, user=users["other_editor"]).exists()


def test_accepting_as_member_never_demotes_an_editor(client_as, users, organization):
    _, token = Invitation.issue(organization, "editor@example.org", "member", users["coordinator"])
    client_as("editor").post(reverse("members:invitation", args=[token]))
    assert Membership.objects.get(user=users["editor"], organization=organization).role == "editor"


def test_a_withdrawn_invitation_says_so(client, invited, client_as, organization):
    invitation, url = invited
    client_as("editor").post(reverse("members:staff-invitation-revoke", args=[organization.slug, invitation.pk]))
    response = client.get(url)
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()


def test_the_invitation_page_is_rate_limited(client, invited):
    _, url = invited
    for _ in range(20):
        client.post(url, {"first_name": "A", "last_name": "B", "password1": "x", "password2": "y"})
    assert client.post(url, {}).status_code == 429


def test_self_sign_up_stays_closed(client, db):
    response = client.post(
        reverse("account_signup"), {"email": "x@example.org", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert not User.objects.filter(email="x@example.org").exists()
    assert response.status_code == 200
    assert "Accounts are by invitation" in response.content.decode()


def test_the_invitation_e_mail_is_written_in_the_language_chosen_for_the_invitee(users, organization):
    from django.core import mail
    from django.utils import translation

    from members.emails import send_invitation_email
    from members.models import Invitation

    invitation, token = Invitation.issue(organization, "new.person@example.org", "member", language="ru")
    with translation.override("en"):
        send_invitation_email(invitation, token)
    assert translation.get_language() == "en"
    assert mail.outbox[-1].to == ["new.person@example.org"]
    invitation_ru, _token = Invitation.issue(organization, users["member"].email, "member", language="fa")
    users["member"].language = "tg"
    users["member"].save()
    assert invitation.email_language == "ru"
    assert invitation_ru.email_language == "tg"  # an existing account's own preference wins
