#!/usr/bin/env bash
# One benchmark run of `logtriage analyze` on one large nats-server log, against wc -l and grep
# with the rules' own patterns, plus a check of the report against the planted signals.
#
#   bench/run.sh [SIZE] [FILE] [options]
#     SIZE                 target size of a generated file (default 1GiB; 100MB, 2GiB, ...)
#     FILE                 the log (default /tmp/logtriage-bench/nats.log); generated with
#                          bench/generate-log when missing, or when its manifest says another size
#     --seed N             generator seed (default 42)
#     --signals N          planted incidents per cause (default 5)
#     --repeat N           run logtriage N times, report the median wall time (default 1)
#     --startup            also time a 10 KB file, process start to exit (hyperfine if installed)
#     --commit REV         build and run that commit (git archive into /tmp, clean of local edits)
#                          instead of the working tree
#     --cli DLL            run this LogTriage.Cli.dll as is (no build)
#     --no-build           use the existing Release build of the working tree
#     --out DIR            where results go (default /tmp/logtriage-bench/results)
# Exit: 0 when the report matches the planted signals, 1 on a mismatch, 2 on a usage/build error.
set -euo pipefail
export LC_ALL=C   # byte-wise grep/wc; the figures in bench/README.md are with LC_ALL=C

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
size=1GiB file=/tmp/logtriage-bench/nats.log seed=42 signals=5 repeat=1 startup=0 commit="" cli="" build=1
out=/tmp/logtriage-bench/results
positional=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seed) seed="$2"; shift 2 ;;
    --signals) signals="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --startup) startup=1; shift ;;
    --commit) commit="$2"; shift 2 ;;
    --cli) cli="$2"; build=0; shift 2 ;;
    --no-build) build=0; shift ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
