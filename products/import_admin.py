"""Import and export of the catalog in the admin, for the centre's editors.

The project's own importer (products.importing, also behind `manage.py import_catalog`)
does the work: one row is a certification of a product of a producer, matched by folded
names, so one file writes four kinds of record in one transaction. Upload -> the worker
previews it (dry run) -> the editor confirms (the worker applies it, kept only if it does
exactly what the preview showed) or cancels (nothing was written; the file is deleted)."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from products.importing import exporter
from products.importing.jobs import apply_import, preview_import
from products.models import ImportJob

Status = ImportJob.Status
# Bytes an upload may have: a province's catalog is a few thousand rows, well under this.
MAX_UPLOAD = getattr(settings, "CATALOG_IMPORT_MAX_UPLOAD_SIZE", 5 * 1024 * 1024)


def staff_only(request):
    if not request.user.has_perm("products.manage_registration"):
        raise PermissionDenied


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet (.csv or .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Choose a .csv (UTF-8) or .xlsx file."))
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(
                _("The file is %(size).1f MB; at most %(limit).0f MB can be imported at once.")
                % {"size": upload.size / 1024 / 1024, "limit": MAX_UPLOAD / 1024 / 1024}
            )
        return upload


def import_view(request):
    staff_only(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = ImportJob.objects.create(file=upload, filename=upload.name, created_by=request.user)
        preview_import.enqueue(job.pk)
        return redirect("catalog_import_job", job.pk)
    jobs = ImportJob.objects.all()[:10]
    return TemplateResponse(
        request,
        "products/admin/import.html",
        {"form": form, "jobs": jobs, "page_title": _("Import a spreadsheet")},
    )


def job_view(request, pk):
    staff_only(request)
    job = get_object_or_404(ImportJob, pk=pk)
    outcomes = job.preview.get("outcomes", [])
    return TemplateResponse(
        request,
        "products/admin/import_job.html",
        {
            "job": job,
            "outcomes": outcomes,
            "changes": [o for o in outcomes if o["status"] != "unchanged"],
            "unchanged": sum(1 for o in outcomes if o["status"] == "unchanged"),
            "problems": job.preview.get("problems", []),
            "page_title": _("Import: %(file)s") % {"file": job.filename},
        },
    )


@require_POST
def confirm_view(request, pk):
    staff_only(request)
    updated = ImportJob.objects.filter(pk=pk, status=Status.PREVIEWED).update(
        status=Status.APPLYING, progress=0
    )
    if updated:
        apply_import.enqueue(pk)
    return redirect("catalog_import_job", pk)


@require_POST
def cancel_view(request, pk):
    staff_only(request)
    job = get_object_or_404(ImportJob, pk=pk)
    if job.status in (Status.PREVIEWED, Status.INVALID, Status.STALE):
        job.status = Status.CANCELLED
        job.save(update_fields=["status"])
        job.file.delete(save=False)
    return redirect("catalog_import")


def _download(content, kind, name):
    types = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    response = HttpResponse(content, content_type=types[kind])
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    return response


def _kind(request):
    return "xlsx" if request.GET.get("format") == "xlsx" else "csv"


def export_view(request):
    staff_only(request)
    rows = exporter.export_rows()
    kind = _kind(request)
    content = exporter.to_xlsx(rows) if kind == "xlsx" else exporter.to_csv(rows)
    return _download(content, kind, "danh-muc-san-pham")


def template_view(request):
    staff_only(request)
    kind = _kind(request)
    rows = [exporter.TEMPLATE_EXAMPLE]
    if kind == "xlsx":
        return _download(exporter.to_xlsx(rows, allowed_sheet=True), kind, "mau-nhap-danh-muc")
    return _download(exporter.to_csv(rows), kind, "mau-nhap-danh-muc")
