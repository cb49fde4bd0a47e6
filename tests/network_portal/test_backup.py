"""Backups (issue 13): `manage.py restore` gives an empty database every row and every file of `manage.py backup`,
and refuses what could harm: a database with data, an archive writing outside MEDIA_ROOT, other migrations."""

import importlib
import io
import json
import shutil
import tarfile

import pytest
from django.apps import apps
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection

from forums.models import Forum, ForumDocument
from members.models import Country, FocusArea, Organization, Resource, User
from network_portal import backups
from tests.factories import make_organization, make_user

pytestmark = pytest.mark.django_db

# A 1×1 PNG.
LOGO = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)
DOCUMENT = "%PDF-1.4\nOutcome document of the Dushanbe forum: ё, ۱۳۹۶.\n%%EOF\n".encode()


def backup(tmp_path):
    path = tmp_path / "backups" / "portal.tar.gz"
    call_command("backup", output=str(path), stdout=io.StringIO())
    return path


def restore(path) -> str:
    out = io.StringIO()
    call_command("restore", str(path), stdout=out)
    return out.getvalue()


def empty_database():
    """The database as `migrate` leaves a new one: content types and permissions (under other ids than before,
    so that only their natural keys can find them again), the seeded countries and focus areas, nothing else."""
    connection.check_constraints()  # PostgreSQL: runs the deferred checks, which would keep TRUNCATE from running
    call_command("flush", interactive=False, verbosity=0)
    ContentType.objects.all().delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    importlib.import_module("members.migrations.0002_countries_and_focus_areas").seed(apps, None)


