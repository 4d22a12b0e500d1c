"""Schemathesis fuzzes the JSON API against its own OpenAPI schema through the WSGI app (no
network): every operation, positive and negative cases, every check (no server error,
documented status codes and content types, responses that match their schemas, valid
requests accepted, invalid ones rejected). The run is bounded and derandomized, so it is the
same run every time."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from catalog.base.filters import IdFilter, SlugFilter
from catalog.wsgi import application

EXAMPLES = 50
# The contract answers a well-formed slug or id that names nothing with a 400 (README, "JSON
# API"): such a request is schema-valid (the schema cannot list every slug), so the
# acceptance check takes a 400 too, and `only_unknown_references_are_400` below makes sure a
# 400 never means anything else.
ACCEPTED = ["2xx", "3xx", "400", "401", "403", "404", "409", "429", "5xx"]
config = SchemathesisConfig.from_dict(
    {"checks": {"positive_data_acceptance": {"expected-statuses": ACCEPTED}}}
)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=config)
schema.config.generation.update(max_examples=EXAMPLES)
REQUESTS = []


def _reference_filters():
    """Names of the declared filters that name a row (slug or id), in any listing."""
    from fairs.filters import FAIR_FILTERS
    from products.filters import PRODUCER_FILTERS, PRODUCT_FILTERS, TRADEMARK_FILTERS
    from search.query import SEARCH_FILTERS

    sets = [PRODUCT_FILTERS, PRODUCER_FILTERS, TRADEMARK_FILTERS, FAIR_FILTERS, SEARCH_FILTERS]
    return {f.name for fs in sets for f in fs if isinstance(f, SlugFilter | IdFilter)}


@schemathesis.check
def only_unknown_references_are_400(ctx, response, case):
    if response.status_code == 400:
        detail = response.json()["detail"]
        name = detail.removeprefix("Unknown ").partition(":")[0]
        assert detail.startswith("Unknown "), detail
        assert name in _reference_filters(), detail


@pytest.fixture
def kept_connection():
    """The test's transaction kept across the WSGI requests, as Django's test client keeps
    it: at each request's end the app would close the connection, being inside a transaction.
    On SQLite's in-memory test database a close does nothing; on PostgreSQL it really closes,
    and the next request fails."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case, catalog, kept_connection):
    REQUESTS.append(case.operation.label)
    case.call_and_validate()


def teardown_module():
    print(f"\nschemathesis: {len(set(REQUESTS))} operations, {len(REQUESTS)} requests")
