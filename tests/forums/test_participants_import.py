import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forums.models import Participant

pytestmark = pytest.mark.django_db

HEADER = "name,organization,country,role,e-mail,phone,attended\n"
GOOD = (
    HEADER
    + "Nodira Karimova,MTN,Tajikistan,NGO delegate,nodira@example.org,+992 90 000 0101,yes\n"
    + "Ali Raza,Other Pakistani NGO,PK,media,,,no\n"
    + "Guest Observer,Some New Foundation,uz,observer,guest@example.org,,\n"
)


def url(forum):
    return reverse("forums:participants-import", args=[forum.slug])


def upload(client, forum, content, name="participants.csv"):
    data = content.encode("utf-8") if isinstance(content, str) else content
    return client.post(url(forum), {"file": SimpleUploadedFile(name, data, content_type="text/csv")})


def confirm(client, forum, response):
    return client.post(url(forum), {"confirm": "1", "token": response.context["token"]})


def test_a_good_file_is_previewed_then_imported_on_confirm(client_as, forum, organization, other_organization):
    client = client_as("coordinator")
    before = forum.participants.count()
    response = upload(client, forum, GOOD)
    assert response.status_code == 200
    assert not response.context["has_errors"]
    assert forum.participants.count() == before  # nothing saved by the preview
    content = response.content.decode()
    assert "linked to Madina Test NGO (MTN)" in content
    assert "not in the directory: kept as text" in content

    response = confirm(client, forum, response)
    assert response.status_code == 302
    assert forum.participants.count() == before + 3
    nodira = forum.participants.get(name="Nodira Karimova")
    assert nodira.organization == organization  # matched by acronym, not duplicated
    assert nodira.country_id == "TJ" and nodira.role == "ngo" and nodira.attended
    ali = forum.participants.get(name="Ali Raza")
    assert ali.organization == other_organization and ali.role == "media" and not ali.attended
    guest = forum.participants.get(name="Guest Observer")
    assert guest.organization is None and guest.organization_name == "Some New Foundation"
    assert guest.country_id == "UZ" and guest.attended


def test_a_file_with_a_byte_order_mark_is_accepted(client_as, forum):
    response = upload(client_as("coordinator"), forum, "\ufeff" + GOOD)
    assert response.status_code == 200
    assert len(response.context["checked"]) == 3


def test_organizations_are_matched_case_insensitively_within_their_country(client_as, forum, organization):
    client = client_as("coordinator")
    response = upload(client, forum, HEADER + "Someone,madina test ngo,TJ,,,,\nOther,MADINA TEST NGO,PK,,,,\n")
    rows = response.context["checked"]
    assert rows[0].organization == organization
    assert rows[1].organization is None  # same name in another country is another organization


def test_reimporting_the_same_file_creates_no_duplicates(client_as, forum):
    client = client_as("coordinator")
    confirm(client, forum, upload(client, forum, GOOD))
    count = Participant.objects.count()
    response = upload(client, forum, GOOD)
    assert response.status_code == 200
    assert [row.status for row in response.context["checked"]] == ["unchanged"] * 3
    assert "There is nothing to import." in response.content.decode()
    assert "token" not in response.context
    assert Participant.objects.count() == count


def test_a_row_already_in_the_forum_with_empty_cells_is_unchanged(client_as, forum):
    response = upload(client_as("coordinator"), forum, HEADER + "Tajik Delegate,MTN,TJ,,,,\n")
    row = response.context["checked"][0]
    assert row.errors == [] and row.status == "unchanged"
    assert row.participant == forum.participants.get(name="Tajik Delegate")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Someone,MTN,Narnia,ngo,,,yes", "Unknown country “Narnia”"),
        ("Someone,MTN,TJ,ngo,not-an-email,,yes", "“not-an-email” is not a valid e-mail address."),
        ("Someone,MTN,TJ,boss,,,yes", "Unknown role “boss”"),
        ("Someone,MTN,TJ,ngo,,,maybe", "“attended” must be yes or no"),
        ("Someone,MTN,TJ,ngo,,call me,yes", "is not a phone number"),
        (",MTN,TJ,ngo,,,yes", "The name is empty."),
        ("Someone,MTN,,ngo,,,yes", "The country is empty."),
        ("Someone,MTN,TJ", "This line has 3 fields instead of 7."),
    ],
)
def test_bad_rows_are_reported_line_by_line_and_skipped(client_as, forum, line, message):
    client = client_as("coordinator")
    before = Participant.objects.count()
    response = upload(client, forum, HEADER + "Good Person,MTN,TJ,ngo,,,yes\n" + line + "\n")
    assert response.status_code == 200
    rows = response.context["checked"]
    assert rows[0].errors == [] and rows[0].status == "new"
    assert rows[1].line == 3 and rows[1].status == "problem"
    assert any(message in error for error in rows[1].errors), rows[1].errors
    assert "Line 3 has a problem and will be skipped." in response.content.decode()
    assert Participant.objects.count() == before  # nothing saved by the preview
    confirm(client, forum, response)
    assert Participant.objects.count() == before + 1
    assert forum.participants.filter(name="Good Person").exists()


