"""catalog.base.publishing.publish_page: a revision and a publication only when something
changed, shared by the spreadsheet import and the demo loader."""

import pytest
from wagtail.models import Revision

from catalog.base.models import StandardPage
from catalog.base.publishing import CREATED, UNCHANGED, UPDATED, publish_page
from catalog.base.structure import home_page
from products.models import Certification, ProductPage

pytestmark = pytest.mark.django_db

BODY = [{"type": "paragraph", "value": "<p>Trung tâm Khuyến công.</p>"}]


def revisions(page):
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def test_a_new_page_is_added_and_published_and_the_same_values_save_nothing():
    page = StandardPage(slug="gioi-thieu")
    fields = {"title": "Giới thiệu", "intro": "Về Trung tâm", "body": BODY}
    assert publish_page(page, fields, parent=home_page()) == CREATED
    page = StandardPage.objects.get(pk=page.pk)
    assert page.live
    assert revisions(page) == 1
    assert publish_page(page, fields) == UNCHANGED  # stream blocks compare without their ids
    assert revisions(page) == 1

    assert publish_page(page, {**fields, "intro": "Giới thiệu Trung tâm"}) == UPDATED
    page = StandardPage.objects.get(pk=page.pk)
    assert (page.intro, revisions(page), page.live) == ("Giới thiệu Trung tâm", 2, True)


def test_blank_values_can_leave_the_stored_ones_alone():
    page = StandardPage(slug="lien-he", title="Liên hệ", intro="Số điện thoại")
    home_page().add_child(instance=page)
    page.save_revision().publish()
    assert publish_page(page, {"intro": ""}, skip_blank=True) == UNCHANGED
    assert StandardPage.objects.get(pk=page.pk).intro == "Số điện thoại"
    assert publish_page(page, {"intro": ""}) == UPDATED
    assert StandardPage.objects.get(pk=page.pk).intro == ""


def test_an_unpublished_page_is_republished_and_a_draft_is_replaced_only_when_asked():
    page = StandardPage(slug="huong-dan", title="Hướng dẫn")
    publish_page(page, parent=home_page())
    page.title = "Bản nháp"
    page.save_revision()
    page = StandardPage.objects.get(pk=page.pk)
    assert publish_page(page, {"title": "Hướng dẫn"}) == UNCHANGED
    assert StandardPage.objects.get(pk=page.pk).has_unpublished_changes
    assert publish_page(page, {"title": "Hướng dẫn"}, replace_draft=True) == UPDATED
    assert not StandardPage.objects.get(pk=page.pk).has_unpublished_changes

    page.unpublish()
    page = StandardPage.objects.get(pk=page.pk)
    assert publish_page(page, {"title": "Hướng dẫn"}) == UPDATED
    assert StandardPage.objects.get(pk=page.pk).live


def test_inline_rows_and_tags_count_as_changes(catalog):
    product = catalog["products"]["my_do"]
    rows = [
        {"scheme": c.scheme, "level": c.level, "year": c.year, "sort_order": c.sort_order}
        for c in product.certifications.all()
    ]
    tags = list(product.tags.names())
    before = revisions(product)
    assert publish_page(product, children={"certifications": rows}, tags=tags) == UNCHANGED
    # Stored rows given back as instances are compared on all their fields.
    stored = list(product.certifications.all())
    assert publish_page(product, children={"certifications": stored}) == UNCHANGED
    assert revisions(product) == before

    rows.append({"scheme": "cnnt", "level": "regional", "year": 2019, "decision_number": "1/QĐ"})
    assert publish_page(product, children={"certifications": rows}) == UPDATED
    assert Certification.objects.filter(product=product).count() == 2
    assert publish_page(product, tags=[*tags, "quà biếu"]) == UPDATED
    assert "quà biếu" in ProductPage.objects.get(pk=product.pk).tags.names()
    assert revisions(product) == before + 2
