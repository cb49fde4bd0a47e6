"""A forum lists its resources in the library (its outcome document…), each reader only those they may read."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import Audience, PublicStatus

from ..members.test_library import make_resource
from .conftest import edit_data


@pytest.fixture
def resources(forum, users, organization):
    member = users["member"]
    attached = {
        "public": make_resource("Outcome document of the test forum", author=member, organization=organization,
                                year=2017),
        "members": make_resource("Participants' evaluation", author=member, organization=organization,
                                 audience=Audience.MEMBERS),
        "pending": make_resource("Draft press release", author=member, organization=organization,
                                 status=PublicStatus.PENDING),
        "hidden": make_resource("Photos with faces", author=member, organization=organization, hidden=True),
    }
    forum.resources.set(attached.values())
    make_resource("Not about this forum", author=member, organization=organization)
    return attached


def titles(client, forum) -> list[str]:
    response = client.get(forum.get_absolute_url())
    assert response.status_code == 200
    return [r.title_en for r in response.context["resources"]]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", ["Outcome document of the test forum"]),
        ("stakeholder", ["Outcome document of the test forum"]),
        ("editor", ["Outcome document of the test forum", "Participants' evaluation", "Draft press release"]),
        ("member", ["Outcome document of the test forum", "Participants' evaluation", "Draft press release",
                    "Photos with faces"]),  # its author
        ("coordinator", ["Outcome document of the test forum", "Participants' evaluation", "Draft press release",
                         "Photos with faces"]),
    ],
)
def test_the_forum_lists_only_the_resources_the_reader_may_read(client_as, forum, resources, role, expected):
    assert sorted(titles(client_as(role), forum)) == sorted(expected)


def test_the_forum_page_links_each_resource_with_its_format(client, forum, resources):
    html = client.get(forum.get_absolute_url()).content.decode()
    assert "In the library" in html
    assert f'href="{resources["public"].get_absolute_url()}"' in html
    assert "Report · 2017 · English · Web link" in html
    assert "Participants' evaluation" not in html


def test_a_forum_without_resources_has_no_library_section(client, forum):
    assert "In the library" not in client.get(forum.get_absolute_url()).content.decode()


def test_the_library_adds_one_query_whatever_the_number_of_resources(client_as, forum, users, organization,
                                                                     django_assert_num_queries):
    client = client_as("member")
    forum.resources.add(make_resource(author=users["member"], organization=organization))
    client.get(forum.get_absolute_url())
    with CaptureQueriesContext(connection) as one:
        client.get(forum.get_absolute_url())
    for _ in range(5):
        forum.resources.add(make_resource(author=users["member"], organization=organization, countries=["TJ", "PK"]))
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(forum.get_absolute_url())
    assert len(response.context["resources"]) == 6


def test_a_coordinator_attaches_resources_in_the_forum_form(client_as, forum, users, organization):
    outcome = make_resource("Outcome document", author=users["member"], organization=organization)
    client = client_as("coordinator")
    form_html = client.get(reverse("forums:edit", args=[forum.slug])).content.decode()
    assert 'name="resources"' in form_html
    assert f'<option value="{outcome.pk}">Outcome document</option>' in form_html
    response = client.post(reverse("forums:edit", args=[forum.slug]), edit_data(forum, resources=[outcome.pk]))
    assert response.status_code == 302
    assert list(forum.resources.all()) == [outcome]
