"""On PostgreSQL the admin's search folds Vietnamese diacritics (catalog.base.search_backend
and the cnnt_folded text search configuration): an editor typing without them finds the page.
SQLite's backend is Wagtail's own, unchanged, so this runs in the suite's PostgreSQL pass."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from products.models import ProductPage
from tests.factories import small_catalog

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's text search configuration: its pass of the suite runs this")


@pytest.mark.parametrize(
    "typed",
    ["lan may", "LAN MAY", "làn mây", "lan ma", "Lan"],
)
def test_typed_without_diacritics_the_page_is_found(typed, admin_client):
    small_catalog()
    response = admin_client.get("/admin/pages/search/", {"q": typed})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Làn mây đan tay" in content
    assert "Mỳ gạo đỏ" not in content


def test_the_backend_folds_d_with_stroke_and_stacked_marks():
    small_catalog()
    backend = get_search_backend()
    assert backend.autocomplete_config == backend.config == "cnnt_folded"
    page = ProductPage.objects.first()
    page.title = "Đồ gỗ mỹ nghệ Đồng Kỵ"
    page.save_revision().publish()
    for typed in ("do go my nghe", "dong ky", "Đồng"):
        titles = {p.title for p in backend.autocomplete(typed, ProductPage)}
        assert titles == {"Đồ gỗ mỹ nghệ Đồng Kỵ"}, typed
    assert {p.title for p in backend.search("dong ky", ProductPage)} == {"Đồ gỗ mỹ nghệ Đồng Kỵ"}
