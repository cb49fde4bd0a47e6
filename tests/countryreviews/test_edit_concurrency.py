"""Two editors saving one draft at the very same moment: one save wins, the other gets the conflict page (409),
never a 500 and never a lost edit, on SQLite as on PostgreSQL. Issue 13.

The second save is made inside the first one, after the first has passed its version check and before it writes
the text (as it would arrive meanwhile from another browser): the test database is one connection.
tests/test_concurrent_connections.py saves twice at once for real, on PostgreSQL.
"""

from unittest import mock

from countryreviews.forms import ReviewRevisionForm

from .conftest import edit_data

EDIT = "/reviews/tj/2018/edit/"


def test_a_save_arriving_while_another_is_being_written_gets_the_conflict_page(client_as, users, draft):
    first, second = client_as("member"), client_as("editor")
    first_form = edit_data(first.get(EDIT), summary_en="First editor's summary.")
    second_form = edit_data(second.get(EDIT), summary_en="Second editor's summary.", challenges_en="Funding.")
    second_response = None
    save = ReviewRevisionForm.save

    def save_while_the_second_editor_saves(form, *args, **kwargs):
        nonlocal second_response
        if second_response is None:
            second_response = "saving"
            second_response = second.post(EDIT, second_form)
        return save(form, *args, **kwargs)

    with mock.patch.object(ReviewRevisionForm, "save", save_while_the_second_editor_saves):
        assert first.post(EDIT, first_form).status_code == 302

    assert second_response.status_code == 409
    assert "Your changes were not saved" in second_response.content.decode()
    draft.refresh_from_db()
    assert (draft.summary_en, draft.challenges_en, draft.version) == ("First editor's summary.", "", 2)
    assert list(draft.changes.filter(action="saved").values_list("user__email", flat=True)) == ["member@example.org"]
