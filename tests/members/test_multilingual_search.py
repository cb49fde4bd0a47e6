"""Searching the directory in any script and spelling (issue 12): /members/?q= and Organization.objects.search().

Every case runs the same on SQLite and PostgreSQL: the search is a substring test on texts normalized when a
record (or one of its services) is saved, so nothing here depends on the database.
"""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import FocusArea, Organization, Service
from tests.html import elements

from ..factories import make_organization, make_service
from .conftest import service_form_data

DIRECTORY = reverse("members:directory")
DIRECTORY_ORDER = ("search_rank", "name", "pk")  # how the directory view orders a search

_slugs = itertools.count(1)

# An organization no query below should find: its words share no spelling with any of them.
DECOY = {"name": "Green Valley Association", "acronym": "GVA", "name_local": "Водии сабз", "description": "Sewing lessons."}


def make_org(**fields):
    fields.setdefault("slug", f"ml-search-{next(_slugs)}")
    return make_organization(fields.pop("country", "TJ"), **fields)


def page_names(client, query):
    """The names the directory lists for `query`, in order, checked against the rendered page."""
    response = client.get(DIRECTORY, {"q": query})
    assert response.status_code == 200
    names = [org.name for org in response.context["organizations"]]
    page = response.content.decode()
    for name in names:
        assert name in page
    return names


def search_names(query):
    return list(Organization.objects.search(query).order_by(*DIRECTORY_ORDER).values_list("name", flat=True))


def texts_of_class(page: str, css_class: str) -> list[str]:
    return elements(page, css_class=css_class)


# --- spellings ----------------------------------------------------------------------------------------------