def stored_rows() -> dict:
    """Every column of every row of the backed-up models, but of those referring to a content type by its id
    (which a restore changes; checked by name below). Many-to-many rows are compared as counts."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in backups.backed_up_models()
        if not any(field.related_model is ContentType for field in model._meta.concrete_fields)
    }


def rewritten(archive, tmp_path, edit_manifest=None, extra=None):
    """A copy of `archive`, its manifest changed by `edit_manifest`, with one more member `extra` (TarInfo, bytes)."""
    target = tmp_path / "altered.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as copy:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name == backups.MANIFEST and edit_manifest:
                manifest = json.loads(content)
                edit_manifest(manifest)
                content = json.dumps(manifest).encode()
                member.size = len(content)
            copy.addfile(member, io.BytesIO(content))
        if extra:
            info, content = extra
            info.size = len(content)
            copy.addfile(info, io.BytesIO(content))
    return target


@pytest.fixture
def small_archive(tmp_path):
    """A backup of one organization with a logo; the database emptied and MEDIA_ROOT removed afterwards."""
    make_organization("TJ", name="Small NGO", slug="small").logo.save("logo.png", ContentFile(LOGO))
    archive = backup(tmp_path)
    empty_database()
    shutil.rmtree(tmp_path / "media")
    return archive


def test_restore_into_an_empty_database_gives_back_every_row_and_file(tmp_path, settings):
    call_command("seed_demo", force=True, stdout=io.StringIO())
    coordinator = User.objects.get(email="coordinator@example.org")
    ofrd = Organization.objects.get(acronym="OFRD")
    ofrd.logo.save("ofrd.png", ContentFile(LOGO))
    forum = Forum.objects.get(slug="dushanbe-2017")
    document = ForumDocument.objects.create(
        forum=forum, title="Outcome", file=ContentFile(DOCUMENT, name="outcome.pdf"), original_name="outcome.pdf",
        content_type="application/pdf", size=len(DOCUMENT), uploaded_by=coordinator,
    )
    editors = Group.objects.create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="change_organization"))
    coordinator.groups.add(editors)
    LogEntry.objects.create(
        user=coordinator, content_type=ContentType.objects.get_for_model(Forum), object_id=str(forum.pk),
        object_repr=str(forum), action_flag=ADDITION,
    )
    rows, counts = stored_rows(), backups.row_counts("default")
    library_files = {resource.slug: resource.file.read() for resource in Resource.objects.exclude(file="")}
    library_names = set(Resource.objects.exclude(file="").values_list("file", flat=True))
    assert len(library_names) == 3  # the demo's outcome documents and radio script
    archive = backup(tmp_path)
    assert archive.stat().st_mode & 0o777 == 0o600
    assert archive.parent.stat().st_mode & 0o777 == 0o700
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile(backups.MANIFEST))
    assert manifest["counts"] == counts
    assert {entry["path"] for entry in manifest["media"]} == {ofrd.logo.name, document.file.name, *library_names}

    empty_database()
    (tmp_path / "media" / ofrd.logo.name).unlink()
    (tmp_path / "media" / document.file.name).unlink()
    for name in library_names:
        (tmp_path / "media" / name).unlink()
    assert not User.objects.exists() and Country.objects.exists()

    assert "counts and checksums match" in restore(archive)
    assert backups.row_counts("default") == counts
    assert stored_rows() == rows
    ofrd = Organization.objects.get(acronym="OFRD")
    assert ofrd.logo.read() == LOGO
    assert ForumDocument.objects.get().file.read() == DOCUMENT
    assert {resource.slug: resource.file.read() for resource in Resource.objects.exclude(file="")} == library_files
    assert ofrd.history.exists()
    coordinator = User.objects.get(email="coordinator@example.org")
    assert coordinator.check_password("demo-pass-2017")
    assert list(coordinator.groups.get().permissions.values_list("codename", flat=True)) == ["change_organization"]
    assert LogEntry.objects.get().content_type.model_class() is Forum
    # New rows get new ids (PostgreSQL's sequences were reset), many-to-many rows included.
    make_organization("TJ", name="Joined after the restore").focus_areas.add(FocusArea.objects.first())


def test_restore_refuses_a_database_with_portal_data(tmp_path):
    make_user("someone@example.org")
    archive = backup(tmp_path)
    with pytest.raises(CommandError, match="already holds portal data"):
        restore(archive)
    assert User.objects.count() == 1


def test_restore_refuses_to_overwrite_another_media_file(small_archive, tmp_path):
    logo = tmp_path / "media" / "logos" / "logo.png"
    logo.parent.mkdir(parents=True)
    logo.write_bytes(b"another logo")
    with pytest.raises(CommandError, match="already has other files"):
        restore(small_archive)
    assert logo.read_bytes() == b"another logo" and not Organization.objects.exists()


def link(name, target, kind=tarfile.SYMTYPE):
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, target
    return info


@pytest.mark.parametrize(
    "member",
    [
        tarfile.TarInfo("media/../../evil.txt"),
        tarfile.TarInfo("media/logos/../../../evil.txt"),
        tarfile.TarInfo("/tmp/evil.txt"),
        tarfile.TarInfo("evil.txt"),
        link("media/logos/evil.png", "/etc/passwd"),
        link("media/logos/evil.png", "data.jsonl", tarfile.LNKTYPE),
    ],
    ids=["dot-dot", "dot-dot-deeper", "absolute", "outside-media", "symlink", "hard-link"],
)
def test_restore_refuses_an_archive_with_a_member_that_could_land_outside_media_root(small_archive, tmp_path, member):
    archive = rewritten(small_archive, tmp_path, extra=(member, b"evil"))
    with pytest.raises(CommandError, match="Refusing this archive"):
        restore(archive)
    assert not list(tmp_path.rglob("evil*")) and not (tmp_path / "media").exists()
    assert not Organization.objects.exists()


def test_restore_refuses_a_backup_of_other_migrations(small_archive, tmp_path):
    newer = rewritten(small_archive, tmp_path, lambda manifest: manifest["migrations"]["members"].append("9999_future"))
    with pytest.raises(CommandError, match=r"newer version of the portal .*members 9999_future"):
        restore(newer)
    latest = sorted(backups.migration_state(connection)["members"])[-2:]
    older = rewritten(small_archive, tmp_path, lambda manifest: manifest["migrations"]["members"].remove(latest[1]))
    with pytest.raises(CommandError, match=f"made before migrations .*manage.py migrate members {latest[0]}"):
        restore(older)
    assert not Organization.objects.exists()


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda manifest: manifest["counts"].update({"members.organization": 2}), "members.organization: 1 instead of 2"),
        (lambda manifest: manifest["media"][0].update(sha256="0" * 64), "does not match its checksum"),
    ],
    ids=["row-count", "checksum"],
)
def test_a_failed_restore_leaves_nothing_behind(small_archive, tmp_path, edit, message):
    with pytest.raises(CommandError, match=message):
        restore(rewritten(small_archive, tmp_path, edit))
    assert not Organization.objects.exists() and not (tmp_path / "media" / "logos" / "logo.png").exists()
    assert "counts and checksums match" in restore(small_archive)
    assert Organization.objects.get().logo.read() == LOGO


def test_backup_leaves_out_links_in_media_root(tmp_path):
    """Uploads are plain files: a link (to a file or a directory) could point anywhere, and is skipped, saying so."""
    media = tmp_path / "media"
    (media / "logos").mkdir(parents=True)
    (media / "logos" / "real.png").write_bytes(LOGO)
    (media / "logos" / "passwd.png").symlink_to("/etc/passwd")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.txt").write_text("not an upload")
    (media / "elsewhere").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    errors = io.StringIO()
    archive = tmp_path / "backups" / "portal.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO(), stderr=errors)
    with tarfile.open(archive) as tar:
        assert [name for name in tar.getnames() if name.startswith("media/")] == ["media/logos/real.png"]
    assert "elsewhere: not a plain file" in errors.getvalue() and "passwd.png: not a plain file" in errors.getvalue()
