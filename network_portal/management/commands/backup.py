"""`manage.py backup`: the whole portal (database and uploaded files) in one archive; see network_portal/backups.py."""

import io
import json
import os
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path

import django
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation

from network_portal import backups


@contextmanager
def consistent_snapshot(using):
    """One read-only transaction for the dump, the counts and the migrations, so that rows written meanwhile can
    neither leave a reference dangling nor make the counts disagree with the dump. PostgreSQL's default (read
    committed) sees each statement's own snapshot: ask for repeatable read. SQLite's read transaction is one
    snapshot already. (Inside a transaction someone else opened, as in tests, it is that transaction's.)"""
    connection = connections[using]
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def private(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """The data and the manifest are extracted readable by their owner only, should someone untar the archive."""
    info.mode = 0o600
    return info


class Command(BaseCommand):
    help = (
        "Write the whole portal (every database row, and every uploaded file from MEDIA_ROOT or the S3 bucket) to "
        "one .tar.gz archive that `manage.py restore` loads into an empty database, SQLite or PostgreSQL. The archive "
        "holds personal data and password hashes: keep it encrypted and off the server."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            metavar="PATH",
            help="Archive to write, or an existing directory to write it in (default: var/backups/).",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, output=None, database=DEFAULT_DB_ALIAS, **options):
        target = self.target_path(output)
        if target.exists():
            raise CommandError(f"{target} exists already.")
        storage = default_storage
        # The dump waits in a private directory (0700) next to the archive, not in /tmp: it is as personal.
        # Multilingual fields are written in the default language, as seed_demo saves them (modeltranslation).
        with (
            tempfile.TemporaryDirectory(dir=target.parent, prefix=".backup-") as work,
            translation.override(settings.LANGUAGE_CODE),
        ):
            data = Path(work, backups.DATA)
            with consistent_snapshot(database), data.open("w", encoding="utf-8") as stream:
                backups.dump(stream, database)
                counts = backups.row_counts(database)
                migrations = backups.migration_state(connections[database])
            files, skipped = backups.media_files(storage)
            for name in skipped:
                self.stderr.write(f"Skipped {backups.storage_location(storage)}/{name}: not a plain file.")
            media = self.write_archive(target, data, storage, files, counts, migrations, database)
        size = filesizeformat(target.stat().st_size)
        self.stdout.write(f"Backup written: {target} ({size}; {sum(counts.values())} rows, {len(media)} media files).")
        self.stdout.write("It holds personal data and password hashes: keep it encrypted and off this server.")

    def target_path(self, output) -> Path:
        """The archive's path; its directory is created readable by the portal's user only (mode 0700)."""
        name = f"portal-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz"
        if output is None:
            directory = Path(getattr(settings, "VAR_DIR", Path(settings.BASE_DIR) / "var")) / "backups"
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            directory.chmod(0o700)
            return directory / name
        path = Path(output)
        if path.is_dir():
            return path / name
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        return path

    def write_archive(self, target, data, storage, files, counts, migrations, database) -> list[dict]:
        """Write the archive as `<target>.part` (mode 0600: it holds personal contacts), renamed to `target` only
        once complete, so that an interrupted backup never looks like a good one. Returns the media list."""
        partial = target.with_name(target.name + ".part")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar:
                tar.add(data, arcname=backups.DATA, recursive=False, filter=private)
                media = [self.add_media_file(tar, storage, name) for name in files]
                manifest = {
                    "format": backups.FORMAT,
                    "version": backups.VERSION,
                    "created": timezone.now().isoformat(timespec="seconds"),
                    "database": connections[database].vendor,
                    "django": django.get_version(),
                    "migrations": migrations,
                    "counts": counts,
                    "media": media,
                }
                content = json.dumps(manifest, indent=1, sort_keys=True).encode()
                info = tarfile.TarInfo(backups.MANIFEST)
                info.size, info.mtime = len(content), int(timezone.now().timestamp())
                tar.addfile(private(info), io.BytesIO(content))
            os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return media

    @staticmethod
    def add_media_file(tar, storage, name) -> dict:
        """Archive one file of the storage, read once through storage.open (a file on disk or an S3 object)."""
        with storage.open(name, "rb") as file:
            info = tarfile.TarInfo(f"{backups.MEDIA}/{name}")
            # The size of what was opened (S3: of the object version opened), which tarfile then reads exactly.
            info.size = file.size
            try:
                info.mtime = int(storage.get_modified_time(name).timestamp())
            except (NotImplementedError, OSError):
                info.mtime = int(timezone.now().timestamp())
            reader = backups.HashingReader(file)
            tar.addfile(private(info), reader)
        return {"path": name, "size": info.size, "sha256": reader.sha256.hexdigest()}
