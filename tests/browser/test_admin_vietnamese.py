"""A producer meets no English: every admin page a producer account reaches is in Vietnamese.

Wagtail's own Vietnamese catalogue leaves most of its strings in English; the project
translates those a producer meets (catalog/base/admin_strings.py). This test reads each
page's visible text and fails on any Wagtail string still untranslated (tests/english.py), so
a Wagtail upgrade that adds new English is seen."""

import os
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import expect

from products.models import Category, CraftVillage, District, Inquiry, Trademark
from products.producer_access import STAFF_GROUPS, ensure_team, invite, setup_roles
from tests.browser.conftest import GUIDE_VIEWPORT
from tests.browser.test_producer_moderation import PASSWORD, click_action, log_in
from tests.english import english_in
from tests.factories import ImageFactory, small_catalog
from tests.products.conftest import make_document

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def producer_pages(catalog, image, document, inquiry):
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
        "inquiry": f"/admin/inquiries/inspect/{inquiry.pk}/",
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
    document = make_document("Quyết định công nhận", team.collection)
    inquiry = Inquiry.objects.create(
        producer=catalog["producers"]["chu"],
        product=catalog["products"]["my_chu"],
        name="Nguyễn Văn Khách",
        email="khach@example.vn",
        message="Xin báo giá 500 kg.",
    )
    return image, document, inquiry


class Sweep:
    """Reads screens one after another and keeps, per screen, the English found on it."""

    def __init__(self, page, base):
        self.page, self.base, self.found = page, base, {}
        self.dump = os.environ.get("ENGLISH_DUMP")

    def check(self, name, action_menu=True):
        expect(self.page.locator("html")).to_have_attribute("lang", re.compile(r"^vi"))
        text = visible_text(self.page, action_menu)
        if self.dump:
            with open(self.dump, "a", encoding="utf-8") as out:
                out.write(f"===== {name}\n{text}\n")
        hits = english_in(text)
        if hits:
            self.found[name] = hits

    def visit(self, pages):
        for name, path in pages.items():
            response = self.page.goto(self.base + path)
            assert response.ok, (name, response.status)
            self.check(name)

    def side_panels(self, name):
        toggles = self.page.locator("[data-side-panel-toggle]")
        for index in range(toggles.count()):
            toggles.nth(index).click()
            self.page.wait_for_load_state("networkidle")
            self.check(f"{name}, side panel {index + 1}", action_menu=False)


def test_a_producer_meets_no_english(live_server, page):
    catalog = small_catalog()
    setup_roles()
    user, _created, _link = invite(catalog["producers"]["chu"], "a@mychu.vn", "An")
    user.set_password(PASSWORD)
    user.save()
    image, document, inquiry = producer_files(catalog)
    page.set_viewport_size(GUIDE_VIEWPORT)
    log_in(page, live_server.url, "a@mychu.vn")
    sweep = Sweep(page, live_server.url)
    sweep.visit(producer_pages(catalog, image, document, inquiry))
    # The image chooser opens in a modal from the producer's edit page (its logo).
    page.goto(f"{live_server.url}/admin/pages/{catalog['producers']['chu'].pk}/edit/")
    page.get_by_role("button", name="Chọn một hình ảnh").first.click()
    expect(page.locator(".modal-content")).to_be_visible()
    page.wait_for_load_state("networkidle")
    sweep.check("image chooser", action_menu=False)
    # Sent for review: the edit page then shows the workflow's state, and its side panels.
    page.goto(f"{live_server.url}/admin/pages/{catalog['products']['my_chu'].pk}/edit/")
    click_action(page, "button[name='action-submit']")
    expect(page.locator(".messages")).to_be_visible()
    sweep.check("submitted")
    sweep.side_panels("submitted")
    assert not sweep.found, f"English left on a producer's pages: {sweep.found}"


def editor_pages(catalog, image, document, inquiry):
    """The screens the centre's staff use every day: pages, moderation, snippets, settings,
    reports, inquiries, the import."""
    product = catalog["products"]["my_chu"]
    producer = catalog["producers"]["chu"]
    snippets = {
        f"{model._meta.verbose_name_plural}": reverse(
            f"wagtailsnippets_products_{model._meta.model_name}:list"
        )
        for model in (Category, District, CraftVillage, Trademark)
    }
    return {
        "dashboard": "/admin/",
        "explorer": f"/admin/pages/{producer.get_parent().pk}/",
        "page search": "/admin/pages/search/?q=m%E1%BB%B3",
        "product edit": f"/admin/pages/{product.pk}/edit/",
        "producer edit": f"/admin/pages/{producer.pk}/edit/",
        "producer access": reverse("producer_access", args=[producer.pk]),
        "category edit": reverse(
            "wagtailsnippets_products_category:edit", args=[product.category.pk]
        ),
        **snippets,
        "images": "/admin/images/",
        "image edit": f"/admin/images/{image.pk}/",
        "documents": "/admin/documents/",
        "document edit": f"/admin/documents/edit/{document.pk}/",
        "inquiries": "/admin/inquiries/",
        "inquiry": f"/admin/inquiries/inspect/{inquiry.pk}/",
        "import": reverse("catalog_import"),
        "site navigation": reverse("wagtailsettings:edit", args=["base", "sitenavigation"]),
        "locked pages": reverse("wagtailadmin_reports:locked_pages"),
        "workflow report": reverse("wagtailadmin_reports:workflow"),
        "site history": reverse("wagtailadmin_reports:site_history"),
        "aging pages": reverse("wagtailadmin_reports:aging_pages"),
        "workflows": reverse("wagtailadmin_workflows:index"),
        "account": "/admin/account/",
    }


def test_an_editor_meets_no_english(live_server, page, django_user_model):
    catalog = small_catalog()
    setup_roles()
    image, document, inquiry = producer_files(catalog)
    editor = django_user_model.objects.create_user("bientap", "bt@khuyencong.vn", PASSWORD)
    editor.groups.add(*Group.objects.filter(name__in=STAFF_GROUPS))
    page.set_viewport_size(GUIDE_VIEWPORT)
    log_in(page, live_server.url, "bientap")
    sweep = Sweep(page, live_server.url)
    sweep.visit(editor_pages(catalog, image, document, inquiry))
    page.goto(f"{live_server.url}/admin/pages/{catalog['products']['my_chu'].pk}/edit/")
    sweep.side_panels("product edit")
    assert not sweep.found, f"English left on an editor's pages: {sweep.found}"
