"""Country reviews in several languages (issue 12): the review page and the overview CSV for readers of each
language, and an editor writing one language of the draft."""

import csv
import io

import pytest
from django.utils import translation

from countryreviews.models import ReviewChange, ReviewRevision
from members.content import language_name
from tests.html import elements, marked

from .conftest import edit_data
from .factories import make_overview, make_revision

EN = "Tajikistan adopted a new counter-trafficking law and opened two shelters."
RU = "Таджикистан принял новый закон о противодействии торговле людьми и открыл два приюта."
EDIT = "/reviews/tj/2018/edit/"


def summaries(page: str) -> list[str]:
    return elements(page, css_class="review-summary")


@pytest.fixture
def bilingual(db):
    """Tajikistan 2017, published, its summary written in English (the original) and in Russian."""
    revision = make_revision("TJ", 2017, ReviewRevision.Status.PUBLISHED, summary=EN, summary_ru=RU)
    assert (revision.summary_en, revision.summary_ru, revision.original_language) == (EN, RU, "en")
    return revision


def review_page(client, lang) -> str:
    response = client.get("/reviews/tj/2017/", {"lang": lang})
    assert response.status_code == 200
    return response.content.decode()


def test_the_review_in_russian_shows_the_russian_summary(client, bilingual):
    page = review_page(client, "ru")
    shown = summaries(page)
    assert shown and RU in shown[0] and EN not in shown[0]
    assert not marked(page, RU, "ru", "ltr")


def test_the_review_in_english_shows_the_english_summary(client, bilingual):
    shown = summaries(review_page(client, "en"))
    assert shown and EN in shown[0] and RU not in shown[0]


def test_the_review_in_dari_shows_the_original_marked_as_english(client, bilingual):
    page = review_page(client, "fa")
    assert marked(page, EN, "en", "ltr")
    shown = summaries(page)
    assert shown and EN in shown[0] and RU not in shown[0]


def test_a_russian_only_summary_is_marked_for_an_english_reader(client, db):
    make_revision("TJ", 2017, ReviewRevision.Status.PUBLISHED, summary="", summary_ru=RU, original_language="ru")
    page = review_page(client, "en")
    assert marked(page, RU, "ru", "ltr")
    assert "Language of this text: Russian" in page


# --- the overview CSV ------------------------------------------------------------------------------------------


def csv_rows(client, lang) -> list[list[str]]:
    response = client.get("/reviews/overview/2017/comparison.csv", {"lang": lang})
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8").lstrip("\ufeff"))))


@pytest.mark.parametrize("reader, summary, language", [("en", EN, "en"), ("ru", RU, "ru"), ("fa", EN, "en")])
def test_the_csv_gives_the_summary_in_the_readers_language_or_the_original(client, bilingual, reader, summary, language):
    make_overview(2017, [bilingual], published=True)
    header = csv_rows(client, "en")[0]
    summary_column, language_column = header.index("Summary"), header.index("Language of the summary")
    assert language_column == summary_column + 1
    rows = csv_rows(client, reader)
    assert len(rows[0]) == len(header)
    tajikistan = next(row for row in rows[1:] if row[1] == "TJ")
    with translation.override(reader):
        expected_name = language_name(language)
    assert tajikistan[summary_column] == summary
    assert tajikistan[language_column] == expected_name
    if reader == "en":
        assert tajikistan[language_column] == "English"
    afghanistan = next(row for row in rows[1:] if row[1] == "AF")  # no review: both empty
    assert (afghanistan[summary_column], afghanistan[language_column]) == ("", "")


def test_the_csv_names_the_language_of_a_russian_only_summary(client, db):
    revision = make_revision("TJ", 2017, ReviewRevision.Status.PUBLISHED, summary="", summary_ru=RU, original_language="ru")
    make_overview(2017, [revision], published=True)
    rows = csv_rows(client, "en")
    header = rows[0]
    tajikistan = next(row for row in rows[1:] if row[1] == "TJ")
    assert tajikistan[header.index("Summary")] == RU
    assert tajikistan[header.index("Language of the summary")] == "Russian"


# --- editing one language of the draft -------------------------------------------------------------------------


def test_saving_the_draft_in_russian_records_summary_ru_and_keeps_english(client_as, users, draft):
    client = client_as("editor")
    url = f"{EDIT}?content=ru"
    rendered = client.get(url)
    assert rendered.status_code == 200
    assert "summary_ru" in rendered.context["form"].fields
    assert "summary_en" not in rendered.context["form"].fields
    response = client.post(url, edit_data(rendered, summary_ru=RU))
    assert response.status_code == 302
    assert response["Location"].endswith("?content=ru")
    draft.refresh_from_db()
    assert draft.summary_en == "Draft text of the 2018 review."
    assert draft.summary_ru == RU
    assert draft.original_language == "en"
    change = draft.changes.get(action=ReviewChange.Action.SAVED)
    assert change.fields == ["summary_ru"]
    assert change.user == users["editor"]
    assert [label.lower() for label in change.field_labels()] == ["summary (russian)"]


def test_saving_english_after_russian_keeps_the_russian(client_as, draft):
    draft.summary_ru = RU
    draft.save()
    client = client_as("editor")
    url = f"{EDIT}?content=en"
    response = client.post(url, edit_data(client.get(url), summary_en="A new English draft."))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.summary_en, draft.summary_ru) == ("A new English draft.", RU)
    assert draft.changes.get(action=ReviewChange.Action.SAVED).fields == ["summary_en"]


def test_the_edit_page_in_russian_shows_the_english_text_to_translate_from(client_as, draft):
    response = client_as("editor").get(f"{EDIT}?content=ru")
    bar = {item["code"]: item for item in response.context["language_bar"]}
    assert bar["en"]["written"] and bar["en"]["original"] and not bar["ru"]["written"] and bar["ru"]["current"]
    assert marked(response.content.decode(), "Draft text of the 2018 review.", "en", "ltr")
