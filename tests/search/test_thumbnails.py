"""Results show each product's first picture (and each producer's logo), rendered when the
document is made; a picture whose file has gone missing never stops the indexing."""

import pytest
from django.core.cache import cache

from products.models import ProductImage
from search.documents import THUMBNAIL
from search.models import SearchRecord
from tests.factories import (
    CategoryFactory,
    DistrictFactory,
    ImageFactory,
    ProducerPageFactory,
    ProductPageFactory,
)
from tests.search.conftest import BackendSettings, clear_catalog, rebuild

pytestmark = pytest.mark.django_db


@pytest.fixture
def pictured():
    category = CategoryFactory(name="Mây tre đan", slug="may-tre-dan")
    district = DistrictFactory(name="Việt Yên", slug="viet-yen")
    logo = ImageFactory(title="Biểu trưng làng nghề Tăng Tiến")
    producer = ProducerPageFactory(
        title="Làng nghề Tăng Tiến", district=district, legal_form="craft_village", logo=logo
    )
    product = ProductPageFactory(producer=producer, title="Giỏ mây xuất khẩu", category=category)
    product.images.add(ProductImage(image=ImageFactory(title="Giỏ mây đan tay, màu nâu")))
    product.save_revision().publish()
    yield product
    clear_catalog()


@pytest.mark.parametrize("name", ["database", "opensearch"])
def test_results_show_the_picture_with_its_alt_text(pictured, client, name):
    with BackendSettings(name):
        rebuild()
        html = client.get("/tim-kiem/", {"q": "tang tien"}).content.decode()
    assert 'alt="Giỏ mây đan tay, màu nâu"' in html
    assert 'alt="Biểu trưng làng nghề Tăng Tiến"' in html
    assert html.count('class="hit-img"') == 2
    assert ".webp" in html


def test_a_missing_picture_file_leaves_the_result_without_one(pictured, client):
    pictured.main_image.file.delete(save=False)
    pictured.main_image.renditions.all().delete()
    cache.clear()  # Wagtail remembers renditions there too
    with BackendSettings("database"):
        rebuild()
        html = client.get("/tim-kiem/", {"q": "gio may"}).content.decode()
    assert SearchRecord.objects.get(key=f"product-{pictured.pk}").document["thumbnail"] is None
    assert f'href="{pictured.url}"' in html
    assert 'alt="Giỏ mây đan tay, màu nâu"' not in html


def thumbnail_of(page):
    return SearchRecord.objects.get(key=f"product-{page.pk}").document["thumbnail"]


def test_a_replaced_picture_file_rewrites_the_thumbnail(
    pictured, admin_client, django_capture_on_commit_callbacks
):
    """Through the admin, as editors do it: Wagtail saves the image, then deletes its old
    renditions; the document must end up with a thumbnail of the new file."""
    image = pictured.main_image
    before = thumbnail_of(pictured)["url"]
    new_file = ImageFactory(title="new", colour=(200, 30, 30)).file
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/images/{image.pk}/",
            {"title": image.title, "description": image.description, "file": new_file.open()},
        )
    assert response.status_code == 302
    after = thumbnail_of(pictured)["url"]
    assert after != before
    assert image.renditions.filter(filter_spec=THUMBNAIL).get().url == after


def test_a_deleted_picture_leaves_the_result_without_one(
    pictured, django_capture_on_commit_callbacks
):
    assert thumbnail_of(pictured) is not None
    with django_capture_on_commit_callbacks(execute=True):
        pictured.main_image.delete()
    assert thumbnail_of(pictured) is None
