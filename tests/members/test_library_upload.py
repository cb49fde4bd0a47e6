"""Adding to the library and changing a resource (/library/new/, /library/<slug>/edit/): who may, which files are
accepted (by their content, as forum documents are), who can read it afterwards."""

import io
import re
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from members import uploads
from members.models import Audience, Membership, PublicStatus, Resource

from ..factories import make_membership, make_organization
from ..forums.factories import docx_bytes, odt_bytes, pdf_bytes
from ..forums.test_document_zip_bombs import many_entries, zeros_bomb
from .conftest import png_bytes
from .test_library import make_resource

CREATE = reverse("members:resource-create")


def image_bytes(image_format, size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 90, 160)).save(buffer, format=image_format)
    return buffer.getvalue()


def data(**changes) -> dict:
    values = {
        "kind": "report",
        "title_en": "Shelter standards",
        "description_en": "Minimum standards for shelters.",
        "year": "2018",
        "languages": ["en", "ru"],
        "countries": ["TJ"],
        "audience": Audience.MEMBERS,
        "link": "",
    }
    values.update(changes)
    return {key: value for key, value in values.items() if value is not None}


def upload(name, content) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def post_new(client, name=None, content=None, **changes):
    values = data(**changes)
    if name is not None:
        values["file"] = upload(name, content)
    return client.post(CREATE, values)


def edit_url(resource):
    return reverse("members:resource-edit", args=[resource.slug])


# Who may add -----------------------------------------------------------------------------------------------------


def test_anonymous_visitors_are_asked_to_log_in(client, db):
    response = client.get(CREATE)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ["stakeholder"])
def test_staff_of_organizations_outside_the_network_may_not_add(client_as, role):
    assert client_as(role).get(CREATE).status_code == 403
    assert post_new(client_as(role), "report.pdf", pdf_bytes()).status_code == 403
    assert not Resource.objects.exists()


@pytest.mark.parametrize("role", ["member", "editor", "other_editor", "steering", "coordinator"])
def test_network_members_get_the_form(client_as, role):
    response = client_as(role).get(CREATE)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'name="languages" value="ps"' in html
    assert 'name="audience" value="public"' in html


# Good files ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "content_type", "stored"),
    [
        ("Shelter standards.pdf", pdf_bytes(), uploads.PDF, "document.pdf"),
        ("standards.docx", docx_bytes(), uploads.DOCX, "document.docx"),
        ("standards.odt", odt_bytes(), uploads.ODT, "document.odt"),
        ("poster.png", png_bytes(), uploads.PNG, "image.png"),
        ("poster.jpeg", image_bytes("JPEG"), uploads.JPEG, "image.jpg"),
        ("poster.JPG", image_bytes("JPEG"), uploads.JPEG, "image.jpg"),
        ("poster.webp", image_bytes("WEBP"), uploads.WEBP, "image.webp"),
        ("poster.gif", image_bytes("GIF"), uploads.GIF, "image.gif"),
    ],
)
def test_documents_and_images_are_accepted_and_stored_under_a_generated_name(client_as, users, organization, name,
                                                                           content, content_type, stored):
    response = post_new(client_as("member"), name, content)
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert response["Location"] == resource.get_absolute_url()
    assert resource.content_type == content_type
    assert resource.original_name == name
    assert resource.size == len(content)
    assert resource.file.name.startswith("library/")
    assert resource.file.name.endswith("/" + stored)
    assert resource.author == users["member"]
    assert resource.organization == organization
    assert resource.material_languages == ["en", "ru"]
    assert [c.code for c in resource.countries.all()] == ["TJ"]
    assert resource.slug == "shelter-standards"


def test_a_web_link_alone_is_enough(client_as):
    response = post_new(client_as("member"), link="https://example.org/standards")
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert resource.link == "https://example.org/standards"
    assert not resource.file


# Bad files -------------------------------------------------------------------------------------------------------

NOT_ACCEPTED = "is not a PDF, DOCX or ODT document, nor a PNG, JPEG, WebP or GIF image"


