"""The small catalog most tests share (the `catalog` fixture), made with tests.factories."""

from products.models import Trademark
from tests.factories import (
    CategoryFactory,
    DistrictFactory,
    ProducerPageFactory,
    ProductPageFactory,
    TrademarkFactory,
)


def small_catalog():
    """Two districts, two categories (one with a sub-category), three producers, five products."""
    food = CategoryFactory(name="Chế biến nông, lâm, thủy sản", slug="thuc-pham")
    noodles = CategoryFactory(name="Mỳ, bún", slug="my-bun", parent=food)
    crafts = CategoryFactory(name="Thủ công mỹ nghệ", slug="thu-cong")
    luc_ngan = DistrictFactory(name="Lục Ngạn", slug="luc-ngan")
    yen_the = DistrictFactory(name="Yên Thế", slug="yen-the")
    chu = ProducerPageFactory(
        title="HTX Mỳ Chũ Nam Giang",
        district=luc_ngan,
        legal_form="cooperative",
        phone="0204 3882 111",
    )
    may = ProducerPageFactory(
        title="Cơ sở mây tre đan Tăng Tiến", district=yen_the, legal_form="household"
    )
    ga = ProducerPageFactory(
        title="Công ty TNHH Gà đồi Yên Thế", district=yen_the, legal_form="enterprise"
    )
    mark = TrademarkFactory(
        mark="Mỳ Chũ",
        kind=Trademark.Kind.COLLECTIVE,
        registration_number="4-0123456-000",
        owner=chu,
    )
    products = {
        "my_chu": ProductPageFactory(
            producer=chu,
            title="Mỳ Chũ gạo bao thai",
            category=noodles,
            certifications=[("provincial", 2016), ("regional", 2017)],
            trademark=mark,
        ),
        "my_do": ProductPageFactory(
            producer=chu, title="Mỳ gạo đỏ", category=noodles, certifications=[("provincial", 2018)]
        ),
        "lang_may": ProductPageFactory(
            producer=may,
            title="Làn mây đan tay",
            category=crafts,
            certifications=[("national", 2019)],
        ),
        "khay": ProductPageFactory(
            producer=may,
            title="Khay tre cuốn",
            category=crafts,
            certifications=[("provincial", 2016)],
        ),
        "ga": ProductPageFactory(
            producer=ga, title="Gà đồi ủ muối", category=food, certifications=[("regional", 2020)]
        ),
    }
    return {
        "categories": {"food": food, "noodles": noodles, "crafts": crafts},
        "districts": {"luc_ngan": luc_ngan, "yen_the": yen_the},
        "producers": {"chu": chu, "may": may, "ga": ga},
        "products": products,
        "trademark": mark,
    }
