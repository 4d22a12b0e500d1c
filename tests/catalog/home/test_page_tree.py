from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from catalog.base.models import StandardPage
from catalog.home.models import BulletinIndexPage, HomePage, NewsIndexPage, ResultsPage
from fairs.models import FairIndexPage
from products.models import (
    ProducerIndexPage,
    ProducerPage,
    ProductIndexPage,
    ProductPage,
    TrademarkIndexPage,
)


class PageTreeTests(WagtailPageTestCase):
    def test_home_sits_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_sections_live_under_home(self):
        for section in (ProducerIndexPage, ProductIndexPage, TrademarkIndexPage, StandardPage):
            self.assertCanCreateAt(HomePage, section)
        self.assertCanNotCreateAt(StandardPage, ProducerIndexPage)

    def test_sections_live_directly_under_a_site_root_and_nowhere_else(self):
        """The shell names no home page model, so a section checks its parent's place."""
        root = Page.get_first_root_node()
        home = root.get_children().get().specific
        sections = (
            ProducerIndexPage,
            ProductIndexPage,
            TrademarkIndexPage,
            FairIndexPage,
            NewsIndexPage,
            BulletinIndexPage,
            ResultsPage,
        )
        for section in sections:
            assert section.can_exist_under(home), section
            assert not section.can_exist_under(root), section
        assert StandardPage.can_exist_under(home)
        assert not StandardPage.can_exist_under(root)

    def test_producers_live_under_the_producers_index(self):
        self.assertAllowedParentPageTypes(ProducerPage, {ProducerIndexPage})
        self.assertCanNotCreateAt(HomePage, ProducerPage)

    def test_products_live_under_their_producer(self):
        self.assertAllowedParentPageTypes(ProductPage, {ProducerPage})
        self.assertCanNotCreateAt(ProductIndexPage, ProductPage)
        self.assertCanNotCreateAt(HomePage, ProductPage)
        self.assertAllowedSubpageTypes(ProductPage, set())

    def test_catalogue_and_trademark_index_take_no_children(self):
        self.assertAllowedSubpageTypes(ProductIndexPage, set())
        self.assertAllowedSubpageTypes(TrademarkIndexPage, set())