def _bad_png() -> bytes:
    good = png_bytes()
    return good[:40] + b"\x00" * 20 + good[60:]  # a broken chunk: its checksum no longer matches


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00 This program cannot be run in DOS mode", NOT_ACCEPTED),
        ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00 This program cannot be run in DOS mode", NOT_ACCEPTED),
        ("notes.pdf", b"Plain text notes about a meeting.\n", NOT_ACCEPTED),
        ("notes.txt", b"Plain text notes about a meeting.\n", NOT_ACCEPTED),
        ("page.pdf", b"<html><script>alert(1)</script></html>", NOT_ACCEPTED),
        ("poster.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', NOT_ACCEPTED),
        ("poster.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, NOT_ACCEPTED),
        ("poster.png", _bad_png(), NOT_ACCEPTED),
        ("report.pdf", docx_bytes(), "its content is a DOCX file"),
        ("report.docx", pdf_bytes(), "its content is a PDF file"),
        ("report.pdf.exe", pdf_bytes(), "its content is a PDF file"),
        ("poster.jpg", png_bytes(), "its content is a PNG file"),
        ("poster", png_bytes(), "(no extension)"),
    ],
)
def test_other_files_are_refused_by_their_content(client_as, name, content, message):
    response = post_new(client_as("member"), name, content)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Nothing was saved." in html
    assert not Resource.objects.exists()


def test_files_over_the_size_limit_are_refused(client_as, monkeypatch):
    monkeypatch.setattr("members.forms.library.MAX_DOCUMENT_BYTES", 100)
    response = post_new(client_as("member"), "big.pdf", pdf_bytes() + b"0" * 200)
    assert response.status_code == 400
    assert "the limit is 100" in response.content.decode()
    assert not Resource.objects.exists()


def test_a_real_ten_megabyte_limit(client_as):
    response = post_new(client_as("member"), "big.pdf", pdf_bytes() + b"0" * uploads.MAX_DOCUMENT_BYTES)
    assert response.status_code == 400
    assert "the limit is 10.0" in response.content.decode()


@pytest.mark.parametrize("entry", ["[Content_Types].xml", "mimetype"])
def test_a_zip_bomb_is_refused(client_as, entry):
    response = post_new(client_as("member"), "report.docx", zeros_bomb(entry))
    assert response.status_code == 400
    assert "This document cannot be read" in response.content.decode()
    assert not Resource.objects.exists()


def test_a_zip_with_too_many_entries_is_refused(client_as):
    response = post_new(client_as("member"), "report.odt", many_entries(uploads.MAX_ZIP_ENTRIES + 1))
    assert response.status_code == 400
    assert "This document cannot be read" in response.content.decode()


def test_an_image_over_the_pixel_limit_is_refused_without_decoding_it(client_as, monkeypatch):
    content = png_bytes(size=(40, 20))
    monkeypatch.setattr(uploads, "MAX_IMAGE_PIXELS", 30)
    monkeypatch.setattr("members.forms.library.MAX_IMAGE_PIXELS", 30)
    monkeypatch.setattr(Image.Image, "load", lambda self: pytest.fail("the pixels were decoded"))
    response = post_new(client_as("member"), "poster.png", content)
    assert response.status_code == 400
    assert "The image is 40×20 pixels; the limit is 30×30." in response.content.decode()
    assert not Resource.objects.exists()


def test_an_image_whose_header_declares_billions_of_pixels_is_refused():
    # A PNG header that declares 100,000 × 100,000 pixels: Pillow refuses it before anything is decoded.
    good = png_bytes()
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    bomb = good[:8] + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk)) + good[33:]
    with pytest.raises(uploads.ImageTooLarge):
        uploads.detect_image_type(SimpleUploadedFile("bomb.png", bomb))


def test_neither_file_nor_link_is_refused(client_as):
    response = post_new(client_as("member"))
    assert response.status_code == 400
    assert "Upload the file, give its web address, or both." in response.content.decode()


@pytest.mark.parametrize("link", ["javascript:alert(1)", "ftp://example.org/report.pdf", "data:text/html,hi"])
def test_only_web_addresses_are_accepted_as_links(client_as, link):
    response = post_new(client_as("member"), link=link)
    assert response.status_code == 400
    assert "Enter a web address starting with http:// or https://." in response.content.decode()
    assert not Resource.objects.exists()


