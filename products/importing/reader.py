"""Reading a CSV or XLSX sheet into checked rows: the file format of import_catalog."""

import csv
import functools
import io
import re
import unicodedata
from datetime import date, datetime

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from catalog.base.text import fold
from products.models import CertificationLevel, CertificationScheme, LegalForm, Trademark

COLUMNS = (
    "producer", "producer_type", "district", "address", "phone", "email", "website",
    "product", "category", "description", "tags", "scheme", "level", "year",
    "decision_number", "stars", "trademark", "trademark_number", "trademark_kind",
)  # fmt: skip
REQUIRED = ("producer", "producer_type", "district", "product", "category", "level", "year")
CHOICE_CLASSES = {
    "producer_type": LegalForm,
    "scheme": CertificationScheme,
    "level": CertificationLevel,
    "trademark_kind": Trademark.Kind,
}
CHOICES = {column: choices.values for column, choices in CHOICE_CLASSES.items()}


def _choice_key(text):
    """A cell compared without case, diacritics, underscores or dashes."""
    return fold(re.sub(r"[_-]+", " ", text or ""))


def choice_names(choices):
    """{folded name: code} for a choice: its code, its English and its Vietnamese label
    ("cooperative", "Cooperative", "Hợp tác xã")."""
    names = {}
    for code, label in choices.choices:
        names[_choice_key(code)] = code
        for language in ("en", "vi"):
            with translation.override(language):
                names[_choice_key(str(label))] = code
    return names


@functools.lru_cache(maxsize=16)
def _names(column):
    return choice_names(CHOICE_CLASSES[column])


def resolve_choice(column, text):
    """The code a cell names, or None. Beyond the exact names, the start of a single name
    will do ("geographical" for "Geographical indication")."""
    names = _names(column)
    key = _choice_key(text)
    if key in names:
        return names[key]
    codes = {code for name, code in names.items() if name.startswith(key + " ")}
    return codes.pop() if len(codes) == 1 else None


def allowed_values(column):
    """What the template and error messages list: each Vietnamese label with its code."""
    with translation.override("vi"):
        return [f"{label} ({code})" for code, label in CHOICE_CLASSES[column].choices]


class Problem:
    """One bad cell, told the way a spreadsheet user finds it: line number and column name."""

    def __init__(self, line, column, reason):
        self.line, self.column, self.reason = line, column, reason

    def __str__(self):
        return f"line {self.line}, column {self.column}: {self.reason}"

    def sort_key(self):
        order = COLUMNS.index(self.column) if self.column in COLUMNS else len(COLUMNS)
        return self.line, order


class ImportFailed(Exception):
    """The file cannot be imported; `problems` are Problems or plain messages, in file order."""

    def __init__(self, problems):
        super().__init__("\n".join(map(str, problems)))
        self.problems = list(problems)


def _cell(value):
    """A sheet cell as stripped NFC text, so NFD spreadsheets store the same titles."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel stores every number as a float: 2019.0 is 2019
    if isinstance(value, datetime | date):
        value = value.isoformat()[:10]
    return unicodedata.normalize("NFC", str(value)).strip()


def _read_csv(data):
    try:
        text = data.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a BOM
    except UnicodeDecodeError as exc:
        reason = _("the file is not UTF-8 text (bad byte at offset %d); save it as CSV UTF-8")
        raise ImportFailed([reason % exc.start]) from None
    if "\x00" in text:
        raise ImportFailed([_("the file is not CSV text")])
    first = text.partition("\n")[0]
    delimiter = ";" if ";" in first and "," not in first else ","  # Excel in a comma locale
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise ImportFailed([_("the file is not valid CSV: %s") % exc]) from None


def _read_xlsx(data):
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
    except Exception:  # openpyxl raises anything from BadZipFile to KeyError on a bad file
        raise ImportFailed([_("the file is not a readable XLSX workbook")]) from None


def read_sheet(path):
    """Rows of text cells from the file's first sheet; the format follows the extension."""
    suffix = str(path).lower().rpartition(".")[2]
    if suffix not in ("csv", "xlsx"):
        raise ImportFailed([_("%s: unsupported file type; use .csv (UTF-8) or .xlsx") % path])
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise ImportFailed([f"{path}: {exc.strerror}"]) from None
    rows = _read_xlsx(data) if suffix == "xlsx" else _read_csv(data)
    return [[_cell(value) for value in row] for row in rows]


def parse_sheet(rows):
    """(line, {column: text}) for each non-blank row, after the header row has been checked."""
    if not any(any(row) for row in rows):
        raise ImportFailed([_("the file is empty")])
    header = [name.lower() for name in rows[0]]
    problems = [Problem(1, name, _("column is missing")) for name in REQUIRED if name not in header]
    for index, name in enumerate(header):
        if name and name not in COLUMNS:
            problems.append(Problem(1, name, _("unknown column")))
        elif name and name in header[:index]:
            problems.append(Problem(1, name, _("column appears twice")))
    if problems:
        raise ImportFailed(problems)
    records = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(row):
            continue  # blank lines between blocks are common in hand-kept sheets
        record = dict.fromkeys(COLUMNS, "")
        for index, value in enumerate(row):
            name = header[index] if index < len(header) else ""
            if name:
                record[name] = value
            elif value:
                problems.append(Problem(line, f"#{index + 1}", _("value without a header")))
        records.append((line, record))
    if problems:
        raise ImportFailed(problems)
    if not records:
        raise ImportFailed([_("the file has a header but no data rows")])
    return records
