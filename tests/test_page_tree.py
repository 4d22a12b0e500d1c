from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from catalog.models import HomePage, ProducerIndexPage, ProducerPage, StandardPage
from products.models import ProductIndexPage, ProductPage, TrademarkIndexPage


class PageTreeTests(WagtailPageTestCase):
    def test_home_sits_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_sections_live_under_home(self):
        for section in (ProducerIndexPage, ProductIndexPage, TrademarkIndexPage, StandardPage):
            self.assertCanCreateAt(HomePage, section)
        self.assertCanNotCreateAt(StandardPage, ProducerIndexPage)

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
