"""Buyer inquiries: the form, its abuse limits, and delivery by e-mail.

An inquiry is saved before any e-mail is sent, and the e-mails are sent by the task worker,
so the buyer never waits on the mail server. When sending fails the inquiry stays marked "to
be resent" and the task tries again later (MAIL_ATTEMPTS times in all); `manage.py
resend_inquiries` tries every such inquiry again at once."""

import ipaddress
import logging
import smtplib
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from catalog.base.tasks import enqueue_later

from .models import Inquiry

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website"
# Sending an inquiry is tried this many times, the n-th retry n * RETRY_AFTER after a failure.
MAIL_ATTEMPTS = 5
RETRY_AFTER = timedelta(minutes=5)


class MailNotSent(Exception):
    """Marks the task failed (logged, kept in the task results) when an e-mail did not go."""


class InquiryForm(forms.ModelForm):
    # Hidden from people by CSS and aria-hidden; bots that fill every field give themselves away.
    website = forms.CharField(required=False, max_length=200, label=gettext_lazy("Leave empty"))

    class Meta:
        model = Inquiry
        fields = ["name", "company", "email", "phone", "country", "quantity", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 5, "maxlength": 3000})}

    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())


def client_ip(request):
    """The buyer's address. Behind settings.TRUSTED_PROXY_COUNT reverse proxies it is the one
    the outermost of them saw, read from the right of X-Forwarded-For, so that addresses a
    client writes into the header itself are never believed. Anything unreadable falls
    back to the connection's own address."""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if count and len(forwarded) >= count:
        try:
            return str(ipaddress.ip_address(forwarded[-count]))
        except ValueError:
            logger.warning("Unreadable X-Forwarded-For: %r", forwarded[-count][:60])
    return request.META.get("REMOTE_ADDR")


def rate_limits():
    """{"ip": (count, seconds), "email": (count, seconds)}."""
    return getattr(settings, "INQUIRY_RATE_LIMITS", {"ip": (5, 3600), "email": (3, 3600)})


def over_limit(ip_address, email):
    """Count this attempt against the IP address and the e-mail address; True when either has
    gone past its limit in its window."""
    exceeded = False
    for kind, value in (("ip", ip_address or "unknown"), ("email", (email or "").lower())):
        limit, window = rate_limits()[kind]
        key = f"inquiry-rate:{kind}:{value}"
        cache.add(key, 0, window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, window)
            count = 1
        exceeded = exceeded or count > limit
    return exceeded


def recipients(inquiry):
    """The producer's e-mail, its accounts' e-mails, and the centre's."""
    addresses = []
    producer = inquiry.producer
    if producer is not None:
        if producer.email:
            addresses.append(producer.email)
        team = getattr(producer, "team", None)  # RelatedObjectDoesNotExist is an AttributeError
        if team is not None:
            addresses += [u.email for u in team.group.user_set.filter(is_active=True) if u.email]
    addresses += list(getattr(settings, "CATALOG_INQUIRY_RECIPIENTS", []))
    return list(dict.fromkeys(a for a in addresses if a))


def deliver(inquiry):
    """E-mail the inquiry to the producer and the centre; record the outcome. True if sent."""
    inquiry.email_attempts += 1
    to = recipients(inquiry)
    try:
        if not to:
            raise smtplib.SMTPRecipientsRefused({})
        subject = _("Buyer inquiry: %(subject)s") % {
            "subject": inquiry.product or inquiry.producer or inquiry.name
        }
        body = render_to_string("products/email/inquiry_notification.txt", {"inquiry": inquiry})
        EmailMessage(subject, body, None, to, reply_to=[inquiry.email]).send()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Inquiry %s not e-mailed: %r", inquiry.pk, error)
        inquiry.email_status = Inquiry.EmailStatus.FAILED
        inquiry.email_error = repr(error)[:2000]
        inquiry.save(update_fields=["email_status", "email_error", "email_attempts"])
        return False
    inquiry.email_status = Inquiry.EmailStatus.SENT
    inquiry.email_error = ""
    inquiry.emailed_at = timezone.now()
    inquiry.save(update_fields=["email_status", "email_error", "email_attempts", "emailed_at"])
    return True


def confirm_to_buyer(inquiry):
    """The buyer's receipt. The address is unverified, so it holds nothing the sender wrote
    (name, message): fixed text, the product's or producer's name and the centre's contact,
    lest the form be used to send any text to anyone from the centre's address."""
    recipients = getattr(settings, "CATALOG_INQUIRY_RECIPIENTS", [])
    context = {
        "subject": (inquiry.product or inquiry.producer).title,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "contact": recipients[0] if recipients else "",
        "site_url": settings.WAGTAILADMIN_BASE_URL,
    }
    EmailMessage(
        _("We have received your inquiry"),
        render_to_string("products/email/inquiry_confirmation.txt", context),
        None,
        [inquiry.email],
    ).send()


def _inquiry(inquiry_id):
    return Inquiry.objects.select_related("producer", "product").filter(pk=inquiry_id).first()


@task()
def send_inquiry(inquiry_id, language=settings.LANGUAGE_CODE):
    """The worker's side of `deliver`: on failure it is enqueued again for later."""
    inquiry = _inquiry(inquiry_id)
    if inquiry is None or inquiry.email_status == Inquiry.EmailStatus.SENT:
        return
    with translation.override(language):
        sent = deliver(inquiry)
    if not sent:
        if inquiry.email_attempts < MAIL_ATTEMPTS:
            delay = RETRY_AFTER * inquiry.email_attempts
            enqueue_later(send_inquiry, delay, inquiry_id, language)
        raise MailNotSent(f"Inquiry {inquiry_id}: {inquiry.email_error}")


@task()
def send_receipt(inquiry_id, language=settings.LANGUAGE_CODE):
    """The buyer's copy, from the worker, in the language the buyer used. A failure is
    logged and not retried: the inquiry itself has gone to the producer."""
    inquiry = _inquiry(inquiry_id)
    if inquiry is not None:
        with translation.override(language):
            confirm_to_buyer(inquiry)


def send_later(inquiry):
    """Hand the inquiry's e-mails to the worker: the producer's and the centre's in the
    site's language (they are no accounts with a preference), the buyer's receipt in the
    language the buyer used."""
    send_inquiry.enqueue(inquiry.pk, settings.LANGUAGE_CODE)
    send_receipt.enqueue(inquiry.pk, translation.get_language())


def resend_pending():
    """Try again every inquiry not yet e-mailed. Returns (sent, failed)."""
    sent = failed = 0
    pending = Inquiry.objects.exclude(email_status=Inquiry.EmailStatus.SENT).select_related(
        "producer", "product"
    )
    for inquiry in pending.order_by("pk"):
        if deliver(inquiry):
            sent += 1
        else:
            failed += 1
    return sent, failed
