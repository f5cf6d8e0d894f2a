#!/usr/bin/env python3
"""Top-1 accuracy of LogTriage on the development corpus, beside a plain keyword count.

Usage: tests/corpus/accuracy.py [--cli DLL|NATIVE] [--only dev|holdout] [--show-misses] [--jobs N]

Reads tests/corpus/manifest.tsv (file, cause, accepted, kind, source, diagnosis), runs
`logtriage analyze FILE --format json` on each log and compares the top cause with the label:
strict = the root cause; lenient = the root or an accepted symptom. A `healthy` log is right when
no cause at warning or above is reported (otherwise it is a false alarm). A third of the corpus,
chosen by a hash of the file name, is set aside ("holdout") and reported separately: it is never
looked at while writing rules.
"""
import argparse, collections, concurrent.futures, hashlib, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CAUSES = ["overload", "payload", "server-bug", "network", "client", "auth", "unreachable", "healthy"]

# The yardstick: count case-insensitive keywords per cause, the most counted wins, none is healthy.
KEYWORDS = {
    "overload": ["slow consumer", "maximum connections", "maximum subscriptions", "readloop", "resource limits",
                 "insufficient resources", "out of resources", "no quorum", "stalled", "out of memory"],
    "payload": ["maximum payload", "max payload", "control line", "parser error", "parse error", "protocol violation"],
    "server-bug": ["panic:", "fatal error", "goroutine", "nil pointer", "sigsegv"],
    "network": ["connection reset", "broken pipe", "i/o timeout", "stale connection", "eof", "disconnected"],
    "client": ["no servers available", "timeout", "tls", "no responders", "invalid", "wrong"],
    "auth": ["authorization violation", "authentication", "permissions violation", "expired", "revoked", "jwt"],
    "unreachable": ["connection refused", "shutdown", "exiting", "lame duck", "error listening"],
}


def split_of(name):
    return "holdout" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def keyword_top(text):
    low = text.lower()
    counts = {c: sum(low.count(k) for k in ks) for c, ks in KEYWORDS.items()}
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] > 0 else "healthy"


def analyze(cli, path):
    # The framework-dependent build (LogTriage.Cli.dll) runs under dotnet; the native one by itself.
    command = ["dotnet", cli] if cli.endswith(".dll") else [cli]
    run = subprocess.run(command + ["analyze", path, "--format", "json", "--quiet"], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        return "error", run.stderr.strip()[:200]
    report = json.loads(run.stdout)
    ranked = [c["cause"] for c in report["causes"]]
    return (ranked[0] if ranked else "healthy"), ",".join(ranked)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(REPO, "src/LogTriage.Cli/bin/Release/net10.0/LogTriage.Cli.dll"))
    ap.add_argument("--only", choices=["dev", "holdout", "lifecycle"])
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--json", help="also write per-file results here")
    ap.add_argument("--corpus", default=HERE, help="a folder with manifest.tsv and logs/ (default: this one)")
    args = ap.parse_args()
    if not os.path.exists(args.cli):
        sys.exit(f"accuracy.py: {args.cli} not found: dotnet build -c Release src/LogTriage.Cli")

    rows = []
    # The pastes, and (for the repository's own corpus) the real server's lifecycle scenarios.
    sources = [(os.path.join(args.corpus, "manifest.tsv"), os.path.join(args.corpus, "logs"))]
    if args.corpus == HERE:
        lifecycle = os.path.join(REPO, "samples-logs", "lifecycle")
        sources.append((os.path.join(lifecycle, "manifest.tsv"), lifecycle))
    for manifest, folder in sources:
        with open(manifest, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            for line in f:
                if line.strip():
                    row = dict(zip(header, line.rstrip("\n").split("\t")))
                    row["path"] = os.path.join(folder, row["file"])
                    # Our own scenarios are not pastes: they are reported apart and never set aside.
                    row["split"] = "lifecycle" if folder != os.path.join(args.corpus, "logs") else split_of(row["file"])
                    rows.append(row)
    rows = [r for r in rows if not args.only or r["split"] == args.only]

    def work(r):
        path = r["path"]
        tool, ranked = analyze(args.cli, path)
        with open(path, encoding="utf-8", errors="replace") as f:
            base = keyword_top(f.read())
        return r, tool, ranked, base

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(work, rows))

    def score(items, pick):
        n = len(items)
        strict = sum(1 for r, *rest in items if pick(r, *rest) == r["cause"])
        lenient = sum(1 for r, *rest in items if pick(r, *rest) in {r["cause"], *[a for a in r["accepted"].split(",") if a and a != "-"]})
        return n, strict, lenient

    def pct(a, n):
        return f"{100.0 * a / n:5.1f}%" if n else "   - "

    tool_pick = lambda r, tool, ranked, base: tool
    base_pick = lambda r, tool, ranked, base: base
    out = []
    for split in ["dev", "holdout", "lifecycle", "all"]:
        items = [x for x in results if split == "all" or x[0]["split"] == split]
        if not items:
            continue
        out.append(f"== {split}: {len(items)} logs")
        out.append(f"{'':14} {'n':>4}  {'logtriage strict':>16} {'lenient':>8}   {'keywords strict':>15} {'lenient':>8}")
        for cause in CAUSES + ["ALL"]:
            sub = [x for x in items if cause == "ALL" or x[0]["cause"] == cause]
            if not sub:
                continue
            n, s, l = score(sub, tool_pick)
            _, bs, bl = score(sub, base_pick)
            out.append(f"{cause:14} {n:4}  {pct(s, n):>16} {pct(l, n):>8}   {pct(bs, n):>15} {pct(bl, n):>8}")
        healthy = [x for x in items if x[0]["cause"] == "healthy"]
        alarms = [x for x in healthy if x[1] != "healthy"]
        base_alarms = [x for x in healthy if x[3] != "healthy"]
        out.append(f"false alarms on {len(healthy)} healthy logs: logtriage {len(alarms)}, keywords {len(base_alarms)}")
        errors = [x for x in items if x[1] == "error"]
        if errors:
            out.append(f"tool errors: {len(errors)}")
        out.append("")
    print("\n".join(out))
    if args.show_misses:
        for r, tool, ranked, base in results:
            ok = {r["cause"], *[a for a in r["accepted"].split(",") if a and a != "-"]}
            if tool not in ok:
                print(f"MISS [{r['split']}] {r['file']}: label {r['cause']} (ok {sorted(ok)}), got [{ranked}]")
            elif tool != r["cause"]:
                print(f"LENIENT [{r['split']}] {r['file']}: label {r['cause']} (ok {sorted(ok)}), got [{ranked}]")
    if args.json:
        with open(args.json, "w") as f:
            json.dump([{"file": r["file"], "label": r["cause"], "accepted": r["accepted"], "split": r["split"],
                        "top": tool, "ranked": ranked, "keywords": base} for r, tool, ranked, base in results], f, indent=1)


if __name__ == "__main__":
    main()
