#!/usr/bin/env python3
"""Renders a document WE WROTE (tests/corpus/own/<id>.txt) into its original form and its golden.

usage: own_render.py tests/corpus/own/o01.txt [--print]

Writes docs/<id>_<slug>.html (original "html") or docs/<id>_<slug>.docx (original "docx", a Word
file written directly as OOXML: vMerge/gridSpan cells, repeated header rows, a borderless header
table, an optional landscape section), and golden/<id>_<slug>.html.json, the golden of the document
as its author knows it. Then run
    python3 tests/corpus/tools/derive.py docs/<id>_<slug>.<html|docx>
    python3 tests/corpus/tools/golden_forms.py <id>_<slug> [--drop-prose]
With --print, prints every golden task (one per line) and every deadline reading, for review.

The spec is a text file, one block per line:
  @key value          metadata: id, slug, original (html|docx), issuer (full body name, golden),
                      issuer_lines (header cell lines, "|" between lines), number (golden, as printed),
                      number_line (printed, default "Số: <number>"), place_date, issued_on (YYYY-MM-DD),
                      doctype (printed above the title, default "KẾ HOẠCH"), title (repeatable: printed
                      lines of the title, joined by a space in the golden), golden_title (override),
                      year (plan year), notes (golden notes), modelled_on, nodeadline (detail of tasks
                      without a deadline cell), motto (header right cell lines, "|" between lines),
                      sign (repeatable: signer block lines), recipients (repeatable)
  @dl RAW => kind|due|detail   how a deadline cell is read (overrides the built-in readings)
  !header / !header-paras      national header block as a borderless two-column table / as paragraphs
  = TEXT / =t TEXT / =x TEXT   centred bold paragraph / the same, marked as title / as a table caption
  ~ TEXT                       centred italic paragraph
  # TEXT                       bold paragraph that assigns nothing
  H<n> ID | TEXT [%% k=v; ...] prose heading printed "ID. TEXT" (level n) -- sets the section path
  T ID | TEXT [%% k=v; ...]    prose task printed "ID. TEXT" ("a) TEXT" when ID ends with ")")
     - Label: value            labelled line of the task above (Nội dung, Cơ quan chủ trì, ...);
     a) Label: value           the same with a letter instead of the dash
     + Label: value            the same with a "+" instead of the dash
     - text / + text / > text  continuation of the task's content (printed as is; ">" plain)
  !pagebreak / !landscape / !portrait / !sign
  !table [thead] [heading=span|inline|full] [font=N]
  !cols NAME:role[:width] | ...   roles: number content lead coordinators deadline product evidence
                                  budget[*UNIT] note skip
  !hrow CELL | CELL ...           header row; a cell may end with {rN} {cN}
  H<n> ID | TEXT [%% ...]         heading row of the table
  X CELL | CELL ...               a printed row that is no task (a total); the last cell spans the rest
  CELL | CELL | ...               task row; "^" = merged with the cell above; "<<" = merged with the
                                  cell on the left; "\\" inside a cell = line break
  !endtable
  anything else                   justified paragraph
Row/heading options after "%%": lead=… (implicit lead for tasks below a heading or for this task),
dl=kind|due|detail, style=span|inline|full, print=… (printed heading text), number=…, content=…
"""
import html as htmllib
import json
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
LABELS = [
    (r"Nội dung( thực hiện| công việc)?", "content"),
    (r"(Cơ quan|Đơn vị) chủ trì( thực hiện)?|Chủ trì|Cơ quan thực hiện|Đơn vị thực hiện|Cơ quan trình", "lead"),
    (r"(Cơ quan|Đơn vị) phối hợp( thực hiện)?|Phối hợp", "coordinators"),
    (r"Thời gian( thực hiện| hoàn thành| trình)?|Thời hạn( hoàn thành)?|Tiến độ( thực hiện)?", "deadline"),
    (r"Sản phẩm( đầu ra)?|Kết quả( dự kiến)?|Hình thức văn bản", "product"),
    (r"Kinh phí( thực hiện)?", "budget"),
    (r"Ghi chú", "note"),
]
MONTH_END = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def month_end(y, m):
    d = MONTH_END[m] + (1 if m == 2 and (y % 4 == 0 and (y % 100 or y % 400 == 0)) else 0)
    return f"{y:04d}-{m:02d}-{d:02d}"


