"""The home page: the five countries with member counts, the committee, recently updated profiles."""

import pytest

from ..conftest import ROLES
from ..factories import make_organization
from .conftest import bulk_organizations


@pytest.mark.parametrize("role", ROLES)
def test_every_role_sees_the_home_page(client_as, role, users):
    response = client_as(role).get("/")
    assert response.status_code == 200
    html = response.content.decode()
    for name in ["Afghanistan", "Pakistan", "Tajikistan", "Turkmenistan", "Uzbekistan"]:
        assert name in html
    for code in ["af", "pk", "tj", "tm", "uz"]:
        assert f'href="/members/{code}/"' in html


def test_member_counts_count_members_only(client, users):
    make_organization("TJ", membership_status="applicant")
    make_organization("TJ", membership_status="stakeholder")
    make_organization("TJ", membership_status="former")
    response = client.get("/")
    counts = {c.code: c.member_count for c in response.context["countries"]}
    assert counts == {"AF": 0, "PK": 1, "TJ": 2, "TM": 0, "UZ": 0}
    assert response.context["member_total"] == 3
    assert "3 member organizations across" in response.content.decode()


def test_the_seat_count_is_shown(client, users):
    assert "1 seat is currently filled." in client.get("/").content.decode()


def test_recently_updated_profiles_exclude_applicants(client, users):
    make_organization("TJ", name="Fresh Applicant", membership_status="applicant")
    html = client.get("/").content.decode()
    assert "Recently updated profiles" in html
    assert "Fresh Applicant" not in html
    assert "Madina Test NGO" in html


def test_an_empty_network_says_so(client, db):
    html = client.get("/").content.decode()
    assert "No member profiles yet." in html
    assert "0 member organizations across" in html


def test_the_home_page_has_a_directory_search(client, db):
    html = client.get("/").content.decode()
    assert 'action="/members/"' in html
    assert 'name="q"' in html


@pytest.mark.parametrize("role", ["anonymous", "editor", "coordinator"])
def test_the_home_page_runs_a_fixed_number_of_queries(client_as, role, users, django_assert_max_num_queries):
    client = client_as(role)
    with django_assert_max_num_queries(15) as few:
        assert client.get("/").status_code == 200
    bulk_organizations(300, prefix="Many", country="AF")
    with django_assert_max_num_queries(15) as many:
        assert client.get("/").status_code == 200
    assert len(many) == len(few)
