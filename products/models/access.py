"""Producer accounts: each producer has its own group and collection in the CMS."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection


class ProducerTeam(models.Model):
    """Ties a producer's page to the group its accounts belong to and to the collection its
    images and documents go in. The group's page permissions cover that page's subtree only
    (see products.producer_access)."""

    producer = models.OneToOneField(
        "products.ProducerPage",
        verbose_name=_("producer"),
        on_delete=models.CASCADE,
        related_name="team",
    )
    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="producer_team"
    )
    collection = models.ForeignKey(
        Collection,
        verbose_name=_("collection"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("producer team")
        verbose_name_plural = _("producer teams")

    def __str__(self):
        return str(self.group)
