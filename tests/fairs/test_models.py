"""Fairs and exhibits: the page tree and the rules, checked by the model and in the admin."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from catalog.base.models import StandardPage
from catalog.home.models import HomePage
from fairs.models import Exhibit, FairIndexPage, FairPage
from fairs.structure import ensure_sections
from products.models import ProducerPage

pytestmark = pytest.mark.django_db


def foreign_message(titles):
    return gettext("These products belong to another producer: %(titles)s.") % {"titles": titles}


class FairTreeTests(WagtailPageTestCase):
    def test_fairs_live_under_the_fairs_index_under_home(self):
        self.assertCanCreateAt(HomePage, FairIndexPage)
        self.assertCanCreateAt(FairIndexPage, FairPage)
        self.assertCanNotCreateAt(HomePage, FairPage)
        self.assertCanNotCreateAt(StandardPage, FairIndexPage)
        self.assertCanNotCreateAt(Page, FairPage)
        self.assertAllowedSubpageTypes(FairPage, set())
        root = Page.get_first_root_node()
        assert FairIndexPage.can_create_at(root.get_children().get())
        assert not FairIndexPage.can_create_at(root)


def test_a_fair_that_ends_before_it_starts_is_refused(catalog):
    fair = FairPage(
        title="Hội chợ",
        slug="hoi-cho",
        start_date=datetime.date(2020, 5, 10),
        end_date=datetime.date(2020, 5, 9),
        venue="Nhà văn hóa",
        city="Bắc Giang",
        scope="provincial",
    )
    tree = ["path", "depth"]  # set when the page is placed in the tree
    with pytest.raises(ValidationError) as error:
        fair.full_clean(exclude=tree)
    assert error.value.message_dict["end_date"] == [gettext("A fair cannot end before it starts.")]
    fair.end_date = datetime.date(2020, 5, 10)  # a one-day fair is fine
    fair.full_clean(exclude=tree)


def test_an_exhibit_refuses_another_producers_products(catalog):
    chu = catalog["producers"]["chu"]
    products = catalog["products"]
    exhibit = Exhibit(producer=chu, booth="A1", products=[products["my_chu"], products["khay"]])
    with pytest.raises(ValidationError) as error:
        exhibit.clean()
    assert error.value.message_dict["products"] == [foreign_message("Khay tre cuốn")]
    Exhibit(producer=chu, booth="A1", products=[products["my_chu"], products["my_do"]]).clean()


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


def fair_form(exhibits=(), **overrides):
    data = {
        "title": "Hội chợ Xuân",
        "slug": "hoi-cho-xuan",
        "intro": "",
        "start_date": "2027-01-15",
        "end_date": "2027-01-21",
        "venue": "Quảng trường",
        "city": "Bắc Giang",
        "country": "Việt Nam",
        "scope": "provincial",
        "organiser": "",
        "description": streamfield([]),
        "exhibits": inline_formset(
            [{k: v for k, v in e.items() if k != "products"} for e in exhibits]
        ),
        "gallery_images": inline_formset([]),
    }
    data.update(overrides)
    data = nested_form_data(data)
    for number, exhibit in enumerate(exhibits):  # a multiple choice posts one key, many values
        data[f"exhibits-{number}-products"] = [str(pk) for pk in exhibit.get("products", [])]
    return data


def add_fair(client, data):
    index = ensure_sections()[FairIndexPage]
    return client.post(f"/admin/pages/add/fairs/fairpage/{index.pk}/", data)


def test_admin_puts_the_date_error_next_to_the_end_date(admin_client, catalog):
    response = add_fair(admin_client, fair_form(end_date="2027-01-10"))
    assert response.status_code == 200
    assert response.context["form"].errors["end_date"] == [
        gettext("A fair cannot end before it starts.")
    ]
    assert not FairPage.objects.exists()


def test_admin_puts_the_foreign_product_error_next_to_the_exhibits_products(admin_client, catalog):
    chu = catalog["producers"]["chu"]
    foreign = catalog["products"]["khay"]
    exhibit = {"producer": chu.pk, "booth": "A1", "products": [foreign.pk]}
    response = add_fair(admin_client, fair_form([exhibit]))
    assert response.status_code == 200
    form = response.context["form"].formsets["exhibits"].forms[0]
    assert form.errors["products"] == [foreign_message("Khay tre cuốn")]
    assert not FairPage.objects.exists()


def test_admin_saves_a_valid_fair_with_its_exhibit(admin_client, catalog):
    chu = catalog["producers"]["chu"]
    exhibit = {"producer": chu.pk, "booth": "A1", "products": [catalog["products"]["my_do"].pk]}
    response = add_fair(admin_client, fair_form([exhibit]))
    assert response.status_code == 302
    fair = FairPage.objects.get(slug="hoi-cho-xuan")
    saved = fair.exhibits.get()
    assert saved.producer_id == chu.pk
    assert [p.title for p in saved.products.all()] == ["Mỳ gạo đỏ"]
    assert ProducerPage.objects.get(pk=chu.pk).exhibits.count() == 1
