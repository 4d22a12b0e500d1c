"""Admin: a "Draft a quarter's bulletin" button on the bulletins index and the view behind it."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from catalog.base.years import FIRST_YEAR, LAST_YEAR
from products.models import ProducerIndexPage

from .bulletin_draft import DraftError, draft_bulletin
from .models import BulletinIndexPage


class DraftBulletinForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"), choices=[(q, str(q)) for q in range(1, 5)], coerce=int
    )


def draft_bulletin_view(request):
    index = BulletinIndexPage.objects.first()
    if index is None or not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    today = datetime.date.today()
    initial = {"year": today.year, "quarter": (today.month - 1) // 3 + 1}
    form = DraftBulletinForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            page = draft_bulletin(
                form.cleaned_data["year"], form.cleaned_data["quarter"], user=request.user
            )
        except DraftError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Draft created. Check it, then publish it."))
            return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "home/admin/draft_bulletin.html",
        {"form": form, "index": index, "page_title": _("Draft a quarter's bulletin")},
    )


@hooks.register("register_admin_urls")
def register_draft_bulletin_url():
    return [path("draft-bulletin/", draft_bulletin_view, name="home_draft_bulletin")]


@hooks.register("register_page_header_buttons")
def draft_bulletin_header_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, BulletinIndexPage) and (
        page.permissions_for_user(user).can_add_subpage()
    ):
        yield Button(
            _("Draft a quarter's bulletin"),
            reverse("home_draft_bulletin"),
            icon_name="doc-full",
            priority=12,
        )


@hooks.register("register_page_listing_buttons")
def draft_bulletin_listing_button(page, user, next_url=None):
    yield from draft_bulletin_header_button(page, user, "listing", next_url)


class StaffActionsPanel(Component):
    """The centre's everyday actions as buttons on its dashboard, not hidden in a page's
    "…" menu: draft this quarter's bulletin, invite or remove producer accounts, import a
    spreadsheet."""

    name = "staff_actions"
    order = 30
    template_name = "home/admin/staff_actions_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        user = self.request.user
        bulletins = BulletinIndexPage.objects.first()
        producers = ProducerIndexPage.objects.first()
        actions = []
        if bulletins and bulletins.permissions_for_user(user).can_add_subpage():
            actions.append((_("Draft a quarter's bulletin"), reverse("home_draft_bulletin")))
        if producers and user.has_perm("products.manage_registration"):
            actions.append(
                (_("Producer accounts"), reverse("wagtailadmin_explore", args=[producers.pk]))
            )
            actions.append((_("Import a spreadsheet"), reverse("catalog_import")))
        return {"actions": actions}


@hooks.register("construct_homepage_panels")
def staff_actions_panel(request, panels):
    panel = StaffActionsPanel(request)
    if panel.get_context_data()["actions"]:
        panels.append(panel)
