#!/usr/bin/env bash
# Regenerates the real client logs in samples-logs/clients/ (see README.md).
#
#   samples-logs/clients/generate.sh              # every scenario (about a minute)
#   samples-logs/clients/generate.sh NAME...      # only these (scenario ids, e.g. healthy)
#
# For each scenario: a real nats-server (Debian v2.9.10) on a free 127.0.0.1 port with the
# scenario's config, the nats.go application (go/main.go, Debian golang-github-nats-io-go-nats-dev
# 1.22.1, built here in GOPATH mode, offline), the nats.js v2 and v3 applications (js/ and js3/,
# npm `nats` and `@nats-io/transport-node` as pinned there), the nats.c application (c/, Debian
# libnats-dev), the NATS.Client v1 application (dotnet1/, NuGet) and the NATS.Net application
# (dotnet2/, NuGet, console logging) running side by side against
# it, then whatever breaks
# (a stopped server, a frozen or reset path through helper/'s TCP proxy, a stopped process...).
# Writes <scenario>.<app>.log for go, js, js3, c, net and net2 (each application's stdout and stderr together,
# as a terminal, docker or systemd shows them) and <scenario>.server.log.
# Each step waits for the log line it needs (bounded); every process started here is stopped on
# exit, whatever happened.
#
# Needs: nats-server, golang-go, golang-github-nats-io-go-nats-dev and -jwt-dev, node + npm (the pinned
# packages are installed into a temp dir), gcc + libnats-dev, the .NET SDK, openssl, python3.

set -euo pipefail
export TZ=UTC

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NATS_SERVER="${NATS_SERVER:-$(command -v nats-server || echo /usr/sbin/nats-server)}"
[ -x "$NATS_SERVER" ] || { echo "generate.sh: nats-server not found (apt-get install -y nats-server)" >&2; exit 1; }
command -v go >/dev/null || { echo "generate.sh: go not found (apt-get install -y golang-go golang-github-nats-io-go-nats-dev)" >&2; exit 1; }
[ -d /usr/share/gocode/src/github.com/nats-io/nats.go ] || {
    echo "generate.sh: nats.go sources not found (apt-get install -y golang-github-nats-io-go-nats-dev)" >&2; exit 1; }
[ -d /usr/share/gocode/src/github.com/nats-io/jwt/v2 ] || {
    echo "generate.sh: nats jwt sources not found (apt-get install -y golang-github-nats-io-jwt-dev)" >&2; exit 1; }
