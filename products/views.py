"""Public views of the products app: the buyer's inquiry form."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from products.models import ProducerPage

from .inquiries import InquiryForm, client_ip, over_limit, send_later
from .models import ProductPage


def inquiry_target(page_id):
    """(page, producer, product) for a live, public product or producer page."""
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if isinstance(page, ProductPage):
        return page, page.producer, page
    if isinstance(page, ProducerPage):
        return page, page, None
    raise Http404


@require_http_methods(["GET", "POST"])
def inquiry(request, page_id):
    page, producer, product = inquiry_target(page_id)
    form = InquiryForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_spam():
            # Look like success to the bot; keep nothing.
            return redirect("inquiry_sent", page_id=page.pk)
        if form.is_valid():
            ip_address = client_ip(request)
            if over_limit(ip_address, form.cleaned_data["email"]):
                form.add_error(
                    None,
                    _(
                        "You have sent too many inquiries in a short time. "
                        "Please try again in an hour, or call the producer."
                    ),
                )
                status = 429
            else:
                inquiry = form.save(commit=False)
                inquiry.producer = producer
                inquiry.product = product
                inquiry.ip_address = ip_address
                inquiry.save()  # stored first: a mail failure must not lose it
                send_later(inquiry)
                return redirect("inquiry_sent", page_id=page.pk)
        else:
            status = 400
    return render(
        request,
        "products/inquiry_page.html",
        {"page": page, "producer": producer, "product": product, "form": form},
        status=status,
    )


def inquiry_sent(request, page_id):
    page, producer, product = inquiry_target(page_id)
    return render(
        request,
        "products/inquiry_sent.html",
        {"page": page, "producer": producer, "product": product},
    )


def inquiry_url(page):
    return reverse("inquiry", kwargs={"page_id": page.pk})
