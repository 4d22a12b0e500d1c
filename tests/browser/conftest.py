"""Browser tests drive Debian's Chromium through Playwright; no browser is downloaded."""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
# body are still synchronous, so its async-safety guard is lifted for these tests only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}; install Debian's chromium package.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def shot(page, name):
    """With GUIDE_SCREENSHOTS=folder, the step's screenshot for docs/guide.md.

    The viewport only (set it to 1280x800 first), as a 256-colour optimised PNG so each image
    stays well under 200 KB in the repository.
    """
    folder = os.environ.get("GUIDE_SCREENSHOTS")
    if not folder:
        return
    from io import BytesIO
    from pathlib import Path

    from PIL import Image

    Path(folder).mkdir(parents=True, exist_ok=True)
    image = Image.open(BytesIO(page.screenshot())).convert("RGB")
    image = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    image.save(Path(folder) / f"{name}.png", optimize=True)


GUIDE_VIEWPORT = {"width": 1280, "height": 800}
