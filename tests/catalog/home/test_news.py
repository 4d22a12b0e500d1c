"""News and bulletins: pages, tag filter, pagination, feeds parsed by feedparser, scheduled
publishing, and the bulletin rules in the model and the admin."""

import datetime
import io
from unittest import mock

import feedparser
import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.documents import get_document_model
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from catalog.home.models import BulletinIndexPage, BulletinPage, HomePage, NewsIndexPage, NewsPage
from catalog.home.structure import ensure_sections
from tests.factories import BulletinPageFactory, ImageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


class NewsTreeTests(WagtailPageTestCase):
    def test_news_and_bulletins_live_under_their_indexes(self):
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanCreateAt(HomePage, BulletinIndexPage)
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(BulletinPage, {BulletinIndexPage})
        self.assertCanNotCreateAt(NewsIndexPage, BulletinPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)


def bulletin(number, year, quarter, **fields):
    document = get_document_model().objects.create(
        title=f"Bản tin {number}", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="b.pdf")
    )
    return BulletinPageFactory(
        issue_number=number,
        year=year,
        quarter=quarter,
        summary=f"Tóm tắt số {number}",
        document=document,
        cover_image=ImageFactory(title=f"Bìa {number}"),
        **fields,
    )


@pytest.fixture
def items(db):
    ensure_sections()
    return [
        NewsPageFactory(
            title=f"Tin số {n}",
            date=datetime.date(2025, 1, n),
            tags=["hội chợ"] if n % 2 else ["đào tạo"],
        )
        for n in range(1, 13)
    ]


def test_news_index_lists_newest_first_and_paginates(client, items):
    index = ensure_sections()[NewsIndexPage]
    response = client.get(index.url)
    page = response.context["news_items"]
    assert [i.title for i in page] == [f"Tin số {n}" for n in range(12, 2, -1)]
    assert page.paginator.num_pages == 2
    second = client.get(index.url, {"page": 2}).context["news_items"]
    assert [i.title for i in second] == ["Tin số 2", "Tin số 1"]
    assert client.get(index.url, {"page": "zzz"}).status_code == 200


def test_news_index_filters_by_tag(client, items):
    index = ensure_sections()[NewsIndexPage]
    tag_slug = items[1].tags.get().slug
    response = client.get(index.url, {"tag": tag_slug})
    assert [i.title for i in response.context["news_items"]] == [
        f"Tin số {n}" for n in (12, 10, 8, 6, 4, 2)
    ]
    assert client.get(index.url, {"tag": "khong-co"}).context["news_items"].paginator.count == 12


def test_news_page_renders_body_image_and_tags(client, items):
    page = items[0]
    page.image = ImageFactory(title="Ảnh hội chợ")
    page.body = [{"type": "paragraph", "value": "<p>Nội dung <b>chính</b></p>"}]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Nội dung <b>chính</b>" in html
    assert 'alt="Ảnh hội chợ"' in html
    assert "hội chợ" in html


def test_empty_indexes_say_so(client, db):
    sections = ensure_sections()
    assert "empty" in client.get(sections[NewsIndexPage].url).content.decode()
    assert "empty" in client.get(sections[BulletinIndexPage].url).content.decode()


def test_both_indexes_advertise_their_feeds(client, db):
    for model in (NewsIndexPage, BulletinIndexPage):
        page = ensure_sections()[model]
        html = client.get(page.url).content.decode()
        assert f'href="{page.url}rss/"' in html
        assert f'href="{page.url}atom/"' in html
        assert 'type="application/rss+xml"' in html


def test_news_feeds_parse_as_rss_and_atom(client, items):
    index = ensure_sections()[NewsIndexPage]
    rss = feedparser.parse(client.get(index.url + "rss/").content)
    assert not rss.bozo, rss.bozo_exception
    assert rss.version == "rss20"
    assert len(rss.entries) == 12
    assert rss.entries[0].title == "Tin số 12"
    assert rss.entries[0].link == "http://testserver" + items[-1].url
    assert rss.entries[0].published_parsed[:3] == (2025, 1, 12)
    atom = feedparser.parse(client.get(index.url + "atom/").content)
    assert not atom.bozo, atom.bozo_exception
    assert atom.version == "atom10"
    assert [e.title for e in atom.entries[:2]] == ["Tin số 12", "Tin số 11"]
    assert {t.term for t in atom.entries[0].tags} == {"đào tạo"}


