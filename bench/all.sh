#!/usr/bin/env bash
# Every figure of issue 16 in one run, each beside its yardstick measured in the same run:
#   1. the realistic debug-log mix (../shared/bench/genlog.py OUT MIX_MB) against
#      grep -c -E -f ../shared/bench/patterns.txt: wall-time ratio, MB/s, peak RSS, planted counts;
#   2. the signal-dense mix (genlog.py OUT DENSE_MB 4), the same figures;
#   3. start-up: a 10 KB log, process start to exit, against an empty .NET console app;
#   4. follow latency: a signal line appended to a followed file, and written to a pipe, until its
#      finding is printed.
# Both builds users install are measured, each beside the same yardsticks: `dotnet publish -r <rid>`
# (ReadyToRun, needs the .NET runtime) and, when clang is installed, `-p:PublishAot=true` (one
# native executable).
#   bench/all.sh [MIX_MB=1024] [DENSE_MB=512]     (env: RUNS=3 runs of each timing, the fastest kept)
# Generated files stay in /tmp/logtriage-bench/all. Exit 0 when every planted count was reported
# exactly, 1 otherwise, 2 on a usage or build error.
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
mix_mb=${1:-1024} dense_mb=${2:-512} runs=${RUNS:-3}
out=/tmp/logtriage-bench/all
mkdir -p "$out"

# The shared yardsticks live beside the checkout (../shared), or beside the worktrees' parent.
shared=""
for d in "$repo/../shared/bench" "$repo/../../shared/bench"; do
  [[ -f "$d/genlog.py" ]] && { shared="$(cd "$d" && pwd)"; break; }
done
[[ -n "$shared" ]] || { echo "all.sh: ../shared/bench/genlog.py not found" >&2; exit 2; }
patterns="$shared/patterns.txt"

rid="$(dotnet --info 2>/dev/null | awk '/^ *RID:/ {print $2; exit}')"; rid=${rid:-linux-x64}
dotnet publish "$repo/src/LogTriage.Cli" -c Release -r "$rid" --self-contained false -o "$out/tool" --nologo -v quiet \
  > "$out/publish.log" 2>&1 || { tail -20 "$out/publish.log" >&2; exit 2; }
builds=("r2r|dotnet $out/tool/LogTriage.Cli.dll")
if command -v clang > /dev/null; then
  dotnet publish "$repo/src/LogTriage.Cli" -c Release -r "$rid" -p:PublishAot=true -o "$out/native" --nologo -v quiet \
    > "$out/publish-native.log" 2>&1 || { tail -20 "$out/publish-native.log" >&2; exit 2; }
  builds+=("native|$out/native/LogTriage.Cli")
else
  echo "all.sh: clang not installed (apt-get install -y clang zlib1g-dev): the native build is not measured" >&2
fi

now_ns() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

generate() { # name MB [EVERY_KB] -> path; genlog.py's planted counts in PATH.planted
  local file="$out/$1.log" want="$2 ${3:-}"
  if [[ ! -f "$file" || ! -f "$file.planted" || "$(cat "$file.size" 2>/dev/null)" != "$want" ]]; then
    echo "generating $file ($2 MiB${3:+, a signal of each kind every $3 KiB})..." >&2
    python3 "$shared/genlog.py" "$file" "$2" ${3:-} > "$file.planted"
    echo "$want" > "$file.size"
  fi
  echo "$file"
}

status=0
measure() { # label file command...
  local label=$1 file=$2; shift 2
  local best_lt=0 best_grep=0 rss=0 i g0 g1 t0 t1
  cat "$file" > /dev/null   # page-cached, for both tools
  for ((i = 1; i <= runs; i++)); do
    # grep and the tool back to back, so both see the same load on this shared machine.
    # Not to /dev/null: GNU grep stops at the first match when its output is discarded.
    g0=$(now_ns); grep -c -E -f "$patterns" "$file" > "$out/$label.grep" || true; g1=$(now_ns)
    t0=$(now_ns)
    /usr/bin/time -f "%M" -o "$out/$label.rss" "$@" analyze "$file" --format json --quiet > "$out/$label.json" || [[ $? == 1 ]]
    t1=$(now_ns)
    local g=$(ms "$g0" "$g1") t=$(ms "$t0" "$t1") r; r=$(tail -1 "$out/$label.rss")
    (( best_grep == 0 || g < best_grep )) && best_grep=$g
    (( best_lt == 0 || t < best_lt )) && best_lt=$t
    (( r > rss )) && rss=$r
  done
  python3 - "$label" "$file" "$out/$label.json" "$rss" "$best_lt" "$best_grep" "$(cat "$file.planted")" "$runs" <<'PY' || status=1
import json, os, sys
label, path, report, rss_kb, lt_ms, grep_ms, planted, runs = sys.argv[1:9]
r = json.load(open(report)); e = r.get("engine", {})
size = os.path.getsize(path); lt, g = int(lt_ms) / 1000, int(grep_ms) / 1000
counts = {c["cause"]: c["count"] for c in r["causes"]}
want = {k: int(v) for k, v in (kv.split("=") for kv in planted.split())}
exact = all(counts.get(k) == v for k, v in want.items())
print(f"{label:13} {size/2**20:6.0f} MiB  logtriage {lt:6.2f} s  {size/1e6/lt:5.0f} MB/s  peak RSS {int(rss_kb)//1024:4d} MiB   "
      f"grep -c -E -f {g:5.2f} s   ratio {lt/max(g, 0.001):5.2f}x grep   (fastest of {runs})")
print(f"       planted {' '.join(f'{k}={v}' for k, v in want.items())} -> reported "
      f"{' '.join(f'{k}={counts.get(k)}' for k in want)}: {'exact' if exact else 'MISMATCH'}; "
      f"engine: {e.get('factsInserted')} facts, {e.get('milliseconds')} ms")
sys.exit(0 if exact else 1)
PY
}

