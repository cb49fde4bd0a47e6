"""Search and filters of the directory: the folding function, scripts, filters, pagination."""

import io
import re

import pytest

from members.models import FocusArea, Organization, Service
from members.search import fold_for_search

from ..factories import make_organization, make_service
from .conftest import bulk_organizations

# --- the folding function --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, folded",
    [
        ("SPARC", "sparc"),
        ("МАДИНА", "мадина"),
        ("Мадина", "мадина"),
        ("Ёлка", "елка"),
        ("Истиқлол", "истиклол"),  # Tajik қ -> Russian к
        ("Ҳаёт Ғамхорӣ Ҷамъият Ўзбек", "хает гамхори чамъият узбек"),  # ҳ ғ ӣ ҷ ў (and ё) to Russian letters
        ("Jam'iyat «Madina», Dushanbe.", "jamiyat madina dushanbe"),  # punctuation to spaces, apostrophes dropped
        ("كابل", "کابل"),  # Arabic kaf -> keheh
        ("علي", "علی"),  # Arabic yeh -> Farsi yeh
        ("مصطفى", "مصطفی"),  # alef maksura -> Farsi yeh
        ("مدرسة", "مدرسه"),  # teh marbuta -> heh
        ("می\u200cخواهم", "میخواهم"),  # ZWNJ dropped
        ("کـــابل", "کابل"),  # tatweel dropped
        ("  many   spaces\there ", "many spaces here"),
        ("ＳＰＡＲＣ", "sparc"),  # full-width letters
        ("Straße", "strasse"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_for_search_normalises_case_and_script_variants(text, folded):
    assert fold_for_search(text) == folded


def test_fold_for_search_drops_arabic_harakat():
    assert fold_for_search("كَابُل") == fold_for_search("کابل")


def test_saving_an_organization_fills_its_search_text(db):
    org = make_organization("AF", name="Kabul Relief", acronym="KR", name_local="كابل", city="Kabul")
    # The folded texts, and in their own columns their Latin keys (members/search.py); names alone in search_names.
    assert org.search_text == "kabul relief kr کابل kabul"
    assert org.search_text_latin == "kabul relief kr kbl kabul"
    assert org.search_names == "kabul relief kr کابل"
    assert org.search_names_latin == "kabul relief kr kbl"


# --- searching through the directory --------------------------------------------------------------------


def names(response):
    return [org.name for org in response.context["organizations"]]


@pytest.fixture
def directory(db):
    make_organization("TJ", name="NGO Madina", acronym="Madina", name_local="Мадина", slug="madina")
    make_organization("PK", name="Society for the Protection of the Rights of the Child", acronym="SPARC", slug="sparc")
    make_organization("AF", name="Kabul Women Centre", acronym="KWC", name_local="مرکز زنان كابل", slug="kwc")
    make_organization("AF", name="Herat Youth", acronym="HY", name_local="جوانان هرات کابلی", slug="hy")
    make_organization("AF", name="Ali Foundation", acronym="AF1", name_local="بنياد علي", slug="ali")
    make_organization("AF", name="Wish Centre", acronym="WC", name_local="می\u200cخواهم", slug="wish")
    make_organization("UZ", name="Istiqlol Avlodi", acronym="", name_local="Истиқлол авлоди", city="Jizzakh", slug="ia")


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Madina", ["NGO Madina"]),
        ("madina", ["NGO Madina"]),
        ("sparc", ["Society for the Protection of the Rights of the Child"]),
        ("SPARC", ["Society for the Protection of the Rights of the Child"]),
        ("rights of the child", ["Society for the Protection of the Rights of the Child"]),
        ("protection child", ["Society for the Protection of the Rights of the Child"]),
        ("мадина", ["NGO Madina"]),
        ("МАДИНА", ["NGO Madina"]),
        ("Мадина", ["NGO Madina"]),
        ("ИСТИҚЛОЛ", ["Istiqlol Avlodi"]),
        ("jizzakh", ["Istiqlol Avlodi"]),
        ("کابل", ["Herat Youth", "Kabul Women Centre"]),  # Persian kaf finds Arabic kaf and itself
        ("كابل", ["Herat Youth", "Kabul Women Centre"]),  # Arabic kaf finds Persian kaf and itself
        # Persian yeh finds Arabic yeh; its Latin key "li" (vowels are not written) is also in "kbli" (کابلی)
        ("علی", ["Ali Foundation", "Herat Youth"]),
        ("بنیاد", ["Ali Foundation"]),
        ("بن\u200cیاد", ["Ali Foundation"]),  # ZWNJ ignored
        ("زنان کابل", ["Kabul Women Centre"]),
        ("  kabul   women  ", ["Kabul Women Centre"]),
        ("میخواهم", ["Wish Centre"]),  # ZWNJ in the stored name ignored
        ("می\u200cخواهم", ["Wish Centre"]),
        ("kabul herat", []),
        ("nothing like this", []),
    ],
)
def test_search_finds_names_acronyms_and_local_names_in_any_script(client, directory, query, expected):
    response = client.get("/members/", {"q": query})
    assert response.status_code == 200
    assert sorted(names(response)) == sorted(expected)


