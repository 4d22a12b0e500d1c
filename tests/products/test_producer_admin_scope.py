"""A producer meets its own things in Vietnamese, and none of the centre's pages: menu
items and reports are hidden, and their URLs refused when typed."""

import pytest
from django.utils import translation
from wagtail.models import Site, Workflow

from products.producer_access import TASK_NAME, WORKFLOW_NAME, setup_roles

pytestmark = pytest.mark.django_db

CENTRE_URLS = [
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/reports/page-types-usage/",
    "/admin/reports/locked/",
    "/admin/workflows/list/",
    "/admin/workflows/tasks/index/",
    "/admin/settings/base/sitenavigation/",
    "/admin/snippets/products/trademark/",
]


@pytest.mark.parametrize("url", CENTRE_URLS)
def test_a_producer_is_refused_the_centres_pages(client, world, url):
    client.force_login(world.a)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", CENTRE_URLS[:5])
def test_the_centre_still_reaches_them(client, world, url):
    client.force_login(world.editor)
    assert client.get(url, follow=True).status_code == 200


def test_a_producer_cannot_change_the_site_settings(client, world):
    client.force_login(world.a)
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/base/sitenavigation/{site.pk}/"
    assert client.post(url, {"phone": "0900"}).status_code == 403


def test_the_producers_dashboard_has_a_guide_and_no_reports(client, world):
    client.force_login(world.a)
    html = client.get("/admin/").content.decode()
    assert "Bạn có thể làm gì ở đây" in html
    assert "/admin/reports/" not in html
    assert "/admin/workflows/" not in html
    assert "/admin/inquiries/" in html


def test_editors_see_their_actions_as_buttons(client, world):
    client.force_login(world.editor)
    html = client.get("/admin/").content.decode()
    assert "staff-actions" in html
    assert "Tài khoản cơ sở" in html or "Tài khoản" in html


def test_workflow_and_task_are_named_in_vietnamese(world, client):
    workflow = Workflow.objects.get(workflow_pages__page__slug="nha-san-xuat")
    assert workflow.name == WORKFLOW_NAME == "Trung tâm duyệt trang của cơ sở"
    assert workflow.tasks.get().name == TASK_NAME
    client.force_login(world.a)
    html = client.get(f"/admin/pages/{world.a_product.pk}/edit/").content.decode()
    assert "Gửi Trung tâm duyệt trang của cơ sở" in html


def test_a_renamed_workflow_keeps_its_name(world):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    workflow.name = "Duyệt của phòng Xúc tiến"
    workflow.save()
    assert setup_roles().pk == workflow.pk
    workflow.refresh_from_db()
    assert workflow.name == "Duyệt của phòng Xúc tiến"
    assert not Workflow.objects.filter(name=WORKFLOW_NAME).exists()


def test_the_rejection_email_reaches_the_producer_in_vietnamese(world, mailoutbox):
    page = world.a_product
    page.save_revision(user=world.a)
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    state = workflow.start(page, world.a)
    task_state = state.current_task_state.specific
    mailoutbox.clear()
    with translation.override("en"):  # an editor working in English rejects it
        task_state.task.specific.on_action(
            task_state, world.editor, "reject", comment="Ảnh sản phẩm bị mờ"
        )
    to_producer = [m for m in mailoutbox if m.to == [world.a.email]]
    assert to_producer
    for message in to_producer:
        assert "cần sửa" in message.subject + message.body
        assert "has been rejected" not in message.subject + message.body


def test_an_english_speaking_producer_gets_english(world, mailoutbox):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(world.a)
    profile.preferred_language = "en"
    profile.save()
    world.a.refresh_from_db()  # drops the cached profile
    page = world.a_product
    page.save_revision(user=world.a)
    state = Workflow.objects.get(name=WORKFLOW_NAME).start(page, world.a)
    task_state = state.current_task_state.specific
    mailoutbox.clear()
    task_state.task.specific.on_action(task_state, world.editor, "reject", comment="x")
    (message,) = [m for m in mailoutbox if m.to == [world.a.email]]
    assert "has been rejected" in message.subject + message.body
