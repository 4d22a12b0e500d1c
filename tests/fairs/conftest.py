import datetime

import pytest

from fairs.models import Exhibit, FairIndexPage, FairPage
from fairs.structure import ensure_sections
from tests.builders import make_fair

TODAY = datetime.date.today()


@pytest.fixture
def fairs(catalog):
    """Two past fairs, one upcoming, one draft; the Mỳ Chũ cooperative exhibits at three."""
    chu = catalog["producers"]["chu"]
    may = catalog["producers"]["may"]
    products = catalog["products"]
    past_2017 = make_fair(
        "Hội chợ CNNT khu vực phía Bắc 2017",
        datetime.date(2017, 10, 5),
        datetime.date(2017, 10, 9),
        scope="national",
        city="Thái Nguyên",
        programme_supported=True,
        exhibits=[(chu, "B12", [products["my_chu"]]), (may, "B13", [products["lang_may"]])],
    )
    past_2019 = make_fair(
        "Hội chợ Triển lãm Quốc tế Việt – Nga 2019",
        datetime.date(2019, 9, 24),
        datetime.date(2019, 9, 28),
        scope="international",
        city="Hà Nội",
        organiser="Bộ Công Thương",
        exhibits=[(chu, "VN-07", [products["my_chu"], products["my_do"]])],
    )
    upcoming = make_fair(
        "Hội chợ Xuân sắp tới",
        TODAY + datetime.timedelta(days=30),
        TODAY + datetime.timedelta(days=34),
        exhibits=[(chu, "X01", [products["my_do"]])],
    )
    draft = FairPage(
        title="Hội chợ nháp",
        start_date=datetime.date(2018, 5, 1),
        end_date=datetime.date(2018, 5, 3),
        venue="Nhà văn hóa",
        city="Bắc Giang",
        scope="provincial",
        live=False,
    )
    draft.exhibits = [Exhibit(producer=chu, booth="Z9", products=[products["my_chu"]])]
    ensure_sections()[FairIndexPage].add_child(instance=draft)
    return {"2017": past_2017, "2019": past_2019, "upcoming": upcoming, "draft": draft}
