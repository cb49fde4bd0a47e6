"""The strategy's text: /strategy/, a version's page, the forms of its title, goals, objectives and indicators."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from strategy.models import Goal, Indicator, IndicatorTarget, Objective, Strategy
from tests.forums.factories import make_forum
from tests.strategy.factories import adopt, first_objective, make_activity, make_indicator, make_strategy


@pytest.fixture
def forum(db):
    return make_forum(start=datetime.date(2018, 8, 27), title="Kabul forum", slug="kabul")


@pytest.fixture
def adopted(forum):
    return adopt(make_strategy(2019, 2023, title="Strategy in force"), forum)


@pytest.fixture
def draft(db):
    return make_strategy(2024, 2028, title="Draft strategy")


def url(name, *args, query=""):
    return reverse(f"strategy:{name}", args=args) + query


# --- /strategy/ ----------------------------------------------------------------------------------------------


def test_the_public_reads_the_strategy_in_force_and_not_the_draft(client_as, adopted, draft, forum):
    for role in ("anonymous", "stakeholder"):
        response = client_as(role).get(url("current"))
        assert response.status_code == 200
        assert "Strategy in force" in response.text
        assert url("detail", adopted.pk) in response.text  # its permanent address
        assert forum.get_absolute_url() in response.text  # adopted at
        assert "Draft strategy" not in response.text
        assert url("create") not in response.text


def test_members_are_told_of_a_draft_on_the_current_page(client_as, adopted, draft):
    response = client_as("member").get(url("current"))
    assert "is being drafted" in response.text
    assert url("detail", draft.pk) in response.text
    assert url("create") not in response.text


def test_drafters_may_start_a_new_strategy_from_the_current_page(client_as, adopted):
    response = client_as("steering").get(url("current"))
    assert url("create") in response.text
    assert url("revise", adopted.pk) in response.text


def test_without_a_strategy_in_force_the_public_sees_an_empty_state(client_as, draft):
    response = client_as("anonymous").get(url("current"))
    assert response.status_code == 200
    assert "The network is preparing its strategy" in response.text
    assert "Draft strategy" not in response.text


def test_without_a_strategy_in_force_members_see_the_drafts(client_as, draft):
    response = client_as("member").get(url("current"))
    assert "The network is preparing its strategy" in response.text
    assert url("detail", draft.pk) in response.text


def test_superseded_versions_are_listed_for_everyone(client_as, adopted, forum):
    old = adopt(make_strategy(2014, 2018, title="Old strategy"), forum)
    Strategy.objects.filter(pk=old.pk).update(status=Strategy.Status.SUPERSEDED)
    response = client_as("anonymous").get(url("current"))
    assert "Earlier strategies and versions" in response.text
    assert url("detail", old.pk) in response.text


# --- a version's page ----------------------------------------------------------------------------------------


def test_a_version_shows_its_goals_objectives_indicators_and_yearly_targets(client, forum):
    strategy = make_strategy(2019, 2023)
    objective = first_objective(strategy)
    make_indicator(objective, text="MOUs signed", targets={2019: Decimal(1), 2023: Decimal("2.5")})
    adopted = adopt(strategy, forum)
    response = client.get(url("detail", adopted.pk))
    text = response.text
    assert response.status_code == 200
    assert "A stronger network" in text and "Objective 1.1" in text and "MOUs signed" in text
    for year in range(2019, 2024):
        assert f'<th scope="col" class="num">{year}</th>' in text
    assert '<td class="num">2.5</td>' in text
    assert "table-responsive" in text
    assert url("goal-edit", adopted.pk, objective.goal.pk) not in text  # frozen: no edit links


def test_a_draft_is_404_to_the_public_and_the_stakeholder(client_as, draft):
    for role in ("anonymous", "stakeholder"):
        assert client_as(role).get(url("detail", draft.pk)).status_code == 404
    assert client_as("member").get(url("detail", draft.pk)).status_code == 200


def test_members_read_a_draft_without_edit_links(client_as, draft):
    text = client_as("member").get(url("detail", draft.pk)).text
    assert url("goal-create", draft.pk) not in text
    assert url("adopt", draft.pk) not in text


def test_drafters_see_edit_links_on_a_draft(client_as, draft):
    goal = draft.goals.get()
    objective = first_objective(draft)
    text = client_as("steering").get(url("detail", draft.pk)).text
    for link in (url("edit", draft.pk), url("goal-create", draft.pk), url("goal-edit", draft.pk, goal.pk),
                 url("goal-delete", draft.pk, goal.pk), url("objective-edit", draft.pk, objective.pk),
                 url("indicator-edit", draft.pk, objective.indicators.get().pk), url("adopt", draft.pk)):
        assert link in text


def test_the_page_runs_a_fixed_number_of_queries(client, adopted, django_assert_num_queries):
    # The strategy, its goals, their objectives, their indicators, their targets.
    with django_assert_num_queries(5) as first:
        client.get(url("detail", adopted.pk))
    Strategy.objects.filter(pk=adopted.pk).update(status=Strategy.Status.DRAFT)
    reopened = Strategy.objects.get(pk=adopted.pk)
    for n in range(2, 7):
        goal = Goal.objects.create(strategy=reopened, code=str(n), title=f"Goal {n}")
        for m in range(1, 3):
            make_indicator(Objective.objects.create(goal=goal, code=f"{n}.{m}", title=f"Objective {n}.{m}"))
    Strategy.objects.filter(pk=adopted.pk).update(status=Strategy.Status.ADOPTED)
    with django_assert_num_queries(len(first.captured_queries)):
        response = client.get(url("detail", adopted.pk))
    assert "Objective 6.2" in response.text


# --- the strategy's title, summary and period ----------------------------------------------------------------


def test_a_representative_starts_a_strategy(client_as, users):
    response = client_as("steering").post(
        url("create"), {"title_en": "Strategy 2029–2033", "summary_en": "Why.", "start_year": 2029, "end_year": 2033}
    )
    strategy = Strategy.objects.get(start_year=2029)
    assert response.status_code == 302 and response["Location"] == url("detail", strategy.pk)
    assert (strategy.version, strategy.status, strategy.created_by) == (1, "draft", users["steering"])
    assert strategy.end_year == 2033 and strategy.title_en == "Strategy 2029–2033"


@pytest.mark.parametrize(
    ("start", "end", "error"),
    [
        (2030, 2029, "The last year cannot be before the first year."),
        (2020, 2030, "A strategy covers at most ten years."),
        (2019, 2023, "There is already a strategy for this period"),
        (1990, 1995, "Ensure this value is greater than or equal to 2000."),
    ],
)
def test_a_strategy_with_a_wrong_period_is_refused(client_as, adopted, start, end, error):
    response = client_as("coordinator").post(url("create"), {"title_en": "T", "start_year": start, "end_year": end})
    assert response.status_code == 400
    assert error in response.text
    assert Strategy.objects.count() == 1


def test_members_may_not_start_a_strategy(client_as):
    assert client_as("member").get(url("create")).status_code == 403
    assert client_as("editor").post(url("create"), {"title_en": "T", "start_year": 2030, "end_year": 2031}).status_code == 403
    assert not Strategy.objects.exists()


def test_editing_a_draft_keeps_other_languages_and_drops_targets_outside_a_shorter_period(client_as, draft):
    Strategy.objects.filter(pk=draft.pk).update(title_ru="Проект стратегии")
    response = client_as("coordinator").post(
        url("edit", draft.pk, query="?content=en"), {"title_en": "Draft, renamed", "start_year": 2024, "end_year": 2026}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.title_en, draft.title_ru, draft.end_year) == ("Draft, renamed", "Проект стратегии", 2026)
    years = set(IndicatorTarget.objects.filter(indicator__objective__goal__strategy=draft).values_list("year", flat=True))
    assert years == {2024, 2025, 2026}


def test_control_characters_are_refused_in_a_title(client_as, draft):
    response = client_as("steering").post(url("edit", draft.pk), {"title_en": "Bad\x07", "start_year": 2024,
                                                                  "end_year": 2028})
    assert response.status_code == 400


# --- goals, objectives, indicators ---------------------------------------------------------------------------


def test_a_goal_is_added_edited_and_deleted_in_a_draft(client_as, draft):
    client = client_as("steering")
    response = client.post(url("goal-create", draft.pk), {"code": "2", "title_en": "Protection", "order": ""})
    goal = Goal.objects.get(strategy=draft, code="2")
    assert response["Location"] == url("detail", draft.pk) + f"#goal-{goal.pk}"
    assert goal.order == 2  # a new goal comes last
    client.post(url("goal-edit", draft.pk, goal.pk), {"code": "2", "title_en": "Protection of victims", "order": 5})
    goal.refresh_from_db()
    assert (goal.title_en, goal.order) == ("Protection of victims", 5)
    assert "Delete" in client.get(url("goal-delete", draft.pk, goal.pk)).text
    assert Goal.objects.filter(pk=goal.pk).exists()  # GET only asks
    assert client.post(url("goal-delete", draft.pk, goal.pk)).status_code == 302
    assert not Goal.objects.filter(pk=goal.pk).exists()


def test_a_goal_needs_a_title(client_as, draft):
    response = client_as("steering").post(url("goal-create", draft.pk), {"code": "2", "title_en": ""})
    assert response.status_code == 400
    assert draft.goals.count() == 1


def test_an_objective_is_added_under_the_chosen_goal(client_as, draft):
    goal = draft.goals.get()
    client = client_as("coordinator")
    form = client.get(url("objective-create", draft.pk, query=f"?goal={goal.pk}"))
    assert f'<option value="{goal.pk}" selected>' in form.text
    response = client.post(url("objective-create", draft.pk), {"goal": goal.pk, "code": "1.2", "title_en": "Reach"})
    assert response.status_code == 302
    assert Objective.objects.get(goal=goal, code="1.2").title_en == "Reach"


def test_an_objective_cannot_be_put_under_another_strategys_goal(client_as, draft, adopted):
    response = client_as("coordinator").post(
        url("objective-create", draft.pk), {"goal": adopted.goals.get().pk, "code": "9", "title_en": "Elsewhere"}
    )
    assert response.status_code == 400
    assert not Objective.objects.filter(code="9").exists()


def test_an_objective_with_activities_cannot_be_deleted(client_as, draft):
    objective = first_objective(draft)
    make_activity(objective, start=datetime.date(2024, 1, 1), end=datetime.date(2024, 6, 30))
    client = client_as("steering")
    assert "Move or delete that activity first" in client.get(url("objective-delete", draft.pk, objective.pk)).text
    assert client.post(url("objective-delete", draft.pk, objective.pk)).status_code == 409
    assert client.post(url("goal-delete", draft.pk, objective.goal.pk)).status_code == 409
    assert Objective.objects.filter(pk=objective.pk).exists()


def test_an_indicator_is_added_with_a_target_per_year(client_as, draft):
    objective = first_objective(draft)
    client = client_as("steering")
    form = client.get(url("indicator-create", draft.pk, query=f"?objective={objective.pk}"))
    for year in draft.years:
        assert f'name="target_{year}"' in form.text
    response = client.post(url("indicator-create", draft.pk), {
        "objective": objective.pk, "text_en": "Hotlines open", "baseline": "2", "baseline_year": "2023",
        "target_2024": "3", "target_2026": "4.5",
    })
    assert response.status_code == 302
    indicator = Indicator.objects.get(text_en="Hotlines open")
    assert dict(indicator.targets.values_list("year", "value")) == {2024: Decimal(3), 2026: Decimal("4.5")}
    assert indicator.baseline == 2


def test_editing_an_indicator_changes_and_removes_targets(client_as, draft):
    indicator = first_objective(draft).indicators.get()
    response = client_as("coordinator").post(url("indicator-edit", draft.pk, indicator.pk), {
        "objective": indicator.objective_id, "text_en": indicator.text_en,
        "target_2024": "10", "target_2025": "", "target_2026": "12", "target_2027": "x",
    })
    assert response.status_code == 400  # "x" is not a number
    assert indicator.targets.get(year=2024).value == 1
    client_as("coordinator").post(url("indicator-edit", draft.pk, indicator.pk), {
        "objective": indicator.objective_id, "text_en": indicator.text_en, "target_2024": "10", "target_2026": "12",
    })
    assert dict(indicator.targets.values_list("year", "value")) == {2024: 10, 2026: 12}


def test_another_strategys_parts_are_404_under_a_drafts_address(client_as, draft, adopted):
    client = client_as("steering")
    objective = first_objective(adopted)
    assert client.get(url("goal-edit", draft.pk, objective.goal.pk)).status_code == 404
    assert client.get(url("objective-edit", draft.pk, objective.pk)).status_code == 404
    assert client.post(url("indicator-delete", draft.pk, objective.indicators.get().pk)).status_code == 404
    assert Indicator.objects.filter(objective=objective).exists()


# --- frozen versions -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [Strategy.Status.ADOPTED, Strategy.Status.SUPERSEDED])
def test_every_form_of_an_adopted_or_superseded_version_is_403(client_as, adopted, status):
    Strategy.objects.filter(pk=adopted.pk).update(status=status)
    objective = first_objective(adopted)
    indicator = objective.indicators.get()
    pk = adopted.pk
    urls = [url("edit", pk), url("goal-create", pk), url("goal-edit", pk, objective.goal.pk),
            url("goal-delete", pk, objective.goal.pk), url("objective-create", pk),
            url("objective-edit", pk, objective.pk), url("objective-delete", pk, objective.pk),
            url("indicator-create", pk), url("indicator-edit", pk, indicator.pk),
            url("indicator-delete", pk, indicator.pk), url("adopt", pk)]
    for role in ("steering", "coordinator"):
        for address in urls:
            assert client_as(role).get(address).status_code == 403, address
            assert client_as(role).post(address, {"code": "1", "title_en": "Changed"}).status_code == 403, address
    assert Goal.objects.get(pk=objective.goal.pk).title == "A stronger network"
    assert Indicator.objects.filter(pk=indicator.pk).exists()


def test_the_model_refuses_changes_to_an_adopted_version(adopted):
    objective = first_objective(adopted)
    indicator = objective.indicators.get()
    objective.title_en = "Changed"
    with pytest.raises(ValidationError):
        objective.save()
    with pytest.raises(ValidationError):
        indicator.delete()
    with pytest.raises(ValidationError):
        IndicatorTarget.objects.create(indicator=indicator, year=2030, value=1)
    with pytest.raises(ValidationError):
        Goal.objects.create(strategy=adopted, code="2", title="New")


def test_a_period_reads_first_year_first_on_right_to_left_pages():
    """In a Dari, Pashto or Urdu sentence "2019–2023" would be laid out as 2023–2019 unless isolated."""
    from django.utils import translation

    strategy = Strategy(start_year=2019, end_year=2023)
    with translation.override("en"):
        assert strategy.period == "2019–2023"
    for code in ("fa", "ps", "ur"):
        with translation.override(code):
            assert strategy.period == "\u20662019–2023\u2069"
