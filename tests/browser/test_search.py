import re

import pytest
from playwright.sync_api import expect

from tests.factories import small_catalog

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_type_without_diacritics_pick_a_suggestion_then_filter(live_server, page):
    small_catalog()
    page.goto(live_server.url + "/tim-kiem/")
    box = page.get_by_role("searchbox")
    box.press_sequentially("lan ma", delay=40)
    suggestion = page.get_by_role("option").filter(has_text="Làn mây đan tay")
    expect(suggestion).to_be_visible()
    box.press("ArrowDown")
    expect(suggestion).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Làn mây đan tay")

    page.goto(live_server.url + "/tim-kiem/?q=my")
    expect(page.locator(".hits")).to_contain_text("Mỳ gạo đỏ")
    expect(page.locator("[data-facet=level]")).to_be_hidden()  # folded on a phone
    page.get_by_text("Bộ lọc", exact=True).click()
    page.locator("[data-facet=level]").get_by_role(
        "link", name=re.compile("Khu vực phía Bắc")
    ).click()
    expect(page).to_have_url(re.compile(r"level=regional"))
    expect(page.locator(".hits")).to_contain_text("Mỳ Chũ gạo bao thai")
    expect(page.locator(".hits")).not_to_contain_text("Mỳ gạo đỏ")

    chips = page.get_by_role("list", name="Bộ lọc đang áp dụng")
    chips.get_by_role("link", name=re.compile("Khu vực phía Bắc")).click()
    expect(page).not_to_have_url(re.compile(r"level="))
    expect(page.locator(".hits")).to_contain_text("Mỳ gạo đỏ")
