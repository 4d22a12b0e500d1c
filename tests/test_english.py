"""The English detector that the producers' browser test relies on, and Wagtail's JavaScript
strings, which no page text shows until a script prints them."""

import json
import re
from pathlib import Path

import polib
import wagtail

from tests.english import PLACEHOLDER, english_in, untranslated_wagtail_strings


def test_the_detector_finds_wagtail_english_and_passes_vietnamese():
    english = untranslated_wagtail_strings()
    assert "Editing %(page_type)s" not in english  # translated by the project
    assert "Bulk actions" in english  # still English in Wagtail 8.0's Vietnamese catalogue
    assert english_in("Trợ giúp\nBULK ACTIONS\nTiêu đề") == ["Bulk actions"]
    assert english_in("Sửa Sản phẩm: Mỳ Chũ\n3 trang\tVừa xong\nKhoá: Đã được mở khóa") == []


def test_a_placeholder_stands_for_any_words_and_a_label_ends_at_its_colon():
    with_placeholder = next(m for m in sorted(untranslated_wagtail_strings()) if "%(" in m)
    text = PLACEHOLDER.sub("Mỳ Chũ", with_placeholder)
    assert with_placeholder in english_in(f"Tiêu đề\t{text}")
    assert "Bulk actions" in english_in("Bulk actions: 3")


def test_every_wagtail_admin_script_string_is_vietnamese(client):
    """The admin's JavaScript catalogue (Wagtail's, merged with locale/vi's djangojs.po)."""
    body = client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", body, re.S).group(1))
    source = Path(wagtail.__file__).parent / "admin/locale/en/LC_MESSAGES/djangojs.po"
    missing = [entry.msgid for entry in polib.pofile(str(source)) if entry.msgid not in catalog]
    assert missing == []
