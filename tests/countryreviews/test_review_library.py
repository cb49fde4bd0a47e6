"""A country review shows the latest resources of the library about its country that the reader may read."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.models import Audience

from ..members.test_library import make_resource

URL = "/reviews/tj/2017/"


def shown(client) -> list[str]:
    response = client.get(URL)
    assert response.status_code == 200
    return [r.title_en for r in response.context["library_resources"]]


@pytest.fixture
def tajik_shelf(users, organization):
    member = users["member"]
    make_resource("Tajik law 2014", author=member, organization=organization, countries=["TJ"], year=2014)
    make_resource("Tajik members-only guide", author=member, organization=organization, countries=["TJ"], year=2019,
                  audience=Audience.MEMBERS)
    make_resource("Pakistani hotline report", author=member, organization=organization, countries=["PK"], year=2019)
    make_resource("Regional overview", author=member, organization=organization, year=2019)


def test_the_public_sees_the_public_resources_about_the_country(client, published, tajik_shelf):
    assert shown(client) == ["Tajik law 2014"]
    html = client.get(URL).content.decode()
    assert "In the library" in html
    assert 'href="/library/?country=tj"' in html


def test_network_members_also_see_those_for_members(client_as, published, tajik_shelf):
    assert shown(client_as("other_editor")) == ["Tajik members-only guide", "Tajik law 2014"]
    assert shown(client_as("stakeholder")) == ["Tajik law 2014"]


def test_at_most_five_the_latest_first(client, published, users, organization):
    for year in range(2010, 2018):
        make_resource(f"Tajik report {year}", author=users["member"], organization=organization, countries=["TJ"],
                      year=year)
    assert shown(client) == [f"Tajik report {year}" for year in range(2017, 2012, -1)]


def test_a_country_without_resources_has_no_library_section(client, published, users, organization):
    make_resource("Pakistani hotline report", author=users["member"], organization=organization, countries=["PK"])
    assert "In the library" not in client.get(URL).content.decode()


def test_the_library_adds_one_query_whatever_the_number_of_resources(client_as, published, users, organization,
                                                                     django_assert_num_queries):
    client = client_as("member")
    make_resource(author=users["member"], organization=organization, countries=["TJ"])
    client.get(URL)
    with CaptureQueriesContext(connection) as one:
        client.get(URL)
    for _ in range(5):
        make_resource(author=users["member"], organization=organization, countries=["TJ", "AF"])
    with django_assert_num_queries(len(one.captured_queries)):
        assert len(shown(client)) == 5
