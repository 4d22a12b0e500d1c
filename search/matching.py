"""What a query's words match, decided once for every backend (issue 11).

Typed diacritics are the buyer's meaning: a word written with them matches only that
spelling (its exact key, so NFC/NFD, old and new tone placement and i/y still agree), in
every stage, so `mỳ chũ` never finds "mỹ nghệ" and "chủ yếu", nor `đồng phú` "động" and
"phủ". A word typed without diacritics matches every spelling. A search tries these stages
in order and answers with the first whose words match anything:

1. "typed": every word, as above.
2. "fuzzy": every word, one wrong letter forgiven in a word typed without diacritics, of
   FUZZY_MIN_LENGTH letters or more, whose first FUZZY_PREFIX_LENGTH letters are right (so
   `thieu` never becomes `hieu`); a word as typed is only forgiven when nothing has them all.
3. "any": some of the words (a query of two different words or more), said so to buyers.

In every stage the last word may be a word's beginning, and is never fuzzy. Ranking is the
same sum of constant weights on every backend: a word's exact spelling above its folded
form (so a folded-only match never outranks one with the diacritics typed), titles above
the rest, and neighbouring words found side by side in the title (PHRASE)."""

from dataclasses import dataclass

STAGES = ("typed", "fuzzy", "any")
ALL, ANY = "all", "any"
FUZZY_MIN_LENGTH = 5
FUZZY_PREFIX_LENGTH = 2
# Weights of one word: an exact spelling (anywhere, 4 + 1 at least) always outweighs a
# folded-only match (at most 2 + 1).
WEIGHTS = {"title_exact": 8, "text_exact": 4, "title_folded": 2, "text_folded": 1}
PHRASE = 6  # two neighbouring words of the query side by side in the title


@dataclass(frozen=True)
class Word:
    """One typed word in its matching forms."""

    folded: str
    exact: str
    last: bool

    @property
    def marked(self):
        """Typed with diacritics: its exact key differs from its folded form."""
        return self.exact != self.folded

    @property
    def forgivable(self):
        """May be matched with one wrong letter (in the fuzzy stage)."""
        return not self.last and not self.marked and len(self.folded) >= FUZZY_MIN_LENGTH


def words(query):
    folded, exact = query.folded_terms, query.exact_terms
    return [
        Word(f, e, i == len(folded) - 1) for i, (f, e) in enumerate(zip(folded, exact, strict=True))
    ]


def stages(query):
    """The stages worth running for this query, in order."""
    found = words(query)
    if not found:
        return ["typed"]
    run = ["typed"]
    if any(w.forgivable for w in found):
        run.append("fuzzy")
    if len({w.folded for w in found}) > 1:
        run.append("any")
    return run


def match_of(stage):
    return ANY if stage == "any" else ALL


def phrases(query):
    """(word, next word) pairs of the query, for the title phrase boost."""
    found = words(query)
    return list(zip(found, found[1:], strict=False))


def one_edit_apart(a, b):
    """Levenshtein distance of at most one, a transposition counting as one: the engines'
    fuzziness of 1 with transpositions."""
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


def forgiven(word, candidate):
    """A folded word of the index matches this typed word with one wrong letter."""
    prefix = word.folded[:FUZZY_PREFIX_LENGTH]
    return candidate.startswith(prefix) and one_edit_apart(word.folded, candidate)
