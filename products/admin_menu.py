"""What a producer's account meets in the admin: its pages, its pictures and documents, its
inquiries and a short guide; not the centre's workflows, reports, settings or snippets.
The menu hides them and the middleware refuses their URLs, so a typed address fails too."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from . import producer_access

# Main menu items a producer keeps (Wagtail's item names, and the inquiries viewset's).
PRODUCER_MENU = {"explorer", "images", "documents", "inquiries", "help"}
# Admin URLs meant for the centre only.
CENTRE_ONLY_PREFIXES = (
    "/admin/reports/",
    "/admin/workflows/",
    "/admin/settings/",
    "/admin/snippets/",
    "/admin/sites/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/collections/",
    "/admin/redirects/",
    "/admin/import/",
)


def producer_menu(request, menu_items):
    if producer_access.is_producer_account(request.user):
        menu_items[:] = [item for item in menu_items if item.name in PRODUCER_MENU]


def producer_reports(request, menu_items):
    if producer_access.is_producer_account(request.user):
        menu_items[:] = []


class CentreOnlyAdminMiddleware:
    """Refuses the centre's admin pages to producer accounts, whatever Wagtail's own checks
    would allow (site history and the aging pages report are open to every admin user)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(CENTRE_ONLY_PREFIXES) and (
            producer_access.is_producer_account(request.user)
        ):
            raise PermissionDenied
        return self.get_response(request)


class ProducerGuidePanel(Component):
    """A few lines on what a producer may do here, first on its dashboard."""

    name = "producer_guide"
    order = 40
    template_name = "products/admin/producer_guide_panel.html"

    def get_context_data(self, parent_context=None):
        return {"heading": _("What you can do here")}
