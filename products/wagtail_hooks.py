from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_menu, admin_scope, import_admin, producer_access, public_files
from .admin_menu import ProducerGuidePanel
from .admin_views import ProducerDashboardPanel, producer_access_view
from .inquiry_admin import InquiryViewSet, inquiry_handled_view
from .label_views import printable_producers, producer_labels, product_labels
from .models import (
    Category,
    CraftVillage,
    District,
    ProducerPage,
    ProductPage,
    Trademark,
)
from .panels import may_manage_registration

# The snippet listings search every field the model indexes (its own `search_fields`): naming
# fields here would restrict the search, which Wagtail's SQLite backend cannot do (it answers
# "no such column", wagtail/wagtail#10217).


class TrademarkViewSet(SnippetViewSet):
    model = Trademark
    icon = "pick"
    list_display = ["mark", "kind", "registration_number", "status", "owner"]
    list_filter = ["kind", "status"]


register_snippet(TrademarkViewSet)


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    list_display = ["__str__", "slug", "sort_order"]


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    list_display = ["name", "kind", "is_active", "merged_into"]
    list_filter = ["kind", "is_active"]


class CraftVillageViewSet(SnippetViewSet):
    model = CraftVillage
    icon = "group"
    list_display = ["name", "commune", "district", "recognition_year", "is_traditional"]
    list_filter = ["district", "is_traditional"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "folder-open-inverse"
    items = (CategoryViewSet, DistrictViewSet, CraftVillageViewSet)


register_snippet(TaxonomyViewSetGroup)


@hooks.register("register_admin_viewset")
def register_inquiry_viewset():
    return InquiryViewSet()


@hooks.register("register_admin_urls")
def inquiry_handled_url():
    return [path("inquiries/<int:pk>/handled/", inquiry_handled_view, name="inquiry_handled")]


# --- producer accounts: inviting, and what they may reach ----------------------------------


@hooks.register("register_admin_urls")
def producer_access_urls():
    return [
        path("producer-access/<int:page_id>/", producer_access_view, name="producer_access"),
        path("labels/producer/<int:producer_id>/", producer_labels, name="producer_labels"),
        path("labels/product/<int:product_id>/", product_labels, name="product_labels"),
    ]


class LabelsButton(PageMenuItem):
    label = _("QR labels (PDF)")
    icon_name = "download"


@hooks.register("register_page_header_buttons")
def labels_header_button(page, user, view_name, next_url=None):
    """The label sheet of a producer or a product, for whoever may print it."""
    kind = page.specific_class
    if kind is ProducerPage and printable_producers(user).filter(pk=page.pk).exists():
        yield LabelsButton(url=reverse("producer_labels", args=[page.pk]), priority=85, page=page)
    if kind is ProductPage:
        parent = page.get_parent()
        if printable_producers(user).filter(pk=parent.pk).exists():
            url = reverse("product_labels", args=[page.pk])
            yield LabelsButton(url=url, priority=85, page=page)


class ProducerAccessButton(PageMenuItem):
    label = _("Producer accounts")
    icon_name = "group"

    def is_shown(self, user):
        return user.has_perm("products.manage_registration")


@hooks.register("register_page_listing_more_buttons")
def producer_access_listing_button(page, user, next_url=None):
    """In the page listing the action sits in the row's "…" menu; on the edit page it is a
    visible header button (templates/wagtailadmin/shared/headers/page_edit_header.html)."""
    if page.specific_class is ProducerPage:
        yield ProducerAccessButton(
            url=reverse("producer_access", args=[page.pk]), priority=80, page=page
        )


def posted_registration_data(request, model):
    """Names of registration fields or formsets present in a POST."""
    fields = getattr(model, "registration_fields", ())
    relations = getattr(model, "registration_relations", ())
    return [
        key
        for key in request.POST
        if key in fields or any(key.startswith(f"{name}-") for name in relations)
    ]


def refuse_registration_data(request, model):
    """The form ignores these anyway; a POST that carries them was made by hand, so refuse
    it outright rather than save the rest of it."""
    if (
        request.method == "POST"
        and not may_manage_registration(request.user)
        and posted_registration_data(request, model)
    ):
        raise PermissionDenied


@hooks.register("before_edit_page")
def guard_registration_on_edit(request, page):
    refuse_registration_data(request, page.specific_class)


@hooks.register("before_create_page")
def guard_registration_on_create(request, parent_page, page_class):
    refuse_registration_data(request, page_class)


@hooks.register("before_move_page")
def moves_need_permission(request, page, destination):
    """Wagtail checks the permission when the move is made; its confirmation page shows
    before that. Refuse it there too, for everyone without the permission."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


@hooks.register("before_copy_page")
def producers_do_not_copy(request, page):
    """A copy would carry certifications; producers add products from scratch."""
    if producer_access.is_producer_account(request.user):
        raise PermissionDenied


@hooks.register("construct_page_chooser_queryset")
def producers_choose_live_or_own_pages(pages, request):
    """Other producers' drafts stay out of a producer's page chooser, and so does browsing
    into one (its header would show it)."""
    if producer_access.is_producer_account(request.user):
        choosable = producer_access.own_pages_q(request.user) | Q(live=True)
        pages = pages.filter(choosable)
        match = request.resolver_match
        parent_id = match.kwargs.get("parent_page_id") if match else None
        if parent_id and not Page.objects.filter(choosable, pk=parent_id).exists():
            raise Http404
    return pages


@hooks.register("construct_homepage_panels")
def producer_dashboard(request, panels):
    if producer_access.is_producer_account(request.user):
        panels.append(ProducerGuidePanel())
        panels.append(ProducerDashboardPanel(request.user))


hooks.register("construct_main_menu", admin_menu.producer_menu)
hooks.register("construct_reports_menu", admin_menu.producer_reports)


# --- images, documents and pages out of the account's reach --------------------------------


@hooks.register("construct_admin_api", order=100)
def scoped_admin_api(router):
    """After Wagtail's own hooks: the admin API lists only images and documents the account's
    collection permissions reach (the explorer menu uses its pages endpoint, which Wagtail
    already limits to explorable pages)."""
    router.register_endpoint("images", admin_scope.ScopedImagesAPIViewSet)
    router.register_endpoint("documents", admin_scope.ScopedDocumentsAPIViewSet)


hooks.register("before_serve_document", public_files.refuse_private_document)


# --- spreadsheets in the browser, for the centre's editors ---------------------------------


@hooks.register("register_admin_urls")
def catalog_import_urls():
    return [
        path("import/", import_admin.import_view, name="catalog_import"),
        path("import/<int:pk>/", import_admin.job_view, name="catalog_import_job"),
        path("import/<int:pk>/confirm/", import_admin.confirm_view, name="catalog_import_confirm"),
        path("import/<int:pk>/cancel/", import_admin.cancel_view, name="catalog_import_cancel"),
        path("import/export/", import_admin.export_view, name="catalog_export"),
        path("import/template/", import_admin.template_view, name="catalog_import_template"),
    ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("products.manage_registration")


@hooks.register("register_admin_menu_item")
def catalog_import_menu_item():
    return StaffMenuItem(
        _("Import a spreadsheet"),
        reverse("catalog_import"),
        name="catalog-import",
        icon_name="upload",
        order=260,
    )
