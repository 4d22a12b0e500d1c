"""Search precision as issue 11 defines it: the share of first-page results whose card text
(title, producer and district, category, the summary shown) contains every word typed,
folded. Measured on the demo data's multi-word queries by `manage.py search_precision`."""

import html

from django.utils.html import strip_tags

from catalog.base.text import fold
from products.models import District

from . import service
from .query import parse

# Multi-word queries a buyer of the demo catalogue types: its products, places and crafts,
# with and without diacritics. None of them is a test's query.
QUERIES = [
    "mỳ chũ",
    "bánh đa kế",
    "gốm thổ hà",
    "đồng phú",
    "mi chu",
    "banh da",
    "vải thiều sấy",
    "vai thieu say kho",
    "mật ong rừng",
    "mat ong hoa vai",
    "rượu làng vân",
    "ruou nep cai",
    "mây tre đan",
    "may tre dan",
    "gà đồi yên thế",
    "kẹo lạc vừng",
    "keo lac",
    "máy tuốt lúa",
    "máy sấy vải",
    "miến dong",
    "chổi chít",
    "ba kích tím",
    "trà hoa vàng",
    "dao rèn",
    "gỗ hương",
    "nước vải",
    "bánh gai",
    "bún khô",
    "đũa tre",
    "giỏ tre",
    "gom su",
    "lục ngạn",
    "luc nam",
    "yên thế",
    "tân yên",
    "hiệp hòa",
    "tủ điện",
    "rau củ sấy",
    "dầu lạc",
    "thức ăn chăn nuôi",
    "gạch không nung",
    "đồ gỗ",
    "thủ công mỹ nghệ",
    "đặc sản lục ngạn",
]
PAGE_SIZE = 12  # the search page's first page


def _words(text):
    return fold(html.unescape(strip_tags(str(text)))).split()


def card_text(hit, summary, districts):
    """The words a buyer reads on the result's card."""
    payload = hit["payload"]
    parts = [hit["title"], summary]
    if hit["kind"] == "product":
        parts += [payload["producer"]["title"], payload["category"]["name"]]
    parts += [districts.get(slug, "") for slug in hit.get("district", [])]
    if hit["kind"] == "producer":
        parts.append(payload.get("district", {}).get("name", ""))
    return [w for part in parts for w in _words(part)]


def shows_every_word(terms, words):
    """Every typed word is a word of the card; the last one may be a word's beginning."""
    present = set(words)
    for i, term in enumerate(terms):
        last = i == len(terms) - 1
        if term not in present and not (last and any(w.startswith(term) for w in present)):
            return False
    return True


def measure(queries=QUERIES):
    """(precision over all first-page results, {query: (precise, shown, match)})."""
    districts = dict(District.objects.values_list("slug", "name"))
    per_query, precise_total, shown_total = {}, 0, 0
    for text in queries:
        query = parse({"q": text}, page_size=PAGE_SIZE)
        result, _notice = service.search(query)
        terms = query.folded_terms
        precise = 0
        for hit in result.hits:
            summary = service.highlights(hit, query)["summary"]
            if shows_every_word(terms, card_text(hit, summary, districts)):
                precise += 1
        per_query[text] = (precise, len(result.hits), result.match)
        precise_total += precise
        shown_total += len(result.hits)
    return (precise_total / shown_total if shown_total else 1.0), per_query
