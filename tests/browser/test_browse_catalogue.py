import re

import pytest
from playwright.sync_api import expect

from tests.factories import small_catalog

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_buyer_goes_from_home_to_a_products_certifications(live_server, page):
    small_catalog()
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.get_by_role("navigation", name="Chính").get_by_role("link", name="Sản phẩm").click()
    expect(page).to_have_url(re.compile(r"/tim-kiem/\?kind=product$"))
    expect(page.locator(".result-count")).to_contain_text("5")  # the products, not producers

    page.locator(".facets summary").click()  # on a phone the filters start folded
    page.locator(".facets").get_by_role("link", name=re.compile("Quốc gia")).click()
    expect(page).to_have_url(re.compile(r"level=national"))
    expect(page.locator(".result-count")).to_contain_text("1")  # certifications belong to products

    page.get_by_role("link", name="Làn mây đan tay").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Làn mây đan tay")
    timeline = page.locator(".timeline")
    expect(timeline).to_contain_text("2019")
    expect(timeline).to_contain_text("Quốc gia")
