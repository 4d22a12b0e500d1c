"""The embedded backend: the same contract answered from SearchRecord rows, so a site with no
engine configured (or with its engine down) still searches Vietnamese the same way.

Everything happens in SQL on indexed tables: words are looked up in SearchWord (a small
inverted index of folded words and of the exact keys of words with diacritics), facets are
filtered and counted on SearchFacetValue, and only the page's documents are read. What a
word matches and how results rank is search.matching's, as on the engines."""

from django.db.models import Case, Count, Func, IntegerField, Q, Value, When
from django.db.models.functions import Length

from search import matching
from search.facets import count_groups
from search.models import SearchFacetValue, SearchRecord, SearchWord

from .base import SearchResult, StagedSearch


def _needle(term, prefix=False):
    """A LIKE needle for a whole word, or a word's beginning, in the space-padded columns."""
    return f" {term}" if prefix else f" {term} "


def _word_is(term, prefix):
    """SearchWord rows of the word, or (prefix) of the words that begin with it: a range of
    the word index, from the term up to the term with its last letter incremented."""
    term = term[: SearchWord.MAX_LENGTH]
    if prefix:
        return Q(word__gte=term, word__lt=term[:-1] + chr(ord(term[-1]) + 1))
    return Q(word=term)


def _neighbours(word):
    """The index's folded words one letter away from this one, with its first letters."""
    start = word.folded[: matching.FUZZY_PREFIX_LENGTH]
    candidates = (
        SearchWord.objects.filter(_word_is(start, prefix=True))
        .annotate(length=Length("word"))
        .filter(length__gte=len(word.folded) - 1, length__lte=len(word.folded) + 1)
        .values_list("word", flat=True)
        .distinct()
    )
    return sorted(
        c for c in candidates if c.isalpha() and c != word.folded and matching.forgiven(word, c)
    )


def _word_rows(word, stage):
    """Q over SearchWord: the rows through which a record matches this word at this stage."""
    if word.marked:
        return _word_is(word.exact, word.last)
    rows = _word_is(word.folded, word.last)
    if stage in ("fuzzy", "any") and word.forgivable:
        rows |= Q(word__in=_neighbours(word))
    return rows


def _last(terms, i):
    return i == len(terms) - 1


class _Plus(Func):
    """The sum of its terms as one flat `(a + b + c)`: `a + b + c` built with Python's `+`
    nests one expression per term, which overflowed SQLite's parser stack at 20 words and
    Python's recursion limit at 100."""

    arg_joiner = " + "
    template = "(%(expressions)s)"
    output_field = IntegerField()


def _weight(column, needle, weight):
    return Case(When(**{f"{column}__contains": needle}, then=Value(weight)), default=Value(0))


class DatabaseBackend(StagedSearch):
    name = "database"

    def search_stage(self, query, stage):
        matching_records = self._matching(query, stage)
        hits = self._filtered(matching_records, query.filters)
        start, stop = query.hit_range
        page = self._ordered(hits, query)[start:stop]
        count = hits.count()
        return SearchResult(
            backend=self.name,
            count=count,
            hits=list(page.values_list("document", flat=True)),
            facets=self._facet_counts(matching_records, query.filters),
            matched=matching_records.count() if query.filters else count,
            stage=stage,
        )

    def suggest(self, terms, limit):
        records = SearchRecord.objects.all()
        for i, term in enumerate(terms):
            records = records.filter(title_folded__contains=_needle(term, _last(terms, i)))
        rows = records.order_by("-kind", "sort_name", "pk").values_list("document", flat=True)
        return list(rows[:limit])

    @staticmethod
    def _matching(query, stage):
        """Records whose words match the query's at this stage (search.matching)."""
        records = SearchRecord.objects.all()
        found = matching.words(query)
        if stage == "any":
            rows = Q()
            for word in found:
                rows |= _word_rows(word, stage)
            return records.filter(pk__in=SearchWord.objects.filter(rows).values("record_id"))
        for word in found:
            rows = SearchWord.objects.filter(_word_rows(word, stage)).values("record_id")
            records = records.filter(pk__in=rows)
        return records

    @staticmethod
    def _filtered(records, filters):
        for name, value in filters.items():
            records = records.filter(facet_values__field=name, facet_values__value=value)
        return records

    @classmethod
    def _facet_counts(cls, matching_records, filters):
        """{facet: {value: count}}, one GROUP BY query per group of facets counted under the
        same filters."""
        counts = {}
        for fields, others in count_groups(filters):
            applied = {other: filters[other] for other in others}
            rows = (
                SearchFacetValue.objects.filter(
                    field__in=fields, record__in=cls._filtered(matching_records, applied)
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
        """The relevance of a row as an SQL expression: search.matching's weights for every
        field a typed word matches, and its phrase weight for neighbours in the title."""
        terms = [Value(0)]
        for word in matching.words(query):
            for column, weight in matching.WEIGHTS.items():
                if column.endswith("exact"):
                    needle = _needle(word.exact)
                else:
                    needle = _needle(word.folded, prefix=word.last)
                terms.append(_weight(column, needle, weight))
        for first, second in matching.phrases(query):
            needle = _needle(f"{first.folded} {second.folded}", prefix=second.last)
            terms.append(_weight("title_folded", needle, matching.PHRASE))
        return _Plus(*terms)

    @classmethod
    def _ordered(cls, records, query):
        """Relevance breaks ties by the shorter title, which matches more closely, then by
        name, as everywhere. The id comes last so that hits tied on all of these page in one
        order: PostgreSQL, unlike SQLite, may return ties in a different order for each
        page's LIMIT and OFFSET."""
        if query.sort == "newest":
            return records.order_by("-newest_year", "sort_name", "pk")
        if query.sort == "name" or not query.folded_terms:
            return records.order_by("sort_name", "pk")
        return records.annotate(
            score=cls._score(query), title_length=Length("title_folded")
        ).order_by("-score", "title_length", "sort_name", "pk")
