"""Producer A tries to cross into producer B's pages, and into the centre's data.

Every attempt goes through the admin's real URLs, as a signed-in account would send it."""

import json

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from products.models import Certification, ProductPage

from .conftest import edit_form_data, form_data_from

pytestmark = pytest.mark.django_db

# Admin GET URLs of one page; {id} is the page, {parent} its parent, {rev} its latest revision.
PAGE_URLS = [
    "/admin/pages/{id}/edit/",
    "/admin/pages/{id}/edit/preview/",
    "/admin/pages/{id}/view_draft/",
    "/admin/pages/{id}/move/",
    "/admin/pages/{id}/move/{parent}/confirm/",
    "/admin/pages/{id}/copy/",
    "/admin/pages/{id}/delete/",
    "/admin/pages/{id}/unpublish/",
    "/admin/pages/{id}/revisions/",
    "/admin/pages/{id}/revisions/{rev}/view/",
    "/admin/pages/{id}/revisions/{rev}/revert/",
    "/admin/pages/{id}/revisions/compare/earliest...latest/",
    "/admin/pages/{id}/history/",
    "/admin/pages/{id}/workflow_history/",
    "/admin/pages/{id}/usage/",
    "/admin/pages/{id}/lock/",
    "/admin/pages/{id}/privacy/",
    "/admin/pages/{id}/add_subpage/",
    "/admin/pages/add/products/productpage/{id}/",
]


def urls_for(page):
    page = page.specific
    return [
        url.format(id=page.pk, parent=page.get_parent().pk, rev=page.latest_revision_id)
        for url in PAGE_URLS
    ]


def b_pages(world):
    return [world.b_producer, world.b_product]


def refused(response):
    """403, 404 or 405, or Wagtail's "no permission" redirect to the dashboard."""
    return response.status_code in (403, 404, 405) or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def refused_or_sent_away(client, response, page):
    """As `refused`, or a redirect (followed) that ends anywhere but on the page's views."""
    for _hop in range(5):
        if refused(response):
            return True
        if response.status_code != 302:
            return False
        location = response["Location"].split("?")[0]
        if str(page.pk) not in location.split("/"):
            return True
        response = client.get(location)
    return False


def make_secret_draft(world):
    """B's unpublished change, with a title only B and the centre may see."""
    product = ProductPage.objects.get(pk=world.b_product.pk)
    product.title = "Bản nháp bí mật của B"
    return product.save_revision(user=world.b)


# --- open, edit, preview, move, copy, delete, publish, unpublish: GET ----------------------


@pytest.mark.parametrize("index", range(len(PAGE_URLS)))
def test_a_cannot_open_any_admin_view_of_bs_pages(world, client, index):
    make_secret_draft(world)
    client.force_login(world.a)
    for page in b_pages(world):
        url = urls_for(page)[index]
        if url.endswith("/lock/"):
            # Locking is POST only (a GET answers 405 to anyone, which proves nothing). The
            # test client skips CSRF checks, so the POST reaches Wagtail's permission check.
            response = client.post(url)
            assert response.status_code != 405
            assert refused(response), (url, response.status_code)
            assert not Page.objects.get(pk=page.pk).locked
            continue
        response = client.get(url)
        assert refused_or_sent_away(client, response, page), (url, response.status_code)
        assert b"B\xe1\xba\xa3n nh\xc3\xa1p b\xc3\xad m\xe1\xba\xadt" not in response.content


@pytest.mark.parametrize("index", range(len(PAGE_URLS)))
def test_the_editor_can_open_them(world, client, index):
    make_secret_draft(world)
    client.force_login(world.editor)
    for page in b_pages(world):
        url = urls_for(page)[index]
        if ("/add_subpage/" in url or "/add/" in url) and page.specific_class is ProductPage:
            continue  # products have no children
        response = client.get(url)
        if url.endswith("/lock/"):
            assert response.status_code == 405  # POST only
            assert client.post(url).status_code == 302
            assert Page.objects.get(pk=page.pk).locked
            continue
        assert response.status_code in (200, 302), (url, response.status_code)
        if response.status_code == 302:  # the editor was sent on, not away
            assert "/login/" not in response["Location"], url


def test_explorer_of_bs_page_sends_a_back_to_their_own(world, client):
    client.force_login(world.a)
    response = client.get(f"/admin/pages/{world.b_producer.pk}/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/admin/pages/{world.a_producer.pk}/")
    response = client.get(f"/admin/pages/{world.a_producer.pk}/")
    assert response.status_code == 200
    assert world.a_product.title in response.content.decode()
    assert world.b_product.title not in response.content.decode()


