"""The slug Wagtail's admin writes while an editor types a Vietnamese title."""

import re

import pytest
from playwright.sync_api import expect

from catalog.base.models import StandardPage
from catalog.base.structure import home_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_typing_a_vietnamese_title_makes_a_transliterated_slug(
    live_server, page, django_user_model
):
    django_user_model.objects.create_superuser("admin", "a@kc.vn", "Mat-khau-thu-2024")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/admin/login/")
    page.locator("input[name=username]").fill("admin")
    page.locator("input[name=password]").fill("Mat-khau-thu-2024")
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto(f"{live_server.url}/admin/pages/add/base/standardpage/{home_page().pk}/")
    page.locator("input[name=title]").fill("Khai mạc Hội chợ Xuân Bắc Giang 2027")
    page.locator("input[name=title]").blur()
    slug = page.locator("input[name=slug]")
    expect(slug).to_have_value("khai-mac-hoi-cho-xuan-bac-giang-2027")
    publish = page.locator("footer button[name='action-publish']").first
    if not publish.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    publish.click()
    expect(page).not_to_have_url(re.compile(r"/add/"))
    assert StandardPage.objects.get().slug == "khai-mac-hoi-cho-xuan-bac-giang-2027"
