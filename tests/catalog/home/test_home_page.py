"""The home page leads buyers to every section and sums up the catalog."""

import pytest

pytestmark = pytest.mark.django_db


def test_home_page_links_to_every_section(client, catalog):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/tim-kiem/" in html
    assert "/nha-san-xuat/" in html
    assert "/nhan-hieu/" in html


def test_home_page_counts_products_per_level(client, catalog):
    levels = {value: count for value, _label, count in client.get("/").context["levels"]}
    assert levels == {"provincial": 3, "regional": 2, "national": 1}
