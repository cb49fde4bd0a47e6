"""Small numbers stay safe: the network's own small figures are published as "fewer than 5", and no total,
chart or CSV lets them be worked out (countryreviews/disclosure.py)."""

import csv
import io
import re

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from countryreviews import workflow
from countryreviews.charts import SMALL_BAR_WIDTH
from countryreviews.disclosure import SHOWN, SMALL, WITHHELD, disclosed_statistics, suppress
from countryreviews.models import RegionalOverview, ReviewRevision, ReviewStatistic

from .factories import make_overview, make_revision

PUBLISHED = ReviewRevision.Status.PUBLISHED
TOTAL, FEMALE, MALE = "victims_identified", "victims_female", "victims_male"


def with_statistics(revision, rows, status=PUBLISHED):
    """rows: (indicator, year, value, network_data); then the revision gets the status."""
    for indicator, year, value, network_data in rows:
        ReviewStatistic.objects.create(revision=revision, indicator=indicator, year=year, value=value, network_data=network_data)
    if status != revision.status:
        revision.status = status
        revision.published_at = timezone.now() if status != ReviewRevision.Status.DRAFT else None
        revision.save()
    return revision


# Total 1234 of which 3 men and boys (the network's own data): the 1231 women and girls would give the 3 away.
SPLIT = [(TOTAL, 2017, 1234, False), (FEMALE, 2017, 1231, False), (MALE, 2017, 3, True)]


def row(page, label, year=2017):
    """The cells of the review page's statistics row of the label and year."""
    match = re.search(r"<tr><td>" + re.escape(label) + rf"</td><td>{year}</td>(.*?)</tr>", page, re.S)
    assert match, label
    return match.group(1)


def values(**cells):
    return {indicator: (value, network_data) for indicator, (value, network_data) in cells.items()}


# --- the rule --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "network_data", "status"),
    [(3, True, SMALL), (1, True, SMALL), (4, True, SMALL), (5, True, SHOWN), (0, True, SHOWN), (3, False, SHOWN)],
)
def test_only_the_networks_own_figures_from_1_to_4_are_hidden(value, network_data, status):
    assert suppress(values(shelter_admissions=(value, network_data)), 5) == {"shelter_admissions": status}


def test_the_threshold_comes_from_the_settings(db):
    revision = with_statistics(make_revision("TJ", 2017), [("shelter_admissions", 2017, 7, True)])
    assert disclosed_statistics(revision)[0].status == SHOWN
    with override_settings(SMALL_NUMBER_THRESHOLD=10):
        disclosed = disclosed_statistics(revision)[0]
        assert (disclosed.status, disclosed.value, disclosed.text) == (SMALL, None, "fewer than 10")
        assert disclosed.csv_text == "<10"


def test_a_hidden_part_is_protected_by_hiding_the_other_part():
    result = suppress(values(victims_identified=(1234, False), victims_female=(1231, False), victims_male=(3, True)), 5)
    assert result == {TOTAL: SHOWN, FEMALE: WITHHELD, MALE: SMALL}


def test_the_smallest_other_part_is_hidden_rather_than_the_total():
    result = suppress(
        values(victims_identified=(100, False), victims_labour=(60, False), victims_sexual=(38, False), victims_other=(2, True)),
        5,
    )
    assert result == {TOTAL: SHOWN, "victims_labour": SHOWN, "victims_sexual": WITHHELD, "victims_other": SMALL}


def test_the_total_is_hidden_when_it_is_the_only_way_and_then_its_other_group_too():
    # Total = women + men (only men reported) and total = labour + sexual: hiding the total alone would let
    # labour + sexual give it back, and with it the men.
    result = suppress(
        values(victims_identified=(50, False), victims_male=(2, True), victims_labour=(30, False), victims_sexual=(20, False)), 5
    )
    assert result[TOTAL] == WITHHELD and result[MALE] == SMALL
    assert [result["victims_labour"], result["victims_sexual"]].count(WITHHELD) == 1


def test_a_hidden_zero_does_not_protect_a_1():
    # Total 1 = 0 women + 1 man: hiding the 0 would leave "1 = hidden + fewer than 5", i.e. the 1.
    result = suppress(values(victims_identified=(1, False), victims_female=(0, False), victims_male=(1, True)), 5)
    assert result == {TOTAL: WITHHELD, FEMALE: SHOWN, MALE: SMALL}


