"""The admin's import, run by the task worker: a preview that writes nothing, then, once
the editor confirms, the same import for real, kept only if it does exactly what the
preview showed (otherwise the catalog changed in between: it is rolled back)."""

import shutil
import tempfile

from django.db import transaction
from django_tasks import task

from products.models import ImportJob

from .importer import CatalogImporter
from .reader import ImportFailed

Status = ImportJob.Status


class PreviewDiffers(Exception):
    """The real run would do something other than the preview: roll it back."""


def _run(job, dry_run):
    """The importer on a local copy of the upload (media may be S3-compatible storage)."""
    importer = CatalogImporter()
    suffix = "." + job.filename.lower().rpartition(".")[2]
    try:
        with tempfile.NamedTemporaryFile(suffix=suffix) as local:
            with job.file.open("rb") as upload:
                shutil.copyfileobj(upload, local)
            local.flush()
            counts = importer.run(local.name, dry_run=dry_run)
    except ImportFailed as failed:
        problems = [
            {"line": getattr(p, "line", None), "column": getattr(p, "column", ""),
             "reason": getattr(p, "reason", str(p))}
            for p in failed.problems
        ]  # fmt: skip
        return {"problems": problems, "outcomes": [], "counts": {}}
    counts = {entity: dict(counter) for entity, counter in counts.items()}
    return {"problems": [], "outcomes": importer.outcomes, "counts": counts}


@task()
def preview_import(job_id):
    job = ImportJob.objects.get(pk=job_id)
    ImportJob.objects.filter(pk=job.pk).update(progress=10)
    preview = _run(job, dry_run=True)
    job.preview = preview
    job.progress = 100
    job.status = Status.INVALID if preview["problems"] else Status.PREVIEWED
    job.save(update_fields=["preview", "progress", "status"])


@task()
def apply_import(job_id):
    job = ImportJob.objects.get(pk=job_id)
    ImportJob.objects.filter(pk=job.pk).update(progress=10)
    try:
        with transaction.atomic():
            result = _run(job, dry_run=False)
            if result["problems"] or result["outcomes"] != job.preview.get("outcomes"):
                raise PreviewDiffers
    except PreviewDiffers:
        job.status = Status.STALE
    else:
        job.status = Status.APPLIED
    job.progress = 100
    job.save(update_fields=["status", "progress"])
    job.file.delete(save=False)
