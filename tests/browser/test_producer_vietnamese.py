"""A producer meets no English: every admin page a producer account reaches is in Vietnamese.

Wagtail's own Vietnamese catalogue leaves most of its strings in English; the project
translates those a producer meets (catalog/base/admin_strings.py). This test reads each
page's visible text and fails on any Wagtail string still untranslated (tests/english.py), so
a Wagtail upgrade that adds new English is seen."""

import os
import re

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import expect
from wagtail.documents import get_document_model

from products.models import Inquiry
from products.producer_access import ensure_team, invite, setup_roles
from tests.browser.conftest import GUIDE_VIEWPORT
from tests.browser.test_producer_moderation import PASSWORD, click_action, log_in
from tests.english import english_in
from tests.factories import ImageFactory, small_catalog

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def producer_pages(catalog, image, document):
    producer = catalog["producers"]["chu"]
    product = catalog["products"]["my_chu"]
    return {
        "dashboard": "/admin/",
        "explorer": f"/admin/pages/{producer.pk}/",
        "page search": "/admin/pages/search/?q=m%E1%BB%B3",
        "add a page": f"/admin/pages/{producer.pk}/add_subpage/",
        "producer edit": f"/admin/pages/{producer.pk}/edit/",
        "product edit": f"/admin/pages/{product.pk}/edit/",
        "product create": f"/admin/pages/add/products/productpage/{producer.pk}/",
        "history": f"/admin/pages/{product.pk}/history/",
        "images": "/admin/images/",
        "image edit": f"/admin/images/{image.pk}/",
        "image upload": "/admin/images/multiple/add/",
        "documents": "/admin/documents/",
        "document edit": f"/admin/documents/edit/{document.pk}/",
        "document upload": "/admin/documents/multiple/add/",
        "account": "/admin/account/",
        "inquiries": "/admin/inquiries/",
    }


def visible_text(page, action_menu=True):
    """The page's visible text, with the action menu's labels and the fields' placeholders."""
    toggle = page.locator("footer [data-w-dropdown-target='toggle']")
    if action_menu and toggle.count():
        toggle.first.click()
    placeholders = page.locator("[placeholder]").evaluate_all(
        "nodes => nodes.map(node => node.getAttribute('placeholder'))"
    )
    return page.locator("body").inner_text() + "\n" + "\n".join(placeholders)


def producer_files(catalog):
    """An image, a document and an inquiry of the producer's own, so their screens have rows."""
    team = ensure_team(catalog["producers"]["chu"])
    image = ImageFactory(title="Sợi mỳ", collection=team.collection)
    document = get_document_model().objects.create(
        title="Quyết định công nhận",
        collection=team.collection,
        file=ContentFile(b"%PDF-1.4 test", name="quyet-dinh.pdf"),
    )
    inquiry = Inquiry.objects.create(
        producer=catalog["producers"]["chu"],
        product=catalog["products"]["my_chu"],
        name="Nguyễn Văn Khách",
        email="khach@example.vn",
        message="Xin báo giá 500 kg.",
    )
    return image, document, inquiry


def test_a_producer_meets_no_english(live_server, page):
    catalog = small_catalog()
    setup_roles()
    user, _created, _link = invite(catalog["producers"]["chu"], "a@mychu.vn", "An")
    user.set_password(PASSWORD)
    user.save()
    image, document, inquiry = producer_files(catalog)
    page.set_viewport_size(GUIDE_VIEWPORT)
    log_in(page, live_server.url, "a@mychu.vn")
    found = {}
    dump = os.environ.get("ENGLISH_DUMP")

    def check(name, action_menu=True):
        expect(page.locator("html")).to_have_attribute("lang", re.compile(r"^vi"))
        text = visible_text(page, action_menu)
        if dump:
            with open(dump, "a", encoding="utf-8") as out:
                out.write(f"===== {name}\n{text}\n")
        hits = english_in(text)
        if hits:
            found[name] = hits

    pages = producer_pages(catalog, image, document)
    pages["inquiry"] = f"/admin/inquiries/inspect/{inquiry.pk}/"
    for name, path in pages.items():
        response = page.goto(live_server.url + path)
        assert response.ok, (name, response.status)
        check(name)
    # The image chooser opens in a modal from the producer's edit page (its logo).
    page.goto(f"{live_server.url}/admin/pages/{catalog['producers']['chu'].pk}/edit/")
    page.get_by_role("button", name="Chọn một hình ảnh").first.click()
    expect(page.locator(".modal-content")).to_be_visible()
    page.wait_for_load_state("networkidle")
    check("image chooser", action_menu=False)
    # Sent for review: the edit page then shows the workflow's state, and its side panels.
    page.goto(f"{live_server.url}/admin/pages/{catalog['products']['my_chu'].pk}/edit/")
    click_action(page, "button[name='action-submit']")
    expect(page.locator(".messages")).to_be_visible()
    check("submitted")
    toggles = page.locator("[data-side-panel-toggle]")
    for index in range(toggles.count()):
        toggles.nth(index).click()
        page.wait_for_load_state("networkidle")
        check(f"side panel {index + 1}", action_menu=False)
    assert not found, f"English left on a producer's pages: {found}"
