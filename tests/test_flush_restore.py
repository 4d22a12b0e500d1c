"""The suite may run transactional and ordinary tests in any order: see tests/conftest.py."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site


@pytest.mark.django_db(transaction=True)
def test_a_flushing_test_sees_the_migrated_state():
    assert Site.objects.filter(is_default_site=True).exists()


def test_b_after_a_flush_the_site_and_content_types_are_back(db):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific
    ct = ContentType.objects.get_for_model(Page)
    Page.objects.get(depth=1).get_children()
    assert ContentType.objects.filter(pk=ct.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_c_flushing_again():
    assert Site.objects.filter(is_default_site=True).exists()
    Page.objects.get(depth=1).add_child(instance=Page(title="x", slug="x-flush"))


def test_d_non_flushing(db):
    assert not Page.objects.filter(slug="x-flush").exists()
    assert Site.objects.get(is_default_site=True)