def builtin_reading(raw):
    """The readings that need no judgement; everything else is written in the spec with @dl."""
    s = re.sub(r"\s+", " ", raw).strip().rstrip(".")
    if re.fullmatch(r"(Thực hiện )?[Tt]hường xuyên", s):
        return ("continuous", None, "continuous")
    m = re.fullmatch(r"(?:Trong |Hoàn thành trong |Trước hết )?[Qq]u[ýí] (I|II|III|IV)[/ -]+(?:năm )?(\d{4})", s)
    if m:
        q, y = ROMAN[m.group(1)], int(m.group(2))
        return ("period_end", month_end(y, q * 3), f"end of Q{q}/{y}")
    m = re.fullmatch(r"(?:Trong |Hoàn thành trong )?(?:[Tt]háng )?(\d{1,2})[/-](\d{4})", s)
    if m and 1 <= int(m.group(1)) <= 12:
        mo, y = int(m.group(1)), int(m.group(2))
        return ("period_end", month_end(y, mo), f"end of {mo:02d}/{y}")
    m = re.fullmatch(r"(?:Trong |Hoàn thành trong )?(?:[Nn]ăm )?(\d{4})", s)
    if m:
        return ("period_end", f"{m.group(1)}-12-31", f"end of {m.group(1)}")
    m = re.fullmatch(r"(Trước|Chậm nhất|Hoàn thành trước|Hoàn thành chậm nhất|Xong trước)?(?: là)?(?: ngày)? ?"
                     r"(\d{1,2})/(\d{1,2})/(\d{4})", s)
    if m:
        d, mo, y = int(m.group(2)), int(m.group(3)), int(m.group(4))
        word = {"Trước": "before", None: "on"}.get(m.group(1), "no later than")
        return ("date", f"{y:04d}-{mo:02d}-{d:02d}", f"{word} {d:02d}/{mo:02d}/{y}")
    return None


def parse_opts(text):
    if "%%" not in text:
        return text.strip(), {}
    text, opts = text.split("%%", 1)
    out = {}
    for part in opts.split(";"):
        if "=" in part:
            k, v = part.split("=", 1)
            out[k.strip()] = v.strip()
    return text.strip(), out


def cell_lines(text):
    return [l.strip() for l in text.split("\\\\")] if text else []


def joined(text):
    return re.sub(r"\s+", " ", " ".join(cell_lines(text))).strip() or None


# ---------------------------------------------------------------- model
class Para:
    def __init__(self, text, align="justify", bold=False, italic=False, cls="", indent=True, size=None):
        self.text, self.align, self.bold, self.italic, self.cls, self.indent = text, align, bold, italic, cls, indent
        self.size = size
        self.page_break = False
        self.section_break = None  # "landscape"/"portrait": this paragraph ends a section of the other kind


class Cell:
    def __init__(self, lines, header=False, bold=False, align=None, rowspan=1, colspan=1):
        self.lines, self.header, self.bold, self.align = lines, header, bold, align
        self.rowspan, self.colspan = rowspan, colspan


class Table:
    def __init__(self, kind, widths, font=None):
        self.kind = kind  # "header", "tasks", "sign"
        self.widths = widths
        self.rows = []  # list of list of Cell-or-None (None = covered by a merge)
        self.head_rows = 0
        self.thead = False
        self.font = font
        self.page_break = False


class Doc:
    def __init__(self, path):
        self.meta = {"title": [], "sign": [], "recipients": []}
        self.readings = {}
        self.blocks = []
        self.tasks = []
        self.path = path
        self.unread = []


def reading(doc, raw, override=None):
    if override:
        kind, due, detail = (override.split("|") + ["", ""])[:3]
        return {"kind": kind, "due": due or None, "detail": detail}
    key = re.sub(r"\s+", " ", raw).strip().rstrip(".")
    if key in doc.readings:
        kind, due, detail = doc.readings[key]
        return {"kind": kind, "due": due or None, "detail": detail}
    r = builtin_reading(key)
    if r is None:
        doc.unread.append(key)
        return {"kind": "unknown", "due": None, "detail": "UNREAD"}
    return {"kind": r[0], "due": r[1], "detail": r[2]}


