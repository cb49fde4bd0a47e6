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
    assert rows[0] == ["name", "organization", "country", "role", "e-mail", "phone", "attended"]
    assert ["Tajik Delegate", "Madina Test NGO", "Tajikistan", "ngo", "tajik.delegate@example.org",
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
