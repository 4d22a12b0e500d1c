"""A results page renders from the indexed documents: 50 hits cost no more queries than 5."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    CategoryFactory,
    DistrictFactory,
    ProducerPageFactory,
    ProductPageFactory,
)
from tests.search.conftest import BackendSettings, clear_catalog, rebuild

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def many_products(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        category = CategoryFactory(name="Mây tre đan", slug="may-tre-dan")
        district = DistrictFactory(name="Việt Yên", slug="viet-yen")
        producer = ProducerPageFactory(
            title="Làng nghề Tăng Tiến", district=district, legal_form="craft_village"
        )
        for n in range(55):
            ProductPageFactory(
                producer=producer,
                title=f"Giỏ mây mẫu {n:02d}",
                category=category,
                certifications=[("provincial", 2014 + n % 7)],
            )
    yield
    with django_db_blocker.unblock():
        clear_catalog()


def queries_for(client, path, params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["database", "opensearch", "elasticsearch"])
@pytest.mark.parametrize("path", ["/tim-kiem/", "/api/v1/search"])
def test_fifty_hits_cost_the_same_queries_as_five(many_products, client, name, path):
    with BackendSettings(name):
        rebuild()
        # The first request fills the caches every page shares (the site's root paths, its
        # settings); what is measured is the cost of the hits.
        queries_for(client, path, {"q": "gio may", "page_size": 1})
        five = queries_for(client, path, {"q": "gio may", "page_size": 5})
        fifty = queries_for(client, path, {"q": "gio may", "page_size": 50})
    assert five == fifty