command -v npm >/dev/null || { echo "generate.sh: node/npm not found (apt-get install -y nodejs npm)" >&2; exit 1; }
[ -f /usr/include/nats/nats.h ] || { echo "generate.sh: nats.c not found (apt-get install -y libnats-dev)" >&2; exit 1; }
command -v dotnet >/dev/null || { echo "generate.sh: dotnet not found" >&2; exit 1; }
command -v openssl >/dev/null || { echo "generate.sh: openssl not found" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/logtriage-clients.XXXXXX")"
PIDS=()
SCEN=""

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill -CONT "$pid" 2>/dev/null || true; kill -KILL "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

die() { echo "generate.sh: [$SCEN] $*" >&2; exit 1; }

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wait_log FILE PATTERN [COUNT] [TIMEOUT_S]: poll FILE until PATTERN (grep -E) matches COUNT lines.
wait_log() {
    local file="$1" pattern="$2" count="${3:-1}" timeout="${4:-15}" n
    local deadline=$(( $(date +%s) + timeout ))
    while :; do
        n=$(grep -cE -- "$pattern" "$file" 2>/dev/null || true)
        [ "${n:-0}" -ge "$count" ] && return 0
        [ "$(date +%s)" -ge "$deadline" ] && {
            echo "---- $file ----" >&2; tail -n 30 "$file" >&2 2>/dev/null || true
            die "/$pattern/ x$count not in $(basename "$file") after ${timeout}s (found ${n:-0})"; }
        sleep 0.1
    done
}

expect() { grep -qE -- "$2" "$1" || die "$(basename "$1"): expected /$2/"; }
refuse() { ! grep -qE -- "$2" "$1" || die "$(basename "$1"): unexpected /$2/"; }

# stop PID SIGNAL: send SIGNAL and wait (at most 10 s) for the process to exit.
stop() {
    local pid="$1" sig="$2" i
    exec 3>&2 2>/dev/null
    kill "-$sig" "$pid" 2>/dev/null || { exec 2>&3 3>&-; return 0; }
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
        exec 2>&3 3>&-
        die "pid $pid ignored SIG$sig"
    fi
    wait "$pid" 2>/dev/null || true
    exec 2>&3 3>&-
}

# server CONFIG_BODY: write D/nats.conf (listen on PORT, debug, the scenario's settings) and start
# nats-server logging to D/server.log; waits until it is ready. Sets SERVER_PID.
server() {
    cat >"$D/nats.conf" <<CONF
server_name: $SCEN
listen: "127.0.0.1:$PORT"
debug: true
logtime: true
log_file: "$D/server.log"
$1
CONF
    "$NATS_SERVER" -c "$D/nats.conf" >>"$D/server.stdout" 2>&1 &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    wait_log "$D/server.log" 'Server is ready'
}

# The applications, each logging as its library's users usually do (README.md), and the line each
# prints once it is subscribed and working, and once it has reconnected.
APPS=(go js js3 c net net2)
declare -A READY=([go]='Listening on' [js]='listening for' [js3]='subscribed to' [c]='Subscribed to' [net]='Subscribed to' [net2]='Subscribed to')
declare -A RECONNECTED=([go]='Reconnected' [js]='^reconnect:' [js3]="type: 'reconnect'" [c]='Reconnected to' [net]='NATS reconnected' [net2]='NATS reconnected to')
declare -A APP_PID=()

# clients URL [USER PASS] [RUN_MS]: start every application in the background on SCEN.
clients() {
    local url="$1" user="${2:-}" pass="${3:-}" run_ms="${4:-2000}"
    local goargs=(-scenario "$SCEN" -url "$url" -for "${run_ms}ms")
    [ -n "$user" ] && goargs+=(-user "$user" -pass "$pass")
    "$WORK/clients-go" "${goargs[@]}" >"$D/go.log" 2>&1 &
    APP_PID[go]=$!
    (cd "$WORK/js" && exec node client.mjs "$SCEN" "${url#nats://}" "$user" "$pass" "$run_ms") >"$D/js.log" 2>&1 &
    APP_PID[js]=$!
    (cd "$WORK/js3" && exec node client.mjs "$SCEN" "${url#nats://}" "$user" "$pass" "$run_ms") >"$D/js3.log" 2>&1 &
    APP_PID[js3]=$!
    "$WORK/clients-c" "$SCEN" "$url" "$user" "$pass" "$run_ms" >"$D/c.log" 2>&1 &
    APP_PID[c]=$!
    (cd "$WORK/net" && exec ./clients-dotnet1 "$SCEN" "$url" "$user" "$pass" "$run_ms") >"$D/net.log" 2>&1 &
    APP_PID[net]=$!
    (cd "$WORK/net2" && exec ./clients-dotnet2 "$SCEN" "$url" "$user" "$pass" "$run_ms") >"$D/net2.log" 2>&1 &
    APP_PID[net2]=$!
    PIDS+=("${APP_PID[@]}")
}

# wait_apps WHAT: wait until every application's log shows its READY or RECONNECTED line.
wait_apps() {
    local -n lines="$1"
    local app
    for app in "${APPS[@]}"; do wait_log "$D/$app.log" "${lines[$app]}"; done
}

# signal_apps SIG: send SIG to every application.
signal_apps() { kill "-$1" "${APP_PID[@]}"; }

# wait_clients [TIMEOUT_S]: wait for every application to end by itself (exit status ignored:
# an application that log.Fatal()s exits 1, which many scenarios expect).
wait_clients() {
    local timeout="${1:-20}" pid i
    for pid in "${APP_PID[@]}"; do
        for i in $(seq 1 $(( timeout * 10 ))); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -0 "$pid" 2>/dev/null && die "client $pid still running after ${timeout}s"
        wait "$pid" 2>/dev/null || true
    done
}

helper() {
    "$WORK/clients-helper" "$@" >>"$D/helper.log" 2>&1 &
    HELPER_PID=$!; PIDS+=("$HELPER_PID")
}

scenario_dir() {
    SCEN="$1"
    D="$WORK/$1"
    mkdir -p "$D"
    PORT=$(free_port)
}

# save: copy the scenario's logs into samples-logs/clients/.
save() {
    local f
    for f in "${APPS[@]}"; do
        cp "$D/$f.log" "$HERE/$SCEN.$f.log"
        echo "generate.sh: wrote samples-logs/clients/$SCEN.$f.log ($(wc -l <"$HERE/$SCEN.$f.log") lines)"
    done
    if [ -f "$D/server.log" ]; then
        cp "$D/server.log" "$HERE/$SCEN.server.log"
        chmod 644 "$HERE/$SCEN.server.log"   # nats-server creates its log file 0640
        echo "generate.sh: wrote samples-logs/clients/$SCEN.server.log ($(wc -l <"$HERE/$SCEN.server.log") lines)"
    fi
}

stop_server() {
    stop "$SERVER_PID" TERM
    wait_log "$D/server.log" 'Server Exiting'
}

# finish_server: the server runs on a little after the applications are done, as a server does,
# then stops; its shutdown is not part of the incident.
finish_server() {
    sleep 3
    stop "$SERVER_PID" TERM
    wait_log "$D/server.log" 'Server Exiting'
}

URL() { echo "nats://127.0.0.1:$PORT"; }

# ---------------------------------------------------------------------------

scenario_healthy() {
    scenario_dir healthy
    server ""
    clients "$(URL)"
    wait_clients
    wait_log "$D/server.log" 'Client connection closed: Client Closed' 2
    finish_server
    save
    refuse "$D/js.log" 'error|Error'
}

scenario_auth_wrong_password() {
    scenario_dir auth-wrong-password
    server 'authorization { user: app, password: s3cret }'
    clients "$(URL)" app wrong-pass
    wait_clients
    finish_server
    save
    expect "$D/server.log" 'authentication error'
}

scenario_auth_permissions_violation() {
    scenario_dir auth-permissions-violation
    server 'authorization {
  users = [
    { user: worker, password: w0rker, permissions: {
        publish: ["orders.>", "_INBOX.>"], subscribe: ["orders.>", "_INBOX.>"] } }
  ]
}'
    clients "$(URL)" worker w0rker
    wait_clients
    finish_server
    save
    expect "$D/server.log" 'Publish Violation'
    expect "$D/server.log" 'Subscription Violation'
}