def budget_value(text, unit):
    t = (text or "").strip()
    if not t or not re.search(r"\d", t):
        return None
    t = t.replace(" ", "")
    if "," in t:
        whole, frac = t.split(",", 1)
        v = float(whole.replace(".", "") + "." + frac)
    else:
        v = float(t.replace(".", ""))
    return int(round(v * unit))


class Sections:
    def __init__(self):
        self.stack = {}  # level -> (id, text, lead)

    def enter(self, level, hid, text, lead):
        for l in [l for l in self.stack if l >= level]:
            del self.stack[l]
        self.stack[level] = (hid, text, lead)

    def path(self):
        if not self.stack:
            return None, None, None
        levels = sorted(self.stack)
        parts = [self.stack[l][0] for l in levels]
        # a heading id that extends its parent's ("5.1" under "5") already holds it: "B.III.5.1"
        parts = [p for k, p in enumerate(parts) if not (k + 1 < len(parts) and parts[k + 1].startswith(p + "."))]
        ids = ".".join(parts)
        title = self.stack[levels[-1]][1]
        lead = next((self.stack[l][2] for l in reversed(levels) if self.stack[l][2]), None)
        return ids, title, lead


def new_task(doc, sections, number, content, origin):
    sec, title, implicit = sections.path()
    t = {"section": sec, "section_title": title, "number": number, "content": content, "lead": None,
         "coordinators": None, "deadline_raw": None, "deadline": None, "product": None, "evidence": None,
         "budget_vnd": None, "note": None, "_origin": origin, "_implicit": implicit}
    doc.tasks.append(t)
    return t


def finish_task(doc, t, opts=None):
    opts = opts or {}
    if "lead" in opts:
        t["lead"] = opts["lead"]
    if t["lead"] is None and t["_implicit"]:
        t["lead"] = t["_implicit"]
    if "number" in opts:
        t["number"] = opts["number"]
    if "content" in opts:
        t["content"] = opts["content"]
    if t["deadline"] is None:
        if t["deadline_raw"]:
            t["deadline"] = reading(doc, t["deadline_raw"], opts.get("dl"))
        elif "dl" in opts:
            t["deadline"] = reading(doc, "", opts["dl"])
        else:
            t["deadline"] = {"kind": "unknown", "due": None,
                             "detail": doc.meta.get("nodeadline", "no deadline in the plan text")}
    del t["_implicit"]


