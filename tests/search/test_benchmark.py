"""`make bench` keeps working: generated products are searchable, and every request of the
fixed query mix is answered (the benchmark stops at the first error)."""

import pytest

from products.models import Category, District, ProductPage
from search.benchmark import generate_products, measure
from search.models import SearchRecord
from tests.builders import small_catalog
from tests.search.conftest import rebuild

# live_server serves from another thread, so the data must be committed.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_generated_products_and_the_query_mix(live_server, settings):
    settings.SEARCH_URL = ""
    small_catalog()
    # The facet values the query mix names, as the sample data has them.
    District.objects.create(name="Việt Yên", slug="viet-yen")
    Category.objects.create(name="Chế biến nông, lâm, thủy sản", slug="che-bien-nong-lam-thuy-san")
    assert generate_products(ProductPage.objects.count() + 30) == 35
    rebuild()
    assert SearchRecord.objects.filter(kind="product").count() == 35

    (first_p50, first_p95), (p50, p95), backend = measure(live_server.url, rounds=1, warmup=1)

    assert backend == "database"
    assert 0 < first_p50 <= first_p95
    assert 0 < p50 <= p95
