"""Backups of the whole portal: the database as a portable Django serialization plus every uploaded file.

`manage.py backup` writes one .tar.gz holding

- `data.jsonl`: every row of every installed app (JSON Lines, one object a line, so that the dump is written and
  read back as a stream, never held in memory), the same on SQLite and PostgreSQL;
- `media/…`: every uploaded file (logos, forum documents) of the default storage: MEDIA_ROOT on this server's
  disk, or the S3 bucket when S3_BUCKET is set; both are read and written only through Django's storage API;
- `manifest.json`: when it was made, the migrations applied, the rows per table, and each media file's size
  and SHA-256, which `manage.py restore` checks everything against.

Apps added later (allauth.mfa, …) are backed up by themselves: only NOT_BACKED_UP is left out.
"""

import datetime
import hashlib
import os
import posixpath
import stat
import tarfile
from collections import defaultdict
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.serializers import jsonl
from django.core.serializers.json import DjangoJSONEncoder
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "ctip-portal-backup"
VERSION = 1
DATA = "data.jsonl"
MANIFEST = "manifest.json"
MEDIA = "media"

# Left out, by app label or model label: `migrate` re-creates content types and permissions (with ids of its
# own: hence the natural keys of PortableSerializer), and sessions are only logins (allauth's usersessions list
# them), which a restored portal may forget: everyone logs in again.
NOT_BACKED_UP = {"contenttypes", "auth.permission", "sessions", "usersessions"}

# Rows that `migrate` itself inserts (members/migrations/0002): a fresh database has them, and a restore
# replaces them with the backup's, which may have been edited since.
SEEDED_BY_MIGRATE = {"members.country", "members.focusarea"}


def backed_up_models(include_auto_created=False) -> list:
    """The models whose rows a backup holds; with `include_auto_created`, also the tables of many-to-many
    fields (their rows travel inside their model's objects, but are counted and checked on their own)."""
    return [
        model
        for model in apps.get_models(include_auto_created=include_auto_created)
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.app_label not in NOT_BACKED_UP
        and model._meta.label_lower not in NOT_BACKED_UP
    ]


def row_counts(using) -> dict[str, int]:
    """Rows per table ("members.organization": 42), every row: the base manager filters nothing out."""
    return {
        model._meta.label_lower: model._base_manager.using(using).count()
        for model in backed_up_models(include_auto_created=True)
    }


def migration_state(connection) -> dict[str, list[str]]:
    """The migrations applied to the database, per app ({"members": ["0001_initial", …]})."""
    state = defaultdict(list)
    for app_label, name in sorted(MigrationRecorder(connection).applied_migrations()):
        state[app_label].append(name)
    return dict(state)


class ExactJSONEncoder(DjangoJSONEncoder):
    """Times with their microseconds: Django's encoder cuts them to milliseconds (as JavaScript dates), which
    would change every timestamp of the audit trail on a restore."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class PortableSerializer(jsonl.Serializer):
    """JSON Lines; references to content types and permissions by natural key, every other by id.

    Content types and permissions are not restored but re-created by `migrate`, under other ids: the admin's
    log, the history and group permissions name them as ("members", "organization") instead. Everything else
    keeps its id, users included: historical rows still refer to deleted users (simple-history keeps no
    constraint on them), which a natural key could not express.
    """

    NATURAL_KEY_MODELS = (ContentType, Permission)

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = field.remote_field.model in self.NATURAL_KEY_MODELS
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = field.remote_field.model in self.NATURAL_KEY_MODELS
        super().handle_m2m_field(obj, field)


def dump(stream, using):
    """Write every backed-up row to `stream`, model by model, fetching rows in chunks."""
    serializer = PortableSerializer()
    for model in backed_up_models():
        rows = model._base_manager.using(using).order_by(model._meta.pk.name)
        serializer.serialize(rows.iterator(chunk_size=2000), stream=stream, cls=ExactJSONEncoder)


def local_path(storage, name: str = "") -> Path | None:
    """The file's path on this server's disk (FileSystemStorage), None where the storage has no disk (S3)."""
    try:
        return Path(storage.path(name))
    except NotImplementedError:
        return None


def storage_location(storage) -> str:
    """Where the storage keeps its files, for messages: MEDIA_ROOT, or s3://bucket/prefix."""
    root = local_path(storage)
    if root is not None:
        return str(root)
    bucket = getattr(storage, "bucket_name", "") or "?"
    return f"s3://{bucket}/{getattr(storage, 'location', '')}".rstrip("/")


def media_files(storage) -> tuple[list[str], list[str]]:
    """Every file of `storage` (recursively, through storage.listdir) as sorted relative POSIX paths, and the other
    entries of a storage on disk (symbolic links, sockets, …), which are skipped: uploads are always plain files,
    and a link could point anywhere. Object storage holds nothing but plain objects."""
    files, skipped = [], []
    pending = [""]
    while pending:
        directory = pending.pop()
        try:
            dirnames, filenames = storage.listdir(directory)
        except FileNotFoundError:  # MEDIA_ROOT not created yet: nothing was uploaded
            continue
        for name, listed_as_directory in [(d, True) for d in dirnames] + [(f, False) for f in filenames]:
            if not name:
                continue
            relative = posixpath.join(directory, name) if directory else name
            path = local_path(storage, relative)
            if path is None:
                (pending if listed_as_directory else files).append(relative)
                continue
            mode = os.lstat(path).st_mode  # never follows a link
            if stat.S_ISDIR(mode):
                pending.append(relative)
            elif stat.S_ISREG(mode):
                files.append(relative)
            else:
                skipped.append(relative)
    return sorted(files), sorted(skipped)


class HashingReader:
    """A file wrapper that hashes what is read through it: tarfile reads each media file once, and the
    manifest's SHA-256 is then that of the very bytes archived, even if the file changes meanwhile."""

    def __init__(self, file):
        self.file, self.sha256 = file, hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.sha256.update(data)
        return data


def member_media_path(member: tarfile.TarInfo) -> PurePosixPath | None:
    """The path in the media storage of a `media/…` member, None for the data and the manifest.

    Refuses (ValueError) any other member, and anything that could write outside the storage or other than a
    plain file: absolute names, `..`, links, devices, directories (tar path traversal).
    """
    path = PurePosixPath(member.name)
    if path.is_absolute() or ".." in path.parts or "\\" in member.name:
        raise ValueError(f"unsafe path in the archive: {member.name!r}")
    if not member.isreg():
        raise ValueError(f"not a plain file in the archive: {member.name!r}")
    if member.name in (DATA, MANIFEST):
        return None
    if len(path.parts) < 2 or path.parts[0] != MEDIA:
        raise ValueError(f"unexpected member in the archive: {member.name!r}")
    return PurePosixPath(*path.parts[1:])


def sha256_of(storage, name: str) -> str:
    """The SHA-256 of a file of the storage, read in chunks."""
    digest = hashlib.sha256()
    with storage.open(name, "rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
