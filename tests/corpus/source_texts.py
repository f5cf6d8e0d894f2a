#!/usr/bin/env python3
"""How LogTriage reads each library's own texts, one line at a time.

Usage: tests/corpus/source_texts.py [--cli DLL] [--show-differences] [FILE.tsv ...]

source-texts/*.tsv list, per library, the error, warning and event texts its source writes or
raises when a connection fails, drops or misbehaves, each as one realistic log line with the cause
its situation means (`context` for lifecycle the tool must not alarm on), where it is in the
source and a note. Each line is analysed alone; the script prints, per file, how many got the
expected top cause (or no cause, for `context`). The expected causes are judgements, and some are
arguable (a request time-out is the client's or the network's): this is a check for texts the
rules do not know, not a score to reach 100%.
"""
import argparse, concurrent.futures, csv, os, sys, tempfile

from accuracy import analyze

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def top_cause(cli, folder, index, line):
    path = os.path.join(folder, f"{index:04}.log")
    with open(path, "w", encoding="utf-8") as f:
        f.write(line + "\n")
    cause = analyze(cli, path)[0]
    return "context" if cause == "healthy" else cause


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(REPO, "src/LogTriage.Cli/bin/Release/net10.0/LogTriage.Cli.dll"))
    ap.add_argument("--show-differences", action="store_true")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    if not os.path.exists(args.cli):
        sys.exit(f"source_texts.py: {args.cli} not found: dotnet build -c Release src/LogTriage.Cli")
    # A bare name is one of source-texts/, as the README writes it.
    args.files = [f if os.path.exists(f) else os.path.join(HERE, "source-texts", f) for f in args.files]
    files = args.files or sorted(os.path.join(HERE, "source-texts", f) for f in os.listdir(os.path.join(HERE, "source-texts")) if f.endswith(".tsv"))
    total = agreed = 0
    with tempfile.TemporaryDirectory() as folder, concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for name in files:
            with open(name, encoding="utf-8") as f:
                rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
            got = list(pool.map(lambda ir: top_cause(args.cli, folder, ir[0], ir[1]["line"]), enumerate(rows)))
            same = sum(1 for r, g in zip(rows, got) if g == r["cause"])
            total += len(rows)
            agreed += same
            print(f"{os.path.basename(name):24} {same:4} of {len(rows):4} as expected")
            if args.show_differences:
                for r, g in zip(rows, got):
                    if g != r["cause"]:
                        print(f"    expected {r['cause']:11} got {g:11} {r['line'][:150]}")
    print(f"{'all':24} {agreed:4} of {total:4} as expected")


if __name__ == "__main__":
    main()
