#!/usr/bin/env bash
# Runs the whole LogTriage test suite on a fresh machine: installs the real nats-server,
# chromium and clang the integration tests need when they are missing, builds, tests, and ends with one summary line
# "N passed, N failed[, N skipped]" computed from the test results file.
set -uo pipefail
cd "$(dirname "$0")/.."

# The real parts the integration tests use: Debian's nats-server, Chromium (for the HTML report)
# and clang (for the native build).
missing=()
command -v nats-server >/dev/null 2>&1 || [ -x /usr/sbin/nats-server ] || missing+=(nats-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# clang (and zlib's headers) publish the native build that NativeBuildTests compare with the .NET one.
command -v clang >/dev/null 2>&1 || missing+=(clang)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing Debian's ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
    || echo "could not install ${missing[*]}; the tests that need them will fail" >&2
fi

results="$(pwd)/tests/TestResults"
rm -rf "$results"
dotnet test LogTriage.sln --nologo -c Release \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory "$results"
status=$?

trx=$(find "$results" -name '*.trx' 2>/dev/null | head -n 1)
if [ -z "$trx" ]; then
  echo "no test results were written (build failure?)"
  echo "0 passed, 1 failed"
  exit 1
fi
counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
passed=$(count passed); failed=$(count failed); errors=$(count error); timeout=$(count timeout)
aborted=$(count aborted); notexec=$(count notExecuted); inconclusive=$(count inconclusive)
failed=$((failed + errors + timeout + aborted))
skipped=$((notexec + inconclusive))
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
