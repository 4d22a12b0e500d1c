import pytest

from tests.builders import small_catalog


def _flushes_the_database(item):
    marker = item.get_closest_marker("django_db")
    return "live_server" in item.fixturenames or bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests that flush the database (the browser tests) run last, after any shuffling: a
    flush also removes what the migrations created (root page, home page, site, groups), and
    only tests that restore it themselves may come after one."""
    items.sort(key=_flushes_the_database)


@pytest.fixture
def catalog(db):
    return small_catalog()
