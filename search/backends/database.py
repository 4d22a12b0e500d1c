"""The embedded backend: the same contract answered from SearchRecord rows, so a site with no
engine configured (or with its engine down) still searches Vietnamese the same way."""

from collections import Counter

from django.db.models import Q

from search.facets import FACET_FIELDS
from search.models import SearchRecord

from .base import SearchResult, term_matches

# The same weights as the engine query: exact words above folded, titles above body text.
WEIGHTS = {"title_exact": 8, "text_exact": 4, "title_folded": 4, "text_folded": 1}


class DatabaseBackend:
    name = "database"

    def search(self, query):
        rows = self._candidates(query).values_list(
            "key", "title_exact", "text_exact", "title_folded", "text_folded", "facets",
            "sort_name", "newest_year",
        )  # fmt: skip
        matches = []
        for key, t_exact, x_exact, t_folded, x_folded, facets, sort_name, newest in rows:
            values = {}
            for pair in facets.split():
                name, _sep, value = pair.partition("=")
                values.setdefault(name, set()).add(value)
            score = self._score(query, t_exact, x_exact, t_folded, x_folded)
            matches.append((key, values, (score, -len(t_folded)), sort_name, newest))

        facets = {name: Counter() for name in FACET_FIELDS}
        selected = query.filters
        hits = []
        for key, values, score, sort_name, newest in matches:
            failing = [f for f, v in selected.items() if v not in values.get(f, ())]
            if not failing:
                hits.append((key, score, sort_name, newest))
            for name in FACET_FIELDS:
                # A facet's counts ignore its own selection: count rows failing only on it.
                if not failing or failing == [name]:
                    facets[name].update(values.get(name, ()))

        hits.sort(key=self._sort_key(query.sort))
        page = [key for key, *_rest in hits[query.offset : query.offset + query.page_size]]
        documents = dict(SearchRecord.objects.filter(key__in=page).values_list("key", "document"))
        return SearchResult(
            backend=self.name,
            count=len(hits),
            hits=[documents[key] for key in page if key in documents],
            facets={name: dict(counts) for name, counts in facets.items()},
        )

    def suggest(self, terms, limit):
        records = SearchRecord.objects.all()
        for i, term in enumerate(terms):
            last = i == len(terms) - 1
            records = records.filter(title_folded__contains=f" {term}" if last else f" {term} ")
        rows = records.order_by("-kind", "sort_name").values_list("document", flat=True)[:limit]
        return list(rows)

    @staticmethod
    def _candidates(query):
        """Rows containing every typed word, folded; the last one may be a word's beginning."""
        records = SearchRecord.objects.filter(kind__in=query.kinds)
        terms = query.folded_terms
        for i, term in enumerate(terms):
            needle = f" {term}" if i == len(terms) - 1 else f" {term} "
            records = records.filter(Q(text_folded__contains=needle))
        return records

    @staticmethod
    def _score(query, t_exact, x_exact, t_folded, x_folded):
        fields = {
            "title_exact": t_exact.split(),
            "text_exact": x_exact.split(),
            "title_folded": t_folded.split(),
            "text_folded": x_folded.split(),
        }
        folded, exact = query.folded_terms, query.exact_terms
        score = 0
        for i, (f_term, e_term) in enumerate(zip(folded, exact, strict=False)):
            last = i == len(folded) - 1
            for name, weight in WEIGHTS.items():
                term = e_term if name.endswith("exact") else f_term
                if term_matches(fields[name], term, prefix=last and name.endswith("folded")):
                    score += weight
        return score

    @staticmethod
    def _sort_key(sort):
        """Hits are (key, (score, -title length), sort name, newest year); at equal scores a
        shorter title matches more closely, as field-length norms make it on the engines."""
        if sort == "newest":
            return lambda hit: (-hit[3], hit[2])
        if sort == "name":
            return lambda hit: (hit[2],)
        return lambda hit: (-hit[1][0], -hit[1][1], hit[2])
