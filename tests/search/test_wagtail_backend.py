"""Wagtail's own search (the admin's pages, images, documents, snippets and explorer) runs on
Wagtail's database backend whatever SEARCH_URL says, so editors can search during an engine
outage, and `search_index rebuild` is the one rebuild the README needs."""

import runpy
import socket

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Collection

from catalog.settings import base as base_settings
from search import engines
from search.signal_handlers import search_auto_update_paused
from tests.factories import ImageFactory, ProductPageFactory, TrademarkFactory, small_catalog
from tests.products.conftest import make_document
from tests.search.conftest import BackendSettings

pytestmark = pytest.mark.django_db


def configured(monkeypatch, search_url, prefix="cnnt-"):
    """Wagtail's search backends as catalog/settings/base.py sets them up for this engine."""
    monkeypatch.setenv("SEARCH_URL", search_url)
    monkeypatch.setenv("SEARCH_INDEX_PREFIX", prefix)
    return runpy.run_path(base_settings.__file__)["WAGTAILSEARCH_BACKENDS"]


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def engine_down(monkeypatch):
    """SEARCH_URL names a port nobody listens on."""
    url = f"http://127.0.0.1:{closed_port()}"
    with override_settings(SEARCH_URL=url, WAGTAILSEARCH_BACKENDS=configured(monkeypatch, url)):
        engines._engines.clear()
        yield url
    engines._engines.clear()


def found(admin_client, path, typed, expected, absent):
    response = admin_client.get(path, {"q": typed})
    assert response.status_code == 200, path
    content = response.content.decode()
    assert expected in content, path
    assert absent not in content, path


def test_admin_searches_answer_while_the_engine_is_down(engine_down, admin_client):
    catalog = small_catalog()
    TrademarkFactory(mark="Gà đồi", registration_number="4-0999999-000")
    ImageFactory(title="Ảnh làn mây")
    ImageFactory(title="Ảnh mỳ gạo")
    root = Collection.get_first_root_node()
    make_document("Quyết định công nhận làn mây", collection=root)
    make_document("Quyết định công nhận mỳ gạo", collection=root)
    section = catalog["products"]["lang_may"].get_parent().get_parent()  # the producers index
    searches = [
        ("/admin/pages/search/", "Làn mây", "Làn mây đan tay", "Mỳ gạo đỏ"),
        (f"/admin/pages/{section.pk}/", "Làn mây", "Làn mây đan tay", "HTX Mỳ Chũ Nam Giang"),
        ("/admin/images/", "làn mây", "Ảnh làn mây", "Ảnh mỳ gạo"),
        ("/admin/documents/", "làn mây", "Quyết định công nhận làn mây", "công nhận mỳ gạo"),
        ("/admin/snippets/products/trademark/", "Mỳ Chũ", "4-0123456-000", "4-0999999-000"),
        ("/admin/snippets/products/category/", "thủ công", "thu-cong", "my-bun"),
        ("/admin/snippets/products/district/", "Lục Ngạn", "Lục Ngạn", "Yên Thế"),
    ]
    for path, typed, expected, absent in searches:
        found(admin_client, path, typed, expected, absent)


@pytest.mark.parametrize("name", ["opensearch", "elasticsearch"])
def test_the_documented_rebuild_fills_the_catalog_and_the_admin_search(
    name, monkeypatch, admin_client
):
    """Products loaded in bulk (Wagtail's index paused, as load_demo and imports do) are
    found by buyers and editors once `search_index rebuild` has run: no second command."""
    small_catalog()
    with BackendSettings(name) as chosen:
        prefix = chosen.override.options["SEARCH_INDEX_PREFIX"]
        with override_settings(WAGTAILSEARCH_BACKENDS=configured(monkeypatch, chosen.url, prefix)):
            with search_auto_update_paused():
                ProductPageFactory(title="Thảm cói Kim Sơn mới nạp")
            call_command("search_index", "rebuild", verbosity=0)
            api = admin_client.get("/api/v1/search", {"q": "tham coi kim son"}).json()
            assert api["backend"] == name
            assert [r["title"] for r in api["results"]] == ["Thảm cói Kim Sơn mới nạp"]
            found(
                admin_client,
                "/admin/pages/search/",
                "Thảm cói",
                "Thảm cói Kim Sơn mới nạp",
                "Làn mây đan tay",
            )
