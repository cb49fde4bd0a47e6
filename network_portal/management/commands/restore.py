"""`manage.py restore PATH`: load an archive of `manage.py backup` into an empty, migrated database.

Checks everything it can before writing anything: that every member of the archive is a plain file landing
inside the media storage, that the database is at the backup's migrations, that it holds no portal data, that no
existing media file would be overwritten. Then writes the media files (checking each SHA-256) through the default
storage (MEDIA_ROOT, or the S3 bucket when S3_BUCKET is set), loads the rows in one transaction and compares the
rows per table with the manifest; on any failure the transaction is rolled back and the files written are removed
again.

There is deliberately no option to restore over existing data: rows would be overwritten by id and mixed
with the backup's. Restore into a new database (create it, `manage.py migrate`, then restore) instead.
"""

import json
import shutil
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import translation

from network_portal import backups


def listing(items, limit=5) -> str:
    """"a, b, c" or "a, b, c, d, e, … (12 in all)": messages stay short."""
    shown = ", ".join(items[:limit])
    return f"{shown}, … ({len(items)} in all)" if len(items) > limit else shown


class Command(BaseCommand):
    help = (
        "Load an archive of `manage.py backup` into an empty database that `manage.py migrate` has prepared (the rows) "
        "and into MEDIA_ROOT or the S3 bucket (the media files). Refuses a database that holds portal data."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH", help="Archive written by `manage.py backup`.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, path, database=DEFAULT_DB_ALIAS, **options):
        storage = default_storage
        try:
            archive = tarfile.open(path, "r:*")
        except (OSError, tarfile.TarError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        with archive, tempfile.TemporaryDirectory(prefix="portal-restore-") as work:
            members, media_members = self.check_members(archive)
            manifest = self.read_manifest(archive, members, media_members)
            self.check_migrations(manifest["migrations"], connections[database])
            self.check_empty(database)
            self.check_media_storage(manifest["media"], storage)
            data = Path(work, backups.DATA)
            with archive.extractfile(members[backups.DATA]) as source, data.open("wb") as copy:
                shutil.copyfileobj(source, copy)
            written = []
            try:
                for entry in manifest["media"]:
                    if name := self.write_media_file(archive, media_members[entry["path"]], entry, storage, work):
                        written.append(name)
                self.load(data, manifest["counts"], database)
            except BaseException:
                for name in written:
                    storage.delete(name)
                raise
        self.stdout.write(
            f"Restored {sum(manifest['counts'].values())} rows of {len(manifest['counts'])} tables and "
            f"{len(manifest['media'])} media files from the backup of {manifest['created']}; counts and checksums match."
        )

    @staticmethod
    def check_members(archive) -> tuple[dict, dict]:
        """Every member by name, and the media members by their path in the storage; refuses an archive with
        a single unsafe member (see backups.member_media_path) before anything is written."""
        members, media = {}, {}
        for member in archive.getmembers():
            try:
                media_path = backups.member_media_path(member)
            except ValueError as error:
                raise CommandError(f"Refusing this archive: {error}. Nothing was restored.") from error
            members[member.name] = member
            if media_path is not None:
                media[media_path.as_posix()] = member
        if backups.DATA not in members or backups.MANIFEST not in members:
            raise CommandError("Not a portal backup: no data.jsonl or manifest.json in the archive.")
        return members, media

    @staticmethod
    def read_manifest(archive, members, media_members) -> dict:
        with archive.extractfile(members[backups.MANIFEST]) as file:
            manifest = json.load(file)
        if manifest.get("format") != backups.FORMAT or manifest.get("version") != backups.VERSION:
            raise CommandError("Not a portal backup of a version this code reads (manifest.json).")
        listed = {entry["path"] for entry in manifest["media"]}
        if listed != set(media_members):
            raise CommandError("The archive's media files differ from its manifest: the archive was altered.")
        return manifest

    @staticmethod
    def check_migrations(saved: dict, connection):
        """The database must be at exactly the backup's migrations: loading into an older schema fails, and
        into a newer one skips what the newer migrations did to existing data. Says how to get there."""
        current = backups.migration_state(connection)
        if not current:
            raise CommandError("The database has no tables yet: run `manage.py migrate` first, then restore.")
        labels = sorted(set(saved) | set(current))
        newer = [f"{app} {name}" for app in labels for name in saved.get(app, []) if name not in current.get(app, [])]
        if newer:
            raise CommandError(
                "The backup comes from a newer version of the portal (migrations not applied here: "
                f"{listing(newer)}). Install that version, run `manage.py migrate`, then restore."
            )
        older = [app for app in labels if set(current.get(app, [])) - set(saved.get(app, []))]
        if older:
            steps = "; ".join(
                f"manage.py migrate {app} {max(saved[app]) if saved.get(app) else 'zero'}" for app in older
            )
            raise CommandError(
                "The backup was made before migrations this database has. Take the empty database back to the "
                f"backup's state ({steps}), restore, then run `manage.py migrate`, so that the newer migrations "
                "convert the restored data."
            )

    @staticmethod
    def check_empty(using):
        """Refuses a database holding any row but those `migrate` inserts: a restore must never mix with or
        overwrite existing data."""
        holding = [
            model._meta.label
            for model in backups.backed_up_models()
            if model._meta.label_lower not in backups.SEEDED_BY_MIGRATE and model._base_manager.using(using).exists()
        ]
        if holding:
            raise CommandError(
                f"Refusing to restore: the database already holds portal data ({listing(holding)}). "
                "Restore into a new database: create it, run "
                "`manage.py migrate`, then `manage.py restore`. Nothing was changed."
            )

    @staticmethod
    def check_media_storage(entries, storage):
        """Refuses to overwrite a different file of the same name in the storage (an identical one is kept)."""
        different = [
            entry["path"]
            for entry in entries
            if storage.exists(entry["path"]) and backups.sha256_of(storage, entry["path"]) != entry["sha256"]
        ]
        if different:
            raise CommandError(
                f"Refusing to restore: {backups.storage_location(storage)} already has other files of the same name "
                f"({listing(different)}). Restore into an empty MEDIA_ROOT or bucket. Nothing was changed."
            )

    @staticmethod
    def write_media_file(archive, member, entry, storage, work) -> str | None:
        """Writes one media file through the storage (on disk never through a link out of MEDIA_ROOT, never over an
        existing file) once its size and SHA-256 match the manifest. Returns the name written, None if already there."""
        name = entry["path"]
        if storage.exists(name):
            return None
        path, root = backups.local_path(storage, name), backups.local_path(storage)
        if path is not None and not path.parent.resolve().is_relative_to(root.resolve()):
            raise CommandError(f"Refusing to write {path}: a link in MEDIA_ROOT leads out of it.")
        # Checked in the private work directory first: a damaged file never reaches the storage.
        with tempfile.TemporaryFile(dir=work) as copy:
            reader = backups.HashingReader(archive.extractfile(member))
            shutil.copyfileobj(reader, copy)
            if copy.tell() != entry["size"] or reader.sha256.hexdigest() != entry["sha256"]:
                raise CommandError(f"{name} in the archive does not match its checksum: the archive is damaged.")
            copy.seek(0)
            saved = storage.save(name, File(copy, name=PurePosixPath(name).name))
        if saved != name:  # a file of that name appeared meanwhile: the storage chose another name, never over it
            storage.delete(saved)
            raise CommandError(f"Refusing to restore: {name} appeared in {backups.storage_location(storage)} meanwhile.")
        return saved

    def load(self, data: Path, expected: dict, using):
        """Loads the rows in one transaction; rolls it back unless every table has the manifest's row count."""
        connection = connections[using]
        with transaction.atomic(using=using), translation.override(settings.LANGUAGE_CODE):
            with connection.cursor() as cursor:
                for label in backups.SEEDED_BY_MIGRATE:
                    table = apps.get_model(label)._meta.db_table
                    cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
            call_command("loaddata", str(data), database=using, verbosity=0)
            # loaddata resets the sequences of the models it loaded, not of many-to-many tables (PostgreSQL).
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), backups.backed_up_models(True)):
                    cursor.execute(sql)
            counts = backups.row_counts(using)
            wrong = [
                f"{label}: {counts.get(label, 0)} instead of {expected.get(label, 0)}"
                for label in sorted(set(expected) | set(counts))
                if counts.get(label, 0) != expected.get(label, 0)
            ]
            if wrong:
                raise CommandError(f"Rows differ from the manifest, nothing restored: {listing(wrong)}.")