[[ ${#positional[@]} -ge 1 ]] && size="${positional[0]}"
[[ ${#positional[@]} -ge 2 ]] && file="${positional[1]}"
mkdir -p "$out" "$(dirname "$file")"
command -v /usr/bin/time >/dev/null || { echo "run.sh: /usr/bin/time missing: apt-get install -y time" >&2; exit 2; }

now_ns() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

# ---- the CLI to measure -----------------------------------------------------------------------
if [[ -n "$commit" ]]; then
  sha="$(git -C "$repo" rev-parse --short "$commit")"
  src="/tmp/logtriage-bench/src-$sha"
  if [[ ! -f "$src/src/LogTriage.Cli/bin/Release/net10.0/LogTriage.Cli.dll" ]]; then
    rm -rf "$src" && mkdir -p "$src"
    git -C "$repo" archive "$sha" | tar -x -C "$src"
    dotnet build -c Release --nologo -v quiet "$src/src/LogTriage.Cli" >&2 || { echo "run.sh: build of $sha failed" >&2; exit 2; }
  fi
  cli="$src/src/LogTriage.Cli/bin/Release/net10.0/LogTriage.Cli.dll"
  label="commit $sha (clean archive)"
elif [[ -z "$cli" ]]; then
  cli="$repo/src/LogTriage.Cli/bin/Release/net10.0/LogTriage.Cli.dll"
  if [[ $build == 1 ]]; then
    dotnet build -c Release --nologo -v quiet "$repo/src/LogTriage.Cli" >&2 || {
      echo "run.sh: the Release build failed (someone's half-finished edit?); retry, or use --commit HEAD / --no-build" >&2; exit 2; }
  fi
  dirty=""; [[ -n "$(git -C "$repo" status --porcelain -- src rules 2>/dev/null)" ]] && dirty=" + uncommitted changes in src/ or rules/"
  label="working tree at $(git -C "$repo" rev-parse --short HEAD)$dirty"
else
  label="$cli"
fi
[[ -f "$cli" ]] || { echo "run.sh: $cli not found" >&2; exit 2; }
# the rules the CLI loads: the ones shipped beside it
rules_dir="$(dirname "$cli")/rules"; [[ -d "$rules_dir" ]] || rules_dir="$repo/rules"

# ---- the input ----------------------------------------------------------------------------------
manifest="$file.manifest.json"
want_bytes="$(python3 -c "
import re,sys
m=re.fullmatch(r'([0-9.]+)\s*([A-Za-z]*)', sys.argv[1].strip()); n=float(m.group(1)); u=m.group(2).upper()
f={'':1,'B':1,'KB':1e3,'MB':1e6,'GB':1e9,'K':2**10,'KIB':2**10,'M':2**20,'MIB':2**20,'G':2**30,'GIB':2**30}[u]
print(int(n*f))" "$size")"
if [[ -f "$file" && -f "$manifest" ]]; then
  have="$(python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print(m['targetBytes'], m['seed'], m['signalsPerCause'])" "$manifest")"
  [[ "$have" != "$want_bytes $seed $signals" ]] && rm -f "$file" "$manifest"
fi
if [[ ! -f "$file" ]]; then
  echo "generating $file ($size, seed $seed, $signals incidents per cause)..." >&2
  "$here/generate-log" "$file" "$size" "$seed" "$signals" >&2
fi
[[ -f "$manifest" ]] || { echo "run.sh: no manifest beside $file: the planted-signal check is skipped" >&2; manifest=""; }

bytes=$(stat -c %s "$file")
python3 "$here/rule-patterns.py" "$rules_dir" "$out/patterns" 2>"$out/patterns.log" || { cat "$out/patterns.log" >&2; exit 2; }

# warm the page cache so every tool reads from memory
cat "$file" > /dev/null

# ---- logtriage ----------------------------------------------------------------------------------
walls=()
for ((i = 1; i <= repeat; i++)); do
  s=$(now_ns)
  /usr/bin/time -v -o "$out/logtriage.time" dotnet "$cli" analyze "$file" --format json > "$out/report.json" || {
    rc=$?; [[ $rc -ne 1 ]] && { echo "run.sh: logtriage exited $rc" >&2; cat "$out/logtriage.time" >&2; exit 2; }; }
  e=$(now_ns)
  walls+=("$(ms "$s" "$e")")
done
lt_ms=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/logtriage.time")
cpu_pct=$(awk -F': ' '/Percent of CPU/ {print $2}' "$out/logtriage.time")

# ---- baselines ----------------------------------------------------------------------------------
s=$(now_ns); lines=$(wc -l < "$file"); e=$(now_ns); wc_ms=$(ms "$s" "$e")
s=$(now_ns); gf=$(grep -c -F -i -f "$out/patterns.fixed" "$file" || true); e=$(now_ns); gf_ms=$(ms "$s" "$e")
s=$(now_ns); ge=$(grep -c -E -i -f "$out/patterns.ere" "$file" || true); e=$(now_ns); ge_ms=$(ms "$s" "$e")

python3 - "$bytes" "$lines" "$lt_ms" "$rss_kb" "$cpu_pct" "$wc_ms" "$gf_ms" "$gf" "$ge_ms" "$ge" "$repeat" "${walls[*]}" "$label" "$file" <<'EOF'
import sys
b, lines, lt, rss, cpu, wc, gf, gfn, ge, gen, rep, walls, label, path = sys.argv[1:]
b, lines, lt, rss, wc, gf, ge = int(b), int(lines), int(lt), int(rss), int(wc), int(gf), int(ge)
s = lt / 1000
print(f"input     {path}: {b:,} bytes ({b/2**30:.2f} GiB), {lines:,} lines")
print(f"measured  {label}")
print(f"logtriage wall {s:.2f} s (median of {rep}: {walls} ms), {b/1e6/s:.1f} MB/s, {lines/s:,.0f} lines/s, "
      f"peak RSS {rss/1024:.0f} MiB, CPU {cpu}")
print(f"wc -l     {wc/1000:.2f} s   logtriage/wc   = {lt/max(wc,1):.1f}x")
print(f"grep -F   {gf/1000:.2f} s   logtriage/grep = {lt/max(gf,1):.1f}x   (grep -c -F -i -f <contains literals>: {gfn} lines)")
print(f"grep -E   {ge/1000:.2f} s   logtriage/grep = {lt/max(ge,1):.1f}x   (grep -c -E -i -f <regexes as ERE>: {gen} lines)")
EOF

# ---- the report versus the planted signals ----------------------------------------------------
status=0
if [[ -n "$manifest" ]]; then
  python3 - "$manifest" "$out/report.json" <<'EOF' || status=1
import json, sys
m = json.load(open(sys.argv[1])); r = json.load(open(sys.argv[2]))
found = {}
for section in ("causes", "context"):
    for c in r.get(section, []):
        found[c["cause"]] = (section, c)
by_line = {s["line"]: s for s in m["signals"]}
bad = 0
print(f"planted   {len(m['signals'])} signal lines in {m['incidents']} incidents ({m['signalsPerCause']} per cause); report: "
      f"{r['inputs'][0]['lines']:,} lines, {r['inputs'][0].get('unparsed', '?')} unparsed")
print(f"{'cause':<12} {'expected':>9} {'found':>9}  {'section':<17} rules")
for e in m["expected"]:
    cause = e["cause"]
    sec, c = found.get(cause, ("none", None))
    count = c["count"] if c else 0
    want_rules = set(e["eventRules"]) | set(e["thresholdRules"])
    got_rules = set(c["rules"]) if c else set()
    problems = []
    if count != e["count"]:
        problems.append(f"count {count} != {e['count']}")
    if sec != e["section"]:
        problems.append(f"in {sec}, expected {e['section']}")
    if want_rules - got_rules:
        problems.append("missing rules " + ",".join(sorted(want_rules - got_rules)))
    if got_rules - want_rules:
        problems.append("extra rules " + ",".join(sorted(got_rules - want_rules)))
    for ev in (c or {}).get("evidence", []):
        s = by_line.get(ev["line"])
        if s is None or ev["rule"] not in s["rules"] and not ev["rule"] in e["thresholdRules"]:
            problems.append(f"evidence line {ev['line']} ({ev['rule']}) is not a planted {cause} signal")
    flag = "ok" if not problems else "MISMATCH: " + "; ".join(problems)
    bad += bool(problems)
    print(f"{cause:<12} {e['count']:>9} {count:>9}  {sec:<8}{flag}")
    print(f"{'':<12} rules: {', '.join(c['rules']) if c else '-'}"
          + (f"; explainedBy: {', '.join(c['explainedBy'])}" if c and c.get("explainedBy") else ""))
for cause in sorted(set(found) - {e["cause"] for e in m["expected"]}):
    bad += 1
    print(f"{cause:<12} {'-':>9} {found[cause][1]['count']:>9}  MISMATCH: cause not planted")
print("report matches the planted signals" if not bad else f"MISMATCH in {bad} cause(s)")
sys.exit(1 if bad else 0)
EOF
fi

# ---- start-up time on a 10 KB file ------------------------------------------------------------
if [[ $startup == 1 ]]; then
  small=/tmp/logtriage-bench/startup-10KB.log
  [[ -f "$small" ]] || "$here/generate-log" "$small" 10KB 7 0 --connections 8 >&2
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs 20 --export-json "$out/startup.json" \
      "dotnet $cli analyze $small --format json" > "$out/startup.txt" 2>&1 || true
    python3 -c "
import json,sys; r=json.load(open(sys.argv[1]))['results'][0]
print(f\"startup   10 KB file: median {r['median']*1000:.0f} ms, mean {r['mean']*1000:.0f} ± {r['stddev']*1000:.0f} ms, min {r['min']*1000:.0f} ms ({len(r['times'])} runs, hyperfine)\")" "$out/startup.json"
  else
    t=()
    for i in $(seq 1 13); do s=$(now_ns); dotnet "$cli" analyze "$small" --format json >/dev/null || true; e=$(now_ns); t+=("$(ms "$s" "$e")"); done
    med=$(printf '%s\n' "${t[@]:3}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "startup   10 KB file: median $med ms (10 runs after 3 warm-ups, date +%s%N loop)"
  fi
fi
exit $status
