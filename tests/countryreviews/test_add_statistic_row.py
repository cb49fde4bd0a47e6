"""On the edit page, "Add a row" shows the form again with everything typed and one more statistics row, without
JavaScript and without saving anything."""

import pytest

from countryreviews.forms import StatisticFormSet
from countryreviews.models import ReviewChange

from .conftest import edit_data

URL = "/reviews/tj/2018/edit/"


def add_row(client, url=URL, **overrides):
    data = edit_data(client.get(url), add_statistic="1", **overrides)
    return client.post(url, data)


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("member", 200), ("editor", 200), ("other_editor", 404), ("stakeholder", 404),
     ("steering", 200), ("coordinator", 200)],
)
def test_who_may_add_a_row(client_as, draft, role, status):
    response = client_as(role).post(URL, {"add_statistic": "1"})
    assert response.status_code == status
    draft.refresh_from_db()
    assert draft.version == 1


def test_adding_a_row_keeps_what_was_typed_and_saves_nothing(client_as, draft):
    client = client_as("editor")
    before = client.get(URL).context["statistics"].total_form_count()
    response = add_row(
        client,
        summary_en="A new summary, typed but not saved.",
        **{"stats-0-indicator": "prosecutions", "stats-0-value": "12", "stats-0-year": "2018",
           "stats-0-source": "Prosecutor's office"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was saved yet" in page
    assert "A new summary, typed but not saved." in page
    assert "Prosecutor&#x27;s office" in page
    formset = response.context["statistics"]
    assert formset.total_form_count() == before + 1
    assert f'name="stats-{before}-value"' in page  # the new, empty row
    assert response.context["form"]["version"].value() in (1, "1")
    draft.refresh_from_db()
    assert (draft.version, draft.summary_en) == (1, "Draft text of the 2018 review.")
    assert not draft.statistics.exists()
    assert not draft.changes.filter(action=ReviewChange.Action.SAVED).exists()


def test_the_rows_added_can_then_be_saved(client_as, draft):
    client = client_as("editor")
    data = edit_data(client.get(URL), **{"stats-0-indicator": "prosecutions", "stats-0-value": "12", "stats-0-year": "2018"})
    for _ in range(2):  # twice, each time with what the page sends back
        response = client.post(URL, {**data, "add_statistic": "1"})
        data["stats-TOTAL_FORMS"] = response.context["statistics"].management_form["TOTAL_FORMS"].value()
    last = int(data["stats-TOTAL_FORMS"]) - 1
    assert last == 3  # two empty rows at first, two added
    data.update({f"stats-{last}-indicator": "convictions", f"stats-{last}-value": "9", f"stats-{last}-year": "2018"})
    assert client.post(URL, data).status_code == 302
    assert sorted(draft.statistics.values_list("indicator", "value")) == [("convictions", 9), ("prosecutions", 12)]


def test_adding_a_row_in_another_language_keeps_that_language(client_as, draft):
    client = client_as("editor")
    response = add_row(client, url=f"{URL}?content=fa", summary_fa="خلاصه تایپ شده")
    assert response.status_code == 200
    assert response.context["form"].content_language == "fa"
    assert "خلاصه تایپ شده" in response.content.decode()
    draft.refresh_from_db()
    assert draft.summary_fa in (None, "")


def test_the_row_count_stops_at_the_maximum(client_as, draft):
    client = client_as("editor")
    data = edit_data(client.get(URL), add_statistic="1")
    data["stats-TOTAL_FORMS"] = str(StatisticFormSet.max_num)
    response = client.post(URL, data)
    assert response.context["statistics"].total_form_count() == StatisticFormSet.max_num
    assert 'name="add_statistic"' not in response.content.decode()


def test_a_broken_form_is_shown_again_not_saved(client_as, draft):
    response = client_as("editor").post(URL, {"add_statistic": "1", "stats-TOTAL_FORMS": "x"})
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.version == 1


def test_the_button_is_on_the_edit_page_and_enter_still_saves(client_as, draft):
    page = client_as("editor").get(URL).content.decode()
    assert 'name="add_statistic"' in page
    form = page[page.index('<form method="post" novalidate>'):]
    first_button = form[form.index("<button"):form.index("</button>")]
    assert "add_statistic" not in first_button  # the default button of the form saves