scenario_payload_max_payload() {
    scenario_dir payload-max-payload
    server 'max_payload: 1024'
    clients "$(URL)"
    wait_clients
    finish_server
    save
    expect "$D/go.log" 'maximum payload'
    expect "$D/js.log" 'MAX_PAYLOAD_EXCEEDED'
}

# Both subscribers' processes are stopped (a long GC pause, a starved CPU) while another
# application publishes 32 KB messages: the server cuts them off, they reconnect when resumed.
scenario_overload_slow_consumer() {
    scenario_dir overload-slow-consumer
    server 'max_payload: 32768
max_pending: 65536
write_deadline: "500ms"'
    clients "$(URL)" "" "" 12000
    wait_apps READY
    signal_apps STOP
    "$WORK/clients-helper" firehose -url "$(URL)" -subject metrics.cpu -size 32000 -count 1000 >>"$D/helper.log" 2>&1
    wait_log "$D/server.log" 'Slow Consumer Detected' 2
    signal_apps CONT
    wait_apps RECONNECTED
    # The publisher goes on with smaller messages, faster than the subscribers' handlers take them.
    "$WORK/clients-helper" firehose -url "$(URL)" -subject metrics.mem -size 512 -count 2000 >>"$D/helper.log" 2>&1
    wait_clients
    finish_server
    save
}

