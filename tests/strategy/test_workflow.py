"""Adopting a strategy at a meeting and revising it (strategy/workflow.py and its two pages)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from forums.models import Forum
from strategy.models import Activity, Goal, Indicator, IndicatorResult, Objective, ObjectiveActionItem, Strategy
from strategy.workflow import WorkflowError, adopt, start_revision
from tests.forums.factories import make_action_item, make_forum
from tests.strategy.factories import adopt as mark_adopted
from tests.strategy.factories import first_objective, make_activity, make_strategy

TODAY = datetime.date.today()


@pytest.fixture
def forum(db):
    return make_forum(start=datetime.date(2018, 8, 27), end=datetime.date(2018, 8, 28), title="Kabul forum",
                      slug="kabul")


@pytest.fixture
def draft(db):
    return make_strategy(2019, 2023, objectives=2, title="Strategy 2019–2023")


def adopt_url(strategy):
    return reverse("strategy:adopt", args=[strategy.pk])


# --- the adoption page ---------------------------------------------------------------------------------------


def test_the_adoption_page_offers_held_network_meetings_most_recent_first(client_as, draft, forum):
    steering = make_forum(start=datetime.date(2019, 2, 1), kind=Forum.Kind.STEERING, title="Steering meeting",
                          slug="sc")
    make_forum(start=datetime.date(2019, 3, 1), kind=Forum.Kind.GOVERNMENT, title="Government forum", slug="gov")
    make_forum(start=datetime.date(2019, 4, 1), status=Forum.Status.PLANNED, title="Planned forum", slug="planned")
    response = client_as("steering").get(adopt_url(draft))
    assert response.status_code == 200
    text = response.text
    assert "Steering meeting" in text and "Kabul forum" in text
    assert text.index(f'value="{steering.slug}"') < text.index(f'value="{forum.slug}"')
    assert "Government forum" not in text and "Planned forum" not in text
    assert "Its text is frozen: 1 goals, 2 objectives, 2 indicators and 10 yearly targets" in text


def test_a_representative_adopts_a_draft_at_a_meeting(client_as, users, draft, forum):
    response = client_as("steering").post(adopt_url(draft), {"forum": "kabul", "adopted_on": "2018-08-28"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Strategy.Status.ADOPTED
    assert (draft.adopted_at, draft.adopted_on, draft.adopted_by) == (forum, datetime.date(2018, 8, 28),
                                                                    users["steering"])
    page = client_as("anonymous").get(reverse("strategy:current"))
    assert "Strategy 2019–2023" in page.text and forum.get_absolute_url() in page.text


def test_the_date_defaults_to_the_last_day_of_the_meeting(client_as, draft, forum):
    client_as("coordinator").post(adopt_url(draft), {"forum": "kabul", "adopted_on": ""})
    draft.refresh_from_db()
    assert draft.adopted_on == datetime.date(2018, 8, 28)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"forum": "", "adopted_on": "2018-08-28"}, "This field is required."),
        ({"forum": "no-such-forum", "adopted_on": "2018-08-28"}, "Select a valid choice."),
        ({"forum": "kabul", "adopted_on": "2018-08-26"}, "The date of adoption cannot be before the meeting started."),
        ({"forum": "kabul", "adopted_on": (TODAY + datetime.timedelta(days=1)).isoformat()},
         "The date of adoption cannot be in the future."),
        ({"forum": "kabul", "adopted_on": "28/08/2018x"}, "Enter a valid date."),
    ],
)
def test_adoption_needs_a_held_meeting_and_a_possible_date(client_as, draft, forum, data, error):
    response = client_as("steering").post(adopt_url(draft), data)
    assert response.status_code == 400
    assert error in response.text
    draft.refresh_from_db()
    assert draft.is_draft


def test_a_government_forum_cannot_adopt_the_strategy(client_as, draft):
    make_forum(start=datetime.date(2018, 5, 1), kind=Forum.Kind.GOVERNMENT, slug="gov")
    assert client_as("steering").post(adopt_url(draft), {"forum": "gov"}).status_code == 400


def test_members_may_not_adopt_and_the_public_does_not_see_the_draft(client_as, draft, forum):
    assert client_as("member").post(adopt_url(draft), {"forum": "kabul"}).status_code == 403
    assert client_as("stakeholder").post(adopt_url(draft), {"forum": "kabul"}).status_code == 404
    draft.refresh_from_db()
    assert draft.is_draft


def test_adoption_is_refused_twice(draft, forum, users):
    adopt(draft, forum, datetime.date(2018, 8, 28), users["steering"])
    with pytest.raises(WorkflowError, match="already been adopted"):
        adopt(draft, forum, datetime.date(2018, 8, 28), users["coordinator"])
    draft.refresh_from_db()
    assert draft.adopted_by == users["steering"]


def test_adoption_supersedes_the_earlier_version_in_force_but_not_a_later_one(draft, forum, users):
    old = mark_adopted(make_strategy(2014, 2018), forum)
    later = mark_adopted(make_strategy(2024, 2028), forum)
    adopt(draft, forum, datetime.date(2018, 8, 28), users["steering"])
    old.refresh_from_db()
    later.refresh_from_db()
    assert (old.status, old.superseded_on) == (Strategy.Status.SUPERSEDED, datetime.date(2018, 8, 28))
    assert later.status == Strategy.Status.ADOPTED


# --- revisions -----------------------------------------------------------------------------------------------


@pytest.fixture
def in_force(draft, forum):
    Strategy.objects.filter(pk=draft.pk).update(summary_en="Why we work together.", title_ru="Стратегия",
                                                summary_fa="چرا با هم کار می‌کنیم")
    Objective.objects.filter(goal__strategy=draft, code="1.1").update(title_ru="Цель 1.1")
    return mark_adopted(Strategy.objects.get(pk=draft.pk), forum)


def revise_url(strategy):
    return reverse("strategy:revise", args=[strategy.pk])


def test_a_revision_copies_the_text_in_every_language_and_the_targets(client_as, users, in_force):
    response = client_as("steering").post(revise_url(in_force))
    revision = Strategy.objects.get(revises=in_force)
    assert response.status_code == 302 and response["Location"] == revision.get_absolute_url()
    assert (revision.version, revision.status, revision.created_by) == (2, "draft", users["steering"])
    assert (revision.start_year, revision.end_year) == (2019, 2023)
    assert (revision.title_en, revision.title_ru) == (in_force.title_en, "Стратегия")
    assert (revision.summary_en, revision.summary_fa) == ("Why we work together.", "چرا با هم کار می‌کنیم")
    copy = Objective.objects.get(goal__strategy=revision, code="1.1")
    assert copy.copied_from == first_objective(in_force)
    assert copy.title_ru == "Цель 1.1"
    indicator = copy.indicators.get()
    assert indicator.copied_from == first_objective(in_force).indicators.get()
    assert dict(indicator.targets.values_list("year", "value")) == {y: n for n, y in enumerate(range(2019, 2024), 1)}
    assert Goal.objects.filter(strategy=revision).count() == 1
    assert Objective.objects.filter(goal__strategy=revision).count() == 2


def test_one_revision_at_a_time_and_only_of_the_version_in_force(client_as, users, in_force, draft):
    client = client_as("coordinator")
    assert client.post(revise_url(in_force)).status_code == 302
    assert client.post(revise_url(in_force)).status_code == 403
    assert Strategy.objects.filter(revises=in_force).count() == 1
    with pytest.raises(WorkflowError):
        start_revision(in_force, users["coordinator"])
    revision = Strategy.objects.get(revises=in_force)
    assert client.post(revise_url(revision)).status_code == 403  # a draft is not revised


def test_members_may_not_revise_and_a_get_does_nothing(client_as, in_force):
    assert client_as("member").post(revise_url(in_force)).status_code == 403
    assert client_as("steering").get(revise_url(in_force)).status_code == 405
    assert not Strategy.objects.filter(revises=in_force).exists()


def test_the_plan_stays_with_the_version_in_force_until_the_revision_is_adopted(users, in_force, forum):
    objective = first_objective(in_force)
    activity = make_activity(objective, title="Train border guards")
    revision = start_revision(in_force, users["steering"])
    activity.refresh_from_db()
    assert activity.objective == objective
    assert not Activity.objects.filter(objective__goal__strategy=revision).exists()


def test_adopting_a_revision_moves_the_plan_onto_the_copies(client_as, users, in_force, forum):
    kept, dropped = Objective.objects.filter(goal__strategy=in_force).order_by("code")
    activity = make_activity(kept, title="Train border guards")
    left_behind = make_activity(dropped, title="A dropped activity")
    IndicatorResult.objects.create(indicator=kept.indicators.get(), year=2019, value=Decimal(1))
    action_item = make_action_item(forum)
    ObjectiveActionItem.objects.create(objective=kept, action_item=action_item)
    revision = start_revision(in_force, users["steering"])
    Objective.objects.get(goal__strategy=revision, code="1.2").delete()  # the revision drops 1.2

    page = client_as("steering").get(adopt_url(revision))
    assert "This revision drops these objectives" in page.text and "1 activity" in page.text
    response = client_as("steering").post(adopt_url(revision), {"forum": "kabul", "adopted_on": "2018-08-28"})
    assert response.status_code == 302

    in_force.refresh_from_db()
    revision.refresh_from_db()
    assert (in_force.status, revision.status) == (Strategy.Status.SUPERSEDED, Strategy.Status.ADOPTED)
    copy = Objective.objects.get(goal__strategy=revision, code="1.1")
    assert Activity.objects.get(pk=activity.pk).objective == copy
    assert Activity.objects.get(pk=left_behind.pk).objective == dropped
    assert IndicatorResult.objects.get().indicator == copy.indicators.get()
    link = ObjectiveActionItem.objects.get()
    assert (link.objective, link.strategy) == (copy, revision)
    assert Strategy.objects.current() == revision


def test_a_result_the_copy_already_has_stays_with_the_old_indicator(users, in_force, forum):
    indicator = first_objective(in_force).indicators.get()
    IndicatorResult.objects.create(indicator=indicator, year=2019, value=Decimal(1))
    revision = start_revision(in_force, users["steering"])
    copy = Indicator.objects.get(copied_from=indicator)
    IndicatorResult.objects.create(indicator=copy, year=2019, value=Decimal(2))
    adopt(revision, forum, datetime.date(2018, 8, 28), users["steering"])
    assert IndicatorResult.objects.get(indicator=indicator).value == 1
    assert IndicatorResult.objects.get(indicator=copy).value == 2