# --- the same as POSTs ---------------------------------------------------------------------


def test_a_cannot_change_bs_pages_by_post(world, client):
    client.force_login(world.a)
    b_product = world.b_product
    live_title = b_product.title
    revision_count = b_product.revisions.count()
    index = world.b_producer.get_parent()
    posts = [
        (f"/admin/pages/{b_product.pk}/edit/", {"title": "Hacked", "action-publish": "1"}),
        (f"/admin/pages/{b_product.pk}/edit/", {"title": "Hacked", "action-submit": "1"}),
        (f"/admin/pages/{b_product.pk}/edit/preview/", {"title": "Hacked"}),
        (f"/admin/pages/{b_product.pk}/delete/", {}),
        (f"/admin/pages/{b_product.pk}/unpublish/", {}),
        (f"/admin/pages/{world.b_producer.pk}/delete/", {}),
        (f"/admin/pages/{world.b_producer.pk}/unpublish/", {"include_descendants": "on"}),
        (f"/admin/pages/{b_product.pk}/move/{world.a_producer.pk}/confirm/", {}),
        (f"/admin/pages/{world.b_producer.pk}/move/{index.get_parent().pk}/confirm/", {}),
        (
            f"/admin/pages/{b_product.pk}/copy/",
            {"new_title": "Copy", "new_slug": "copy", "new_parent_page": world.a_producer.pk},
        ),
        (f"/admin/pages/{b_product.pk}/lock/", {}),
        (f"/admin/pages/{b_product.pk}/revisions/{b_product.latest_revision_id}/revert/", {}),
        (
            f"/admin/pages/add/products/productpage/{world.b_producer.pk}/",
            {"title": "Sản phẩm lạ", "slug": "san-pham-la", "action-publish": "1"},
        ),
    ]
    for url, data in posts:
        response = client.post(url, data)
        assert refused(response), (url, response.status_code)
    b_product = ProductPage.objects.get(pk=b_product.pk)
    assert b_product.live
    assert b_product.title == live_title
    assert b_product.get_parent().pk == world.b_producer.pk
    assert not b_product.locked
    assert b_product.revisions.count() == revision_count
    assert not ProductPage.objects.filter(slug__in=["copy", "san-pham-la"]).exists()
    assert Page.objects.get(pk=world.b_producer.pk).live


def test_a_cannot_copy_even_their_own_product(world, client):
    """A copy would carry the product's certifications into a new page."""
    client.force_login(world.a)
    response = client.post(
        f"/admin/pages/{world.a_product.pk}/copy/",
        {"new_title": "Bản sao", "new_slug": "ban-sao", "new_parent_page": world.a_producer.pk},
    )
    assert refused(response)
    assert not ProductPage.objects.filter(slug="ban-sao").exists()


# --- drafts and revisions ------------------------------------------------------------------


def test_a_sees_none_of_bs_drafts_in_listings_search_choosers_or_reports(world, client):
    make_secret_draft(world)
    b_product = world.b_product
    b_product.refresh_from_db()
    client.force_login(world.a)
    urls = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{world.a_producer.get_parent().pk}/",
        "/admin/pages/search/?q=B",
        "/admin/pages/search/?q=nh%C3%A1p",
        "/admin/pages/search/results/?q=nh%C3%A1p",
        "/admin/choose-page/",
        f"/admin/choose-page/{world.b_producer.pk}/",
        "/admin/choose-page/search/?q=nh%C3%A1p",
        "/admin/reports/locked/",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/aging-pages/",
        f"/admin/pages/{b_product.pk}/revisions/compare/earliest...latest/",
    ]
    for url in urls:
        response = client.get(url)
        text = response.content.decode()
        if response.get("Content-Type", "").startswith("application/json"):
            text = json.dumps(response.json(), ensure_ascii=False)  # undo the \\u escapes
        assert "Bản nháp bí mật" not in text, url


def test_a_does_not_find_bs_pages_in_the_admin_search(world, client):
    client.force_login(world.a)
    response = client.get("/admin/pages/search/", {"q": world.b_product.title})
    assert response.status_code == 200
    assert f"/admin/pages/{world.b_product.pk}/edit/" not in response.content.decode()
    response = client.get("/admin/pages/search/", {"q": world.a_product.title})
    assert f"/admin/pages/{world.a_product.pk}/edit/" in response.content.decode()


# --- images and documents ------------------------------------------------------------------


