"""The factories make what editors make: live pages in the real tree, each with a published
revision, and drafts when asked."""

import pytest

from fairs.models import FairIndexPage
from products.models import ProducerIndexPage
from tests.factories import FairPageFactory, ImageFactory, ProductPageFactory

pytestmark = pytest.mark.django_db


def test_a_product_is_published_under_its_producer_with_its_certifications():
    product = ProductPageFactory(
        certifications=[("provincial", 2016), {"level": "national", "year": 2019}]
    )
    assert product.live
    assert product.live_revision_id == product.latest_revision_id is not None
    assert product.get_parent().pk == product.producer_id
    assert product.producer.get_parent().specific_class is ProducerIndexPage
    assert sorted((c.level, c.year) for c in product.certifications.all()) == [
        ("national", 2019),
        ("provincial", 2016),
    ]
    in_revision = product.latest_revision.content["certifications"]
    assert sorted(c["year"] for c in in_revision) == [2016, 2019]


def test_a_draft_fair_stays_unpublished():
    fair = FairPageFactory(publish=False)
    assert not fair.live
    assert fair.latest_revision is None
    assert fair.get_parent().specific_class is FairIndexPage
    assert fair.end_date == fair.start_date


def test_an_image_is_a_small_jpeg_described_by_its_title():
    image = ImageFactory(title="Giỏ mây", colour=(200, 30, 30))
    assert (image.width, image.height) == (64, 48)
    assert image.description == "Giỏ mây"
