"""Listing filters, declared once per kind of listing.

A `Filter` is one query-string parameter: its name, its label, how a raw value is read
(`clean`, which raises `Invalid` for a malformed value) and what a well-formed value names
(`resolve`, which raises `Unknown` when it names nothing), plus the values a buyer may choose
(`choices`). A `FilterSet` is the parameters of one listing. Every consumer reads the same
declaration:

- the JSON API takes `FilterSet.schema()` as its ninja Query model, so the parameters the
  OpenAPI schema lists and their validation are the declaration's (a malformed value is a
  422, see `catalog.base.api.resolved` for the 400 of an unknown one);
- the HTML pages call `FilterSet.read()`, which never fails: a bad value is dropped, as if
  it had not been given, and reported for a notice;
- the search facets are the product filters declared as facets (`search.facets`).

The rules, the same for every parameter of every listing: surrounding spaces are ignored,
an empty value means the parameter is absent, a repeated parameter counts once (its last
value), and a value longer than its `max_length` is malformed.
"""

import re
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import PlainValidator, WithJsonSchema, create_model
from pydantic_core import PydanticCustomError

MAX_VALUE_LENGTH = 100
MAX_ID = 2**31 - 1  # the largest primary key; a larger number names nothing
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
_TRUE = ("true", "1", "yes", "on")
_FALSE = ("false", "0", "no", "off")


class Invalid(ValueError):
    """A malformed value: wrong type, out of range, not one of the choices, too long."""

    def __init__(self, type, message):
        super().__init__(message)
        self.type, self.message = type, message


class Unknown(LookupError):
    """A well-formed value that names nothing, e.g. a slug no category has."""


@dataclass(frozen=True, kw_only=True)
class Filter:
    name: str
    label: Any = ""  # shown to buyers (facet headings); lazily translated
    description: str = ""  # for the OpenAPI schema
    default: Any = None
    max_length: int = MAX_VALUE_LENGTH

    def clean(self, raw):
        """The value a raw query-string value stands for; the default when it is empty."""
        text = str(raw).strip()
        if not text:
            return self.default
        if len(text) > self.max_length:
            raise Invalid("string_too_long", f"At most {self.max_length} characters.")
        return self.convert(text)

    def convert(self, text):
        return text

    def resolve(self, value):
        """What a clean value names (a row, for a slug); raises Unknown when nothing."""
        return value

    def key(self, value):
        """A resolved value as it is written in a URL."""
        return str(value)

    def choices(self):
        """{URL value: label} of the values a buyer may pick, in display order."""
        return {}

    def json_schema(self):
        return {"type": "string", "maxLength": self.max_length}

    def unknown(self, value):
        return Unknown(f"Unknown {self.name}: {value!r}.")

    def _validate(self, raw):
        try:
            return self.clean(raw)
        except Invalid as error:
            raise PydanticCustomError(error.type, error.message.replace("{", "(")) from None

    def pydantic_field(self):
        schema = {**self.json_schema(), "description": self.description or str(self.label)}
        annotation = Annotated[Any, PlainValidator(self._validate), WithJsonSchema(schema)]
        return annotation, Field(self.default, description=schema["description"])


@dataclass(frozen=True, kw_only=True)
class IntegerFilter(Filter):
    min_value: int = 1
    max_value: int = MAX_ID
    choices_provider: Any = None  # () -> {URL value: label}

    def convert(self, text):
        if not re.fullmatch(r"[-+]?[0-9]+", text):
            raise Invalid("int_parsing", "A whole number is expected.")
        value = int(text)
        if not self.min_value <= value <= self.max_value:
            raise Invalid(
                "out_of_range", f"A whole number from {self.min_value} to {self.max_value}."
            )
        return value

    def choices(self):
        return self.choices_provider() if self.choices_provider else {}

    def json_schema(self):
        return {"type": "integer", "minimum": self.min_value, "maximum": self.max_value}