# Nothing is stopped and the server keeps up: a publisher sends small messages faster than the
# applications' handlers take them, and each client library's own bounded buffer overflows. The
# server's max_pending (64 MB by default) is never reached, so only the clients know.
scenario_overload_client_slow_consumer() {
    scenario_dir overload-client-slow-consumer
    server ''
    clients "$(URL)" "" "" 4000
    wait_apps READY
    "$WORK/clients-helper" firehose -url "$(URL)" -subject metrics.mem -size 512 -count 800 >>"$D/helper.log" 2>&1
    wait_clients 40
    finish_server
    save
}

# Operator mode with the account limited to 2 connections (an nsc "--conns 2"): two other
# services of the account hold them, and the applications are refused.
scenario_overload_account_connections() {
    scenario_dir overload-account-connections
    "$WORK/clients-helper" jwt -dir "$D" -expires 0 -max-conns 2 >>"$D/helper.log" 2>&1 || die "helper jwt failed"
    server "$(cat "$D/operator.conf")"
    export NATS_CREDS="$D/user.creds"
    helper hold -url "$(URL)"
    local first=$HELPER_PID
    wait_log "$D/helper.log" 'holding'
    helper hold -url "$(URL)"
    wait_log "$D/helper.log" 'holding' 2
    clients "$(URL)"
    unset NATS_CREDS
    wait_clients
    stop "$first" TERM
    stop "$HELPER_PID" TERM
    finish_server
    save
    expect "$D/server.log" 'maximum account active connections exceeded'
}

scenario_overload_max_connections() {
    scenario_dir overload-max-connections
    server 'max_connections: 1'
    helper hold -url "$(URL)"
    wait_log "$D/helper.log" 'holding'
    clients "$(URL)"
    wait_clients
    stop "$HELPER_PID" TERM
    finish_server
    save
    expect "$D/server.log" 'maximum connections exceeded'
}

scenario_unreachable_server_stopped() {
    scenario_dir unreachable-server-stopped
    server ''
    clients "$(URL)" "" "" 15000
    wait_apps READY
    sleep 0.5
    stop_server
    wait_clients
    save
}

# A planned restart: the server is stopped cleanly and started again on the same port a moment
# later; the applications reconnect within their budget and go on. Nothing went wrong.
scenario_healthy_server_restart() {
    scenario_dir healthy-server-restart
    server ''
    clients "$(URL)" "" "" 6000
    wait_apps READY
    sleep 0.5
    stop_server
    sleep 0.3
    "$NATS_SERVER" -c "$D/nats.conf" >>"$D/server.stdout" 2>&1 &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    wait_log "$D/server.log" 'Server is ready' 2
    wait_apps RECONNECTED
    wait_clients
    finish_server
    save
}

# A three-node cluster restarted one node at a time, the applications given node-1's URL only, as
# behind a service name: they learn the other nodes from the cluster's INFO, move to one of them
# when theirs is restarted, and go on. The saved server log is node-1's. Nothing went wrong.
scenario_healthy_cluster_rolling_restart() {
    scenario_dir healthy-cluster-rolling-restart
    local n ports=() cports=() routes="" pid=()
    for n in 1 2 3; do ports[$n]=$(free_port); cports[$n]=$(free_port); done
    for n in 1 2 3; do routes+="${routes:+, }\"nats://127.0.0.1:${cports[$n]}\""; done
    for n in 1 2 3; do
        cat >"$D/n$n.conf" <<CONF
server_name: node-$n
listen: "127.0.0.1:${ports[$n]}"
debug: true
logtime: true
log_file: "$D/n$n.log"
cluster { name: rolling, listen: "127.0.0.1:${cports[$n]}", routes: [ $routes ] }
CONF
        "$NATS_SERVER" -c "$D/n$n.conf" >>"$D/n$n.stdout" 2>&1 &
        pid[$n]=$!; PIDS+=("${pid[$n]}")
    done
    for n in 1 2 3; do wait_log "$D/n$n.log" 'Route connection created' 2 15; done
    clients "nats://127.0.0.1:${ports[1]}" "" "" 12000
    wait_apps READY
    sleep 1
    local i routes_up
    for n in 1 2 3; do
        stop "${pid[$n]}" TERM
        sleep 0.3
        "$NATS_SERVER" -c "$D/n$n.conf" >>"$D/n$n.stdout" 2>&1 &
        pid[$n]=$!; PIDS+=("${pid[$n]}")
        wait_log "$D/n$n.log" 'Server is ready' 2 15
        # back in the cluster: both routes created since this start
        for i in $(seq 1 200); do
            routes_up=$(awk '/Starting nats-server/ {c = 0} /Route connection created/ {c++} END {print c + 0}' "$D/n$n.log")
            [ "$routes_up" -ge 2 ] && break
            sleep 0.1
        done
        [ "$routes_up" -ge 2 ] || die "node-$n did not rejoin the cluster"
        sleep 1
    done
    wait_apps RECONNECTED
    wait_clients 30
    sleep 1
    for n in 1 2 3; do stop "${pid[$n]}" TERM; done
    cp "$D/n1.log" "$D/server.log"
    save
}

