"""`make bench` keeps working end to end: generated products are searchable, every request
of the fixed query mix is sent and answered (the benchmark stops at the first error), and the
figures are milliseconds within what was measured. A file of its own: it flushes the database."""

import time
from urllib.parse import urlencode

import pytest
from django.core.signals import request_started

from products.models import Category, District, ProductPage
from search.benchmark import QUERY_MIX, generate_products, measure
from search.models import SearchRecord
from tests.factories import small_catalog
from tests.search.conftest import rebuild


# live_server serves from another thread, so the data must be committed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_generated_products_and_the_query_mix(live_server, settings):
    settings.SEARCH_URL = ""
    small_catalog()
    # The facet values the query mix names, as the sample data has them.
    District.objects.create(name="Việt Yên", slug="viet-yen")
    Category.objects.create(name="Chế biến nông, lâm, thủy sản", slug="che-bien-nong-lam-thuy-san")
    assert generate_products(ProductPage.objects.count() + 30) == 35
    rebuild()
    assert SearchRecord.objects.filter(kind="product").count() == 35

    sent = []

    def note(sender, environ, **kwargs):
        if environ["PATH_INFO"] == "/api/v1/search":
            sent.append(environ["QUERY_STRING"])

    request_started.connect(note)
    started = time.perf_counter()
    try:
        (first_p50, first_p95), (p50, p95), backend = measure(live_server.url, rounds=2, warmup=1)
    finally:
        request_started.disconnect(note)
    elapsed_ms = (time.perf_counter() - started) * 1000

    assert backend == "database"
    assert sent == [urlencode(params) for params in QUERY_MIX] * 3  # warm-up and two rounds
    # Milliseconds, each request timed on its own: at least half of each pass took the
    # median or longer, and all of them together took less than the whole measurement.
    assert 0.1 < first_p50 <= first_p95
    assert 0.1 < p50 <= p95
    assert len(QUERY_MIX) / 2 * (first_p50 + 2 * p50) < elapsed_ms
    assert max(first_p95, p95) < elapsed_ms