# ---------------------------------------------------------------- parse
def parse(path):
    doc = Doc(path)
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for line in lines:  # readings first: a task may come before its @dl line
        if line.startswith("@dl "):
            raw, rd = line[4:].split("=>", 1)
            doc.readings[re.sub(r"\s+", " ", raw).strip().rstrip(".")] = tuple((rd.strip().split("|") + ["", ""])[:3])
    sections = Sections()
    i = 0
    pending_break = False
    current = None  # open prose task
    current_opts = {}

    def close_prose():
        nonlocal current, current_opts
        if current is not None:
            current["content"] = re.sub(r"\s+", " ", current["content"]).strip()
            finish_task(doc, current, current_opts)
        current, current_opts = None, {}

    def add(block):
        nonlocal pending_break
        if pending_break:
            block.page_break = True
            pending_break = False
        doc.blocks.append(block)

    while i < len(lines):
        line = lines[i].rstrip()
        i += 1
        if not line.strip() or line.startswith("//"):
            continue
        if line.startswith("@dl "):
            continue
        if line.startswith("@"):
            k, _, v = line[1:].partition(" ")
            if k in ("title", "sign", "recipients"):
                doc.meta[k].append(v.strip())
            else:
                doc.meta[k] = v.strip()
            continue
        # labelled / continuation lines of an open prose task
        if current is not None and re.match(r"^\s*([-+>]|[a-zđ]\)) ", line):
            text = line.strip()
            marker, _, body = text.partition(" ")
            body = body.strip()
            if marker != ">":
                m = re.match(r"^(" + "|".join(p for p, _ in LABELS) + r")\s*:\s*(.*)$", body)
                if m:
                    field = next(f for p, f in LABELS if re.fullmatch(p, m.group(1)))
                    value = m.group(m.lastindex).strip()
                    if field == "content":
                        current["content"] += " " + value
                    elif field == "deadline":
                        current["deadline_raw"] = value
                    elif field == "budget":
                        current["budget_vnd"] = budget_value(re.sub(r"[^\d.,]", "", value.split("đồng")[0]), 1)
                    else:
                        current[field] = value
                    add(Para(text, indent=True))
                    continue
            current["content"] += " " + (body if marker == ">" else text)
            add(Para(body if marker == ">" else text, indent=True))
            continue
        close_prose()
        if line == "!header" or line == "!header-paras":
            add_header(doc, add, as_table=(line == "!header"))
        elif line == "!pagebreak":
            pending_break = True
        elif line in ("!landscape", "!portrait"):
            p = Para("", indent=False)
            p.section_break = "portrait" if line == "!landscape" else "landscape"
            add(p)
        elif line == "!sign":
            add_sign(doc, add)
        elif line.startswith("!table"):
            i = parse_table(doc, lines, i, line, sections if "insection" in line else Sections(), add)
        elif re.match(r"^H\d ", line):
            level = int(line[1])
            body, opts = parse_opts(line[3:])
            hid, _, text = body.partition(" | ")
            hid, text = hid.strip(), text.strip()
            sections.enter(level, hid.rstrip(".)"), text, opts.get("lead"))
            printed = opts.get("print") or (f"{hid} {text}" if hid.endswith(")") else f"{hid}. {text}")
            add(Para(printed, bold=True, indent=True))
        elif line.startswith("T "):
            body, opts = parse_opts(line[2:])
            tid, _, text = body.partition(" | ")
            tid, text = tid.strip(), text.strip()
            printed = opts.get("print") or (f"{tid} {text}" if tid.endswith(")") else f"{tid}. {text}")
            add(Para(printed, bold=opts.get("bold") == "1", indent=True))
            current = new_task(doc, sections, tid.rstrip(".)"), text, "body")
            current_opts = opts
        elif line.startswith("=t "):
            add(Para(line[3:], align="center", bold=True, cls="title", indent=False))
        elif line.startswith("=x "):
            add(Para(line[3:], align="center", bold=True, cls="xlsx-head", indent=False))
        elif line.startswith("= "):
            add(Para(line[2:], align="center", bold=True, indent=False))
        elif line.startswith("~ "):
            add(Para(line[2:], align="center", italic=True, indent=False))
        elif line.startswith("# "):
            add(Para(line[2:], bold=True, indent=True))
        else:
            add(Para(line.strip()))
    close_prose()
    return doc


def add_header(doc, add, as_table):
    m = doc.meta
    left = m["issuer_lines"].split("|")
    right = (m.get("motto") or "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do - Hạnh phúc").split("|")
    number_line = m.get("number_line") or f"Số: {m['number']}"
    if as_table:
        t = Table("header", [40, 60])
        t.rows.append([Cell(left + ["_______"], bold=True, align="center"),
                       Cell(right + ["_______________________"], bold=True, align="center")])
        t.rows.append([Cell([number_line], align="center"), Cell([m["place_date"]], align="center")])
        t.rows[1][1].italic = True
        add(t)
    else:
        for l in left:
            add(Para(l, align="left", bold=True, indent=False))
        add(Para(number_line, align="left", indent=False))
        for l in right:
            add(Para(l, align="right", bold=True, indent=False))
        add(Para(m["place_date"], align="right", italic=True, indent=False))


def add_sign(doc, add):
    m = doc.meta
    t = Table("sign", [50, 50])
    rec = ["Nơi nhận:"] + (m["recipients"] or ["- Như trên;", "- Lưu: VT."])
    t.rows.append([Cell(rec, align="left"), Cell(m["sign"], bold=True, align="center")])
    add(t)


def parse_cell_spec(text):
    rs = re.search(r"\{r(\d+)\}", text)
    cs = re.search(r"\{c(\d+)\}", text)
    text = re.sub(r"\{[rc]\d+\}", "", text).strip()
    return text, int(rs.group(1)) if rs else 1, int(cs.group(1)) if cs else 1