# (query, the organization it must find, an organization it must not find: DECOY unless given)
SPELLINGS = [
    # A Tajik name typed without Tajik letters, and its Latin spelling.
    pytest.param("Хайрхохи", {"name": "Our Time NGO", "name_local": "Хайрхоҳӣ Замон"}, None, id="tajik-name-typed-in-russian"),
    pytest.param("Хайрхохи", {"name": "Khairkhohi Zamon"}, None, id="cyrillic-query-finds-latin-name"),
    pytest.param("Khairkhohi", {"name": "Our Time NGO", "name_local": "Хайрхоҳӣ Замон"}, None, id="latin-query-finds-tajik"),
    # Transliterations that disagree: h/kh/x, y/i, ё.
    pytest.param("Hayoti", {"name": "New Life Centre", "name_local": "Хаёти нав"}, None, id="hayoti-finds-cyrillic-only"),
    pytest.param("khayoti", {"name": "New Life Centre", "name_local": "Хаёти нав"}, None, id="khayoti-finds-cyrillic"),
    pytest.param("Xayoti", {"name": "New Life Centre", "name_local": "Хаёти нав"}, None, id="uzbek-x-finds-cyrillic"),
    pytest.param("Истиклол", {"name": "Istiqlol Avlodi"}, None, id="russian-spelling-finds-latin-q"),
    pytest.param("Истиқлол", {"name": "Generation NGO", "name_local": "Истиклол"}, None, id="tajik-q-finds-russian-k"),
    pytest.param("Istiqlol", {"name": "Generation NGO", "name_local": "Истиқлол авлоди"}, None, id="latin-finds-tajik-cyrillic"),
    pytest.param("Istiklol", {"name": "Generation NGO", "name_local": "Истиқлол авлоди"}, None, id="latin-k-finds-tajik-q"),
    # Tajik and Uzbek letters and their Russian look-alikes, both ways.
    pytest.param("Химоя", {"name": "Protection One", "name_local": "Ҳимоя"}, None, id="х-finds-ҳ"),
    pytest.param("Ҳимоя", {"name": "Protection One", "name_local": "Химоя"}, None, id="ҳ-finds-х"),
    pytest.param("Конуният", {"name": "Lawfulness One", "name_local": "Қонуният"}, None, id="к-finds-қ"),
    pytest.param("Қонуният", {"name": "Lawfulness One", "name_local": "Конуният"}, None, id="қ-finds-к"),
    pytest.param("Гайрат", {"name": "Zeal One", "name_local": "Ғайрат"}, None, id="г-finds-ғ"),
    pytest.param("Ғайрат", {"name": "Zeal One", "name_local": "Гайрат"}, None, id="ғ-finds-г"),
    pytest.param("Дустон", {"name": "Friends One", "name_local": "Дӯстон"}, None, id="у-finds-ӯ"),
    pytest.param("Дӯстон", {"name": "Friends One", "name_local": "Дустон"}, None, id="ӯ-finds-у"),
    pytest.param("Чавонон", {"name": "Youth One", "name_local": "Ҷавонон"}, None, id="ч-finds-ҷ"),
    pytest.param("Ҷавонон", {"name": "Youth One", "name_local": "Чавонон"}, None, id="ҷ-finds-ч"),
    pytest.param("Озоди", {"name": "Freedom One", "name_local": "Озодӣ"}, None, id="и-finds-ӣ"),
    pytest.param("Озодӣ", {"name": "Freedom One", "name_local": "Озоди"}, None, id="ӣ-finds-и"),
    pytest.param("Кумак", {"name": "Help One", "name_local": "Кўмак", "country": "UZ"}, None, id="у-finds-ў"),
    pytest.param("Кўмак", {"name": "Help One", "name_local": "Кумак", "country": "UZ"}, None, id="ў-finds-у"),
    # Arabic-script letters that Dari, Pashto and Urdu keyboards type differently, both ways.
    pytest.param("علی", {"name": "Ali Foundation", "name_local": "بنياد علي", "country": "AF"},
                 {"name": "Herat Youth", "name_local": "جوانان هرات", "country": "AF"}, id="farsi-yeh-finds-arabic-yeh"),
    pytest.param("علي", {"name": "Ali Foundation", "name_local": "بنیاد علی", "country": "AF"},
                 {"name": "Herat Youth", "name_local": "جوانان هرات", "country": "AF"}, id="arabic-yeh-finds-farsi-yeh"),
    pytest.param("کابل", {"name": "Capital Women", "name_local": "زنان كابل", "country": "AF"},
                 {"name": "Herat Youth", "name_local": "جوانان هرات", "country": "AF"}, id="keheh-finds-arabic-kaf"),
    pytest.param("كابل", {"name": "Capital Women", "name_local": "زنان کابل", "country": "AF"},
                 {"name": "Herat Youth", "name_local": "جوانان هرات", "country": "AF"}, id="arabic-kaf-finds-keheh"),
    pytest.param("مدرسه", {"name": "School Support", "name_local": "مدرسة امید", "country": "AF"},
                 {"name": "Herat Youth", "name_local": "جوانان هرات", "country": "AF"}, id="heh-finds-teh-marbuta"),
    pytest.param("مدرسة", {"name": "School Support", "name_local": "مدرسه امید", "country": "AF"},
                 {"name": "Herat Youth", "name_local": "جوانان هرات", "country": "AF"}, id="teh-marbuta-finds-heh"),
    # Case.
    pytest.param("MADINA", {"name": "NGO Madina"}, None, id="upper-finds-mixed-case"),
    pytest.param("madina", {"name": "NGO MADINA"}, None, id="lower-finds-upper-case"),
    pytest.param("ХАЁТИ", {"name": "New Life Centre", "name_local": "хаёти нав"}, None, id="cyrillic-upper-finds-lower"),
    pytest.param("хаёти", {"name": "New Life Centre", "name_local": "ХАЁТИ НАВ"}, None, id="cyrillic-lower-finds-upper"),
    # Spaces.
    pytest.param("  Istiqlol    Avlodi  ", {"name": "Istiqlol Avlodi"}, None, id="extra-and-surrounding-spaces"),
    pytest.param("\tмадина ", {"name": "NGO Madina", "name_local": "Мадина"}, None, id="tab-and-trailing-space"),
    # Uzbek Latin oʻ, typed with a typographic or a plain apostrophe, is Cyrillic ў.
    pytest.param("O‘zbekiston", {"name": "Women of the Republic", "name_local": "Ўзбекистон хотин-қизлари", "country": "UZ"},
                 None, id="typographic-apostrophe-finds-ў"),
    pytest.param("O'zbekiston", {"name": "Women of the Republic", "name_local": "Ўзбекистон хотин-қизлари", "country": "UZ"},
                 None, id="plain-apostrophe-finds-ў"),
    pytest.param("Oʻzbekiston", {"name": "Women of the Republic", "name_local": "Ўзбекистон хотин-қизлари", "country": "UZ"},
                 None, id="modifier-letter-finds-ў"),
    # One Latin word and one Cyrillic word: both are required.
    pytest.param("Istiqlol авлоди", {"name": "Istiqlol Avlodi", "name_local": "Истиқлол авлоди"},
                 {"name": "Istiqlol Markazi", "name_local": "Истиқлол маркази"}, id="mixed-script-both-words-required"),
    pytest.param("авлоди Istiqlol", {"name": "Generation NGO", "name_local": "Истиқлол авлоди"},
                 {"name": "Avlodi Nav", "name_local": "Авлоди нав"}, id="mixed-script-other-order"),
    # A description written in Russian only.
    pytest.param("жертвам", {"name": "Legal Aid One", "description_ru": "Помощь жертвам торговли людьми.",
                             "original_language": "ru"}, None, id="russian-description-word"),
    pytest.param("Zhertvam", {"name": "Legal Aid One", "description_ru": "Помощь жертвам торговли людьми.",
                              "original_language": "ru"}, None, id="russian-description-in-latin"),
]


@pytest.mark.parametrize("query, target, other", SPELLINGS)
def test_a_spelling_finds_the_organization(client, db, query, target, other):
    make_org(**target)
    unrelated = make_org(**(other or DECOY))
    if other:
        make_org(**DECOY)
    expected = [target["name"]]
    assert page_names(client, query) == expected
    assert search_names(query) == expected
    assert unrelated.name not in search_names(query)


