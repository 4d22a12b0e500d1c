"""The main menu, footer contacts and social links are site settings editors change in the
admin; the header and footer render from them, and the sitemap page lists the site."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from catalog.base.site_settings import SiteNavigation
from catalog.home.models import NewsIndexPage
from catalog.home.structure import ensure_sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model, client):
    from products.producer_access import setup_roles

    setup_roles()
    user = django_user_model.objects.create_user("bientap", "b@kc.vn", "pw-not-secret-1")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def settings_url():
    return f"/admin/settings/base/sitenavigation/{Site.objects.get(is_default_site=True).pk}/"


def post_settings(client, menu, **fields):
    data = nested_form_data(
        {
            "menu": streamfield(menu),
            "social_links": streamfield(
                [("link", {"network": "zalo", "url": "https://zalo.me/0204", "label": ""})]
            ),
            **fields,
        }
    )
    return client.post(settings_url(), data)


def test_without_a_menu_the_header_lists_the_sections(client, catalog):
    html = client.get("/").content.decode()
    assert 'href="/nha-san-xuat/"' in html
    assert 'href="/tim-kiem/?kind=product"' in html


def test_an_editor_adds_a_page_to_the_menu_and_it_appears(client, catalog, editor):
    news = ensure_sections()[NewsIndexPage]
    response = post_settings(
        client,
        [
            ("page", {"page": news.pk, "label": "Tin hoạt động"}),
            ("link", {"url": "/tim-kiem/?kind=product", "label": "Sản phẩm"}),
        ],
        address="Số 1 Mẫu, Bắc Ninh",
        phone="0204 3 000 000",
        email="lienhe@example.vn",
        working_hours="Thứ Hai – Thứ Sáu",
        map_url="https://www.openstreetmap.org/",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    html = client.get("/").content.decode()
    nav = html[html.index('<ul class="nav">') : html.index("</ul>", html.index('<ul class="nav">'))]
    assert f'href="{news.url}"' in nav
    assert "Tin hoạt động" in nav
    assert 'href="/tim-kiem/?kind=product"' in nav
    assert "/nha-san-xuat/" not in nav  # the sections' fallback is gone
    footer = html[html.index("<footer") :]
    assert "Số 1 Mẫu, Bắc Ninh" in footer
    assert 'href="tel:02043000000"' in footer
    assert 'href="mailto:lienhe@example.vn"' in footer
    assert "Thứ Hai – Thứ Sáu" in footer
    assert 'href="https://zalo.me/0204"' in footer
    assert 'href="/so-do-trang/"' in footer
    assert "sitemap.xml" not in footer


def test_a_link_must_be_a_path_or_an_address(client, catalog, editor):
    response = post_settings(client, [("link", {"url": "javascript:alert(1)", "label": "X"})])
    assert response.status_code == 200  # the form again, with the error
    assert not list(SiteNavigation.for_site(Site.objects.get(is_default_site=True)).menu)


def test_a_page_taken_offline_leaves_the_menu(client, catalog):
    news = ensure_sections()[NewsIndexPage]
    nav = SiteNavigation.for_site(Site.objects.get(is_default_site=True))
    nav.menu = [("page", {"page": news, "label": ""})]
    nav.save()
    assert f'href="{news.url}"' in client.get("/").content.decode()
    news.unpublish()
    html = client.get("/").content.decode()
    assert f'href="{news.url}"' not in html[: html.index("</header>")]


def test_header_and_footer_cost_few_queries(client, catalog, django_assert_max_num_queries):
    sections = ensure_sections()
    nav = SiteNavigation.for_site(Site.objects.get(is_default_site=True))
    nav.menu = [("page", {"page": page, "label": ""}) for page in sections.values()]
    nav.save()
    client.get("/so-do-trang/")  # warm Wagtail's site-root cache
    baseline = _queries(client, "/so-do-trang/")
    nav.menu = []
    nav.save()
    without_menu = _queries(client, "/so-do-trang/")
    assert baseline - without_menu <= 2  # the pages of the menu, in one query


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_sitemap_page_lists_sections_and_their_pages(client, catalog):
    ensure_sections()
    response = client.get("/so-do-trang/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/nha-san-xuat/"' in html
    assert 'href="/ban-tin/"' in html
    assert catalog["producers"]["chu"].title in html
    assert client.get("/sitemap.xml").status_code == 200  # kept for search engines


def test_sitemap_page_hides_unpublished_pages(client, catalog):
    chu = catalog["producers"]["chu"]
    chu.unpublish()
    html = client.get("/so-do-trang/").content.decode()
    assert chu.title not in html
    assert Page.objects.filter(pk=chu.pk).exists()
