#!/usr/bin/env bash
# What the rules engine is given and does, per gigabyte of log: signal facts inserted, engine
# time, rules fired, live facts at the end and peak memory, on the realistic debug-log mix and on
# the signal-dense mix of ../shared/bench/genlog.py, beside grep -c with ../shared/bench/patterns.txt
# in the same run; then an hour of log time through a pipe (what --follow and kubectl logs -f see).
#   bench/engine.sh [MIX_MB=1024] [DENSE_MB=512]
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
shared="$(cd "$repo/../shared/bench" 2>/dev/null && pwd || true)"
[[ -f "$shared/genlog.py" ]] || { echo "engine.sh: ../shared/bench/genlog.py not found" >&2; exit 2; }
mix_mb=${1:-1024} dense_mb=${2:-512}
out=/tmp/logtriage-bench/engine
mkdir -p "$out"
dotnet build -c Release --nologo -v quiet "$repo/src/LogTriage.Cli" > "$out/build.log" 2>&1 || { tail -20 "$out/build.log"; exit 2; }
cli="$repo/src/LogTriage.Cli/bin/Release/net10.0/LogTriage.Cli.dll"

generate() { # name MB [EVERY_KB]
  local file="$out/$1.log"
  if [[ ! -f "$file" || ! -f "$file.planted" || "$(cat "$file.size")" != "$2 ${3:-}" ]]; then
    python3 "$shared/genlog.py" "$file" "$2" ${3:-} > "$file.planted"
    echo "$2 ${3:-}" > "$file.size"
  fi
  echo "$file"
}

measure() { # label file
  local label=$1 file=$2
  cat "$file" > /dev/null   # page-cached, as grep sees it too
  local g0 g1 t0 t1
  # Not to /dev/null: GNU grep stops at the first match when its output is discarded.
  g0=$(date +%s%N); grep -c -E -f "$shared/patterns.txt" "$file" > "$out/$label.grep" || true; g1=$(date +%s%N)
  t0=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$out/$label.rss" dotnet "$cli" analyze "$file" --format json --quiet > "$out/$label.json"
  t1=$(date +%s%N)
  python3 - "$label" "$file" "$out/$label.json" "$(cat "$out/$label.rss")" $(( (t1 - t0) / 1000000 )) $(( (g1 - g0) / 1000000 )) "$(cat "$file.planted")" <<'PY'
import json, os, sys
label, path, report, rss_kb, wall_ms, grep_ms, planted = sys.argv[1:8]
r = json.load(open(report)); e = r.get("engine", {})
gb = os.path.getsize(path) / 2**30
counts = {c["cause"]: c["count"] for c in r["causes"]}
want = dict(kv.split("=") for kv in planted.split())
exact = all(counts.get(k) == int(v) for k, v in want.items())
print(f"{label:6} {os.path.getsize(path)/2**20:7.0f} MiB  wall {int(wall_ms)/1000:6.2f} s ({os.path.getsize(path)/2**20/(int(wall_ms)/1000):5.0f} MB/s)  grep -c {int(grep_ms)/1000:5.2f} s  ratio {int(wall_ms)/max(1,int(grep_ms)):4.2f}x  peak RSS {int(rss_kb)//1024} MiB")
print(f"       facts inserted {e.get('factsInserted')} ({e.get('factsInserted',0)/gb:,.0f}/GiB), live at end {e.get('liveFacts')}, rules fired {e.get('rulesFired')}, engine {e.get('milliseconds')} ms ({e.get('milliseconds',0)/gb:,.0f} ms/GiB)")
print(f"       planted {planted} -> reported {counts}: {'exact' if exact else 'MISMATCH'}")
PY
}

echo "LogTriage engine benchmark, $(date -u +%FT%TZ), $(nproc) cores, commit $(git -C "$repo" rev-parse --short HEAD)"
measure mix "$(generate mix "$mix_mb")"
measure dense "$(generate dense "$dense_mb" 4)"

# An hour of log time through a pipe: the generator's mix at about 27 minutes per GiB.
hour_mb=$(( 2 * 1024 * 60 / 54 ))
file="$(generate hour "$hour_mb")"
cat "$file" | dotnet "$cli" analyze - --format json --quiet > "$out/hour.json" &
pipeline=$!
sleep 0.5
pid=$(pgrep -n -f "LogTriage.Cli.dll analyze - --format json --quiet" || true)
peak=0; samples=()
while kill -0 "$pipeline" 2>/dev/null; do
  if [[ -n "$pid" && -r /proc/$pid/status ]]; then
    rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status 2>/dev/null || echo 0)
    samples+=("$rss"); (( rss > peak )) && peak=$rss
  fi
  sleep 1
done
wait "$pipeline"
python3 - "$out/hour.json" "$peak" "${samples[*]:-}" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); e = r["engine"]
print(f"pipe   an hour of log time ({r['inputs'][0]['lines']:,} lines) through stdin: facts inserted {e['factsInserted']}, live at end {e['liveFacts']}, rules fired {e['rulesFired']}, engine {e['milliseconds']} ms, peak RSS {sys.argv[2]} MiB")
print(f"       RSS every second (MiB): {sys.argv[3]}")
PY
