"""Create or update a page, and save and publish a revision only when something changed.

Shared by everything that writes pages from data rather than from the admin (the spreadsheet
import, the demo loader), so that writing the same values again leaves the page, its
revisions and its inline rows exactly as they were.

    status = publish_page(page, {"intro": "..."}, children={"images": [{...}]}, tags=[...])

`page` is a new page (no pk yet; give `parent`) or an existing one (its specific instance).
The result is CREATED, UPDATED or UNCHANGED; only the first two save a revision and publish.
"""

from django.db import models
from wagtail.blocks import StreamValue

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


def is_blank(value):
    """An empty value: with skip_blank it stands for "no value given", not "clear it"."""
    return value is None or (isinstance(value, str) and value == "")


def comparable(value):
    """Stream values compare by block type and value, ignoring the block ids."""
    if isinstance(value, StreamValue):
        value = list(value.raw_data)
    if isinstance(value, list) and all(isinstance(v, dict) and "type" in v for v in value):
        return [(block["type"], block["value"]) for block in value]
    return value


def assign(obj, values, *, skip_blank=False):
    """Set on obj the values that differ from its own and return {name: value} of those.
    With skip_blank, a blank value ("" or None) leaves the attribute alone."""
    changes = {}
    for name, value in values.items():
        if skip_blank and is_blank(value):
            continue
        if comparable(getattr(obj, name, None)) != comparable(value):
            setattr(obj, name, value)
            changes[name] = value
    return changes


def _field_differs(child, name, value):
    field = child._meta.get_field(name)
    if field.many_to_many:
        return sorted(obj.pk for obj in getattr(child, name).all()) != sorted(
            obj.pk for obj in value
        )
    return comparable(getattr(child, name)) != comparable(value)


def _row_differs(current, wanted):
    """A dict row names the fields that matter; a model instance is compared on all its
    concrete fields with the stored row of the same pk (a new instance always differs)."""
    if isinstance(wanted, models.Model):
        if wanted.pk is None or wanted.pk != current.pk:
            return True
        return any(
            getattr(current, field.attname) != getattr(wanted, field.attname)
            for field in current._meta.concrete_fields
        )
    return any(_field_differs(current, name, value) for name, value in wanted.items())


def rows_differ(page, relation, rows):
    """Whether the page's stored inline rows of this relation differ from rows, in order."""
    if page.pk is None:
        return bool(rows)
    current = list(getattr(page, relation).all())
    if len(current) != len(rows):
        return True
    return any(_row_differs(child, row) for child, row in zip(current, rows, strict=True))


def _instances(page, relation, rows):
    model = page._meta.get_field(relation).related_model
    return [row if isinstance(row, models.Model) else model(**row) for row in rows]


def publish_page(
    page,
    fields=None,
    children=None,
    tags=None,
    *,
    parent=None,
    skip_blank=False,
    replace_draft=False,
):
    """Give the page these field values, inline rows and tags, and publish it if it is new,
    if any of them differs from what it holds, or if it is not live; otherwise save nothing.

    - fields: {name: value}; stream fields compare without block ids.
    - children: {relation: rows} for the page's inline (ParentalKey) relations; rows are
      dicts of field values (a many-to-many field given as a list of objects) or model
      instances, and replace the stored rows when they differ from them, in order.
    - tags: names replacing the page's tags when they differ as a set; None leaves them.
    - parent: where a new page is added.
    - skip_blank: a blank field value leaves the stored one alone (an empty spreadsheet
      cell, for instance).
    - replace_draft: a page with unpublished changes counts as changed, so the published
      result replaces the draft; by default a draft is kept when nothing else changed.

    Returns CREATED, UPDATED or UNCHANGED.
    """
    fields, children = fields or {}, children or {}
    new = page.pk is None
    changed = bool(assign(page, fields, skip_blank=skip_blank))
    for relation, rows in children.items():
        if rows_differ(page, relation, rows):
            setattr(page, relation, _instances(page, relation, rows))
            changed = True
    if tags is not None and (new or set(page.tags.names()) != set(tags)):
        page.tags.set(tags)
        changed = True
    if new:
        if parent is None:
            raise ValueError("A new page needs a parent.")
        parent.add_child(instance=page)
    elif not page.live or (replace_draft and page.has_unpublished_changes):
        changed = True
    if not (new or changed):
        return UNCHANGED
    page.save_revision().publish()
    return CREATED if new else UPDATED
