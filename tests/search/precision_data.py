"""The precision suite's catalog: issue 11's examples, each beside the decoys that a folded,
fuzzy or any-word match used to bring (mỹ nghệ and chủ yếu for `mỳ chũ`, bánh mì and đá for
`bánh đa kế`, hạ thổ for `gốm thổ hà`, phút and phủ for `đồng phú`, hiệu for `thieu`)."""

from tests.factories import (
    CategoryFactory,
    DistrictFactory,
    ProducerPageFactory,
    ProductPageFactory,
)

PRODUCTS = [
    # (producer key, title, category, certifications, intro)
    ("chu", "Mỳ Chũ gạo lứt", "noodles", [("provincial", 2016)], "Mỳ gạo lứt phơi nắng."),
    ("chu", "Mỳ Chũ gạo bao thai", "noodles", [("regional", 2017)], "Sợi mỳ dai, trắng ngà."),
    (
        "gom",
        "Chum sành Thổ Hà",
        "crafts",
        [("provincial", 2018)],
        "Chum sành dùng chủ yếu để ủ rượu, hàng mỹ nghệ của làng.",
    ),
    ("may", "Giỏ mây đựng quà", "crafts", [], "Quà tặng của chủ nhà, hàng mỹ nghệ đan tay."),
    ("ke", "Bánh đa Kế vừng đen", "noodles", [("provincial", 2019)], "Bánh đa nướng giòn."),
    (
        "ong",
        "Mật ong hoa nhãn",
        "food",
        [("provincial", 2015)],
        "Ăn kèm bánh mì hoặc pha với đá lạnh.",
    ),
    ("ong", "Rượu nếp hạ thổ", "food", [], "Rượu ủ trong chum gốm, hạ thổ một năm."),
    (
        "ong",
        "Gà đồi hun khói",
        "food",
        [],
        "Chỉ cần hấp lại 15 phút; hun khói tự động, phủ lá chuối.",
    ),
    ("che", "Chè xanh Đồng Phú", "food", [("national", 2020)], "Chè trồng ở xã Đồng Phú."),
    ("che", "Vải thiều sấy khô", "food", [], "Vải thiều Lục Ngạn sấy khô nguyên quả."),
    ("may", "Máy sấy hiệu năng cao", "machines", [], "Thương hiệu uy tín, hiệu suất cao."),
    ("may", "Thiết bị sấy lạnh", "machines", [], "Sấy lạnh cho rau củ."),
    ("ong", "Trà vàng hoa sen", "food", [], "Trà ướp hương sen."),
    ("ong", "Rượu nếp cái hoa vàng Vân Hương", "food", [], "Rượu nếp ủ men lá."),
]


def build():
    food = CategoryFactory(name="Chế biến nông sản", slug="che-bien")
    noodles = CategoryFactory(name="Mỳ, bún, bánh đa", slug="my-bun", parent=food)
    crafts = CategoryFactory(name="Thủ công mỹ nghệ", slug="thu-cong")
    machines = CategoryFactory(name="Máy móc", slug="may-moc")
    categories = {"food": food, "noodles": noodles, "crafts": crafts, "machines": machines}
    luc_ngan = DistrictFactory(name="Lục Ngạn", slug="luc-ngan")
    viet_yen = DistrictFactory(name="Việt Yên", slug="viet-yen")
    producers = {
        "chu": ProducerPageFactory(title="Làng nghề mỳ Chũ", district=luc_ngan),
        "gom": ProducerPageFactory(title="Làng nghề gốm Thổ Hà", district=viet_yen),
        "may": ProducerPageFactory(title="Cơ sở mây tre Tăng Tiến", district=viet_yen),
        "ke": ProducerPageFactory(title="Làng nghề bánh đa Kế", district=viet_yen),
        "ong": ProducerPageFactory(title="Hợp tác xã Ong Tân Yên", district=viet_yen),
        "che": ProducerPageFactory(title="Hợp tác xã Nông sản Xanh", district=luc_ngan),
    }
    products = {
        title: ProductPageFactory(
            producer=producers[producer],
            title=title,
            category=categories[category],
            certifications=certifications,
            intro=intro,
        )
        for producer, title, category, certifications, intro in PRODUCTS
    }
    return {"producers": producers, "products": products, "categories": categories}
