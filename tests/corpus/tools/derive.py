#!/usr/bin/env python3
"""Makes the derived forms of one corpus document from its HTML page.

usage: derive.py docs/<id>_<slug>.html [--only FORM,FORM] [--skip FORM,FORM]
       derive.py docs/<id>_<slug>.docx [...]   (the original is a .docx: the PDFs are made from it,
                                                 <stem>.html is LibreOffice's HTML export of it, and
                                                 the text forms are made from that export)

FORMS (file written next to the page; <stem> = <id>_<slug>):
  docx      <stem>.docx          LibreOffice Writer: HTML -> .docx (tables keep rowspan/colspan)
  pdf       <stem>.pdf           LibreOffice: the .docx -> PDF, table grid drawn
  nogrid    <stem>_nogrid.pdf    same, from a copy of the page with every border removed
  pdftotext <stem>_pdftotext.txt `pdftotext <stem>.pdf` (reading order, no layout)
  layout    <stem>_layout.txt    `pdftotext -layout <stem>.pdf`
  htmltxt   <stem>_html.txt      the HTML page saved with a .txt extension (byte copy)
  vbpl      <stem>_vbpl.html     the page as a legal-database site shows it (vbpl.vn "toàn văn" page):
                                 site chrome (menu, breadcrumb, tabs, attribute box, related
                                 documents, footer) around the text in <div id="toanvancontent">,
                                 the text's markup in Word-export style (MsoNormal, MsoTableGrid),
                                 the corpus class markers removed
  md        <stem>.md            markdown as crawlers write it: paragraphs, "| a | b |" tables,
                                 a merged (rowspan) cell repeated on every row it covers
  crawl     <stem>_crawl.md      crawl form: each cell on its own line(s) between lines holding a
                                 single "|", every row opening with a "|" line; a merged cell
                                 appears once, on its first row (as the crawled page has it)
  xlsx      <stem>.xlsx          one sheet per task table (tables with class "tasks"): the plan's
                                 header rows (header table, paragraphs with class "title" or
                                 "xlsx-head") above the table, merged cells kept as merged ranges

Conventions of the page: the national header block is a borderless <table class="header">;
task tables have class "tasks" and border="1"; everything else is ordinary HTML.
Needs: soffice (LibreOffice 7.x), pdftotext (poppler-utils), python3. Standard library only.
The outputs are deterministic except for timestamps inside .docx/.pdf/.xlsx metadata.
"""
import argparse
import html as htmllib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).parent))
from htmlmodel import read_blocks, Table  # noqa: E402

ALL = ["docx", "pdf", "nogrid", "pdftotext", "layout", "htmltxt", "vbpl", "md", "crawl", "xlsx"]


def soffice(args, cwd):
    profile = Path(cwd) / "lo-profile"
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"] + args
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def html_to_docx_pdf(html_path, docx_out, pdf_out):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "page.html"
        shutil.copyfile(html_path, src)
        soffice(["--convert-to", "docx:MS Word 2007 XML", "page.html"], tmp)
        if docx_out:
            shutil.copyfile(Path(tmp) / "page.docx", docx_out)
        if pdf_out:
            soffice(["--convert-to", "pdf", "page.docx"], tmp)
            shutil.copyfile(Path(tmp) / "page.pdf", pdf_out)


def without_borders(html):
    html = re.sub(r'\sborder="?\d+"?', ' border="0"', html)
    html = re.sub(r"border[-a-z]*\s*:[^;\"'}<>]*;?", "", html)
    return html