def test_two_small_parts_that_add_up_to_8_hide_the_total():
    result = suppress(values(victims_identified=(8, False), victims_female=(4, True), victims_male=(4, True)), 5)
    assert result == {TOTAL: WITHHELD, FEMALE: SMALL, MALE: SMALL}


def test_children_are_a_subset_not_a_part():
    assert suppress(values(victims_identified=(90, False), victims_children=(3, True)), 5) == {
        TOTAL: SHOWN,
        "victims_children": SMALL,
    }
    # ... but a total of 1 would pin "fewer than 5" children to 1.
    assert suppress(values(victims_identified=(1, False), victims_children=(1, True)), 5)[TOTAL] == WITHHELD


def test_figures_of_other_years_are_separate(db):
    revision = with_statistics(make_revision("TJ", 2017), [*SPLIT, (TOTAL, 2016, 70, False), (FEMALE, 2016, 60, False)])
    statuses = {(d.indicator, d.year): d.status for d in disclosed_statistics(revision)}
    assert statuses[(TOTAL, 2016)] == statuses[(FEMALE, 2016)] == SHOWN


def test_a_snapshot_never_holds_a_hidden_value(db):
    revision = with_statistics(make_revision("TJ", 2017), SPLIT)
    snapshot = [d.as_dict() for d in disclosed_statistics(revision)]
    assert {d["indicator"]: d["value"] for d in snapshot} == {TOTAL: 1234, FEMALE: None, MALE: None}


# --- the review page ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anonymous", "member", "editor", "other_editor", "stakeholder", "steering", "coordinator"])
def test_everyone_sees_a_published_review_with_small_numbers_hidden(client_as, db, role):
    with_statistics(make_revision("TJ", 2017), SPLIT)
    page = client_as(role).get("/reviews/tj/2017/").content.decode()
    assert "fewer than 5" in row(page, "Victims identified: men and boys")
    assert "not shown" in row(page, "Victims identified: women and girls")
    assert "1,234" in row(page, "Victims identified (total)")
    assert "1,231" not in page and "1231" not in page
    assert re.search(r"\b3\b", row(page, "Victims identified: men and boys")) is None
    assert "so that a small number cannot be worked out" in page


def test_a_withdrawn_revision_hides_them_too(client_as, db):
    with_statistics(make_revision("TJ", 2017), SPLIT, status=ReviewRevision.Status.WITHDRAWN)
    page = client_as("editor").get("/reviews/tj/2017/r1/").content.decode()
    assert "fewer than 5" in row(page, "Victims identified: men and boys")
    assert "1,231" not in page


def test_official_figures_below_5_are_shown_as_they_are(client_as, db):
    with_statistics(make_revision("TJ", 2017), [("convictions", 2017, 3, False)])
    page = client_as("anonymous").get("/reviews/tj/2017/").content.decode()
    assert re.search(r"\b3\b", row(page, "Convictions"))
    assert "fewer than" not in page


@pytest.mark.parametrize("role", ["editor", "steering", "coordinator"])
def test_the_editors_of_a_draft_see_exact_values_and_how_they_will_be_published(client_as, db, role):
    with_statistics(make_revision("TJ", 2018), SPLIT, status=ReviewRevision.Status.DRAFT)
    page = client_as(role).get("/reviews/tj/2018/").content.decode()
    male, female = row(page, "Victims identified: men and boys"), row(page, "Victims identified: women and girls")
    assert re.search(r"\b3\b", male) and "will be published as fewer than 5" in male
    assert "1,231" in female and "will not be shown when published" in female


@pytest.mark.parametrize(("role", "status"), [("anonymous", 404), ("stakeholder", 404), ("other_editor", 404)])
def test_a_draft_does_not_exist_for_others(client_as, db, role, status):
    with_statistics(make_revision("TJ", 2018), SPLIT, status=ReviewRevision.Status.DRAFT)
    assert client_as(role).get("/reviews/tj/2018/").status_code == status


