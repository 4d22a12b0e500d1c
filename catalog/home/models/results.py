"""The extension programme's results: indicators per period, shown as charts and a table."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from catalog.base.models import SectionPage
from catalog.base.years import year_validators

from ..charts import bar_chart, format_number


class Indicator(models.TextChoices):
    PROJECTS = "projects", _("Extension projects carried out")
    BUDGET = "budget", _("State budget (million VND)")
    VOCATIONAL_TRAINEES = "vocational_trainees", _("Trainees in vocational training")
    MANAGEMENT_TRAINEES = "management_trainees", _("Trainees in business management")
    STUDY_TOURS = "study_tours", _("Staff and managers on study tours")
    MACHINERY = "machinery", _("Producers supported with machinery")
    DEMONSTRATION_MODELS = "demonstration_models", _("Demonstration models")
    CLEANER_PRODUCTION = "cleaner_production", _("Cleaner production assessments")
    FAIRS = "fairs", _("Fairs attended")
    FAIR_PRODUCERS = "fair_producers", _("Producers supported at fairs")
    TRADEMARKS = "trademarks", _("Trademarks registered")
    PRODUCTS_PROVINCIAL = "products_provincial", _("Products certified, provincial level")
    PRODUCTS_REGIONAL = "products_regional", _("Products certified, Northern region level")
    PRODUCTS_NATIONAL = "products_national", _("Products certified, national level")
    SHOWROOMS = "showrooms", _("Producers supported to build showrooms")
    PACKAGING = "packaging", _("Producers supported with packaging design")
    NEW_ENTERPRISES = "new_enterprises", _("New industrial enterprises founded")
    MEDIA = "media", _("Broadcasts, articles and publications")
    BULLETIN_COPIES = "bulletin_copies", _("Quarterly bulletin copies published")
    CRAFT_VILLAGES = "craft_villages", _("Craft villages recognised")


# Indicators charted together share a unit, so their bars compare fairly.
CHARTS = (
    ("budget", _("State budget, million VND"), (Indicator.BUDGET,)),
    (
        "training",
        _("Training, people"),
        (Indicator.VOCATIONAL_TRAINEES, Indicator.MANAGEMENT_TRAINEES, Indicator.STUDY_TOURS),
    ),
    (
        "producers",
        _("Producers and enterprises supported"),
        (
            Indicator.MACHINERY,
            Indicator.FAIR_PRODUCERS,
            Indicator.PACKAGING,
            Indicator.NEW_ENTERPRISES,
            Indicator.DEMONSTRATION_MODELS,
            Indicator.SHOWROOMS,
            Indicator.CLEANER_PRODUCTION,
        ),
    ),
    (
        "recognition",
        _("Projects, fairs, trademarks, certified products and craft villages"),
        (
            Indicator.PROJECTS,
            Indicator.PRODUCTS_PROVINCIAL,
            Indicator.CRAFT_VILLAGES,
            Indicator.FAIRS,
            Indicator.PRODUCTS_REGIONAL,
            Indicator.TRADEMARKS,
            Indicator.PRODUCTS_NATIONAL,
        ),
    ),
    (
        "outreach",
        _("Communication"),
        (Indicator.BULLETIN_COPIES, Indicator.MEDIA),
    ),
)


class ResultsPage(SectionPage):
    """What the extension programme achieved, as recorded by editors from official reports."""

    subpage_types = []
    content_panels = [*SectionPage.content_panels, InlinePanel("figures", label=_("Figures"))]

    class Meta:
        verbose_name = _("programme results page")

    def periods(self):
        keys = sorted({(f.period_start, f.period_end) for f in self.figures.all()})
        return [ResultFigure.period_label(start, end) for start, end in keys]

    def values(self):
        """{indicator: {period label: value}}."""
        values = {}
        for figure in self.figures.all():
            values.setdefault(figure.indicator, {})[figure.period] = figure.value
        return values

    def table(self):
        """[(indicator label, [formatted value or None per period], [sources])], in the
        indicators' order."""
        periods = self.periods()
        values = self.values()
        sources = {}
        for figure in self.figures.all():
            if figure.source:
                sources.setdefault(figure.indicator, []).append(figure.source)
        return [
            (
                label,
                [format_number(values[key][p]) if p in values[key] else None for p in periods],
                sources.get(key, []),
            )
            for key, label in Indicator.choices
            if key in values
        ]

    def charts(self):
        periods = self.periods()
        values = self.values()
        charts = []
        for chart_id, title, indicators in CHARTS:
            rows = [(i.label, values[i]) for i in indicators if i in values]
            if rows:
                charts.append(
                    {"title": title, "svg": bar_chart(f"chart-{chart_id}", title, rows, periods)}
                )
        return charts


class ResultFigure(Orderable):
    """One indicator's value over one period, with where the figure comes from."""

    page = ParentalKey(ResultsPage, on_delete=models.CASCADE, related_name="figures")
    period_start = models.PositiveSmallIntegerField(_("from year"), validators=year_validators())
    period_end = models.PositiveSmallIntegerField(_("to year"), validators=year_validators())
    indicator = models.CharField(_("indicator"), max_length=40, choices=Indicator.choices)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=1)
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("The report and section the figure comes from."),
    )

    panels = [
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldRowPanel([FieldPanel("indicator"), FieldPanel("value")]),
        FieldPanel("source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("figure")
        verbose_name_plural = _("figures")

    def __str__(self):
        return f"{self.get_indicator_display()} {self.period}: {self.value}"

    @staticmethod
    def period_label(start, end):
        return str(start) if start == end else f"{start}–{end}"

    @property
    def period(self):
        return self.period_label(self.period_start, self.period_end)

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})
