import datetime

import pytest

from tests.factories import FairPageFactory

TODAY = datetime.date.today()


@pytest.fixture
def fairs(catalog):
    """Two past fairs, one upcoming, one draft; the Mỳ Chũ cooperative exhibits at three."""
    chu = catalog["producers"]["chu"]
    may = catalog["producers"]["may"]
    products = catalog["products"]
    past_2017 = FairPageFactory(
        title="Hội chợ CNNT khu vực phía Bắc 2017",
        start_date=datetime.date(2017, 10, 5),
        end_date=datetime.date(2017, 10, 9),
        scope="national",
        city="Thái Nguyên",
        programme_supported=True,
        exhibits=[(chu, "B12", [products["my_chu"]]), (may, "B13", [products["lang_may"]])],
    )
    past_2019 = FairPageFactory(
        title="Hội chợ Triển lãm Quốc tế Việt – Nga 2019",
        start_date=datetime.date(2019, 9, 24),
        end_date=datetime.date(2019, 9, 28),
        scope="international",
        city="Hà Nội",
        organiser="Bộ Công Thương",
        exhibits=[(chu, "VN-07", [products["my_chu"], products["my_do"]])],
    )
    upcoming = FairPageFactory(
        title="Hội chợ Xuân sắp tới",
        start_date=TODAY + datetime.timedelta(days=30),
        end_date=TODAY + datetime.timedelta(days=34),
        exhibits=[(chu, "X01", [products["my_do"]])],
    )
    draft = FairPageFactory(
        title="Hội chợ nháp",
        start_date=datetime.date(2018, 5, 1),
        end_date=datetime.date(2018, 5, 3),
        venue="Nhà văn hóa",
        exhibits=[(chu, "Z9", [products["my_chu"]])],
        publish=False,
    )
    return {"2017": past_2017, "2019": past_2019, "upcoming": upcoming, "draft": draft}