# Nothing listens where the applications point (the server is down, never started): no server log.
scenario_unreachable_never_started() {
    scenario_dir unreachable-never-started
    clients "$(URL)"
    wait_clients
    save
}

# A running server, but the applications are given its HTTP monitoring port: the connection is
# accepted and nothing that looks like NATS ever comes back (the HTTP server waits for a request).
scenario_client_wrong_port() {
    scenario_dir client-wrong-port
    local mport; mport=$(free_port)
    server "http: \"127.0.0.1:$mport\""
    clients "nats://127.0.0.1:$mport"
    wait_clients
    finish_server
    save
}

# A running server, but the applications are given its leafnode port: the server answers with
# its leafnode INFO and rejects the client's CONNECT.
scenario_client_wrong_port_leafnode() {
    scenario_dir client-wrong-port-leafnode
    local lport; lport=$(free_port)
    server "leafnodes { listen: \"127.0.0.1:$lport\" }"
    clients "nats://127.0.0.1:$lport"
    wait_clients
    finish_server
    save
    expect "$D/server.log" 'attempted to connect to leaf node port'
}

# The server requires TLS (a self-signed certificate); the applications have no CA for it.
scenario_client_tls_required() {
    scenario_dir client-tls-required
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
        -addext "subjectAltName=IP:127.0.0.1" -keyout "$D/key.pem" -out "$D/cert.pem" 2>/dev/null
    server "tls {
  cert_file: \"$D/cert.pem\"
  key_file: \"$D/key.pem\"
}"
    clients "$(URL)"
    wait_clients
    finish_server
    save
}

# The path between applications and server (helper proxy) turns into a black hole; both sides
# ping (1 s, 2 outstanding) and give up; the applications reconnect through a new path.
scenario_network_stale_connection() {
    scenario_dir network-stale-connection
    server 'ping_interval: "1s"
ping_max: 2'
    local pport; pport=$(free_port)
    helper proxy -listen "$pport" -to "$PORT"
    wait_log "$D/helper.log" 'proxying'
    clients "nats://127.0.0.1:$pport" "" "" 9000
    wait_apps READY
    sleep 0.5
    kill -USR1 "$HELPER_PID"
    wait_log "$D/server.log" 'Stale Client Connection - Closing' 2
    wait_apps RECONNECTED
    wait_clients
    stop "$HELPER_PID" TERM
    finish_server
    save
}

# The path is reset (RST to both sides), as a firewall or load balancer dropping the flow does.
scenario_network_connection_reset() {
    scenario_dir network-connection-reset
    server ''
    local pport; pport=$(free_port)
    helper proxy -listen "$pport" -to "$PORT"
    wait_log "$D/helper.log" 'proxying'
    clients "nats://127.0.0.1:$pport" "" "" 4000
    wait_apps READY
    sleep 0.5
    kill -USR2 "$HELPER_PID"
    wait_apps RECONNECTED
    wait_clients
    stop "$HELPER_PID" TERM
    finish_server
    save
}

