import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.utils import translation
from pytest_django.plugin import blocking_manager_key

from tests.factories import small_catalog


def _flushes_the_database(item):
    marker = item.get_closest_marker("django_db")
    return "live_server" in item.fixturenames or bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """A test that flushes the database (transactional and browser tests) also removes what the
    migrations created: root page, home page, site, groups, content types. Each such test is
    made a serialized-rollback one, so the migrated state is serialized once and restored
    around it (see pytest_runtest_teardown), and tests of both kinds may run in any order on
    any xdist worker."""
    for item in items:
        if _flushes_the_database(item):
            marker = item.get_closest_marker("django_db")
            kwargs = dict(marker.kwargs) if marker else {}
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Django restores serialized data when a serialized-rollback test starts, and leaves the
    database empty when it ends; put the migrated state back for whatever runs next. After a
    worker's last test the test databases are already gone (and their settings point at the
    real database again), so nothing is restored then."""
    result = yield
    if nextitem is not None and _flushes_the_database(item):
        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all(initialized_only=True):
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents:
                    connection.creation.deserialize_db_from_string(contents)
        ContentType.objects.clear_cache()
    return result


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's language: a request to /en/ leaves English active in
    the thread (LocaleMiddleware does not reset it), and a page's `url` read after it would
    then carry the /en/ prefix, whatever test ran before in the same worker."""
    translation.activate(settings.LANGUAGE_CODE)


FIGURES = []


def pytest_runtest_logreport(report):
    """Tests that measure something say so with record_property("figures", text); the lines
    travel with the report (from xdist workers too) and close the run's summary."""
    if report.when == "call":
        FIGURES.extend(value for name, value in report.user_properties if name == "figures")


def pytest_terminal_summary(terminalreporter):
    if FIGURES:
        terminalreporter.section("figures")
        for line in FIGURES:
            terminalreporter.write_line(line)


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

    if connection.vendor != "sqlite":
        pytest.skip("SQLite's own file and locking: the suite's run on SQLite covers it")
    path = tmp_path_factory.mktemp("sqlite") / "migrated.sqlite3"
    with django_db_blocker.unblock(), sqlite3.connect(path) as target:
        connection.ensure_connection()
        connection.connection.backup(target)
    return path
