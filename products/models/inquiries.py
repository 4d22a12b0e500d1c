"""Buyer inquiries: stored first, then e-mailed, so that none is lost when mail fails."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Inquiry(models.Model):
    """A buyer's request sent from a product or producer page to that producer."""

    class EmailStatus(models.TextChoices):
        PENDING = "pending", _("Not sent yet")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("To be resent")

    producer = models.ForeignKey(
        "products.ProducerPage",
        verbose_name=_("producer"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
    )
    product = models.ForeignKey(
        "products.ProductPage",
        verbose_name=_("product"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
    )
    name = models.CharField(_("name"), max_length=120)
    company = models.CharField(_("company"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    country = models.CharField(_("country"), max_length=80, blank=True)
    quantity = models.CharField(_("quantity wanted"), max_length=120, blank=True)
    message = models.TextField(_("message"), max_length=3000)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)
    email_status = models.CharField(
        _("e-mail status"),
        max_length=10,
        choices=EmailStatus.choices,
        default=EmailStatus.PENDING,
        db_index=True,
    )
    email_attempts = models.PositiveSmallIntegerField(_("sending attempts"), default=0)
    email_error = models.TextField(_("last sending error"), blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    handled = models.BooleanField(_("handled"), default=False)

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        subject = self.product or self.producer
        return f"{self.name} → {subject}" if subject else self.name
