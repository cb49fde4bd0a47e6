"""Coordinators review applications: list, approve (organization, contact, invitation), decline with a reason."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from members.models import Application, Invitation, Membership, Notification, Organization, Person

from .factories import make_application


@pytest.fixture
def application(db):
    return make_application()


def test_the_coordinator_sees_pending_applications(client_as, application):
    response = client_as("coordinator").get(reverse("members:applications"))
    assert response.status_code == 200
    assert "Applicant NGO" in response.content.decode()


def test_the_coordinator_sees_the_pending_count_in_the_navigation(client_as, application):
    make_application(name="Second")
    content = client_as("coordinator").get("/").content.decode()
    assert reverse("members:applications") in content
    assert re.search(r"badge[^>]*>2<", content)


@pytest.mark.parametrize("role", ["member", "editor", "steering"])
def test_other_roles_see_no_applications_link(client_as, application, role):
    assert reverse("members:applications") not in client_as(role).get("/").content.decode()


def test_the_list_runs_a_fixed_number_of_queries(client_as, application, django_assert_max_num_queries):
    for n in range(15):
        make_application(name=f"Applicant {n}")
    client = client_as("coordinator")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("members:applications")).status_code == 200


def test_approval_creates_the_member_organization_contact_and_invitation(client_as, users, application):
    response = client_as("coordinator").post(reverse("members:application-approve", args=[application.pk]))
    organization = Organization.objects.get(name="Applicant NGO")
    assert response.status_code == 302
    assert response["Location"] == reverse("members:staff", args=[organization.slug])
    assert organization.membership_status == Organization.MembershipStatus.MEMBER
    assert organization.slug == "ango"
    person = Person.objects.get(organization=organization)
    assert (person.name, person.email) == ("Ayesha Khan", "ayesha@example.org")
    invitation = Invitation.objects.get(organization=organization)
    assert (invitation.email, invitation.role) == ("ayesha@example.org", Membership.Role.EDITOR)
    application.refresh_from_db()
    assert application.status == Application.Status.APPROVED
    assert application.decided_by == users["coordinator"]
    assert application.decided_at is not None
    assert application.organization == organization
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ayesha@example.org"]
    assert "/members/invitation/" in mail.outbox[0].body


def test_the_approved_contact_finds_their_name_already_filled_in(client_as, client, application):
    client_as("coordinator").post(reverse("members:application-approve", args=[application.pk]))
    path = re.search(r"http://\S+(/members/invitation/[^/\s]+/)", mail.outbox[0].body).group(1)
    form = client.get(path).context["form"]
    assert (form["first_name"].value(), form["last_name"].value()) == ("Ayesha", "Khan")
    assert 'value="Ayesha"' in form["first_name"].as_widget()


def test_approval_queues_a_new_member_notification(client_as, users, application):
    client_as("coordinator").post(reverse("members:application-approve", args=[application.pk]))
    queued = Notification.objects.filter(topic="new_members")
    network_members = {u.email for role, u in users.items() if u is not None and role != "stakeholder"}
    assert set(queued.values_list("user__email", flat=True)) == network_members


def test_approval_gives_a_unique_slug(client_as, application, other_organization):
    other_organization.slug = "ango"
    other_organization.save()
    client_as("coordinator").post(reverse("members:application-approve", args=[application.pk]))
    assert Organization.objects.filter(name="Applicant NGO").get().slug == "ango-2"


def test_an_application_cannot_be_approved_twice(client_as, application):
    client = client_as("coordinator")
    client.post(reverse("members:application-approve", args=[application.pk]))
    response = client.post(reverse("members:application-approve", args=[application.pk]), follow=True)
    assert "already decided" in response.content.decode()
    assert Organization.objects.filter(name="Applicant NGO").count() == 1
    assert Invitation.objects.count() == 1


def test_declining_needs_a_reason(client_as, application):
    response = client_as("coordinator").post(
        reverse("members:application-decline", args=[application.pk]), {"reason": "  "}
    )
    assert response.status_code == 400
    assert response.context["decline_form"].errors["reason"] == ["Give the applicant a reason."]
    assert "Nothing was saved." in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.PENDING
    assert not mail.outbox


def test_declining_e_mails_the_reason_and_records_who(client_as, users, application):
    response = client_as("coordinator").post(
        reverse("members:application-decline", args=[application.pk]), {"reason": "Works outside the region."}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.DECLINED
    assert application.decline_reason == "Works outside the region."
    assert application.decided_by == users["coordinator"]
    assert not Organization.objects.filter(name="Applicant NGO").exists()
    assert mail.outbox[0].to == ["ayesha@example.org"]
    assert "Works outside the region." in mail.outbox[0].body


def test_a_decided_application_shows_the_decision(client_as, application):
    client = client_as("coordinator")
    client.post(reverse("members:application-decline", args=[application.pk]), {"reason": "Duplicate."})
    content = client.get(reverse("members:application", args=[application.pk])).content.decode()
    assert "Duplicate." in content
    assert "Declined by coordinator@example.org on" in content  # not just the e-mail in the navigation
    assert "Approve and invite" not in content


@pytest.mark.parametrize("role", ["member", "editor", "other_editor", "steering"])
def test_other_roles_cannot_approve_or_decline(client_as, application, role):
    client = client_as(role)
    assert client.post(reverse("members:application-approve", args=[application.pk])).status_code == 403
    assert (
        client.post(reverse("members:application-decline", args=[application.pk]), {"reason": "x"}).status_code == 403
    )
    application.refresh_from_db()
    assert application.status == Application.Status.PENDING


def test_approving_by_get_is_not_allowed(client_as, application):
    assert (
        client_as("coordinator").get(reverse("members:application-approve", args=[application.pk])).status_code == 405
    )


def test_e_mail_subjects_are_not_html_escaped(client_as, application):
    application.name = "Women's Centre"
    application.save()
    client_as("coordinator").post(reverse("members:application-approve", args=[application.pk]))
    assert mail.outbox[0].subject == "Welcome to the regional CTIP network, Women's Centre"


@pytest.mark.parametrize("role, sees", [("member", False), ("editor", False), ("coordinator", True)])
def test_the_approved_contacts_details_stay_with_the_secretariat(client_as, application, role, sees):
    """The join form promises "Only the secretariat sees the contact person's details"; after approval they were
    shown to every logged-in member."""
    client_as("coordinator").post(reverse("members:application-approve", args=[application.pk]))
    organization = Organization.objects.get(name="Applicant NGO")
    assert Person.objects.get(organization=organization).contact_visibility == Person.Visibility.COORDINATORS
    content = client_as(role).get(organization.get_absolute_url()).content.decode()
    assert ("ayesha@example.org" in content) is sees
    assert ("Ayesha Khan" in content) is sees


def test_the_description_is_kept_in_the_language_the_applicant_wrote_in(client_as, application):
    application.language = "ru"
    application.description = "Помогаем пострадавшим от торговли людьми."
    application.save()
    client_as("coordinator").post(reverse("members:application-approve", args=[application.pk]), HTTP_ACCEPT_LANGUAGE="en")
    organization = Organization.objects.get(name="Applicant NGO")
    assert organization.description_ru == "Помогаем пострадавшим от торговли людьми."
    assert not organization.description_en
    assert organization.original_language == "ru"
