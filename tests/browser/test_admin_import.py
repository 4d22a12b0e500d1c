"""An editor imports a sheet through the admin: upload, preview, confirm."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from products.models import ProductPage
from products.producer_access import setup_roles
from tests.browser.conftest import GUIDE_VIEWPORT, shot
from tests.factories import small_catalog

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "Mat-khau-thu-2024"
SHEET = (
    "producer,producer_type,district,product,category,level,year,trademark,trademark_kind\n"
    "HTX Mây tre đan Tân Lạc,Hợp tác xã,Lục Ngạn,Giỏ mây đan tay,Thủ công mỹ nghệ,"
    "Cấp tỉnh,2024,Mây Tân Lạc,chỉ dẫn địa lý\n"
)


def test_an_editor_imports_a_sheet(live_server, page, django_user_model, tmp_path):
    small_catalog()
    setup_roles()
    editor = django_user_model.objects.create_user("bientap", "bt@khuyencong.vn", PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"))
    sheet = tmp_path / "danh-sach.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    page.set_viewport_size(GUIDE_VIEWPORT)
    page.goto(live_server.url + "/admin/login/")
    page.locator("input[name=username]").fill("bientap")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.get_by_role("link", name="Nhập từ bảng tính").first.click()
    expect(page).to_have_url(re.compile(r"/admin/import/$"))
    shot(page, "import-upload")
    page.locator("input[name=file]").set_input_files(str(sheet))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    expect(page).to_have_url(re.compile(r"/admin/import/\d+/$"))
    preview = page.locator("table.import-preview")
    expect(preview).to_contain_text("HTX Mây tre đan Tân Lạc")
    expect(preview).to_contain_text("Giỏ mây đan tay")
    expect(preview).to_contain_text("tạo mới")
    shot(page, "import-preview")
    assert not ProductPage.objects.filter(title="Giỏ mây đan tay").exists()

    page.get_by_role("button", name="Xác nhận nhập").click()
    expect(page.locator(".import-status")).to_contain_text("Đã nhập")
    shot(page, "import-done")
    product = ProductPage.objects.get(title="Giỏ mây đan tay")
    assert product.live
    assert product.trademark.kind == "geographical"
    page.goto(live_server.url + product.url)
    expect(page.locator("h1")).to_contain_text("Giỏ mây đan tay")
