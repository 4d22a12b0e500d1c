"""The contract suite's catalog: real pages, chosen to exercise Vietnamese matching."""

import unicodedata

from tests.factories import (
    CategoryFactory,
    DistrictFactory,
    ProducerPageFactory,
    ProductPageFactory,
    TrademarkFactory,
)

# Rich text as editors and the importer store it: markup written as text is an entity.
RICH_TEXT = (
    "<p>Rượu nếp cái hoa vàng &lt;script&gt;alert(1)&lt;/script&gt; "
    "ủ men &quot;truyền thống&quot; &amp; hương quế</p>"
)
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
    ("vai", "Rượu làng Vân", "food", [("national", 2020)], {"description": RICH_TEXT}),
]


def build():
    food = CategoryFactory(name="Chế biến nông, lâm, thủy sản", slug="thuc-pham")
    noodles = CategoryFactory(name="Mỳ, bún, bánh", slug="my-bun", parent=food)
    crafts = CategoryFactory(name="Thủ công mỹ nghệ", slug="thu-cong")
    machines = CategoryFactory(name="Máy móc, thiết bị", slug="may-moc")
    categories = {"food": food, "noodles": noodles, "crafts": crafts, "machines": machines}
    luc_ngan = DistrictFactory(name="Lục Ngạn", slug="luc-ngan")
    tan_yen = DistrictFactory(name="Tân Yên", slug="tan-yen")
    viet_yen = DistrictFactory(name="Việt Yên", slug="viet-yen")
    producers = {
        # An NFD-encoded name, as some spreadsheets and keyboards produce.
        "vai": ProducerPageFactory(
            title=unicodedata.normalize("NFD", "HTX Nông sản Lục Ngạn"),
            district=luc_ngan,
            legal_form="cooperative",
        ),
        "chu": ProducerPageFactory(
            title="Cơ sở Mỳ Chũ Nam Giang", district=luc_ngan, legal_form="household"
        ),
        "tre": ProducerPageFactory(
            title="Làng nghề mây tre Tăng Tiến", district=viet_yen, legal_form="craft_village"
        ),
        "may": ProducerPageFactory(
            title="Công ty Cơ khí Tân Yên", district=tan_yen, legal_form="enterprise"
        ),
    }
    mark = TrademarkFactory(mark="Mỳ Chũ", kind="collective", registration_number="4-0001-000")
    products = {}
    for producer, title, category, certs, extra in PRODUCTS:
        fields = {"intro": f"{title}: đặc sản của tỉnh."}
        if extra.get("description"):  # no intro: the summary is made from the description
            fields = {"intro": "", "description": extra["description"]}
        if extra.get("trademark"):
            fields["trademark"] = mark
        products[title] = ProductPageFactory(
            producer=producers[producer],
            title=title,
            category=categories[category],
            certifications=certs,
            **fields,
        )
    return {"producers": producers, "products": products, "categories": categories}
