"""What search engines and link previews read, parsed with a real extractor (extruct): the
JSON-LD subject of each page type, its breadcrumb trail, Open Graph and Twitter tags,
canonical and hreflang links, the sitemap's alternates, robots.txt and the icons."""

import io
import re
import xml.etree.ElementTree as ET

import extruct
import pytest
from django.contrib.staticfiles import finders
from django.core.management import CommandError, call_command
from wagtail.models import Site

from products.models import ProductImage, ProductPage
from tests.factories import (
    FairPageFactory,
    ImageFactory,
    NewsPageFactory,
    TrademarkFactory,
    jpeg_file,
)

pytestmark = pytest.mark.django_db
ROOT = "https://sanpham.example.vn"


@pytest.fixture
def site(catalog):
    call_command("set_site_url", ROOT, stdout=io.StringIO())
    return Site.objects.get(is_default_site=True)


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    data = extruct.extract(html, base_url=ROOT + url, syntaxes=["json-ld", "opengraph"])
    return html, data["json-ld"], dict(data["opengraph"][0]["properties"])


def subject(items, kind):
    [item] = [item for item in items if item.get("@type") == kind]
    return item


def trail(items):
    crumbs = subject(items, "BreadcrumbList")["itemListElement"]
    assert [crumb["position"] for crumb in crumbs] == list(range(1, len(crumbs) + 1))
    return [crumb["name"] for crumb in crumbs]


def test_a_product_is_described_with_its_maker_picture_and_recognitions(site, catalog, client):
    product = ProductPage.objects.get(pk=catalog["products"]["my_chu"].pk)
    product.images.add(
        ProductImage(
            image=ImageFactory(
                title="Mỳ Chũ phơi nắng", file=jpeg_file((200, 60, 30), size=(1600, 1000))
            )
        )
    )
    product.save_revision().publish()
    html, items, og = read(client, product.url)
    data = subject(items, "Product")
    assert data["name"] == product.title
    assert data["url"] == ROOT + product.url
    assert data["category"] == product.category.name
    assert data["manufacturer"]["@type"] == "LocalBusiness"
    assert data["manufacturer"]["name"] == product.producer.title
    assert data["manufacturer"]["address"]["addressLocality"] == product.producer.district.name
    assert len(data["award"]) == product.certifications.count() > 0
    assert all(
        str(cert.year) in award
        for cert, award in zip(product.certification_history, data["award"], strict=True)
    )
    [picture] = data["image"]
    assert picture.startswith(ROOT + "/media/images/")
    assert trail(items) == [
        site.root_page.title,
        product.producer.get_parent().title,
        product.producer.title,
        product.title,
    ]

    assert og["og:type"] == "product"
    assert og["og:title"] == product.title
    assert og["og:url"] == ROOT + product.url
    assert og["og:image"] == picture
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
    assert og["og:image:alt"] == "Mỳ Chũ phơi nắng"
    assert 'name="twitter:card" content="summary_large_image"' in html
    assert client.get(picture.removeprefix(ROOT)).status_code == 200


def test_a_producer_is_a_local_business_with_its_offers(site, catalog, client):
    producer = catalog["producers"]["chu"]
    _html, items, og = read(client, producer.url)
    data = subject(items, "LocalBusiness")
    assert data["name"] == producer.title
    assert data["telephone"] == producer.phone
    names = {offer["itemOffered"]["name"] for offer in data["makesOffer"]}
    assert names == {product.title for product in producer.products()}
    assert og["og:type"] == "website"


def test_a_fair_is_an_event(site, client):
    fair = FairPageFactory(title="Hội chợ Xuân 2027", organiser="Sở Công Thương")
    _html, items, _og = read(client, fair.url)
    data = subject(items, "Event")
    assert (data["startDate"], data["endDate"]) == (str(fair.start_date), str(fair.end_date))
    assert data["location"]["name"] == fair.venue
    assert data["location"]["address"]["addressLocality"] == fair.city
    assert data["organizer"]["name"] == "Sở Công Thương"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"


