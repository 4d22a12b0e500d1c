"""A producer meets no English: every admin page a producer account reaches is in Vietnamese.

Wagtail's own Vietnamese catalogue leaves some strings in English; the project translates
those (catalog/base/admin_strings.py). This test reads each page's visible text and fails on
the English phrases found there before, so a Wagtail upgrade that adds them back is seen."""

import os
import re

import pytest
from playwright.sync_api import expect

from products.producer_access import invite, setup_roles
from tests.browser.conftest import GUIDE_VIEWPORT
from tests.browser.test_producer_moderation import PASSWORD, log_in
from tests.factories import small_catalog

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# English phrases a producer met on these pages (Wagtail strings missing from its vi catalogue).
ENGLISH = (
    "Documents",
    "Skip to main content",
    "Site summary",
    "Promote",
    "The page title as you'd like it to be seen by the public",
    "Save draft",
    "More actions",
    "Live version",
    "Add an image",
    "Newest",
    "Oldest",
    "Add images",
    "Add documents",
    "Drag and drop images into this area to upload immediately.",
    "Drag and drop documents into this area to upload immediately.",
    "Or choose from your computer",
    "Notifications",
    "Name and Email",
    "Profile picture",
    "Theme preferences",
    "Keyboard shortcuts",
    "A comma-separated list of tags.",
    "Upload a profile picture:",
    "Enable custom keyboard shortcuts specific to Wagtail.",
    "System default",
    "More contrast",
    "Title: (A -> Z)",
    "Title: (Z -> A)",
    "File size: (low to high)",
    "File size: (high to low)",
    "Usage count: (low to high)",
    "Usage count: (high to low)",
    "editor guide",
    "Search all pages",
    "Page 1 of 1",
    "Multi-word tags",
    "Help",
    "Content",
    "Profile",
    "Created",
)
# (Loanwords the project keeps, as Vietnamese does: Email, Website, Logo.)


def producer_pages(catalog):
    producer = catalog["producers"]["chu"]
    product = catalog["products"]["my_chu"]
    return {
        "dashboard": "/admin/",
        "producer edit": f"/admin/pages/{producer.pk}/edit/",
        "product edit": f"/admin/pages/{product.pk}/edit/",
        "product create": f"/admin/pages/add/products/productpage/{producer.pk}/",
        "history": f"/admin/pages/{product.pk}/history/",
        "images": "/admin/images/",
        "image upload": "/admin/images/multiple/add/",
        "documents": "/admin/documents/",
        "document upload": "/admin/documents/multiple/add/",
        "account": "/admin/account/",
    }


def visible_text(page):
    """The page's visible text, with the action menu's labels and the fields' placeholders."""
    toggle = page.locator("footer [data-w-dropdown-target='toggle']")
    if toggle.count():
        toggle.first.click()
    placeholders = page.locator("[placeholder]").evaluate_all(
        "nodes => nodes.map(node => node.getAttribute('placeholder'))"
    )
    return page.locator("body").inner_text() + "\n" + "\n".join(placeholders)


def english_in(text):
    """The denylisted phrases in a page's text: a one-word phrase as a whole line (a label or a
    menu item), a longer one anywhere; case aside, as CSS may print labels in capitals."""
    lines = {line.strip().lower() for line in text.splitlines()}
    low = text.lower()
    return [
        phrase
        for phrase in ENGLISH
        if (phrase.lower() in lines if " " not in phrase else phrase.lower() in low)
    ]


def test_the_check_sees_english():
    assert english_in("Trợ giúp\nHelp\nLIVE VERSION") == ["Live version", "Help"]
    assert english_in("Tài liệu\nNội dung\nHelpful") == []


def test_a_producer_meets_no_english(live_server, page):
    catalog = small_catalog()
    setup_roles()
    user, _created, _link = invite(catalog["producers"]["chu"], "a@mychu.vn", "An")
    user.set_password(PASSWORD)
    user.save()
    page.set_viewport_size(GUIDE_VIEWPORT)
    log_in(page, live_server.url, "a@mychu.vn")
    found = {}
    dump = os.environ.get("ENGLISH_DUMP")
    for name, path in producer_pages(catalog).items():
        response = page.goto(live_server.url + path)
        assert response.ok, (name, response.status)
        expect(page.locator("html")).to_have_attribute("lang", re.compile(r"^vi"))
        text = visible_text(page)
        if dump:
            with open(dump, "a", encoding="utf-8") as out:
                out.write(f"===== {name}\n{text}\n")
        hits = english_in(text)
        if hits:
            found[name] = hits
    assert not found, f"English left on a producer's pages: {found}"
