"""The Django admin: coordinators manage every members model; nobody else gets in."""

import pytest
from django.urls import reverse

from members.models import (
    Country,
    FocusArea,
    Membership,
    NationalNetwork,
    Organization,
    Person,
    Service,
    SteeringCommitteeSeat,
    User,
)

from ..factories import make_organization, make_service

MODELS = [Country, FocusArea, Membership, NationalNetwork, Organization, Person, Service, SteeringCommitteeSeat, User]


@pytest.fixture
def data(users, organization):
    make_service(organization, name="Admin Hotline")
    NationalNetwork.objects.create(country_id="TJ", name="Umed network", acronym="Umed")


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_coordinator_opens_every_changelist(client_as, data, model):
    url = reverse(f"admin:members_{model._meta.model_name}_changelist")
    assert client_as("coordinator").get(url).status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_coordinator_opens_every_add_form(client_as, data, model):
    url = reverse(f"admin:members_{model._meta.model_name}_add")
    assert client_as("coordinator").get(url).status_code == 200


def test_the_coordinator_opens_an_organization_change_form(client_as, data, organization):
    url = reverse("admin:members_organization_change", args=[organization.pk])
    response = client_as("coordinator").get(url)
    assert response.status_code == 200
    assert "Admin Hotline" in response.content.decode()


@pytest.mark.parametrize("query", ["madina", "MTN", "мадина"])
def test_the_coordinator_searches_organizations(client_as, data, query):
    organization = Organization.objects.get(slug="madina-test")
    organization.name_local = "Мадина"
    organization.save()
    response = client_as("coordinator").get(reverse("admin:members_organization_changelist"), {"q": query})
    assert response.status_code == 200
    results = list(response.context["cl"].result_list)
    assert results == [organization]


def test_the_coordinator_filters_organizations_by_country(client_as, data):
    response = client_as("coordinator").get(reverse("admin:members_organization_changelist"), {"country__code__exact": "PK"})
    assert [o.slug for o in response.context["cl"].result_list] == ["other-pk"]


def test_the_coordinator_marks_organizations_verified(client_as, data, organization):
    response = client_as("coordinator").post(
        reverse("admin:members_organization_changelist"),
        {"action": "mark_verified", "_selected_action": [organization.pk]},
    )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.verified_at is not None


@pytest.mark.parametrize("role", ["member", "editor", "other_editor", "steering"])
def test_non_coordinators_are_sent_away_from_the_admin(client_as, role, users):
    response = client_as(role).get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    response = client_as(role).get(reverse("admin:members_organization_changelist"))
    assert response.status_code == 302


def test_anonymous_users_are_sent_to_the_admin_login(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_staff_user_who_is_not_a_coordinator_cannot_manage_the_directory(client, db):
    from ..factories import make_user

    client.force_login(make_user("staff.only@example.org", is_staff=True))
    assert client.get(reverse("admin:members_organization_changelist")).status_code == 403


def test_the_admin_link_is_shown_only_to_coordinators(client_as, users):
    assert 'href="/admin/"' in client_as("coordinator").get("/").content.decode()
    assert 'href="/admin/"' not in client_as("editor").get("/").content.decode()


def test_the_changelist_runs_a_fixed_number_of_queries(client_as, data, django_assert_max_num_queries):
    client = client_as("coordinator")
    url = reverse("admin:members_organization_changelist")
    client.get(url)  # the first admin page of a session notes the time in the session (network_portal/views.py)
    with django_assert_max_num_queries(30) as few:
        assert client.get(url).status_code == 200
    for _ in range(30):
        make_organization("AF")
    with django_assert_max_num_queries(30) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)
