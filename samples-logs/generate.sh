#!/usr/bin/env bash
# Regenerates the real nats-server sample logs in samples-logs/.
#
#   samples-logs/generate.sh              # all scenarios
#   samples-logs/generate.sh healthy ...  # only the named ones
#
# For each scenario: pick a free loopback port, write a config into a temp dir,
# start Debian's nats-server (v2.9.10), wait for "Server is ready", play the
# client behaviour (generate_clients.py, raw NATS text protocol over TCP), poll
# the log until the expected server lines are there, copy the log to
# samples-logs/<name>.log BEFORE stopping the server (so no shutdown lines,
# except in server-shutdown.log), then stop the server and clean up.
# Fails loudly (message + exit 1) if an expected line never appears.
#
# Needs: nats-server (apt-get install nats-server), python3, openssl (tls-required).
# go-panic.log is NOT produced here (a release server cannot be made to panic);
# see README.md.

set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CLIENTS="$HERE/generate_clients.py"
NATS_SERVER="${NATS_SERVER:-$(command -v nats-server || true)}"
[ -n "$NATS_SERVER" ] || { [ -x /usr/sbin/nats-server ] && NATS_SERVER=/usr/sbin/nats-server; }
[ -n "$NATS_SERVER" ] && [ -x "$NATS_SERVER" ] || {
    echo "generate.sh: nats-server not found (apt-get install -y nats-server)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "generate.sh: python3 not found" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/logtriage-samples.XXXXXX")"
SERVER_PID=""
SCEN=""       # current scenario name
DIR=""        # its temp dir
LOG=""        # its live log file
PORT=""

cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