@dataclass(frozen=True, kw_only=True)
class ChoiceFilter(Filter):
    options: tuple = ()  # ((value, label), ...), e.g. a TextChoices' .choices

    def convert(self, text):
        if text not in dict(self.options):
            allowed = ", ".join(value for value, _label in self.options)
            raise Invalid("enum", f"One of: {allowed}.")
        return text

    def choices(self):
        return dict(self.options)

    def json_schema(self):
        return {"type": "string", "enum": [value for value, _label in self.options]}


@dataclass(frozen=True, kw_only=True)
class BooleanFilter(Filter):
    def convert(self, text):
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise Invalid("bool_parsing", "true or false.")

    def json_schema(self):
        return {"type": "boolean"}


@dataclass(frozen=True, kw_only=True)
class TextFilter(Filter):
    """Free text; runs of spaces count as one."""

    def clean(self, raw):
        return super().clean(" ".join(str(raw).split()))

    def json_schema(self):
        return {"type": "string", "maxLength": self.max_length}


@dataclass(frozen=True, kw_only=True)
class SlugFilter(Filter):
    """A row named by its slug: a value that is not a slug is malformed, a slug that names no
    row is unknown."""

    lookup: Any = None  # (slug) -> the row or None
    choices_provider: Any = None  # () -> {slug: label}
    max_length: int = 80

    def convert(self, text):
        if not _SLUG.fullmatch(text):
            raise Invalid("slug_parsing", "A slug (letters, digits, hyphens) is expected.")
        return text

    def resolve(self, value):
        row = self.lookup(value)
        if row is None:
            raise self.unknown(value)
        return row

    def key(self, value):
        return getattr(value, "slug", value)

    def choices(self):
        return self.choices_provider() if self.choices_provider else {}

    def json_schema(self):
        return {"type": "string", "pattern": _SLUG.pattern, "maxLength": self.max_length}


@dataclass(frozen=True, kw_only=True)
class IdFilter(IntegerFilter):
    """A row named by its id; an id that names no row is unknown."""

    exists: Any = None  # (id) -> bool

    def resolve(self, value):
        if not self.exists(value):
            raise self.unknown(value)
        return value


def page_filters(page_size=20, max_page_size=100, max_page=10_000):
    """Every list's paging: `page` from 1 (capped so no backend is asked for an absurd
    offset), `page_size` from 1 to max_page_size."""
    return (
        IntegerFilter(name="page", default=1, max_value=max_page, description="Page number."),
        IntegerFilter(
            name="page_size",
            default=page_size,
            max_value=max_page_size,
            description=f"Items per page, 1 to {max_page_size}.",
        ),
    )


class FilterSet:
    """The parameters of one listing, in order."""

    def __init__(self, name, *filters):
        self.name = name
        self.filters = {f.name: f for f in filters}
        self._schema = None

    def __iter__(self):
        return iter(self.filters.values())

    def __getitem__(self, name):
        return self.filters[name]

    @property
    def names(self):
        return tuple(self.filters)

    def schema(self):
        """The ninja Query model of this listing: one field per filter, validated by the
        filter's own `clean`."""
        if self._schema is None:
            fields = {f.name: f.pydantic_field() for f in self}
            self._schema = create_model(self.name, __base__=Schema, **fields)
        return self._schema

    def resolve(self, values):
        """{name: resolved value} from {name: clean value}; raises Unknown."""
        return SimpleNamespace(
            **{
                name: (f.resolve(values[name]) if values.get(name) is not None else f.default)
                for name, f in self.filters.items()
            }
        )

    def read(self, params, *, names=None, defaults=None):
        """(values, problems) for an HTML page, which never fails: a malformed or unknown
        value is replaced by the default and listed in problems as (filter, raw, error)."""
        defaults = defaults or {}
        values, problems = {}, []
        for name in names or self.names:
            f = self.filters[name]
            default = defaults.get(name, f.default)
            raw = params.get(name)
            try:
                value = f.clean(raw) if raw is not None and str(raw).strip() else None
                value = default if value is None else f.resolve(value)
            except (Invalid, Unknown) as error:
                problems.append((f, raw, error))
                value = default
            values[name] = value
        return SimpleNamespace(**values), problems
