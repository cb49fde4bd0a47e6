"""Forum action items serving an objective: linked from the plan, once per strategy version."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from forums.models import ActionItem
from strategy.models import Objective, ObjectiveActionItem, Strategy
from tests.forums.factories import make_action_item, make_forum
from tests.strategy.factories import adopt, make_strategy


@pytest.fixture
def adopted(db):
    strategy = make_strategy(2019, 2023, objectives=2)
    return adopt(strategy, make_forum(start=datetime.date(2018, 8, 27)))


@pytest.fixture
def items(db):
    forum = make_forum(start=datetime.date(2017, 6, 22), title="Dushanbe forum")
    return [
        make_action_item(forum, text="Open action"),
        make_action_item(forum, text="Done action", status=ActionItem.Status.DONE),
        make_action_item(forum, text="Third action"),
    ]


def objective_of(strategy, code):
    return Objective.objects.get(goal__strategy=strategy, code=code)


def url(objective):
    return reverse("strategy:objective-action-items", args=[objective.goal.strategy_id, objective.pk])


def test_a_drafter_links_and_unlinks_action_items(client_as, adopted, items, users):
    objective = objective_of(adopted, "1.1")
    client = client_as("steering")
    response = client.post(url(objective), {"items": [items[0].pk, items[1].pk]})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#objective-{objective.pk}")
    links = ObjectiveActionItem.objects.filter(objective=objective)
    assert {link.action_item_id for link in links} == {items[0].pk, items[1].pk}
    assert all(link.linked_by == users["steering"] and link.strategy_id == adopted.pk for link in links)
    client.post(url(objective), {"items": [items[1].pk]})
    assert list(objective.action_items.all()) == [items[1]]
    client.post(url(objective), {})
    assert not objective.action_items.exists()


def test_the_form_ticks_linked_items_and_lists_open_ones_first(client_as, adopted, items):
    objective = objective_of(adopted, "1.1")
    ObjectiveActionItem.objects.create(objective=objective, action_item=items[2])
    response = client_as("coordinator").get(url(objective))
    page = response.content.decode()
    assert f'value="{items[2].pk}" id="item-{items[2].pk}" checked' in page
    assert f'value="{items[0].pk}" id="item-{items[0].pk}">' in page
    assert page.index("Open action") < page.index("Third action") < page.index("Done action")


def test_an_item_serving_another_objective_is_disabled_and_refused(client_as, adopted, items):
    first, second = objective_of(adopted, "1.1"), objective_of(adopted, "1.2")
    ObjectiveActionItem.objects.create(objective=first, action_item=items[0])
    client = client_as("steering")
    page = client.get(url(second)).content.decode()
    assert f'value="{items[0].pk}" id="item-{items[0].pk}" disabled' in page
    assert "Serves objective 1.1" in page
    response = client.post(url(second), {"items": [items[0].pk]})
    assert response.status_code == 400
    assert ObjectiveActionItem.objects.get(action_item=items[0]).objective == first


def test_the_database_refuses_an_item_under_two_objectives_of_one_strategy(adopted, items):
    ObjectiveActionItem.objects.create(objective=objective_of(adopted, "1.1"), action_item=items[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        ObjectiveActionItem.objects.create(objective=objective_of(adopted, "1.2"), action_item=items[0])


def test_the_same_item_may_serve_an_objective_of_another_strategy_version(client_as, adopted, items):
    ObjectiveActionItem.objects.create(objective=objective_of(adopted, "1.1"), action_item=items[0])
    other = make_strategy(2024, 2028)
    response = client_as("steering").post(url(objective_of(other, "1.1")), {"items": [items[0].pk]})
    assert response.status_code == 302
    assert ObjectiveActionItem.objects.filter(action_item=items[0]).count() == 2


def test_the_plan_counts_a_linked_item_once(client, adopted, items):
    ObjectiveActionItem.objects.create(objective=objective_of(adopted, "1.1"), action_item=items[0])
    page = client.get(reverse("strategy:plan", args=[adopted.pk])).content.decode()
    assert page.count("Open action") == 1
    assert "1 forum action item" in page


def test_an_unknown_item_is_refused(client_as, adopted, items):
    response = client_as("steering").post(url(objective_of(adopted, "1.1")), {"items": [999999]})
    assert response.status_code == 400
    assert not ObjectiveActionItem.objects.exists()


def test_an_objective_of_another_strategy_is_404(client_as, adopted):
    other = make_strategy(2024, 2028)
    wrong = reverse("strategy:objective-action-items", args=[adopted.pk, objective_of(other, "1.1").pk])
    assert client_as("steering").get(wrong).status_code == 404


@pytest.mark.parametrize(("role", "status"), [("member", 403), ("editor", 403), ("stakeholder", 403)])
def test_only_drafters_link_items(client_as, adopted, items, role, status):
    response = client_as(role).post(url(objective_of(adopted, "1.1")), {"items": [items[0].pk]})
    assert response.status_code == status
    assert not ObjectiveActionItem.objects.exists()


def test_no_linking_once_superseded(client_as, adopted, items):
    Strategy.objects.filter(pk=adopted.pk).update(status=Strategy.Status.SUPERSEDED)
    objective = objective_of(adopted, "1.1")
    assert client_as("coordinator").get(url(objective)).status_code == 403
    assert client_as("coordinator").post(url(objective), {"items": [items[0].pk]}).status_code == 403
