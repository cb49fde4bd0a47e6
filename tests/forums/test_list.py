import datetime

import pytest
from django.urls import reverse

from forums.models import Forum

from .factories import make_forum, make_participant

pytestmark = pytest.mark.django_db


def test_upcoming_forums_come_before_past_ones(client_as, forum, upcoming_forum):
    response = client_as("anonymous").get(reverse("forums:list"))
    assert response.context["upcoming"] == [upcoming_forum]
    assert response.context["past"] == [forum]
    content = response.content.decode()
    assert content.index("Upcoming annual meeting") < content.index("Dushanbe test forum")


def test_past_forums_are_listed_latest_first(client_as, forum):
    later = make_forum(start=datetime.date(2018, 8, 27), title="Kabul forum", country="AF")
    response = client_as("anonymous").get(reverse("forums:list"))
    assert response.context["past"] == [later, forum]


def test_an_empty_list_says_nothing_is_scheduled(client_as, db):
    response = client_as("anonymous").get(reverse("forums:list"))
    assert "No forum or meeting is scheduled at the moment." in response.content.decode()
    assert "No forum has been recorded yet." in response.content.decode()


def test_filter_by_kind(client_as, forum, upcoming_forum):
    response = client_as("anonymous").get(reverse("forums:list"), {"kind": Forum.Kind.ANNUAL})
    assert response.context["upcoming"] == [upcoming_forum]
    assert response.context["past"] == []


def test_filter_by_year(client_as, forum, upcoming_forum):
    response = client_as("anonymous").get(reverse("forums:list"), {"year": "2017"})
    assert response.context["past"] == [forum]
    assert response.context["upcoming"] == []


def test_filter_by_country_matches_host_or_participants(client_as, forum, upcoming_forum):
    # `forum` is hosted in Tajikistan and has a Pakistani participant; `upcoming_forum` is in Afghanistan.
    response = client_as("anonymous").get(reverse("forums:list"), {"country": "pk"})
    assert response.context["past"] == [forum]
    assert response.context["upcoming"] == []
    response = client_as("anonymous").get(reverse("forums:list"), {"country": "af"})
    assert response.context["upcoming"] == [upcoming_forum]


def test_an_unknown_filter_value_is_ignored_not_an_error(client_as, forum):
    response = client_as("anonymous").get(reverse("forums:list"), {"kind": "party"})
    assert response.status_code == 200


def test_coordinators_see_the_new_forum_button_others_do_not(client_as, forum):
    assert reverse("forums:create") in client_as("coordinator").get(reverse("forums:list")).content.decode()
    assert reverse("forums:create") not in client_as("steering").get(reverse("forums:list")).content.decode()


def test_list_runs_a_fixed_number_of_queries(client_as, organization, django_assert_max_num_queries):
    for year in range(2010, 2030):
        f = make_forum(start=datetime.date(year, 5, 1), title=f"Forum {year}")
        f.organizers.add(organization)
        make_participant(f, organization)
    client = client_as("anonymous")
    with django_assert_max_num_queries(5):
        response = client.get(reverse("forums:list"))
    assert len(response.context["upcoming"]) + len(response.context["past"]) == 20


def test_the_country_filter_is_explained_under_the_row_so_the_labels_line_up(client_as, forum):
    content = client_as("anonymous").get(reverse("forums:list")).content.decode()
    assert 'id="forum-filter-help"' in content
    assert 'aria-describedby="forum-filter-help"' in content
    assert 'id="id_country_helptext"' not in content  # no help text inside the Country column
