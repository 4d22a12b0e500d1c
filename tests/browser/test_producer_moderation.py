import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from products.producer_access import invite, setup_roles
from tests.browser.conftest import GUIDE_VIEWPORT, shot
from tests.factories import small_catalog

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Mat-khau-thu-2024"


def log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def click_action(page, selector):
    """A button of the edit page's action menu, opening the menu when it is folded."""
    button = page.locator(f"footer {selector}").first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button.click()


def test_producer_edits_editor_approves_public_page_changes(
    live_server, page, browser, django_user_model
):
    catalog = small_catalog()
    setup_roles()
    product = catalog["products"]["my_chu"]
    producer_user, _created, _link = invite(catalog["producers"]["chu"], "a@mychu.vn")
    producer_user.set_password(PASSWORD)
    producer_user.save()
    editor = django_user_model.objects.create_user("bientap", "bt@khuyencong.vn", PASSWORD)
    editor.groups.add(Group.objects.get(name="Moderators"))
    page.set_viewport_size(GUIDE_VIEWPORT)

    log_in(page, live_server.url, "a@mychu.vn")
    page.goto(f"{live_server.url}/admin/pages/{product.pk}/edit/")
    expect(page.locator("input[name=title]")).to_have_value(product.title)
    expect(page.locator("[name=trademark]")).to_have_count(0)
    editor_box = page.locator("[data-contentpath=description] [contenteditable=true]")
    editor_box.click()
    page.keyboard.type("Sợi mỳ dai, không chất bảo quản.")
    expect(editor_box).to_contain_text("không chất bảo quản")
    expect(page.locator("input[name=description]")).to_have_value(re.compile("bảo quản"))
    shot(page, "moderation-producer-edit")
    click_action(page, "button[name='action-submit']")
    expect(page.locator(".messages")).to_be_visible()

    public = live_server.url + product.url
    page.goto(public)
    expect(page.locator(".prose")).not_to_contain_text("không chất bảo quản")

    context = browser.new_context(locale="vi-VN", viewport=GUIDE_VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, live_server.url, "bientap")
    expect(page.locator("main")).to_contain_text(product.title)  # awaiting their review
    shot(page, "moderation-dashboard")
    page.goto(f"{live_server.url}/admin/pages/{product.pk}/edit/")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    expect(page.locator("footer button[data-workflow-action-name='approve']").first).to_be_visible()
    shot(page, "moderation-approve")
    click_action(page, "button[data-workflow-action-name='approve']")
    expect(page).not_to_have_url(re.compile(r"/edit/$"))

    page.goto(public)
    expect(page.locator(".prose")).to_contain_text("Sợi mỳ dai, không chất bảo quản.")
    context.close()
