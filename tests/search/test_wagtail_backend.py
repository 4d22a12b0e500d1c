"""Wagtail's own search (admin page search) runs on OpenSearch when one is configured."""

import uuid

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from catalog.settings.base import wagtailsearch_backend
from tests.factories import small_catalog
from tests.search.conftest import engine_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def opensearch_for_wagtail():
    prefix = f"test-{uuid.uuid4().hex[:10]}-wagtail-"
    config = wagtailsearch_backend(engine_url("opensearch"), prefix)
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": config}):
        backend = get_search_backend()
        yield backend
        backend.es.indices.delete(index=f"{prefix}*", ignore_unavailable=True)


@pytest.mark.parametrize("typed", ["Làn mây", "lan may", "LÀN"])
def test_admin_page_search_uses_opensearch(opensearch_for_wagtail, admin_client, typed):
    assert type(opensearch_for_wagtail).__module__.endswith("opensearch3")
    small_catalog()
    call_command("update_index", verbosity=0)
    response = admin_client.get("/admin/pages/search/", {"q": typed})
    assert response.status_code == 200
    assert "Làn mây đan tay" in response.content.decode()
