"""The guide's steps (docs/guide.md) driven in Chromium; with GUIDE_SCREENSHOTS=docs/img each
step also leaves the screenshot the guide shows."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from catalog.home.models import BulletinPage, NewsPage
from products.producer_access import invite, setup_roles
from tests.browser.conftest import GUIDE_VIEWPORT, shot
from tests.browser.test_producer_moderation import PASSWORD, click_action, log_in
from tests.factories import NewsPageFactory, small_catalog

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def people(django_user_model):
    catalog = small_catalog()
    setup_roles()
    producer_user, _created, _link = invite(catalog["producers"]["chu"], "a@mychu.vn", "An")
    producer_user.set_password(PASSWORD)
    producer_user.save()
    editor = django_user_model.objects.create_user("bientap", "bt@khuyencong.vn", PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"), Group.objects.get(name="Moderators"))
    return catalog


def test_an_editor_publishes_drafts_a_bulletin_and_opens_producer_accounts(
    live_server, page, people
):
    news = NewsPageFactory(title="Khai mạc Hội chợ Xuân")
    page.set_viewport_size(GUIDE_VIEWPORT)
    log_in(page, live_server.url, "bientap")
    expect(page.locator(".staff-actions")).to_contain_text("Soạn bản tin quý")
    shot(page, "editor-dashboard")

    page.goto(f"{live_server.url}/admin/pages/{news.pk}/edit/")
    page.locator("input[name=title]").fill("Khai mạc Hội chợ Xuân 2026")
    shot(page, "publish-edit")
    click_action(page, "button[name='action-publish']")
    expect(page.locator(".messages")).to_be_visible()
    shot(page, "publish-done")
    news = NewsPage.objects.get(pk=news.pk)
    assert news.live
    assert news.title == "Khai mạc Hội chợ Xuân 2026"
    assert not news.has_unpublished_changes

    page.goto(live_server.url + "/admin/")
    page.locator(".staff-actions").get_by_role("link", name="Soạn bản tin quý").click()
    expect(page).to_have_url(re.compile(r"/admin/draft-bulletin/$"))
    page.locator("input[name=year]").fill("2025")
    page.locator("select[name=quarter]").select_option("2")
    shot(page, "bulletin-form")
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    shot(page, "bulletin-draft")
    draft = BulletinPage.objects.get(year=2025, quarter=2)
    assert not draft.live

    producer = people["producers"]["chu"]
    page.goto(f"{live_server.url}/admin/pages/{producer.pk}/edit/")
    button = page.locator("header a.producer-access-button")
    expect(button).to_be_visible()  # in the header, not under "…"
    expect(button).to_contain_text("Tài khoản cơ sở sản xuất")
    shot(page, "producer-accounts-button")
    button.click()
    expect(page).to_have_url(re.compile(rf"/admin/producer-access/{producer.pk}/$"))
    expect(page.locator("main")).to_contain_text("a@mychu.vn")
    shot(page, "producer-accounts")


def test_a_producer_sees_their_dashboard_and_edits_their_page(live_server, page, people):
    producer = people["producers"]["chu"]
    page.set_viewport_size(GUIDE_VIEWPORT)
    log_in(page, live_server.url, "a@mychu.vn")
    expect(page.locator("main")).to_contain_text(producer.title)
    shot(page, "producer-dashboard")
    page.goto(f"{live_server.url}/admin/pages/{producer.pk}/edit/")
    expect(page.locator("input[name=title]")).to_have_value(producer.title)
    expect(page.locator("header a.producer-access-button")).to_have_count(0)
    shot(page, "producer-edit")