def test_a_query_needs_every_word_whatever_the_script(client, db):
    make_org(name="Istiqlol Avlodi", name_local="Истиқлол авлоди")
    make_org(name="Hayoti Nav", name_local="Хаёти нав")
    assert page_names(client, "Istiqlol хаёти") == []
    assert search_names("Истиқлол Hayoti") == []


# --- descriptions and services -------------------------------------------------------------------------------


def test_a_description_in_any_language_is_searched_but_not_a_missing_one(client, db):
    make_org(name="Legal Aid One", description_en="Legal aid.", description_ru="Помощь жертвам торговли людьми.")
    make_org(name="Other One", description_en="Help for victims.")
    assert page_names(client, "торговли людьми") == ["Legal Aid One"]
    assert page_names(client, "victims") == ["Other One"]


def test_a_service_named_in_tajik_is_found_until_renamed_or_deleted(client, db):
    org = make_org(name="Shelter Org")
    make_org(**DECOY)
    service = make_service(org, Service.Kind.HOTLINE, name="Hotline", name_tg="Хати боварӣ", phone="1313")
    assert page_names(client, "бовари") == ["Shelter Org"]
    assert search_names("Khati bovari") == ["Shelter Org"]

    service.name_tg = "Паноҳгоҳ"
    service.save()
    assert page_names(client, "бовари") == []
    assert search_names("Паноҳгоҳ") == ["Shelter Org"]

    service.delete()
    assert page_names(client, "Паноҳгоҳ") == []
    assert search_names("Panohgoh") == []
    assert page_names(client, "Shelter") == ["Shelter Org"]  # the organization itself is still found


def test_a_service_renamed_through_its_form_stops_matching(client_as, organization):
    """The editor renames the only service on its page: the old name is no longer found."""
    service = make_service(organization, Service.Kind.SHELTER, name="Rainbow House", phone="1234")
    client = client_as("editor")
    assert search_names("Rainbow") == [organization.name]
    url = reverse("members:service-edit", args=[organization.slug, service.pk]) + "?content=en"
    data = service_form_data(client.get(url)) | {"name_en": "Sunrise House"}
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert search_names("Rainbow") == []
    assert search_names("Sunrise") == [organization.name]


# --- ranking ----------------------------------------------------------------------------------------------------


def test_name_matches_come_before_description_and_service_matches(client, db):
    # Alphabetically the description and service matches would come first.
    make_org(name="Zebo Umed")
    make_org(name="Aziz Foundation", description_en="We give umed (hope) to returnees.")
    by_service = make_org(name="Bahor Centre")
    make_service(by_service, Service.Kind.OTHER, name="Umed hotline")
    make_org(**DECOY)
    assert page_names(client, "umed") == ["Zebo Umed", "Aziz Foundation", "Bahor Centre"]
    ranked = Organization.objects.search("Умед").order_by(*DIRECTORY_ORDER)
    assert [(o.name, o.search_rank) for o in ranked] == [("Zebo Umed", 0), ("Aziz Foundation", 1), ("Bahor Centre", 1)]


def test_a_local_name_match_ranks_as_a_name_match(client, db):
    make_org(name="Zarina Centre", name_local="Умед")
    make_org(name="Aziz Foundation", description_ru="Умед для всех.", original_language="ru")
    assert page_names(client, "Umed") == ["Zarina Centre", "Aziz Foundation"]


# --- the page --------------------------------------------------------------------------------------------------


def _directory_queries(client, query) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DIRECTORY, {"q": query})
    assert response.status_code == 200
    return len(queries), len(response.context["organizations"])


def test_a_search_runs_a_fixed_number_of_queries(client, db):
    def add(count):
        for _i in range(count):
            org = make_org(name=f"Hayot Centre {next(_slugs)}", name_local="Ҳаёт", description_ru="Помощь.")
            make_service(org, Service.Kind.HOTLINE, name="Hotline", name_tg="Хати боварӣ", phone="1313")
            make_service(org, Service.Kind.SHELTER, name="Shelter", phone="1414")
            org.focus_areas.set(FocusArea.objects.all()[:2])

    add(2)
    client.get(DIRECTORY, {"q": "hayot"})  # caches warmed (content types, sessions…)
    few, shown = _directory_queries(client, "hayot")
    assert shown == 2
    add(10)
    many, shown = _directory_queries(client, "hayot")
    assert shown == 12
    assert many == few, (few, many)


def test_a_search_that_finds_nothing_says_what_was_searched(client, db):
    make_org(**DECOY)
    query = "Zarafshon Qwertyuiop"
    response = client.get(DIRECTORY, {"q": query})
    assert response.status_code == 200
    assert list(response.context["organizations"]) == []
    alerts = texts_of_class(response.content.decode(), "alert")
    assert alerts, "the empty directory shows no alert"
    assert any(query in alert for alert in alerts), alerts


def test_the_nothing_found_message_escapes_the_query(client, db):
    query = "<b>Zarafshon</b>"
    page = client.get(DIRECTORY, {"q": query}).content.decode()
    assert "<b>Zarafshon</b>" not in page
    assert any(query in alert for alert in texts_of_class(page, "alert"))
