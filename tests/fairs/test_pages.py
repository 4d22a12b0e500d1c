"""Fair pages render, the index filters, histories show on producer and product pages, and
the calendar files are valid iCalendar."""

import datetime

import pytest
from icalendar import Calendar

from fairs.history import exhibit_history
from fairs.models import FairIndexPage
from fairs.structure import ensure_sections

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def fairs_url():
    return ensure_sections()[FairIndexPage].url


def test_index_splits_upcoming_and_past_and_hides_drafts(client, fairs):
    response = client.get(fairs_url())
    assert response.status_code == 200
    assert [f.title for f in response.context["upcoming"]] == ["Hội chợ Xuân sắp tới"]
    assert [f.title for f in response.context["past"]] == [
        "Hội chợ Triển lãm Quốc tế Việt – Nga 2019",
        "Hội chợ CNNT khu vực phía Bắc 2017",
    ]
    assert "Hội chợ nháp" not in response.content.decode()


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"year": "2017"}, ["Hội chợ CNNT khu vực phía Bắc 2017"]),
        ({"scope": "international"}, ["Hội chợ Triển lãm Quốc tế Việt – Nga 2019"]),
        ({"year": "2019", "scope": "national"}, []),
        ({"year": "abc", "scope": "nowhere"}, None),  # ignored, never an error
    ],
)
def test_index_filters_by_year_and_scope(client, fairs, params, titles):
    response = client.get(fairs_url(), params)
    assert response.status_code == 200
    past = [f.title for f in response.context["past"]]
    if titles is None:
        assert len(past) == 2
    else:
        assert past == titles
        if not titles:
            assert "empty" in response.content.decode()


def test_fair_page_shows_facts_exhibitors_and_calendar_link(client, fairs):
    fair = fairs["2019"]
    html = client.get(fair.url).content.decode()
    assert "Hội chợ Triển lãm Quốc tế Việt – Nga 2019" in html
    assert "VN-07" in html
    assert "HTX Mỳ Chũ Nam Giang" in html
    assert "Mỳ gạo đỏ" in html
    assert "Bộ Công Thương" in html
    assert f'href="{fair.url}lich/"' in html


def test_exhibit_history_for_producer_and_product(fairs, catalog):
    chu = catalog["producers"]["chu"]
    history = exhibit_history(chu)
    assert [(e.fair.title, e.booth) for e in history["past"]] == [
        ("Hội chợ Triển lãm Quốc tế Việt – Nga 2019", "VN-07"),
        ("Hội chợ CNNT khu vực phía Bắc 2017", "B12"),
    ]
    assert history["next"].fair.title == "Hội chợ Xuân sắp tới"
    my_chu = exhibit_history(catalog["products"]["my_chu"])
    assert [e.booth for e in my_chu["past"]] == ["VN-07", "B12"]
    assert my_chu["next"] is None
    assert exhibit_history(catalog["producers"]["ga"]) == {"past": [], "next": None}


def test_producer_and_product_pages_show_their_fair_history(client, fairs, catalog):
    html = client.get(catalog["producers"]["chu"].url).content.decode()
    assert html.index("Hội chợ Triển lãm Quốc tế Việt – Nga 2019") < html.index(
        "Hội chợ CNNT khu vực phía Bắc 2017"
    )
    assert "VN-07" in html
    assert "Hội chợ Xuân sắp tới" in html
    product_html = client.get(catalog["products"]["my_do"].url).content.decode()
    assert "Hội chợ Triển lãm Quốc tế Việt – Nga 2019" in product_html
    assert "Hội chợ Xuân sắp tới" in product_html
    assert "Hội chợ CNNT khu vực phía Bắc 2017" not in product_html
    assert "fair-history" not in client.get(catalog["producers"]["ga"].url).content.decode()


def parse(response):
    assert response["Content-Type"].startswith("text/calendar")
    assert response.content.startswith(b"BEGIN:VCALENDAR\r\n")
    return Calendar.from_ical(response.content)


def test_a_fairs_calendar_file_is_valid_icalendar(client, fairs):
    fair = fairs["2019"]
    response = client.get(fair.url + "lich/")
    assert 'filename="' in response["Content-Disposition"]
    calendar = parse(response)
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["PRODID"]
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == fair.title
    assert event.decoded("DTSTART") == datetime.date(2019, 9, 24)
    assert event.decoded("DTEND") == datetime.date(2019, 9, 29)  # exclusive end
    assert event["UID"]
    assert event["DTSTAMP"]
    assert "Hà Nội" in str(event["LOCATION"])
    assert str(event["URL"]).endswith(fair.url)


def test_the_upcoming_calendar_lists_only_fairs_not_yet_ended(client, fairs):
    calendar = parse(client.get(fairs_url() + "lich/"))
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Hội chợ Xuân sắp tới"]
    assert events[0].decoded("DTSTART") == TODAY + datetime.timedelta(days=30)
