"""Highlighting and snippets in Python, from the original text and the query's words, so they
look the same on every backend and keep the diacritics the buyer sees. A word is marked when
it matches a query word as search.matching matched it at the answering stage."""

import functools
import html
import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from catalog.base.text import exact_key, fold

from . import matching

_WORD = re.compile(r"[^\W_]+")
SNIPPET_LENGTH = 220  # characters of a description shown under a result
SNIPPET_LEAD = 40  # of them before the first word found, for context

# Result pages fold the same few thousand words again and again.
_fold_word = functools.lru_cache(maxsize=50_000)(fold)
_exact_word = functools.lru_cache(maxsize=50_000)(exact_key)


def _matches(text_word, word, stage):
    """The text's word matches the query's word at this stage."""
    if word.marked:
        found = _exact_word(text_word)
        return found == word.exact or (word.last and found.startswith(word.exact))
    found = _fold_word(text_word)
    if found == word.folded or (word.last and found.startswith(word.folded)):
        return True
    return stage in ("fuzzy", "any") and word.forgivable and matching.forgiven(word, found)


def _matched(text_word, words, stage):
    """Indexes of the query's words this word of the text matches."""
    return {i for i, word in enumerate(words) if _matches(text_word, word, stage)}


def _marked(text, words, stage):
    """The text, escaped, with every word matching a query word wrapped in <mark>."""
    out, position = [], 0
    for match in _WORD.finditer(text):
        if _matched(match.group(), words, stage):
            out += [html.escape(text[position : match.start()]), "<mark>"]
            out += [html.escape(match.group()), "</mark>"]
            position = match.end()
    out.append(html.escape(text[position:]))
    return "".join(out)


def highlight(text, words, stage="typed"):
    """The text, escaped, with the words matching the query's (search.matching.words)
    marked."""
    if not text or not words:
        return escape(text or "")
    text = unicodedata.normalize("NFC", text)
    return mark_safe(_marked(text, words, stage))  # noqa: S308 - every piece is escaped


def _found(text, words, stage):
    """[(start, end, query word indexes)] of the text's matching words."""
    found = []
    for match in _WORD.finditer(text):
        hit = _matched(match.group(), words, stage)
        if hit:
            found.append((match.start(), match.end(), hit))
    return found


def _best_window(found):
    """(start, end) of the SNIPPET_LENGTH characters around the most different query words,
    the earliest such window on a tie."""
    best, best_count = None, -1
    for i, (start, _end, _hit) in enumerate(found):
        covered = set()
        for _other_start, other_end, hit in found[i:]:
            if other_end - start > SNIPPET_LENGTH - SNIPPET_LEAD:
                break
            covered |= hit
        if len(covered) > best_count:
            best, best_count = start, len(covered)
    start = max(0, best - SNIPPET_LEAD)
    return start, start + SNIPPET_LENGTH


def _cut(text, start, end):
    """The text between start and end, widened or narrowed to whole words, with an ellipsis
    where it was cut."""
    if start > 0:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 else 0
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    piece = text[start:end].strip()
    return ("… " if start > 0 else "") + piece + (" …" if end < len(text) else "")


def snippet(summary, body, words, stage="typed"):
    """What a result shows under its title: the summary when it holds every query word the
    description holds, otherwise the part of the description around the most of them; the
    words marked, everything escaped."""
    if not words or not body:
        return highlight(summary, words, stage)
    body = unicodedata.normalize("NFC", " ".join(body.split()))
    in_body = _found(body, words, stage)
    in_body_words = set().union(*(hit for _s, _e, hit in in_body)) if in_body else set()
    summary_words = set().union(*(hit for _s, _e, hit in _found(summary or "", words, stage)))
    if in_body_words <= summary_words:
        return highlight(summary, words, stage)
    start, end = _best_window(in_body)
    return mark_safe(_marked(_cut(body, start, end), words, stage))  # noqa: S308 - escaped
