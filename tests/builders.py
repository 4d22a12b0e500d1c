"""Small builders for test content: real pages in the real tree, published like an editor would."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from fairs import structure as fairs_structure
from fairs.models import Exhibit, FairIndexPage, FairPage
from products.models import (
    Category,
    Certification,
    District,
    ProducerIndexPage,
    ProducerPage,
    ProductPage,
    Trademark,
)
from products.structure import ensure_sections


def make_image(title="Ảnh sản phẩm", colour=(31, 111, 67)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    return get_image_model().objects.create(
        title=title, description=title, file=ImageFile(buffer, name="test.jpg")
    )


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_producer(title, district, legal_form="cooperative", **fields):
    index = ensure_sections()[ProducerIndexPage]
    fields.setdefault("address", f"Thôn Trung, {district.name}")
    return publish(
        index, ProducerPage(title=title, district=district, legal_form=legal_form, **fields)
    )


def make_product(producer, title, category, certifications=(), **fields):
    """certifications: (level, year) pairs, or dicts of Certification fields."""
    product = ProductPage(title=title, category=category, **fields)
    for cert in certifications:
        values = cert if isinstance(cert, dict) else {"level": cert[0], "year": cert[1]}
        product.certifications.add(Certification(**values))
    return publish(producer, product)


def small_catalog():
    """Two districts, two categories (one with a sub-category), three producers, five products."""
    food = Category.objects.create(name="Chế biến nông, lâm, thủy sản", slug="thuc-pham")
    noodles = Category.objects.create(name="Mỳ, bún", slug="my-bun", parent=food)
    crafts = Category.objects.create(name="Thủ công mỹ nghệ", slug="thu-cong")
    luc_ngan = District.objects.create(name="Lục Ngạn", slug="luc-ngan")
    yen_the = District.objects.create(name="Yên Thế", slug="yen-the")
    chu = make_producer("HTX Mỳ Chũ Nam Giang", luc_ngan, "cooperative", phone="0204 3882 111")
    may = make_producer("Cơ sở mây tre đan Tăng Tiến", yen_the, "household")
    ga = make_producer("Công ty TNHH Gà đồi Yên Thế", yen_the, "enterprise")
    mark = Trademark.objects.create(
        mark="Mỳ Chũ",
        kind=Trademark.Kind.COLLECTIVE,
        registration_number="4-0123456-000",
        owner=chu,
    )
    products = {
        "my_chu": make_product(
            chu,
            "Mỳ Chũ gạo bao thai",
            noodles,
            [("provincial", 2016), ("regional", 2017)],
            trademark=mark,
        ),
        "my_do": make_product(chu, "Mỳ gạo đỏ", noodles, [("provincial", 2018)]),
        "lang_may": make_product(may, "Làn mây đan tay", crafts, [("national", 2019)]),
        "khay": make_product(may, "Khay tre cuốn", crafts, [("provincial", 2016)]),
        "ga": make_product(ga, "Gà đồi ủ muối", food, [("regional", 2020)]),
    }
    return {
        "categories": {"food": food, "noodles": noodles, "crafts": crafts},
        "districts": {"luc_ngan": luc_ngan, "yen_the": yen_the},
        "producers": {"chu": chu, "may": may, "ga": ga},
        "products": products,
        "trademark": mark,
    }


def make_fair(title, start, end=None, scope="provincial", exhibits=(), **fields):
    """exhibits: (producer, booth, [products]) triples."""
    index = fairs_structure.ensure_sections()[FairIndexPage]
    fields.setdefault("venue", "Quảng trường 3 tháng 2")
    fields.setdefault("city", "Bắc Giang")
    fair = FairPage(title=title, start_date=start, end_date=end or start, scope=scope, **fields)
    fair.exhibits = [
        Exhibit(producer=producer, booth=booth, products=products, sort_order=order)
        for order, (producer, booth, products) in enumerate(exhibits)
    ]
    return publish(index, fair)
