"""The edit page: saving sections and statistics, the change log, bad input, and two editors saving at once."""

import pytest

from countryreviews.models import ReviewChange, ReviewRevision

from .conftest import edit_data

EDIT = "/reviews/tj/2018/edit/"


def test_the_form_tells_never_to_enter_data_about_an_individual_victim(client_as, draft):
    page = client_as("member").get(EDIT).content.decode()
    assert "never enter names, stories or any other data about an individual victim" in page
    assert "Never enter data about an individual victim." in page


def test_saving_records_the_text_the_statistics_and_who_changed_what(client_as, users, draft):
    client = client_as("member")
    data = edit_data(
        client.get(EDIT),
        summary_en="Tajik NGOs reviewed 2018.",
        coordination_body="Interagency commission",
        **{
            "stats-0-indicator": "victims_identified",
            "stats-0-value": "70",
            "stats-0-year": "2018",
            "stats-0-source": "Ministry of Interior",
        },
    )
    response = client.post(EDIT, data)
    assert response.status_code == 302
    assert response["Location"] == f"{EDIT}?content=en"
    draft.refresh_from_db()
    assert draft.summary_en == "Tajik NGOs reviewed 2018."
    assert draft.coordination_body == "Interagency commission"
    assert draft.version == 2
    assert draft.changed_by == users["member"]
    assert list(draft.statistics.values_list("indicator", "value", "year")) == [("victims_identified", 70, 2018)]
    change = draft.changes.get(action=ReviewChange.Action.SAVED)
    assert change.user == users["member"]
    assert sorted(change.fields) == ["coordination_body", "statistics", "summary_en"]
    history = client.get("/reviews/tj/2018/").content.decode()
    assert "saved: summary (English), national coordination body, statistics" in history


def test_saving_an_unchanged_form_records_nothing(client_as, draft):
    client = client_as("editor")
    response = client.post(EDIT, edit_data(client.get(EDIT)), follow=True)
    assert "Nothing had changed" in response.content.decode()
    draft.refresh_from_db()
    assert draft.version == 1
    assert not draft.changes.filter(action=ReviewChange.Action.SAVED).exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"stats-0-value": "-5"}, "Enter a whole number of 0 or more."),
        ({"stats-0-value": "12.5"}, "Enter a whole number of 0 or more."),
        ({"stats-0-value": "many"}, "Enter a whole number of 0 or more."),
        ({"stats-0-year": "1999"}, "Enter a year between 2000 and"),
        ({"stats-0-year": "2999"}, "Enter a year between 2000 and"),
        (
            {"stats-1-indicator": "victims_identified", "stats-1-value": "3", "stats-1-year": "2018"},
            "Please correct the duplicate data for indicator and year",
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(client_as, draft, overrides, message):
    client = client_as("editor")
    data = edit_data(
        client.get(EDIT),
        summary_en="This must not be saved.",
        **{"stats-0-indicator": "victims_identified", "stats-0-value": "70", "stats-0-year": "2018"},
    )
    data.update(overrides)
    response = client.post(EDIT, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Nothing was saved" in response.content.decode()
    draft.refresh_from_db()
    assert draft.summary_en == "Draft text of the 2018 review."
    assert draft.statistics.count() == 0


def test_the_write_picker_links_a_code_in_any_case_in_lower_case(client_as, draft):
    response = client_as("editor").get("/reviews/write/", {"cc": "TJ", "year": "2018"})
    assert response["Location"] == EDIT


@pytest.mark.parametrize("cc", ["éb", "t", "tjk", "1j", ""])
def test_the_write_picker_answers_404_to_a_code_that_is_not_two_latin_letters(client_as, draft, cc):
    assert client_as("editor").get("/reviews/write/", {"cc": cc, "year": "2018"}).status_code == 404


@pytest.mark.parametrize("year", ["-5", "0", "1999", "99999", "2147483648"])
def test_the_write_picker_answers_404_to_a_year_out_of_range(client_as, draft, year):
    """`/reviews/write/?cc=pk&year=-5` was a 500: the edit page's address cannot hold a negative year."""
    assert client_as("editor").get("/reviews/write/", {"cc": "pk", "year": year}).status_code == 404


def test_text_is_escaped_on_the_review_page(client_as, draft):
    client = client_as("editor")
    client.post(EDIT, edit_data(client.get(EDIT), summary_en="<script>alert(1)</script>"))
    page = client.get("/reviews/tj/2018/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_two_editors_saving_at_once_never_lose_an_edit(client_as, users, draft):
    first, second = client_as("member"), client_as("editor")
    first_form = edit_data(first.get(EDIT))
    second_form = edit_data(second.get(EDIT))

    first_form["summary_en"] = "First editor's summary."
    assert first.post(EDIT, first_form).status_code == 302

    second_form["summary_en"] = "Second editor's summary, typed at the same time."
    second_form["challenges_en"] = "Funding."
    response = second.post(EDIT, second_form)

    assert response.status_code == 409
    page = response.content.decode()
    assert "Your changes were not saved" in page
    assert "Second editor&#x27;s summary, typed at the same time." in page
    assert "First editor&#x27;s summary." in page
    draft.refresh_from_db()
    assert draft.summary_en == "First editor's summary."
    assert draft.challenges_en == ""
    assert draft.version == 2
    # The form now carries the saved version, so saving again (after merging) works.
    assert response.context["form"]["version"].value() == 2
    retry = edit_data(response, summary_en="Merged summary.", challenges_en="Funding.")
    assert second.post(EDIT, retry).status_code == 302
    draft.refresh_from_db()
    assert (draft.summary_en, draft.challenges_en, draft.version) == ("Merged summary.", "Funding.", 3)
    assert list(draft.changes.filter(action="saved").values_list("user__email", flat=True)) == [
        "editor@example.org",
        "member@example.org",
    ]


def test_saving_a_draft_published_meanwhile_saves_nothing(client_as, users, draft):
    client = client_as("editor")
    data = edit_data(client.get(EDIT), summary_en="Too late.")
    draft.status = ReviewRevision.Status.PUBLISHED
    draft.save()
    response = client.post(EDIT, data, follow=True)
    # No open revision any more: the page offers to start a new one; the published text is untouched.
    assert "Start revision 2" in response.content.decode()
    draft.refresh_from_db()
    assert draft.summary_en == "Draft text of the 2018 review."
