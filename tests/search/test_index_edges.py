"""The index at its edges (issue 11, part 6), on every backend: a rolled-back change never
reaches the engine, a page made private leaves the results at once, a merged district finds
the producers recorded under the old one, and status names an index of an older version."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import PageViewRestriction

from products.models import District
from search import service
from search.backends.engine import catalog_index
from search.query import parse
from tests.factories import DistrictFactory, small_catalog
from tests.search.conftest import rebuild

pytestmark = pytest.mark.django_db


def found(text="", **filters):
    result, _notice = service.search(parse({"q": text, **filters}))
    return {hit["title"] for hit in result.hits}


@pytest.fixture
def indexed(live_backend):
    data = small_catalog()
    rebuild()
    return data | {"backend": live_backend.name}


class LoadFailed(Exception):
    pass


def _publish_then_fail(product):
    with transaction.atomic():
        product.title = "Khay cói nhuộm chàm"
        product.save_revision().publish()
        raise LoadFailed("the demo load failed half-way")


def test_a_rolled_back_publish_never_reaches_the_index(indexed, committed):
    product = indexed["products"]["khay"]
    with committed(), pytest.raises(LoadFailed):
        _publish_then_fail(product)
    assert "Khay cói nhuộm chàm" not in found("khay coi nhuom cham")
    assert "Khay tre cuốn" in found("khay tre")


def test_a_page_made_private_leaves_the_results_at_once(indexed, committed):
    product = indexed["products"]["khay"]
    with committed():
        restriction = PageViewRestriction.objects.create(
            page=product, restriction_type=PageViewRestriction.LOGIN
        )
    assert "Khay tre cuốn" not in found("khay tre")
    with committed():
        restriction.delete()
    assert "Khay tre cuốn" in found("khay tre")


def test_a_private_producer_takes_its_subtree_out(indexed, committed):
    with committed():
        PageViewRestriction.objects.create(
            page=indexed["producers"]["may"], restriction_type=PageViewRestriction.LOGIN
        )
    assert not found("", district="yen-the") & {"Làn mây đan tay", "Khay tre cuốn"}


def test_a_district_merged_into_another_finds_its_producers_under_the_new(indexed, committed):
    new = DistrictFactory(name="Lục Ngạn mới", slug="luc-ngan-moi")
    with committed():
        old = District.objects.get(slug="luc-ngan")
        old.merged_into = new
        old.save()
    assert {"Mỳ Chũ gạo bao thai", "Mỳ gạo đỏ", "HTX Mỳ Chũ Nam Giang"} <= found(
        district="luc-ngan-moi"
    )
    assert "Mỳ gạo đỏ" in found(district="luc-ngan")  # the old name still finds them


def test_status_names_an_index_built_by_an_older_version(indexed, monkeypatch):
    out = io.StringIO()
    call_command("search_index", "status", stdout=out)
    assert "OUT OF DATE" not in out.getvalue()
    assert "document version 2, current" in out.getvalue()
    monkeypatch.setattr("search.management.commands.search_index.DOCUMENT_VERSION", 3)
    out = io.StringIO()
    call_command("search_index", "status", stdout=out)
    expected = 1 if indexed["backend"] == "database" else 2
    lines = [line for line in out.getvalue().splitlines() if "OUT OF DATE" in line]
    assert len(lines) == expected
    assert all("search_index rebuild" in line for line in lines)
    if indexed["backend"] != "database":
        assert catalog_index().names()