def parse_table(doc, lines, i, first, sections, add):
    opts = first.split()[1:]
    heading_style = next((o.split("=")[1] for o in opts if o.startswith("heading=")), "span")
    font = next((int(o.split("=")[1]) for o in opts if o.startswith("font=")), None)
    cols, hrows, rows = [], [], []
    while i < len(lines):
        line = lines[i].rstrip()
        i += 1
        if not line.strip() or line.startswith("//"):
            continue
        if line.startswith("!endtable"):
            break
        if line.startswith("!cols "):
            for c in line[6:].split(" | "):
                parts = c.strip().split(":")
                cols.append((parts[0], parts[1], int(parts[2]) if len(parts) > 2 else None))
        elif line.startswith("!hrow "):
            hrows.append([parse_cell_spec(c) for c in line[6:].split(" | ")])
        else:
            rows.append(line)
    n = len(cols)
    widths = [c[2] or (6 if c[1] == "number" else 40 if c[1] == "content" else 16) for c in cols]
    t = Table("tasks", widths, font)
    t.thead = "thead" in opts
    if not hrows:
        hrows = [[(c[0], 1, 1) for c in cols]]
    # header rows (cells may span rows and columns)
    occupied = set()
    for r, hrow in enumerate(hrows):
        out, specs = [], list(hrow)
        for c in range(n):
            if (r, c) in occupied:
                out.append(None)
                continue
            if not specs:
                sys.exit(f"{doc.path}: header row {r + 1} is short")
            text, rs, cs = specs.pop(0)
            out.append(Cell(cell_lines(text), header=True, bold=True, align="center", rowspan=rs, colspan=cs))
            for dr in range(rs):
                for dc in range(cs):
                    if dr or dc:
                        occupied.add((r + dr, c + dc))
        t.rows.append(out)
    t.head_rows = len(hrows)
    # body rows
    role = [c[1] for c in cols]
    grid = []  # per body row: ("H", level, id, text, opts) or ("R", cells, opts)
    for line in rows:
        if re.match(r"^H\d ", line):
            body, o = parse_opts(line[3:])
            hid, _, text = body.partition(" | ")
            grid.append(("H", int(line[1]), hid.strip(), text.strip(), o))
        elif line.startswith("X "):
            cells = [c.strip() for c in re.split(r"(?:(?<=\s)|^)\|(?=\s|$)", line[2:])]
            grid.append(("X", cells, {}))
        else:
            _, o = parse_opts(line)
            body = line.split("%%", 1)[0].rstrip()
            cells = [c.strip() for c in re.split(r"(?:(?<=\s)|^)\|(?=\s|$)", body)]
            if len(cells) != n:
                sys.exit(f"{doc.path}: row has {len(cells)} cells, {n} columns: {line[:80]}")
            grid.append(("R", cells, o))
    # resolve merges: value of every cell, origin cells with spans
    values = []
    for g in grid:
        values.append(list(g[1]) if g[0] == "R" else None)
    origin = {}  # (r, c) -> (r0, c0)
    for r, row in enumerate(values):
        if row is None:
            continue
        for c, v in enumerate(row):
            if v == "^":
                r0 = r - 1
                if values[r0] is None:
                    sys.exit(f"{doc.path}: '^' under a heading row")
                origin[(r, c)] = origin.get((r0, c), (r0, c))
            elif v == "<<":
                origin[(r, c)] = origin.get((r, c - 1), (r, c - 1))
    spans = {}
    for (r, c), (r0, c0) in origin.items():
        rs, cs = spans.get((r0, c0), (1, 1))
        spans[(r0, c0)] = (max(rs, r - r0 + 1), max(cs, c - c0 + 1))

    def value(r, c):
        r0, c0 = origin.get((r, c), (r, c))
        return values[r0][c0]

    last_number = None
    for r, g in enumerate(grid):
        if g[0] == "H":
            _, level, hid, text, o = g
            style = o.get("style", heading_style)
            sections.enter(level, hid.rstrip("."), text, o.get("lead"))
            printed = o.get("print")
            if style == "full":
                row = [Cell(cell_lines(printed or f"{hid}. {text}"), bold=True, align="left", colspan=n)]
                row += [None] * (n - 1)
            elif style == "inline":
                row = []
                for c in range(n):
                    if role[c] == "number":
                        row.append(Cell([hid], bold=True, align="center"))
                    elif role[c] == "content":
                        row.append(Cell(cell_lines(printed or text), bold=True, align="left"))
                    else:
                        row.append(Cell([]))
            else:
                k = role.index("number") if "number" in role else 0
                row = [Cell([]) for _ in range(k)] + [Cell([hid], bold=True, align="center"),
                                                      Cell(cell_lines(printed or text), bold=True, align="left",
                                                           colspan=n - k - 1)]
                row += [None] * (n - k - 2)
            t.rows.append(row)
            last_number = None
            continue
        if g[0] == "X":  # a printed row that is no task (a total, a note across the table)
            row, c = [], 0
            for k, txt in enumerate(g[1]):
                span = n - len(g[1]) + 1 if k == len(g[1]) - 1 else 1
                row.append(Cell(cell_lines(txt), bold=True, align="center" if k == 0 else None, colspan=span))
                row += [None] * (span - 1)
            t.rows.append(row)
            continue
        _, cells, o = g
        row = []
        for c in range(n):
            if (r, c) in origin:
                row.append(None)
                continue
            rs, cs = spans.get((r, c), (1, 1))
            txt = cells[c]
            row.append(Cell(cell_lines(txt), align="center" if role[c] in ("number", "deadline", "budget") else None,
                            rowspan=rs, colspan=cs))
        t.rows.append(row)
        # golden
        num = joined(value(r, role.index("number"))) if "number" in role else None
        if num:
            last_number = num
        else:
            num = last_number
        content = joined(value(r, role.index("content"))) if "content" in role else None
        task = new_task(doc, sections, num, content, "table")
        notes = []
        for c in range(n):
            v = value(r, c)
            if v in ("<<",):
                v = ""
            rl = role[c]
            if rl in ("number", "content", "skip"):
                continue
            if rl == "lead":
                task["lead"] = joined(v)
            elif rl == "coordinators":
                task["coordinators"] = joined(v)
            elif rl == "deadline":
                task["deadline_raw"] = joined(v)
            elif rl == "product":
                task["product"] = joined(v)
            elif rl == "evidence":
                task["evidence"] = joined(v)
            elif rl.startswith("budget"):
                unit = int(rl.split("*")[1]) if "*" in rl else 1
                task["budget_vnd"] = budget_value(joined(v), unit)
            elif rl == "note":
                if joined(v):
                    notes.append(joined(v))
        task["note"] = "; ".join(notes) or None
        finish_task(doc, task, o)
    add(t)
    return i


