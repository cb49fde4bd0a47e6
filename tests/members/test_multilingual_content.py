"""Organization texts in several languages (issue 12): what readers get, how editors write one language at a
time, what the history and the feed say about the language of a text."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from members.models import Service
from tests.html import elements, marked, parse

from ..factories import make_organization, make_service, make_user
from .conftest import edit_url, form_data

ATOM = "{http://www.w3.org/2005/Atom}"
ENGLISH = "We run a shelter for women in Dushanbe."
RUSSIAN = "Мы содержим приют для женщин в Душанбе."
DARI = "ما در کابل یک پناهگاه برای زنان داریم."


def profile(client, org, lang=None) -> str:
    response = client.get(reverse("members:organization", args=[org.slug]), {"lang": lang} if lang else {})
    assert response.status_code == 200
    return response.content.decode()


def org_with(slug, **texts):
    return make_organization("TJ", name=f"Org {slug}", slug=slug, **texts)


# --- readers ---------------------------------------------------------------------------------------------------


def test_an_english_reader_of_an_english_text_sees_it_unmarked(client, db):
    org = org_with("en-only", description_en=ENGLISH)
    page = profile(client, org, "en")
    assert ENGLISH in page
    assert elements(page, css_class="foreign-content") == []
    assert "Language of this text" not in page


def test_a_russian_reader_of_an_english_only_text_gets_it_marked_as_english(client, db):
    org = org_with("en-only", description_en=ENGLISH)
    page = profile(client, org, "ru")
    assert marked(page, ENGLISH, "en", "ltr")
    assert any(ENGLISH in text for text in elements(page, css_class="foreign-content"))


def test_an_english_reader_of_a_russian_original_gets_it_marked(client, db):
    org = org_with("ru-only", description_ru=RUSSIAN, original_language="ru")
    page = profile(client, org, "en")
    assert marked(page, RUSSIAN, "ru", "ltr")
    foreign = [text for text in elements(page, css_class="foreign-content") if RUSSIAN in text]
    assert foreign and "Language of this text: Russian" in foreign[0]


def test_a_russian_reader_of_a_russian_original_sees_it_unmarked(client, db):
    org = org_with("ru-only", description_ru=RUSSIAN, original_language="ru")
    page = profile(client, org, "ru")
    assert RUSSIAN in page
    assert not marked(page, RUSSIAN, "ru", "ltr")
    assert elements(page, css_class="foreign-content") == []


def test_a_dari_reader_of_a_russian_original_gets_it_left_to_right_in_a_right_to_left_page(client, db):
    org = org_with("ru-only", description_ru=RUSSIAN, original_language="ru")
    page = profile(client, org, "fa")
    assert elements(page, tag="html", lang="fa", dir="rtl")  # the page itself is Dari
    assert marked(page, RUSSIAN, "ru", "ltr")
    assert any(RUSSIAN in text for text in elements(page, css_class="foreign-content"))


@pytest.mark.parametrize(
    "reader, shown, hidden, marked_as",
    [
        ("en", ENGLISH, RUSSIAN, None),
        ("ru", RUSSIAN, ENGLISH, None),
        ("fa", RUSSIAN, ENGLISH, ("ru", "ltr")),  # no Dari text: the original (Russian), marked
        ("tg", RUSSIAN, ENGLISH, ("ru", "ltr")),
    ],
)
def test_with_both_languages_each_reader_gets_theirs_or_the_original(client, db, reader, shown, hidden, marked_as):
    org = org_with("both", description_en=ENGLISH, description_ru=RUSSIAN, original_language="ru")
    page = profile(client, org, reader)
    assert shown in page
    assert hidden not in page
    if marked_as:
        assert marked(page, shown, *marked_as)
    else:
        assert elements(page, css_class="foreign-content") == []


def test_without_the_original_the_first_written_language_is_shown(client, db):
    org = org_with("no-original", description_ru=RUSSIAN, original_language="tk")
    page = profile(client, org, "fa")
    assert marked(page, RUSSIAN, "ru", "ltr")


def test_a_russian_reader_of_a_dari_original_gets_it_right_to_left(client, db):
    org = org_with("fa-only", description_fa=DARI, original_language="fa")
    page = profile(client, org, "ru")
    assert elements(page, tag="html", lang="ru", dir="ltr")
    assert marked(page, DARI, "fa", "rtl")


def test_a_user_who_logs_in_with_a_language_reads_in_it(client, db):
    org = org_with("both", description_en=ENGLISH, description_ru=RUSSIAN)
    make_user("reader.ru@example.org", language="ru", second_factor=False)
    response = client.post(reverse("account_login"), {"login": "reader.ru@example.org", "password": "test-pass-123"})
    assert response.status_code == 302
    page = profile(client, org)
    assert RUSSIAN in page
    assert ENGLISH not in page


# --- editors ---------------------------------------------------------------------------------------------------


@pytest.fixture
def written_in_english(organization):
    """The editor's organization, described in English, with a hotline named in English."""
    organization.description_en = ENGLISH
    organization.save()
    make_service(organization, Service.Kind.HOTLINE, name="Madina Hotline", phone="1313")
    return organization


def edit(client, org, language, **changes):
    url = f"{edit_url(org)}?content={language}"
    rendered = client.get(url)
    assert rendered.status_code == 200
    return client.post(url, form_data(rendered) | changes)


