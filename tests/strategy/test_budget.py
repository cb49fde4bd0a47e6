"""The budget: totals per currency, per objective, year, country and funder; who sees which lines; the forms."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from strategy.budget import strategy_budget
from strategy.models import BudgetLine, Objective, Strategy
from tests.factories import make_organization
from tests.forums.factories import make_forum
from tests.strategy.factories import adopt, first_objective, make_activity, make_budget_line, make_strategy

pytestmark = pytest.mark.django_db


def _adopted(objectives=1, start=2019, end=2023):
    return adopt(make_strategy(start, end, objectives=objectives), make_forum(start=datetime.date(start - 1, 8, 27)))


def _totals(table) -> dict:
    return {group.label: {a.currency: (a.planned, a.secured, a.spent, a.gap) for a in group.totals}
            for group in table["groups"]}


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def budgeted():
    """An adopted strategy with two objectives: a public Tajik activity (USD and EUR lines) under 1.1, a members-only
    Tajik and Pakistani activity (USD) under 1.2."""
    strategy = _adopted(objectives=2)
    first, second = Objective.objects.filter(goal__strategy=strategy).order_by("order")
    iom = make_organization("TJ", name="International Organization for Migration", acronym="IOM", slug="iom",
                            membership_status="stakeholder")
    public = make_activity(first, countries=["TJ"], budget_public=True, title="Public activity")
    private = make_activity(second, countries=["TJ", "PK"], title="Private activity")
    make_budget_line(public, 12000, "USD", year=2019, secured=10000, spent=2000, funder=iom, item="Regional meeting")
    make_budget_line(public, 5000, "EUR", year=2020, secured=1000, funder_name="EU", item="Translation")
    make_budget_line(private, 3000, "USD", year=2020, secured=3000, spent=3000, funder=iom, item="Shelter visit")
    return strategy


def test_currencies_are_kept_apart(budgeted, users):
    context = strategy_budget(users["member"], budgeted)
    whole = {a.currency: a.planned for a in context["totals"]}
    assert whole == {"EUR": Decimal(5000), "USD": Decimal(15000)}  # two totals, never 20,000 of anything


def test_totals_per_objective_year_country_and_funder(budgeted, users):
    tables = {t["id"]: _totals(t) for t in strategy_budget(users["member"], budgeted)["totals_tables"]}
    assert tables["by-objective"] == {
        "1.1 Objective 1.1": {"EUR": (5000, 1000, 0, 4000), "USD": (12000, 10000, 2000, 2000)},
        "1.2 Objective 1.2": {"USD": (3000, 3000, 3000, 0)},
    }
    assert tables["by-year"] == {
        "2019": {"USD": (12000, 10000, 2000, 2000)},
        "2020": {"EUR": (5000, 1000, 0, 4000), "USD": (3000, 3000, 3000, 0)},
    }
    # The activity in Tajikistan and Pakistan counts in each country.
    assert tables["by-country"] == {
        "Tajikistan": {"EUR": (5000, 1000, 0, 4000), "USD": (15000, 13000, 5000, 2000)},
        "Pakistan": {"USD": (3000, 3000, 3000, 0)},
    }
    assert tables["by-funder"] == {
        "EU": {"EUR": (5000, 1000, 0, 4000)},
        "International Organization for Migration (IOM)": {"USD": (15000, 13000, 5000, 2000)},
    }


def test_totals_agree_with_the_models_totals(budgeted, users):
    rows = BudgetLine.objects.filter(activity__objective__goal__strategy=budgeted).totals("year")
    by_year = {t["id"]: _totals(t) for t in strategy_budget(users["member"], budgeted)["totals_tables"]}["by-year"]
    for row in rows:
        assert by_year[str(row["year"])][row["currency"]][:3] == (row["planned"], row["secured"], row["spent"])


def test_page_shows_totals_per_currency_right_aligned_and_isolated(budgeted, client_as):
    text = _text(client_as("member").get(reverse("strategy:budget", args=[budgeted.pk])))
    money = '<span class="money text-nowrap" dir="ltr">'
    assert f"{money}EUR 5,000</span> · {money}USD 15,000</span>" in text
    assert '<td class="num"><span class="money" dir="ltr">12,000</span></td>' in text
    assert "20,000" not in text
    assert "An activity in several countries counts in each of them" in text


def test_amounts_in_dari_are_grouped_and_left_to_right(budgeted, client_as, settings):
    client = client_as("member")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
    text = _text(client.get(reverse("strategy:budget", args=[budgeted.pk])))
    assert '<html lang="fa" dir="rtl">' in text
    # Grouped as the language's number formats say (see the report: fa/ps/ur define no NUMBER_GROUPING yet).
    assert re.search(r'<span class="money" dir="ltr">12[,٬]?000</span>', text)


@pytest.mark.parametrize(
    ("role", "items"),
    [
        ("anonymous", {"Regional meeting", "Translation"}),
        ("stakeholder", {"Regional meeting", "Translation"}),
        ("member", {"Regional meeting", "Translation", "Shelter visit"}),
        ("other_editor", {"Regional meeting", "Translation", "Shelter visit"}),
        ("steering", {"Regional meeting", "Translation", "Shelter visit"}),
        ("coordinator", {"Regional meeting", "Translation", "Shelter visit"}),
    ],
)
def test_who_sees_which_lines(budgeted, client_as, role, items):
    response = client_as(role).get(reverse("strategy:budget", args=[budgeted.pk]))
    assert {line.item for line in response.context["lines"]} == items
    text = _text(response)
    assert ("Shelter visit" in text) == ("Shelter visit" in items)
    assert ("Private activity" in text) == ("Shelter visit" in items) or role in ("steering", "coordinator")
    public_note = "Only the parts of the budget that the steering committee made public are shown."
    assert (public_note in text) == (role in ("anonymous", "stakeholder"))


def test_the_public_never_sees_a_private_activity_in_the_totals(budgeted, client_as):
    response = client_as("anonymous").get(reverse("strategy:budget", args=[budgeted.pk]))
    tables = {t["id"]: _totals(t) for t in response.context["totals_tables"]}
    assert list(tables["by-country"]) == ["Tajikistan"]
    assert list(tables["by-objective"]) == ["1.1 Objective 1.1"]
    text = _text(response)
    assert "Objective 1.2" not in text and "USD 15,000" not in text
    assert "USD 12,000" in text


def test_draft_budget_is_hidden_from_the_public(client_as):
    draft = make_strategy()
    make_budget_line(make_activity(first_objective(draft), budget_public=True), 100)
    for role in ("anonymous", "stakeholder"):
        assert client_as(role).get(reverse("strategy:budget", args=[draft.pk])).status_code == 404
    assert client_as("member").get(reverse("strategy:budget", args=[draft.pk])).status_code == 200


def test_empty_state_for_the_public(client_as):
    strategy = _adopted()
    make_budget_line(make_activity(first_objective(strategy)), 100)  # not public
    text = _text(client_as("anonymous").get(reverse("strategy:budget", args=[strategy.pk])))
    assert "No part of this budget has been made public yet." in text
    assert "Totals per year" not in text


def test_illustrative_lines_are_marked(budgeted, client_as):
    BudgetLine.objects.filter(item="Translation").update(illustrative=True)
    text = _text(client_as("anonymous").get(reverse("strategy:budget", args=[budgeted.pk])))
    assert 'Translation <span class="badge text-bg-info">Illustrative</span>' in text
    assert "Lines marked illustrative are example figures, not an agreed budget." in text
    BudgetLine.objects.filter(item="Translation").update(illustrative=False)
    text = _text(client_as("anonymous").get(reverse("strategy:budget", args=[budgeted.pk])))
    assert "Lines marked illustrative" not in text


def test_drafters_see_links_and_readers_do_not(budgeted, client_as):
    add = "Add a budget line"
    assert add in _text(client_as("steering").get(reverse("strategy:budget", args=[budgeted.pk])))
    for role in ("anonymous", "member", "stakeholder"):
        text = _text(client_as(role).get(reverse("strategy:budget", args=[budgeted.pk])))
        assert add not in text and "Make this budget public" not in text
        assert reverse("strategy:plan-csv", args=[budgeted.pk]) in text
        assert reverse("strategy:budget-csv", args=[budgeted.pk]) in text
        assert "data-print-page" in text


@pytest.mark.parametrize("role", ["anonymous", "member", "steering"])
def test_the_budget_page_runs_a_fixed_number_of_queries(budgeted, client_as, role):
    client = client_as(role)
    path = reverse("strategy:budget", args=[budgeted.pk])
    client.get(path)  # the session and its records settle on the first request
    with CaptureQueriesContext(connection) as first:
        client.get(path)
    objective = first_objective(budgeted)
    funder = make_organization("PK", slug="unodc", name="UNODC")
    for n in range(5):
        activity = make_activity(objective, countries=["TJ", "AF"], budget_public=True)
        make_budget_line(activity, 100 + n, "GBP", year=2021, funder=funder)
        make_budget_line(activity, 200 + n, "EUR", year=2022, funder_name=f"Donor {n}", illustrative=True)
    with CaptureQueriesContext(connection) as later:
        response = client.get(path)
    assert len(response.context["lines"]) >= 12
    assert len(later) == len(first), [q["sql"] for q in later]


# --- the activity's page ---------------------------------------------------------------------------------------


def test_activity_page_shows_its_budget_to_those_who_may_see_it(budgeted, client_as):
    public = budgeted.goals.get().objectives.get(code="1.1").activities.get()
    private = budgeted.goals.get().objectives.get(code="1.2").activities.get()
    anonymous = client_as("anonymous")
    text = _text(anonymous.get(public.get_absolute_url()))
    assert 'id="activity-budget"' in text and "Regional meeting" in text
    text = _text(anonymous.get(private.get_absolute_url()))
    assert 'id="activity-budget"' not in text and "Shelter visit" not in text
    text = _text(client_as("member").get(private.get_absolute_url()))
    assert "Shelter visit" in text and "Members only" in text and "Add a budget line" not in text
    text = _text(client_as("steering").get(private.get_absolute_url()))
    assert "Add a budget line" in text and "Make this budget public" in text


# --- the forms -------------------------------------------------------------------------------------------------


def _line_data(**changes):
    data = {"year": "2020", "item": "Interpretation", "currency": "USD", "planned": "1500.50", "secured": "0",
            "spent": "0", "funder": "", "funder_name": "USAID"}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_steering_adds_a_line(budgeted, client_as):
    activity = budgeted.goals.get().objectives.get(code="1.2").activities.get()
    url = reverse("strategy:budget-line-create", args=[budgeted.pk, activity.pk])
    response = client_as("steering").post(url, _line_data(illustrative="on"))
    assert response.status_code == 302 and response["Location"] == activity.get_absolute_url()
    line = activity.budget_lines.get(item="Interpretation")
    assert (line.year, line.planned, line.funder_name, line.illustrative) == (2020, Decimal("1500.50"), "USAID", True)


def test_a_safe_next_is_honoured_and_an_unsafe_one_is_not(budgeted, client_as):
    activity = budgeted.goals.get().objectives.get(code="1.2").activities.get()
    url = reverse("strategy:budget-line-create", args=[budgeted.pk, activity.pk])
    budget_page = reverse("strategy:budget", args=[budgeted.pk])
    client = client_as("coordinator")
    assert client.post(url, _line_data(next=budget_page))["Location"] == budget_page
    assert client.post(url, _line_data(next="https://evil.example/"))["Location"] == activity.get_absolute_url()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"planned": "-1"}, "planned"),
        ({"secured": "-0.01"}, "secured"),
        ({"spent": "-5"}, "spent"),
        ({"planned": "1.234"}, "planned"),
        ({"year": "2018"}, "year"),  # before the period
        ({"year": "2024"}, "year"),  # after it
        ({"currency": "XYZ"}, "currency"),
        ({"currency": "usd"}, "currency"),
        ({"item": "Travel\u202e"}, "item"),
        ({"item": "Travel\nof delegates"}, "item"),
        ({"funder_name": "US\tAID"}, "funder_name"),
        ({"item": ""}, "item"),
        ({"planned": ""}, "planned"),
    ],
)
def test_bad_input_is_refused(budgeted, client_as, changes, field):
    activity = budgeted.goals.get().objectives.get(code="1.2").activities.get()
    url = reverse("strategy:budget-line-create", args=[budgeted.pk, activity.pk])
    response = client_as("steering").post(url, _line_data(**changes))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not activity.budget_lines.filter(item__startswith="Interpretation").exists()


def test_funder_from_the_directory_or_by_name_not_both(budgeted, client_as):
    activity = budgeted.goals.get().objectives.get(code="1.2").activities.get()
    iom = activity.budget_lines.get().funder
    url = reverse("strategy:budget-line-create", args=[budgeted.pk, activity.pk])
    client = client_as("steering")
    response = client.post(url, _line_data(funder=str(iom.pk)))
    assert response.status_code == 400 and "funder_name" in response.context["form"].errors
    assert client.post(url, _line_data(funder=str(iom.pk), funder_name=""))["Location"]
    assert activity.budget_lines.get(item="Interpretation").funder == iom


def test_an_applicant_is_no_funder_choice_for_steering(budgeted, client_as):
    applicant = make_organization("TJ", slug="applicant", name="Applicant NGO", membership_status="applicant")
    activity = budgeted.goals.get().objectives.get(code="1.2").activities.get()
    url = reverse("strategy:budget-line-create", args=[budgeted.pk, activity.pk])
    response = client_as("steering").post(url, _line_data(funder=str(applicant.pk), funder_name=""))
    assert response.status_code == 400 and "funder" in response.context["form"].errors


def test_edit_and_delete_a_line(budgeted, client_as):
    line = BudgetLine.objects.get(item="Shelter visit")
    client = client_as("coordinator")
    edit = reverse("strategy:budget-line-edit", args=[budgeted.pk, line.pk])
    assert client.get(edit).status_code == 200
    client.post(edit, _line_data(item="Shelter visits", currency="EUR", funder_name="", funder=str(line.funder_id)))
    line.refresh_from_db()
    assert (line.item, line.currency, line.activity_id) == ("Shelter visits", "EUR", line.activity_id)
    delete = reverse("strategy:budget-line-delete", args=[budgeted.pk, line.pk])
    page = client.get(delete)
    assert page.status_code == 200 and "Shelter visits" in page.content.decode()
    assert BudgetLine.objects.filter(pk=line.pk).exists()  # a GET only asks
    assert client.post(delete).status_code == 302
    assert not BudgetLine.objects.filter(pk=line.pk).exists()


def test_a_line_of_another_strategy_is_not_found(budgeted, client_as):
    other = make_strategy(2024, 2028)
    line = BudgetLine.objects.get(item="Shelter visit")
    client = client_as("coordinator")
    assert client.get(reverse("strategy:budget-line-edit", args=[other.pk, line.pk])).status_code == 404
    activity = line.activity
    assert client.get(reverse("strategy:budget-line-create", args=[other.pk, activity.pk])).status_code == 404


def test_draft_budget_can_be_kept(client_as):
    draft = make_strategy(2024, 2028)
    activity = make_activity(first_objective(draft))
    url = reverse("strategy:budget-line-create", args=[draft.pk, activity.pk])
    assert client_as("steering").post(url, _line_data(year="2024"))["Location"] == activity.get_absolute_url()


def test_a_superseded_budget_is_read_only(client_as):
    old = _adopted(start=2014, end=2018)
    activity = make_activity(first_objective(old), start=datetime.date(2014, 1, 1), end=datetime.date(2014, 12, 31))
    line = make_budget_line(activity, 100, year=2014)
    Strategy.objects.filter(pk=old.pk).update(status=Strategy.Status.SUPERSEDED)
    client = client_as("coordinator")
    for name, arg in (("budget-line-create", activity.pk), ("budget-line-edit", line.pk),
                      ("budget-line-delete", line.pk)):
        url = reverse(f"strategy:{name}", args=[old.pk, arg])
        assert client.get(url).status_code == 403
        assert client.post(url, _line_data(year="2014")).status_code == 403
    assert client.post(reverse("strategy:budget-visibility", args=[old.pk, activity.pk]), {"public": "1"}).status_code == 403
    line.refresh_from_db()
    assert line.planned == 100
    text = _text(client.get(reverse("strategy:budget", args=[old.pk])))
    assert "Add a budget line" not in text and "Make this budget public" not in text


# --- visibility ------------------------------------------------------------------------------------------------


def test_steering_marks_a_budget_public_and_private_again(budgeted, client_as):
    activity = budgeted.goals.get().objectives.get(code="1.2").activities.get()
    url = reverse("strategy:budget-visibility", args=[budgeted.pk, activity.pk])
    budget_page = reverse("strategy:budget", args=[budgeted.pk])
    client = client_as("steering")
    assert client.get(url).status_code == 405
    response = client.post(url, {"public": "1", "next": budget_page})
    assert response["Location"] == budget_page
    activity.refresh_from_db()
    assert activity.budget_public
    assert "Shelter visit" in _text(client_as("anonymous").get(budget_page))
    assert client.post(url, {"public": "0"})["Location"] == activity.get_absolute_url()
    activity.refresh_from_db()
    assert not activity.budget_public
    assert "Shelter visit" not in _text(client_as("anonymous").get(budget_page))


@pytest.mark.parametrize("role", ["member", "editor", "stakeholder"])
def test_readers_cannot_mark_a_budget_public(budgeted, client_as, role):
    activity = budgeted.goals.get().objectives.get(code="1.2").activities.get()
    url = reverse("strategy:budget-visibility", args=[budgeted.pk, activity.pk])
    assert client_as(role).post(url, {"public": "1"}).status_code in (403, 404)
    activity.refresh_from_db()
    assert not activity.budget_public
