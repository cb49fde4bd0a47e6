"""Library search finds a word however it is typed: in another script, spelling or case, in any language column."""

import pytest

from members.models import Audience
from tests.factories import make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def resources(users, organization):
    report = make_resource(users["member"], organization, title="Ҳисоботи солона дар бораи муҳоҷирон")
    report.set_texts({"ru": {"title": "Ежегодный отчёт о мигрантах"}})
    report.save()
    poster = make_resource(users["member"], organization, title="كابل poster", description="Awareness in Kabul")
    hidden = make_resource(users["member"], organization, title="Hisobot for members", audience=Audience.MEMBERS)
    return report, poster, hidden


def titles(response):
    return [str(resource) for resource in response.context["page_obj"].object_list]


@pytest.mark.parametrize(
    "query",
    ["hisoboti", "ХИСОБОТИ", "муҳоҷирон", "мухочирон", "ОТЧЁТ", "отчет", "Ежегодный мигрантах"],
)
def test_a_word_is_found_in_another_script_spelling_or_case(client, resources, query):
    response = client.get("/library/", {"q": query})
    assert response.status_code == 200
    assert titles(response) == [str(resources[0])], query


def test_arabic_and_persian_letters_are_one_letter_to_a_reader(client, resources):
    assert titles(client.get("/library/", {"q": "کابل"})) == ["كابل poster"]
    assert titles(client.get("/library/", {"q": "kabul awareness"})) == ["كابل poster"]


def test_search_never_finds_what_the_reader_may_not_read(client, client_as, resources):
    assert titles(client.get("/library/", {"q": "hisobot members"})) == []
    assert titles(client_as("member").get("/library/", {"q": "hisobot members"})) == ["Hisobot for members"]


def test_a_word_that_is_nowhere_finds_nothing(client, resources):
    response = client.get("/library/", {"q": "nonexistentword"})
    assert titles(response) == []
    assert "No resource matches" in response.content.decode()
