import datetime
import re

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.factories import FairPageFactory, small_catalog

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_buyer_follows_a_producers_fair_history_and_downloads_the_calendar(live_server, page):
    catalog = small_catalog()
    chu = catalog["producers"]["chu"]
    FairPageFactory(
        title="Hội chợ Triển lãm Quốc tế Việt – Nga 2019",
        start_date=datetime.date(2019, 9, 24),
        end_date=datetime.date(2019, 9, 28),
        scope="international",
        city="Hà Nội",
        exhibits=[(chu, "VN-07", [catalog["products"]["my_chu"]])],
    )
    page.goto(live_server.url + chu.url)
    history = page.locator(".fair-history")
    expect(history).to_contain_text("VN-07")
    history.get_by_role("link", name="Hội chợ Triển lãm Quốc tế Việt – Nga 2019").click()
    expect(page).to_have_url(re.compile(r"/hoi-cho/.+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Hội chợ Triển lãm Quốc tế Việt – Nga 2019"
    )
    with page.expect_download() as info:
        page.locator("a.ical-link").click()
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(open(download.path(), "rb").read())  # noqa: SIM115
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Hội chợ Triển lãm Quốc tế Việt – Nga 2019"
    assert event.decoded("DTSTART") == datetime.date(2019, 9, 24)
