"""Request bodies over MAX_REQUEST_SIZE are refused before anything reads them; normal uploads still work."""

from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.wsgi import WSGIRequest
from django.urls import reverse

from forums.models import ForumDocument
from members.models import Application
from members.uploads import MAX_DOCUMENT_BYTES
from tests.forums.factories import make_forum, pdf_bytes

pytestmark = pytest.mark.django_db

JOIN = reverse("members:join")
MB = 1024 * 1024


@pytest.fixture
def body_never_parsed():
    """Fails the test if anything reads request.POST or request.FILES."""
    with mock.patch.object(WSGIRequest, "_load_post_and_files", side_effect=AssertionError("the body was parsed")):
        yield


@pytest.mark.parametrize("role", ["anonymous", "coordinator"])
def test_a_post_declaring_60_mb_is_refused_with_413_before_it_is_parsed(client_as, role, body_never_parsed):
    response = client_as(role).post(
        JOIN, {"name": "x", "homepage": ""}, CONTENT_LENGTH=str(60 * MB)
    )
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/html")
    assert "too large" in response.content.decode()
    assert not Application.objects.exists()


def test_a_body_over_the_setting_is_refused(client, settings, body_never_parsed):
    settings.MAX_REQUEST_SIZE = 1000
    file = SimpleUploadedFile("big.pdf", pdf_bytes() + b"0" * 1000)
    assert client.post(JOIN, {"file": file}).status_code == 413


def test_a_chunked_body_without_a_length_is_refused_with_411(client, body_never_parsed):
    response = client.generic("POST", JOIN, b"", HTTP_TRANSFER_ENCODING="chunked", CONTENT_LENGTH="")
    assert response.status_code == 411


def test_the_limit_leaves_room_for_the_largest_upload_and_its_fields(settings):
    assert settings.MAX_REQUEST_SIZE >= MAX_DOCUMENT_BYTES + settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_a_document_upload_under_the_limit_still_works(client_as):
    forum = make_forum(slug="size-test")
    response = client_as("coordinator").post(
        reverse("forums:documents", args=[forum.slug]),
        {"title": "Outcome", "file": SimpleUploadedFile("outcome.pdf", pdf_bytes() + b"0" * (2 * MB))},
    )
    assert response.status_code == 302
    assert ForumDocument.objects.get().size > 2 * MB


def test_an_ordinary_get_and_a_small_post_pass(client):
    assert client.get(JOIN).status_code == 200
    assert client.post(JOIN, {"name": "x"}).status_code == 400  # the form's own answer