VBPL_TOP = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="vi">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{title}</title>
<link rel="stylesheet" type="text/css" href="/_layouts/VBPQ/css/style.css" />
<script type="text/javascript" src="/_layouts/VBPQ/js/jquery.min.js"></script>
<script type="text/javascript">var _spPageContextInfo = {{webServerRelativeUrl: "/TW", pageItemId: 1}};</script>
</head>
<body>
<form method="post" action="vbpq-toanvan.aspx" id="aspnetForm">
<div id="wrapper">
<div id="header"><div class="logo"><a href="/"><img src="/_layouts/VBPQ/images/logo.png" alt="Logo" /></a>
<span class="site-name">CƠ SỞ DỮ LIỆU QUỐC GIA VỀ VĂN BẢN PHÁP LUẬT</span></div>
<div class="search-top"><input type="text" name="keyword" value="" placeholder="Tìm kiếm văn bản" /> <a href="#">Tìm kiếm</a></div></div>
<div id="menu"><ul>
<li><a href="/">Trang chủ</a></li><li><a href="/TW/Pages/vanban.aspx">Văn bản pháp luật</a></li>
<li><a href="/TW/Pages/vbhn.aspx">Văn bản hợp nhất</a></li><li><a href="/TW/Pages/hethong.aspx">Hệ thống hóa VBQPPL</a></li>
<li><a href="/TW/Pages/lienhe.aspx">Liên hệ</a></li></ul></div>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/TW/Pages/vanban.aspx">Văn bản pháp luật</a> » <span>{crumb}</span></div>
<div id="main"><div class="left-col">
<div class="box-title">Thông tin văn bản</div>
<div class="vbInfo"><ul>
<li><span>Số ký hiệu:</span> {number}</li>
<li><span>Ngày ban hành:</span> {date}</li>
<li><span>Loại văn bản:</span> {kind}</li>
<li class="red"><span>Hiệu lực:</span> Còn hiệu lực</li></ul></div>
<div class="box-title">Văn bản liên quan</div>
<ul class="listVB"><li><a href="#">Văn bản căn cứ</a></li><li><a href="#">Văn bản được hướng dẫn</a></li>
<li><a href="#">Văn bản hướng dẫn</a></li><li><a href="#">Văn bản liên quan cùng nội dung</a></li></ul>
</div>
<div class="right-col">
<div class="vbTabs"><ul><li class="active"><a href="#">Toàn văn</a></li><li><a href="#">Thuộc tính</a></li>
<li><a href="#">Lịch sử</a></li><li><a href="#">Lược đồ</a></li><li><a href="#">Bản PDF</a></li>
<li><a href="#">Tải về</a></li></ul></div>
<div class="header-toanvan"><a href="#" class="print">In văn bản</a> <a href="#" class="download">Tải văn bản</a></div>
<div id="toanvancontent" class="toanvancontent">
<div class="content1"><div>
"""

VBPL_BOTTOM = """</div></div>
</div>
<div class="vbInfo-footer">Cơ sở dữ liệu quốc gia về văn bản pháp luật — văn bản có giá trị tham khảo</div>
</div></div>
<div id="footer"><p>Bản quyền thuộc về Bộ Tư pháp</p>
<p>Địa chỉ: 58-60 Trần Phú, Ba Đình, Hà Nội. Điện thoại: 024.62739315</p>
<p>Ghi rõ nguồn "Cơ sở dữ liệu quốc gia về văn bản pháp luật" khi phát hành lại thông tin từ Website này.</p></div>
</div></form>
<script type="text/javascript">$(function(){ $(".vbTabs li").click(function(){ }); });</script>
</body>
</html>
"""


def vbpl_page(html):
    """The page as the national legal database shows it: its text in Word-export markup inside the
    site's chrome. The corpus class markers are removed (a site page has none)."""
    body = re.search(r"<body[^>]*>(.*)</body>", html, re.S | re.I)
    body = body.group(1) if body else html
    text = re.sub(r"<[^>]+>", " ", body)
    text = htmllib.unescape(re.sub(r"\s+", " ", text))
    number = re.search(r"Số:?\s*([0-9]*\s*/?[A-ZĐa-zđ0-9./-]+)", text)
    date = re.search(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", text)
    kind = re.search(r"\b(KẾ HOẠCH|QUYẾT ĐỊNH|NGHỊ QUYẾT|CHƯƠNG TRÌNH|CHỈ THỊ)\b", text)
    title = re.search(r"<title>(.*?)</title>", html, re.S | re.I)
    title = htmllib.unescape(title.group(1)).strip() if title else "Văn bản"
    body = re.sub(r'\sclass="(tasks|header|sign|title|xlsx-head)"', "", body)
    def table(m):
        grid = re.search(r"\bborder=\"?[1-9]", m.group(1)) is not None
        inner = m.group(2)
        if grid:
            inner = re.sub(r'<(td|th)\b([^>]*?)\sstyle="', r'<\1\2 style="border:solid windowtext 1.0pt;'
                           r'padding:0cm 5.4pt 0cm 5.4pt;', inner)
            inner = re.sub(r'<(td|th)\b(?![^>]*style=)', r'<\1 style="border:solid windowtext 1.0pt;'
                           r'padding:0cm 5.4pt 0cm 5.4pt"', inner)
            opening = ('<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" '
                       'style="border-collapse:collapse;border:none">')
        else:
            opening = ('<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" '
                       'style="border-collapse:collapse">')
        return opening + inner + "</table>"

    body = re.sub(r"<table\b([^>]*)>(.*?)</table>", table, body, flags=re.S | re.I)
    body = re.sub(r"<p\b(?![^>]*class=)", '<p class="MsoNormal"', body)
    top = VBPL_TOP.format(title=htmllib.escape(title), crumb=htmllib.escape(title),
                          number=htmllib.escape(number.group(1).strip()) if number else "",
                          date=f"{int(date.group(1)):02d}/{int(date.group(2)):02d}/{date.group(3)}" if date else "",
                          kind=(kind.group(1).capitalize() if kind else "Văn bản"))
    return top + body + VBPL_BOTTOM


def md_cell(text):
    return text.replace("|", "\\|").strip()


def write_md(blocks, out):
    lines = []
    for b in blocks:
        if isinstance(b, Table):
            grid = b.grid()
            if not grid:
                continue
            width = max(len(r) for r in grid)
            for i, row in enumerate(grid):
                cells = []
                for cell, origin in row:
                    # a rowspan cell is repeated on every row; a colspan cell is written once
                    repeated_col = not origin and any(c is cell for c, o in row if o)
                    cells.append("" if repeated_col else md_cell(cell.text))
                cells += [""] * (width - len(cells))
                lines.append("| " + " | ".join(cells) + " |")
                if i == 0:
                    lines.append("|" + "|".join(["---"] * width) + "|")
            lines.append("")
        else:
            text = b.text
            lines.append(f"**{text}**" if b.bold else text)
            lines.append("")
    Path(out).write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")


def write_crawl(blocks, out):
    lines = []
    for b in blocks:
        if isinstance(b, Table):
            for row in b.rows:
                lines.append("|")
                for cell in row:
                    for l in cell.lines or [""]:
                        lines.append(f"**{l}**" if cell.header and l else l)
                    lines.append("|")
            lines.append("")
        else:
            lines.extend(f"**{l}**" if b.bold else l for l in b.lines)
            lines.append("")
    Path(out).write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def sheet_xml(rows, merges, widths):
    """rows: list of list of (text, style); style 0 plain wrap, 1 bold wrap."""
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">']
    out.append("<cols>" + "".join(
        f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths)) + "</cols>")
    out.append("<sheetData>")
    for r, row in enumerate(rows):
        cells = []
        for c, (text, style) in enumerate(row):
            if text is None:
                continue
            ref = f"{col_name(c)}{r + 1}"
            if re.fullmatch(r"[1-9]\d{0,3}", text):
                cells.append(f'<c r="{ref}" s="{style}"><v>{text}</v></c>')
            else:
                cells.append(f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">'
                             f'{escape(text)}</t></is></c>')
        out.append(f'<row r="{r + 1}">' + "".join(cells) + "</row>")
    out.append("</sheetData>")
    if merges:
        out.append(f'<mergeCells count="{len(merges)}">' + "".join(
            f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>")
    out.append("</worksheet>")
    return "".join(out)


STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<fonts count="2"><font><sz val="11"/><name val="Times New Roman"/></font>'
          '<font><b/><sz val="11"/><name val="Times New Roman"/></font></fonts>'
          '<fills count="2"><fill><patternFill patternType="none"/></fill>'
          '<fill><patternFill patternType="gray125"/></fill></fills>'
          '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="2">'
          '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
          '<alignment wrapText="1" vertical="top"/></xf>'
          '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
          '<alignment wrapText="1" vertical="top" horizontal="center"/></xf>'
          '</cellXfs></styleSheet>')


def write_xlsx(blocks, out):
    marked = any(isinstance(b, Table) and ("tasks" in b.classes or "header" in b.classes) for b in blocks)
    if not marked:
        # a page exported from a .docx has no class markers: the first table holding the national
        # motto is the header block; tables of 3+ columns and 3+ rows are task tables; "KẾ HOẠCH"
        # and the paragraph after it are the title lines
        for b in blocks:
            if isinstance(b, Table) and any("CỘNG HÒA" in c.text.upper() for r in b.rows for c in r):
                b.classes.append("header")
                break
        for b in blocks:
            if isinstance(b, Table) and "header" not in b.classes and len(b.rows) >= 3 \
                    and max(len(r) for r in b.grid()) >= 3:
                b.classes.append("tasks")
        paras = [b for b in blocks if not isinstance(b, Table)]
        for i, p in enumerate(paras):
            if p.text.strip().upper() == "KẾ HOẠCH":
                p.classes.append("title")
                if i + 1 < len(paras):
                    paras[i + 1].classes.append("title")
                break
    header_rows = []
    for b in blocks:
        if isinstance(b, Table) and "header" in b.classes:
            for row in b.rows:
                header_rows.append([(c.lines, c.colspan) for c in row])
            break
    titles = [b for b in blocks if not isinstance(b, Table) and "title" in b.classes]
    sheets = []
    pending_heads = []
    for b in blocks:
        if isinstance(b, Table):
            if "tasks" in b.classes:
                sheets.append((list(pending_heads), b))
            pending_heads = []
        elif "xlsx-head" in b.classes:
            pending_heads.append(b)
    if not sheets:
        raise SystemExit("no <table class=\"tasks\"> in the page: no xlsx form")
    parts = {}
    for n, (heads, table) in enumerate(sheets, 1):
        grid = table.grid()
        width = max(len(r) for r in grid)
        rows, merges = [], []
        # plan header rows: the header table's cells spread over the sheet width
        for hrow in header_rows:
            k = len(hrow)
            span = max(1, width // k)
            row = [(None, 0)] * width
            for i, (lines, _) in enumerate(hrow):
                c0 = i * span
                c1 = width - 1 if i == k - 1 else c0 + span - 1
                row[c0] = ("\n".join(lines), 1)
                if c1 > c0:
                    merges.append(f"{col_name(c0)}{len(rows) + 1}:{col_name(c1)}{len(rows) + 1}")
            rows.append(row)
        for p in titles + heads:
            rows.append([(p.text, 1)] + [(None, 0)] * (width - 1))
            if width > 1:
                merges.append(f"A{len(rows)}:{col_name(width - 1)}{len(rows)}")
        top = len(rows)
        for r, row in enumerate(table.rows):
            rows.append([(None, 0)] * width)
        placed = set()
        for r, grow in enumerate(grid):
            c = 0
            for cell, origin in grow:
                if id(cell) not in placed:
                    placed.add(id(cell))
                    rows[top + r][c] = ("\n".join(cell.lines), 1 if cell.header else 0)
                    if cell.rowspan > 1 or cell.colspan > 1:
                        merges.append(f"{col_name(c)}{top + r + 1}:"
                                      f"{col_name(c + cell.colspan - 1)}{top + r + cell.rowspan}")
                c += 1
        widths = []
        for c in range(width):
            longest = max((len(rows[r][c][0] or "") for r in range(top, len(rows))), default=8)
            widths.append(6 if longest <= 6 else min(60, max(14, longest // 3)))
        parts[f"xl/worksheets/sheet{n}.xml"] = sheet_xml(rows, merges, widths)
    names = [f"Phu luc {n}" if len(sheets) > 1 else "Ke hoach" for n in range(1, len(sheets) + 1)]
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          + "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                    for n in range(1, len(sheets) + 1)) + '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          + "".join(f'<sheet name="{names[n - 1]}" sheetId="{n}" r:id="rId{n}"/>' for n in range(1, len(sheets) + 1))
          + '</sheets></workbook>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              + "".join(f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>'
                        for n in range(1, len(sheets) + 1))
              + f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
              '</Relationships>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
                           ("xl/_rels/workbook.xml.rels", wbrels), ("xl/styles.xml", STYLES)] + sorted(parts.items()):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def docx_without_borders(src, out):
    """A copy of a .docx whose tables draw no borders (table, style and cell borders set to nil)."""
    nil = "".join(f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename in ("word/document.xml", "word/styles.xml"):
                x = data.decode("utf-8")
                x = re.sub(r"<w:tcBorders>.*?</w:tcBorders>|<w:tcBorders/>", "", x, flags=re.S)
                x = re.sub(r"<w:tblBorders>.*?</w:tblBorders>|<w:tblBorders/>", "", x, flags=re.S)
                x = re.sub(r"(<w:tblPr>)", r"\1<w:tblBorders>" + nil + "</w:tblBorders>", x)
                x = re.sub(r"<w:tblPr/>", "<w:tblPr><w:tblBorders>" + nil + "</w:tblBorders></w:tblPr>", x)
                data = x.encode("utf-8")
            zout.writestr(item, data)


def docx_text(docx):
    """The text of every paragraph of a .docx, one paragraph a line (to check LibreOffice's wraps)."""
    with zipfile.ZipFile(docx) as z:
        x = z.read("word/document.xml").decode("utf-8")
    paras = re.findall(r"<w:p[ >].*?</w:p>", x, flags=re.S)
    return htmllib.unescape("\n".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in paras))


def unwrap_export(html, original):
    """LibreOffice 7.4 wraps long lines of its HTML export. Nearly always it wraps at a space, and the
    newline is then the space (a browser shows one); joining such lines glues words ("QUYẾTĐỊNH",
    "năm2025"). Where a wrap falls inside a word (a run boundary: the .docx has the two halves with
    nothing between), the newline must go. The .docx text decides which kind each wrap is."""
    def fix(m):
        a, b = htmllib.unescape(m.group(1)), htmllib.unescape(m.group(2))
        if a + b in original and a + " " + b not in original:
            return m.group(1) + m.group(2)
        return m.group(0)
    return re.sub(r"([^\s<>]+)\n([^\s<>]+)", fix, html)


def from_docx(docx, forms):
    """Derived forms of a document whose original is a .docx: PDFs from the .docx itself, the
    HTML page from LibreOffice's HTML export, and the text forms from that page."""
    stem = docx.with_suffix("")
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copyfile(docx, Path(tmp) / "doc.docx")
        if {"pdf", "pdftotext", "layout"} & set(forms):
            soffice(["--convert-to", "pdf", "doc.docx"], tmp)
            shutil.copyfile(Path(tmp) / "doc.pdf", f"{stem}.pdf")
        if "nogrid" in forms:
            bare = Path(tmp) / "bare"
            bare.mkdir()
            docx_without_borders(docx, bare / "doc.docx")
            soffice(["--convert-to", "pdf", "doc.docx"], bare)
            shutil.copyfile(bare / "doc.pdf", f"{stem}_nogrid.pdf")
        soffice(["--convert-to", "html:HTML (StarWriter):UTF8", "doc.docx"], tmp)
        html = (Path(tmp) / "doc.html").read_text(encoding="utf-8")
        html = re.sub(r'<img[^>]*>', "", html)
        html = unwrap_export(html, docx_text(docx))
        Path(f"{stem}.html").write_text(html, encoding="utf-8")
    return Path(f"{stem}.html")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("page")
    ap.add_argument("--only", default="")
    ap.add_argument("--skip", default="")
    args = ap.parse_args()
    page = Path(args.page)
    stem = page.with_suffix("")
    forms = args.only.split(",") if args.only else list(ALL)
    forms = [f for f in forms if f and f not in args.skip.split(",")]
    if page.suffix == ".docx":
        page = from_docx(page, forms)
        forms = [f for f in forms if f not in ("docx", "pdf", "nogrid")] + ["html"]
    html = page.read_text(encoding="utf-8")
    blocks = read_blocks(html)
    pdf = Path(f"{stem}.pdf")
    if "docx" in forms or ("pdf" in forms and not Path(f"{stem}.pdf").exists()):
        html_to_docx_pdf(page, f"{stem}.docx" if "docx" in forms else None, pdf if "pdf" in forms else None)
    if "nogrid" in forms:
        with tempfile.TemporaryDirectory() as tmp:
            bare = Path(tmp) / "bare.html"
            bare.write_text(without_borders(html), encoding="utf-8")
            html_to_docx_pdf(bare, None, f"{stem}_nogrid.pdf")
    if "pdftotext" in forms:
        subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), f"{stem}_pdftotext.txt"], check=True)
    if "layout" in forms:
        subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), f"{stem}_layout.txt"], check=True)
    if "htmltxt" in forms:
        shutil.copyfile(page, f"{stem}_html.txt")
    if "vbpl" in forms:
        Path(f"{stem}_vbpl.html").write_text(vbpl_page(html), encoding="utf-8")
    if "md" in forms:
        write_md(blocks, f"{stem}.md")
    if "crawl" in forms:
        write_crawl(blocks, f"{stem}_crawl.md")
    if "xlsx" in forms:
        write_xlsx(blocks, f"{stem}.xlsx")
    for f in forms:
        print(f)


if __name__ == "__main__":
    main()
