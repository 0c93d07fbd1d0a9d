#!/usr/bin/env bash
# The day's reminder job over a million tasks on PostgreSQL (issue 14: ≤ 60 s, memory bounded).
# Needs a running PostgreSQL (trust login for postgres on 127.0.0.1) and the Release build:
#   dotnet build -c Release && PGPORT=5443 benchmarks/reminders/run.sh [AS_OF]
# Creates the database dondoc_bench_reminders (dropped first), migrates it, seeds it with seed-postgres.sql,
# starts Debian's aiosmtpd (python3-aiosmtpd, /usr/bin/python3) on 127.0.0.1 as the mail server, then runs `dondoc reminders run --as-of AS_OF`
# twice under /usr/bin/time -v (the second run finds every notice already in the outbox) and a Sunday.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
AS_OF=${1:-2026-06-25}
TASKS=${DONDOC_BENCH_TASKS:-1000000}
PGPORT=${PGPORT:-5432}
DB=dondoc_bench_reminders
SMTP_PORT=${DONDOC_BENCH_SMTP_PORT:-2526}
WORK=$(mktemp -d)
PSQL="psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres"
CLI="dotnet $ROOT/src/DonDoc.Cli/bin/Release/net10.0/dondoc.dll"

$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
export Database__Provider=Postgres ConnectionStrings__Default="Host=127.0.0.1;Port=$PGPORT;Database=$DB;Username=postgres"
export App__PublicUrl=https://dondoc.example.vn Smtp__Host=127.0.0.1 Smtp__Port=$SMTP_PORT Smtp__Security=None Smtp__From="DonDoc <nhacviec@example.vn>"

/usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:$SMTP_PORT >"$WORK/mails.txt" 2>&1 &
SMTP=$!
trap 'kill $SMTP 2>/dev/null || true; wait $SMTP 2>/dev/null || true; rm -rf "$WORK"' EXIT

# An agency account: adding it seeds the agency directory, which the seed spreads the officers and tasks over.
(cd "$WORK" && $CLI db migrate >/dev/null && $CLI user add noivu@bench.vn --role agency --agency "Sở Nội vụ" --password Mat-khau-Bench-2026 >/dev/null)
kill -0 $SMTP 2>/dev/null || { echo "aiosmtpd did not start on 127.0.0.1:$SMTP_PORT:" >&2; cat "$WORK/mails.txt" >&2; exit 1; }
echo "seeding ($TASKS tasks)…"
start=$(date +%s)
$PSQL -d $DB -v tasks=$TASKS -f "$ROOT/benchmarks/reminders/seed-postgres.sql"
echo "seeded in $(( $(date +%s) - start )) s: $($PSQL -d $DB -At -c 'SELECT count(*) FROM plan_tasks') tasks, $($PSQL -d $DB -At -c 'SELECT count(*) FROM task_assignments') assignments, $($PSQL -d $DB -At -c 'SELECT count(*) FROM "AspNetUsers"') accounts"
[ "$($PSQL -d $DB -At -c 'SELECT count(*) FROM task_assignments')" -gt 0 ] || { echo "the seed assigned no task (no agency directory?)" >&2; exit 1; }

for label in first second sunday; do
  day=$AS_OF
  [ $label = sunday ] && day=2026-06-28
  echo "== $label run, --as-of $day"
  (cd "$WORK" && /usr/bin/time -v $CLI reminders run --as-of "$day" >"$WORK/out.txt" 2>"$WORK/time.txt") || { cat "$WORK/out.txt" "$WORK/time.txt"; exit 1; }
  grep -E "^Ngày|^Đã gửi|^Thời gian|^  [a-z_]+\s[0-9]+" "$WORK/out.txt" || true
  grep -E "Elapsed \(wall clock\)|User time|System time|Maximum resident set size" "$WORK/time.txt"
done
echo "outbox: $($PSQL -d $DB -At -F ' ' -c "SELECT \"Channel\", \"State\", count(*) FROM notifications GROUP BY 1, 2 ORDER BY 1, 2" | tr '\n' ';')"
echo "mails received by the SMTP server: $(grep -c '^---------- MESSAGE FOLLOWS' "$WORK/mails.txt" || true)"
