#!/usr/bin/env bash
# Lines per second through the fleet (ship -> workers -> fleet report) on the realistic debug-log
# mix of ../shared/bench/genlog.py, with 1 and then 2 workers, beside the single-process
# `analyze` of the same file in the same run, and the share of lines the workers forward.
# Each configuration gets a fresh nats-server -js (Debian's, on a free loopback port).
#   bench/fleet.sh [MIX_MB=256]
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
shared=""
for candidate in "$repo/../shared/bench" "$repo/../../shared/bench"; do
  [[ -f "$candidate/genlog.py" ]] && shared="$(cd "$candidate" && pwd)" && break
done
[[ -n "$shared" ]] || { echo "fleet.sh: ../shared/bench/genlog.py not found" >&2; exit 2; }
server_bin="$(command -v nats-server || echo /usr/sbin/nats-server)"
[[ -x "$server_bin" ]] || { echo "fleet.sh: nats-server not found (apt-get install -y nats-server)" >&2; exit 2; }
mix_mb=${1:-256}
out=/tmp/logtriage-bench/fleet
mkdir -p "$out"
# The tool as users install it on the workers' machines: dotnet publish -r <rid> (ReadyToRun), as all.sh does.
rid="$(dotnet --info 2>/dev/null | awk '/^ *RID:/ {print $2; exit}')"; rid=${rid:-linux-x64}
dotnet publish "$repo/src/LogTriage.Cli" -c Release -r "$rid" --self-contained false -o "$out/tool" --nologo -v quiet \
  > "$out/publish.log" 2>&1 || { tail -20 "$out/publish.log" >&2; exit 2; }
cli=(dotnet "$out/tool/LogTriage.Cli.dll")
log="$out/mix-$mix_mb.log"
[[ -f "$log" ]] || python3 "$shared/genlog.py" "$log" "$mix_mb" > "$log.planted"
lines=$(wc -l < "$log")
cat "$log" > /dev/null

now() { date +%s%N; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }   # user + system time of a process, in clock ticks
ms() { echo $(( ($2 - $1) / 1000000 )); }
rate() { python3 -c "print(f'{$1 / ($2 / 1000):,.0f}')"; }

start_server() { # -> sets port, pid
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  rm -rf "$out/js"; "$server_bin" -a 127.0.0.1 -p "$port" -js -sd "$out/js" > "$out/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 50); do grep -q "Server is ready" "$out/server.log" && break; sleep 0.1; done
}

t0=$(now); "${cli[@]}" analyze "$log" --format json --quiet > "$out/single.json"; t1=$(now)
single=$(ms "$t0" "$t1")
echo "fleet benchmark, $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$repo" rev-parse --short HEAD)"
echo "input: $mix_mb MiB realistic debug mix, $lines lines"
echo "single process analyze:        $single ms   $(rate "$lines" "$single") lines/s"

for workers in 1 2; do
  start_server
  url="nats://127.0.0.1:$port"
  t0=$(now); "${cli[@]}" ship "$log" --nats "$url" --create --server-name bench 2> "$out/ship.err"; t1=$(now)
  pids=()
  server_cpu0=$(cpu_ticks "$pid")
  for w in $(seq "$workers"); do /usr/bin/time -f "%U %S" -o "$out/worker-$w.cpu" "${cli[@]}" worker --nats "$url" --once 2> "$out/worker-$w.err" & pids+=($!); done
  wait "${pids[@]}"; t2=$(now)
  server_cpu=$(python3 -c "print(($(cpu_ticks "$pid") - $server_cpu0) / $(getconf CLK_TCK))")
  worker_cpu=$(cat "$out"/worker-*.cpu | awk '{ s += $1 + $2 } END { print s }')
  "${cli[@]}" fleet report --nats "$url" --format json > "$out/fleet-$workers.json" 2> "$out/fleet.err"; t3=$(now)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  kept=$(cat "$out"/worker-*.err | sed -n 's/.*kept \([0-9]*\) signal lines.*/\1/p' | paste -sd+ | bc)
  rm -f "$out"/worker-*.err "$out"/worker-*.cpu
  same=$(python3 - "$out/single.json" "$out/fleet-$workers.json" <<'PY'
import json, sys
pick = lambda p: [(c["cause"], c["count"], c["severity"]) for c in json.load(open(p))["causes"]]
print("same causes and counts" if pick(sys.argv[1]) == pick(sys.argv[2]) else "DIFFERENT causes or counts")
PY
)
  echo "fleet, $workers worker(s): ship $(ms "$t0" "$t1") ms, workers $(ms "$t1" "$t2") ms ($(rate "$lines" "$(ms "$t1" "$t2")") lines/s), fleet report $(ms "$t2" "$t3") ms; end to end $(ms "$t0" "$t3") ms ($(rate "$lines" "$(ms "$t0" "$t3")") lines/s); signal lines forwarded: $kept of $lines ($(python3 -c "print(f'{100*$kept/$lines:.3f}')") %); $same"
  # What the cores allow: the CPU the workers and the server spent, spread over every core, is the
  # shortest the worker stage could have taken here.
  echo "   CPU during the worker stage: workers $worker_cpu s, server $server_cpu s; on $(nproc) cores at least $(python3 -c "print(f'{($worker_cpu + $server_cpu) * 1000 / $(nproc):.0f}')") ms"
done