# Operator mode as an nsc set-up makes it: the applications' credentials are a user JWT that
# expires while they run. The server closes their connections and refuses every reconnect made
# with the same credentials until the applications give up.
scenario_auth_expired_credentials() {
    scenario_dir auth-expired-credentials
    "$WORK/clients-helper" jwt -dir "$D" -expires 7s >>"$D/helper.log" 2>&1 || die "helper jwt failed"
    server "$(cat "$D/operator.conf")"
    export NATS_CREDS="$D/user.creds"
    clients "$(URL)" "" "" 12000
    unset NATS_CREDS
    wait_apps READY
    wait_log "$D/server.log" 'Authentication Expired' 1 15
    wait_clients 25
    finish_server
    save
}

# A service is subscribed to the request subject but never answers.
scenario_client_request_timeout() {
    scenario_dir client-request-timeout
    server ''
    helper hold -url "$(URL)" -subject "*.lookup"
    wait_log "$D/helper.log" 'holding'
    clients "$(URL)"
    wait_clients
    stop "$HELPER_PID" TERM
    finish_server
    save
}

# Nobody is subscribed to the request subject.
scenario_no_responders() {
    scenario_dir no-responders
    server ''
    clients "$(URL)"
    wait_clients
    finish_server
    save
}

ALL=(healthy healthy-server-restart healthy-cluster-rolling-restart auth-wrong-password auth-permissions-violation auth-expired-credentials payload-max-payload overload-slow-consumer overload-client-slow-consumer overload-account-connections
     overload-max-connections unreachable-server-stopped unreachable-never-started client-wrong-port client-wrong-port-leafnode
     client-tls-required network-stale-connection network-connection-reset client-request-timeout
     no-responders)

SCEN=build
(cd "$HERE/go" && GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= go build -o "$WORK/clients-go" .) \
    || die "building the nats.go application failed"
(cd "$HERE/helper" && GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= go build -o "$WORK/clients-helper" .) \
    || die "building the helper failed"
# The nats.js application runs from a temp copy, so stack traces name no checkout path.
mkdir -p "$WORK/js"
cp "$HERE/js/client.mjs" "$HERE/js/package.json" "$HERE/js/package-lock.json" "$WORK/js/"
(cd "$WORK/js" && npm ci --silent --no-audit --no-fund >/dev/null) || die "npm ci (nats.js) failed"
mkdir -p "$WORK/js3"
cp "$HERE/js3/client.mjs" "$HERE/js3/package.json" "$HERE/js3/package-lock.json" "$WORK/js3/"
(cd "$WORK/js3" && npm ci --silent --no-audit --no-fund >/dev/null) || die "npm ci (nats.js v3) failed"
gcc -O1 -o "$WORK/clients-c" "$HERE/c/client.c" -lnats || die "building the nats.c application failed"
mkdir -p "$WORK/net2-src"
cp "$HERE/dotnet2/Program.cs" "$HERE/dotnet2/clients-dotnet2.csproj" "$WORK/net2-src/"
dotnet build -c Release -o "$WORK/net2" "$WORK/net2-src" >"$WORK/net2-build.log" 2>&1 \
    || { cat "$WORK/net2-build.log" >&2; die "building the NATS.Net application failed"; }
mkdir -p "$WORK/net-src"
cp "$HERE/dotnet1/Program.cs" "$HERE/dotnet1/clients-dotnet1.csproj" "$WORK/net-src/"
dotnet build -c Release -o "$WORK/net" "$WORK/net-src" >"$WORK/net-build.log" 2>&1 \
    || { cat "$WORK/net-build.log" >&2; die "building the NATS.Client v1 application failed"; }

started=$(date +%s)
for s in "${@:-${ALL[@]}}"; do
    f="scenario_${s//-/_}"
    declare -F "$f" >/dev/null || die "no scenario $s (one of: ${ALL[*]})"
    "$f"
done
echo "generate.sh: done in $(( $(date +%s) - started ))s"
