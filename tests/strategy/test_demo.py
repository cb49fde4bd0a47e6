"""The demo strategy: a draft built from the Dushanbe recommendations and the Kabul outcomes, idempotent."""

import io
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.utils import translation

from forums import demo as forums_demo
from forums.models import Forum, Recommendation
from members import demo as members_demo
from members import demo_library
from strategy import demo, permissions
from strategy.models import (
    Activity,
    ActivityUpdate,
    BudgetLine,
    Goal,
    Indicator,
    IndicatorResult,
    IndicatorTarget,
    Objective,
    ObjectiveActionItem,
    Strategy,
)
from tests.strategy.factories import adopt

pytestmark = pytest.mark.django_db

MODELS = [Strategy, Goal, Objective, Indicator, IndicatorTarget, IndicatorResult, Activity, ActivityUpdate,
          BudgetLine, ObjectiveActionItem]
CITATION = re.compile(r"\b([A-C])\.(\d+)\b")


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def seeded():
    """What the strategy demo builds on (the directory, the library the forums link, the forums), then it."""
    with translation.override("en"):
        for module in (members_demo, demo_library, forums_demo, demo):
            module.seed()


def test_seed_demo_twice_changes_nothing(settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    first = counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert counts() == first
    assert first["Strategy"] == 1 and first["Goal"] == 3
    assert 6 <= first["Objective"] <= 9 and 5 <= first["Activity"] <= 8
    assert "Strategy 2019–2023 (draft): 7 objectives, 8 activities, 7 budget lines." in out.getvalue()


def test_the_demo_strategy_is_an_unadopted_draft_in_three_languages(seeded):
    strategy = Strategy.objects.get()
    assert (strategy.start_year, strategy.end_year, strategy.version) == (2019, 2023, 1)
    assert strategy.is_draft and strategy.adopted_at is None
    assert strategy.title_en == "Regional CTIP NGO Network strategy"
    assert strategy.title_ru and strategy.title_fa and strategy.summary_ru and strategy.summary_fa
    assert "a quinquennial strategy for this network be prepared" in strategy.summary_en
    # A draft: the public does not see it.
    assert strategy not in permissions.visible_strategies(AnonymousUser())


def test_every_objective_cites_the_dushanbe_recommendations_or_the_kabul_outcome(seeded):
    cited = set()
    for objective in Objective.objects.all():
        codes = set(CITATION.findall(objective.description_en))
        assert codes or "Kabul outcome" in objective.description_en, objective.code
        cited |= codes
    # Each citation names a recommendation the Dushanbe forum made, and the clusters A–C are all used.
    dushanbe = Forum.objects.get(slug="dushanbe-2017")
    for cluster, order in cited:
        assert Recommendation.objects.filter(forum=dushanbe, cluster_code=cluster, order=int(order)).exists(), (
            cluster, order)
    assert {cluster for cluster, _order in cited} == {"A", "B", "C"}


def test_every_indicator_has_a_baseline_and_a_target_for_each_year(seeded):
    for objective in Objective.objects.prefetch_related("indicators__targets"):
        assert 1 <= len(objective.indicators.all()) <= 2
        for indicator in objective.indicators.all():
            assert indicator.baseline is not None and indicator.baseline_year == 2018
            assert [t.year for t in indicator.targets.all()] == [2019, 2020, 2021, 2022, 2023]
    assert IndicatorResult.objects.filter(year=2019).count() == 3


def test_the_plan_and_its_budget_are_illustrative(seeded):
    activities = Activity.objects.all()
    assert all(2019 <= a.start_date.year <= a.end_date.year <= 2021 for a in activities)
    assert {a.title_en for a in activities} >= {f"Annual network meeting {year}" for year in (2019, 2020, 2021)}
    assert activities.filter(budget_public=True).count() == 1
    assert ActivityUpdate.objects.filter(author__email__in=["steering.tj@example.org", "coordinator@example.org"]).count() == 2
    lines = BudgetLine.objects.all()
    assert not lines.filter(illustrative=False).exists()
    assert all(line.item.startswith("Illustrative:") for line in lines)
    assert {"USD", "EUR", "TJS"} <= set(lines.values_list("currency", flat=True))
    assert lines.filter(funder__acronym="IOM Afghanistan").exists()
    assert all(0 <= line.spent <= line.secured <= line.planned for line in lines)


def test_forum_action_items_serve_one_objective_each(seeded):
    links = ObjectiveActionItem.objects.select_related("objective", "action_item__forum")
    assert 2 <= len(links) <= 4
    assert len({link.action_item_id for link in links}) == len(links)
    assert {link.action_item.forum.slug for link in links} == {"dushanbe-2017", "kabul-2018"}


def test_seeding_again_after_adoption_leaves_the_frozen_text_alone(seeded):
    strategy = adopt(Strategy.objects.get(), Forum.objects.get(slug="kabul-2018"))
    before = counts()
    demo.seed()
    strategy.refresh_from_db()
    assert strategy.status == Strategy.Status.ADOPTED
    assert counts() == before
