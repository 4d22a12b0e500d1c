"""Producer A looks for producer B's images, documents and drafts where the listings do not
reach: the admin API, the page chooser, the bulk-action confirmations and document files."""

import json

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Collection

from products.models import Certification, ProductPage
from tests.factories import ProductPageFactory

from .conftest import make_document

pytestmark = pytest.mark.django_db

SECRET = "Bản nháp bí mật của B"
NEVER_PUBLISHED = "Sản phẩm chưa công bố của B"


def secret_draft(world):
    """B's unpublished change to a live product, and a product B never published."""
    product = ProductPage.objects.get(pk=world.b_product.pk)
    product.title = SECRET
    product.save_revision(user=world.b)
    hidden = ProductPageFactory(
        producer=world.b_producer, title=NEVER_PUBLISHED, slug="chua-cong-bo", publish=False
    )
    hidden.save_revision(user=world.b)
    return hidden


def text_of(client, url):
    """The page, or a modal's JSON with its escapes undone (a raw search would miss them)."""
    response = client.get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    if response.get("Content-Type", "").startswith("application/json"):
        data = response.json()
        return data.get("html") or json.dumps(data, ensure_ascii=False)
    return response.content.decode()


# --- the admin API -------------------------------------------------------------------------


def api_titles(client, endpoint, **params):
    response = client.get(f"/admin/api/main/{endpoint}/", params)
    assert response.status_code == 200, response.content[:500]
    return {item["title"] for item in response.json()["items"]}


def test_the_admin_api_lists_only_as_images_and_documents(world, client):
    client.force_login(world.a)
    assert api_titles(client, "images") == {"Ảnh của A"}
    assert api_titles(client, "images", search="Ảnh") == {"Ảnh của A"}
    assert api_titles(client, "documents") == {"Tài liệu của A"}
    assert api_titles(client, "documents", search="Tài liệu") == {"Tài liệu của A"}
    for url in (
        f"/admin/api/main/images/{world.b_image.pk}/",
        f"/admin/api/main/documents/{world.b_document.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "riêng của B" not in response.content.decode()
    assert client.get(f"/admin/api/main/images/{world.a_image.pk}/").status_code == 200


def test_the_editor_lists_everyones_in_the_admin_api(world, client):
    client.force_login(world.editor)
    assert {"Ảnh của A", "Ảnh riêng của B"} <= api_titles(client, "images")
    assert {"Tài liệu của A", "Tài liệu riêng của B"} <= api_titles(client, "documents")
    assert client.get(f"/admin/api/main/documents/{world.b_document.pk}/").status_code == 200


def test_the_admin_api_pages_show_a_neither_bs_pages_nor_drafts(world, client):
    secret_draft(world)
    client.force_login(world.a)
    index = world.b_producer.get_parent()
    for url in (
        "/admin/api/main/pages/?search=nh%C3%A1p",
        f"/admin/api/main/pages/?child_of={index.pk}",
        f"/admin/api/main/pages/?descendant_of={index.pk}",
        f"/admin/api/main/pages/{world.b_product.pk}/",
    ):
        text = text_of(client, url)
        assert SECRET not in text, url
        assert NEVER_PUBLISHED not in text, url
    assert client.get(f"/admin/api/main/pages/{world.b_product.pk}/").status_code == 404
    own = client.get(f"/admin/api/main/pages/?child_of={world.a_producer.pk}").json()
    assert world.a_product.pk in [item["id"] for item in own["items"]]


# --- the page chooser ----------------------------------------------------------------------


def chooser_urls(world, hidden):
    return [
        "/admin/choose-page/",
        f"/admin/choose-page/{world.b_producer.pk}/",
        f"/admin/choose-page/{world.b_product.pk}/",
        f"/admin/choose-page/{hidden.pk}/",
        "/admin/choose-page/search/?q=nh%C3%A1p",
        "/admin/choose-page/search/?q=B",
        "/admin/choose-page/search/?q=c%C3%B4ng+b%E1%BB%91",
        f"/admin/choose-page/chosen-multiple/?id={world.b_product.pk}&id={hidden.pk}",
    ]


def test_the_page_chooser_shows_a_only_bs_published_titles(world, client):
    hidden = secret_draft(world)
    client.force_login(world.a)
    for url in chooser_urls(world, hidden):
        text = text_of(client, url)
        assert SECRET not in text, url
        assert NEVER_PUBLISHED not in text, url
    # B's live product can still be chosen, under its published title.
    text = text_of(client, f"/admin/choose-page/{world.b_producer.pk}/")
    assert f'data-admin-title="{world.b_product.title}"' in text


def test_the_page_chooser_shows_the_editor_and_b_the_drafts(world, client):
    hidden = secret_draft(world)
    for user in (world.editor, world.b):
        client.force_login(user)
        text = text_of(client, f"/admin/choose-page/{world.b_producer.pk}/")
        assert f'data-admin-title="{SECRET}"' in text
        assert NEVER_PUBLISHED in text_of(client, f"/admin/choose-page/{hidden.pk}/")


# --- bulk actions --------------------------------------------------------------------------

BULK = ("delete", "unpublish", "move")


@pytest.mark.parametrize("action", BULK)
def test_bulk_confirmations_do_not_echo_bs_draft_titles_to_a(world, client, action):
    hidden = secret_draft(world)
    client.force_login(world.a)
    ids = f"id={world.b_product.pk}&id={hidden.pk}"
    text = text_of(client, f"/admin/bulk/wagtailcore/page/{action}/?{ids}")
    assert SECRET not in text
    assert NEVER_PUBLISHED not in text
    text = text_of(
        client, f"/admin/bulk/wagtailcore/page/{action}/?id=all&childOf={world.b_producer.pk}"
    )
    assert SECRET not in text
    assert NEVER_PUBLISHED not in text
    assert ProductPage.objects.get(pk=world.b_product.pk).live


@pytest.mark.parametrize("action", BULK)
def test_the_editor_sees_the_drafts_in_bulk_confirmations(world, client, action):
    hidden = secret_draft(world)
    client.force_login(world.editor)
    ids = f"id={world.b_product.pk}&id={hidden.pk}"
    text = text_of(client, f"/admin/bulk/wagtailcore/page/{action}/?{ids}")
    assert SECRET in text
    assert NEVER_PUBLISHED in text


# --- document files ------------------------------------------------------------------------


def test_a_producers_document_is_private_until_a_live_page_uses_it(world, client):
    url = world.b_document.url
    assert client.get(url).status_code == 404  # anyone
    client.force_login(world.a)
    assert client.get(url).status_code == 404
    for user in (world.b, world.editor):
        client.force_login(user)
        assert client.get(url).status_code == 200, user
    client.logout()
    product = ProductPage.objects.get(pk=world.b_product.pk)
    product.certifications.add(
        Certification(level="national", year=2025, document=world.b_document)
    )
    product.save_revision(user=world.editor)  # a draft is not enough
    assert client.get(url).status_code == 404
    product.get_latest_revision().publish()
    assert client.get(url).status_code == 200
    product.unpublish()
    assert client.get(url).status_code == 404


def test_the_centres_documents_stay_public(world, client):
    decision = make_document("Quyết định công nhận", Collection.get_first_root_node())
    assert client.get(decision.url).status_code == 200
    assert get_document_model().objects.filter(pk=decision.pk).exists()
