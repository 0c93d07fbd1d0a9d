#!/usr/bin/env python3
"""Draft a golden (shared/SCHEMA.md) from the task table of a .docx, for a person to check and fix
by hand: never use it unread.  The mapping of columns is given per document in a small JSON spec:
  {"docx": "...", "table": 2, "skip": 1, "cols": {"number": 0, "content": 1, "lead": 3, ...},
   "plan": {...}, "plan_year": 2014, "headings": "auto"}
Rows whose number is a Roman numeral or a capital letter (or that have only a content cell) and no
lead/deadline are section headings; the section id is the path of heading numbers joined by ".".
usage: central_draft_golden.py SPEC.json > draft.json"""
import calendar, json, re, sys, os
sys.path.insert(0, os.path.dirname(__file__))
from central_docx_tables import tables
from central_rows import grid

ROMAN = re.compile(r"^[IVX]+$")  # section numerals in plans stay below XL; C, D, L are part letters
QUARTER = {"I": 3, "II": 6, "III": 9, "IV": 12, "1": 3, "2": 6, "3": 9, "4": 12}


def ws(s):
    return re.sub(r"\s+", " ", s or "").strip() or None


def end_of_month(y, m):
    return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


def deadline(raw, year):
    if not raw:
        return {"kind": "unknown", "due": None, "detail": "no deadline in the row"}
    t = raw.lower()
    if re.search(r"thường xuyên|liên tục", t) and not re.search(r"\d{4}", t):
        return {"kind": "continuous", "due": None, "detail": "continuous"}
    if re.search(r"^theo |sau khi|khi được", t):
        return {"kind": "conditional", "due": None, "detail": raw}
    if re.search(r"h[àằ]ng (năm|quý|tháng|tuần)|định kỳ", t):
        return {"kind": "recurring", "due": None, "detail": "recurring"}
    m = re.findall(r"(\d{1,2})/(\d{1,2})/(\d{4})", t)
    if m and not re.search(r"quý|tháng", t):
        d, mo, y = map(int, m[-1])
        return {"kind": "date", "due": f"{y:04d}-{mo:02d}-{d:02d}", "detail": raw}
    q = re.findall(r"qu[ýy]\s*([IV]+|\d)(?:\s*(?:/|năm)\s*(\d{4}))?", raw, re.I)
    if q:
        yrs = re.findall(r"\d{4}", raw)
        y = int(yrs[-1]) if yrs else year
        qq = q[-1][0].upper()
        return {"kind": "period_end", "due": end_of_month(y, QUARTER[qq]), "detail": f"end of quarter {qq}/{y}"}
    mo = re.findall(r"tháng\s*(\d{1,2})\s*(?:/|năm)\s*(\d{4})", t) or re.findall(r"(?<![\d/])(\d{1,2})/(\d{4})", t)
    if mo:
        mm, y = map(int, mo[-1])
        return {"kind": "period_end", "due": end_of_month(y, mm), "detail": f"end of {mm:02d}/{y}"}
    mo = re.findall(r"tháng\s*(\d{1,2})(?!\d)", t)
    if mo and year:
        mm = int(mo[-1])
        return {"kind": "period_end", "due": end_of_month(year, mm), "detail": f"end of {mm:02d}/{year} (plan year)"}
    if re.search(r"6 tháng đầu năm", t):
        y = int(re.findall(r"\d{4}", t)[-1]) if re.findall(r"\d{4}", t) else year
        return {"kind": "period_end", "due": f"{y}-06-30", "detail": f"first half of {y}"}
    yrs = re.findall(r"(?<!\d)(\d{4})(?!\d)", t)
    if yrs:
        y = int(yrs[-1])
        return {"kind": "period_end", "due": f"{y}-12-31", "detail": f"end of {y}"}
    if re.search(r"trong năm|cả năm", t) and year:
        return {"kind": "period_end", "due": f"{year}-12-31", "detail": f"within the plan year {year}"}
    return {"kind": "unknown", "due": None, "detail": raw}


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    g = grid(tables(spec["docx"])[spec["table"]])[spec.get("skip", 1):]
    cols = spec["cols"]
    year = spec.get("plan_year")
    path, titles, tasks = [], [], []
    nums = [ws(r[cols["number"]]) or "" for r in g]
    for ri, row in enumerate(g):
        get = lambda k: ws(row[cols[k]]) if k in cols and cols[k] < len(row) else None
        num, content = get("number"), get("content")
        others = [get(k) for k in ("lead", "deadline", "coordinators", "product") if k in cols]
        if not content and not num:
            continue
        is_heading = (num and (ROMAN.match(num.rstrip(".")) or re.match(r"^[A-ZĐ]\.?$", num))) and not any(others)
        if not num and content and not any(others) and len(set(x for x in row if x)) == 1:
            is_heading = True
        nxt = next((n for n in nums[ri + 1:] if n), "")
        if num and not any(others) and nxt.startswith(num.rstrip(".") + "."):
            is_heading = True   # a numbered group row ("3") whose children are "3.1", "3.2"
        if is_heading:
            hid = (num or "").rstrip(".") or None
            m = re.match(r"^([IVX]+|[A-ZĐ])[.)]\s+(.*)$", content or "")
            if not hid and m:
                hid, content = m.group(1), m.group(2)
            level = 1 if (hid and ROMAN.match(hid)) else (0 if hid and re.match(r"^[A-ZĐ]$", hid) else 2)
            while path and path[-1][0] >= level:
                path.pop()
            path.append((level, hid, content))
            continue
        while path and path[-1][0] == 2 and not (num or "").startswith(path[-1][1] + "."):
            path.pop()   # a task outside the numbered group closes it
        dl_raw = get("deadline")
        task = {
            "section": ".".join(p[1] for p in path if p[1]) or None,
            "section_title": path[-1][2] if path else None,
            "number": num.rstrip(".") if num else None,
            "content": content,
            "lead": get("lead"),
            "coordinators": get("coordinators"),
            "deadline_raw": dl_raw,
            "deadline": deadline(dl_raw, year),
            "product": get("product"),
            "evidence": get("evidence"),
            "budget_vnd": None,
            "note": get("note"),
        }
        tasks.append(task)
    json.dump({"document": None, "plan": spec["plan"], "tasks": tasks}, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
