"""A quarter's bulletin drafted from known catalog changes, by command and admin button."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.urls import reverse

from catalog.home.bulletin_draft import DraftError, draft_bulletin, draft_contents
from catalog.home.models import BulletinIndexPage, BulletinPage
from catalog.home.structure import ensure_sections
from tests.factories import FairPageFactory, ProductPageFactory, TrademarkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter(catalog):
    """Q3 2026 changes, and things just outside the quarter that must not be listed."""
    ensure_sections()
    chu, may, ga = (catalog["producers"][k] for k in ("chu", "may", "ga"))
    food = catalog["categories"]["food"]
    ProductPageFactory(
        producer=chu,
        title="Mỳ Chũ ngũ sắc",
        category=food,
        certifications=[
            {
                "level": "provincial",
                "year": 2026,
                "issued_on": datetime.date(2026, 7, 15),
                "expires_on": datetime.date(2029, 7, 15),
            }
        ],
    )
    ProductPageFactory(
        producer=ga,
        title="Chả gà Yên Thế",
        category=food,
        certifications=[
            {"level": "regional", "year": 2026, "issued_on": datetime.date(2026, 9, 30)}
        ],
    )
    ProductPageFactory(
        producer=may,
        title="Đèn mây",
        category=food,
        certifications=[
            {"level": "national", "year": 2026, "issued_on": datetime.date(2026, 10, 1)}
        ],
    )  # next quarter
    ProductPageFactory(
        producer=may,
        title="Khay mây cũ",
        category=food,
        certifications=[
            {
                "level": "provincial",
                "year": 2022,
                "issued_on": datetime.date(2022, 11, 1),
                "expires_on": datetime.date(2026, 11, 30),
            }
        ],
    )
    TrademarkFactory(
        mark="Gà đồi Yên Thế",
        kind="collective",
        registration_number="4-0300000-000",
        registration_date=datetime.date(2026, 8, 1),
        owner_name="Hội Chăn nuôi gà Yên Thế",
    )
    TrademarkFactory(mark="Mây Tăng Tiến", registration_date=datetime.date(2026, 6, 30))
    FairPageFactory(
        title="Hội chợ Lục Ngạn 2026",
        start_date=datetime.date(2026, 7, 20),
        end_date=datetime.date(2026, 7, 24),
        city="Lục Ngạn",
        exhibits=[(chu, "A1", []), (ga, "A2", [])],
    )
    FairPageFactory(
        title="Hội chợ Xuân 2027",
        start_date=datetime.date(2026, 12, 28),
        end_date=datetime.date(2027, 1, 3),
    )
    FairPageFactory(title="Hội chợ 2027", start_date=datetime.date(2027, 1, 10))  # two quarters on


EXPECTED = {
    "certifications": [
        "Chả gà Yên Thế – Công ty TNHH Gà đồi Yên Thế – Khu vực phía Bắc",
        "Mỳ Chũ ngũ sắc – HTX Mỳ Chũ Nam Giang – Cấp tỉnh",
    ],
    "trademarks": [
        "Gà đồi Yên Thế (Nhãn hiệu tập thể), số 4-0300000-000 – Hội Chăn nuôi gà Yên Thế"
    ],
    "fairs_held": ["Hội chợ Lục Ngạn 2026, 20/7/2026–24/7/2026, Lục Ngạn (2 cơ sở tham gia)"],
    "fairs_upcoming": ["Hội chợ Xuân 2027, 28/12/2026–3/1/2027, Bắc Giang"],
    "expiring": ["Khay mây cũ – Cơ sở mây tre đan Tăng Tiến – Cấp tỉnh 2022, hết hạn 30/11/2026"],
}


def test_draft_contents_for_a_quarter_are_exact(quarter):
    assert draft_contents(2026, 3) == EXPECTED


def test_draft_is_an_unpublished_bulletin_with_those_sections(quarter):
    page = draft_bulletin(2026, 3)
    page = BulletinPage.objects.get(pk=page.pk)
    assert not page.live
    assert page.get_parent().specific_class is BulletinIndexPage
    assert (page.year, page.quarter, page.issue_number) == (2026, 3, 1)
    assert page.title == "Bản tin khuyến công quý 3/2026"
    headings = [b.value["text"] for b in page.body if b.block_type == "heading"]
    assert headings == [
        "Sản phẩm được công nhận mới",
        "Nhãn hiệu mới được cấp văn bằng",
        "Hội chợ, triển lãm trong quý 3/2026",
        "Hội chợ sắp diễn ra (quý 4/2026)",
        "Chứng nhận hết hạn trong quý 4/2026",
    ]
    lists = [b.value.source for b in page.body if b.block_type == "paragraph"]
    assert lists[0] == (
        "<ul><li>Chả gà Yên Thế – Công ty TNHH Gà đồi Yên Thế – Khu vực phía Bắc</li>"
        "<li>Mỳ Chũ ngũ sắc – HTX Mỳ Chũ Nam Giang – Cấp tỉnh</li></ul>"
    )
    assert page.summary == "Quý 3/2026: 2 sản phẩm được công nhận, 1 nhãn hiệu mới, 1 hội chợ."
    assert page.latest_revision is not None
    with pytest.raises(DraftError):
        draft_bulletin(2026, 3)  # one bulletin per quarter


def test_an_empty_quarter_says_so(quarter):
    page = draft_bulletin(2020, 1)
    assert [b.value.source for b in page.body if b.block_type == "paragraph"] == [
        "<p>Không có.</p>"
    ] * 5


def test_command_drafts_and_refuses_bad_quarters(quarter):
    out = io.StringIO()
    call_command("draft_bulletin", "2026", "3", stdout=out)
    assert "Bản tin khuyến công quý 3/2026" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("draft_bulletin", "2026", "3", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("draft_bulletin", "2026", "5", stdout=io.StringIO())


def test_admin_button_and_view_create_the_draft(client, quarter):
    user = get_user_model().objects.create_superuser("admin", "a@example.com", "pw")
    client.force_login(user)
    index = ensure_sections()[BulletinIndexPage]
    listing = client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    url = reverse("home_draft_bulletin")
    assert url in listing
    form = client.get(url)
    assert form.status_code == 200
    assert "csrfmiddlewaretoken" in form.content.decode()
    bad = client.post(url, {"year": "2026", "quarter": "5"})
    assert "quarter" in bad.context["form"].errors
    response = client.post(url, {"year": "2026", "quarter": "3"})
    page = BulletinPage.objects.get(year=2026, quarter=3)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.owner == user
    again = client.post(url, {"year": "2026", "quarter": "3"})
    assert again.context["form"].non_field_errors()


def test_only_editors_may_draft(client, quarter):
    """An account that may use the admin, but not add pages under the bulletins index, is
    turned away by the view itself: Wagtail lets it through to the view."""
    readers = Group.objects.create(name="Admin readers")
    readers.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user = get_user_model().objects.create_user("reader", "r@example.com", "pw")
    user.groups.add(readers)
    client.force_login(user)
    dashboard = reverse("wagtailadmin_home")
    assert client.get(dashboard).status_code == 200
    url = reverse("home_draft_bulletin")
    # Wagtail answers the view's PermissionDenied with its "no permission" redirect to the
    # dashboard (an account without admin access would be sent to the login page instead).
    for response in (client.get(url), client.post(url, {"year": "2026", "quarter": "3"})):
        assert response.status_code == 302
        assert response["Location"] == dashboard
    assert not BulletinPage.objects.filter(year=2026, quarter=3).exists()
