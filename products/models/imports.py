"""A spreadsheet an editor uploaded in the admin, from preview to applied or cancelled."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    """One upload: the worker previews it (a dry run, written nowhere), the editor confirms
    or cancels, and the worker applies it only if it still does exactly what was previewed."""

    class Status(models.TextChoices):
        PREVIEWING = "previewing", _("Being checked")
        PREVIEWED = "previewed", _("Ready to confirm")
        INVALID = "invalid", _("Has errors")
        APPLYING = "applying", _("Being imported")
        APPLIED = "applied", _("Imported")
        STALE = "stale", _("Catalog changed since the preview")
        CANCELLED = "cancelled", _("Cancelled")

    file = models.FileField(_("file"), upload_to="imports/")
    filename = models.CharField(_("file name"), max_length=255)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PREVIEWING
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    preview = models.JSONField(_("preview"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("spreadsheet import")
        verbose_name_plural = _("spreadsheet imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.filename

    @property
    def running(self):
        return self.status in (self.Status.PREVIEWING, self.Status.APPLYING)
