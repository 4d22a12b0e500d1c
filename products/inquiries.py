"""Buyer inquiries: the form, its abuse limits, and delivery by e-mail.

An inquiry is saved before any e-mail is sent. When sending fails it stays marked "to be
resent", and `manage.py resend_inquiries` (run from cron) tries again."""

import ipaddress
import logging
import smtplib

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Inquiry

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website"


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
    """The buyer's copy. Its failure is logged and does not affect the inquiry."""
    try:
        EmailMessage(
            _("We have received your inquiry"),
            render_to_string("products/email/inquiry_confirmation.txt", {"inquiry": inquiry}),
            None,
            [inquiry.email],
        ).send()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Confirmation of inquiry %s not e-mailed: %r", inquiry.pk, error)
        return False
    return True


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
