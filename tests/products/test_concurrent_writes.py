"""Concurrent writes on the embedded SQLite database: an import and editors' publishes at once
wait for each other (WAL, a busy timeout, immediate write transactions) instead of failing.

Everything runs in subprocesses against a SQLite file of its own, so the suite's own test
database is never written to.
"""

import csv
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import django_process, process_env

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests/fixtures/import/catalog_sample.csv"
WRITERS = "tests.products.concurrent_writers"
PUBLISHERS, PUBLISHES = 3, 10
# Writers wait for the lock this long here rather than the default 20 s: the import holds it
# for its whole transaction, which on a loaded test machine can take longer than that.
TIMEOUT = "90"


def _env(path, **extra):
    settings = {"DJANGO_SETTINGS_MODULE": "catalog.settings.test", "SQLITE_TIMEOUT": TIMEOUT}
    return {**settings, "SQLITE_PATH": str(path), **extra}


def _manage(env, *args):
    return django_process("manage.py", *args, **env)


@pytest.fixture(scope="module")
def migrated(sqlite_file, tmp_path_factory):
    """The migrated file with the sample sheet's producers and products."""
    path = tmp_path_factory.mktemp("seeded") / "seed.sqlite3"
    shutil.copy(sqlite_file, path)
    done = _manage(_env(path), "import_catalog", "--create-missing", str(SAMPLE))
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture
def database(migrated, tmp_path):
    path = tmp_path / "catalog.sqlite3"
    shutil.copy(migrated, path)
    return path


def _big_sheet(path, products):
    """The sample sheet plus a producer with many new products: an import that takes a while."""
    with SAMPLE.open(encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    extra = {**rows[0], "producer": "HTX Thử tải đồng thời", "address": "", "phone": ""}
    extra.update(trademark="", trademark_number="", trademark_kind="")
    titles = [f"Sản phẩm thử {n}" for n in range(products)]
    rows += [{**extra, "product": title} for title in titles]
    with path.open("w", encoding="utf-8", newline="") as sheet:
        writer = csv.DictWriter(sheet, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return titles


def _rows(path, sql, *params):
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute(sql, params)]


@pytest.mark.django_db  # so that the suite's test database exists for `sqlite_file` to copy
def test_an_import_and_publishes_at_once_lose_nothing(database, tmp_path):
    sheet = tmp_path / "big.csv"
    titles = _big_sheet(sheet, products=20)
    env = _env(database)
    publishers = [
        subprocess.Popen(  # noqa: S603 - fixed arguments
            [sys.executable, "-m", WRITERS, "publish", f"p{n}", str(PUBLISHES)],
            cwd=ROOT,
            env=process_env(**env),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(PUBLISHERS)
    ]
    imported = _manage(env, "import_catalog", str(sheet))
    reports = []
    for publisher in publishers:
        out, err = publisher.communicate(timeout=120)
        assert publisher.returncode == 0, err
        reports.append(json.loads(out))

    assert imported.returncode == 0, imported.stderr
    assert "Traceback" not in imported.stderr
    errors = [error for report in reports for error in report["errors"]]
    assert errors == []
    made = {intro for report in reports for intro in report["made"]}
    assert len(made) == PUBLISHERS * PUBLISHES
    saved = _rows(database, "SELECT content FROM wagtailcore_revision")
    revised = {json.loads(content).get("intro") for content in saved}
    assert made <= revised
    present = set(_rows(database, "SELECT title FROM wagtailcore_page"))
    assert set(titles) <= present


@pytest.mark.django_db
def test_a_write_that_cannot_wait_long_enough_gets_a_sentence(database):
    """Another connection holds the write lock past the (here shortened) busy timeout."""
    done = django_process(
        "-m", WRITERS, "locked", str(SAMPLE), **_env(database, SQLITE_TIMEOUT="0.5")
    )
    assert done.returncode == 0, done.stderr
    answers = json.loads(done.stdout)

    page, data = answers["page"], answers["json"]
    assert (page["status"], page["retry_after"]) == (503, "30")
    assert "nên chưa lưu được thay đổi của bạn" in page["body"]
    assert "The catalogue is busy saving other changes" in page["body"]
    assert (data["status"], data["retry_after"]) == (503, "30")
    assert "Please try again in a minute" in json.loads(data["body"])["detail"]
    assert "Hệ thống đang bận lưu các thay đổi khác; chưa nhập dữ liệu nào" in answers["import"]
    assert "Traceback" not in done.stderr
    inquiries = _rows(database, "SELECT count(*) FROM products_inquiry")
    assert inquiries == [0]