def test_bulletin_index_groups_by_year_and_feeds_carry_the_pdf(client, db):
    ensure_sections()
    bulletin(1, 2025, 3)
    bulletin(2, 2025, 4)
    bulletin(3, 2026, 1)
    index = ensure_sections()[BulletinIndexPage]
    response = client.get(index.url)
    years = [(year, [i.issue_number for i in issues]) for year, issues in response.context["years"]]
    assert years == [(2026, [3]), (2025, [2, 1])]
    html = response.content.decode()
    assert 'alt="Bìa 3"' in html
    assert ".pdf" in html
    rss = feedparser.parse(client.get(index.url + "rss/").content)
    assert not rss.bozo, rss.bozo_exception
    assert [e.title for e in rss.entries] == ["Bản tin số 3", "Bản tin số 2", "Bản tin số 1"]
    (enclosure,) = rss.entries[0].enclosures
    assert enclosure.type == "application/pdf"
    assert enclosure.href.startswith("http://testserver/documents/")
    atom = feedparser.parse(client.get(index.url + "atom/").content)
    assert not atom.bozo, atom.bozo_exception
    assert len(atom.entries) == 3
    page_html = client.get(BulletinPage.objects.get(issue_number=3).url).content.decode()
    assert "Tóm tắt số 3" in page_html


@pytest.mark.parametrize("kind", ["news", "bulletin"])
def test_scheduled_page_appears_only_after_its_go_live_date(client, db, kind):
    sections = ensure_sections()
    go_live = timezone.now() + datetime.timedelta(days=2)
    if kind == "news":
        index = sections[NewsIndexPage]
        page = NewsPage(title="Tin hẹn giờ", date=datetime.date(2030, 1, 1))
    else:
        index = sections[BulletinIndexPage]
        page = BulletinPage(title="Bản tin hẹn giờ", issue_number=99, quarter=1, year=2030)
    page.live = False
    index.add_child(instance=page)
    page.go_live_at = go_live
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live

    def visible():
        listing = client.get(index.url).content.decode()
        feed = feedparser.parse(client.get(index.url + "rss/").content)
        return page.title in listing, [e.title for e in feed.entries] == [page.title]

    assert visible() == (False, False)
    assert client.get(page.url or f"{index.url}{page.slug}/").status_code == 404
    call_command("publish_scheduled", stdout=io.StringIO())  # too early: nothing happens
    assert visible() == (False, False)
    later = go_live + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.live
    assert visible() == (True, True)
    assert client.get(page.url).status_code == 200


def test_bulletin_rules_in_the_model(db):
    ensure_sections()
    bulletin(5, 2025, 2)
    index = ensure_sections()[BulletinIndexPage]
    page = BulletinPage(title="Số trùng", issue_number=5, quarter=5, year=2025)
    index.add_child(instance=BulletinPage(title="Tạm", issue_number=6, quarter=1, year=2025))
    with pytest.raises(ValidationError) as error:
        page.full_clean(exclude=["path", "depth"])
    errors = error.value.message_dict
    assert "quarter" in errors
    assert errors["issue_number"] == [gettext("Another bulletin already has this issue number.")]
    page.quarter, page.issue_number = 4, 7
    page.full_clean(exclude=["path", "depth"])
    saved = BulletinPage.objects.get(issue_number=5)
    saved.full_clean()  # its own number is no duplicate


def bulletin_form(**overrides):
    data = {
        "title": "Bản tin mới",
        "slug": "ban-tin-moi",
        "intro": "",
        "issue_number": "8",
        "quarter": "2",
        "year": "2026",
        "summary": "",
        "body": streamfield([]),
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"quarter": "5"}, "quarter"),
        ({"quarter": "0"}, "quarter"),
        ({"issue_number": "5"}, "issue_number"),
    ],
)
def test_admin_attaches_bulletin_errors_to_the_field(client, db, overrides, field):
    ensure_sections()
    bulletin(5, 2025, 2)
    user = get_user_model().objects.create_superuser("admin", "a@example.com", "pw")
    client.force_login(user)
    index = ensure_sections()[BulletinIndexPage]
    url = f"/admin/pages/add/home/bulletinpage/{index.pk}/"
    response = client.post(url, bulletin_form(**overrides))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert not BulletinPage.objects.filter(slug="ban-tin-moi").exists()
    assert client.post(url, bulletin_form()).status_code == 302
