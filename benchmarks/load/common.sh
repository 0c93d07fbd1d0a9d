# Shared by the load scripts: wrk with report.lua, sign-in to a page cookie, process memory.
LOAD_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}

# run LABEL URL HEADER... : prints "RESULT label rps p50 p95 p99 requests errors"
run() {
  local label=$1 url=$2; shift 2
  local headers=()
  for h in "$@"; do headers+=(-H "$h"); done
  LABEL=$label wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 30s -s "$LOAD_DIR/report.lua" "${headers[@]}" "$url" | grep '^RESULT' || echo "RESULT	$label	failed"
}

# warm LABEL URL HEADER... : a few requests first (caches), the page must answer 200, then WARM_SECONDS of load (JIT)
warm() {
  local label=$1 url=$2; shift 2
  local args=()
  for h in "$@"; do args+=(-H "$h"); done
  local code
  for _ in 1 2 3; do code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 600 "${args[@]}" "$url"); done
  [ "$code" = 200 ] || { echo "$label: $url answers $code" >&2; return 1; }
  # Then load, unmeasured, for WARM_SECONDS: the runtime compiles a hot method again, optimised with what it saw
  # (tiered compilation, dynamic PGO), only after it has run many times. Without this the first round measures
  # the first compilation: on the 200k dashboard 347 ms p95 in round 1, 95 ms in round 2.
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARM_SECONDS:-5}s" --timeout 30s "${args[@]}" "$url" >/dev/null
}

# rss PID : resident memory in MB
rss() { echo $(( $(awk '/VmRSS/{print $2}' "/proc/$1/status") / 1024 )); }

# load_now : the 1-minute load average of the machine
load_now() { cut -d' ' -f1 /proc/loadavg; }
