"""Issue 14: with S3_BUCKET set, uploaded files live in S3-compatible object storage, never on the app server's disk.

The bucket is moto's (mock_aws): an in-process stand-in for S3 that boto3, and `requests` (the browser here),
reach instead of the network. The storage and the Content-Security-Policy are taken from network_portal/settings.py
as it computes them with S3_BUCKET and friends set; overriding STORAGES makes Django drop its cached storage
backends (the setting_changed signal), so that default_storage, and the logo and document fields that use it,
are the S3 storage.
"""

import html
import re
import runpy
import tarfile
import time
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
import requests
from django.conf import settings as django_settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from moto import mock_aws
from storages.backends.s3 import S3Storage

from forums.models import ForumDocument
from members.models import Organization
from network_portal import backups
from tests.forums.factories import make_forum, pdf_bytes
from tests.members.conftest import edit_url, form_data, png_bytes

from .test_backup import backup, empty_database, restore

pytestmark = pytest.mark.django_db

BUCKET = "portal-media"
LOGO = png_bytes(color=(10, 120, 200))


def s3_settings(monkeypatch, bucket) -> dict:
    """The settings as network_portal/settings.py computes them when these variables are set."""
    for name, value in {
        "S3_BUCKET": bucket, "S3_REGION": "us-east-1", "S3_ACCESS_KEY_ID": "testing", "S3_SECRET_ACCESS_KEY": "testing",
        "S3_PREFIX": "media", "S3_LINK_SECONDS": "600", "S3_ENDPOINT_URL": "",
    }.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(django_settings.BASE_DIR / "network_portal" / "settings.py"))


@pytest.fixture
def s3(settings, monkeypatch, tmp_path):
    """An empty bucket in moto's S3, and the default storage switched to it: `s3.use(bucket)` switches again."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")

        def use(bucket):
            client.create_bucket(Bucket=bucket)
            computed = s3_settings(monkeypatch, bucket)
            settings.STORAGES = {**settings.STORAGES, "default": computed["STORAGES"]["default"]}
            settings.CONTENT_SECURITY_POLICY = computed["CONTENT_SECURITY_POLICY"]
            assert isinstance(default_storage, S3Storage) and default_storage.bucket_name == bucket

        client.use = use
        client.use(BUCKET)
        yield client


def objects(s3, bucket=BUCKET) -> dict[str, bytes]:
    """Every object of the bucket, by key, with its bytes."""
    keys = [item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]
    return {key: s3.get_object(Bucket=bucket, Key=key)["Body"].read() for key in keys}


def logo_upload():
    return SimpleUploadedFile("logo.png", LOGO, content_type="image/png")


def files_on_disk(tmp_path) -> list:
    return [path for path in (tmp_path / "media").rglob("*") if path.is_file()] if (tmp_path / "media").exists() else []


def upload_document(client, forum, content=None, name="Outcome of Dushanbe.pdf"):
    return client.post(
        reverse("forums:documents", args=[forum.slug]),
        {"title": "Outcome document", "file": SimpleUploadedFile(name, content or pdf_bytes(), "application/octet-stream")},
    )


def test_a_logo_an_editor_uploads_is_in_the_bucket_and_the_profile_shows_it_through_a_signed_link(
    s3, client_as, organization, tmp_path
):
    editor = client_as("editor")
    page = editor.get(edit_url(organization))
    data = form_data(page) | {"logo": logo_upload()}
    response = editor.post(edit_url(organization), data)
    assert response.status_code == 302, response.context and response.context["form"].errors

    organization.refresh_from_db()
    assert organization.logo.name.startswith("logos/")
    assert objects(s3) == {f"media/{organization.logo.name}": LOGO}
    assert files_on_disk(tmp_path) == []

    src = logo_link(client_as("anonymous").get(reverse("members:organization", args=[organization.slug])))
    link = urlsplit(src)
    assert link.scheme == "https" and BUCKET in link.netloc + link.path
    assert link.path.endswith(f"/media/{organization.logo.name}")
    query = parse_qs(link.query)
    # The bucket is private: the link is signed (SigV4 or SigV2) and expires after S3_LINK_SECONDS.
    if "X-Amz-Signature" in query:
        assert query["X-Amz-Expires"] == ["600"]
    else:
        assert "Signature" in query and abs(int(query["Expires"][0]) - time.time() - 600) < 60
    assert requests.get(src, timeout=5).content == LOGO  # what the browser gets from the bucket
    assert requests.get(src.split("?")[0], timeout=5).status_code == 403  # and without the signature, nothing


def test_the_content_security_policy_lets_browsers_load_the_logo_from_the_bucket(s3, organization):
    organization.logo.save("logo.png", logo_upload())
    profile = Client().get(reverse("members:organization", args=[organization.slug]))
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(logo_link(profile)))
    img_src = next(
        directive.split()[1:]
        for directive in profile["Content-Security-Policy"].split(";")
        if directive.split() and directive.split()[0] == "img-src"
    )
    allowed = [
        source for source in img_src
        if source.rstrip("/") == origin or (source.startswith("https://*.") and origin.endswith(source[len("https://*"):]))
    ]
    assert allowed, f"img-src {' '.join(img_src)} blocks the logo at {origin}: browsers show no logo"


def logo_link(response) -> str:
    """The address of the profile's logo image."""
    [src] = re.findall(r'<img class="org-logo[^"]*" src="([^"]+)"', response.content.decode())
    return html.unescape(src)


