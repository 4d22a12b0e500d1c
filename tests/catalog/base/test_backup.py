"""`manage.py backup` and `restore`: the demo, backed up and restored into an empty database
and media folder, has the same pages, images, documents and search results; a restore
refuses a database in use and a tampered archive before writing anything."""

import io
import json
import os
import re
import subprocess
import tarfile
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.models import Page

from catalog.base import backup
from tests.servers import django_process

ROOT = Path(__file__).resolve().parents[3]
QUERIES = ["mỳ chũ", "gom", "mây tre", "mật ong", "bánh"]

# Run inside `manage.py shell -c`: what a restore must bring back, as JSON on the last line.
SNAPSHOT = """
import hashlib, json
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

def digest(field):
    with field.open("rb") as f:
        return hashlib.sha256(f.read()).hexdigest()

client = Client(HTTP_HOST="localhost")
searches = {}
for q in QUERIES:
    body = client.get("/api/v1/search", {"q": q, "page_size": 100}).json()
    searches[q] = [body["backend"], body["count"], [item["id"] for item in body["results"]]]
product = Page.objects.live().filter(depth=5).first()
image = get_image_model().objects.first()
print(json.dumps({
    "pages": sorted([p.url_path, p.title, p.live] for p in Page.objects.all()),
    "images": sorted(
        [i.title, i.file.name, digest(i.file)] for i in get_image_model().objects.all()
    ),
    "documents": sorted(
        [d.title, d.file.name, digest(d.file)] for d in get_document_model().objects.all()
    ),
    "product_page": client.get(product.url).status_code,
    "rendition": digest(image.get_rendition("fill-160x120").file),
    "searches": searches,
}))
"""


def manage(*args, database, media, search_url="", prefix="cnnt-"):
    """A management command in a process of its own, on its own database (a SQLite file, or
    a PostgreSQL URL) and media folder."""
    where = {"DATABASE_URL" if isinstance(database, str) else "SQLITE_PATH": str(database)}
    return django_process(
        "manage.py", *args, timeout=300, **where,
        DJANGO_SETTINGS_MODULE="catalog.settings.dev",  # reads MEDIA_ROOT; test settings don't
        DJANGO_DEBUG="0", MEDIA_ROOT=str(media), SEARCH_URL=search_url, SEARCH_INDEX_PREFIX=prefix,
    )  # fmt: skip


def snapshot(**where):
    script = f"QUERIES = {QUERIES!r}\n{SNAPSHOT}"
    done = manage("shell", "-c", script, **where)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def demo_archive(sqlite_file, tmp_path_factory):
    """The demo on a SQLite file (copied from the suite's migrated one) and its backup."""
    import shutil

    folder = tmp_path_factory.mktemp("demo")
    where = {"database": folder / "demo.sqlite3", "media": folder / "media"}
    shutil.copy(sqlite_file, where["database"])
    loaded = manage("load_demo", **where)
    assert loaded.returncode == 0, loaded.stderr
    archive = folder / "backup.tar.gz"
    done = manage("backup", str(archive), **where)
    assert done.returncode == 0, done.stderr
    return archive, where


@pytest.mark.django_db  # so that the suite's test database exists for `sqlite_file` to copy
def test_a_restore_brings_the_demo_back(demo_archive, tmp_path):
    """Into a file that does not exist yet and an empty media folder; the OpenSearch node of
    the suite, when there is one, gets its index from the restore's rebuild alone."""
    archive, source = demo_archive
    target = {"database": tmp_path / "restored.sqlite3", "media": tmp_path / "media"}
    engine = os.environ.get("SEARCH_TEST_OPENSEARCH_URL", "")
    on_engine = {"search_url": engine, "prefix": f"test-{uuid.uuid4().hex[:10]}-"}

    done = manage("restore", str(archive), **target, **on_engine)
    assert done.returncode == 0, done.stderr
    where = f"into index {on_engine['prefix']}" if engine else "into the database"
    assert re.search(rf"Indexed [1-9]\d* documents {where}", done.stdout), done.stdout

    before = snapshot(**source)
    assert_same(before, snapshot(**target))
    if engine:
        try:
            answered = snapshot(**target, **on_engine)["searches"]
            assert {q: found[0] for q, found in answered.items()} == dict.fromkeys(
                QUERIES, "opensearch"
            )
            assert {q: sorted(found[2]) for q, found in answered.items()} == {
                q: sorted(found[2]) for q, found in before["searches"].items()
            }
        finally:
            drop = "from search.backends.engine import catalog_index; catalog_index().drop()"
            manage("shell", "-c", drop, **target, **on_engine)


