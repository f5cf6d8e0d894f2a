#!/usr/bin/env python3
"""The development pastes rewritten as platforms and pastes wrap them: does the top cause hold?

Usage: tests/corpus/variants.py [--cli DLL] [--jobs N] [VARIANT ...]

Each development paste (the set-aside third is never touched) is written again behind a prefix a
platform or a paste adds to every line (docker compose's service name, kubectl's prefix or time
stamps, a CRI or docker JSON record, a markdown quote or table row, stern's pod and container,
indentation, CRLF, journald, or one JSON object per line as Google Cloud Logging, journalctl -o json,
Loki, Splunk and Elasticsearch export them, or a CSV download's row, or grep's file name and line
number) and analysed; the script lists, per variant, the pastes whose top
cause differs from the plain file's. A difference is a line the parser no longer recognises behind
that prefix (a multi-line error not gathered, a crash read as something else).
"""
import argparse, concurrent.futures, json, os, sys, tempfile

from accuracy import analyze, split_of

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

VARIANTS = {
    "compose": lambda l, n: "nats-1  | " + l,
    "kubectl-prefix": lambda l, n: "[pod/nats-0/nats] " + l,
    "kubectl-timestamps": lambda l, n: "2024-05-01T10:00:00.123456789Z " + l,
    "cri": lambda l, n: "2024-05-01T10:00:00.123456789+00:00 stderr F " + l,
    "docker-json": lambda l, n: json.dumps({"log": l + "\n", "stream": "stderr", "time": "2024-05-01T10:00:00.123456789Z"}),
    "quote": lambda l, n: "> " + l,
    "table": lambda l, n: "| " + l + " |",
    "indent": lambda l, n: "    " + l,
    "crlf": lambda l, n: l + "\r",
    "stern": lambda l, n: "nats-0 nats " + l,
    "journald": lambda l, n: "Dec 04 10:00:00 host1 app[1234]: " + l,
    # exports of log platforms, one JSON object per collected line
    "gcp-export": lambda l, n: json.dumps({"insertId": "1x2y3z", "logName": "projects/p/logs/stderr", "resource": {"type": "k8s_container", "labels": {"container_name": "app"}}, "severity": "ERROR", "textPayload": l, "timestamp": "2024-05-01T10:00:00.123456789Z"}),
    "journald-json": lambda l, n: json.dumps({"__REALTIME_TIMESTAMP": "1714557600123456", "PRIORITY": "6", "SYSLOG_IDENTIFIER": "app", "_PID": "1234", "_TRANSPORT": "stdout", "MESSAGE": l}),
    "loki-export": lambda l, n: json.dumps({"line": l, "timestamp": "2024-05-01T10:00:00.123456789Z", "fields": {"app": "nats"}}),
    "splunk-export": lambda l, n: json.dumps({"preview": False, "offset": 0, "result": {"_time": "2024-05-01T10:00:00.123+00:00", "host": "nats-0", "source": "/var/log/nats/nats.log", "_raw": l}}),
    "csv-export": lambda l, n: '2024-05-01 10:00:00.123,"' + l.replace('"', '""') + '"',
    "elastic-hit": lambda l, n: json.dumps({"_index": "logs-2024.05.01", "_id": "a1", "_source": {"@timestamp": "2024-05-01T10:00:00.123Z", "message": l}}),
    # n: the line's own number, as grep -n prints it
    "grep-n": lambda l, n: f"{n}:" + l,
    "grep-H": lambda l, n: "/var/log/nats/nats.log:" + l,
    "grep-Hn": lambda l, n: f"nats.log:{n}:" + l,
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(REPO, "src/LogTriage.Cli/bin/Release/net10.0/LogTriage.Cli.dll"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("variants", nargs="*", choices=[[], *VARIANTS], default=[])
    args = ap.parse_args()
    if not os.path.exists(args.cli):
        sys.exit(f"variants.py: {args.cli} not found: dotnet build -c Release src/LogTriage.Cli")
    chosen = args.variants or list(VARIANTS)
    with open(os.path.join(HERE, "manifest.tsv"), encoding="utf-8") as f:
        files = [line.split("\t")[0] for line in list(f)[1:] if line.strip()]
    files = [name for name in files if split_of(name) == "dev"]
    logs = os.path.join(HERE, "logs")
    with tempfile.TemporaryDirectory() as out, concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        plain = dict(zip(files, pool.map(lambda name: analyze(args.cli, os.path.join(logs, name))[0], files)))

        def variant(job):
            name, kind = job
            with open(os.path.join(logs, name), encoding="utf-8", errors="replace") as f:
                lines = f.read().split("\n")
            path = os.path.join(out, f"{kind}-{name}")
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(VARIANTS[kind](l, n) if l else l for n, l in enumerate(lines, 1)))
            return name, kind, analyze(args.cli, path)[0]

        results = list(pool.map(variant, [(name, kind) for kind in chosen for name in files]))
    for kind in chosen:
        changed = [(name, got) for name, k, got in results if k == kind and got != plain[name]]
        print(f"{kind:20} {len(changed):4} of {len(files)} changed")
        for name, got in changed:
            print(f"    {name}: {plain[name]} -> {got}")


if __name__ == "__main__":
    main()
