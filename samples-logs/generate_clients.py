#!/usr/bin/env python3
"""Client behaviours for samples-logs/generate.sh.

Plain Python 3.11 standard library: raw TCP sockets speaking the NATS text
protocol (INFO / CONNECT / PUB / SUB / PING / PONG / MSG / -ERR).

Usage: generate_clients.py SCENARIO PORT

Each scenario drives the server into one disconnect cause. The shell script
owns the server (config, start, waiting for log lines, copying, stopping);
this script only plays the clients. It exits non-zero if the server does not
react on the wire as expected.
"""

import json
import socket
import struct
import sys
import threading
import time

HOST = "127.0.0.1"


def fail(msg):
    print(f"generate_clients: {msg}", file=sys.stderr)
    sys.exit(1)


class Conn:
    """A minimal NATS text-protocol connection over a raw socket."""

    def __init__(self, port, rcvbuf=None, timeout=5.0):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if rcvbuf is not None:
            # Must be set before connect() to shrink the advertised window.
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.sock.settimeout(timeout)
        self.sock.connect((HOST, port))
        self.buf = b""
        self.info = None

    # -- reading -----------------------------------------------------------
    def _fill(self):
        data = self.sock.recv(65536)
        if not data:
            raise ConnectionError("closed by server")
        self.buf += data

    def readline(self):
        while b"\r\n" not in self.buf:
            self._fill()
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line.decode("utf-8", "replace")

    def read_info(self):
        line = self.readline()
        if not line.startswith("INFO "):
            fail(f"expected INFO, got {line!r}")
        self.info = json.loads(line[5:])
        return self.info

    def wait_for(self, prefix, answer_pings=True):
        """Read protocol lines until one starts with prefix; return it."""
        while True:
            line = self.readline()
            if line.startswith(prefix):
                return line
            if line == "PING" and answer_pings:
                self.send("PONG\r\n")
            elif line.startswith("MSG "):
                size = int(line.split()[-1])
                while len(self.buf) < size + 2:
                    self._fill()
                self.buf = self.buf[size + 2:]
            elif line.startswith("-ERR") and not prefix.startswith("-ERR"):
                fail(f"unexpected {line!r} while waiting for {prefix!r}")

    def wait_closed(self, timeout):
        """Read (without answering anything) until the server closes us."""
        self.sock.settimeout(timeout)
        try:
            while True:
                if not self.sock.recv(65536):
                    return True
        except (ConnectionError, OSError):
            return True
        except socket.timeout:
            return False

    # -- writing -----------------------------------------------------------
    def send(self, text):
        self.sock.sendall(text.encode() if isinstance(text, str) else text)

    def connect(self, name, user=None, password=None, verbose=False):
        opts = {"verbose": verbose, "pedantic": False, "tls_required": False,
                "name": name, "lang": "python3", "version": "0.1.0",
                "protocol": 1, "echo": True}
        if user is not None:
            opts["user"] = user
            opts["pass"] = password
        self.send("CONNECT " + json.dumps(opts, separators=(",", ":")) + "\r\n")

    def handshake(self, name, user=None, password=None):
        """INFO, CONNECT, PING → PONG (or -ERR)."""
        self.read_info()
        self.connect(name, user, password)
        self.send("PING\r\n")
        return self.wait_for("PONG")

    def pub(self, subject, payload):
        if isinstance(payload, str):
            payload = payload.encode()
        self.send(f"PUB {subject} {len(payload)}\r\n".encode() + payload + b"\r\n")

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def reset(self):
        """Close with an RST instead of a FIN."""
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.sock.close()


# -- scenarios ---------------------------------------------------------------

def auth_wrong_password(port):
    # A reconnecting client that keeps presenting a stale password.
    for attempt in range(4):
        c = Conn(port)
        c.read_info()
        c.connect("orders-service", user="app", password="wrong-pass")
        c.send("PING\r\n")
        line = c.wait_for("-ERR")
        if "Authorization Violation" not in line:
            fail(f"attempt {attempt}: expected Authorization Violation, got {line!r}")
        c.wait_closed(3)
        c.close()
        if attempt < 3:
            time.sleep(1)