def test_a_choosers_show_only_as_collection(world, client):
    client.force_login(world.a)
    images = client.get("/admin/images/chooser/").json()["html"]
    assert "Ảnh của A" in images
    assert "Ảnh riêng của B" not in images
    documents = client.get("/admin/documents/chooser/").json()["html"]
    assert "Tài liệu của A" in documents
    assert "Tài liệu riêng của B" not in documents
    for url in (
        f"/admin/images/chooser/{world.b_image.pk}/",
        f"/admin/images/{world.b_image.pk}/",
        f"/admin/documents/chooser/{world.b_document.pk}/",
        f"/admin/documents/edit/{world.b_document.pk}/",
    ):
        assert refused(client.get(url)), url
    listing = client.get("/admin/images/").content.decode()
    assert "Ảnh riêng của B" not in listing


def test_the_editor_chooses_anyones_images(world, client):
    client.force_login(world.editor)
    images = client.get("/admin/images/chooser/").json()["html"]
    assert "Ảnh của A" in images
    assert "Ảnh riêng của B" in images


# --- registration data and certifications --------------------------------------------------


def test_a_edits_their_product_but_the_form_has_no_certifications_or_trademark(world, client):
    client.force_login(world.a)
    data = edit_form_data(client, world.a_product)
    assert "description" in data
    assert "trademark" not in data
    assert not any(key.startswith("certifications-") for key in data)
    data["description"] = rich_text("<p>Mỳ mới</p>")
    data["action-submit"] = "1"
    response = client.post(f"/admin/pages/{world.a_product.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    product = ProductPage.objects.get(pk=world.a_product.pk)
    draft = product.get_latest_revision_as_object()
    assert "Mỳ mới" in draft.description
    assert product.workflow_in_progress
    assert [(c.level, c.year) for c in draft.certifications.all()] == [
        ("provincial", 2016),
        ("regional", 2017),
    ]
    assert draft.trademark_id == world.catalog["trademark"].pk


def certification_post(data, prefix="certifications", count=1):
    data[f"{prefix}-TOTAL_FORMS"] = str(count)
    data[f"{prefix}-INITIAL_FORMS"] = "0"
    data[f"{prefix}-MIN_NUM_FORMS"] = "0"
    data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    data[f"{prefix}-0-scheme"] = "cnnt"
    data[f"{prefix}-0-level"] = "national"
    data[f"{prefix}-0-year"] = "2024"
    data[f"{prefix}-0-ORDER"] = "1"
    return data


def test_a_cannot_add_a_certification_by_a_hand_made_post(world, client):
    client.force_login(world.a)
    before = list(Certification.objects.values_list("product_id", "level", "year"))
    data = certification_post(edit_form_data(client, world.a_product))
    data["action-submit"] = "1"
    response = client.post(f"/admin/pages/{world.a_product.pk}/edit/", data)
    assert refused(response)
    product = ProductPage.objects.get(pk=world.a_product.pk)
    assert product.latest_revision_id == world.a_product.latest_revision_id
    assert list(Certification.objects.values_list("product_id", "level", "year")) == before


def test_a_cannot_add_a_certification_to_a_new_product(world, client):
    client.force_login(world.a)
    url = f"/admin/pages/add/products/productpage/{world.a_producer.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    data = form_data_from(page, world.a_product)
    data.update({"title": "Mỳ mới", "slug": "my-moi"})
    data["category"] = str(world.catalog["categories"]["noodles"].pk)
    response = client.post(url, certification_post(data.copy()))
    assert refused(response)
    response = client.post(url, data)  # the same without certifications is fine
    assert response.status_code == 302, response.content.decode()[:2000]
    created = ProductPage.objects.get(slug="my-moi")
    assert not created.live
    assert not created.certifications.exists()


@pytest.mark.parametrize(
    ("page_attr", "field", "value"),
    [
        ("a_producer", "legal_form", "enterprise"),
        ("a_producer", "district", "yen_the"),
        ("a_product", "trademark", "none"),
    ],
)
def test_a_cannot_change_registration_data_by_a_hand_made_post(
    world, client, page_attr, field, value
):
    page = getattr(world, page_attr)
    if value == "yen_the":
        value = world.catalog["districts"]["yen_the"].pk
    elif value == "none":
        value = ""
    client.force_login(world.a)
    data = edit_form_data(client, page)
    assert field not in data
    data[field] = str(value)
    data["action-submit"] = "1"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert refused(response)
    stored = type(page.specific).objects.get(pk=page.pk)
    assert stored.latest_revision_id == page.latest_revision_id
    assert getattr(stored, field) == getattr(page.specific, field)


def test_the_form_itself_drops_registration_data_for_a_producer(world, rf):
    """The second line of defence, should a POST reach the form."""
    product = ProductPage.objects.get(pk=world.a_product.pk)
    form_class = product.get_edit_handler().get_form_class()
    form = form_class(instance=product, for_user=world.a)
    assert "certifications" not in form.formsets
    assert "trademark" not in form.fields
    editor_form = form_class(instance=product, for_user=world.editor)
    assert "certifications" in editor_form.formsets
    assert "trademark" in editor_form.fields


def test_reverting_to_an_old_revision_keeps_the_centres_latest_certifications(world, client):
    """A producer reverting to a revision from before a certification was granted would drop
    it; the form takes certifications from the latest revision instead."""
    product = ProductPage.objects.get(pk=world.a_product.pk)
    old_revision = product.latest_revision
    product.certifications.add(Certification(level="national", year=2023))
    product.save_revision(user=world.editor).publish()
    client.force_login(world.a)
    url = f"/admin/pages/{product.pk}/revisions/{old_revision.pk}/revert/"
    response = client.get(url)
    assert response.status_code == 200
    data = form_data_from(response, product)
    data["action-submit"] = "1"
    response = client.post(f"/admin/pages/{product.pk}/edit/", data)
    assert response.status_code == 302
    draft = ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object()
    assert ("national", 2023) in [(c.level, c.year) for c in draft.certifications.all()]


def test_the_editor_changes_certifications_and_registration(world, client):
    client.force_login(world.editor)
    data = certification_post(edit_form_data(client, world.b_product), count=1)
    data["certifications-INITIAL_FORMS"] = "0"
    # keep the existing one: re-post it as a new form is not needed; add one more
    data["action-publish"] = "1"
    response = client.post(f"/admin/pages/{world.b_product.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    product = ProductPage.objects.get(pk=world.b_product.pk)
    assert ("national", 2024) in [(c.level, c.year) for c in product.certifications.all()]
    data = edit_form_data(client, world.b_producer)
    data["legal_form"] = "enterprise"
    data["action-publish"] = "1"
    assert client.post(f"/admin/pages/{world.b_producer.pk}/edit/", data).status_code == 302
    assert type(world.b_producer).objects.get(pk=world.b_producer.pk).legal_form == "enterprise"


# --- publishing without moderation ---------------------------------------------------------


def test_a_cannot_publish_without_moderation(world, client):
    client.force_login(world.a)
    data = edit_form_data(client, world.a_producer)
    assert (
        'name="action-publish"'
        not in client.get(f"/admin/pages/{world.a_producer.pk}/edit/").content.decode()
    )
    data["title"] = "HTX Mỳ Chũ (đổi tên)"
    data["action-publish"] = "1"
    client.post(f"/admin/pages/{world.a_producer.pk}/edit/", data)
    live = Page.objects.get(pk=world.a_producer.pk)
    assert live.title == "HTX Mỳ Chũ Nam Giang"
    assert live.get_latest_revision_as_object().title == "HTX Mỳ Chũ (đổi tên)"
    for url in (
        f"/admin/pages/{world.a_product.pk}/unpublish/",
        f"/admin/pages/{world.a_product.pk}/delete/",
        f"/admin/pages/{world.a_product.pk}/move/{world.b_producer.pk}/confirm/",
    ):
        assert refused(client.post(url, {})), url
    assert ProductPage.objects.get(pk=world.a_product.pk).live


def test_the_editor_publishes_directly(world, client):
    client.force_login(world.editor)
    data = edit_form_data(client, world.b_product)
    data["title"] = "Làn mây đan tay (mới)"
    data["action-publish"] = "1"
    assert client.post(f"/admin/pages/{world.b_product.pk}/edit/", data).status_code == 302
    assert Page.objects.get(pk=world.b_product.pk).title == "Làn mây đan tay (mới)"
    assert client.post(f"/admin/pages/{world.b_product.pk}/unpublish/").status_code == 302
    assert not Page.objects.get(pk=world.b_product.pk).live


def test_a_cannot_pick_bs_image_by_a_hand_made_post(world, client):
    client.force_login(world.a)
    data = edit_form_data(client, world.a_producer)
    data["logo"] = str(world.b_image.pk)
    data["action-submit"] = "1"
    response = client.post(f"/admin/pages/{world.a_producer.pk}/edit/", data)
    assert response.status_code == 200  # the form again, with its error
    stored = Page.objects.get(pk=world.a_producer.pk).specific
    assert stored.get_latest_revision_as_object().logo_id is None
    data["logo"] = str(world.a_image.pk)
    response = client.post(f"/admin/pages/{world.a_producer.pk}/edit/", data)
    assert response.status_code == 302
    stored = Page.objects.get(pk=world.a_producer.pk).specific
    assert stored.get_latest_revision_as_object().logo_id == world.a_image.pk
