"""Writers in a process of their own, against the SQLite file in SQLITE_PATH, run by
tests/products/test_concurrent_writes.py. Each prints one JSON line for the test to check.

    python -m tests.products.concurrent_writers publish TAG COUNT
        Publishes as an editor's request does: read the page, change it, save a revision and
        publish it in one transaction (the index writes included). Reports the publishes
        made and the errors met, so a lost publish shows.
    python -m tests.products.concurrent_writers locked SHEET
        Holds the database's write lock from another connection, then asks for writes that
        cannot wait that long: a buyer's inquiry (as a page and as JSON) and an import.
"""

import json
import os
import sqlite3
import sys


def publish(tag, count):
    from django.db import transaction

    from products.models import ProductPage

    pages = list(ProductPage.objects.order_by("pk").values_list("pk", flat=True))
    made, errors = [], []
    for n in range(count):
        intro = f"{tag}-{n}"
        try:
            with transaction.atomic():
                page = ProductPage.objects.get(pk=pages[n % len(pages)])
                page.intro = intro
                page.save_revision().publish()
            made.append(intro)
        except Exception as exc:  # noqa: BLE001 - counted and reported, not hidden
            errors.append(f"{type(exc).__name__}: {exc}")
    return {"made": made, "errors": errors}


def locked(sheet):
    from django.core.management import CommandError, call_command
    from django.test import Client
    from django.urls import reverse

    from products.models import ProductPage

    url = reverse("inquiry", kwargs={"page_id": ProductPage.objects.live().first().pk})
    inquiry = {"name": "Nguyễn Văn A", "email": "a@example.com", "message": "Xin báo giá."}
    holder = sqlite3.connect(os.environ["SQLITE_PATH"])
    holder.execute("BEGIN IMMEDIATE")
    answers = {}
    try:
        client = Client(raise_request_exception=False)
        for kind, headers in (("page", {}), ("json", {"Accept": "application/json"})):
            response = client.post(url, inquiry, headers=headers)
            answers[kind] = {
                "status": response.status_code,
                "retry_after": response.get("Retry-After"),
                "body": response.content.decode(),
            }
        try:
            call_command("import_catalog", sheet, "--create-missing")
            answers["import"] = "imported"
        except CommandError as exc:
            answers["import"] = str(exc)
    finally:
        holder.rollback()
    return answers


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "catalog.settings.test")
    django.setup()
    mode, *args = sys.argv[1:]
    report = publish(args[0], int(args[1])) if mode == "publish" else locked(args[0])
    print(json.dumps(report, ensure_ascii=False))  # noqa: T201
