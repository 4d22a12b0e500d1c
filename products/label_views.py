"""The admin's label sheet downloads: a producer gets their own products' labels, the
centre's staff anyone's. Another producer's id answers exactly as a missing one does."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import labels, producer_access
from .models import ProducerPage, ProductPage
from .panels import may_manage_registration


def printable_producers(user):
    if user.is_superuser or may_manage_registration(user):
        return ProducerPage.objects.all()
    return producer_access.producers_of(user)


def _sheet(request, products, title):
    certifications = labels.printable(products)
    if not certifications:
        messages.warning(request, _("No certification in force to print a label for."))
        return redirect("wagtailadmin_home")
    response = HttpResponse(labels.sheet_pdf(certifications, title), content_type="application/pdf")
    name = slugify(title) or "nhan"
    response["Content-Disposition"] = f'attachment; filename="nhan-qr-{name}.pdf"'
    return response


def producer_labels(request, producer_id):
    producer = printable_producers(request.user).filter(pk=producer_id).first()
    if producer is None:
        raise Http404
    return _sheet(request, labels.products_of(producer), producer.title)


def product_labels(request, product_id):
    producers = printable_producers(request.user)
    product = ProductPage.objects.filter(pk=product_id, producer__in=producers).first()
    if product is None:
        raise Http404
    return _sheet(request, ProductPage.objects.filter(pk=product.pk), product.title)