# ---------------------------------------------------------------- HTML
def h(text):
    return htmllib.escape(text, quote=False)


def para_html(p):
    if p.section_break is not None:
        return ""
    style = [f"text-align:{p.align}"]
    if p.indent and p.align == "justify":
        style.append("text-indent:1cm")
    # no CSS page break: LibreOffice's HTML import then lays every later table out at a fraction of
    # the page width (a 6-page table became 16 pages); page breaks exist in the docx originals only
    text = h(p.text)
    if p.italic:
        text = f"<i>{text}</i>"
    if p.bold:
        text = f"<b>{text}</b>"
    cls = f' class="{p.cls}"' if p.cls else ""
    return f'<p{cls} style="{";".join(style)};margin:0 0 6pt 0">{text}</p>'


def cell_html(cell, tag, width=None):
    attrs = [f'width="{width}"'] if width else []
    if cell.rowspan > 1:
        attrs.append(f'rowspan="{cell.rowspan}"')
    if cell.colspan > 1:
        attrs.append(f'colspan="{cell.colspan}"')
    if cell.align:
        attrs.append(f'style="text-align:{cell.align};vertical-align:top"')
    else:
        attrs.append('style="vertical-align:top"')
    parts = []
    for l in cell.lines:
        t = h(l)
        if getattr(cell, "italic", False):
            t = f"<i>{t}</i>"
        if cell.bold and not cell.header:
            t = f"<b>{t}</b>"
        parts.append(f'<p style="margin:0">{t}</p>')
    return f"<{tag} {' '.join(attrs)}>{''.join(parts)}</{tag}>"


