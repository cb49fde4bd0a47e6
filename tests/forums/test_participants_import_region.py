"""The participants import as the region writes its lists (issue 17): organizations by local name, acronym or
transliteration; countries, roles and yes/no in any of the portal's languages; a position column; and an edited
list that updates the participants it names, adds the others, deletes nothing and skips only its problem lines."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forums.models import Participant, ParticipantImport

from ..factories import make_organization
from .factories import make_participant
from .test_participants_import import confirm, upload, url

pytestmark = pytest.mark.django_db

HEADER = "name,organization,country,role,position,e-mail,phone,attended\n"
OLD_HEADER = "name,organization,country,role,e-mail,phone,attended\n"


@pytest.fixture
def madina(db):
    return make_organization("TJ", name="NGO “Madina”", acronym="MDN", name_local="Мадина", slug="madina-ngo")


def preview(client_as, forum, lines, header=HEADER):
    response = upload(client_as("coordinator"), forum, header + "".join(line + "\n" for line in lines))
    assert response.status_code == 200, response.content.decode()[:2000]
    return response


def rows_of(client_as, forum, lines, header=HEADER):
    return preview(client_as, forum, lines, header).context["checked"]


# Organizations


@pytest.mark.parametrize("written", ["«Мадина»", "Мадина", "MDN", "mdn", "Madina", "NGO Madina", "ОО «Мадина»", "Madina"])
def test_an_organization_is_matched_by_local_name_acronym_or_transliteration(client_as, forum, madina, written):
    [row] = rows_of(client_as, forum, [f"Someone,{written},TJ,,,,,"])
    assert row.organization == madina, row.errors
    assert row.errors == []


def test_a_dari_name_is_matched_however_the_keyboard_writes_its_letters(client_as, forum):
    org = make_organization("AF", name="Madina Welfare Organization", name_local="مدینه", slug="madina-af")
    [row] = rows_of(client_as, forum, ["Someone,مدينه,AF,,,,,"])  # Arabic yeh, as an Arabic keyboard types it
    assert row.organization == org


def test_a_name_written_in_cyrillic_finds_the_organization_written_in_latin(client_as, forum):
    org = make_organization("TJ", name="Khairkhohi Zamon", slug="khairkhohi")
    [row] = rows_of(client_as, forum, ["Someone,Хайрхоҳи Замон,TJ,,,,,"])
    assert row.organization == org


def test_an_organization_is_matched_in_the_rows_country_only(client_as, forum, madina):
    make_organization("PK", name="Madina Foundation", acronym="MDN", slug="madina-pk")
    tj, af = rows_of(client_as, forum, ["A,MDN,Tajikistan,,,,,", "B,Madina,AF,,,,,"])
    assert tj.organization == madina
    assert af.organization is None and af.errors == []


def test_an_ambiguous_organization_is_a_problem_naming_the_candidates(client_as, forum, organization):
    make_organization("TJ", name="Mountain Tourism Network", acronym="MTN", slug="mountain")
    response = preview(client_as, forum, ["Someone,MTN,TJ,,,,,"])
    [row] = response.context["checked"]
    assert row.organization is None and row.status == "problem"
    assert row.errors == [
        "“MTN” matches several organizations in the directory: Madina Test NGO (MTN); Mountain Tourism Network (MTN). "
        "Write its full name."
    ]
    assert "token" not in response.context  # nothing else to import


def test_an_unknown_organization_is_kept_as_text_and_the_preview_says_so(client_as, forum):
    client = client_as("coordinator")
    response = upload(client, forum, HEADER + "Someone,Brand New Initiative,TJ,,,,,\n")
    assert "not in the directory: kept as text" in response.content.decode()
    confirm(client, forum, response)
    someone = forum.participants.get(name="Someone")
    assert someone.organization is None and someone.organization_name == "Brand New Initiative"


# Countries, yes/no and roles in the portal's languages


@pytest.mark.parametrize(
    "written", ["Tajikistan", "Таджикистан", "Тоҷикистон", "Tojikiston", "Täjigistan", "تاجیکستان", "تاجکستان",
                "تاجكستان", "TJ", "tj", " TAJIKISTAN "],
)
def test_a_country_is_read_in_any_of_the_portals_languages(client_as, forum, written):
    [row] = rows_of(client_as, forum, [f"Someone,,{written},,,,,"])
    assert row.country is not None and row.country.code == "TJ", row.errors


@pytest.mark.parametrize("written", ["Афганистан", "افغانستان", "Afgʻoniston", "Owganystan", "AF"])
def test_another_country_in_other_languages(client_as, forum, written):
    [row] = rows_of(client_as, forum, [f"Someone,,{written},,,,,"])
    assert row.country.code == "AF"


@pytest.mark.parametrize(
    ("written", "attended"),
    [("yes", True), ("Да", True), ("ҳа", True), ("Ha", True), ("hawa", True), ("بلی", True), ("هو", True),
     ("ہاں", True), ("no", False), ("нет", False), ("не", False), ("yoʻq", False), ("yo'q", False), ("Ýok", False),
     ("نخیر", False), ("نه", False), ("نہیں", False)],
)
def test_attended_is_read_as_yes_or_no_in_any_language(client_as, forum, written, attended):
    [row] = rows_of(client_as, forum, [f"Someone,,TJ,,,,,{written}"])
    assert row.errors == [] and row.attended is attended


def test_an_unknown_answer_is_still_a_problem(client_as, forum):
    [row] = rows_of(client_as, forum, ["Someone,,TJ,,,,,perhaps"])
    assert row.errors == ["“attended” must be yes or no, not “perhaps”."]


@pytest.mark.parametrize(
    ("written", "role"),
    [("Правительство", "government"), ("Ҳукумат", "government"), ("Hukumat", "government"), ("حکومت", "government"),
     ("Делегат НПО", "ngo"), ("NNT vakili", "ngo"), ("СМИ", "media"), ("Kuzatuvchi", "observer"), ("ناظر", "observer"),
     ("international", "international"), ("Media", "media")],
)
def test_a_role_is_read_as_its_label_in_any_language_or_its_code(client_as, forum, written, role):
    [row] = rows_of(client_as, forum, [f"Someone,,TJ,{written},,,,"])
    assert row.errors == [] and row.role == role


# The position column


def test_the_position_column_is_imported_apart_from_the_role(client_as, forum):
    client = client_as("coordinator")
    confirm(client, forum, upload(client, forum, HEADER + "Ana,,TJ,Government,Deputy minister,,,\n"))
    ana = forum.participants.get(name="Ana")
    assert ana.role == "government" and ana.position == "Deputy minister"


def test_a_file_without_the_position_column_still_imports_and_keeps_recorded_positions(client_as, forum):
    delegate = forum.participants.get(name="Tajik Delegate")
    delegate.position = "Director"
    delegate.save()
    client = client_as("coordinator")
    lines = "Tajik Delegate,MTN,TJ,Government,tajik.delegate@example.org,,\nNew Person,,UZ,,,,no\n"
    response = upload(client, forum, OLD_HEADER + lines)
    assert response.status_code == 200
    assert [row.status for row in response.context["checked"]] == ["update", "new"]
    confirm(client, forum, response)
    delegate.refresh_from_db()
    assert delegate.role == "government" and delegate.position == "Director"
    assert not forum.participants.get(name="New Person").attended


def test_the_export_writes_the_position_neutralized_and_reads_it_back(client_as, forum, organization):
    make_participant(forum, organization, name="Risky", position="=HYPERLINK(\"http://evil\")")
    client = client_as("coordinator")
    content = client.get(reverse("forums:participants-export", args=[forum.slug])).content
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert {row["name"]: row["position"] for row in rows}["Risky"] == "'=HYPERLINK(\"http://evil\")"
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(url(forum), {"file": SimpleUploadedFile("p.csv", content)})
    assert [row.status for row in response.context["checked"]] == ["unchanged"] * forum.participants.count()


def test_the_forum_page_shows_the_position_to_those_who_see_names(client_as, forum):
    delegate = forum.participants.get(name="Tajik Delegate")
    delegate.position = "Legal adviser"
    delegate.save()
    page = reverse("forums:detail", args=[forum.slug])
    assert "Legal adviser" in client_as("coordinator").get(page).content.decode()
    assert "Legal adviser" in client_as("member").get(page).content.decode()
    assert "Legal adviser" not in client_as("anonymous").get(page).content.decode()


# An edited list updates the participants it names


def test_a_row_with_a_known_email_updates_that_participant(client_as, forum, other_organization):
    client = client_as("coordinator")
    before = forum.participants.count()
    line = "T. Delegate,OPN,PK,Observer,Lawyer,tajik.delegate@example.org,+992 90 111 2222,no"
    response = upload(client, forum, HEADER + line + "\n")
    [row] = response.context["checked"]
    assert row.status == "update"
    assert {c["field"] for c in row.changes} == {"name", "organization", "country", "role", "position", "attended", "phone"}
    content = response.content.decode()
    assert "1 participant will be updated." in content and "Nothing is deleted" in content
    assert forum.participants.get(email="tajik.delegate@example.org").name == "Tajik Delegate"  # not before confirming

    confirm(client, forum, response)
    delegate = forum.participants.get(email="tajik.delegate@example.org")
    assert (delegate.name, delegate.organization, delegate.country_id, delegate.role, delegate.position) == (
        "T. Delegate", other_organization, "PK", "observer", "Lawyer",
    )
    assert (delegate.phone, delegate.attended) == ("+992 90 111 2222", False)
    assert forum.participants.count() == before


def test_a_row_without_email_updates_the_participant_of_the_same_name_and_organization(client_as, forum):
    client = client_as("coordinator")
    # In other capitals, with the organization's full name instead of its acronym: still the same participant.
    response = upload(client, forum, HEADER + "PAKISTANI delegate,Other Pakistani NGO,Pakistan,Media,Editor,,,\n")
    [row] = response.context["checked"]
    assert row.status == "update" and row.participant.name == "Pakistani Delegate"
    confirm(client, forum, response)
    delegate = forum.participants.get(name="Pakistani Delegate")
    assert delegate.role == "media" and delegate.position == "Editor"


def test_a_name_in_another_script_is_the_same_participant(client_as, forum, organization):
    make_participant(forum, organization, name="Nodira Karimova", email="")
    [row] = rows_of(client_as, forum, ["Нодира Каримова,MTN,TJ,,,,,"])
    assert row.status == "unchanged" and row.participant.name == "Nodira Karimova"


def test_an_edited_list_adds_updates_keeps_and_deletes_nothing(client_as, forum):
    client = client_as("coordinator")
    kept = set(forum.participants.values_list("pk", flat=True))
    lines = [
        "Tajik Delegate,MTN,TJ,NGO delegate,,tajik.delegate@example.org,+992 90 000 7777,yes",  # unchanged
        "Newcomer,Some Network,TM,Observer,,,,",  # new
    ]
    response = upload(client, forum, HEADER + "".join(line + "\n" for line in lines))
    assert [row.status for row in response.context["checked"]] == ["unchanged", "new"]
    content = response.content.decode()
    assert "1 new participant will be added." in content
    assert "1 participant is already recorded as in the file." in content
    confirm(client, forum, response)
    assert kept < set(forum.participants.values_list("pk", flat=True))  # the Pakistani delegate is still there
    assert forum.participants.count() == len(kept) + 1


def test_problem_lines_are_listed_and_skipped_and_the_rest_imported(client_as, forum):
    client = client_as("coordinator")
    lines = [
        "Good One,,TJ,,,,,",
        "Bad Country,,Narnia,,,,,",
        "Pakistani Delegate,OPN,PK,Government,,,,",
        "Bad Email,,TJ,,,not-an-email,,",
        "Good Two,,UZ,,,,,",
    ]
    response = upload(client, forum, HEADER + "".join(line + "\n" for line in lines))
    assert response.status_code == 200
    assert [row.status for row in response.context["checked"]] == ["new", "problem", "update", "problem", "new"]
    assert "Lines 3, 5 have problems and will be skipped." in response.content.decode()
    before = forum.participants.count()
    response = confirm(client, forum, response)
    assert forum.participants.count() == before + 2
    assert not forum.participants.filter(name__in=["Bad Country", "Bad Email"]).exists()
    assert forum.participants.get(name="Pakistani Delegate").role == "government"
    page = client.get(response["Location"]).content.decode()
    assert "Participants imported: 2 added, 1 updated, 2 lines skipped." in page


def test_rows_that_name_the_same_participant_twice_are_a_problem(client_as, forum):
    rows = rows_of(client_as, forum, [
        "Tajik Delegate,MTN,TJ,,,,,",
        "Someone Else,,TJ,,,tajik.delegate@example.org,,",
        "Ana,,TJ,,,ana@example.org,,",
        "Anne,,TJ,,,ANA@example.org,,",
        "ANA,,Tajikistan,,,,,",
        "Anna,,TJ,,,,,",  # another person: two Latin spellings are not joined
    ])
    assert [row.status for row in rows] == ["unchanged", "problem", "new", "problem", "problem", "new"]
    assert rows[1].errors == ["Same participant as line 2."]
    assert rows[3].errors == ["Same participant as line 4."]
    assert rows[4].errors == ["Same name and organization as line 4."]


def test_a_row_matching_two_recorded_participants_is_a_problem(client_as, forum, organization):
    make_participant(forum, organization, name="Tajik Delegate", email="")
    [row] = rows_of(client_as, forum, ["Tajik Delegate,MTN,TJ,,,,,"])
    assert row.status == "problem"
    assert row.errors[0].startswith("This line matches several participants already recorded for this forum:")


# The preview's token


def test_a_preview_is_imported_once(client_as, forum):
    client = client_as("coordinator")
    response = upload(client, forum, HEADER + "Once,,TJ,,,,,\n")
    confirm(client, forum, response)
    again = confirm(client, forum, response)
    assert again.status_code == 302
    assert forum.participants.filter(name="Once").count() == 1
    assert ParticipantImport.objects.filter(forum=forum).count() == 1


def test_a_participant_changed_between_preview_and_confirm_stops_the_import(client_as, forum):
    client = client_as("coordinator")
    response = upload(client, forum, HEADER + "Tajik Delegate,MTN,TJ,Media,,,,\nFresh,,TJ,,,,,\n")
    forum.participants.filter(name="Tajik Delegate").delete()  # the update would now be a new participant
    response = confirm(client, forum, response)
    assert not forum.participants.filter(name__in=["Tajik Delegate", "Fresh"]).exists()
    page = client.get(response["Location"]).content.decode()
    assert "The participants changed since the preview. Nothing was imported" in page


def test_the_check_runs_the_same_queries_for_a_longer_file(client_as, forum, madina):
    client = client_as("coordinator")

    def count(lines):
        with CaptureQueriesContext(connection) as queries:
            upload(client, forum, HEADER + "".join(line + "\n" for line in lines))
        return len(queries)

    one = count(["A,MDN,TJ,,,,,"])
    assert count([f"P{n},Мадина,Таджикистан,Media,Head,p{n}@example.org,,да" for n in range(6)]) == one


# Roles


@pytest.mark.parametrize(
    ("role", "status"),
    [("member", 403), ("editor", 403), ("other_editor", 403), ("stakeholder", 403), ("steering", 403),
     ("coordinator", 200)],
)
def test_only_coordinators_import(client_as, forum, role, status):
    client = client_as(role)
    assert client.get(url(forum)).status_code == status
    response = upload(client, forum, HEADER + "Intruder,,TJ,,,,,\n")
    assert response.status_code == status
    if status == 200:
        confirm(client, forum, response)
    assert forum.participants.filter(name="Intruder").exists() is (status == 200)


def test_anonymous_visitors_are_sent_to_log_in(client_as, forum):
    response = upload(client_as("anonymous"), forum, HEADER + "Intruder,,TJ,,,,,\n")
    assert response.status_code == 302 and "login" in response["Location"]
    assert not Participant.objects.filter(name="Intruder").exists()