def test_a_representative_of_another_country_reads_a_draft_as_it_will_be_published(client, db):
    from tests.factories import make_organization, make_person, make_seat, make_user

    with_statistics(make_revision("TJ", 2018), SPLIT, status=ReviewRevision.Status.DRAFT)
    representative = make_user("rep.pk@example.org")
    organization = make_organization("PK")
    make_seat(organization, make_person(organization, user=representative))
    client.force_login(representative)
    page = client.get("/reviews/tj/2018/").content.decode()
    assert "fewer than 5" in row(page, "Victims identified: men and boys")
    assert "1,231" not in page


def test_the_edit_form_holds_the_exact_value_and_the_flag(client_as, db):
    with_statistics(make_revision("TJ", 2018), SPLIT, status=ReviewRevision.Status.DRAFT)
    response = client_as("editor").get("/reviews/tj/2018/edit/")
    forms = {f.instance.indicator: f for f in response.context["statistics"].forms if f.instance.pk}
    assert forms[MALE]["value"].value() == 3 and forms[MALE]["network_data"].value() is True
    assert 'name="stats-2-network_data"' in response.content.decode()


def test_an_editor_marks_a_figure_as_the_networks_own_data(client_as, db):
    from .conftest import edit_data

    revision = make_revision("TJ", 2018)
    client = client_as("editor")
    data = edit_data(
        client.get("/reviews/tj/2018/edit/"),
        **{"stats-0-indicator": "shelter_admissions", "stats-0-value": "2", "stats-0-year": "2018", "stats-0-network_data": "on"},
    )
    assert client.post("/reviews/tj/2018/edit/", data).status_code == 302
    assert revision.statistics.get().network_data is True


def test_a_new_revision_keeps_the_flag_so_its_publication_hides_them_too(client_as, db, users):
    published = with_statistics(make_revision("TJ", 2017), SPLIT)
    revision = workflow.start_revision(published.review.country, 2017, users["editor"])
    workflow.publish(revision, users["steering"])
    page = client_as("anonymous").get("/reviews/tj/2017/").content.decode()
    assert "Revision 2" in page and "fewer than 5" in page and "1,231" not in page


def test_the_review_page_runs_as_many_queries_with_hidden_figures(
    client_as, db, django_assert_num_queries, django_assert_max_num_queries
):
    with_statistics(make_revision("TJ", 2017), [("convictions", 2017, 30, False)])
    with_statistics(make_revision("PK", 2017), [*SPLIT, ("shelter_admissions", 2017, 2, True), ("hotline_calls", 2017, 1, True)])
    client = client_as("member")
    client.get("/reviews/tj/2017/")
    with django_assert_max_num_queries(100) as plain:
        client.get("/reviews/tj/2017/")
    count = len(plain)  # the log empties at the next request
    client.get("/reviews/pk/2017/")
    with django_assert_num_queries(count):
        client.get("/reviews/pk/2017/")


# --- the regional overview: table, charts, CSV -------------------------------------------------------


@pytest.fixture
def overview(db):
    """TJ: the split above; PK: a total of 3 (primary, charted); TM: a total hidden because men are the only part."""
    tj = with_statistics(make_revision("TJ", 2017), SPLIT)
    pk = with_statistics(make_revision("PK", 2017), [(TOTAL, 2017, 3, True), ("prosecutions", 2017, 2, True)])
    tm = with_statistics(make_revision("TM", 2017), [(TOTAL, 2017, 4321, False), (MALE, 2017, 4, True)])
    uz = with_statistics(make_revision("UZ", 2017), [(TOTAL, 2017, 135, False), ("prosecutions", 2017, 40, False)])
    return make_overview(2017, [tj, pk, tm, uz], published=True)


def test_the_overview_table_hides_small_numbers_and_what_would_give_them_away(client_as, overview):
    page = client_as("anonymous").get("/reviews/overview/").content.decode()
    table = page[page.index('class="table table-bordered table-sm statistics-table"') :]
    table = table[: table.index("</table>")]
    assert "fewer than 5" in table and "not shown" in table
    for hidden in ("1,231", "1231", "4,321", "4321"):
        assert hidden not in page
    assert "1,234" in table and "135" in table
    assert "so that a small number cannot be worked out" in page


def chart(page, slug):
    start = page.index(f'id="chart-{slug}"')
    return page[start : page.index("</figure>", start)]


