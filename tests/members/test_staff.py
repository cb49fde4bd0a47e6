"""Staff management: roles, removal, pending invitations, and the last-editor guard."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from members.models import Invitation, Membership

from ..factories import make_membership, make_user


def staff_url(organization):
    return reverse("members:staff", args=[organization.slug])


def membership(users, role, organization):
    return Membership.objects.get(user=users[role], organization=organization)


def test_editors_see_the_staff_and_pending_invitations(client_as, users, organization):
    Invitation.issue(organization, "pending@example.org", "member", users["editor"])
    content = client_as("editor").get(staff_url(organization)).content.decode()
    assert "member@example.org" in content and "editor@example.org" in content
    assert "pending@example.org" in content


def test_the_staff_page_runs_a_fixed_number_of_queries(client_as, users, organization, django_assert_max_num_queries):
    for n in range(20):
        make_membership(make_user(f"staff{n}@example.org"), organization)
        Invitation.issue(organization, f"invited{n}@example.org", "member", users["editor"])
    client = client_as("editor")
    with django_assert_max_num_queries(12):
        assert client.get(staff_url(organization)).status_code == 200


def test_an_editor_changes_a_role(client_as, users, organization):
    target = membership(users, "member", organization)
    response = client_as("editor").post(
        reverse("members:staff-role", args=[organization.slug, target.pk]), {"role": "editor"}, follow=True
    )
    assert "is now editor" in response.content.decode()
    target.refresh_from_db()
    assert target.role == "editor"


def test_an_editor_removes_a_member(client_as, users, organization):
    target = membership(users, "member", organization)
    client_as("editor").post(reverse("members:staff-remove", args=[organization.slug, target.pk]))
    assert not Membership.objects.filter(pk=target.pk).exists()


def test_the_last_editor_cannot_be_demoted(client_as, users, organization):
    target = membership(users, "editor", organization)
    response = client_as("coordinator").post(
        reverse("members:staff-role", args=[organization.slug, target.pk]), {"role": "member"}, follow=True
    )
    assert "at least one editor" in response.content.decode()
    target.refresh_from_db()
    assert target.role == "editor"


def test_the_last_editor_cannot_be_removed(client_as, users, organization):
    target = membership(users, "editor", organization)
    response = client_as("editor").post(
        reverse("members:staff-remove", args=[organization.slug, target.pk]), follow=True
    )
    assert "at least one editor" in response.content.decode()
    assert response.redirect_chain[-1][0] == staff_url(organization)
    assert Membership.objects.filter(pk=target.pk).exists()


def test_with_a_second_editor_the_first_may_step_down(client_as, users, organization):
    membership(users, "member", organization).change_role("editor")
    target = membership(users, "editor", organization)
    client_as("editor").post(reverse("members:staff-role", args=[organization.slug, target.pk]), {"role": "member"})
    target.refresh_from_db()
    assert target.role == "member"


def test_the_model_enforces_the_last_editor_rule(users, organization):
    editor = membership(users, "editor", organization)
    with pytest.raises(ValidationError):
        editor.change_role(Membership.Role.MEMBER)
    with pytest.raises(ValidationError):
        editor.remove()
    member = membership(users, "member", organization)
    member.remove()
    assert Membership.objects.filter(organization=organization).count() == 1


def test_a_membership_of_another_organization_is_404(client_as, users, organization, other_organization):
    target = membership(users, "other_editor", other_organization)
    response = client_as("editor").post(reverse("members:staff-remove", args=[organization.slug, target.pk]))
    assert response.status_code == 404
    assert Membership.objects.filter(pk=target.pk).exists()


@pytest.mark.parametrize(
    "role, expected", [("member", 403), ("other_editor", 403), ("steering", 403), ("anonymous", 302)]
)
def test_others_cannot_change_staff(client_as, users, organization, role, expected):
    target = membership(users, "member", organization)
    client = client_as(role)
    assert (
        client.post(reverse("members:staff-role", args=[organization.slug, target.pk]), {"role": "editor"}).status_code
        == expected
    )
    assert client.post(reverse("members:staff-remove", args=[organization.slug, target.pk])).status_code == expected
    target.refresh_from_db()
    assert target.role == "member"


def test_an_invitation_is_withdrawn(client_as, users, organization):
    invitation, _ = Invitation.issue(organization, "pending@example.org", "member", users["editor"])
    client_as("editor").post(reverse("members:staff-invitation-revoke", args=[organization.slug, invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_organization_page_links_to_staff_and_history_for_editors_only(client_as, organization):
    links = [staff_url(organization), reverse("members:organization-history", args=[organization.slug])]
    editor_page = client_as("editor").get(organization.get_absolute_url()).content.decode()
    member_page = client_as("member").get(organization.get_absolute_url()).content.decode()
    for link in links:
        assert link in editor_page
        assert link not in member_page


def test_the_staff_page_stacks_each_person_with_their_controls_instead_of_a_wide_table(client_as, users, organization):
    """A table scrolled the controls off a phone screen; each person is now a list item holding its own forms."""
    content = client_as("editor").get(staff_url(organization)).content.decode()
    assert "<table" not in content
    for membership in Membership.objects.filter(organization=organization):
        item = content.split(f'id="role-{membership.pk}"')[0].rsplit('<li class="list-group-item">', 1)[1]
        assert membership.user.email in item
    assert f'aria-label="Remove {users["member"].email}"' in content
