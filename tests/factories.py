"""factory-boy factories for test content: real pages in the real tree, published as an
editor would publish them (a revision, then its publication).

    product = ProductPageFactory(
        title="Mỳ Chũ gạo bao thai",
        producer=ProducerPageFactory(title="HTX Mỳ Chũ", district=luc_ngan),
        certifications=[("provincial", 2016), {"level": "regional", "year": 2017}],
    )

Page factories take `parent` (the page to add under; each has a sensible default) and publish
unless built with `publish=False`. wagtail-factories is not used: it declares Wagtail 7 only.
"""

import datetime
import io

import factory
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from catalog.home import structure as home_structure
from catalog.home.models import BulletinIndexPage, BulletinPage, NewsIndexPage, NewsPage
from fairs import structure as fairs_structure
from fairs.models import Exhibit, FairIndexPage, FairPage
from products import structure as products_structure
from products.models import (
    Category,
    Certification,
    District,
    ProducerIndexPage,
    ProducerPage,
    ProductPage,
    Trademark,
)

DAY_ONE = datetime.date(2020, 1, 1)  # default dates count on from it

# --- snippets and images ---------------------------------------------------------------------


def jpeg_file(colour, size=(64, 48), name="test.jpg"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    return ImageFile(buffer, name=name)


class ImageFactory(factory.django.DjangoModelFactory):
    """A small JPEG of one colour; its description (the alt text) is its title."""

    class Meta:
        model = get_image_model()

    class Params:
        colour = (31, 111, 67)

    title = "Ảnh sản phẩm"
    description = factory.SelfAttribute("title")
    file = factory.LazyAttribute(lambda o: jpeg_file(o.colour))


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Nhóm sản phẩm {n}")
    slug = factory.Sequence(lambda n: f"nhom-{n}")


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    name = factory.Sequence(lambda n: f"Huyện {n}")
    slug = factory.Sequence(lambda n: f"huyen-{n}")


class TrademarkFactory(factory.django.DjangoModelFactory):
    """A mark entered by hand; its slug comes from the mark, as in the admin."""

    class Meta:
        model = Trademark

    mark = factory.Sequence(lambda n: f"Nhãn hiệu {n}")


# --- pages -----------------------------------------------------------------------------------


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page under `parent`, then saves a revision and publishes it; with
    `publish=False` the page stays a draft (not live, no revision)."""

    class Meta:
        abstract = True

    parent = None
    publish = True

    @classmethod
    def _create(cls, model_class, *args, parent, publish, **fields):
        children = cls._pop_children(fields)
        if not publish:
            fields.setdefault("live", False)
        page = model_class(*args, **fields)
        cls._add_children(page, children)
        parent.add_child(instance=page)
        if publish:
            page.save_revision().publish()
            page.refresh_from_db()
        return page

    @classmethod
    def _pop_children(cls, fields):
        return None

    @classmethod
    def _add_children(cls, page, children):
        pass


class ProducerPageFactory(PageFactory):
    class Meta:
        model = ProducerPage

    parent = factory.LazyFunction(lambda: products_structure.ensure_sections()[ProducerIndexPage])
    title = factory.Sequence(lambda n: f"Cơ sở sản xuất {n}")
    district = factory.SubFactory(DistrictFactory)
    legal_form = "cooperative"
    address = factory.LazyAttribute(lambda o: f"Thôn Trung, {o.district.name}")


def certification(value):
    """A Certification from a (level, year) pair, a dict of its fields, or itself."""
    if isinstance(value, Certification):
        return value
    if isinstance(value, dict):
        return Certification(**value)
    level, year = value
    return Certification(level=level, year=year)


class ProductPageFactory(PageFactory):
    """A product under its producer's page; `certifications` are (level, year) pairs, dicts
    of Certification fields, or Certifications, saved with the page's first revision."""

    class Meta:
        model = ProductPage

    producer = factory.SubFactory(ProducerPageFactory)
    parent = factory.SelfAttribute("producer")
    title = factory.Sequence(lambda n: f"Sản phẩm {n}")
    category = factory.SubFactory(CategoryFactory)
    certifications = ()

    @classmethod
    def _pop_children(cls, fields):
        return fields.pop("certifications")

    @classmethod
    def _add_children(cls, page, certifications):
        for value in certifications:
            page.certifications.add(certification(value))


class FairPageFactory(PageFactory):
    """A fair under the fairs index; `exhibits` are (producer, booth, [products]) triples."""

    class Meta:
        model = FairPage

    parent = factory.LazyFunction(lambda: fairs_structure.ensure_sections()[FairIndexPage])
    title = factory.Sequence(lambda n: f"Hội chợ {n}")
    start_date = factory.Sequence(lambda n: DAY_ONE + datetime.timedelta(days=n))
    end_date = factory.SelfAttribute("start_date")
    scope = "provincial"
    venue = "Quảng trường 3 tháng 2"
    city = "Bắc Giang"
    exhibits = ()

    @classmethod
    def _pop_children(cls, fields):
        return fields.pop("exhibits")

    @classmethod
    def _add_children(cls, page, exhibits):
        page.exhibits = [
            Exhibit(producer=producer, booth=booth, products=products, sort_order=order)
            for order, (producer, booth, products) in enumerate(exhibits)
        ]


class NewsPageFactory(PageFactory):
    """A news item under the news index; `tags` are tag names."""

    class Meta:
        model = NewsPage

    parent = factory.LazyFunction(lambda: home_structure.ensure_sections()[NewsIndexPage])
    title = factory.Sequence(lambda n: f"Tin số {n}")
    date = factory.Sequence(lambda n: DAY_ONE + datetime.timedelta(days=n))
    intro = factory.LazyAttribute(lambda o: f"Tóm tắt: {o.title}")
    tags = ()

    @classmethod
    def _pop_children(cls, fields):
        return fields.pop("tags")

    @classmethod
    def _add_children(cls, page, tags):
        page.tags.add(*tags)


class BulletinPageFactory(PageFactory):
    class Meta:
        model = BulletinPage

    parent = factory.LazyFunction(lambda: home_structure.ensure_sections()[BulletinIndexPage])
    issue_number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"Bản tin số {o.issue_number}")
    year = 2025
    quarter = 1


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
