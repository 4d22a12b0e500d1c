"""Import producers, products, certifications and trademarks from a CSV or XLSX sheet.

One row is one certification of one product. The whole file is read and checked before
anything is written, and the writes share one transaction, so a file with a bad row changes
nothing. Names are keys only: a match keeps the title editors wrote, and an empty optional
cell leaves the stored value alone, so importing the same file again changes nothing.
"""

import re
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import linebreaks
from django.utils.translation import gettext as _
from taggit.models import Tag

from catalog.base.publishing import assign, publish_page
from catalog.base.text import fold, plain_text, vietnamese_slug
from products.models import (
    Category,
    Certification,
    CertificationScheme,
    District,
    ProducerIndexPage,
    ProducerPage,
    ProductPage,
    Trademark,
)
from products.structure import ensure_sections

from .reader import (
    CHOICES,
    COLUMNS,
    REQUIRED,
    ImportFailed,
    Problem,
    allowed_values,
    parse_sheet,
    read_sheet,
    resolve_choice,
)

# Cells checked by the validators of the model field they end up in (lengths, e-mail, URL).
FIELDS = {
    "producer": (ProducerPage, "title"),
    "phone": (ProducerPage, "phone"),
    "email": (ProducerPage, "email"),
    "website": (ProducerPage, "website"),
    "product": (ProductPage, "title"),
    "trademark": (Trademark, "mark"),
    "trademark_number": (Trademark, "registration_number"),
}
ENTITIES = ("producers", "products", "certifications", "trademarks")


class Taxonomy:
    """Finds a Category or District by slug or folded name. With create_missing an unknown
    name stands for a new top-level row, created once however many rows name it."""

    def __init__(self, model, create_missing):
        self.model, self.create_missing = model, create_missing
        self.by_pk = {obj.pk: obj for obj in model.objects.all()}
        self.by_slug = {obj.slug: obj for obj in self.by_pk.values()}
        self.by_name, self.new, self.created = {}, {}, 0
        for obj in self.by_pk.values():
            self.by_name.setdefault(fold(obj.name), []).append(obj)

    def resolve(self, value):
        """A key for the value: an existing pk, or the folded name of a row to create."""
        if value.lower() in self.by_slug:
            return self.by_slug[value.lower()].pk
        found = self.by_name.get(fold(value), [])
        found = [obj for obj in found if getattr(obj, "is_active", True)] or found
        if len(found) > 1:
            slugs = ", ".join(obj.slug for obj in found)
            raise ValueError(_("matches several (%s); write the slug instead") % slugs)
        if found:
            return found[0].pk
        if not self.create_missing:
            raise ValueError(
                _("unknown %(what)s %(value)r (add it, or use --create-missing)")
                % {"what": self.model._meta.verbose_name, "value": value}
            )
        self.new.setdefault(fold(value), value)
        return fold(value)

    def get(self, key):
        """The row for a key from resolve(), created on first use."""
        if key not in self.by_pk:
            self.by_pk[key] = self.model.objects.create(name=self.new[key])
            self.created += 1
        return self.by_pk[key]


class Record:
    """A producer, product, certification or trademark as described by every row that names
    it. A cell that contradicts an earlier row is a problem; an empty cell adds nothing."""

    def __init__(self, name, line, what):
        self.name, self.line, self.what, self.number = name, line, what, ""
        self.values, self.children = {}, {}

    def merge(self, line, values, problems):
        for column, value in values.items():
            if value in ("", None, ()):
                continue
            seen, seen_line = self.values.setdefault(column, (value, line))
            if seen != value:
                reason = _("contradicts line %(line)d for the same %(what)s")
                problems.append(
                    Problem(line, column, reason % {"line": seen_line, "what": self.what})
                )

    def get(self, column, default=""):
        return self.values.get(column, (default,))[0]


def _number_key(number):
    """A registration number as compared: "4-0123456 - 000" and "4-0123456-000" are one."""
    return re.sub(r"\s+", "", number).upper()


def _assign(obj, wanted):
    """Set the wanted values that are not empty and differ; return those that changed."""
    return assign(obj, wanted, skip_blank=True)


