"""Two producer accounts, A (Mỳ Chũ) and B (mây tre Tăng Tiến), and a centre editor."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import querydict_from_html

from products.producer_access import invite, setup_roles
from tests.factories import ImageFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def make_document(title, collection):
    from django.core.files.base import ContentFile

    return get_document_model().objects.create(
        title=title,
        collection=collection,
        file=ContentFile(b"%PDF-1.4 test", name="quyet-dinh.pdf"),
    )


@pytest.fixture
def world(catalog, django_user_model, mailoutbox):
    setup_roles()
    chu, may = catalog["producers"]["chu"], catalog["producers"]["may"]
    a, _, _ = invite(chu, "a@mychu.vn", "An")
    b, _, _ = invite(may, "b@maytre.vn", "Bình")
    for user in (a, b):
        user.set_password("pw-not-secret-1")
        user.save()
    editor = django_user_model.objects.create_user(
        "bientap", "bientap@khuyencong.vn", "pw-not-secret-1"
    )
    editor.groups.add(Group.objects.get(name="Moderators"))
    a_image = ImageFactory(title="Ảnh của A", collection=chu.team.collection)
    b_image = ImageFactory(title="Ảnh riêng của B", collection=may.team.collection)
    mailoutbox.clear()
    return SimpleNamespace(
        a=a,
        b=b,
        editor=editor,
        a_producer=chu,
        b_producer=may,
        a_product=catalog["products"]["my_chu"],
        b_product=catalog["products"]["lang_may"],
        a_image=a_image,
        b_image=b_image,
        a_document=make_document("Tài liệu của A", chu.team.collection),
        b_document=make_document("Tài liệu riêng của B", may.team.collection),
        catalog=catalog,
    )


def edit_form_data(client, page):
    """The edit form exactly as the admin renders it to the signed-in user, as POST data."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return form_data_from(response, page)


def form_data_from(response, page):
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form").copy()
    # Stream fields are drawn by JavaScript; an empty one posts its count only.
    for field in page.specific_class._meta.get_fields():
        if type(field).__name__ == "StreamField" and f"{field.name}-count" not in data:
            assert not getattr(page.specific, field.name), "only empty stream fields are posted"
            data[f"{field.name}-count"] = "0"
    return data