die() {
    echo "generate.sh: [$SCEN] $*" >&2
    if [ -n "$LOG" ] && [ -f "$LOG" ]; then
        echo "---- last lines of the server log ($LOG) ----" >&2
        tail -n 30 "$LOG" >&2
    fi
    exit 1
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wait_log PATTERN [COUNT] [TIMEOUT_S]: poll the log until PATTERN (grep -E)
# matches at least COUNT lines.
wait_log() {
    local pattern="$1" count="${2:-1}" timeout="${3:-15}"
    local deadline=$(( $(date +%s) + timeout )) n
    while :; do
        n=$(grep -cE -- "$pattern" "$LOG" 2>/dev/null || true)
        [ "${n:-0}" -ge "$count" ] && return 0
        if [ -n "$SERVER_PID" ] && ! kill -0 "$SERVER_PID" 2>/dev/null \
           && [ "$pattern" != "Server Exiting" ]; then
            die "server exited while waiting for /$pattern/ (stderr: $(cat "$DIR/stderr" 2>/dev/null))"
        fi
        [ "$(date +%s)" -ge "$deadline" ] && die "expected line /$pattern/ (x$count) not in the log after ${timeout}s (found ${n:-0})"
        sleep 0.1
    done
}

# refuse_log PATTERN: the log must NOT contain PATTERN.
refuse_log() {
    if grep -qE -- "$1" "$LOG"; then
        die "unexpected line /$1/: $(grep -E -- "$1" "$LOG" | head -n 3)"
    fi
}

# start_server NAME CONFIG_BODY: write config, start server, wait until ready.
start_server() {
    SCEN="$1"
    DIR="$WORK/$SCEN"
    mkdir -p "$DIR"
    LOG="$DIR/nats-server.log"
    PORT="$(free_port)"
    cat >"$DIR/nats-server.conf" <<EOF
# LogTriage sample scenario: $SCEN
listen: "127.0.0.1:$PORT"
log_file: "$LOG"
logtime: true
$2
EOF
    "$NATS_SERVER" -c "$DIR/nats-server.conf" >"$DIR/stdout" 2>"$DIR/stderr" &
    SERVER_PID=$!
    wait_log "Server is ready" 1 10
}

run_clients() {
    python3 "$CLIENTS" "$SCEN" "$PORT" || die "client behaviour failed"
}

# save: copy the live log into samples-logs/ (before the server is stopped).
save() {
    cp "$LOG" "$HERE/$SCEN.log"
    chmod 644 "$HERE/$SCEN.log"   # nats-server creates its log 0640
    echo "generate.sh: wrote samples-logs/$SCEN.log ($(wc -l <"$HERE/$SCEN.log") lines)"
}

stop_server() {
    if [ -n "$SERVER_PID" ]; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
    rm -rf "$DIR"
    LOG=""
}

# ---------------------------------------------------------------------------
# Scenarios
# ---------------------------------------------------------------------------

scenario_auth_wrong_password() {
    start_server auth-wrong-password 'debug: true
authorization {
  user: app
  password: s3cret
}'
    run_clients
    wait_log '\[ERR\] .* - cid:[0-9]+ - .*authentication error' 4
    wait_log 'Client connection closed: Authentication Failure' 4
    save; stop_server
}

scenario_auth_permissions_violation() {
    start_server auth-permissions-violation 'debug: true
authorization {
  users = [
    { user: worker, password: w0rker,
      permissions: { publish: { allow: ["orders.>", "_INBOX.>"] },
                     subscribe: { allow: ["orders.>", "_INBOX.>"] } } }
    { user: admin, password: adm1n }
  ]
}'
    run_clients
    wait_log 'Publish Violation - '
    wait_log 'Subscription Violation - '
    wait_log 'Client connection closed: Client Closed'
    save; stop_server
}

scenario_max_payload_exceeded() {
    start_server max-payload-exceeded 'debug: true
max_payload: 1024'
    run_clients
    wait_log 'maximum payload exceeded: 4096 vs 1024'
    wait_log 'Client connection closed: Maximum Message Payload Exceeded'
    save; stop_server
}

scenario_protocol_parser_error() {
    start_server protocol-parser-error 'debug: true'
    run_clients
    wait_log 'parser ERROR'
    wait_log 'Client connection closed: Protocol Violation'
    save; stop_server
}

scenario_stale_connection() {
    start_server stale-connection 'debug: true
ping_interval: "1s"
ping_max: 2'
    run_clients
    wait_log 'Stale Client Connection - Closing'
    wait_log 'Client connection closed: Stale Connection'
    save; stop_server
}

scenario_connection_reset() {
    start_server connection-reset 'debug: true'
    run_clients
    wait_log 'Client connection closed: (Read Error|Write Error)'
    wait_log 'Client connection closed: Client Closed'
    save; stop_server
}

scenario_connection_reset_write() {
    # Whether the server's reader or writer meets the RST first is a race
    # (about 1 in 4 attempts here ends in the writer): retry with a fresh
    # server until the log shows the write-side reset.
    local attempt
    for attempt in $(seq 1 30); do
        start_server connection-reset-write 'debug: true'
        run_clients
        wait_log 'Client connection closed: (Read Error|Write Error)'
        wait_log 'Client connection closed: Client Closed'
        if grep -q 'Error flushing: .*connection reset by peer' "$LOG"; then
            wait_log 'Client connection closed: Write Error'
            save; stop_server
            return 0
        fi
        stop_server
    done
    die "no write-side reset (Error flushing ... connection reset by peer) in 30 attempts"
}

scenario_slow_consumer() {
    start_server slow-consumer 'debug: true
max_payload: 32768
max_pending: 65536
write_deadline: "100ms"'
    run_clients
    wait_log 'Slow Consumer Detected'
    wait_log 'Client connection closed: Slow Consumer'
    save; stop_server
}

scenario_slow_consumer_write_deadline() {
    # Default max_pending (64 MB): the subscriber's socket is full and a write
    # blocks longer than write_deadline.
    start_server slow-consumer-write-deadline 'debug: true
write_deadline: "100ms"'
    run_clients
    wait_log 'Slow Consumer Detected: WriteDeadline'
    wait_log 'Client connection closed: Slow Consumer \(Write Deadline\)'
    save; stop_server
}

scenario_max_connections() {
    start_server max-connections 'debug: true
max_connections: 2'
    run_clients
    wait_log 'maximum connections exceeded' 2
    wait_log 'Client connection closed: Maximum Connections Exceeded' 2
    wait_log 'Client connection closed: Client Closed' 2
    save; stop_server
}

scenario_healthy() {
    start_server healthy 'debug: true'
    run_clients
    wait_log 'Client connection closed: Client Closed' 3
    refuse_log '\[(ERR|WRN|FTL)\]'
    save; stop_server
}

scenario_server_shutdown() {
    start_server server-shutdown 'debug: true'
    python3 "$CLIENTS" "$SCEN" "$PORT" >"$DIR/clients.out" 2>&1 &
    local cpid=$!
    local deadline=$(( $(date +%s) + 10 ))
    until grep -q clients-ready "$DIR/clients.out" 2>/dev/null; do
        kill -0 "$cpid" 2>/dev/null || die "clients exited early: $(cat "$DIR/clients.out")"
        [ "$(date +%s)" -ge "$deadline" ] && die "clients not ready after 10s"
        sleep 0.1
    done
    wait_log 'Client connection created' 2
    sleep 1   # a moment of normal traffic before the operator stops the server
    kill -TERM "$SERVER_PID"
    wait_log 'Server Exiting' 1 15
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
    wait "$cpid" || die "clients failed: $(cat "$DIR/clients.out")"
    wait_log 'Trapped "terminated" signal'
    wait_log 'Initiating Shutdown'
    save; stop_server
}

scenario_auth_timeout() {
    start_server auth-timeout 'debug: true
authorization {
  user: app
  password: s3cret
  timeout: 1
}'
    run_clients
    wait_log 'Authentication Timeout'
    wait_log 'Client connection closed: Authentication Timeout'
    save; stop_server
}

scenario_tls_required() {
    command -v openssl >/dev/null || die "openssl not found"
    local certdir="$WORK/tls"
    mkdir -p "$certdir"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
        -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
        -keyout "$certdir/key.pem" -out "$certdir/cert.pem" >/dev/null 2>&1 \
        || die "openssl could not make a test certificate"
    start_server tls-required "debug: true
tls {
  cert_file: \"$certdir/cert.pem\"
  key_file: \"$certdir/key.pem\"
  timeout: 2
}"
    run_clients
    wait_log 'TLS handshake error'
    wait_log 'Client connection closed: TLS Handshake Failure'
    save; stop_server
}

ALL=(auth-wrong-password auth-permissions-violation auth-timeout
     max-payload-exceeded protocol-parser-error
     stale-connection connection-reset connection-reset-write tls-required
     slow-consumer slow-consumer-write-deadline max-connections
     server-shutdown healthy)

echo "generate.sh: using $NATS_SERVER ($("$NATS_SERVER" --version))"
for name in "${@:-${ALL[@]}}"; do
    fn="scenario_${name//-/_}"
    declare -F "$fn" >/dev/null || { echo "generate.sh: unknown scenario '$name' (known: ${ALL[*]})" >&2; exit 2; }
    "$fn"
done
echo "generate.sh: done"
