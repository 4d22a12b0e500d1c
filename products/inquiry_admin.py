"""Buyer inquiries in the admin: the list opens an inquiry's full details, where "handled"
is an action; every time is shown in the site's time zone. A producer reaches only its own
inquiries, whatever the URL."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils import formats, timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.views.generic import DeleteView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet

from . import producer_access
from .models import Inquiry


def local_time(value):
    """A stored time as the site's clock shows it (TIME_ZONE), the same in every view."""
    if value is None:
        return "-"
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A CSV cell that a spreadsheet will not run as a formula (OWASP's advice: prefix with a
    quote any text that starts like one)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class InquiryIndexView(IndexView):
    def get_base_queryset(self):
        return producer_access.visible_inquiries(self.request.user).select_related(
            "producer", "product"
        )

    def _get_title_column(self, field_name, *args, **kwargs):
        """The buyer's name opens the inquiry's details, not the "handled" form."""
        column = super()._get_title_column(field_name, *args, **kwargs)
        column._get_url_func = self.get_inspect_url
        return column

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for name in ("created_at", "emailed_at"):
            if name in row and row[name] is not None:
                row[name] = timezone.localtime(row[name]).replace(tzinfo=None)
        return row

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: spreadsheet_safe(
                    force_str(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                )
                for field, value in row_dict.items()
            }
        )


class OwnInquiryMixin:
    """A producer reaches only its own inquiries, whatever the URL."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not producer_access.visible_inquiries(self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        return obj


class InquiryInspectView(OwnInquiryMixin, InspectView):
    template_name = "products/admin/inquiry_inspect.html"

    def get_created_at_display_value(self):
        return local_time(self.object.created_at)

    def get_emailed_at_display_value(self):
        return local_time(self.object.emailed_at)

    def get_message_display_value(self):
        return self.object.message

    def get_product_display_value(self):
        return self.object.product.title if self.object.product else "-"

    def get_producer_display_value(self):
        return self.object.producer.title if self.object.producer else "-"

    def get_handled_display_value(self):
        return _("Yes") if self.object.handled else _("No")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["may_mark_handled"] = self.request.user.has_perm("products.change_inquiry")
        return context


class InquiryEditView(OwnInquiryMixin, EditView):
    pass


class InquiryDeleteView(OwnInquiryMixin, DeleteView):
    pass


class InquiryHistoryView(OwnInquiryMixin, HistoryView):
    pass


class InquiryUsageView(OwnInquiryMixin, UsageView):
    pass


class InquiryViewSet(ModelViewSet):
    model = Inquiry
    name = "inquiries"
    icon = "mail"
    menu_label = gettext_lazy("Inquiries")
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = InquiryIndexView
    inspect_view_class = InquiryInspectView
    edit_view_class = InquiryEditView
    delete_view_class = InquiryDeleteView
    history_view_class = InquiryHistoryView
    usage_view_class = InquiryUsageView
    form_fields = ["handled"]
    list_display = ["name", "company", "producer", "product", "created_at", "email_status"]
    list_filter = ["producer", "email_status", "handled", "created_at"]
    search_fields = ["name", "company", "email", "message"]
    inspect_view_fields = [
        "created_at",
        "name",
        "company",
        "email",
        "phone",
        "country",
        "quantity",
        "message",
        "producer",
        "product",
        "email_status",
        "emailed_at",
        "email_attempts",
        "email_error",
        "handled",
    ]
    # The spreadsheet: what the inquiry said and where it stands, not the mail server's log.
    list_export = [
        name
        for name in inspect_view_fields
        if name not in ("emailed_at", "email_attempts", "email_error")
    ]
    export_filename = "inquiries"


@require_POST
def inquiry_handled_view(request, pk):
    """Mark an inquiry handled (or not yet): staff, and the producer's own accounts when
    they hold the change permission."""
    if not request.user.has_perm("products.change_inquiry"):
        raise Http404
    inquiry = producer_access.visible_inquiries(request.user).filter(pk=pk).first()
    if inquiry is None:
        raise Http404
    inquiry.handled = request.POST.get("handled") == "1"
    inquiry.save(update_fields=["handled"])
    messages.success(
        request,
        _("Marked as handled.") if inquiry.handled else _("Marked as not handled yet."),
    )
    return redirect("inquiries:inspect", inquiry.pk)