def table_html(t):
    if t.kind == "tasks":
        open_ = ('<table class="tasks" border="1" cellspacing="0" cellpadding="4" width="100%" '
                 'style="border-collapse:collapse' + (f";font-size:{t.font}pt" if t.font else "") + '">')
    else:
        open_ = f'<table class="{t.kind}" border="0" cellspacing="0" cellpadding="2" width="100%">'
    total = sum(t.widths)
    out = [open_]
    # widths on the cells of the first row that has one cell per column (LibreOffice ignores <col> widths)
    width_row = next((r for r, row in enumerate(t.rows) if all(c is not None and c.colspan == 1 for c in row)), None)
    for r, row in enumerate(t.rows):
        if t.thead and r == 0:
            out.append("<thead>")
        tag = "th" if r < t.head_rows else "td"
        cells = [cell_html(c, tag, f"{round(100 * t.widths[k] / total)}%" if r == width_row else None)
                 for k, c in enumerate(row) if c is not None]
        out.append("<tr>" + "".join(cells) + "</tr>")
        if t.thead and r == t.head_rows - 1:
            out.append("</thead><tbody>")
    if t.thead:
        out.append("</tbody>")
    out.append("</table>")
    return "\n".join(out)


def write_html(doc, out):
    m = doc.meta
    title = " ".join(m["title"]) or m.get("doctype", "")
    body = []
    for b in doc.blocks:
        body.append(table_html(b) if isinstance(b, Table) else para_html(b))
    page = ("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{h(m.get('doctype', 'KẾ HOẠCH').title())} {h(m.get('number') or '')} - {h(title)}</title>\n"
            "<style>body{font-family:'Times New Roman',serif;font-size:13pt}"
            "table.tasks td,table.tasks th{border:1px solid #000}</style>\n</head>\n<body>\n"
            + "\n".join(b for b in body if b) + "\n</body>\n</html>\n")
    Path(out).write_text(page, encoding="utf-8")


# ---------------------------------------------------------------- DOCX (OOXML written by hand)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PORTRAIT = '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/>'
LANDSCAPE = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'


def run_xml(text, bold=False, italic=False, size=None):
    rpr = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + (f'<w:sz w:val="{size * 2}"/>' if size else "")
    return f'<w:r>{"<w:rPr>" + rpr + "</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def p_xml(text, align="both", bold=False, italic=False, indent=False, page_break=False, size=None, space_after=120):
    ppr = ""
    if page_break:
        ppr += "<w:pageBreakBefore/>"
    ppr += f'<w:spacing w:before="0" w:after="{space_after}"/>'
    if indent:
        ppr += '<w:ind w:firstLine="567"/>'
    ppr += f'<w:jc w:val="{align}"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run_xml(text, bold, italic, size) if text else ''}</w:p>"