def auth_permissions_violation(port):
    c = Conn(port)
    c.handshake("billing-worker", user="worker", password="w0rker")
    c.pub("orders.created", "allowed")
    c.pub("admin.shutdown", "forbidden publish")
    c.send("SUB admin.events 1\r\n")
    c.send("SUB orders.> 2\r\n")
    c.send("PING\r\n")
    errs = []
    while True:
        line = c.readline()
        if line.startswith("-ERR"):
            errs.append(line)
        elif line == "PONG":
            break
    if len(errs) != 2:
        fail(f"expected 2 permission errors, got {errs}")
    c.close()


def max_payload_exceeded(port):
    c = Conn(port)
    c.handshake("telemetry-uploader")
    c.pub("telemetry.batch", b"x" * 4096)
    line = c.wait_for("-ERR")
    if "Maximum Payload Violation" not in line:
        fail(f"expected Maximum Payload Violation, got {line!r}")
    c.wait_closed(3)
    c.close()


def protocol_parser_error(port):
    # Someone points an HTTP health check (or a browser) at the client port.
    c = Conn(port)
    c.read_info()
    c.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n")
    line = c.wait_for("-ERR")
    if "Unknown Protocol Operation" not in line:
        fail(f"expected Unknown Protocol Operation, got {line!r}")
    c.wait_closed(3)
    c.close()


def stale_connection(port):
    # Connects, then goes silent (a frozen process / a black-holed network path):
    # it never answers the server's PINGs.
    c = Conn(port)
    c.handshake("sensor-gateway")
    if not c.wait_closed(15):
        fail("server did not close the stale connection")
    c.close()


def connection_reset(port):
    # A subscriber whose host resets the connection (RST: SO_LINGER on with
    # timeout 0) while the server is busy writing messages to it, as a crashed
    # peer, a NAT/firewall/load balancer dropping the flow or a killed pod would.
    sub = Conn(port)
    sub.handshake("dashboard")
    sub.send("SUB prices.> 1\r\nPING\r\n")
    sub.wait_for("PONG")
    pub = Conn(port, timeout=30)
    pub.handshake("price-feed")
    payload = b"p" * 256
    msg = f"PUB prices.eurusd {len(payload)}\r\n".encode() + payload + b"\r\n"
    batch = msg * 16
    stop = threading.Event()

    def flood():
        while not stop.is_set():
            pub.send(batch)
            time.sleep(0.001)

    t = threading.Thread(target=flood)
    t.start()
    time.sleep(0.2)
    sub.reset()
    time.sleep(0.3)
    stop.set()
    t.join()
    pub.send("PING\r\n")
    pub.wait_for("PONG")
    pub.close()


def connection_reset_write(port):
    # Same, but the reset hits while messages are still queued for the
    # subscriber and more keep arriving: sometimes the server's writer sees
    # the reset before its reader does ("Error flushing: ... connection reset
    # by peer" / Write Error). generate.sh retries until it does.
    sub = Conn(port)
    sub.handshake("dashboard")
    sub.send("SUB prices.> 1\r\nPING\r\n")
    sub.wait_for("PONG")
    pub = Conn(port)
    pub.handshake("price-feed")
    payload = b"p" * 512
    for _ in range(400):
        pub.pub("prices.eurusd", payload)
    pub.send("PING\r\n")
    pub.wait_for("PONG")
    sub.reset()
    for _ in range(200):
        pub.pub("prices.eurusd", payload)
    pub.send("PING\r\n")
    pub.wait_for("PONG")
    time.sleep(0.5)
    pub.send("PING\r\n")
    pub.wait_for("PONG")
    pub.close()


def slow_consumer(port):
    # The subscriber shrinks its receive buffer and stops reading.
    sub = Conn(port, rcvbuf=4096)
    sub.handshake("report-builder")
    sub.send("SUB metrics.> 1\r\nPING\r\n")
    sub.wait_for("PONG")
    pub = Conn(port, timeout=30)
    pub.handshake("metrics-firehose")
    # 512 messages of 32 KB (16 MB): more than the kernel socket buffers of
    # the loopback hold, so the server's pending bytes for the subscriber grow.
    payload = b"m" * 32768
    msg = f"PUB metrics.cpu {len(payload)}\r\n".encode() + payload + b"\r\n"
    for _ in range(512):
        pub.send(msg)
    pub.send("PING\r\n")
    pub.wait_for("PONG")
    pub.close()
    # Stay stuck (never read) long enough for the server to give up on us.
    time.sleep(2)
    sub.close()


