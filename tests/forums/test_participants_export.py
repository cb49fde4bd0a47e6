import csv
import io

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_coordinators_export_participants_with_contacts(client_as, forum):
    response = client_as("coordinator").get(reverse("forums:participants-export", args=[forum.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="dushanbe-test-participants.csv"' == response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["name", "organization", "country", "role", "position", "e-mail", "phone", "attended"]
    assert ["Tajik Delegate", "Madina Test NGO", "Tajikistan", "NGO delegate", "", "tajik.delegate@example.org",
            "+992 90 000 7777", "yes"] in rows


def test_formula_like_cells_are_neutralized(client_as, forum, organization):
    from .factories import make_participant

    make_participant(forum, organization, name="=HYPERLINK(\"http://evil\")")
    content = client_as("coordinator").get(reverse("forums:participants-export", args=[forum.slug])).content
    assert "'=HYPERLINK" in content.decode("utf-8-sig")


def test_an_export_can_be_imported_into_another_forum(client_as, forum, upcoming_forum):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_as("coordinator")
    exported = client.get(reverse("forums:participants-export", args=[forum.slug])).content
    url = reverse("forums:participants-import", args=[upcoming_forum.slug])
    response = client.post(url, {"file": SimpleUploadedFile("p.csv", exported)})
    assert not response.context["has_errors"]
    client.post(url, {"confirm": "1", "token": response.context["token"]})
    assert upcoming_forum.participants.count() == 2


def test_roles_are_exported_as_the_labels_the_import_page_documents(client_as, forum, organization):
    from forums.models import Participant

    from .factories import make_participant

    make_participant(forum, organization, name="Agency Person", role=Participant.Role.INTERNATIONAL)
    content = client_as("coordinator").get(reverse("forums:participants-export", args=[forum.slug])).content
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    roles = {row["name"]: row["role"] for row in rows}
    assert roles["Agency Person"] == "International organization"
    assert roles["Tajik Delegate"] == "NGO delegate"


def test_an_export_round_trips_with_its_roles(client_as, forum, upcoming_forum, organization):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from forums.models import Participant

    from .factories import make_participant

    make_participant(forum, organization, name="Agency Person", role=Participant.Role.INTERNATIONAL)
    client = client_as("coordinator")
    exported = client.get(reverse("forums:participants-export", args=[forum.slug])).content
    expected = {p.name: (p.role, p.country_id, p.attended) for p in forum.participants.all()}

    # Back into the same forum: every row is recognised as already there and unchanged.
    same = reverse("forums:participants-import", args=[forum.slug])
    response = client.post(same, {"file": SimpleUploadedFile("p.csv", exported)})
    assert response.status_code == 200
    assert [row.status for row in response.context["checked"]] == ["unchanged"] * len(expected)

    # Into another forum: a clean preview, and the import keeps roles, countries and attendance.
    other = reverse("forums:participants-import", args=[upcoming_forum.slug])
    response = client.post(other, {"file": SimpleUploadedFile("p.csv", exported)})
    assert response.status_code == 200 and not response.context["has_errors"]
    client.post(other, {"confirm": "1", "token": response.context["token"]})
    imported = {p.name: (p.role, p.country_id, p.attended) for p in upcoming_forum.participants.all()}
    assert imported == expected


def test_formulas_hidden_behind_a_digit_are_neutralized_in_every_column(client_as, forum, organization):
    """The review found "+…"/"-…" cells let through when a digit followed the sign."""
    from .factories import make_participant

    make_participant(forum, organization, name="-2+3+cmd|' /C calc'!A0", phone="+1+cmd|' /C calc'!A0")
    content = client_as("coordinator").get(reverse("forums:participants-export", args=[forum.slug])).content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    row = next(r for r in rows if "cmd" in r[0])
    assert row[0] == "'-2+3+cmd|' /C calc'!A0"
    assert row[6] == "'+1+cmd|' /C calc'!A0"
    assert all(not cell.startswith(("=", "+", "-", "@")) or cell.startswith("+992") for r in rows for cell in r)