@pytest.mark.parametrize("title", ["Line\nbreak", "Tab\there", "Override \u202ereversed"])
def test_the_title_refuses_control_characters(client_as, title):
    response = post_new(client_as("member"), link="https://example.org/a", title_en=title)
    assert response.status_code == 400
    assert not Resource.objects.exists()


def test_the_title_is_required(client_as):
    response = post_new(client_as("member"), link="https://example.org/a", title_en="")
    assert response.status_code == 400


# Who can read it, and what the poster is told ---------------------------------------------------------------------


def test_a_members_only_resource_is_for_members_at_once(client_as):
    response = post_new(client_as("member"), "report.pdf", pdf_bytes(), audience=Audience.MEMBERS)
    resource = Resource.objects.get()
    assert (resource.audience, resource.public_status) == (Audience.MEMBERS, PublicStatus.NONE)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Added to the library. Network members can read it now."]


def test_a_members_post_for_everyone_waits_for_approval(client_as, client):
    response = post_new(client_as("member"), "report.pdf", pdf_bytes(), audience=Audience.PUBLIC)
    resource = Resource.objects.get()
    assert resource.public_status == PublicStatus.PENDING
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "the public will once a coordinator or your country's steering committee representative approves it" in messages[0]
    assert client.get(resource.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("role", ["steering", "coordinator"])
def test_an_approvers_post_for_everyone_is_public_at_once(client_as, client, role):
    response = post_new(client_as(role), "report.pdf", pdf_bytes(), audience=Audience.PUBLIC)
    resource = Resource.objects.get()
    assert resource.public_status == PublicStatus.APPROVED
    assert [str(m) for m in response.wsgi_request._messages] == ["Added to the library. Everyone can read it now."]
    assert client.get(resource.get_absolute_url()).status_code == 200


def test_the_steering_representative_of_another_country_does_not_approve_their_own_post_there(client_as, users):
    """A representative who is also staff of a Pakistani member posts for it: Pakistan's representative approves."""
    pakistani = make_organization("PK", name="Second Pakistani NGO", slug="second-pk")
    users["steering"].memberships.all().delete()
    make_membership(users["steering"], pakistani)
    response = post_new(client_as("steering"), "report.pdf", pdf_bytes(), audience=Audience.PUBLIC)
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert resource.organization == pakistani
    assert resource.public_status == PublicStatus.PENDING


def test_staff_of_several_members_choose_on_whose_behalf(client_as, users, organization, other_organization):
    make_membership(users["member"], other_organization, Membership.Role.MEMBER)
    client = client_as("member")
    assert 'name="organization"' in client.get(CREATE).content.decode()
    response = post_new(client, "report.pdf", pdf_bytes())
    assert response.status_code == 400
    assert not Resource.objects.exists()
    response = post_new(client, "report.pdf", pdf_bytes(), organization=other_organization.pk)
    assert response.status_code == 302
    assert Resource.objects.get().organization == other_organization


def test_nobody_posts_on_behalf_of_an_organization_they_are_not_staff_of(client_as, users, other_organization):
    third = make_organization("UZ", name="Uzbek NGO", slug="uz-ngo")
    make_membership(users["member"], other_organization)
    response = post_new(client_as("member"), "report.pdf", pdf_bytes(), organization=third.pk)
    assert response.status_code == 400
    assert not Resource.objects.exists()


def test_a_member_with_one_organization_is_not_asked(client_as):
    assert 'name="organization"' not in client_as("member").get(CREATE).content.decode()


def test_the_title_may_be_written_in_another_language_first(client_as):
    values = data(link="https://example.org/fa")
    values.pop("title_en")
    values.pop("description_en")
    values.update({"title_fa": "راهنمای سرپناه", "description_fa": "معیارهای سرپناه"})
    response = client_as("member").post(CREATE + "?content=fa", values)
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert resource.original_language == "fa"
    assert resource.title_fa == "راهنمای سرپناه"
    assert resource.slug == "rhnmy-srpnh"  # the title's letters in Latin


# Editing ---------------------------------------------------------------------------------------------------------


@pytest.fixture
def mine(users, organization):
    """A public, approved PDF posted by the member of the Tajik organization."""
    return make_resource("Shelter standards", author=users["member"], organization=organization,
                         content=pdf_bytes(), countries=["TJ"], description="Line one.\nLine two.")


def form_of(response) -> dict:
    """What the rendered edit form sends back unchanged (a browser sends text areas with CRLF line ends)."""
    form = response.context["form"]
    values = {}
    for name in form.fields:
        if name == "file":
            continue
        value = form[name].value()
        if isinstance(value, list | tuple):
            values[name] = [str(getattr(v, "pk", v)) for v in value]
        elif value is not None:
            values[name] = str(value).replace("\n", "\r\n")
    return values


@pytest.mark.parametrize(("role", "status"), [
    ("anonymous", 302), ("member", 200), ("editor", 403), ("other_editor", 403), ("stakeholder", 403),
    ("steering", 403), ("coordinator", 200),
])
def test_who_may_edit_a_public_resource(client_as, mine, role, status):
    assert client_as(role).get(edit_url(mine)).status_code == status


@pytest.mark.parametrize(("role", "status"), [("anonymous", 302), ("stakeholder", 404), ("editor", 403)])
def test_a_members_only_resource_is_not_found_by_those_who_may_not_read_it(client_as, users, organization, role,
                                                                          status):
    resource = make_resource(author=users["member"], organization=organization, audience=Audience.MEMBERS)
    assert client_as(role).get(edit_url(resource)).status_code == status
    assert client_as(role).post(edit_url(resource), data()).status_code == status


def test_the_author_may_not_edit_a_hidden_resource(client_as, users, organization):
    resource = make_resource(author=users["member"], organization=organization, hidden=True)
    assert client_as("member").get(edit_url(resource)).status_code == 403
    assert client_as("member").post(edit_url(resource), data()).status_code == 403
    assert client_as("coordinator").get(edit_url(resource)).status_code == 200


def test_another_member_cannot_change_it_by_posting(client_as, mine):
    response = client_as("editor").post(edit_url(mine), data(title_en="Taken over"))
    assert response.status_code == 403
    mine.refresh_from_db()
    assert mine.title_en == "Shelter standards"


def test_saving_unchanged_keeps_it_public(client_as, mine):
    client = client_as("member")
    response = client.post(edit_url(mine), form_of(client.get(edit_url(mine))))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.public_status == PublicStatus.APPROVED
    assert mine.file.name and mine.original_name == "Report.pdf"  # no new file: the old one stays


def test_a_change_by_the_author_sends_a_public_resource_back_for_approval(client_as, client, mine):
    member = client_as("member")
    values = form_of(member.get(edit_url(mine)))
    values["title_en"] = "Shelter standards, second edition"
    response = member.post(edit_url(mine), values)
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.title_en == "Shelter standards, second edition"
    assert mine.public_status == PublicStatus.PENDING
    assert "it waits for approval again" in str(list(response.wsgi_request._messages)[0])
    assert client.get(mine.get_absolute_url()).status_code == 404


def test_the_edit_form_warns_the_author_before_a_change(client_as, mine):
    html = client_as("member").get(edit_url(mine)).content.decode()
    assert "If you change it, it waits for approval again" in html


def test_an_approvers_change_keeps_it_public(client_as, mine):
    coordinator = client_as("coordinator")
    values = form_of(coordinator.get(edit_url(mine)))
    values["year"] = "2019"
    assert coordinator.post(edit_url(mine), values).status_code == 302
    mine.refresh_from_db()
    assert (mine.year, mine.public_status) == (2019, PublicStatus.APPROVED)


def test_a_change_to_members_only_takes_it_from_the_public(client_as, mine):
    member = client_as("member")
    values = form_of(member.get(edit_url(mine)))
    values["audience"] = Audience.MEMBERS
    member.post(edit_url(mine), values)
    mine.refresh_from_db()
    assert (mine.audience, mine.public_status) == (Audience.MEMBERS, PublicStatus.NONE)


def test_a_new_file_replaces_the_old_one(client_as, mine, django_capture_on_commit_callbacks):
    member = client_as("member")
    old_name = mine.file.name
    values = form_of(member.get(edit_url(mine)))
    values["file"] = upload("standards.odt", odt_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        response = member.post(edit_url(mine), values)
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.content_type == uploads.ODT
    assert mine.original_name == "standards.odt"
    assert mine.file.name != old_name
    assert not mine.file.storage.exists(old_name)
    assert mine.public_status == PublicStatus.PENDING  # a new file is a change


def test_a_bad_replacement_keeps_the_old_file(client_as, mine):
    member = client_as("member")
    values = form_of(member.get(edit_url(mine)))
    values["file"] = upload("standards.pdf", b"not a pdf")
    assert member.post(edit_url(mine), values).status_code == 400
    mine.refresh_from_db()
    assert mine.content_type == uploads.PDF
    assert mine.file.storage.exists(mine.file.name)


def test_a_translation_is_written_in_its_own_language(client_as, mine):
    member = client_as("member")
    url = edit_url(mine) + "?content=ru"
    response = member.get(url)
    html = response.content.decode()
    assert 'name="title_ru"' in html
    assert "Shelter standards" in html  # the original, to translate from
    values = form_of(response)
    values["title_ru"] = "Стандарты приютов"
    assert member.post(url, values).status_code == 302
    mine.refresh_from_db()
    assert (mine.title_en, mine.title_ru, mine.original_language) == ("Shelter standards", "Стандарты приютов", "en")


def test_the_organization_is_not_changed_on_edit(client_as, users, mine, other_organization):
    make_membership(users["member"], other_organization)
    member = client_as("member")
    response = member.get(edit_url(mine))
    assert "organization" not in response.context["form"].fields
    values = form_of(response)
    values["organization"] = str(other_organization.pk)
    member.post(edit_url(mine), values)
    mine.refresh_from_db()
    assert mine.organization.slug == "madina-test"


def test_the_generated_demo_documents_pass_the_checks():
    from members.demo_documents import odt_document, pdf_document
    from members.demo_library import RADIO_SCRIPT

    for name, content, expected in [
        ("outcome.pdf", pdf_document("Title", ["A paragraph (with parentheses) \\ and “quotes”."] * 200), uploads.PDF),
        ("script.odt", odt_document(RADIO_SCRIPT), uploads.ODT),
    ]:
        detected = uploads.detect_document_type(SimpleUploadedFile(name, content))
        assert detected is not None and detected.content_type == expected


def test_the_generated_pdf_has_a_correct_cross_reference_table():
    """Each object where the table says, so that readers open it without repairing it."""
    from members.demo_documents import pdf_document

    content = pdf_document("Title", ["Words " * 40] * 120)
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", content).group(1))
    assert content[start:].startswith(b"xref\n0 ")
    count = int(content[start:].split(b"\n")[1].split()[1])
    entries = content[start:].split(b"\n")[3 : 3 + count - 1]
    for number, entry in enumerate(entries, start=1):
        offset = int(entry.split()[0])
        assert content[offset:].startswith(b"%d 0 obj" % number)
    pages = content.count(b"/Type /Page ")
    assert pages > 1 and count == 1 + 4 + 2 * pages + 1  # the free entry, catalog, tree, fonts, pages, info
    for stream in re.finditer(rb"<< /Length (\d+) >>\nstream\n", content):
        length = int(stream.group(1))
        assert content[stream.end() + length : stream.end() + length + 10] == b"\nendstream"


def test_the_generated_odt_names_its_type_first_and_uncompressed():
    from members.demo_documents import odt_document
    from members.demo_library import RADIO_SCRIPT

    with zipfile.ZipFile(io.BytesIO(odt_document(RADIO_SCRIPT))) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        content = archive.read("content.xml").decode()
    assert "اول بپرسید" in content
    assert 'style:writing-mode="rl-tb"' in content
