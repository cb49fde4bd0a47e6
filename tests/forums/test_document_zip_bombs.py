"""Zip bombs posing as DOCX/ODT outcome documents are refused from the archive's directory, without unpacking."""

import io
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forums.models import ForumDocument
from members import uploads as documents

from .factories import docx_bytes, odt_bytes

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
CANNOT_BE_READ = "This document cannot be read"


def zeros_bomb(name, megabytes=50):
    """A small DOCX-looking zip whose `name` entry unpacks to `megabytes` of zeros (about 50 KB per 50 MB)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open(name, "w") as entry:
            for _ in range(megabytes):
                entry.write(bytes(MB))
    return buffer.getvalue()


def many_entries(count):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", documents.ODT)
        for number in range(count):
            archive.writestr(f"Pictures/{number}.png", b"")
    return buffer.getvalue()


def upload(client, forum, name, content):
    return client.post(
        reverse("forums:documents", args=[forum.slug]),
        {"title": "Outcome", "file": SimpleUploadedFile(name, content, content_type="application/octet-stream")},
    )


@pytest.mark.parametrize("entry", ["[Content_Types].xml", "mimetype"])
def test_a_zip_bomb_is_refused_with_a_form_error(client_as, forum, entry):
    bomb = zeros_bomb(entry)
    assert len(bomb) < 200 * 1024
    response = upload(client_as("coordinator"), forum, "outcome.docx", bomb)
    assert response.status_code == 400
    assert CANNOT_BE_READ in response.content.decode()
    assert not ForumDocument.objects.exists()


@pytest.mark.parametrize("entry", ["[Content_Types].xml", "mimetype"])
def test_inspecting_a_zip_bomb_does_not_unpack_it(entry):
    bomb = SimpleUploadedFile("outcome.docx", zeros_bomb(entry))
    refused = False
    tracemalloc.start()
    try:
        documents.detect_document_type(bomb)
    except documents.UnreadableDocument:
        refused = True
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peak < 2 * MB
    assert refused


def test_no_part_is_read_beyond_its_limit(monkeypatch):
    """Even an entry within the limits is read with a bound, never whole (its declared size may lie)."""
    reads = []
    original = zipfile.ZipExtFile.read

    def read(self, n=-1):
        reads.append(n)
        return original(self, n)

    monkeypatch.setattr(zipfile.ZipExtFile, "read", read)
    assert documents.detect_document_type(SimpleUploadedFile("a.docx", docx_bytes())).content_type == documents.DOCX
    assert documents.detect_document_type(SimpleUploadedFile("a.odt", odt_bytes())).content_type == documents.ODT
    assert reads and all(0 <= n <= documents.MAX_PART_BYTES + 1 for n in reads)


def test_a_zip_with_too_many_entries_is_refused_before_it_is_opened(client_as, forum, monkeypatch):
    """Opening a zip builds an object per entry: a 10 MB upload can list 200,000 of them."""
    content = many_entries(documents.MAX_ZIP_ENTRIES + 1)

    def never_open(*args, **kwargs):
        raise AssertionError("the archive was opened")

    monkeypatch.setattr(zipfile, "ZipFile", never_open)
    response = upload(client_as("coordinator"), forum, "outcome.odt", content)
    assert response.status_code == 400
    assert CANNOT_BE_READ in response.content.decode()
    assert not ForumDocument.objects.exists()


def test_a_compression_ratio_over_the_limit_is_refused():
    """20 MB of zeros is within the size limits, but no document compresses 1000 times."""
    with pytest.raises(documents.UnreadableDocument):
        documents.detect_document_type(SimpleUploadedFile("a.docx", zeros_bomb("word/media/image1.bmp", 20)))


def test_entries_declaring_too_much_are_refused(monkeypatch):
    monkeypatch.setattr(documents, "MAX_ZIP_ENTRY_BYTES", 100)
    with pytest.raises(documents.UnreadableDocument):
        documents.detect_document_type(SimpleUploadedFile("a.odt", _odt_with("content.xml", b"x" * 101)))


def test_a_total_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(documents, "MAX_ZIP_TOTAL_BYTES", 120)
    with pytest.raises(documents.UnreadableDocument):
        documents.detect_document_type(SimpleUploadedFile("a.odt", _odt_with("content.xml", b"x" * 100)))


def test_a_document_at_the_limits_is_accepted(client_as, forum):
    content = many_entries(documents.MAX_ZIP_ENTRIES - 1)
    response = upload(client_as("coordinator"), forum, "outcome.odt", content)
    assert response.status_code == 302
    assert ForumDocument.objects.get().content_type == documents.ODT


def _odt_with(name, data):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", documents.ODT)
        archive.writestr(name, data)
    return buffer.getvalue()
