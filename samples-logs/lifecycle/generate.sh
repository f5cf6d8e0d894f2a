#!/usr/bin/env bash
# Regenerates the real nats-server lifecycle logs in samples-logs/lifecycle/.
#
#   samples-logs/lifecycle/generate.sh             # all scenarios (about 90 s)
#   samples-logs/lifecycle/generate.sh NAME...     # only these (function names below, without scenario_)
#
# Every server is Debian's nats-server (v2.9.10) on free 127.0.0.1 ports, run with TZ=UTC so its
# times line up with the clients' (v2.9 has no logtime_utc). Clients are a small nats.go
# application (client/main.go, Debian golang-github-nats-io-go-nats-dev 1.22.1, built here in
# GOPATH mode). Each step waits for the log line it needs (bounded), sleeps are a second or less,
# and every process started here is stopped on exit, whatever happened.
#
# Needs: nats-server, golang-go, golang-github-nats-io-go-nats-dev, python3 (free ports).

set -euo pipefail
export TZ=UTC

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NATS_SERVER="${NATS_SERVER:-$(command -v nats-server || echo /usr/sbin/nats-server)}"
[ -x "$NATS_SERVER" ] || { echo "generate.sh: nats-server not found (apt-get install -y nats-server)" >&2; exit 1; }
command -v go >/dev/null || { echo "generate.sh: go not found (apt-get install -y golang-go golang-github-nats-io-go-nats-dev)" >&2; exit 1; }
[ -d /usr/share/gocode/src/github.com/nats-io/nats.go ] || {
    echo "generate.sh: nats.go sources not found (apt-get install -y golang-github-nats-io-go-nats-dev)" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/logtriage-lifecycle.XXXXXX")"
PIDS=()        # every background process started here
SCEN=""

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill -KILL "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

die() { echo "generate.sh: [$SCEN] $*" >&2; exit 1; }

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wait_log FILE PATTERN [COUNT] [TIMEOUT_S]: poll FILE until PATTERN (grep -E) matches COUNT lines.
wait_log() {
    local file="$1" pattern="$2" count="${3:-1}" timeout="${4:-10}" n
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

# expect FILE PATTERN / refuse FILE PATTERN: final checks on a saved log.
expect() { grep -qE -- "$2" "$1" || die "$(basename "$1"): expected /$2/"; }
refuse() { ! grep -qE -- "$2" "$1" || die "$(basename "$1"): unexpected /$2/"; }

# start_server LOG ARGS...: start nats-server in the background; sets SERVER_PID.
# Output that does not go to the log file (stderr before the logger is set up) lands in LOG.stderr.
start_server() {
    local log="$1"; shift
    "$NATS_SERVER" "$@" >>"$log.stdout" 2>>"$log.stderr" &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
}

# start_server_stderr LOG ARGS...: like start_server, but the log is the captured stderr
# (no -l), as under a supervisor that collects the process output.
start_server_stderr() {
    local log="$1"; shift
    "$NATS_SERVER" "$@" >>"$log" 2>&1 &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
}

# stop PID SIGNAL: send SIGNAL and wait (at most 10 s) for the process to exit.
stop() {
    local pid="$1" sig="$2" i
    # bash reports a killed background job ("Killed ...") on its own stderr when it reaps it.
    exec 3>&2 2>/dev/null
    kill "-$sig" "$pid" 2>/dev/null || { exec 2>&3 3>&-; return 0; }
    for i in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
        exec 2>&3 3>&-
        die "pid $pid ignored SIG$sig"
    fi
    wait "$pid" 2>/dev/null || true
    exec 2>&3 3>&-
}

# client NAME URLS LOG ARGS...: run the nats.go client in the background; sets CLIENT_PID.
client() {
    local name="$1" urls="$2" log="$3"; shift 3
    "$WORK/lifecycle-client" -name "$name" -urls "$urls" -log "$log" "$@" 2>>"$log.stderr" &
    CLIENT_PID=$!
    PIDS+=("$CLIENT_PID")
}

# wait_client PID [TIMEOUT_S]: wait for a client to finish by itself; its exit status is ignored
# (a client that gives up exits 1, which some scenarios expect).
wait_client() {
    local pid="$1" timeout="${2:-15}" i
    for i in $(seq 1 $(( timeout * 10 ))); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    die "client $pid still running after ${timeout}s"
}

# save SRC NAME: copy a log into samples-logs/lifecycle/NAME.
save() {
    cp "$1" "$HERE/$2"
    chmod 644 "$HERE/$2"   # nats-server creates its log file 0640
    echo "generate.sh: wrote samples-logs/lifecycle/$2 ($(wc -l <"$HERE/$2") lines)"
}

scenario_dir() {
    SCEN="$1"
    D="$WORK/$1"
    mkdir -p "$D"
}

# ---------------------------------------------------------------------------
# Healthy lifecycle
# ---------------------------------------------------------------------------

# Start at INF level, serve nothing, stop with SIGTERM.
scenario_graceful_stop() {
    scenario_dir graceful-stop
    local port; port=$(free_port)
    start_server "$D/s.log" -a 127.0.0.1 -p "$port" -n graceful-stop -l "$D/s.log"
    wait_log "$D/s.log" 'Server is ready'
    sleep 0.5
    stop "$SERVER_PID" TERM
    wait_log "$D/s.log" 'Server Exiting'
    save "$D/s.log" graceful-stop.log
}

# Debug level; stop with SIGINT, start again appending to the same log file, stop with SIGTERM.
scenario_clean_restart() {
    scenario_dir clean-restart
    local port; port=$(free_port)
    start_server "$D/s.log" -a 127.0.0.1 -p "$port" -n clean-restart -D -l "$D/s.log"
    wait_log "$D/s.log" 'Server is ready'
    sleep 0.3
    stop "$SERVER_PID" INT
    wait_log "$D/s.log" 'Server Exiting'
    sleep 0.3
    start_server "$D/s.log" -a 127.0.0.1 -p "$port" -n clean-restart -D -l "$D/s.log"
    wait_log "$D/s.log" 'Server is ready' 2
    sleep 0.3
    stop "$SERVER_PID" TERM
    wait_log "$D/s.log" 'Server Exiting' 2
    save "$D/s.log" clean-restart.log
}

# A config change picked up twice without a restart: SIGHUP, then `nats-server --signal reload=PID`.
scenario_config_reload() {
    scenario_dir config-reload
    local port; port=$(free_port)
    cat >"$D/nats.conf" <<EOF
server_name: config-reload
listen: "127.0.0.1:$port"
max_payload: 1048576
EOF
    start_server "$D/s.log" -c "$D/nats.conf" -l "$D/s.log"
    wait_log "$D/s.log" 'Server is ready'
    client orders-api "nats://127.0.0.1:$port" "$D/c.log" -for 2500ms
    wait_log "$D/c.log" 'connected to nats'
    sed -i 's/^max_payload: .*/max_payload: 2097152/' "$D/nats.conf"
    kill -HUP "$SERVER_PID"
    wait_log "$D/s.log" 'Reloaded server configuration' 1
    sleep 0.5
    printf 'max_connections: 1000\n' >>"$D/nats.conf"
    "$NATS_SERVER" --signal "reload=$SERVER_PID" 2>>"$D/s.log.stderr"
    wait_log "$D/s.log" 'Reloaded server configuration' 2
    wait_client "$CLIENT_PID"
    stop "$SERVER_PID" TERM
    save "$D/s.log" config-reload.log
}

# A reload that adds a user while an authenticated client stays connected; the new user then connects.
scenario_reload_authorization() {
    scenario_dir reload-authorization
    local port; port=$(free_port)
    cat >"$D/nats.conf" <<EOF
server_name: reload-authorization
listen: "127.0.0.1:$port"
debug: true
authorization {
  users = [
    { user: app, password: app-secret }
  ]
}
EOF
    start_server "$D/s.log" -c "$D/nats.conf" -l "$D/s.log"
    wait_log "$D/s.log" 'Server is ready'
    client orders-api "nats://127.0.0.1:$port" "$D/c.log" -user app -pass app-secret -for 3s
    local orders=$CLIENT_PID
    wait_log "$D/c.log" 'connected to nats'
    sleep 0.3
    cat >"$D/nats.conf" <<EOF
server_name: reload-authorization
listen: "127.0.0.1:$port"
debug: true
authorization {
  users = [
    { user: app, password: app-secret }
    { user: audit, password: audit-secret, permissions: { publish: "_INBOX.>", subscribe: ">" } }
  ]
}
EOF
    "$NATS_SERVER" --signal "reload=$SERVER_PID" 2>>"$D/s.log.stderr"
    wait_log "$D/s.log" 'Reloaded server configuration'
    client audit-reader "nats://127.0.0.1:$port" "$D/c.log" -user audit -pass audit-secret -subject 'orders.>' -every 1h -for 1500ms
    wait_client "$CLIENT_PID"
    wait_client "$orders"
    wait_log "$D/s.log" 'Client connection closed: Client Closed' 2
    stop "$SERVER_PID" TERM
    save "$D/s.log" reload-authorization.log
    save "$D/c.log" reload-authorization.client.log
    refuse "$D/c.log" 'disconnected from nats:|ERROR'
}

# Two clustered servers; lame duck mode on the one the clients use moves them to the other.
scenario_lame_duck_mode() {
    scenario_dir lame-duck-mode
    local pa pb ca cb; pa=$(free_port); pb=$(free_port); ca=$(free_port); cb=$(free_port)
    local node
    for node in a b; do
        local p c o
        if [ $node = a ]; then p=$pa; c=$ca; o=$cb; else p=$pb; c=$cb; o=$ca; fi
        cat >"$D/$node.conf" <<EOF
server_name: ldm-$node
listen: "127.0.0.1:$p"
debug: true
lame_duck_duration: "30s"
lame_duck_grace_period: "1s"
cluster {
  name: ldm
  listen: "127.0.0.1:$c"
  routes: ["nats://127.0.0.1:$o"]
}
EOF
    done
    start_server "$D/a.log" -c "$D/a.conf" -l "$D/a.log"
    local a=$SERVER_PID
    start_server "$D/b.log" -c "$D/b.conf" -l "$D/b.log"
    local b=$SERVER_PID
    wait_log "$D/a.log" 'Route connection created'
    wait_log "$D/b.log" 'Route connection created'
    client orders-api "nats://127.0.0.1:$pa,nats://127.0.0.1:$pb" "$D/c.log" -for 6s
    local c1=$CLIENT_PID
    wait_log "$D/c.log" 'orders-api: subscribed'
    client billing-worker "nats://127.0.0.1:$pa,nats://127.0.0.1:$pb" "$D/c.log" -subject 'billing.invoices' -for 6s
    local c2=$CLIENT_PID
    wait_log "$D/c.log" 'connected to nats' 2
    sleep 0.5
    "$NATS_SERVER" --signal "ldm=$a" 2>>"$D/a.log.stderr"
    wait_log "$D/a.log" 'Server Exiting' 1 15
    wait_log "$D/c.log" 'reconnected to nats' 2
    wait_client "$c1"; wait_client "$c2"
    stop "$b" TERM
    save "$D/a.log" lame-duck-mode.log
    save "$D/c.log" lame-duck-mode.client.log
    expect "$D/c.log" 'lame duck mode'
}

# Three nodes started half a second apart, each routing to the other two: the first ones log
# refused route dials until their peers listen, then the routes form.
scenario_cluster_three_nodes() {
    scenario_dir cluster-3-node
    local p1 p2 p3 c1 c2 c3; p1=$(free_port); p2=$(free_port); p3=$(free_port)
    c1=$(free_port); c2=$(free_port); c3=$(free_port)
    local routes="nats://127.0.0.1:$c1,nats://127.0.0.1:$c2,nats://127.0.0.1:$c3"
    start_server "$D/n1.log" -a 127.0.0.1 -p "$p1" -n node-1 -D -l "$D/n1.log" --cluster_name lifecycle --cluster "nats://127.0.0.1:$c1" --routes "$routes"
    local s1=$SERVER_PID
    wait_log "$D/n1.log" 'Error trying to connect to route' 1
    sleep 0.5
    start_server "$D/n2.log" -a 127.0.0.1 -p "$p2" -n node-2 -D -l "$D/n2.log" --cluster_name lifecycle --cluster "nats://127.0.0.1:$c2" --routes "$routes"
    local s2=$SERVER_PID
    sleep 0.5
    start_server "$D/n3.log" -a 127.0.0.1 -p "$p3" -n node-3 -D -l "$D/n3.log" --cluster_name lifecycle --cluster "nats://127.0.0.1:$c3" --routes "$routes"
    local s3=$SERVER_PID
    local f
    for f in n1 n2 n3; do wait_log "$D/$f.log" 'Route connection created' 2; done
    sleep 0.5
    client orders-api "nats://127.0.0.1:$p1" "$D/c.log" -for 1s
    wait_client "$CLIENT_PID"
    # node-1 first, so that its log ends with its own shutdown and no route losses.
    stop "$s1" TERM; stop "$s2" TERM; stop "$s3" TERM
    save "$D/n1.log" cluster-3-node.log
    expect "$D/n1.log" 'connection refused'
}

# Three JetStream nodes form a cluster (refused route dials, "Waiting for routing", a metadata
# leader elected), a client creates a replicated stream, then the whole cluster is stopped at
# once, as a helm uninstall or a host shutdown does: each node's routes break as its peers exit.
scenario_jetstream_cluster_stop() {
    scenario_dir jetstream-cluster-stop
    local p1 p2 p3 c1 c2 c3; p1=$(free_port); p2=$(free_port); p3=$(free_port)
    c1=$(free_port); c2=$(free_port); c3=$(free_port)
    local routes="nats://127.0.0.1:$c1,nats://127.0.0.1:$c2,nats://127.0.0.1:$c3" n pids=()
    for n in 1 2 3; do
        local port cport
        port=$(eval echo "\$p$n"); cport=$(eval echo "\$c$n")
        start_server "$D/n$n.log" -a 127.0.0.1 -p "$port" -n "node-$n" -D -js -sd "$D/store-$n" -l "$D/n$n.log" \
            --cluster_name lifecycle --cluster "nats://127.0.0.1:$cport" --routes "$routes"
        pids+=("$SERVER_PID")
        sleep 0.5
    done
    wait_log "$D/n1.log" 'JetStream cluster new metadata leader|Self is new JetStream cluster metadata leader' 1 30
    client orders-api "nats://127.0.0.1:$p1" "$D/c.log" -jetstream -subject orders.created -every 200ms -for 1500ms
    wait_client "$CLIENT_PID"
    expect "$D/c.log" 'stream ORDERS ready'
    kill -TERM "${pids[@]}"
    for n in 1 2 3; do wait_log "$D/n$n.log" 'Server Exiting' 1 15; done
    local pid; for pid in "${pids[@]}"; do stop "$pid" TERM; done
    save "$D/n1.log" jetstream-cluster-stop.log
}

# A three-node JetStream cluster with a stream replicated on all three is restarted one node at a
# time, as a helm upgrade or an OS patch round does: each node is stopped with SIGTERM and started
# again on the same ports and store, and the next waits until its routes are back. A client with
# every node's URL publishes throughout and moves to another node whenever its own goes down.
scenario_rolling_restart() {
    scenario_dir rolling-restart
    local p1 p2 p3 c1 c2 c3; p1=$(free_port); p2=$(free_port); p3=$(free_port)
    c1=$(free_port); c2=$(free_port); c3=$(free_port)
    local routes="nats://127.0.0.1:$c1,nats://127.0.0.1:$c2,nats://127.0.0.1:$c3" n
    declare -A pid
    start_node() {
        local n="$1" port cport
        port=$(eval echo "\$p$n"); cport=$(eval echo "\$c$n")
        start_server "$D/n$n.log" -a 127.0.0.1 -p "$port" -n "node-$n" -D -js -sd "$D/store-$n" -l "$D/n$n.log" \
            --cluster_name lifecycle --cluster "nats://127.0.0.1:$cport" --routes "$routes"
        pid[$n]=$SERVER_PID
    }
    for n in 1 2 3; do start_node "$n"; sleep 0.5; done
    wait_log "$D/n1.log" 'JetStream cluster new metadata leader|Self is new JetStream cluster metadata leader' 1 30
    local urls="nats://127.0.0.1:$p1,nats://127.0.0.1:$p2,nats://127.0.0.1:$p3"
    client orders-setup "nats://127.0.0.1:$p1" "$D/setup.log" -jetstream -replicas 3 -subject orders.created -every 200ms -for 1s
    wait_client "$CLIENT_PID"
    expect "$D/setup.log" 'stream ORDERS ready'
    client billing-api "$urls" "$D/c.log" -subject billing.invoices -every 100ms -for 25s
    local c=$CLIENT_PID
    sleep 1
    local restarts=1
    for n in 3 2 1; do
        stop "${pid[$n]}" TERM
        sleep 0.5
        start_node "$n"
        wait_log "$D/n$n.log" 'Server is ready' "$restarts" 15
        # back in the cluster: both routes up again after this start
        wait_log "$D/n$n.log" 'Route connection created' 4 20
        sleep 2
    done
    wait_client "$c" 30
    for n in 1 2 3; do stop "${pid[$n]}" TERM; done
    save "$D/n1.log" rolling-restart.log
    save "$D/c.log" rolling-restart.client.log
    refuse "$D/c.log" 'ERROR'
}

# A debug and trace (-DV) server carrying an application's own log lines as message bodies, as a
# log shipper on NATS does: the server's protocol trace quotes each body, errors, panics and
# refusals included, and none of it is the server's own.
scenario_trace_payloads() {
    scenario_dir trace-payloads
    local port; port=$(free_port)
    start_server "$D/s.log" -a 127.0.0.1 -p "$port" -n trace-payloads -DV -l "$D/s.log"
    wait_log "$D/s.log" 'Server is ready'
    cat > "$D/payloads.txt" <<'LINES'
level=error msg="payment failed" err="dial tcp 10.20.0.9:5432: connect: connection refused"
2026/12/04 10:00:00 [ERR] 10.0.0.7:51234 - cid:9 - authentication error
panic: runtime error: invalid memory address or nil pointer dereference
level=warn msg="upstream slow" detail="Slow Consumer Detected, WriteDeadline of 2s exceeded"
level=error msg="upload rejected" err="nats: maximum payload exceeded"
level=error msg="session lost" err="read tcp 10.0.0.5:40122->10.0.0.1:4222: read: connection reset by peer"
fatal error: concurrent map writes
level=warn msg="pod restarted" reason=OOMKilled detail="Back-off restarting failed container"
level=error msg="connect failed" err="nats: Secure Connection - TLS Required"
level=info msg="order accepted" id=4711
LINES
    client log-shipper "nats://127.0.0.1:$port" "$D/c.log" -subject logs.app -payloads "$D/payloads.txt" -every 100ms -for 1500ms
    wait_client "$CLIENT_PID"
    stop "$SERVER_PID" TERM
    save "$D/s.log" trace-payloads.log
    expect "$D/s.log" 'MSG_PAYLOAD: \["panic: runtime error'
}

# A hub and a leaf node (leafnodes: a remote from the leaf to the hub's leafnode port), a client on
# each; the leaf is restarted (SIGTERM, start again), then the hub, as planned maintenance does: the
# leaf's dials are refused while the hub is down and it rejoins when the hub is back.
scenario_leafnode_restarts() {
    scenario_dir leafnode-restarts
    local hp lp leafp; hp=$(free_port); lp=$(free_port); leafp=$(free_port)
    cat > "$D/hub.conf" <<CONF
server_name: hub
listen: 127.0.0.1:$hp
debug: true
leafnodes { listen: 127.0.0.1:$lp }
CONF
    cat > "$D/leaf.conf" <<CONF
server_name: leaf
listen: 127.0.0.1:$leafp
debug: true
leafnodes { reconnect: 1, remotes: [ { url: "nats-leaf://127.0.0.1:$lp" } ] }
CONF
    start_server "$D/hub.log" -c "$D/hub.conf" -l "$D/hub.log"; local hub=$SERVER_PID
    wait_log "$D/hub.log" 'Server is ready'
    start_server "$D/leaf.log" -c "$D/leaf.conf" -l "$D/leaf.log"; local leaf=$SERVER_PID
    wait_log "$D/hub.log" 'Leafnode connection created' 1
    client audit-reader "nats://127.0.0.1:$hp" "$D/c.log" -subject audit.events -every 200ms -for 12s; local a=$CLIENT_PID
    client edge-sensor "nats://127.0.0.1:$leafp" "$D/c.log" -subject audit.events -every 200ms -for 12s; local b=$CLIENT_PID
    sleep 1
    stop "$leaf" TERM
    sleep 0.5
    start_server "$D/leaf.log" -c "$D/leaf.conf" -l "$D/leaf.log"; leaf=$SERVER_PID
    wait_log "$D/hub.log" 'Leafnode connection created' 2 10
    sleep 1
    stop "$hub" TERM
    sleep 1
    start_server "$D/hub.log" -c "$D/hub.conf" -l "$D/hub.log"; hub=$SERVER_PID
    wait_log "$D/hub.log" 'Leafnode connection created' 3 15
    wait_client "$a" 20; wait_client "$b" 20
    stop "$leaf" TERM; stop "$hub" TERM
    save "$D/hub.log" leafnode-restarts.hub.log
    save "$D/leaf.log" leafnode-restarts.leaf.log
    save "$D/c.log" leafnode-restarts.client.log
    expect "$D/leaf.log" 'Error trying to connect as leafnode'
}

# Two single-server clusters joined by gateways, a client on each; the west server is restarted
# (SIGTERM, start again): the east side loses its gateway, its dials are refused, and the gateway
# forms again.
scenario_gateway_restart() {
    scenario_dir gateway-restart
    local ep wp eg wg; ep=$(free_port); wp=$(free_port); eg=$(free_port); wg=$(free_port)
    local side port gport
    for side in east west; do
        if [ $side = east ]; then port=$ep; gport=$eg; else port=$wp; gport=$wg; fi
        cat > "$D/$side.conf" <<CONF
server_name: $side-1
listen: 127.0.0.1:$port
debug: true
gateway {
  name: $side
  listen: 127.0.0.1:$gport
  gateways: [
    { name: east, url: "nats://127.0.0.1:$eg" }
    { name: west, url: "nats://127.0.0.1:$wg" }
  ]
}
CONF
    done
    start_server "$D/east.log" -c "$D/east.conf" -l "$D/east.log"; local east=$SERVER_PID
    start_server "$D/west.log" -c "$D/west.conf" -l "$D/west.log"; local west=$SERVER_PID
    wait_log "$D/east.log" 'Gateway connection created|Outbound gateway connection to "west".*registered' 1 15
    client orders-api "nats://127.0.0.1:$ep" "$D/c.log" -subject orders.created -every 200ms -for 8s; local a=$CLIENT_PID
    client billing-worker "nats://127.0.0.1:$wp" "$D/c.log" -subject orders.created -every 200ms -for 8s; local b=$CLIENT_PID
    sleep 1
    stop "$west" TERM
    sleep 1
    start_server "$D/west.log" -c "$D/west.conf" -l "$D/west.log"; west=$SERVER_PID
    wait_log "$D/west.log" 'Server is ready' 2 10
    wait_client "$a" 20; wait_client "$b" 20
    stop "$west" TERM; stop "$east" TERM
    save "$D/east.log" gateway-restart.log
    save "$D/c.log" gateway-restart.client.log
}

# JetStream with its store in a temp dir; a client creates a stream and publishes with acks.
scenario_jetstream_start() {
    scenario_dir jetstream-start
    local port; port=$(free_port)
    start_server "$D/s.log" -a 127.0.0.1 -p "$port" -n jetstream-start -js -sd "$D/store" -l "$D/s.log"
    wait_log "$D/s.log" 'Server is ready'
    client orders-api "nats://127.0.0.1:$port" "$D/c.log" -jetstream -subject orders.created -every 200ms -for 1500ms
    wait_client "$CLIENT_PID"
    expect "$D/c.log" 'stream ORDERS ready'
    stop "$SERVER_PID" TERM
    wait_log "$D/s.log" 'Server Exiting'
    save "$D/s.log" jetstream-start.log
    save "$D/c.log" jetstream-start.client.log
}

# Debug level: three clients connect, publish, subscribe and drain-close; then a graceful stop.
scenario_clients_normal() {
    scenario_dir clients-normal
    local port; port=$(free_port)
    start_server "$D/s.log" -a 127.0.0.1 -p "$port" -n clients-normal -D -l "$D/s.log"
    wait_log "$D/s.log" 'Server is ready'
    local url="nats://127.0.0.1:$port"
    client orders-api "$url" "$D/c.log" -subject orders.created -for 1500ms; local a=$CLIENT_PID
    sleep 0.2
    client billing-worker "$url" "$D/c.log" -subject billing.invoices -for 1200ms; local b=$CLIENT_PID
    sleep 0.2
    client audit-reader "$url" "$D/c.log" -subject audit.events -for 900ms; local c=$CLIENT_PID
    wait_client "$a"; wait_client "$b"; wait_client "$c"
    wait_log "$D/s.log" 'Client connection closed: Client Closed' 3
    stop "$SERVER_PID" TERM
    save "$D/s.log" clients-normal.log
    save "$D/c.log" clients-normal.client.log
    refuse "$D/c.log" 'disconnected from nats:|ERROR'
}

# ---------------------------------------------------------------------------
# Unclean lifecycle
# ---------------------------------------------------------------------------

# SIGKILL under a connected client; restarted on the same port and log file; the client reconnects.
scenario_sigkill_restart() {
    scenario_dir sigkill-restart
    local port; port=$(free_port)
    start_server "$D/s.log" -a 127.0.0.1 -p "$port" -n sigkill-restart -D -l "$D/s.log"
    wait_log "$D/s.log" 'Server is ready'
    client orders-api "nats://127.0.0.1:$port" "$D/c.log" -for 4s
    wait_log "$D/c.log" 'connected to nats'
    sleep 0.8
    stop "$SERVER_PID" KILL
    wait_log "$D/c.log" 'disconnected from nats'
    sleep 0.8
    start_server "$D/s.log" -a 127.0.0.1 -p "$port" -n sigkill-restart -D -l "$D/s.log"
    wait_log "$D/s.log" 'Server is ready' 2
    wait_log "$D/c.log" 'reconnected to nats'
    wait_client "$CLIENT_PID"
    stop "$SERVER_PID" TERM
    save "$D/s.log" sigkill-restart.log
    save "$D/c.log" sigkill-restart.client.log
    expect "$D/c.log" 'connection refused'
}

# Killed and restarted four times within a few seconds (same port, same log file), a client
# reconnecting after each; the log ends with the fifth start-up, still running.
scenario_crash_loop() {
    scenario_dir crash-loop
    local port i; port=$(free_port)
    start_server "$D/s.log" -a 127.0.0.1 -p "$port" -n crash-loop -D -l "$D/s.log"
    wait_log "$D/s.log" 'Server is ready'
    client orders-api "nats://127.0.0.1:$port" "$D/c.log" -for 8s -max-reconnects 100
    wait_log "$D/c.log" 'connected to nats'
    for i in 1 2 3 4; do
        wait_log "$D/s.log" 'Client connection created' "$i"
        sleep 0.5
        stop "$SERVER_PID" KILL
        sleep 0.5
        start_server "$D/s.log" -a 127.0.0.1 -p "$port" -n crash-loop -D -l "$D/s.log"
        wait_log "$D/s.log" 'Server is ready' $(( i + 1 ))
    done
    wait_log "$D/s.log" 'Client connection created' 5
    save "$D/s.log" crash-loop.log
    stop "$CLIENT_PID" TERM
    stop "$SERVER_PID" TERM
    refuse "$HERE/crash-loop.log" 'Server Exiting'
}

# A second server on a port the first one already holds: it logs [FTL] and exits.
scenario_port_in_use() {
    scenario_dir port-in-use
    local port; port=$(free_port)
    start_server "$D/first.log" -a 127.0.0.1 -p "$port" -n port-owner -l "$D/first.log"
    local first=$SERVER_PID
    wait_log "$D/first.log" 'Server is ready'
    start_server "$D/s.log" -a 127.0.0.1 -p "$port" -n port-in-use -l "$D/s.log"
    local second=$SERVER_PID i
    for i in $(seq 1 50); do kill -0 "$second" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$second" 2>/dev/null && die "second server still running"
    wait "$second" 2>/dev/null || true
    stop "$first" TERM
    save "$D/s.log" port-in-use.log
    expect "$D/s.log" '\[FTL\].*address already in use'
}

# Output captured from stderr as a supervisor would: a good run stopped with SIGTERM, then the
# restart with an edited config whose ping_interval is not a Go duration (the `nats-server: ...` line,
# exit 1).
scenario_config_error() {
    scenario_dir config-error
    local port; port=$(free_port)
    cat >"$D/nats.conf" <<EOF
server_name: config-error
listen: "127.0.0.1:$port"
max_payload: 1048576
EOF
    start_server_stderr "$D/s.log" -c "$D/nats.conf"
    wait_log "$D/s.log" 'Server is ready'
    sleep 0.3
    stop "$SERVER_PID" TERM
    cat >"$D/nats.conf" <<EOF
server_name: config-error
listen: "127.0.0.1:$port"
max_payload: 1048576
ping_interval: "2 minutes"
EOF
    start_server_stderr "$D/s.log" -c "$D/nats.conf"
    local pid=$SERVER_PID i
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    wait "$pid" 2>/dev/null && die "server with a bad config did not fail"
    save "$D/s.log" config-error.log
    expect "$D/s.log" '^nats-server: .*error parsing ping_interval'
}

# The server stops under a connected client and comes back a couple of seconds later; meanwhile the
# client's dials are refused, nats.go gives up, the application retries, and a second client that
# starts during the outage is refused too; both connect once the server is back.
scenario_clients_refused() {
    scenario_dir clients-refused
    local port; port=$(free_port)
    local url="nats://127.0.0.1:$port"
    start_server "$D/s.log" -a 127.0.0.1 -p "$port" -n clients-refused -D -l "$D/s.log"
    wait_log "$D/s.log" 'Server is ready'
    client orders-api "$url" "$D/c.log" -for 6s -max-reconnects 3 -connect-attempts 20
    local a=$CLIENT_PID
    wait_log "$D/c.log" 'connected to nats'
    sleep 0.5
    stop "$SERVER_PID" TERM
    wait_log "$D/c.log" 'nats connection closed: nats: no servers available'
    client billing-worker "$url" "$D/c.log" -subject billing.invoices -for 3s -connect-attempts 20
    local b=$CLIENT_PID
    wait_log "$D/c.log" 'billing-worker: connect to nats .* failed' 2
    start_server "$D/s.log" -a 127.0.0.1 -p "$port" -n clients-refused -D -l "$D/s.log"
    wait_log "$D/s.log" 'Server is ready' 2
    wait_log "$D/c.log" '(orders-api|billing-worker): connected to nats' 3
    wait_client "$a"; wait_client "$b"
    stop "$SERVER_PID" TERM
    save "$D/s.log" clients-refused.log
    save "$D/c.log" clients-refused.client.log
    expect "$D/c.log" 'connection refused'
}

# A graceful shutdown that is never followed by a restart; the client keeps trying and gives up.
scenario_server_gone() {
    scenario_dir server-gone
    local port; port=$(free_port)
    start_server "$D/s.log" -a 127.0.0.1 -p "$port" -n server-gone -D -l "$D/s.log"
    wait_log "$D/s.log" 'Server is ready'
    client orders-api "nats://127.0.0.1:$port" "$D/c.log" -for 10s -max-reconnects 5 -connect-attempts 6
    wait_log "$D/c.log" 'connected to nats'
    sleep 0.8
    stop "$SERVER_PID" TERM
    wait_client "$CLIENT_PID"
    save "$D/s.log" server-gone.log
    save "$D/c.log" server-gone.client.log
    expect "$D/c.log" 'giving up'
}

ALL=(graceful_stop clean_restart config_reload reload_authorization lame_duck_mode cluster_three_nodes
     jetstream_start clients_normal sigkill_restart crash_loop port_in_use config_error
     clients_refused server_gone jetstream_cluster_stop rolling_restart trace_payloads leafnode_restarts
     gateway_restart)

SCEN=build
(cd "$HERE/client" && GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= go build -o "$WORK/lifecycle-client" .) \
    || die "building the nats.go client failed"

started=$(date +%s)
for s in "${@:-${ALL[@]}}"; do
    declare -F "scenario_$s" >/dev/null || die "no scenario $s (one of: ${ALL[*]})"
    "scenario_$s"
done
echo "generate.sh: done in $(( $(date +%s) - started ))s"
