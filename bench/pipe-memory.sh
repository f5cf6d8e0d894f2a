#!/usr/bin/env bash
# Feeds a generated nats-server log through a pipe into `logtriage analyze -` and samples the
# analyser's resident memory every second, to show that memory stays flat on an endless pipe.
# Usage: bench/pipe-memory.sh [SIZE=2GiB] [SPAN_HOURS=1]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-2GiB}
span=${2:-1}
out=/tmp/logtriage-bench/pipe
mkdir -p "$out"
dotnet build -c Release src/LogTriage.Cli -v q -nologo > "$out/build.log" 2>&1 || { tail -20 "$out/build.log"; exit 2; }
cli=src/LogTriage.Cli/bin/Release/net10.0/LogTriage.Cli.dll

bench/generate-log /dev/stdout "$size" 7 5 --span-hours "$span" 2>/dev/null \
  | dotnet "$cli" analyze - --format json --quiet > "$out/report.json" &
pipeline=$!
sleep 0.5
pid=$(pgrep -n -f "LogTriage.Cli.dll analyze - --format json --quiet" || true)
samples=()
while kill -0 "$pipeline" 2>/dev/null; do
  if [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; then
    rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$rss" ] && samples+=("$rss")
  fi
  sleep 1
done
wait "$pipeline"
printf 'input      %s of generated log covering %s h, through a pipe\n' "$size" "$span"
printf 'RSS (MiB)  every second: %s\n' "${samples[*]}"
sorted=$(printf '%s\n' "${samples[@]}" | sort -n)
printf 'RSS (MiB)  min %s, max %s over %s samples\n' "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)" "${#samples[@]}"
python3 -c "import json;r=json.load(open('$out/report.json'));print('causes    ', ', '.join(f\"{c['cause']}:{c['count']}\" for c in r['causes']));print('lines     ', r['inputs'][0]['lines'])"