echo "LogTriage benchmark (issue 16), $(date -u +%FT%TZ), $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$repo" rev-parse --short HEAD)$([[ -n "$(git -C "$repo" status --porcelain -- src)" ]] && echo ' + uncommitted changes')"
echo "tool: dotnet publish -r $rid (ReadyToRun), $(dotnet --version) SDK"
mix="$(generate mix "$mix_mb")" dense="$(generate dense "$dense_mb" 4)"
for build in "${builds[@]}"; do
  name=${build%%|*}; read -r -a command <<< "${build#*|}"
  measure "mix $name" "$mix" "${command[@]}"
  measure "dense $name" "$dense" "${command[@]}"
done

# ---- start-up: a 10 KB log against an empty console app ---------------------------------------
small="$out/10KB.log"
head -c 10240 "$out/mix.log" | sed '$d' > "$small"
empty="$out/empty"
if [[ ! -f "$empty/bin/Release/net10.0/empty.dll" ]]; then
  rm -rf "$empty"; mkdir -p "$empty"
  (cd "$empty" && dotnet new console -n empty -o . --force > /dev/null && dotnet build -c Release --nologo -v quiet > /dev/null) \
    || { echo "all.sh: could not build the empty app" >&2; exit 2; }
fi
if command -v hyperfine > /dev/null; then
  starts=("dotnet $empty/bin/Release/net10.0/empty.dll")
  for build in "${builds[@]}"; do starts+=("${build#*|} analyze $small --format json"); done
  hyperfine -N --warmup 3 --runs 20 --export-json "$out/startup.json" "${starts[@]}" > "$out/startup.txt" 2>&1
  python3 - "$out/startup.json" "${builds[@]%%|*}" <<'PY'
import json, sys
e, *tools = json.load(open(sys.argv[1]))["results"]
for name, t in zip(sys.argv[2:], tools):
    print(f"start {name:7} 10 KB log: median {t['median']*1000:.0f} ms; empty .NET console app: median {e['median']*1000:.0f} ms; "
          f"ratio {t['median']/e['median']:.1f}x (hyperfine, 20 runs each)")
PY
else
  echo "start  hyperfine not installed: skipped"
fi

# ---- follow latency: a line in, its finding out -----------------------------------------------
signal() { echo "[4242] $(date -u +'%Y/%m/%d %H:%M:%S.%6N') [ERR] 10.9.9.9:4567 - cid:9 - authentication error"; }
wait_for() { # file pattern -> ms waited (capped at 10 s)
  local start; start=$(now_ns)
  while ! grep -q "$2" "$1" 2>/dev/null; do
    sleep 0.01
    (( ($(now_ns) - start) > 10000000000 )) && { echo "timeout"; return; }
  done
  ms "$start" "$(now_ns)"
}
followed="$out/followed.log"
fifo="$out/pipe.fifo"
for build in "${builds[@]}"; do
  name=${build%%|*}; read -r -a command <<< "${build#*|}"
  head -200 "$out/mix.log" > "$followed"
  "${command[@]}" analyze --follow "$followed" --format jsonl > "$out/follow.out" 2> "$out/follow.err" &
  follower=$!
  sleep 2   # start-up and the first read done
  signal >> "$followed"
  follow_ms=$(wait_for "$out/follow.out" '"cause":"auth"')
  kill "$follower" 2> /dev/null || true; wait "$follower" 2> /dev/null || true

  rm -f "$fifo"; mkfifo "$fifo"
  "${command[@]}" analyze - --format jsonl < "$fifo" > "$out/pipe.out" 2> "$out/pipe.err" &
  reader=$!
  exec 3> "$fifo"
  head -200 "$out/mix.log" >&3
  sleep 2
  signal >&3
  pipe_ms=$(wait_for "$out/pipe.out" '"cause":"auth"')
  exec 3>&-
  wait "$reader" 2> /dev/null || true
  rm -f "$fifo"
  echo "follow $name: a line appended to a followed file -> its finding printed: ${follow_ms} ms; written to a pipe: ${pipe_ms} ms"
done

[[ $status == 0 ]] && echo "planted counts: all exact" || echo "planted counts: MISMATCH"
exit $status
