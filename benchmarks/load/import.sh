#!/usr/bin/env bash
# Time to import a ROWS-row tab-separated plan through the API, and to publish it: the Release build on
# 127.0.0.1 over a fresh database (SQLite file, or a fresh PostgreSQL database on DONDOC_BENCH_POSTGRES),
# twelve departments leading, each also coordinating; repeated REPEAT times, each on a new draft.
#
#   dotnet build -c Release && benchmarks/load/import.sh sqlite|postgres [ROWS] [REPEAT]
set -euo pipefail
cd "$(dirname "$0")/../.."
source benchmarks/load/common.sh
PROVIDER=${1:-sqlite}
ROWS=${2:-2000}
REPEAT=${3:-3}
PORT=${DONDOC_LOAD_PORT:-5191}
WORK=$(mktemp -d)
PASSWORD=Mat-khau-Load-2026
CLI="dotnet $PWD/src/DonDoc.Cli/bin/Release/net10.0/dondoc.dll"
if [ "$PROVIDER" = postgres ]; then
  SERVER=${DONDOC_BENCH_POSTGRES:?set DONDOC_BENCH_POSTGRES}
  DB=dondoc_import_$$
  PSQL="$(echo "$SERVER" | sed 's/Host=/host=/;s/Port=/port=/;s/Username=/user=/;s/;/ /g') dbname=postgres"
  psql "$PSQL" -qc "CREATE DATABASE $DB"
  export Database__Provider=Postgres ConnectionStrings__Default="$SERVER;Database=$DB"
else
  export Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$WORK/dondoc.db"
fi
export Storage__EvidencePath="$WORK/evidence" Storage__KeysPath="$WORK/keys" Admin__Email=admin@load.vn Admin__Password=$PASSWORD
export Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production

(cd src/DonDoc.Web && exec dotnet bin/Release/net10.0/DonDoc.Web.dll --urls "http://127.0.0.1:$PORT") >"$WORK/app.log" 2>&1 &
APP=$!
cleanup() {
  kill $APP 2>/dev/null || true
  wait $APP 2>/dev/null || true
  [ "$PROVIDER" = postgres ] && psql "$PSQL" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
  rm -rf "$WORK"
}
trap cleanup EXIT
until curl -sf "http://127.0.0.1:$PORT/Account/Login" >/dev/null; do sleep 0.5; done
(cd "$WORK" && $CLI user add office@load.vn --role monitor --password $PASSWORD >/dev/null)

/usr/bin/python3 - "$WORK/plan.txt" "$ROWS" <<'PY'
import sys
leads = ["Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Xây dựng", "Sở Y tế", "Sở Công Thương",
         "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường",
         "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ"]
deadlines = ["30/6/2026", "Quý IV/2026", "Thường xuyên", "Ngày 25 hằng tháng", "31/12/2027", "Quý II/2027"]
def roman(n):
    out = ""
    for value, letters in [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]:
        while n >= value:
            out += letters
            n -= value
    return out
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("PHỤ LỤC\nDanh mục nhiệm vụ (Kèm theo Kế hoạch số 99/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân tỉnh)\n\n")
    f.write("TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn\tSản phẩm\n")
    for i in range(int(sys.argv[2])):
        if i % 100 == 0:
            f.write(f"{roman(i // 100 + 1)}\tNHÓM NHIỆM VỤ {i // 100 + 1}\t\t\t\t\n")
        f.write(f"{i % 100 + 1}\tNhiệm vụ số {i + 1} về cải cách hành chính và chuyển đổi số\t{leads[i % 12]}\t{leads[(i + 5) % 12]}\t{deadlines[i % 6]}\tBáo cáo kết quả\n")
PY

OFFICE=$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"office@load.vn\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/auth/login" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
for i in $(seq 1 "$REPEAT"); do
  start=$(date +%s.%N)
  PLAN=$(curl -sf -H "Authorization: Bearer $OFFICE" -F "file=@$WORK/plan.txt" "http://127.0.0.1:$PORT/api/imports" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  imported=$(date +%s.%N)
  curl -s -X POST -H "Authorization: Bearer $OFFICE" "http://127.0.0.1:$PORT/api/imports/$PLAN/publish" | tee "$WORK/publish.json" | grep -q '"tasks"' || { cat "$WORK/publish.json" >&2; exit 1; }
  published=$(date +%s.%N)
  echo "IMPORT	$PROVIDER	$ROWS rows	import $(echo "$imported - $start" | bc) s	publish $(echo "$published - $imported" | bc) s	load $(load_now)	round $i"
done
echo "RSS	$(rss $APP) MB"
