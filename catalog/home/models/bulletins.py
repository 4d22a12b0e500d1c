"""Quarterly extension bulletins (bản tin khuyến công): one page per issue, with its PDF."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.search import index

from catalog.base.blocks import BodyStreamBlock
from catalog.base.models import BasePage, SectionPage
from catalog.base.years import year_validators

from ..feeds import FeedRoutesMixin

QUARTER_MONTHS = {1: 1, 2: 4, 3: 7, 4: 10}


class BulletinIndexPage(FeedRoutesMixin, SectionPage):
    """Every issue, grouped by year, newest first, with RSS and Atom feeds."""

    subpage_types = ["home.BulletinPage"]

    class Meta:
        verbose_name = _("bulletins index")

    def feed_items(self):
        return (
            BulletinPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("document", "cover_image")
            .order_by("-year", "-quarter", "-issue_number")
        )

    def issues_by_year(self):
        """[(year, [issues])], newest year first."""
        groups = {}
        for issue in self.feed_items():
            groups.setdefault(issue.year, []).append(issue)
        return list(groups.items())

    @path("")
    def bulletin_list(self, request):
        return self.render(request, context_overrides={"years": self.issues_by_year()})


class BulletinPage(BasePage):
    """One quarterly issue. The issue number is unique across all issues, drafts included."""

    issue_number = models.PositiveIntegerField(_("issue number"))
    quarter = models.PositiveSmallIntegerField(
        _("quarter"),
        choices=[(q, str(q)) for q in range(1, 5)],
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=year_validators())
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    parent_page_types = ["home.BulletinIndexPage"]
    subpage_types = []
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("issue_number"), FieldPanel("quarter"), FieldPanel("year")]),
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("summary")]

    class Meta:
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")

    def clean(self):
        super().clean()
        if self.issue_number is not None:
            others = BulletinPage.objects.filter(issue_number=self.issue_number)
            if self.pk:
                others = others.exclude(pk=self.pk)
            if others.exists():
                raise ValidationError(
                    {"issue_number": _("Another bulletin already has this issue number.")}
                )

    @property
    def quarter_start(self):
        return datetime.date(self.year, QUARTER_MONTHS[self.quarter], 1)

    def feed_date(self):
        return self.quarter_start

    def feed_summary(self):
        return self.summary or self.intro

    def feed_categories(self):
        return [str(self.year)]

    def feed_enclosure(self):
        if not self.document:
            return None
        return (self.document.url, str(self.document.get_file_size() or 0), "application/pdf")