def docx_table(t, page_width):
    total = sum(t.widths)
    cols = [int(page_width * w / total) for w in t.widths]
    borders = ("<w:tblBorders>" + "".join(f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                                          for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
               + "</w:tblBorders>") if t.kind == "tasks" else \
        ("<w:tblBorders>" + "".join(f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
         + "</w:tblBorders>")
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{sum(cols)}" w:type="dxa"/>{borders}<w:tblLayout w:type="fixed"/>'
           '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>',
           "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{c}"/>' for c in cols) + "</w:tblGrid>"]
    # place cells on the grid: covered positions of a rowspan become vMerge continue cells
    ncols = len(cols)
    cover = {}  # (r, c) -> origin cell (for vMerge continuation)
    for r, row in enumerate(t.rows):
        c = 0
        for cell in row:
            if cell is None:
                continue
            while (r, c) in cover:
                c += cover[(r, c)].colspan
            for dr in range(1, cell.rowspan):
                cover[(r + dr, c)] = cell
            c += cell.colspan
    size = t.font
    for r, row in enumerate(t.rows):
        trpr = "<w:cantSplit/>" + ("<w:tblHeader/>" if r < t.head_rows and t.thead else "")
        xs = [f"<w:tr><w:trPr>{trpr}</w:trPr>"]
        c = 0
        cells = [x for x in row if x is not None]
        k = 0
        while c < ncols:
            if (r, c) in cover:
                o = cover[(r, c)]
                w = sum(cols[c:c + o.colspan])
                span = f'<w:gridSpan w:val="{o.colspan}"/>' if o.colspan > 1 else ""
                xs.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{span}<w:vMerge/></w:tcPr><w:p/></w:tc>')
                c += o.colspan
                continue
            if k >= len(cells):
                break
            cell = cells[k]
            k += 1
            w = sum(cols[c:c + cell.colspan])
            pr = f'<w:tcW w:w="{w}" w:type="dxa"/>'
            if cell.colspan > 1:
                pr += f'<w:gridSpan w:val="{cell.colspan}"/>'
            if cell.rowspan > 1:
                pr += '<w:vMerge w:val="restart"/>'
            if cell.header:
                pr += '<w:vAlign w:val="center"/>'
            align = {"center": "center", "left": "left", None: "both"}.get(cell.align, "both")
            ps = [p_xml(l, align=align, bold=cell.bold, italic=getattr(cell, "italic", False), size=size,
                        space_after=0) for l in cell.lines] or ["<w:p/>"]
            xs.append(f"<w:tc><w:tcPr>{pr}</w:tcPr>{''.join(ps)}</w:tc>")
            c += cell.colspan
        xs.append("</w:tr>")
        out.append("".join(xs))
    out.append("</w:tbl>")
    return "".join(out)


def write_docx(doc, out):
    body = []
    orient = "portrait"
    for b in doc.blocks:
        width = 9071 if orient == "portrait" else 14570
        if isinstance(b, Table):
            if b.page_break:
                body.append(p_xml("", page_break=True, space_after=0))
            body.append(docx_table(b, width))
            body.append(p_xml("", space_after=0))
        elif b.section_break is not None:
            pg = PORTRAIT if orient == "portrait" else LANDSCAPE
            body.append(f'<w:p><w:pPr><w:sectPr>{pg}</w:sectPr></w:pPr></w:p>')
            orient = "landscape" if orient == "portrait" else "portrait"
        else:
            align = {"justify": "both", "center": "center", "left": "left", "right": "right"}[b.align]
            body.append(p_xml(b.text, align, b.bold, b.italic, b.indent and b.align == "justify", b.page_break))
    final = PORTRAIT if orient == "portrait" else LANDSCAPE
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>'
                + "".join(body) + f"<w:sectPr>{final}</w:sectPr></w:body></w:document>")
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr>'
              '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>'
              '<w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>'
              '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
              '</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr>'
              '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
              '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
             '</Relationships>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", document),
                           ("word/styles.xml", styles), ("word/_rels/document.xml.rels", drels)]:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


# ---------------------------------------------------------------- golden
def golden(doc):
    m = doc.meta
    title = m.get("golden_title") or re.sub(r"\s+", " ", " ".join(m["title"])).strip() or None
    tasks = []
    for t in doc.tasks:
        t = dict(t)
        for k in ("content", "lead", "coordinators", "deadline_raw", "product", "evidence", "note"):
            if isinstance(t[k], str):
                t[k] = re.sub(r"\s+", " ", t[k]).strip() or None
        tasks.append(t)
    return {"document": f"{m['id']}_{m['slug']}.html",
            "plan": {"number": m.get("number") or None, "issuer": m["issuer"], "issued_on": m.get("issued_on") or None,
                     "title": title},
            "notes": m.get("notes", ""), "tasks": tasks}


def main():
    spec = Path(sys.argv[1])
    doc = parse(spec)
    if doc.unread:
        sys.exit(f"{spec}: deadline cells without a reading (add @dl lines):\n  " + "\n  ".join(dict.fromkeys(doc.unread)))
    m = doc.meta
    stem = f"{m['id']}_{m['slug']}"
    (ROOT / "docs").mkdir(exist_ok=True)
    (ROOT / "golden").mkdir(exist_ok=True)
    if m.get("original", "html") == "docx":
        write_docx(doc, ROOT / "docs" / f"{stem}.docx")
    else:
        write_html(doc, ROOT / "docs" / f"{stem}.html")
    g = golden(doc)
    (ROOT / "golden" / f"{stem}.html.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n",
                                                       encoding="utf-8")
    if "--print" in sys.argv:
        for t in g["tasks"]:
            d = t["deadline"]
            print(f"{t['section']}\t{t['number']}\t{(t['content'] or '')[:50]}\t{t['lead']}\t{t['deadline_raw']}\t"
                  f"{d['kind']}\t{d['due']}\t{t['budget_vnd']}\t{t['_origin']}")
    rows = sum(1 for t in g["tasks"])
    print(f"{stem}: {rows} tasks ({sum(1 for t in g['tasks'] if t['_origin'] == 'body')} in the body)")


if __name__ == "__main__":
    main()