def test_an_empty_query_lists_everyone(client, directory):
    assert len(names(client.get("/members/", {"q": ""}))) == 7


def test_search_is_a_literal_substring_match(client, directory):
    # Neither is an SQL wildcard: punctuation is not searched for ("%" alone is an empty query) and "_" is literal.
    assert names(client.get("/members/", {"q": "%"})) == names(client.get("/members/", {"q": ""}))
    assert names(client.get("/members/", {"q": "madina%"})) == ["NGO Madina"]
    assert names(client.get("/members/", {"q": "_"})) == []
    assert names(client.get("/members/", {"q": "mad_na"})) == []


def test_an_empty_result_explains_what_to_do(client, directory):
    html = client.get("/members/", {"q": "zzzz"}).content.decode()
    assert "No organization matches “zzzz”." in html
    assert "0 organizations found." in html
    assert "Clear filters" in html
    assert 'href="/members/">Show the whole directory' in html
    assert "in all countries and focus areas" not in html  # no filter besides the search to drop


def test_an_empty_filtered_search_offers_to_search_everywhere(client, directory):
    html = client.get("/members/", {"q": "zzzz", "country": "tj"}).content.decode()
    assert "No organization matches “zzzz” with the filters chosen above." in html
    assert 'href="?q=zzzz">Search “zzzz” in all countries and focus areas' in html


def test_the_search_term_stays_in_the_search_box(client, directory):
    html = client.get("/members/", {"q": "Мадина"}).content.decode()
    assert 'value="Мадина"' in html


def test_search_does_not_reveal_applicants(client, directory):
    make_organization("TJ", name="Hidden Applicant", membership_status="applicant")
    assert names(client.get("/members/", {"q": "hidden"})) == []


# --- filters ---------------------------------------------------------------------------------------------


@pytest.fixture
def filtered(db):
    prevention = FocusArea.objects.get(slug="prevention")
    research = FocusArea.objects.get(slug="research")
    tj_ngo = make_organization("TJ", name="TJ Hotline NGO", kind="ngo")
    tj_ngo.focus_areas.set([prevention])
    make_service(tj_ngo, Service.Kind.HOTLINE)
    tj_legal = make_organization("TJ", name="TJ Legal", kind="legal_aid")
    tj_legal.focus_areas.set([research])
    make_service(tj_legal, Service.Kind.LEGAL_AID)
    make_service(tj_legal, Service.Kind.LEGAL_AID)
    pk_ngo = make_organization("PK", name="PK Hotline NGO", kind="ngo")
    pk_ngo.focus_areas.set([prevention, research])
    make_service(pk_ngo, Service.Kind.HOTLINE)
    make_service(pk_ngo, Service.Kind.SHELTER)
    make_organization("AF", name="AF Media", kind="media")


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"country": "tj"}, ["TJ Hotline NGO", "TJ Legal"]),
        ({"country": "pk"}, ["PK Hotline NGO"]),
        ({"country": "uz"}, []),
        ({"focus": "prevention"}, ["PK Hotline NGO", "TJ Hotline NGO"]),
        ({"focus": "research"}, ["PK Hotline NGO", "TJ Legal"]),
        ({"service": "hotline"}, ["PK Hotline NGO", "TJ Hotline NGO"]),
        ({"service": "shelter"}, ["PK Hotline NGO"]),
        ({"service": "legal_aid"}, ["TJ Legal"]),
        ({"kind": "ngo"}, ["PK Hotline NGO", "TJ Hotline NGO"]),
        ({"kind": "media"}, ["AF Media"]),
        ({"kind": "legal_aid"}, ["TJ Legal"]),
        ({"country": "tj", "service": "hotline"}, ["TJ Hotline NGO"]),
        ({"country": "pk", "focus": "research", "service": "shelter", "kind": "ngo"}, ["PK Hotline NGO"]),
        ({"country": "tj", "kind": "media"}, []),
        ({"q": "hotline", "focus": "research"}, ["PK Hotline NGO"]),
        ({"q": "legal", "country": "pk"}, []),
    ],
)
def test_filters_narrow_the_directory_and_combine(client, filtered, params, expected):
    response = client.get("/members/", params)
    assert response.status_code == 200
    assert names(response) == expected


