"""Forum recommendations and follow-up action items link to the agreements they are about (issue 17): chosen on the
coordinators' part-edit pages, shown on the forum page, in the tracker and on the agreement's page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forums.models import ActionItem

from ..factories import make_agreement
from .factories import make_action_item, make_recommendation
from .test_forum_forms import formset


@pytest.fixture
def agreement(forum):
    return make_agreement(["AF"], title_en="ANCTIP MOU with the High Commission")


def test_the_agreement_page_lists_the_recommendations_and_action_items_about_it(client, forum, agreement):
    recommendation = make_recommendation(forum, "B", cluster_title="NGOs and the government",
                                         text="Sign a comprehensive MOU with the High Commission.")
    recommendation.agreements.add(agreement)
    item = make_action_item(forum, text="Lobby for the MOU", due_date=datetime.date(2018, 1, 31))
    item.agreements.add(agreement)
    make_recommendation(forum, "C", text="Unrelated recommendation")
    html = client.get(agreement.get_absolute_url()).content.decode()
    assert "Sign a comprehensive MOU with the High Commission." in html and "Unrelated recommendation" not in html
    assert f'{forum.get_absolute_url()}#recommendation-{recommendation.pk}' in html
    assert "B. NGOs and the government" in html
    assert "Lobby for the MOU" in html and f'{forum.get_absolute_url()}#action-{item.pk}' in html
    assert "Due 31 Jan 2018" in html
    assert '<span class="badge text-bg-danger">Overdue</span>' in html


def test_an_agreement_nothing_refers_to_says_so(client, agreement):
    html = client.get(agreement.get_absolute_url()).content.decode()
    assert "No forum recommendation or action item refers to this agreement yet." in html


def test_the_forum_page_and_the_tracker_link_to_the_agreements(client, forum, agreement):
    make_recommendation(forum, "B", text="Sign an MOU").agreements.add(agreement)
    forum.action_items.get().agreements.add(agreement)
    detail = client.get(forum.get_absolute_url()).content.decode()
    recommendations = detail[detail.index('id="recommendations-heading"'):detail.index('id="actions-heading"')]
    actions = detail[detail.index('id="actions-heading"'):]
    for part in (recommendations, actions):
        assert agreement.get_absolute_url() in part and "ANCTIP MOU with the High Commission" in part
    tracker = client.get(reverse("forums:follow-up")).content.decode()
    assert agreement.get_absolute_url() in tracker


def test_the_tracker_and_forum_page_run_a_fixed_number_of_queries(client, forum):
    def counts():
        with CaptureQueriesContext(connection) as tracker:
            client.get(reverse("forums:follow-up"))
        with CaptureQueriesContext(connection) as detail:
            client.get(forum.get_absolute_url())
        return len(tracker), len(detail)

    def add():
        agreement = make_agreement(["AF"])
        make_action_item(forum).agreements.add(agreement)
        make_recommendation(forum).agreements.add(agreement)

    add()
    one = counts()
    for _ in range(5):
        add()
    assert counts() == one


def test_coordinators_link_recommendations_to_agreements(client_as, forum, agreement):
    url = reverse("forums:part-edit", args=[forum.slug, "recommendations"])
    page = client_as("coordinator").get(url).content.decode()
    checkbox = page[page.index('name="recommendations-0-agreements"') - 80:]
    assert 'type="checkbox"' in checkbox[:200] and "ANCTIP MOU with the High Commission" in page
    response = client_as("coordinator").post(url, formset("recommendations", [
        {"cluster_code": "B", "cluster_title_en": "Government", "order": "1", "text_en": "Sign an MOU",
         "agreements": [agreement.pk]}]))
    assert response.status_code == 302
    assert list(forum.recommendations.get().agreements.all()) == [agreement]


def test_coordinators_link_action_items_to_agreements(client_as, forum, agreement):
    item = forum.action_items.get()
    data = formset("action-items", [{"id": item.pk, "forum": forum.pk, "order": "1", "text": item.text,
                                     "status": item.status, "agreements": [agreement.pk]}])
    data["action-items-INITIAL_FORMS"] = "1"
    response = client_as("coordinator").post(reverse("forums:part-edit", args=[forum.slug, "action-items"]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(ActionItem.objects.get(pk=item.pk).agreements.all()) == [agreement]


def test_an_unknown_agreement_is_refused(client_as, forum):
    url = reverse("forums:part-edit", args=[forum.slug, "recommendations"])
    response = client_as("coordinator").post(url, formset("recommendations", [
        {"cluster_code": "B", "cluster_title_en": "Government", "order": "1", "text_en": "Sign an MOU",
         "agreements": ["999999"]}]))
    assert response.status_code == 400
    assert not forum.recommendations.exists()
