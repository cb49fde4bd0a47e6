import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forums.models import ForumDocument
from members import uploads as documents

from .factories import docx_bytes, odt_bytes, pdf_bytes, plain_zip_bytes

pytestmark = pytest.mark.django_db


def upload(client, forum, name, content, title="Outcome document"):
    return client.post(
        reverse("forums:documents", args=[forum.slug]),
        {"title": title, "file": SimpleUploadedFile(name, content, content_type="application/octet-stream")},
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("Outcome Document.pdf", pdf_bytes(), "application/pdf"),
        ("outcome.docx", docx_bytes(), documents.DOCX),
        ("outcome.odt", odt_bytes(), documents.ODT),
    ],
)
def test_pdf_docx_and_odt_are_accepted_and_stored_under_a_generated_name(client_as, forum, name, content,
                                                                           content_type):
    response = upload(client_as("coordinator"), forum, name, content)
    assert response.status_code == 302
    document = ForumDocument.objects.get()
    assert document.content_type == content_type
    assert document.original_name == name
    assert document.size == len(content)
    assert document.file.name.startswith("forums/documents/")
    assert name.split(".")[0] not in document.file.name
    assert document.file.name.endswith("." + name.rsplit(".", 1)[1])


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("evil.pdf", b"<html><script>alert(1)</script></html>", "not a PDF, DOCX or ODT document"),
        ("archive.docx", plain_zip_bytes(), "not a PDF, DOCX or ODT document"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "not a PDF, DOCX or ODT document"),
        ("photo.png", b"\x89PNG\r\n\x1a\n....", "not a PDF, DOCX or ODT document"),
        ("report.docx", pdf_bytes(), "its content is a PDF document"),
        ("report.pdf.exe", pdf_bytes(), "its content is a PDF document"),
    ],
)
def test_other_files_are_refused_by_content(client_as, forum, name, content, message):
    response = upload(client_as("coordinator"), forum, name, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ForumDocument.objects.exists()


def test_files_over_the_size_limit_are_refused(client_as, forum, settings, monkeypatch):
    monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", 100)
    monkeypatch.setattr("forums.forms.MAX_DOCUMENT_BYTES", 100)
    response = upload(client_as("coordinator"), forum, "big.pdf", pdf_bytes() + b"0" * 200)
    assert response.status_code == 400
    assert "the limit is 100" in response.content.decode()
    assert not ForumDocument.objects.exists()


def test_download_is_an_attachment_with_a_safe_name_and_type(client_as, forum):
    upload(client_as("coordinator"), forum, 'Outcome "final"; x=ü.pdf', pdf_bytes())
    document = ForumDocument.objects.get()
    response = client_as("anonymous").get(document.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'attachment; filename="Outcome-final-x-u.pdf"'
    assert b"".join(response.streaming_content) == pdf_bytes()


def test_a_document_of_another_forum_is_a_404(client_as, forum, upcoming_forum):
    upload(client_as("coordinator"), forum, "a.pdf", pdf_bytes())
    document = ForumDocument.objects.get()
    response = client_as("anonymous").get(reverse("forums:document", args=[upcoming_forum.slug, document.pk]))
    assert response.status_code == 404


def test_documents_are_listed_on_the_forum_page(client_as, forum):
    upload(client_as("coordinator"), forum, "a.pdf", pdf_bytes(), title="Outcome Document")
    content = client_as("anonymous").get(forum.get_absolute_url()).content.decode()
    assert "Outcome Document" in content
    assert ForumDocument.objects.get().get_absolute_url() in content


def test_coordinators_delete_documents_and_their_files(client_as, forum, django_capture_on_commit_callbacks):
    client = client_as("coordinator")
    upload(client, forum, "a.pdf", pdf_bytes())
    document = ForumDocument.objects.get()
    storage, name = document.file.storage, document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("forums:document-delete", args=[forum.slug, document.pk]))
    assert response.status_code == 302
    assert not ForumDocument.objects.exists()
    assert not storage.exists(name)


@pytest.mark.parametrize("role", ["steering", "editor"])
def test_others_may_not_upload_or_delete(client_as, forum, role):
    assert upload(client_as(role), forum, "a.pdf", pdf_bytes()).status_code == 403
    upload(client_as("coordinator"), forum, "a.pdf", pdf_bytes())
    document = ForumDocument.objects.get()
    response = client_as(role).post(reverse("forums:document-delete", args=[forum.slug, document.pk]))
    assert response.status_code == 403
    assert ForumDocument.objects.count() == 1
