"""The embedded backend: the same contract answered from SearchRecord rows, so a site with no
engine configured (or with its engine down) still searches Vietnamese the same way.

Everything happens in SQL on indexed tables: words are looked up in SearchWord (a small
inverted index), facets are filtered and counted on SearchFacetValue, and only the page's
documents are read."""

from django.db.models import Case, Count, Func, IntegerField, Value, When
from django.db.models.functions import Length

from search.facets import count_groups
from search.models import SearchFacetValue, SearchRecord, SearchWord

from .base import SearchResult

# The same weights as the engine query: exact words above folded, titles above body text.
WEIGHTS = {"title_exact": 8, "text_exact": 4, "title_folded": 4, "text_folded": 1}


def _needle(term, prefix=False):
    """A LIKE needle for a whole word, or a word's beginning, in the space-padded columns."""
    return f" {term}" if prefix else f" {term} "


def _with_word(records, term, prefix):
    """Records having the word, or (prefix) a word that begins with it. The prefix is a range
    of the word index: from the term up to the term with its last letter incremented."""
    term = term[: SearchWord.MAX_LENGTH]
    if prefix:
        after = term[:-1] + chr(ord(term[-1]) + 1)
        words = SearchWord.objects.filter(word__gte=term, word__lt=after)
    else:
        words = SearchWord.objects.filter(word=term)
    return records.filter(pk__in=words.values("record_id"))


def _last(terms, i):
    return i == len(terms) - 1


class _Plus(Func):
    """The sum of its terms as one flat `(a + b + c)`: `a + b + c` built with Python's `+`
    nests one expression per term, which overflowed SQLite's parser stack at 20 words and
    Python's recursion limit at 100."""

    arg_joiner = " + "
    template = "(%(expressions)s)"
    output_field = IntegerField()


class DatabaseBackend:
    name = "database"

    def search(self, query):
        matching = self._matching(query)
        hits = self._filtered(matching, query.filters)
        start, stop = query.hit_range
        page = self._ordered(hits, query)[start:stop]
        return SearchResult(
            backend=self.name,
            count=hits.count(),
            hits=list(page.values_list("document", flat=True)),
            facets=self._facet_counts(matching, query.filters),
        )

    def suggest(self, terms, limit):
        records = SearchRecord.objects.all()
        for i, term in enumerate(terms):
            records = records.filter(title_folded__contains=_needle(term, _last(terms, i)))
        rows = records.order_by("-kind", "sort_name", "pk").values_list("document", flat=True)
        return list(rows[:limit])

    @staticmethod
    def _matching(query):
        """Records with every typed word, folded; the last one may be a word's beginning."""
        records = SearchRecord.objects.filter(kind__in=query.kinds)
        terms = query.folded_terms
        for i, term in enumerate(terms):
            records = _with_word(records, term, prefix=_last(terms, i))
        return records

    @staticmethod
    def _filtered(records, filters):
        for name, value in filters.items():
            records = records.filter(facet_values__field=name, facet_values__value=value)
        return records

    @classmethod
    def _facet_counts(cls, matching, filters):
        """{facet: {value: count}}, one GROUP BY query per group of facets counted under the
        same filters."""
        counts = {}
        for fields, others in count_groups(filters):
            applied = {other: filters[other] for other in others}
            rows = (
                SearchFacetValue.objects.filter(
                    field__in=fields, record__in=cls._filtered(matching, applied)
                )
                .values_list("field", "value")
                .annotate(count=Count("pk"))
                .order_by()
            )
            for field, value, count in rows:
                counts.setdefault(field, {})[value] = count
        return counts

    @staticmethod
    def _score(query):
        """The relevance of a row as an SQL expression: the weight of every field a typed
        word matches, exact spellings against the exact columns."""
        folded, exact = query.folded_terms, query.exact_terms
        terms = [Value(0)]
        for i, (f_term, e_term) in enumerate(zip(folded, exact, strict=False)):
            for column, weight in WEIGHTS.items():
                if column.endswith("exact"):
                    needle = _needle(e_term)
                else:
                    needle = _needle(f_term, prefix=_last(folded, i))
                terms.append(
                    Case(
                        When(**{f"{column}__contains": needle}, then=Value(weight)),
                        default=Value(0),
                    )
                )
        return _Plus(*terms)

    @classmethod
    def _ordered(cls, records, query):
        """Relevance breaks ties by the shorter title, which matches more closely, as
        field-length norms make it on the engines; then by name, as everywhere. The id comes
        last so that hits tied on all of these page in one order: PostgreSQL, unlike SQLite,
        may return ties in a different order for each page's LIMIT and OFFSET."""
        if query.sort == "newest":
            return records.order_by("-newest_year", "sort_name", "pk")
        if query.sort == "name" or not query.folded_terms:
            return records.order_by("sort_name", "pk")
        return records.annotate(
            score=cls._score(query), title_length=Length("title_folded")
        ).order_by("-score", "title_length", "sort_name", "pk")
