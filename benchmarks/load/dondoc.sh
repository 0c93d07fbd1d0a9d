#!/usr/bin/env bash
# Load on DonDoc's pages over a seeded database: the Release build on 127.0.0.1, `dondoc seed` (once per
# size; the data is kept under benchmarks/load/data), then wrk (report.lua) on the dashboard, an agency
# officer's page, the overdue list, a search, a task page and a plan page, signed in with the pages' cookie.
#
#   dotnet build -c Release
#   benchmarks/load/dondoc.sh sqlite|postgres TASKS AGENCIES [SECONDS] [ROUNDS]
#
# PostgreSQL: DONDOC_BENCH_POSTGRES names the server ("Host=127.0.0.1;Port=5447;Username=postgres"); the
# database is dondoc_bench_TASKS_AGENCIES. Output: the seed time, one RESULT line per page and round
# (label, requests/s, p50, p95, p99 in ms, requests, errors), the app's RSS and the machine's load.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source benchmarks/load/common.sh
PROVIDER=$1
TASKS=$2
AGENCIES=$3
SECONDS_PER_RUN=${4:-20}
ROUNDS=${5:-1}
PORT=${DONDOC_LOAD_PORT:-5190}
DATA=${DONDOC_BENCH_DATA:-$ROOT/benchmarks/load/data}/$PROVIDER-$TASKS-$AGENCIES
PASSWORD=Mat-khau-Load-2026
CLI="dotnet $ROOT/src/DonDoc.Cli/bin/Release/net10.0/dondoc.dll"
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
mkdir -p "$DATA"

case $PROVIDER in
  sqlite)
    export Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$DATA/dondoc.db" ;;
  postgres)
    SERVER=${DONDOC_BENCH_POSTGRES:?set DONDOC_BENCH_POSTGRES to a PostgreSQL server}
    DB=dondoc_bench_${TASKS}_${AGENCIES}
    export Database__Provider=Postgres ConnectionStrings__Default="$SERVER;Database=$DB;Maximum Pool Size=50" ;;
  *) echo "provider: sqlite or postgres" >&2; exit 2 ;;
esac
export Storage__EvidencePath="$DATA/evidence" Storage__KeysPath="$DATA/keys" Admin__Email=admin@load.vn Admin__Password=$PASSWORD
export Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production

if [ ! -f "$DATA/seeded" ]; then
  if [ "$PROVIDER" = postgres ]; then
    psql "$(echo "$SERVER" | sed 's/Host=/host=/;s/Port=/port=/;s/Username=/user=/;s/;/ /g') dbname=postgres" -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  else
    rm -f "$DATA"/dondoc.db*
  fi
  echo "seed: load $(load_now)"
  start=$(date +%s.%N)
  (cd "$DATA" && $CLI seed --tasks "$TASKS" --agencies "$AGENCIES" 2>"$DATA/seed.log" | tail -1)
  echo "SEED	$PROVIDER	$TASKS	$AGENCIES	$(echo "$(date +%s.%N) - $start" | bc) s	load $(load_now)"
  (cd "$DATA" && $CLI user add leader@load.vn --role leader --password $PASSWORD >/dev/null \
    && $CLI user add noivu@load.vn --role agency --agency "Sở Nội vụ" --password $PASSWORD >/dev/null)
  touch "$DATA/seeded"
fi

(cd src/DonDoc.Web && exec dotnet bin/Release/net10.0/DonDoc.Web.dll --urls "http://127.0.0.1:$PORT") >"$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/Account/Login" >/dev/null; do
  kill -0 $APP 2>/dev/null || { tail -20 "$DATA/app.log" >&2; exit 1; }
  sleep 1
done
BASE=http://127.0.0.1:$PORT

# The pages' cookie for a user, as a Cookie header.
cookie() {
  local jar=$DATA/cookies-$1
  rm -f "$jar"
  local token
  token=$(curl -s -c "$jar" "$BASE/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Email=$1" --data-urlencode "Password=$PASSWORD" --data-urlencode "__RequestVerificationToken=$token" "$BASE/Account/Login"
  echo "Cookie: $(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }')"
}
LEADER=$(cookie leader@load.vn)
OFFICER=$(cookie noivu@load.vn)
TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"leader@load.vn\",\"password\":\"$PASSWORD\"}" "$BASE/api/auth/login" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
# A plan from the middle of the list and a task from the middle of that plan.
read -r PLAN TASK < <(/usr/bin/python3 - "$BASE" "$TOKEN" <<'PY'
import json, sys, urllib.request
base, token = sys.argv[1], sys.argv[2]
def get(path):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(request, timeout=600))
plans = get("/api/plans?limit=100")["items"]
plan = plans[len(plans) // 2]["id"]
tasks = get(f"/api/plans/{plan}?limit=200")["tasks"]["items"]
print(plan, tasks[len(tasks) // 2]["id"])
PY
)

PAGES=(
  "dashboard|$BASE/Dashboard|$LEADER"
  "officer|$BASE/DonVi|$OFFICER"
  "overdue|$BASE/Search?q=qu%C3%A1%20h%E1%BA%A1n|$LEADER"
  "search|$BASE/Search?q=s%E1%BB%91%20h%C3%B3a|$LEADER"
  "task|$BASE/Tasks/$TASK|$LEADER"
  "plan|$BASE/Plans/$PLAN|$LEADER"
)
for page in "${PAGES[@]}"; do
  IFS='|' read -r label url header <<<"$page"
  warm "$label" "$url" "$header"
done

echo "# $PROVIDER $TASKS tasks, $AGENCIES agencies; plan $PLAN, task $TASK; wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s"
for round in $(seq 1 "$ROUNDS"); do
  for page in "${PAGES[@]}"; do
    IFS='|' read -r label url header <<<"$page"
    echo "$(run "$label" "$url" "$header")	load $(load_now)	round $round"
  done
done
echo "RSS	$(rss $APP) MB	load $(load_now)"
