import pytest

from tests.factories import small_catalog


def _flushes_the_database(item):
    marker = item.get_closest_marker("django_db")
    return "live_server" in item.fixturenames or bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests that flush the database (transactional and browser tests) run last, after any
    shuffling: a flush also removes what the migrations created (root page, home page, site,
    groups), and only tests that restore it themselves may come after one. xdist hands out
    whole files, so a file that mixes both kinds would run its flush before other files:
    such a file is refused."""
    items.sort(key=_flushes_the_database)
    kinds = {}
    for item in items:
        kinds.setdefault(item.path, set()).add(_flushes_the_database(item))
    mixed = sorted(str(path) for path, seen in kinds.items() if len(seen) > 1)
    if mixed:
        raise pytest.UsageError(
            "Keep tests that flush the database in files of their own: " + ", ".join(mixed)
        )


@pytest.fixture
def catalog(db):
    return small_catalog()


@pytest.fixture(scope="session")
def sqlite_file(tmp_path_factory, django_db_setup, django_db_blocker):
    """A SQLite file holding what the migrations create, copied from the suite's migrated
    test database (which is only read), for subprocesses that need a database of their own
    (SQLITE_PATH). Copy it before writing to it. Only a session with a `django_db` test has
    a test database to copy: mark the test that uses it."""
    import sqlite3

    from django.db import connection

    path = tmp_path_factory.mktemp("sqlite") / "migrated.sqlite3"
    with django_db_blocker.unblock(), sqlite3.connect(path) as target:
        connection.ensure_connection()
        connection.connection.backup(target)
    return path
