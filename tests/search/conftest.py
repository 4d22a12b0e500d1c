"""Backends for the contract suite. The database always runs; the engines run against the
real nodes that `make test` starts (SEARCH_TEST_OPENSEARCH_URL, SEARCH_TEST_ELASTICSEARCH_URL),
each in a throw-away index prefix."""

import functools
import os
import uuid

import pytest
from django.test import override_settings

from products.models import (
    Category,
    District,
    ProducerIndexPage,
    ProductIndexPage,
    Trademark,
    TrademarkIndexPage,
)
from search import engines, index
from search.backends.engine import catalog_index
from search.documents import all_documents
from search.models import PendingIndexChange, SearchRecord
from tests.search import catalog_data

ENGINE_URLS = {
    "opensearch": os.environ.get("SEARCH_TEST_OPENSEARCH_URL", ""),
    "elasticsearch": os.environ.get("SEARCH_TEST_ELASTICSEARCH_URL", ""),
}
BACKENDS = ["database", "opensearch", "elasticsearch"]


def engine_url(name):
    """The test node's URL; a missing node fails under `make test` and skips elsewhere."""
    if name == "database":
        return ""
    url = ENGINE_URLS[name]
    if not url:
        if os.environ.get("SEARCH_ENGINES_REQUIRED") == "1":
            pytest.fail(
                f"SEARCH_TEST_{name.upper()}_URL is not set; `make test` starts the engines."
            )
        pytest.skip(f"no {name} node (run the suite with `make test`)")
    return url


class BackendSettings:
    """Points the site at one backend under a fresh index prefix, and cleans up after."""

    def __init__(self, name):
        self.name = name
        self.url = engine_url(name)
        self.override = override_settings(
            SEARCH_URL=self.url, SEARCH_INDEX_PREFIX=f"test-{uuid.uuid4().hex[:10]}-"
        )

    def __enter__(self):
        engines._engines.clear()
        self.override.enable()
        return self

    def __exit__(self, *exc):
        if self.url:
            catalog_index().drop()
        self.override.disable()
        engines._engines.clear()


def rebuild():
    return index.rebuild(all_documents())


def clear_catalog():
    """Undo what a module's catalog left in the database outside any test's transaction,
    the catalogue's sections included (each may exist once under the home page)."""
    for model in (ProducerIndexPage, ProductIndexPage, TrademarkIndexPage):
        for page in model.objects.all():
            page.delete()
    Trademark.objects.all().delete()
    Category.objects.filter(parent__isnull=False).delete()
    Category.objects.all().delete()
    District.objects.all().delete()
    SearchRecord.objects.all().delete()
    PendingIndexChange.objects.all().delete()


@pytest.fixture(scope="module")
def contract_catalog(django_db_setup, django_db_blocker):
    """Built once per module (page publishing is slow), removed at the end."""
    with django_db_blocker.unblock():
        data = catalog_data.build()
    yield data
    with django_db_blocker.unblock():
        clear_catalog()


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request, contract_catalog, django_db_blocker):
    """The contract's backend, with the catalog indexed into it once."""
    with django_db_blocker.unblock(), BackendSettings(request.param) as chosen:
        rebuild()
        yield chosen.name


@pytest.fixture(params=BACKENDS)
def live_backend(request, db):
    """A backend for tests that change data themselves (sync, outages)."""
    with BackendSettings(request.param) as chosen:
        yield chosen


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): ...` runs what the block left for after its commit (the engine
    writes), as the end of a request's transaction does: a test's own never commits."""
    return functools.partial(django_capture_on_commit_callbacks, execute=True)
