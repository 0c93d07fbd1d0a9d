#!/usr/bin/env bash
# Load on the JSON API: the Release build on 127.0.0.1 over a fresh SQLite file, a published plan of
# ROWS tasks led by twelve departments, then wrk against the lists an agency officer, a leader and the
# dashboard read most. Usage: dotnet build -c Release && benchmarks/load/run.sh [ROWS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
ROWS=${1:-2000}
SECONDS_PER_RUN=${2:-20}
PORT=${DONDOC_LOAD_PORT:-5190}
WORK=$(mktemp -d)
PASSWORD=Mat-khau-Load-2026
export ConnectionStrings__Default="Data Source=$WORK/dondoc.db" Storage__EvidencePath="$WORK/evidence" Storage__KeysPath="$WORK/keys"
export Admin__Email=admin@load.vn Admin__Password=$PASSWORD Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }

(cd src/DonDoc.Web && exec dotnet bin/Release/net10.0/DonDoc.Web.dll --urls "http://127.0.0.1:$PORT") >"$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT
until curl -sf "http://127.0.0.1:$PORT/Account/Login" >/dev/null; do sleep 0.5; done

CLI="dotnet $ROOT/src/DonDoc.Cli/bin/Release/net10.0/dondoc.dll"
(cd "$WORK" && $CLI user add office@load.vn --role monitor --password $PASSWORD >/dev/null \
  && $CLI user add leader@load.vn --role leader --password $PASSWORD >/dev/null \
  && $CLI user add noivu@load.vn --role agency --agency "Sở Nội vụ" --password $PASSWORD >/dev/null)

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

token() { curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/auth/login" \
  | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'; }
OFFICE=$(token office@load.vn)
start=$(date +%s.%N)
PLAN=$(curl -sf -H "Authorization: Bearer $OFFICE" -F "file=@$WORK/plan.txt" "http://127.0.0.1:$PORT/api/imports" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
imported=$(date +%s.%N)
curl -s -X POST -H "Authorization: Bearer $OFFICE" "http://127.0.0.1:$PORT/api/imports/$PLAN/publish" | tee "$WORK/publish.json" | grep -q "\"tasks\"" || { cat "$WORK/publish.json" >&2; exit 1; }
published=$(date +%s.%N)
echo "import of $ROWS rows: $(echo "$imported - $start" | bc) s; publish: $(echo "$published - $imported" | bc) s"

AGENCY=$(token noivu@load.vn)
LEADER=$(token leader@load.vn)
run() { echo; echo "--- $1"; wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $2" "http://127.0.0.1:$PORT$3" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx"; }
run "agency officer: GET /api/tasks (its $((ROWS / 6)) tasks)" "$AGENCY" "/api/tasks"
run "leader: GET /api/tasks?q=so noi vu qua han" "$LEADER" "/api/tasks?q=so%20noi%20vu%20qua%20han"
run "leader: GET /api/tasks/{id}" "$LEADER" "/api/tasks/$((ROWS / 2))"
run "leader: GET /api/dashboard ($ROWS tasks)" "$LEADER" "/api/dashboard"
echo; echo "app working set after the runs: $(( $(awk '/VmRSS/{print $2}' /proc/$(pgrep -f "DonDoc.Web.dll --urls http://127.0.0.1:$PORT" | head -1)/status) / 1024 )) MB"
