"""Issue 13, "seat take-over": a seat's powers come only from the account a coordinator linked to its representative.

An editor could otherwise change an unlinked representative's e-mail to an address they control, invite it, accept,
and be linked to the representative (Invitation.accept() links the person whose e-mail matches).
"""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from members import permissions
from members.models import Invitation, Membership, Person, User

from ..factories import make_person, make_seat, make_user
from .conftest import edit_url, form_data

PASSWORD = "Kabul-forum-2018!"
NOTICE = "holds or held a steering committee seat"


@pytest.fixture
def representative(users, other_organization):
    """The representative of Pakistan's current seat, with no account linked yet (other_editor edits the NGO)."""
    person = make_person(other_organization, name="Pakistani Representative", email="rep.pk@example.org")
    make_seat(other_organization, person)
    return person


def people_form(response, person):
    return next(form for form in response.context["people"].forms if form.instance.pk == person.pk)


def post_changed_contact(client, organization, person, name, email):
    """Post the edit form as rendered, with the person's name and e-mail changed."""
    response = client.get(edit_url(organization))
    subform = people_form(response, person)
    data = form_data(response) | {subform.add_prefix("name"): name, subform.add_prefix("email"): email}
    return client.post(edit_url(organization), data)


def sign_up(client, organization, email, invited_by):
    """Invite `email` to the organization and accept the invitation as a new account; returns the account."""
    _, token = Invitation.issue(organization, email, Membership.Role.MEMBER, invited_by)
    response = client.post(
        reverse("members:invitation", args=[token]),
        {"first_name": "New", "last_name": "Account", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    return User.objects.get(email=email)


def test_an_editor_cannot_take_over_a_seat_by_changing_its_holders_e_mail(
    client_as, client, users, other_organization, representative
):
    editor = client_as("other_editor")
    response = post_changed_contact(editor, other_organization, representative, "Attacker", "attacker@example.org")
    assert response.status_code == 302  # the rest of the profile saves; the representative's name and e-mail do not
    representative.refresh_from_db()
    assert (representative.name, representative.email) == ("Pakistani Representative", "rep.pk@example.org")

    # The rest of the attack: invite the address, accept it, and try the seat's powers.
    response = editor.post(
        reverse("members:staff-invite", args=[other_organization.slug]), {"email": "attacker@example.org", "role": "member"}
    )
    assert response.status_code == 302
    link = re.search(r"http://\S+(/members/invitation/[^/\s]+/)", mail.outbox[-1].body).group(1)
    client.post(link, {"first_name": "A", "last_name": "Ttacker", "password1": PASSWORD, "password2": PASSWORD})
    attacker = User.objects.get(email="attacker@example.org")
    representative.refresh_from_db()
    assert representative.user is None
    assert not permissions.is_steering_representative(attacker)
    assert client.get(reverse("countryreviews:overview-create")).status_code == 403


def test_the_editor_sees_the_holders_name_and_e_mail_disabled_and_why(client_as, other_organization, representative):
    response = client_as("other_editor").get(edit_url(other_organization))
    subform = people_form(response, representative)
    assert subform.fields["name"].disabled and subform.fields["email"].disabled
    assert not subform.fields["phone"].disabled
    assert NOTICE in str(subform["email"].help_text)
    assert NOTICE in response.content.decode()


def test_an_ordinary_persons_name_and_e_mail_stay_the_editors(client_as, other_organization, representative):
    colleague = make_person(other_organization, name="Colleague", email="colleague@example.org")
    response = post_changed_contact(client_as("other_editor"), other_organization, colleague, "Colleague B", "b@example.org")
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert (colleague.name, colleague.email) == ("Colleague B", "b@example.org")


def test_the_coordinator_changes_a_holders_name_and_e_mail_in_the_edit_form(client_as, other_organization, representative):
    response = post_changed_contact(client_as("coordinator"), other_organization, representative, "New Name", "new@example.org")
    assert response.status_code == 302
    representative.refresh_from_db()
    assert (representative.name, representative.email) == ("New Name", "new@example.org")


@pytest.mark.parametrize("term_end", [None, datetime.date(2019, 1, 1)], ids=["current seat", "past seat"])
def test_accepting_an_invitation_never_links_a_seat_holder(client, users, other_organization, term_end):
    person = make_person(other_organization, name="Representative", email="rep.pk@example.org")
    make_seat(other_organization, person, end=term_end)
    user = sign_up(client, other_organization, "rep.pk@example.org", users["other_editor"])
    person.refresh_from_db()
    assert person.user is None
    assert Membership.objects.filter(user=user, organization=other_organization).exists()  # joined the staff all the same
    assert not permissions.is_steering_representative(user)
    assert client.get(reverse("countryreviews:overview-create")).status_code == 403


def test_accepting_an_invitation_still_links_an_ordinary_person(client, users, other_organization, representative):
    person = make_person(other_organization, name="Staff Person", email="staff.person@example.org")
    user = sign_up(client, other_organization, "staff.person@example.org", users["other_editor"])
    person.refresh_from_db()
    assert person.user == user
    assert not permissions.is_steering_representative(user)


def test_the_coordinator_links_the_holders_account_and_changes_their_e_mail_in_the_admin(
    client_as, client, other_organization, representative
):
    account = make_user("rep.pk@example.org")
    url = reverse("admin:members_person_change", args=[representative.pk])
    response = client_as("coordinator").post(
        url,
        {
            "name": representative.name,
            "position": "",
            "organization": other_organization.pk,
            "country": "PK",
            "email": "representative@example.org",
            "phone": representative.phone,
            "contact_visibility": Person.Visibility.MEMBERS,
            "user": account.pk,
        },
    )
    assert response.status_code == 302
    representative.refresh_from_db()
    assert (representative.email, representative.user) == ("representative@example.org", account)
    assert account.email == "rep.pk@example.org"  # the account keeps its own address
    assert permissions.is_steering_representative(account, "PK")
    client.force_login(account)
    assert client.get(reverse("countryreviews:overview-create")).status_code == 200