def test_news_is_a_news_article_and_the_home_page_names_the_centre(site, client):
    news = NewsPageFactory(title="Khai mạc Hội chợ Xuân")
    _html, items, og = read(client, news.url)
    data = subject(items, "NewsArticle")
    assert data["headline"] == news.title
    assert data["datePublished"] == str(news.date)
    assert og["og:description"] == news.intro
    _html, items, _og = read(client, "/")
    graph = {item["@type"]: item for item in items[0]["@graph"]}
    assert graph["WebSite"]["potentialAction"]["target"] == ROOT + "/tim-kiem/?q={query}"
    assert graph["GovernmentOrganization"]["url"] == ROOT + "/"


def test_markup_in_a_title_cannot_leave_the_json_ld(site, catalog, client):
    product = ProductPage.objects.get(pk=catalog["products"]["my_chu"].pk)
    product.title = 'Mỳ </script><script>alert("x")</script> & "ngon"'
    product.save_revision().publish()
    html, items, _og = read(client, product.url)
    assert subject(items, "Product")["name"] == product.title
    assert "<script>alert" not in html


def links(html, rel):
    return dict(re.findall(rf'<link rel="{rel}" hreflang="([^"]+)" href="([^"]+)"', html))


def test_the_languages_point_at_each_other(site, catalog, client):
    path = catalog["products"]["my_chu"].url
    html_vi, *_ = read(client, path)
    html_en, *_ = read(client, "/en" + path)
    vi, en = links(html_vi, "alternate"), links(html_en, "alternate")
    assert vi == en == {"vi": ROOT + path, "en": f"{ROOT}/en{path}", "x-default": ROOT + path}
    assert f'<link rel="canonical" href="{ROOT}{path}">' in html_vi
    assert f'<link rel="canonical" href="{ROOT}/en{path}">' in html_en


def test_the_sitemap_uses_the_sites_host_and_lists_the_alternates(site, catalog, client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)  # noqa: S314 - the site's own sitemap
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {url.find("s:loc", ns).text: url for url in tree.findall("s:url", ns)}
    product = ROOT + catalog["products"]["my_chu"].url
    assert all(location.startswith(ROOT + "/") for location in urls)
    alternates = {
        link.get("hreflang"): link.get("href") for link in urls[product].findall("x:link", ns)
    }
    assert alternates == {
        "vi": product,
        "en": product.replace(ROOT, ROOT + "/en"),
        "x-default": product,
    }


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_searches(site, client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {ROOT}/sitemap.xml" in lines
    assert {
        "Disallow: /admin/",
        "Disallow: /tim-kiem/",
        "Disallow: /en/tim-kiem/",
        "Disallow: /lien-he/",
    } <= set(lines)


def test_the_icons_exist(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith(".ico")
    for name in ("icons/favicon.ico", "icons/favicon.svg", "icons/apple-touch-icon.png"):
        assert finders.find(name), name
    home = client.get("/").content.decode()
    assert 'rel="apple-touch-icon"' in home


@pytest.mark.parametrize(
    "url", ["ftp://x.vn", "sanpham.example.vn", "https://", "http://x.vn:99999"]
)
def test_set_site_url_refuses_what_is_not_a_site_address(db, url):
    with pytest.raises(CommandError):
        call_command("set_site_url", url, stdout=io.StringIO())


def test_set_site_url_says_when_nothing_changes(site):
    out = io.StringIO()
    call_command("set_site_url", ROOT, stdout=out)
    assert "already" in out.getvalue()
    assert site.root_url == ROOT


def test_a_trademarks_own_address_is_its_canonical_and_a_404_is_not_indexed(site, client):
    mark = TrademarkFactory()
    detail = f"/nhan-hieu/{mark.slug}/"
    html, _items, _og = read(client, detail)
    assert mark.mark in html
    assert f'<link rel="canonical" href="{ROOT}{detail}">' in html
    missing = client.get("/khong-co-trang-nay/").content.decode()
    assert '<meta name="robots" content="noindex">' in missing
    assert 'rel="canonical"' not in missing