def test_a_forum_document_is_stored_in_the_bucket_and_downloads_with_the_same_bytes(s3, client_as, tmp_path):
    forum, other_forum = make_forum(slug="dushanbe-s3"), make_forum(slug="kabul-s3")
    content = pdf_bytes() + "Outcome: ё ۱۳۹۶\n".encode() * 50
    assert upload_document(client_as("coordinator"), forum, content).status_code == 302
    document = ForumDocument.objects.get()
    assert objects(s3) == {f"media/{document.file.name}": content}
    assert files_on_disk(tmp_path) == []

    anonymous = client_as("anonymous")
    response = anonymous.get(document.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Outcome-of-Dushanbe.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == content

    # What anonymous visitors may not do or see answers as it does with files on disk.
    assert anonymous.get(reverse("forums:document", args=[other_forum.slug, document.pk])).status_code == 404
    refused = upload_document(anonymous, forum, name="other.pdf")
    assert refused.status_code == 302 and "/accounts/login/" in refused["Location"]
    assert len(objects(s3)) == 1

    s3.delete_object(Bucket=BUCKET, Key=f"media/{document.file.name}")
    assert anonymous.get(document.get_absolute_url()).status_code == 404  # the object is gone: a 404, not a 500


def test_deleting_a_document_removes_its_object(s3, client_as, django_capture_on_commit_callbacks):
    forum = make_forum(slug="dushanbe-s3")
    client = client_as("coordinator")
    upload_document(client, forum)
    document = ForumDocument.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("forums:document-delete", args=[forum.slug, document.pk]))
    assert objects(s3) == {}


def test_backup_then_restore_into_an_empty_bucket_gives_back_every_file(s3, client_as, organization, tmp_path):
    organization.logo.save("logo.png", logo_upload())
    forum = make_forum(slug="dushanbe-s3")
    upload_document(client_as("coordinator"), forum, pdf_bytes())
    before = objects(s3)
    assert len(before) == 2 and files_on_disk(tmp_path) == []

    archive = backup(tmp_path)
    with tarfile.open(archive) as tar:
        archived = {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.name.startswith("media/")}
    assert archived == before  # "media/<name>" in the archive, "media/<name>" (S3_PREFIX) in the bucket

    empty_database()
    s3.use("portal-media-restored")
    assert objects(s3, "portal-media-restored") == {}
    assert "counts and checksums match" in restore(archive)

    assert objects(s3, "portal-media-restored") == before
    assert files_on_disk(tmp_path) == []
    assert Organization.objects.get(slug=organization.slug).logo.read() == LOGO
    restored = ForumDocument.objects.get()
    assert b"".join(client_as("anonymous").get(restored.get_absolute_url()).streaming_content) == pdf_bytes()


def test_restore_refuses_to_overwrite_another_object_of_the_same_name(s3, organization, tmp_path):
    organization.logo.save("logo.png", logo_upload())
    archive = backup(tmp_path)
    empty_database()
    s3.put_object(Bucket=BUCKET, Key=f"media/{organization.logo.name}", Body=b"another logo")
    with pytest.raises(CommandError, match=f"s3://{BUCKET}/media already has other files"):
        restore(archive)
    assert objects(s3) == {f"media/{organization.logo.name}": b"another logo"}
    assert not Organization.objects.exists()


def test_a_failed_restore_removes_the_objects_it_wrote(s3, organization, tmp_path, monkeypatch):
    organization.logo.save("logo.png", logo_upload())
    archive = backup(tmp_path)
    empty_database()
    s3.use("portal-media-restored")
    monkeypatch.setattr(backups, "row_counts", lambda using: {"members.organization": -1})
    with pytest.raises(CommandError, match="Rows differ from the manifest"):
        restore(archive)
    assert objects(s3, "portal-media-restored") == {}
    assert not Organization.objects.exists()
