"""Admin views for producer accounts: the editors' access page and the producer's dashboard."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from products.models import ProducerPage

from . import producer_access
from .models import ProducerTeam


class InviteForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail"), max_length=254)
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=150, required=False)


@require_http_methods(["GET", "POST"])
def producer_access_view(request, page_id):
    """Invite accounts to a producer's showcase, or remove them: editors only."""
    if not request.user.has_perm("products.manage_registration"):
        raise PermissionDenied
    producer = get_object_or_404(ProducerPage, pk=page_id)
    form = InviteForm(request.POST if request.POST.get("action") == "invite" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "invite" and form.is_valid():
            user, _created, _link = producer_access.invite(
                producer,
                form.cleaned_data["email"],
                form.cleaned_data["first_name"],
                form.cleaned_data["last_name"],
            )
            messages.success(
                request,
                _("%(email)s is invited; a link to set a password is being e-mailed.")
                % {"email": user.email},
            )
            return redirect("producer_access", page_id=producer.pk)
        if action == "revoke":
            User = get_user_model()
            user = None
            if request.POST.get("user"):
                user = get_object_or_404(User, pk=request.POST["user"])
            removed = producer_access.revoke(producer, user)
            messages.success(
                request,
                _("Access removed for: %(users)s")
                % {"users": ", ".join(u.get_username() for u in removed) or "-"},
            )
            return redirect("producer_access", page_id=producer.pk)
    team = ProducerTeam.objects.filter(producer=producer).select_related("group").first()
    members = team.group.user_set.order_by("email") if team else []
    return TemplateResponse(
        request,
        "products/admin/producer_access.html",
        {"producer": producer, "form": form, "members": members, "team": team},
    )


def page_status(page):
    """(status key, label, rejection comment) of a page for its producer's dashboard."""
    state = WorkflowState.objects.for_instance(page).order_by("-created_at").first()
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return "in_moderation", _("In moderation"), ""
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = state.current_task_state
        comment = task_state.get_comment() if task_state else ""
        return "rejected", _("Changes requested"), comment
    if page.has_unpublished_changes:
        return "draft", _("Draft"), ""
    return "live", _("Live"), ""


class ProducerDashboardPanel(Component):
    """The producer's own pages with their status, and their latest inquiries."""

    name = "producer_pages"
    order = 50
    template_name = "products/admin/producer_dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        pages = producer_access.own_pages(self.user).specific().order_by("path")
        rows = []
        for page in pages:
            key, label, comment = page_status(page)
            rows.append(
                {
                    "page": page,
                    "status": key,
                    "label": label,
                    "comment": comment,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                }
            )
        inquiries = producer_access.visible_inquiries(self.user).select_related("product")[:5]
        return {
            "rows": rows,
            "inquiries": inquiries,
            "inquiries_url": reverse("inquiries:index"),
            "label_sheets": [
                (producer, reverse("producer_labels", args=[producer.pk]))
                for producer in producer_access.producers_of(self.user).order_by("title")
            ],
        }