def assert_same(before, after):
    assert len(before["pages"]) > 100
    assert len(before["images"]) > 100
    assert len(before["documents"]) == 8
    assert all(found[1] > 0 for found in before["searches"].values())
    assert after == before


@pytest.mark.django_db
@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"], reason="PostgreSQL's pg_dump"
)
def test_a_restore_on_postgresql_brings_the_demo_back(tmp_path):
    """The same on two databases of the suite's PostgreSQL server, made for the test."""
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}
    parts = (("host", "HOST"), ("port", "PORT"), ("username", "USER"))
    server = [f"--{option}={db[key]}" for option, key in parts if db.get(key)]
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    address = f"{db['HOST']}:{db['PORT']}" if db.get("PORT") else db.get("HOST") or ""
    login = f"{quote(db['USER'] or '')}{password}@{address}"
    names = [f"{db['NAME']}_backup_{uuid.uuid4().hex[:8]}_{end}" for end in "ab"]
    for name in names:
        subprocess.run(["createdb", *server, name], env=env, check=True)  # noqa: S603, S607
    try:
        source = {"database": f"postgres://{login}/{names[0]}", "media": tmp_path / "a"}
        target = {"database": f"postgres://{login}/{names[1]}", "media": tmp_path / "b"}
        archive = tmp_path / "backup.tar.gz"
        for command in (["migrate"], ["load_demo"], ["backup", str(archive)]):
            done = manage(*command, **source)
            assert done.returncode == 0, done.stderr
        done = manage("restore", str(archive), **target)
        assert done.returncode == 0, done.stderr
        assert_same(snapshot(**source), snapshot(**target))
    finally:
        for name in names:
            subprocess.run(["dropdb", *server, "--force", name], env=env, check=False)  # noqa: S603, S607


def make_archive(path, *members):
    """A hand-made archive: the manifest and dump this database would need, plus `members`
    (name, tarfile type) to tamper with it."""
    manifest = json.dumps({"format": backup.FORMAT, "database": connection.vendor}).encode()
    with tarfile.open(path, "w:gz") as tar:
        for name, data in [(backup.MANIFEST, manifest), (backup.DUMPS[connection.vendor], b"")]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        for name, kind in members:
            info = tarfile.TarInfo(name)
            info.type = kind
            info.linkname = "/etc/passwd" if kind == tarfile.SYMTYPE else ""
            info.size = 5 if kind == tarfile.REGTYPE else 0
            tar.addfile(info, io.BytesIO(b"owned") if kind == tarfile.REGTYPE else None)
    return path


def test_a_database_in_use_is_not_overwritten(db, tmp_path):
    pages = Page.objects.count()
    archive = make_archive(tmp_path / "backup.tar.gz")
    with pytest.raises(CommandError, match="not empty.*--force.*Nothing was restored"):
        call_command("restore", str(archive))
    assert Page.objects.count() == pages


@pytest.mark.parametrize(
    ("member", "kind"),
    [
        ("../escaped.txt", tarfile.REGTYPE),
        ("media/../../escaped.txt", tarfile.REGTYPE),
        ("/escaped-by-a-backup.txt", tarfile.REGTYPE),
        ("media/images/link.jpg", tarfile.SYMTYPE),
        ("settings.py", tarfile.REGTYPE),
    ],
)
def test_a_tampered_archive_is_refused_before_anything_is_written(db, tmp_path, member, kind):
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    archive = make_archive(
        folder / "backup.tar.gz", ("media/ok.txt", tarfile.REGTYPE), (member, kind)
    )
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=f"{member!r}.*Nothing was restored"):
        call_command("restore", str(archive), force=True)
    assert Page.objects.count() == pages
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a", "b", "backup.tar.gz"]
    assert not Path("/escaped-by-a-backup.txt").exists()


def test_an_archive_of_another_database_is_refused(db, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    with tarfile.open(archive, "w:gz") as tar:
        data = json.dumps({"format": backup.FORMAT, "database": other}).encode()
        info = tarfile.TarInfo(backup.MANIFEST)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    with pytest.raises(CommandError, match=f"holds a {other} database.*same kind"):
        call_command("restore", str(archive), force=True)
