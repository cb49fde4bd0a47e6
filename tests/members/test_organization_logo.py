"""The logo on the profile edit form: accepted formats, refused files, and a refused file keeping the old logo."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from .conftest import edit_url, form_data, png_bytes


def test_an_invalid_logo_leaves_the_existing_logo_in_place(editor_client, rendered, organization):
    data = form_data(rendered) | {"logo": SimpleUploadedFile("logo.png", png_bytes(), "image/png")}
    assert editor_client.post(edit_url(organization), data).status_code == 302
    organization.refresh_from_db()
    first_logo = organization.logo.name
    rendered_again = editor_client.get(edit_url(organization))
    data = form_data(rendered_again) | {"logo": SimpleUploadedFile("logo.png", b"GIF89a nonsense", "image/png")}
    assert editor_client.post(edit_url(organization), data).status_code == 400
    organization.refresh_from_db()
    assert organization.logo.name == first_logo


def test_a_logo_with_a_disallowed_extension_is_refused(editor_client, rendered, organization):
    data = form_data(rendered) | {"logo": SimpleUploadedFile("logo.exe", png_bytes(), "image/png")}
    response = editor_client.post(edit_url(organization), data)
    assert response.status_code == 400
    assert "logo" in response.context["form"].errors
    organization.refresh_from_db()
    assert not organization.logo


def test_a_logo_in_another_image_format_is_refused(editor_client, rendered, organization):
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, format="BMP")
    data = form_data(rendered) | {"logo": SimpleUploadedFile("logo.bmp", buffer.getvalue(), "image/bmp")}
    response = editor_client.post(edit_url(organization), data)
    assert response.status_code == 400
    assert "Upload a PNG, JPEG, WebP or GIF image." in response.context["form"].errors["logo"]
    organization.refresh_from_db()
    assert not organization.logo


@pytest.mark.parametrize("fmt", ["JPEG", "GIF", "WEBP"])
def test_jpeg_gif_and_webp_logos_are_accepted(editor_client, rendered, organization, fmt):
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), (0, 90, 200)).save(buffer, format=fmt)
    data = form_data(rendered) | {"logo": SimpleUploadedFile(f"logo.{fmt.lower()}", buffer.getvalue(), f"image/{fmt.lower()}")}
    assert editor_client.post(edit_url(organization), data).status_code == 302
    organization.refresh_from_db()
    assert organization.logo.name.endswith(f".{fmt.lower()}")


def test_a_logo_is_stored_under_its_detected_format_whatever_its_name(editor_client, rendered, organization):
    """The security review uploaded a GIF as "logo.pdf": it was stored, and served, as a PDF."""
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), (0, 90, 200)).save(buffer, format="GIF")
    data = form_data(rendered) | {"logo": SimpleUploadedFile("logo.pdf", buffer.getvalue(), "application/pdf")}
    assert editor_client.post(edit_url(organization), data).status_code == 302
    organization.refresh_from_db()
    assert organization.logo.name.endswith(".gif")
    assert ".pdf" not in organization.logo.name
