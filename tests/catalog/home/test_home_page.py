"""The home page leads buyers to every section and sums up the catalog."""

import pytest

pytestmark = pytest.mark.django_db


def test_home_page_links_to_every_section(client, catalog):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/tim-kiem/" in html
    assert "/nha-san-xuat/" in html
    assert "/nhan-hieu/" in html


def test_home_page_counts_products_per_level(client, catalog):
    levels = {value: count for value, _label, count in client.get("/").context["levels"]}
    assert levels == {"provincial": 3, "regional": 2, "national": 1}


def test_home_page_shows_next_fairs_and_latest_news(client, catalog):
    import datetime

    from catalog.home.structure import ensure_sections as home_sections
    from fairs.structure import ensure_sections as fair_sections
    from tests.factories import FairPageFactory, NewsPageFactory

    html = client.get("/").content.decode()
    assert "Chưa có hội chợ nào được công bố." in html or "No fair is announced yet." in html
    today = datetime.date.today()
    fair_sections()
    home_sections()
    FairPageFactory(
        title="Hội chợ sắp tới",
        start_date=today + datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=14),
    )
    FairPageFactory(
        title="Hội chợ đã qua",
        start_date=today - datetime.timedelta(days=40),
        end_date=today - datetime.timedelta(days=35),
    )
    NewsPageFactory(title="Tin mới nhất", date=today)
    html = client.get("/").content.decode()
    assert "Hội chợ sắp tới" in html
    assert "Hội chợ đã qua" not in html
    assert "Tin mới nhất" in html
