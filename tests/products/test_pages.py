"""Every public page type renders, filters work with their counts, and bad input never fails."""

import pytest
from django.core.exceptions import ValidationError

from products.models import Certification, ProductIndexPage, TrademarkIndexPage
from products.structure import ensure_sections
from tests.factories import DistrictFactory

pytestmark = pytest.mark.django_db


def catalogue_url():
    return ensure_sections()[ProductIndexPage].url


def test_the_catalogue_page_hands_over_to_search_with_its_filters(client, catalog):
    response = client.get(catalogue_url(), {"level": "national"})
    assert response.status_code == 302
    assert response["Location"] == "/tim-kiem/?level=national"


def test_merged_district_still_finds_its_producers(client, catalog):
    luc_ngan = catalog["districts"]["luc_ngan"]
    new_unit = DistrictFactory(name="Lục Ngạn mới", slug="luc-ngan-moi")
    luc_ngan.merged_into = new_unit
    luc_ngan.save()
    luc_ngan.refresh_from_db()
    assert not luc_ngan.is_active
    index = catalog["producers"]["chu"].get_parent()
    response = client.get(index.url, {"district": "luc-ngan-moi"})
    assert [p.title for p in response.context["producers"]] == ["HTX Mỳ Chũ Nam Giang"]


def test_product_page_shows_certifications_trademark_and_producer(client, catalog):
    product = catalog["products"]["my_chu"]
    response = client.get(product.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mỳ Chũ" in html
    assert "0204 3882 111" in html
    assert "4-0123456-000" in html
    history = [(c.level, c.year) for c in response.context["page"].certification_history]
    assert history == [("regional", 2017), ("provincial", 2016)]
    assert html.index("2017") < html.index("2016")


def test_product_page_renders_responsive_webp_images(client, catalog):
    from products.models import ProductImage
    from tests.factories import ImageFactory

    product = catalog["products"]["my_do"]
    ProductImage.objects.create(page=product, image=ImageFactory(title="Mỳ gạo đỏ phơi nắng"))
    html = client.get(product.url).content.decode()
    assert 'type="image/webp"' in html
    assert "srcset=" in html
    assert 'alt="Mỳ gạo đỏ phơi nắng"' in html


def test_producer_page_lists_products_and_trademarks(client, catalog):
    response = client.get(catalog["producers"]["chu"].url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mỳ gạo đỏ" in html
    assert "Mỳ Chũ gạo bao thai" in html
    assert "4-0123456-000" in html


def test_producers_list_filters_by_district_and_legal_form(client, catalog):
    url = ensure_sections()[type(catalog["producers"]["chu"].get_parent().specific)].url
    assert client.get(url).context["producers"].paginator.count == 3
    response = client.get(url, {"district": "yen-the", "legal_form": "household"})
    assert [p.title for p in response.context["producers"]] == ["Cơ sở mây tre đan Tăng Tiến"]
    assert client.get(url, {"legal_form": "bogus"}).context["producers"].paginator.count == 3


def test_trademark_list_and_detail(client, catalog):
    index = ensure_sections()[TrademarkIndexPage]
    response = client.get(index.url)
    assert response.status_code == 200
    assert "Mỳ Chũ" in response.content.decode()
    detail = client.get(catalog["trademark"].get_url())
    assert detail.status_code == 200
    assert "Mỳ Chũ gạo bao thai" in detail.content.decode()
    assert client.get(index.url + "khong-co/").status_code == 404
    assert client.get(index.url, {"kind": "collective"}).context["trademarks"].paginator.count == 1


def test_drafts_and_unpublished_pages_are_not_served(client, catalog):
    product = catalog["products"]["khay"]
    path = product.url
    product.unpublish()
    assert client.get(path).status_code == 404
    assert client.get("/tim-kiem/").context["result"].count == 4 + 3  # products + producers
    assert "Khay tre cuốn" not in client.get(catalog["producers"]["may"].url).content.decode()


def test_unknown_url_gets_the_404_page(client, catalog):
    response = client.get("/khong-ton-tai/")
    assert response.status_code == 404


def test_certification_rules(catalog):
    product = catalog["products"]["my_do"]
    with pytest.raises(ValidationError) as ocop_without_stars:
        Certification(product=product, scheme="ocop", level="provincial", year=2020).full_clean()
    assert "ocop_stars" in ocop_without_stars.value.message_dict
    with pytest.raises(ValidationError):
        Certification(product=product, scheme="cnnt", level="provincial", year=1800).full_clean()
