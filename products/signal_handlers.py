from wagtail.signals import post_page_move

from .models import ProductPage


def keep_producer_in_step(sender, instance, **kwargs):
    """A product moved under another producer now belongs to that producer."""
    page = instance.specific
    if isinstance(page, ProductPage):
        ProductPage.objects.filter(pk=page.pk).update(producer_id=page.get_parent().pk)


def connect():
    post_page_move.connect(keep_producer_in_step, dispatch_uid="products.keep_producer_in_step")