class CatalogImporter:
    """Checks a whole sheet against the database, then writes it in one transaction."""

    def __init__(self, create_missing=False):
        self.create_missing = create_missing

    def run(self, path, dry_run=False):
        """Import the file and return {entity: Counter(created=, updated=, unchanged=)}; raise
        ImportFailed listing every problem, having written nothing, if any row is bad."""
        records = parse_sheet(read_sheet(path))
        with transaction.atomic():
            self._load()
            for line, record in records:
                self._collect(line, record)
            if self.problems:
                raise ImportFailed(sorted(self.problems, key=Problem.sort_key))
            self._write()
            if dry_run:
                transaction.set_rollback(True)
        self.counts["districts"]["created"] = self.districts.created
        self.counts["categories"]["created"] = self.categories.created
        return self.counts

    def _load(self):
        """What rows are matched against, read once: a province has hundreds, not millions."""
        self.problems, self.producers, self.trademarks = [], {}, {}
        self.outcomes = []
        self.counts = {name: Counter() for name in (*ENTITIES, "districts", "categories")}
        self.districts = Taxonomy(District, self.create_missing)
        self.categories = Taxonomy(Category, self.create_missing)
        self.tag_names = {fold(name): name for name in Tag.objects.values_list("name", flat=True)}
        self.existing_producers = {}
        for page in ProducerPage.objects.order_by("pk"):  # the oldest wins a duplicate
            self.existing_producers.setdefault((fold(page.title), page.district_id), page)
        self.marks, self.numbers, self.saved_marks = {}, {}, {}
        for mark in Trademark.objects.order_by("pk"):
            self.marks.setdefault(fold(mark.mark), []).append(mark)
            if mark.registration_number:
                self.numbers.setdefault(_number_key(mark.registration_number), mark)

    def _clean(self, line, record):
        """The row's values in the form they are stored, or None after noting its problems."""
        problems = {}
        row = {column: record[column] for column in COLUMNS}
        row["scheme"] = row["scheme"] or CertificationScheme.CNNT
        for column in REQUIRED:
            if not row[column]:
                problems[column] = _("required")
        for column in CHOICES:
            if row[column]:
                code = resolve_choice(column, row[column])
                if code is None:
                    allowed = "; ".join(allowed_values(column))
                    problems.setdefault(column, _("must be one of: %s") % allowed)
                row[column] = code or ""
        if row["website"] and "://" not in row["website"]:
            row["website"] = "https://" + row["website"]  # as Django's URL form field does
        for column, (model, name) in FIELDS.items():
            try:
                if row[column]:
                    model._meta.get_field(name).run_validators(row[column])
            except ValidationError as exc:
                problems.setdefault(column, " ".join(exc.messages))
        for column in ("producer", "product", "trademark"):
            if row[column] and not fold(row[column]):
                problems.setdefault(column, _("needs at least one letter or digit"))
        for column in ("year", "stars"):
            whole = re.fullmatch(r"[0-9]+", row[column])
            if row[column] and not whole:
                problems.setdefault(column, _("must be a whole number"))
            row[column] = int(row[column]) if whole else None
        self._check_certification(row, problems)
        if not row["trademark"]:
            for column in ("trademark_number", "trademark_kind"):
                if row[column]:
                    problems.setdefault(column, _("given without a trademark"))
        tags = [tag.strip() for tag in row["tags"].split(";") if tag.strip()]
        if any(len(tag) > 100 for tag in tags):
            problems.setdefault("tags", _("a tag is longer than 100 characters"))
        # Reuse an existing tag whatever its case or accents, so the tag cloud has no twins.
        names = {self.tag_names.setdefault(fold(tag), tag) for tag in tags}
        row["tags"] = tuple(sorted(names))
        for column, taxonomy in (("district", self.districts), ("category", self.categories)):
            try:
                row[column] = taxonomy.resolve(row[column]) if row[column] else None
            except ValueError as exc:
                problems.setdefault(column, str(exc))
        self.problems.extend(Problem(line, column, reason) for column, reason in problems.items())
        return None if problems else row

    @staticmethod
    def _check_certification(row, problems):
        """Certification's own field and clean() rules, so the admin and the importer agree;
        cells already found bad are left out rather than reported twice."""
        certification = Certification(
            scheme=row["scheme"],
            level=row["level"],
            year=row["year"],
            ocop_stars=row["stars"],
            decision_number=row["decision_number"],
        )
        bad = ["ocop_stars" if column == "stars" else column for column in problems]
        checks = [lambda: certification.clean_fields(exclude=["product", "document", *bad])]
        if not problems.keys() & {"scheme", "stars"}:
            checks.append(certification.clean)
        for check in checks:
            try:
                check()
            except ValidationError as exc:
                for name, messages in exc.message_dict.items():
                    column = "stars" if name == "ocop_stars" else name
                    problems.setdefault(column, " ".join(messages))

    def _collect(self, line, record):
        """Merge a good row into the records it names, keyed as the specification says."""
        row = self._clean(line, record)
        if row is None:
            return
        trademark = None
        if row["trademark"]:
            number = _number_key(row["trademark_number"])
            trademark = ("number", number) if number else ("mark", fold(row["trademark"]))
            if not number and len(self.marks.get(trademark[1], ())) > 1:
                reason = _("several trademarks have this mark; give its trademark_number")
                self.problems.append(Problem(line, "trademark", reason))
            mark = self.trademarks.setdefault(trademark, Record(row["trademark"], line, "mark"))
            mark.number = mark.number or row["trademark_number"]
            values = {"trademark": fold(row["trademark"]), "trademark_kind": row["trademark_kind"]}
            mark.merge(line, values, self.problems)
        key = (fold(row["producer"]), row["district"])
        producer = self.producers.setdefault(key, Record(row["producer"], line, "producer"))
        columns = ("producer_type", "address", "phone", "email", "website")
        producer.merge(line, {column: row[column] for column in columns}, self.problems)
        product = producer.children.setdefault(
            fold(row["product"]), Record(row["product"], line, "product")
        )
        columns = ("category", "description", "tags")
        values = {column: row[column] for column in columns}
        product.merge(line, {**values, "trademark": trademark}, self.problems)
        key = (row["scheme"], row["level"], row["year"])
        certification = product.children.setdefault(key, Record("", line, "certification"))
        columns = ("decision_number", "stars")
        certification.merge(line, {column: row[column] for column in columns}, self.problems)

    def _write(self):
        """Producers first, then each one's trademarks and products below it."""
        self.slugs = {}
        index = ensure_sections()[ProducerIndexPage]
        for (_name, district_key), record in self.producers.items():
            producer = self._save_producer(index, record, self.districts.get(district_key))
            existing = {}
            for page in ProductPage.objects.child_of(producer).order_by("pk"):
                existing.setdefault(fold(page.title), page)
            for key, product in record.children.items():
                self._save_product(producer, existing.get(key), product)

    def _publish(self, parent, page, wanted, entity, children=None, tags=None, record=None):
        """Give the page the wanted non-empty values, inline rows and tags and publish it,
        unless it is live and already has them: an unchanged page gets no new revision."""
        changed = [
            name
            for name, value in wanted.items()
            if page.pk and value not in ("", None) and getattr(page, name) != value
        ]
        if page.pk and tags is not None and sorted(tags) != sorted(t.name for t in page.tags.all()):
            changed.append("tags")
        status = publish_page(page, wanted, children, tags or None, parent=parent, skip_blank=True)
        self.counts[entity][status] += 1
        self._outcome(record, entity, page.title, status, changed)
        return page

    def _outcome(self, record, entity, name, status, fields=()):
        """What the import does to one record, told at the first line naming it: the
        preview's row by row report."""
        if record is not None:
            self.outcomes.append(
                {
                    "line": record.line,
                    "entity": entity,
                    "name": name,
                    "status": status,
                    "fields": sorted(set(fields)) if status == "updated" else [],
                }
            )

    def _slug(self, parent, title):
        """A slug free among the parent's children, from the title without diacritics."""
        taken = self.slugs.get(parent.pk)
        if taken is None:
            taken = self.slugs[parent.pk] = set(
                parent.get_children().values_list("slug", flat=True)
            )
        base = vietnamese_slug(title, 200) or "page"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        return slug

    def _save_producer(self, index, record, district):
        page = self.existing_producers.get((fold(record.name), district.pk))
        columns = {"legal_form": "producer_type", "address": "address", "phone": "phone"}
        wanted = {name: record.get(column) for name, column in columns.items()}
        wanted.update(email=record.get("email"), website=record.get("website"))
        if page is None:
            slug = self._slug(index, record.name)
            page = ProducerPage(title=record.name, slug=slug, district=district)
        return self._publish(index, page, wanted, "producers", record=record)

    def _save_product(self, producer, page, record):
        """Fields, tags and certifications go on the page object before its revision is saved,
        so the published revision and the database agree."""
        if page is None:
            page = ProductPage(title=record.name, slug=self._slug(producer, record.name))
        description = record.get("description")
        html = linebreaks(description, autoescape=True) if description else ""
        if page.pk and html and plain_text(page.description) == plain_text(html):
            html = ""  # the same text: keep the editor's formatting (an exported sheet)
        wanted = {
            "category": self.categories.get(record.get("category")),
            "description": html,
            "trademark": self._save_trademark(record.get("trademark", None), producer),
        }
        certifications = list(page.certifications.all())
        self._merge_certifications(certifications, record)
        children = {"certifications": certifications}
        tags = list(record.get("tags", ()))
        self._publish(producer, page, wanted, "products", children, tags, record=record)

    def _merge_certifications(self, certifications, record):
        """Add or update the file's certifications in the list (the page's publish decides
        from the whole list whether the page changed)."""
        current = {(item.scheme, item.level, item.year): item for item in certifications}
        for key, cert in record.children.items():
            values = {
                "decision_number": cert.get("decision_number"),
                "ocop_stars": cert.get("stars"),
            }
            item = current.get(key)
            if item is None:
                scheme, level, year = key
                item = Certification(scheme=scheme, level=level, year=year)
                certifications.append(item)
            diff = _assign(item, values)
            status = "created" if item.pk is None else "updated" if diff else "unchanged"
            self.counts["certifications"][status] += 1
            label = f"{record.name}: {key[1]} {key[2]}"
            self._outcome(cert, "certifications", label, status, diff)

    def _find_trademark(self, key, record):
        kind, value = key
        if kind == "mark":
            return next(iter(self.marks.get(value, ())), None)
        found = self.numbers.get(value)
        if found is None:  # a mark entered by hand without its number gets the number now
            bare = [m for m in self.marks.get(fold(record.name), ()) if not m.registration_number]
            found = bare[0] if len(bare) == 1 else None
        return found

    def _save_trademark(self, key, producer):
        """The trademark the rows name, saved once per import. Only an ordinary mark gets the
        producer as owner: collective marks and indications belong to associations."""
        if key is None or key in self.saved_marks:
            return self.saved_marks.get(key)
        record = self.trademarks[key]
        mark = self._find_trademark(key, record)
        new = mark is None
        if new:
            mark = Trademark(mark=record.name)
        wanted = {"kind": record.get("trademark_kind")}
        if fold(mark.mark) != fold(record.name):
            wanted["mark"] = record.name
        if record.number and _number_key(mark.registration_number) != key[1]:
            wanted["registration_number"] = record.number
        if (wanted["kind"] or mark.kind) == Trademark.Kind.ORDINARY and mark.owner_id is None:
            wanted["owner"] = producer
        diff = _assign(mark, wanted)
        if new or diff:
            mark.save()
        if new or "mark" in diff:
            self.marks.setdefault(fold(mark.mark), []).append(mark)
        if mark.registration_number:
            self.numbers.setdefault(_number_key(mark.registration_number), mark)
        status = "created" if new else "updated" if diff else "unchanged"
        self.counts["trademarks"][status] += 1
        self._outcome(record, "trademarks", mark.mark, status, diff)
        self.saved_marks[key] = mark
        return mark
