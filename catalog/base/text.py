"""Vietnamese text normalisation: the one place where "same word" is decided.

Buyers and spreadsheets write Vietnamese in NFC or NFD, in any case, with or without
tone marks, with the old ("hoà") or new ("hòa") tone placement, and with i or y after a
consonant ("mì"/"mỳ"). Every comparison in the project (import matching, the search
index, search queries on every backend) goes through these functions so they agree.
"""

import functools
import html
import re
import unicodedata

from django.utils.html import strip_tags

_BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|li|h[1-6]|div|blockquote)>", re.IGNORECASE)
# Marks spelled as VNI digits, so an exact key is one plain alphanumeric token that every
# engine's standard tokenizer keeps whole: tones (acute, grave, hook, tilde, dot below)...
_TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
# ...and the marks that change the vowel itself (circumflex, horn, breve); đ is 9.
_VOWEL_MARKS = {"\u0302": "6", "\u031b": "7", "\u0306": "8"}
_WORD = re.compile(r"[^\W_]+")
_VOWELS = set("aeiouy")


def _words(text):
    """Words of the text, each decomposed (NFD) with đ spelled as d plus a stroke mark."""
    composed = unicodedata.normalize("NFC", text).casefold()
    return [
        unicodedata.normalize("NFD", word).replace("đ", "d\u0111")
        for word in _WORD.findall(composed)
    ]


@functools.lru_cache(maxsize=100_000)
def _fold_word(word, keep_marks):
    """One word to plain letters; with keep_marks, vowel marks stay and the tone moves
    to the end, so both tone placements give the same key."""
    letters, tone = [], ""
    for char in word:
        if char in _TONES:
            tone = _TONES[char]
        elif char in _VOWEL_MARKS:
            if keep_marks:
                letters.append(_VOWEL_MARKS[char])
        elif char == "\u0111":  # the stroke of đ, kept apart from d so the key can see it
            if keep_marks:
                letters.append("9")
        elif unicodedata.combining(char):
            continue
        else:
            letters.append(char)
    plain = "".join(letters)
    plain = _unify_i_y(plain)
    return plain + tone if keep_marks else plain


def _unify_i_y(word):
    """A syllable whose only vowel is a final y after a consonant is spelled with i."""
    head = word[:-1]
    if head.startswith("qu"):  # the u of "qu" is part of the consonant
        head = head[2:]
    if len(word) >= 2 and word.endswith("y") and not (set(head) & _VOWELS):
        return word[:-1] + "i"
    return word


def fold(text):
    """Lower-case words without any diacritics: "Bánh đa Kế" -> "banh da ke"."""
    return " ".join(_fold_word(w, keep_marks=False) for w in _words(text or ""))


def exact_key(text):
    """Lower-case words keeping diacritics in a canonical spelling, so that NFC/NFD and
    old/new tone placement agree but "bánh" and "banh" do not."""
    return " ".join(_fold_word(w, keep_marks=True) for w in _words(text or ""))


def vietnamese_slug(text, max_length=80):
    """An ASCII slug that keeps the Vietnamese spelling ("Mỳ Chũ" -> "my-chu"): the one
    function every slug of the site comes from (page forms, the importer, the demo loader).
    Django's slugify drops đ, which has no Unicode decomposition, so it is spelled d first."""
    from django.utils.text import slugify

    spelled = unicodedata.normalize("NFC", text or "").replace("đ", "d").replace("Đ", "D")
    return slugify(spelled)[:max_length].strip("-")


def is_lossy_slug(slug, title):
    """Whether the slug is the title spelled by a machine that dropped the letters it could
    not spell: the admin's JavaScript keeps only the accented letters its map knows ("Hội
    chợ Xuân" -> "hi-ch-xuan"), Django's slugify drops đ. Each accented letter of the title
    may appear as its base letter or not at all; anything else must be as vietnamese_slug
    spells it. Such a slug is replaced by the transliterated one."""
    pattern = []
    for char in unicodedata.normalize("NFC", title or "").lower():
        base = "d" if char == "đ" else unicodedata.normalize("NFD", char)[0]
        if char.isascii() and char.isalnum():
            pattern.append(re.escape(char))
        elif base.isascii() and base.isalpha():
            pattern.append(f"{base}?")
        elif char.isspace() or char in "-_":
            pattern.append("[-_]*")
    return bool(slug) and re.fullmatch("-*" + "".join(pattern) + "-*", slug) is not None


def slug_formatters():
    """(regex, replacement) pairs for Wagtail's slug widget (SlugInput's formatters), so
    the admin's JavaScript spells Vietnamese letters as vietnamese_slug does: every accented
    letter becomes its base letter, đ becomes d and combining marks (NFD input) go."""
    groups = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base.isascii() and base.isalpha() and char != base:
            groups.setdefault(base, []).append(char)
    pairs = [(f"[{''.join(chars)}]", base) for base, chars in sorted(groups.items())]
    return [*pairs, ("[đ]", "d"), ("[Đ]", "D"), ("[\u0300-\u036f]", "")]


def plain_text(rich_text):
    """Rich text (HTML) as the text a reader sees: a line per paragraph, tags dropped, and
    entities (&lt; &quot; &amp;) decoded once. strip_tags alone keeps the entities: shown,
    they are escaped a second time ("&amp;lt;"), and indexed, "quot" becomes a word."""
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", rich_text or "")))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