def max_connections(port):
    held = []
    for i in range(2):
        c = Conn(port)
        c.handshake(f"worker-{i + 1}")
        held.append(c)
    # Connections 3 and 4 are over the limit: the server sends INFO followed
    # at once by -ERR and closes, before the client gets to send CONNECT.
    for i in range(2, 4):
        c = Conn(port)
        c.read_info()
        line = c.wait_for("-ERR")
        if "maximum connections exceeded" not in line:
            fail(f"connection {i + 1}: expected maximum connections exceeded, got {line!r}")
        c.wait_closed(3)
        c.close()
        time.sleep(0.2)
    for c in held:
        c.close()


def healthy(port):
    sub = Conn(port)
    sub.handshake("inventory-listener")
    sub.send("SUB inventory.updated 1\r\nSUB inventory.query 2\r\nPING\r\n")
    sub.wait_for("PONG")
    pub = Conn(port)
    pub.handshake("inventory-api")
    for i in range(5):
        pub.pub("inventory.updated", json.dumps({"sku": f"A-{100 + i}", "qty": i}))
    pub.send("PING\r\n")
    pub.wait_for("PONG")
    for _ in range(5):
        sub.wait_for("MSG ")
    # A request/reply round trip.
    req = Conn(port)
    req.handshake("inventory-cli")
    req.send("SUB _INBOX.cli.1 1\r\nPUB inventory.query _INBOX.cli.1 5\r\nA-100\r\n")
    sub.wait_for("MSG inventory.query")
    sub.pub("_INBOX.cli.1", '{"qty":0}')
    req.wait_for("MSG _INBOX.cli.1")
    for c in (req, pub, sub):
        c.send("UNSUB 1\r\n")
        c.close()
        time.sleep(0.1)


def server_shutdown(port):
    # Two long-lived clients; the shell script SIGTERMs the server meanwhile.
    a = Conn(port)
    a.handshake("orders-service")
    a.send("SUB orders.> 1\r\nPING\r\n")
    a.wait_for("PONG")
    b = Conn(port)
    b.handshake("orders-api")
    b.pub("orders.created", '{"id":1}')
    b.send("PING\r\n")
    b.wait_for("PONG")
    print("clients-ready", flush=True)
    for c in (a, b):
        if not c.wait_closed(20):
            fail("server did not close the client connection")
        c.close()


def auth_timeout(port):
    # Opens TCP, reads INFO and never sends CONNECT (a port scanner, a TCP
    # health check, a client stuck before its handshake).
    c = Conn(port)
    c.read_info()
    if not c.wait_closed(10):
        fail("server did not close the connection without CONNECT")
    c.close()


def tls_required(port):
    # A plain-text client against a TLS-only server.
    c = Conn(port)
    info = c.read_info()
    if not info.get("tls_required"):
        fail("server does not require TLS")
    c.connect("legacy-plaintext-client")
    c.send("PING\r\n")
    c.wait_closed(10)
    c.close()


SCENARIOS = {
    "auth-wrong-password": auth_wrong_password,
    "auth-permissions-violation": auth_permissions_violation,
    "max-payload-exceeded": max_payload_exceeded,
    "protocol-parser-error": protocol_parser_error,
    "stale-connection": stale_connection,
    "connection-reset": connection_reset,
    "connection-reset-write": connection_reset_write,
    "slow-consumer": slow_consumer,
    "slow-consumer-write-deadline": slow_consumer,
    "max-connections": max_connections,
    "healthy": healthy,
    "server-shutdown": server_shutdown,
    "auth-timeout": auth_timeout,
    "tls-required": tls_required,
}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in SCENARIOS:
        print(f"usage: {sys.argv[0]} {{{'|'.join(SCENARIOS)}}} PORT", file=sys.stderr)
        sys.exit(2)
    try:
        SCENARIOS[sys.argv[1]](int(sys.argv[2]))
    except (OSError, ConnectionError) as e:
        fail(f"{sys.argv[1]}: {e}")


if __name__ == "__main__":
    main()
