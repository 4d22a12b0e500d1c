"""The catalog as a sheet in import_catalog's format: one row per certification of each
product, so a sheet can go out, be corrected and come back (importing it unchanged changes
nothing). Codes are written for the enumerated columns; the importer takes labels too."""

import csv
import io

from openpyxl import Workbook

from catalog.base.text import plain_text
from products.models import Certification

from .reader import CHOICE_CLASSES, COLUMNS, allowed_values


def export_rows():
    """[{column: text}] for every certification of every product, in the catalog's order."""
    certifications = Certification.objects.select_related(
        "product__category", "product__trademark"
    ).order_by("product__path", "scheme", "level", "year", "pk")
    producers = {}
    rows = []
    for cert in certifications:
        product = cert.product
        parent_path = product.path[: -product.steplen]
        producer = producers.get(parent_path)
        if producer is None:
            producer = producers[parent_path] = product.get_parent().specific
        mark = product.trademark
        paragraphs = plain_text(product.description).splitlines()
        rows.append(
            {
                "producer": producer.title,
                "producer_type": producer.legal_form,
                "district": producer.district.slug if producer.district else "",
                "address": producer.address,
                "phone": producer.phone,
                "email": producer.email,
                "website": producer.website,
                "product": product.title,
                "category": product.category.slug if product.category else "",
                "description": "\n\n".join(paragraphs),
                "tags": "; ".join(sorted(tag.name for tag in product.tags.all())),
                "scheme": cert.scheme,
                "level": cert.level,
                "year": str(cert.year),
                "decision_number": cert.decision_number,
                "stars": str(cert.ocop_stars or ""),
                "trademark": mark.mark if mark else "",
                "trademark_number": mark.registration_number if mark else "",
                "trademark_kind": mark.kind if mark else "",
            }
        )
    return rows


def to_csv(rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")  # Excel opens UTF-8 with a BOM


def to_xlsx(rows, allowed_sheet=False):
    book = Workbook()
    sheet = book.active
    sheet.title = "catalog"
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row.get(column, "") for column in COLUMNS])
    if allowed_sheet:
        values = book.create_sheet("allowed values")
        values.append(["column", "allowed values (label or code)"])
        for column in CHOICE_CLASSES:
            values.append([column, "; ".join(allowed_values(column))])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


TEMPLATE_EXAMPLE = {
    "producer": "HTX Mây tre đan Tân Lạc",
    "producer_type": "Hợp tác xã",
    "district": "Tân Lạc",
    "product": "Giỏ mây đan tay",
    "category": "Thủ công mỹ nghệ",
    "level": "Cấp tỉnh",
    "year": "2024",
}