def test_duplicated_rows_in_the_file_are_reported_with_the_first_line(client_as, forum):
    response = upload(client_as("coordinator"), forum, HEADER + "Ana,MTN,TJ,,,,\nana , mtn ,tj,,,,\n")
    assert response.context["checked"][1].errors == ["Same name and organization as line 2."]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("name,organization,country,role,email,phone,attended", "missing columns: e-mail; unknown columns: email"),
        ("name,organization,country,role,e-mail,phone", "missing columns: attended"),
        ("name,organization,country,role,e-mail,phone,attended,notes", "unknown columns: notes"),
    ],
)
def test_a_wrong_header_says_which_columns_are_wrong(client_as, forum, header, message):
    response = upload(client_as("coordinator"), forum, header + "\nA,B,TJ,ngo,,,yes\n")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "checked" not in response.context


def test_a_file_that_is_not_utf8_is_refused_with_a_clear_message(client_as, forum):
    content = (HEADER + "Нодира,MTN,TJ,ngo,,,yes\n").encode("cp1251")
    response = upload(client_as("coordinator"), forum, content)
    assert response.status_code == 400
    assert "not in UTF-8 encoding" in response.content.decode()
    assert "CSV UTF-8" in response.content.decode()


def test_an_excel_workbook_is_refused_with_a_clear_message(client_as, forum):
    response = upload(client_as("coordinator"), forum, b"PK\x03\x04rest-of-a-workbook", name="list.xlsx")
    assert response.status_code == 400
    assert "spreadsheet workbook, not a CSV file" in response.content.decode()


def test_an_empty_file_is_refused(client_as, forum):
    response = upload(client_as("coordinator"), forum, HEADER)
    assert "no participants" in response.content.decode()


def test_a_confirm_without_a_valid_token_imports_nothing(client_as, forum):
    client = client_as("coordinator")
    upload(client, forum, GOOD)
    before = Participant.objects.count()
    response = client.post(url(forum), {"confirm": "1", "token": "forged"})
    assert response.status_code == 302
    assert Participant.objects.count() == before


def test_a_preview_of_one_forum_cannot_be_confirmed_into_another(client_as, forum, upcoming_forum):
    client = client_as("coordinator")
    response = upload(client, forum, GOOD)
    client.post(url(upcoming_forum), {"confirm": "1", "token": response.context["token"]})
    assert upcoming_forum.participants.count() == 0


def test_rows_are_checked_again_on_confirm(client_as, forum, organization):
    client = client_as("coordinator")
    response = upload(client, forum, GOOD)
    # Someone adds the same participant between preview and confirm.
    Participant.objects.create(forum=forum, name="Nodira Karimova", organization=organization)
    before = Participant.objects.count()
    confirm(client, forum, response)
    assert Participant.objects.count() == before


@pytest.mark.parametrize("role", ["member", "steering"])
def test_non_coordinators_may_not_import(client_as, forum, role):
    response = upload(client_as(role), forum, GOOD)
    assert response.status_code == 403
    assert not Participant.objects.filter(name="Nodira Karimova").exists()


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_file_separated_by_semicolons_or_tabs_is_read(client_as, forum, organization, delimiter):
    content = GOOD.replace(",", delimiter)
    response = upload(client_as("coordinator"), forum, ("\ufeff" + content).encode("utf-8"))
    assert response.status_code == 200
    rows = response.context["checked"]
    assert [row.values["name"] for row in rows] == ["Nodira Karimova", "Ali Raza", "Guest Observer"]
    assert rows[0].organization == organization and not any(row.errors for row in rows)


def test_a_semicolon_file_with_a_wrong_header_says_the_columns_are_separated_by_semicolons(client_as, forum):
    response = upload(client_as("coordinator"), forum, "Name;Organisation\nA;B\n")
    assert response.status_code == 400
    assert "separated by semicolons" in response.content.decode()


def test_a_file_error_is_shown_once(client_as, forum):
    response = upload(client_as("coordinator"), forum, HEADER)
    assert response.content.decode().count("The file has a header but no participants.") == 1


def test_role_labels_and_codes_are_both_accepted(client_as, forum):
    lines = "A,MTN,TJ,International organization,,,\nB,MTN,TJ,international,,,\nC,MTN,TJ,ngo delegate,,,\n"
    rows = upload(client_as("coordinator"), forum, HEADER + lines).context["checked"]
    assert [row.role for row in rows] == ["international", "international", "ngo"]
    assert not any(row.errors for row in rows)
