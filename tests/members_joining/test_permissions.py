"""Who may open the pages of issue 6: (role, url, expected status)."""

import pytest
from django.urls import reverse

from members.models import Invitation, Membership

from .factories import make_application

LOGIN = 302


@pytest.fixture
def urls(users, organization):
    application = make_application()
    return {
        "join": reverse("members:join"),
        "applications": reverse("members:applications"),
        "application": reverse("members:application", args=[application.pk]),
        "staff": reverse("members:staff", args=[organization.slug]),
        "invite": reverse("members:staff-invite", args=[organization.slug]),
        "history": reverse("members:organization-history", args=[organization.slug]),
        "recent": reverse("members:recent-changes"),
        "account": reverse("members:account"),
        "notifications": reverse("members:notification-settings"),
        "feed": reverse("members:feed-new-members"),
    }


TABLE = {
    #                anonymous member editor other_editor steering coordinator
    "join": [200, 200, 200, 200, 200, 200],
    "applications": [LOGIN, 403, 403, 403, 403, 200],
    "application": [LOGIN, 403, 403, 403, 403, 200],
    "staff": [LOGIN, 403, 200, 403, 403, 200],
    "invite": [LOGIN, 403, 200, 403, 403, 200],
    "history": [LOGIN, 403, 200, 403, 403, 200],
    "recent": [LOGIN, 403, 403, 403, 403, 200],
    "account": [LOGIN, 200, 200, 200, 200, 200],
    "notifications": [LOGIN, 200, 200, 200, 200, 200],
    "feed": [200, 200, 200, 200, 200, 200],
}
ROLES = ["anonymous", "member", "editor", "other_editor", "steering", "coordinator"]


@pytest.mark.parametrize(
    "page, role, expected",
    [(page, role, statuses[i]) for page, statuses in TABLE.items() for i, role in enumerate(ROLES)],
)
def test_permissions(client_as, urls, page, role, expected):
    response = client_as(role).get(urls[page])
    assert response.status_code == expected
    if expected == LOGIN:
        assert reverse("account_login") in response["Location"]


def test_an_applicant_organization_is_hidden_from_non_coordinators(client_as, users, organization):
    organization.membership_status = "applicant"
    organization.save()
    Membership.objects.filter(organization=organization).delete()
    assert client_as("other_editor").get(reverse("members:staff", args=[organization.slug])).status_code == 404
    assert client_as("coordinator").get(reverse("members:staff", args=[organization.slug])).status_code == 200


def test_unknown_invitation_tokens_are_404(client, db):
    assert not Invitation.objects.exists()
    assert client.get(reverse("members:invitation", args=["nope"])).status_code == 404
