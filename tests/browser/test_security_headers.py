"""The site, the Wagtail admin and the API docs work under the Content-Security-Policy
(catalog/settings/base.py): Chromium reports no violation while each page does its job."""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.factories import small_catalog

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Mat-khau-thu-2024"
# Runs before any script of the page (Playwright injects it outside the page's policy) and
# keeps every violation the browser reports, with what was blocked and by which directive.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`
    + ` at ${e.sourceFile}:${e.lineNumber} (${e.sample})`);
});
"""


@pytest.fixture
def watched(page):
    """The page, recording CSP violations from the DOM event and the console."""
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    page.add_init_script(RECORD_VIOLATIONS)
    page.console_violations = console
    return page


def violations(page):
    return page.console_violations + page.evaluate("window.__csp || []")


def assert_no_violation(page):
    page.wait_for_timeout(300)  # violation events are dispatched asynchronously
    found = violations(page)
    assert not found, "\n".join(found)


def log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_public_pages_and_their_scripts_work_under_the_policy(live_server, watched):
    page = watched
    catalog = small_catalog()
    page.goto(live_server.url + "/")
    expect(page.get_by_role("searchbox")).to_be_visible()
    assert_no_violation(page)

    page.goto(live_server.url + catalog["products"]["my_chu"].url)
    expect(page.get_by_role("heading", level=1)).to_have_text(catalog["products"]["my_chu"].title)
    assert_no_violation(page)

    page.goto(live_server.url + "/tim-kiem/")
    box = page.get_by_role("searchbox")
    box.press_sequentially("lan ma", delay=40)
    expect(page.get_by_role("option").filter(has_text="Làn mây đan tay")).to_be_visible()
    page.goto(live_server.url + "/tim-kiem/?q=my")
    page.get_by_text("Bộ lọc", exact=True).click()
    expect(page.locator("[data-facet=level]")).to_be_visible()
    assert_no_violation(page)


def test_api_docs_render_under_the_policy(live_server, watched):
    page = watched
    page.goto(live_server.url + "/api/v1/docs")
    operations = page.locator(".opblock-summary-path")
    expect(operations.first).to_be_visible()
    assert operations.count() >= 10
    operations.filter(has_text="/api/v1/search").first.click()
    expect(page.locator(".parameters").first).to_contain_text("has_trademark")
    assert_no_violation(page)


def test_admin_editing_works_under_the_policy(live_server, watched, django_user_model, tmp_path):
    page = watched
    catalog = small_catalog()
    django_user_model.objects.create_superuser("quantri", "qt@khuyencong.vn", PASSWORD)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server.url, "quantri")
    assert_no_violation(page)

    # A product: rich text (Draftail), an inline image chosen after uploading it in the chooser.
    product = catalog["products"]["my_chu"]
    page.goto(f"{live_server.url}/admin/pages/{product.pk}/edit/")
    editor_box = page.locator("[data-contentpath=description] [contenteditable=true]")
    editor_box.click()
    page.keyboard.type("Sợi mỳ dai.")
    expect(page.locator("input[name=description]")).to_have_value(re.compile("Sợi mỳ dai"))
    page.locator("#id_images-ADD").click()
    child = page.locator("#id_images-FORMS > [data-inline-panel-child]").last
    child.locator("[data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-dialog")
    expect(modal).to_be_visible()
    photo = tmp_path / "lang-may.png"
    Image.new("RGB", (64, 48), "olive").save(photo)
    modal.locator("#tab-label-upload").click()
    modal.locator("input[type=file]").set_input_files(photo)
    modal.locator("input[name='image-chooser-upload-title']").fill("Làn mây")
    modal.locator("#tab-upload form button[type=submit]").first.click()
    expect(modal).to_be_hidden()
    expect(child.locator(".chooser__title")).to_have_text("Làn mây")
    page.locator("footer button.action-save").first.click()
    expect(page.locator(".messages")).to_be_visible()
    assert_no_violation(page)

    # A producer: its StreamField story gets a block.
    producer = catalog["producers"]["chu"]
    page.goto(f"{live_server.url}/admin/pages/{producer.pk}/edit/")
    story = page.locator("[data-contentpath=story]")
    blocks = story.locator("[data-streamfield-child]")
    before = blocks.count()
    story.locator(".c-sf-add-button").first.click()
    page.locator(".w-combobox__option").first.click()
    expect(blocks).to_have_count(before + 1)
    assert_no_violation(page)
