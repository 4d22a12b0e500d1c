"""One archive holding the site's database and media, and its safe restore (README, "Backups").

The database goes in with each vendor's own tool, not `dumpdata`: SQLite's online backup API
(a consistent copy of a live WAL database, indexes and all) and PostgreSQL's `pg_dump` custom
format (restored by `pg_restore`). A JSON fixture would be portable between the two but slow,
and it loses what Django's serialisers do not know (sequences, the cache and task tables).
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import tomllib
from contextlib import closing
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connection
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DUMPS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """Why an archive cannot be written or restored; nothing was changed."""


def app_version():
    with open(Path(settings.BASE_DIR) / "pyproject.toml", "rb") as project:
        return tomllib.load(project)["project"]["version"]


def counts():
    """What the manifest records, and what a restore is checked against."""
    media = Path(settings.MEDIA_ROOT)
    return {
        "pages": Page.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "media_files": sum(1 for p in media.rglob("*") if p.is_file()) if media.is_dir() else 0,
    }


def _dump_name():
    if connection.vendor not in DUMPS:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return DUMPS[connection.vendor]


def _pg(tool, *args):
    """Run a PostgreSQL client tool on the site's database; the password goes by environment."""
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    if db.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = db["OPTIONS"]["sslmode"]
    command = [tool, "--no-password", f"--dbname={db['NAME']}"]
    command += [
        f"--{key}={db[name]}"
        for key, name in (("host", "HOST"), ("port", "PORT"), ("username", "USER"))
        if db.get(name)
    ]
    try:
        subprocess.run(command + list(args), env=env, check=True, capture_output=True)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(f"{tool} is not installed (Debian: postgresql-client).") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{tool} failed: {error.stderr.decode(errors='replace')}") from error


def _dump_database(target):
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(target)) as copy:
            connection.connection.backup(copy)
    else:
        _pg("pg_dump", "--format=custom", "--no-owner", f"--file={target}")


def write(archive):
    """Write the archive: manifest, database dump, MEDIA_ROOT (originals and renditions alike,
    since the renditions' rows are in the database and would point at missing files)."""
    archive = Path(archive)
    dump = _dump_name()
    manifest = {
        "format": FORMAT,
        "app_version": app_version(),
        "database": connection.vendor,
        "created_at": timezone.now().isoformat(),
        "counts": counts(),
    }
    partial = archive.with_name(archive.name + ".partial")
    with tempfile.TemporaryDirectory() as work:
        _dump_database(Path(work) / dump)
        (Path(work) / MANIFEST).write_text(json.dumps(manifest, indent=2))
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(Path(work) / MANIFEST, MANIFEST)
            tar.add(Path(work) / dump, dump)
            if Path(settings.MEDIA_ROOT).is_dir():
                tar.add(settings.MEDIA_ROOT, MEDIA)
    partial.replace(archive)  # a cron job never leaves half an archive under the final name
    return manifest


def _check_members(tar):
    """Only the archive's own names, regular files and folders: a tampered member (an absolute
    path, `..`, a link, a device) stops the restore before anything is written."""
    for member in tar.getmembers():
        path = PurePosixPath(member.name)
        allowed = member.name in (MANIFEST, *DUMPS.values()) or path.parts[:1] == (MEDIA,)
        if path.is_absolute() or ".." in path.parts or not allowed:
            raise BackupError(f"The archive holds an unexpected path {member.name!r}.")
        if not (member.isfile() or member.isdir()):
            raise BackupError(f"The archive holds a link or special file {member.name!r}.")


def is_empty():
    """A fresh install: no tables in the database and no files in MEDIA_ROOT."""
    media = Path(settings.MEDIA_ROOT)
    has_media = media.is_dir() and any(p.is_file() for p in media.rglob("*"))
    return not connection.introspection.table_names() and not has_media


def read(archive, force=False):
    """Check the whole archive, then replace the database and add the media. Returns the
    manifest. The caller migrates and rebuilds the search index."""
    try:
        tar = tarfile.open(archive, "r:gz")  # noqa: SIM115 - closed by the with below
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"Not a backup archive: {error}. Nothing was restored.") from error
    with tar, tempfile.TemporaryDirectory() as work:
        try:
            manifest = _check(tar, force)
        except BackupError as error:
            raise BackupError(f"{error} Nothing was restored.") from error
        tar.extractall(work, filter="data")
        _restore_database(Path(work) / DUMPS[connection.vendor])
        if (Path(work) / MEDIA).is_dir():
            shutil.copytree(Path(work) / MEDIA, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return manifest


def _check(tar, force):
    """Everything that can refuse the archive, before anything is written."""
    _check_members(tar)
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupError("The archive has no readable manifest.json.") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("The archive's manifest is not of a format this release reads.")
    if manifest.get("database") != connection.vendor:
        raise BackupError(
            f"The archive holds a {manifest.get('database')} database and this site runs "
            f"on {connection.vendor}: restore it on the same kind of database."
        )
    if DUMPS[connection.vendor] not in tar.getnames():
        raise BackupError(f"The archive has no {DUMPS[connection.vendor]}.")
    if not force and not is_empty():
        raise BackupError(
            "The database or MEDIA_ROOT is not empty; restore into a fresh install, or "
            "pass --force to replace the database and overwrite media files."
        )
    return manifest


def _restore_database(dump):
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(dump)) as source:
            source.backup(connection.connection)
    else:
        _pg("pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error", str(dump))
    connection.close()  # the next query sees the restored schema afresh
