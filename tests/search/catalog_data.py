"""The contract suite's catalog: real pages, chosen to exercise Vietnamese matching."""

import unicodedata

from products.models import Category, District
from tests.builders import make_producer, make_product

PRODUCTS = [
    # (producer key, title, category, certifications, extra fields)
    ("vai", "Vải thiều Lục Ngạn sấy khô", "food", [("national", 2018), ("regional", 2017)], {}),
    ("vai", "Mật ong Bản Pác", "food", [("provincial", 2015)], {}),
    ("chu", "Mỳ Chũ gạo bao thai", "noodles", [("regional", 2016)], {"trademark": True}),
    ("chu", "Bánh đa Kế", "noodles", [("provincial", 2019)], {}),
    ("tre", "Bàn ghế tre Tăng Tiến", "crafts", [("provincial", 2016)], {}),
    ("tre", "Chè xanh Hòa Bình", "food", [("provincial", 2020)], {}),
    ("may", "Máy tuốt lúa kỹ thuật mới", "machines", [("regional", 2014)], {}),
    ("may", "Nước mắm Thuỷ Phương", "food", [("provincial", 2017)], {}),
    ("vai", "Rượu làng Vân", "food", [("national", 2020)], {}),
]


def build():
    food = Category.objects.create(name="Chế biến nông, lâm, thủy sản", slug="thuc-pham")
    noodles = Category.objects.create(name="Mỳ, bún, bánh", slug="my-bun", parent=food)
    crafts = Category.objects.create(name="Thủ công mỹ nghệ", slug="thu-cong")
    machines = Category.objects.create(name="Máy móc, thiết bị", slug="may-moc")
    categories = {"food": food, "noodles": noodles, "crafts": crafts, "machines": machines}
    luc_ngan = District.objects.create(name="Lục Ngạn", slug="luc-ngan")
    tan_yen = District.objects.create(name="Tân Yên", slug="tan-yen")
    viet_yen = District.objects.create(name="Việt Yên", slug="viet-yen")
    producers = {
        # An NFD-encoded name, as some spreadsheets and keyboards produce.
        "vai": make_producer(
            unicodedata.normalize("NFD", "HTX Nông sản Lục Ngạn"), luc_ngan, "cooperative"
        ),
        "chu": make_producer("Cơ sở Mỳ Chũ Nam Giang", luc_ngan, "household"),
        "tre": make_producer("Làng nghề mây tre Tăng Tiến", viet_yen, "craft_village"),
        "may": make_producer("Công ty Cơ khí Tân Yên", tan_yen, "enterprise"),
    }
    from products.models import Trademark

    mark = Trademark.objects.create(
        mark="Mỳ Chũ", kind="collective", registration_number="4-0001-000"
    )
    products = {}
    for producer, title, category, certs, extra in PRODUCTS:
        fields = {"intro": f"{title}: đặc sản của tỉnh."}
        if extra.get("trademark"):
            fields["trademark"] = mark
        products[title] = make_product(
            producers[producer], title, categories[category], certs, **fields
        )
    return {"producers": producers, "products": products, "categories": categories}
