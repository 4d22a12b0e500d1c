#!/usr/bin/env bash
# Run a command with real OpenSearch and Elasticsearch nodes beside it, as the test suite
# needs: both start in parallel on test ports, the command sees their URLs, and both are
# stopped by pid when it ends, whatever its outcome.
#
#   search/engine/with-engines.sh pytest -n 2
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
engine="$here/engine.sh"
OS_PORT="${TEST_OPENSEARCH_PORT:-9211}"
ES_PORT="${TEST_ELASTICSEARCH_PORT:-9212}"
logs="$(mktemp -d)"

stop_all() {
    "$engine" stop opensearch --port "$OS_PORT" >/dev/null 2>&1
    "$engine" stop elasticsearch --port "$ES_PORT" >/dev/null 2>&1
    rm -rf "$logs"
}
trap stop_all EXIT INT TERM

started=$(date +%s)
"$engine" start opensearch --port "$OS_PORT" >"$logs/opensearch" 2>&1 &
os_pid=$!
"$engine" start elasticsearch --port "$ES_PORT" >"$logs/elasticsearch" 2>&1 &
es_pid=$!
failed=0
wait "$os_pid" || failed=1
wait "$es_pid" || failed=1
if [ "$failed" -ne 0 ]; then
    echo "with-engines: a search engine did not start:" >&2
    tail -n 40 "$logs"/* >&2
    exit 1
fi
echo "with-engines: OpenSearch on $OS_PORT and Elasticsearch on $ES_PORT healthy after $(( $(date +%s) - started )) s"

export SEARCH_TEST_OPENSEARCH_URL="http://127.0.0.1:$OS_PORT"
export SEARCH_TEST_ELASTICSEARCH_URL="http://127.0.0.1:$ES_PORT"
export SEARCH_ENGINES_REQUIRED=1
"$@"