def test_an_organization_with_two_matching_services_is_listed_once(client, filtered):
    assert names(client.get("/members/", {"service": "legal_aid"})) == ["TJ Legal"]
    response = client.get("/members/", {"focus": "research"})
    assert len(names(response)) == len(set(names(response)))


def test_the_clear_filters_link_appears_only_when_filtered(client, filtered):
    assert "Clear filters" not in client.get("/members/").content.decode()
    assert "Clear filters" in client.get("/members/", {"country": "tj"}).content.decode()


def test_the_filter_form_offers_countries_focus_areas_services_and_kinds(client, filtered):
    html = client.get("/members/").content.decode()
    for value in ['value="tj"', 'value="prevention"', 'value="hotline"', 'value="legal_aid"', 'value="media"']:
        assert value in html


# --- pagination ------------------------------------------------------------------------------------------


@pytest.fixture
def many(db):
    bulk_organizations(45, prefix="Paged", country="TJ", with_services=False)
    bulk_organizations(3, prefix="Other", country="PK", with_services=False)


def test_the_first_page_has_twenty_organizations_and_a_next_link(client, many):
    response = client.get("/members/")
    assert len(names(response)) == 20
    assert "48 organizations found." in response.content.decode()
    assert 'href="?page=2"' in response.content.decode()
    assert "Page 1 of 3" in response.content.decode()


def test_page_two_exists_and_continues_the_list(client, many):
    first = names(client.get("/members/"))
    response = client.get("/members/", {"page": 2})
    assert response.status_code == 200
    second = names(response)
    assert len(second) == 20
    assert not set(first) & set(second)
    assert second == sorted(second)
    assert "Page 2 of 3" in response.content.decode()


def test_a_page_out_of_range_shows_the_last_page(client, many):
    response = client.get("/members/", {"page": 99})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 3
    assert len(names(response)) == 8


def test_a_page_that_is_not_a_number_shows_the_first_page(client, many):
    response = client.get("/members/", {"page": "abc"})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 1


def test_filters_are_kept_in_the_pagination_links(client, many):
    html = client.get("/members/", {"country": "tj", "q": "paged"}).content.decode()
    assert "45 organizations found." in html
    links = re.findall(r'href="\?([^"]*page=\d+)"', html)
    assert links
    for link in links:
        assert "country=tj" in link
        assert "q=paged" in link
    response = client.get("/members/", {"country": "tj", "q": "paged", "page": 3})
    assert len(names(response)) == 5
    assert all(name.startswith("Paged") for name in names(response))


def test_the_page_parameter_is_not_repeated_in_pagination_links(client, many):
    html = client.get("/members/", {"country": "tj", "page": 2}).content.decode()
    for link in re.findall(r'href="\?([^"]*page=\d+)"', html):
        assert link.count("page=") == 1


def test_a_single_page_has_no_pagination(client, db):
    bulk_organizations(5, prefix="Few", with_services=False)
    assert 'aria-label="Pages"' not in client.get("/members/").content.decode()


@pytest.mark.parametrize("with_services", [False, True])
def test_organization_search_text_of_bulk_data_matches_save(db, with_services):
    org = bulk_organizations(1, prefix="Check", with_services=with_services)[0]
    stored = [getattr(org, name) for name in Organization.SEARCH_FIELDS]
    Organization.objects.get(pk=org.pk).save()
    saved = Organization.objects.get(pk=org.pk)
    assert [getattr(saved, name) for name in Organization.SEARCH_FIELDS] == stored


@pytest.mark.parametrize("params", [{"country": "zz"}, {"focus": "no-such-area"}, {"service": "teleport"}, {"kind": "x"}])
def test_an_unknown_filter_value_does_not_break_the_page(client, filtered, params):
    response = client.get("/members/", params)
    assert response.status_code == 200


def test_markup_in_the_query_is_escaped(client, directory):
    html = client.get("/members/", {"q": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_an_upper_case_country_code_filters_like_the_country_page(client, db):
    from ..factories import make_organization

    make_organization("TJ", name="Dushanbe Filter NGO")
    make_organization("PK", name="Karachi Filter NGO")
    html = client.get("/members/", {"country": "TJ"}).content.decode()
    assert "Dushanbe Filter NGO" in html
    assert "Karachi Filter NGO" not in html


def test_refresh_search_rebuilds_stale_search_texts(db):
    from django.core.management import call_command

    org = make_organization(name="Stale Search Org")
    Organization.objects.filter(pk=org.pk).update(search_names="", search_names_latin="", search_text="", search_text_latin="")
    assert not Organization.objects.search("Stale").exists()
    out = io.StringIO()
    call_command("refresh_search", stdout=out)
    assert "1 organizations changed" in out.getvalue()
    assert list(Organization.objects.search("Stale").values_list("name", flat=True)) == ["Stale Search Org"]