def test_writing_russian_leaves_english_and_writing_english_leaves_russian(client_as, written_in_english):
    org = written_in_english
    client = client_as("editor")
    response = edit(client, org, "ru", description_ru=RUSSIAN)
    assert response.status_code == 302, response.context and response.context["form"].errors
    org.refresh_from_db()
    assert (org.description_en, org.description_ru, org.original_language) == (ENGLISH, RUSSIAN, "en")
    assert org.services.get().name_en == "Madina Hotline"  # its Russian name was not required

    response = edit(client, org, "en", description_en="A shelter in Dushanbe and Khujand.")
    assert response.status_code == 302
    org.refresh_from_db()
    assert (org.description_en, org.description_ru) == ("A shelter in Dushanbe and Khujand.", RUSSIAN)


def test_the_form_edits_the_language_chosen(client_as, written_in_english):
    client = client_as("editor")
    form = client.get(f"{edit_url(written_in_english)}?content=ru").context["form"]
    assert "description_ru" in form.fields
    assert not {"description", "description_en"} & set(form.fields)
    assert form.content_language == "ru"


def test_the_edit_page_shows_which_languages_are_written(client_as, written_in_english):
    org = written_in_english
    org.description_ru = RUSSIAN
    org.save()
    response = client_as("editor").get(f"{edit_url(org)}?content=fa")
    bar = {item["code"]: item for item in response.context["language_bar"]}
    assert list(bar) == ["en", "ru", "fa", "ps", "ur", "uz", "tg", "tk"]
    assert (bar["en"]["written"], bar["en"]["original"]) == (True, True)
    assert (bar["ru"]["written"], bar["ru"]["original"]) == (True, False)
    assert not bar["tg"]["written"]
    assert [code for code, item in bar.items() if item["current"]] == ["fa"]
    page = response.content.decode()
    links = {}
    for tag, attrs, parts in parse(page):
        if tag == "a" and "nav-link" in (attrs.get("class") or "").split() and attrs.get("href", "").startswith("?content="):
            links[attrs["hreflang"]] = (attrs["href"], " ".join("".join(parts).split()), attrs.get("aria-current"))
    assert links["en"][0] == "?content=en" and "original" in links["en"][1]
    assert "written" in links["ru"][1] and "not yet" not in links["ru"][1]
    assert "not yet written" in links["tg"][1]
    assert links["fa"][2] == "page"
    assert elements(page, tag="span", lang="fa", dir="rtl")  # the Dari name in the bar reads right to left


def test_a_field_not_yet_written_shows_the_original_to_translate_from(client_as, written_in_english):
    page = client_as("editor").get(f"{edit_url(written_in_english)}?content=ru").content.decode()
    assert marked(page, ENGLISH, "en", "ltr")


def test_a_new_service_written_in_russian_needs_its_name_in_some_language(client_as, organization):
    client = client_as("editor")
    url = reverse("members:service-create", args=[organization.slug]) + "?content=ru"
    data = {"kind": "shelter", "phone": "+992 37 000 1111"}
    response = client.post(url, data | {"name_ru": ""})
    assert response.status_code == 400
    assert "name_ru" in response.context["form"].errors
    assert "This field is required." in response.content.decode()
    assert not organization.services.exists()

    response = client.post(url, data | {"name_ru": "Приют «Мадина»"})
    assert response.status_code == 302
    service = organization.services.get()
    assert (service.name_ru, service.name_en or "", service.original_language) == ("Приют «Мадина»", "", "ru")


def test_a_service_name_in_russian_only_is_shown_marked_to_english_readers(client, organization):
    Service.objects.create(organization=organization, kind=Service.Kind.SHELTER, name_ru="Приют «Мадина»",
                           original_language="ru")
    page = profile(client, organization, "en")
    assert marked(page, "Приют «Мадина»", "ru", "ltr")


# --- history and feed ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["editor", "coordinator"])
def test_the_history_names_the_language_that_changed(client_as, written_in_english, role):
    org = written_in_english
    assert edit(client_as("editor"), org, "ru", description_ru=RUSSIAN).status_code == 302
    response = client_as(role).get(reverse("members:organization-history", args=[org.slug]))
    assert response.status_code == 200
    page = response.content.decode()
    newest = elements(page, tag="li", css_class="border-bottom")[0]  # newest first
    assert "Description (Russian)" in newest
    assert RUSSIAN in newest
    assert "Description (English)" not in newest  # the English text did not change
    changes = response.context["entries"][0]["changes"]
    assert [(str(label), new, language) for label, _old, new, language in changes] == [
        ("description (Russian)", RUSSIAN, "ru")
    ]
    assert marked(page, RUSSIAN, "ru", "auto")


def test_the_history_of_an_english_edit_names_english_only(client_as, written_in_english):
    org = written_in_english
    assert edit(client_as("editor"), org, "en", description_en="A shelter in Khujand.").status_code == 302
    response = client_as("coordinator").get(reverse("members:organization-history", args=[org.slug]))
    changes = response.context["entries"][0]["changes"]
    assert [(str(label), new, language) for label, _old, new, language in changes] == [
        ("description (English)", "A shelter in Khujand.", "en")
    ]


def test_the_feed_marks_a_russian_only_description_for_an_english_reader(client, db):
    org_with("ru-feed", description_ru=RUSSIAN, original_language="ru")
    response = client.get(reverse("members:feed-new-members"))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    summaries = [entry.find(f"{ATOM}summary").text for entry in root.findall(f"{ATOM}entry")]
    assert len(summaries) == 1
    assert '<div lang="ru" dir="ltr">' in summaries[0]
    assert RUSSIAN in summaries[0]
    assert "Language of this text: Russian" in summaries[0]


def test_the_feed_in_russian_gives_the_russian_description_unmarked(client, db):
    org_with("ru-feed", description_ru=RUSSIAN, original_language="ru")
    root = ET.fromstring(client.get(reverse("members:feed-new-members"), {"lang": "ru"}).content)
    summary = root.find(f"{ATOM}entry/{ATOM}summary").text
    assert RUSSIAN in summary
    assert "lang=" not in summary
