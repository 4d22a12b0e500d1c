#!/usr/bin/env bash
# Smoke test for a node started by engine.sh: explicit mapping, indexing, fuzzy match query,
# terms aggregation and an atomic alias swap, all through the REST API with curl.
#
#   smoke.sh http://127.0.0.1:9201
#
# Exits non-zero on the first failed check. Uses and then deletes indices named smoke-*.

set -euo pipefail

URL="${1:?usage: smoke.sh URL}"
FAILED=0

# req METHOD PATH [JSON]: prints the response body; fails on HTTP >= 400.
req() {
    local method="$1" path="$2" body="${3:-}"
    local -a args=(-sS -X "$method" "$URL$path" -H 'Content-Type: application/json' -w '\n%{http_code}')
    [[ -n "$body" ]] && args+=(--data-binary "$body")
    local out code
    out="$(curl "${args[@]}")"
    code="${out##*$'\n'}"
    out="${out%$'\n'*}"
    if ((code >= 400)); then
        echo "FAIL: $method $path -> HTTP $code: $out" >&2
        return 1
    fi
    echo "$out"
}

check() {   # check NAME HAYSTACK NEEDLE
    if grep -q -- "$3" <<<"$2"; then
        echo "ok   $1"
    else
        echo "FAIL $1: expected $3 in: $2" >&2
        FAILED=1
    fi
}

req DELETE '/smoke-*' >/dev/null || true
req DELETE '/_alias/smoke' >/dev/null 2>&1 || true

# Only analyzers of the server core here, so the same mapping works on both engines.
mapping='{
  "settings": {"number_of_shards": 1, "number_of_replicas": 0},
  "mappings": {"properties": {
    "title":    {"type": "text", "analyzer": "standard"},
    "province": {"type": "keyword"},
    "stars":    {"type": "integer"}
  }}
}'
req PUT /smoke-v1 "$mapping" >/dev/null
req PUT /smoke-v2 "$mapping" >/dev/null
check "mapping is explicit" "$(req GET /smoke-v1/_mapping)" '"province":{"type":"keyword"}'

req PUT '/smoke-v1/_doc/1?refresh=true' '{"title": "Nuoc mam Phu Quoc", "province": "Kien Giang", "stars": 5}' >/dev/null
req PUT '/smoke-v1/_doc/2?refresh=true' '{"title": "Che Thai Nguyen", "province": "Thai Nguyen", "stars": 4}' >/dev/null
req PUT '/smoke-v1/_doc/3?refresh=true' '{"title": "Nuoc mam Nam O", "province": "Da Nang", "stars": 4}' >/dev/null
req PUT '/smoke-v2/_doc/9?refresh=true' '{"title": "Gom Bat Trang", "province": "Ha Noi", "stars": 5}' >/dev/null

# "mamm" and "quok" are misspelt on purpose: fuzziness AUTO must still find document 1.
fuzzy="$(req POST /smoke-v1/_search '{"query": {"match": {"title": {"query": "mamm quok", "fuzziness": "AUTO", "operator": "and"}}}}')"
check "fuzzy match finds doc 1" "$fuzzy" '"_id":"1"'
check "fuzzy match finds only doc 1" "$fuzzy" '"total":{"value":1'

aggs="$(req POST '/smoke-v1/_search?size=0' '{"aggs": {"by_stars": {"terms": {"field": "stars"}}, "by_province": {"terms": {"field": "province"}}}}')"
check "terms agg on integer" "$aggs" '{"key":4,"doc_count":2}'
check "terms agg on keyword" "$aggs" '{"key":"Kien Giang","doc_count":1}'

req POST /_aliases '{"actions": [{"add": {"index": "smoke-v1", "alias": "smoke"}}]}' >/dev/null
check "alias points at v1" "$(req POST /smoke/_search '{"query": {"match_all": {}}}')" '"_index":"smoke-v1"'
# The swap is one request, so readers never see the alias missing or doubled.
req POST /_aliases '{"actions": [{"remove": {"index": "smoke-v1", "alias": "smoke"}}, {"add": {"index": "smoke-v2", "alias": "smoke"}}]}' >/dev/null
swapped="$(req GET /_alias/smoke)"
check "alias swapped to v2" "$swapped" '"smoke-v2"'
if grep -q '"smoke-v1"' <<<"$swapped"; then echo "FAIL alias still on v1: $swapped" >&2; FAILED=1; fi
check "search through alias hits v2" "$(req POST /smoke/_search '{"query": {"match_all": {}}}')" '"_id":"9"'

req DELETE '/smoke-*' >/dev/null
if ((FAILED)); then
    echo "smoke test FAILED against $URL" >&2
    exit 1
fi
echo "smoke test passed against $URL"
