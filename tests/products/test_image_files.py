"""Image files (originals and renditions) are served to the public only once something buyers
see uses them, like documents: producer B's unused picture is B's and the centre's, and
everyone's once a live page shows it."""

import pytest
from wagtail.models import Collection

from products.models import ProductImage, ProductPage, Trademark
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def urls_of(image):
    """The image's original and one rendition, as the site links them."""
    return [image.file.url, image.get_rendition("fill-120x90").url]


def statuses(client, urls):
    return [client.get(url).status_code for url in urls]


def test_a_producers_unused_image_is_theirs_and_the_centres(world, client):
    urls = urls_of(world.b_image)
    assert statuses(client, urls) == [404, 404]  # anyone
    client.force_login(world.a)
    assert statuses(client, urls) == [404, 404]
    for user in (world.b, world.editor):
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (user, url)
            assert response["Cache-Control"] == "private, no-store"
            assert response["Content-Type"] == "image/jpeg"


def test_a_live_page_makes_it_public_and_unpublishing_private_again(world, client):
    urls = urls_of(world.b_image)
    product = ProductPage.objects.get(pk=world.b_product.pk)
    product.images.add(ProductImage(image=world.b_image, caption="Làn mây"))
    product.save_revision(user=world.b)  # a draft is not enough
    assert statuses(client, urls) == [404, 404]
    product.get_latest_revision().publish()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "public, max-age=86400"
    product.unpublish()
    assert statuses(client, urls) == [404, 404]


def test_a_public_trademarks_logo_is_public(world, client):
    mark = Trademark.objects.create(mark="Mây tre Tăng Tiến", logo=world.b_image)
    urls = urls_of(world.b_image)
    assert statuses(client, urls) == [200, 200]
    mark.status = Trademark.Status.WITHDRAWN
    mark.save()
    assert statuses(client, urls) == [404, 404]


def test_the_centres_images_stay_public(world, client):
    image = ImageFactory(title="Hội chợ", collection=Collection.get_first_root_node())
    assert statuses(client, urls_of(image)) == [200, 200]


@pytest.mark.parametrize(
    "url",
    [
        "/media/images/khong-co.fill-120x90.jpg",
        "/media/original_images/khong-co.jpg",
        "/media/original_images/../../db.sqlite3",
        "/media/images/%2e%2e%2fdb.sqlite3",
        "/media/documents/quyet-dinh.pdf",
        "/media/",
    ],
)
def test_unknown_and_crafted_names_are_not_found(world, client, url):
    client.force_login(world.editor)
    assert client.get(url).status_code == 404


def test_only_reading_is_allowed(world, client):
    image = ImageFactory(title="Hội chợ", collection=Collection.get_first_root_node())
    assert client.post(image.file.url).status_code == 405
    assert client.head(image.file.url).status_code == 200