def test_the_charts_draw_no_hidden_value_to_scale(client_as, overview):
    page = client_as("anonymous").get("/reviews/overview/").content.decode()
    victims = chart(page, "victims")
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", victims, re.S).group(1)
    assert "Pakistan: fewer than 5" in desc and "Turkmenistan: not shown" in desc and "Tajikistan: 1,234" in desc
    # Only shown values carry a number; the small bar has the fixed length; the hidden total has no bar.
    assert sorted(re.findall(r'data-value="(\d+)"', victims)) == ["1234", "135"]
    assert re.search(rf'<rect class="chart-small" [^>]*width="{SMALL_BAR_WIDTH}.0"', victims)
    assert "4321" not in victims and "4,321" not in victims
    table = victims[victims.index("<table") :]
    assert '<th scope="row">Pakistan</th><td class="text-end">fewer than 5</td>' in table
    assert '<th scope="row">Turkmenistan</th><td class="text-end">not shown</td>' in table
    assert "fewer than 5" in chart(page, "prosecutions")


def test_a_small_bar_has_the_same_length_whatever_the_value(db):
    from countryreviews.charts import bar_chart

    revisions = [with_statistics(make_revision(cc, 2017), [(TOTAL, 2017, v, True)]) for cc, v in [("AF", 1), ("PK", 4)]]
    cells = [disclosed_statistics(r).get(TOTAL, 2017) for r in revisions]
    result = bar_chart("t", "T", ["S"], [("A", [cells[0]]), ("B", [cells[1]]), ("C", [(10, False)])])
    widths = [group.bars[0].width for group in result.groups]
    assert widths[0] == widths[1] == SMALL_BAR_WIDTH and widths[2] > SMALL_BAR_WIDTH


def test_the_csv_says_less_than_5_and_never_the_number(client_as, overview):
    content = client_as("anonymous").get("/reviews/overview/2017/comparison.csv").content.decode("utf-8-sig")
    rows = {r[1]: r for r in csv.reader(io.StringIO(content))}
    header = rows["ISO code"]
    column = {
        name: header.index(f"{label} 2017")
        for name, label in [
            (TOTAL, "Victims identified (total)"),
            (FEMALE, "Victims identified: women and girls"),
            (MALE, "Victims identified: men and boys"),
        ]
    }
    assert [rows["TJ"][column[i]] for i in (TOTAL, FEMALE, MALE)] == ["1234", "not shown", "<5"]
    assert [rows["TM"][column[i]] for i in (TOTAL, MALE)] == ["not shown", "<5"]
    assert rows["PK"][column[TOTAL]] == "<5"
    assert "1231" not in content and "4321" not in content


def test_a_draft_edition_hides_them_from_its_editors_too(client_as, db):
    tj = with_statistics(make_revision("TJ", 2017), SPLIT)
    make_overview(2017, [tj])
    page = client_as("coordinator").get("/reviews/overview/2017/").content.decode()
    assert "fewer than 5" in page and "1,231" not in page


def test_the_overview_runs_as_many_queries_with_hidden_figures(
    client_as, db, django_assert_num_queries, django_assert_max_num_queries
):
    plain = [with_statistics(make_revision(cc, 2017), [(TOTAL, 2017, 100, False)]) for cc in ("TJ", "PK")]
    make_overview(2017, plain, published=True)
    client = client_as("anonymous")
    with django_assert_max_num_queries(100) as before:
        client.get("/reviews/overview/2017/")
    count = len(before)  # the log empties at the next request
    split_2018 = [(indicator, 2018, value, network_data) for indicator, _year, value, network_data in SPLIT]
    hidden = [with_statistics(make_revision(cc, 2018), split_2018) for cc in ("TJ", "PK", "TM")]
    make_overview(2018, hidden, published=True)
    with django_assert_num_queries(count):
        assert "fewer than 5" in client.get("/reviews/overview/2018/").content.decode()


# --- the demo ----------------------------------------------------------------------------------------


def test_the_demo_shows_both_kinds_of_hiding(db, settings, client):
    settings.DEBUG = True
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert RegionalOverview.objects.get(year=2017).is_published
    page = client.get("/reviews/tm/2017/").content.decode()
    assert "fewer than 5" in row(page, "Victims identified: men and boys")
    assert "not shown" in row(page, "Victims identified: women and girls")
    assert "48" in row(page, "Victims identified (total)")
