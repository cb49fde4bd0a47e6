import datetime

import pytest
from django.urls import reverse

from forums.models import Participant

from .factories import make_action_item, make_participant, make_recommendation, make_session, make_update

pytestmark = pytest.mark.django_db


def detail(client, forum):
    return client.get(reverse("forums:detail", args=[forum.slug]))


def test_forum_page_shows_dates_place_and_participating_organizations(client_as, forum, organization):
    forum.funders_text = "USAID"
    forum.save()
    forum.organizers.add(organization)
    response = detail(client_as("anonymous"), forum)
    content = response.content.decode()
    assert "22–23 June 2017" in content
    assert "Dushanbe, Tajikistan" in content
    assert "USAID" in content
    assert organization.get_absolute_url() in content
    groups = response.context["organizations_by_country"]
    assert {g["country"].code: [e["label"] for e in g["organizations"]] for g in groups} == {
        "TJ": [str(organization)],
        "PK": ["Other Pakistani NGO (OPN)"],
    }


def test_public_sees_organizations_but_no_participant_names_or_contacts(client_as, forum):
    content = detail(client_as("anonymous"), forum).content.decode()
    assert "Madina Test NGO" in content
    assert "Tajik Delegate" not in content
    assert "tajik.delegate@example.org" not in content
    assert "000 7777" not in content


@pytest.mark.parametrize("role", ["member", "editor", "steering"])
def test_network_members_see_names_but_never_contacts(client_as, forum, role):
    content = detail(client_as(role), forum).content.decode()
    assert "Tajik Delegate" in content
    assert "tajik.delegate@example.org" not in content
    assert "000 7777" not in content


def test_coordinators_see_participant_contacts(client_as, forum):
    content = detail(client_as("coordinator"), forum).content.decode()
    assert "tajik.delegate@example.org" in content
    assert "+992 90 000 7777" in content
    assert reverse("forums:participants-export", args=[forum.slug]) in content


@pytest.mark.parametrize("role, named", [("anonymous", False), ("member", False), ("coordinator", True)])
def test_applicant_organizations_are_named_to_coordinators_only(client_as, forum, role, named):
    """An applicant is visible to coordinators only; the security review found it named on forum pages."""
    from tests.factories import make_organization

    applicant = make_organization("TJ", name="Applicant NGO", slug="applicant-ngo", membership_status="applicant")
    make_participant(forum, applicant, name="Applicant Person")
    content = detail(client_as(role), forum).content.decode()
    assert ("Applicant NGO" in content) is named
    assert ("Applicant Person" in content) is named
    assert (applicant.get_absolute_url() in content) is named


@pytest.mark.parametrize("role, named", [("member", False), ("coordinator", True)])
def test_a_person_who_chose_coordinators_only_is_not_named_to_members(client_as, forum, organization, role, named):
    from tests.factories import make_person

    person = make_person(organization, name="Hidden Delegate", contact_visibility="coordinators")
    make_participant(forum, organization, name="Hidden Delegate", person=person)
    content = detail(client_as(role), forum).content.decode()
    assert ("Hidden Delegate" in content) is named
    assert organization.name in content  # the organization still took part


def test_sessions_are_grouped_by_day_and_recommendations_by_cluster(client_as, forum):
    make_session(forum, title="Opening", order=1)
    make_session(forum, title="Plenary", date=forum.end_date, order=1)
    make_recommendation(forum, "A", text="Set up a hotline")
    make_recommendation(forum, "C", text="Hold annual meetings", cluster_title="Regional network")
    response = detail(client_as("anonymous"), forum)
    assert [day for day, _sessions in response.context["session_days"]] == [forum.start_date, forum.end_date]
    assert [(code, [r.text for r in recs]) for code, recs in response.context["clusters"]] == [
        ("A", ["Set up a hotline"]), ("C", ["Hold annual meetings"])]
    html = response.content.decode()
    assert '<h3 class="h6 mt-3">A. Recommendations for Afghan NGOs</h3>' in html
    assert '<h3 class="h6 mt-3">C. Regional network</h3>' in html
    assert "Set up a hotline" in html


def test_action_items_show_their_update_history_without_author_email(client_as, forum, action_item, users):
    users["steering"].first_name, users["steering"].last_name = "Nabot", "Dodkhudoeva"
    users["steering"].save()
    make_update(action_item, author=users["steering"], text="Second meeting held")
    content = detail(client_as("anonymous"), forum).content.decode()
    assert "Second meeting held" in content
    assert "Nabot Dodkhudoeva" in content
    assert "steering@example.org" not in content


def test_an_empty_forum_says_what_is_missing(client_as, upcoming_forum):
    content = detail(client_as("anonymous"), upcoming_forum).content.decode()
    assert "The programme has not been recorded." in content
    assert "No documents have been published for this forum." in content


def test_detail_runs_a_fixed_number_of_queries(client_as, forum, organization, other_organization, users,
                                                django_assert_max_num_queries):
    for i in range(30):
        make_participant(forum, organization if i % 2 else other_organization, role=Participant.Role.NGO)
        make_session(forum, title=f"S{i}", order=i)
        make_recommendation(forum, "ABC"[i % 3], order=i)
        item = make_action_item(forum, organizations=[organization], countries=["TJ", "PK"],
                                due_date=datetime.date(2018, 1, 1))
        make_update(item, author=users["steering"])
    forum.organizers.add(organization)
    forum.funders.add(other_organization)
    client = client_as("coordinator")
    # 15 (one for the library), the second-factor check of every logged-in request, and the agreements of the
    # recommendations and of the action items (one each)
    with django_assert_max_num_queries(18):
        response = detail(client, forum)
    assert len(response.context["participants"]) == 32
