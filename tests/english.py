"""English left on Vietnamese admin screens: Wagtail's own strings that still read as written
once Vietnamese is active, whichever catalogue (Wagtail's or the project's) would translate them.

Every msgid Wagtail ships is a candidate, so a screen is checked against all of them rather
than against a list of phrases someone happened to notice."""

import re
from functools import cache
from pathlib import Path

import polib
import wagtail
from django.utils import translation

# Words Vietnamese uses as they are, and names.
LOANWORDS = {"Email", "Website", "Logo", "Wagtail", "URL", "OK", "ID", "PDF", "CSV", "Slug"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
TAG = re.compile(r"<[^>]+>")


def _shown(entry):
    """(msgid, what Vietnamese readers see) for each form of an entry."""
    if entry.msgid_plural:
        return [
            (entry.msgid, translation.ngettext(entry.msgid, entry.msgid_plural, 1)),
            (entry.msgid_plural, translation.ngettext(entry.msgid, entry.msgid_plural, 2)),
        ]
    if entry.msgctxt:
        return [(entry.msgid, translation.pgettext(entry.msgctxt, entry.msgid))]
    return [(entry.msgid, translation.gettext(entry.msgid))]


def _pattern(msgid):
    """A regular expression for the text a msgid prints: tags dropped, placeholders as words."""
    text = " ".join(TAG.sub(" ", msgid).split())
    parts = PLACEHOLDER.split(text)
    return re.compile(r"\S.*?".join(re.escape(part) for part in parts), re.IGNORECASE)


def _english(msgid):
    letters = PLACEHOLDER.sub("", TAG.sub("", msgid))
    return msgid not in LOANWORDS and len(re.findall(r"[A-Za-z]", letters)) >= 2


@cache
def untranslated_wagtail_strings():
    """Wagtail's msgids (the django domain) that read in English under Vietnamese."""
    found = set()
    with translation.override("vi"):
        for path in Path(wagtail.__file__).parent.glob("**/locale/en/LC_MESSAGES/django.po"):
            for entry in polib.pofile(str(path)):
                found.update(
                    msgid for msgid, shown in _shown(entry) if shown == msgid and _english(msgid)
                )
    return frozenset(found)


@cache
def _patterns():
    return [(msgid, _pattern(msgid)) for msgid in sorted(untranslated_wagtail_strings())]


def english_in(text):
    """The untranslated Wagtail strings a screen's text shows: a one-word string as a whole cell
    (a label, a menu item, a table cell, the label before a colon), a longer one anywhere; case
    aside, as CSS may print labels in capitals."""
    cells = [cell for line in text.splitlines() for cell in line.split("\t")]
    cells += [cell.split(":")[0] for cell in cells if ":" in cell]  # "Label: value"
    lines = [" ".join(cell.split()) for cell in cells]
    lines = [line for line in lines if line]
    hits = set()
    for msgid, pattern in _patterns():
        several_words = " " in msgid.strip()
        for line in lines:
            if pattern.fullmatch(line) or (several_words and pattern.search(line)):
                hits.add(msgid)
                break
    return sorted(hits)
