"""Highlighting in Python, from the original text and the normalised query terms, so it looks
the same on every backend and keeps the diacritics the buyer sees."""

import functools
import html
import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from catalog.base.text import fold

_WORD = re.compile(r"[^\W_]+")


def _one_edit_apart(a, b):
    """Levenshtein distance of at most one (with a transposition counting as one), mirroring
    the engines' fuzziness for words of five letters or more."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1:
            i, j = diffs
            return a[i] == b[j] and a[j] == b[i]
        return len(diffs) <= 1
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


# Result pages fold the same few thousand words again and again.
_fold_word = functools.lru_cache(maxsize=50_000)(fold)


def matches(word, terms, last_is_prefix=True):
    folded = _fold_word(word)
    for i, term in enumerate(terms):
        if folded == term:
            return True
        if last_is_prefix and i == len(terms) - 1 and folded.startswith(term):
            return True
        if len(term) >= 5 and _one_edit_apart(folded, term):
            return True
    return False


def highlight(text, terms):
    """The text, escaped, with every word matching a query term wrapped in <mark>."""
    if not text or not terms:
        return escape(text or "")
    text = unicodedata.normalize("NFC", text)
    out, position = [], 0
    for match in _WORD.finditer(text):
        if matches(match.group(), terms):
            out += [html.escape(text[position : match.start()]), "<mark>"]
            out += [html.escape(match.group()), "</mark>"]
            position = match.end()
    out.append(html.escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of the text above is escaped
