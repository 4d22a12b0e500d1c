"""Standard pages: plain content under the home page."""

import pytest

from catalog.base.models import StandardPage
from catalog.base.structure import home_page

pytestmark = pytest.mark.django_db


def test_standard_page_renders(client, catalog):
    page = StandardPage(title="Giới thiệu", slug="gioi-thieu", intro="Trung tâm Khuyến công")
    home_page().add_child(instance=page)
    page.save_revision().publish()
    assert "Trung tâm Khuyến công" in client.get("/gioi-thieu/").content.decode()
