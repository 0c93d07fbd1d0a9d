#!/usr/bin/env python3
"""Writes the PDF fixtures of DonDoc.Import.Tests (run from this folder; needs soffice and pdftoppm).

A plan invented for the tests (no real document): a portrait body with the national header block as a
borderless table, then a landscape appendix whose ruled table runs over several pages, with its header row
repeated on each page, heading rows spanning the table, a lead cell merged over three tasks and a deadline
cell merged over two. It is written as a Word file by hand (OOXML), and LibreOffice makes:

  appendix.pdf         the PDF with its table grid drawn
  appendix-nogrid.pdf  the same with every table border removed (a borderless table)
  scan.pdf             a short plan rendered, rasterised with pdftoppm and wrapped back into a PDF of images
                       only (no text layer), as a scanner makes it
  appendix.rows.json   the appendix table as its rows of cells should read (merged cells copied)
  appendix.expected.json  the golden of the plan (shared/SCHEMA.md)
  scan.rows.json       the scanned table's rows
"""
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
import zlib
from xml.sax.saxutils import escape

HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"]
WIDTHS = [700, 5200, 2300, 2800, 1700, 2100]  # twentieths of a point: about 14,800 on a landscape A4 page

ACTIONS = [
    "Rà soát, đánh giá", "Xây dựng và ban hành", "Tổ chức triển khai", "Kiểm tra, đôn đốc việc thực hiện",
    "Tổng hợp, báo cáo kết quả", "Nâng cấp và vận hành", "Tuyên truyền, phổ biến", "Tập huấn, bồi dưỡng",
]
OBJECTS = [
    "quy chế làm việc của Ủy ban nhân dân huyện", "danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của huyện",
    "hệ thống quản lý văn bản và điều hành", "bộ chỉ số đánh giá mức độ hài lòng của người dân",
    "cơ sở dữ liệu hộ tịch điện tử", "kế hoạch kiểm soát thủ tục hành chính", "phần mềm một cửa điện tử liên thông",
    "quy trình nội bộ giải quyết thủ tục hành chính", "đề án vị trí việc làm của các cơ quan chuyên môn",
]
TAILS = [
    "", " trên địa bàn huyện", " gắn với mô hình chính quyền địa phương hai cấp",
    " bảo đảm công khai, minh bạch và đúng quy định của pháp luật; lấy người dân, doanh nghiệp làm trung tâm phục vụ",
    " theo hướng dẫn của Ủy ban nhân dân tỉnh và các sở, ngành liên quan; định kỳ đánh giá, rút kinh nghiệm và đề xuất giải pháp khắc phục những tồn tại, hạn chế trong quá trình thực hiện",
]
LEADS = ["Phòng Nội vụ", "Phòng Tư pháp", "Văn phòng HĐND và UBND huyện", "Phòng Văn hóa - Thông tin", "Phòng Tài chính - Kế hoạch"]
COORDINATORS = ["Các phòng chuyên môn thuộc UBND huyện", "UBND các xã, thị trấn", "", "Phòng Nội vụ; Phòng Tư pháp"]
DEADLINES = [
    ("Quý I/2027", "period_end", "2027-03-31"), ("Tháng 6/2027", "period_end", "2027-06-30"), ("Thường xuyên", "continuous", None),
    ("Trước 30/9/2027", "date", "2027-09-30"), ("Năm 2027", "period_end", "2027-12-31"), ("Quý III/2027", "period_end", "2027-09-30"),
]
PRODUCTS = ["Báo cáo", "Kế hoạch", "Quyết định của UBND huyện", "", "Văn bản hướng dẫn"]
SECTIONS = [("I", "CẢI CÁCH THỂ CHẾ"), ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"), ("III", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ"), ("IV", "CHUYỂN ĐỔI SỐ")]


def tasks(count, per_section):
    out = []
    for i in range(count):
        section = SECTIONS[min(i // per_section, len(SECTIONS) - 1)]
        number = i - (SECTIONS.index(section)) * per_section + 1
        content = f"{ACTIONS[i % len(ACTIONS)]} {OBJECTS[(i * 5) % len(OBJECTS)]}{TAILS[(i * 3) % len(TAILS)]}"
        deadline = DEADLINES[(i * 7) % len(DEADLINES)]
        out.append({
            "section": section, "number": str(number), "content": content, "lead": LEADS[(i * 3) % len(LEADS)],
            "coordinators": COORDINATORS[i % len(COORDINATORS)], "deadline": deadline, "product": PRODUCTS[(i * 2) % len(PRODUCTS)],
            "lead_merge": None, "deadline_merge": None,
        })
    return out


def appendix_tasks():
    items = tasks(44, 11)
    # A lead merged over tasks 3-5 of section II, a deadline over tasks 7-8 of section III.
    first = 11 + 2
    for k, item in enumerate(items[first:first + 3]):
        item["lead"] = "Văn phòng HĐND và UBND huyện"
        item["lead_merge"] = "restart" if k == 0 else "continue"
    first = 22 + 6
    for k, item in enumerate(items[first:first + 2]):
        item["deadline"] = ("Quý IV/2027", "period_end", "2027-12-31")
        item["deadline_merge"] = "restart" if k == 0 else "continue"
    return items


def run(text, bold=False, size=None):
    props = ("<w:b/>" if bold else "") + (f'<w:sz w:val="{size}"/>' if size else "")
    return f'<w:r><w:rPr><w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" w:cs="Liberation Serif"/>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text, bold=False, center=False, size=None, section=None):
    ppr = ('<w:jc w:val="center"/>' if center else '') + (section or "")
    return f'<w:p><w:pPr>{ppr}</w:pPr>{run(text, bold, size)}</w:p>' if text else f'<w:p><w:pPr>{ppr}</w:pPr></w:p>'


def cell(text, width, bold=False, merge=None, span=1, center=False):
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if merge == "restart":
        tcpr += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        tcpr += '<w:vMerge/>'
    body = "" if merge == "continue" else text
    return f'<w:tc><w:tcPr>{tcpr}</w:tcPr>{para(body, bold, center, size=22)}</w:tc>'


def borders(kind):
    sides = "".join(f'<w:{s} w:val="{kind}" w:sz="4" w:space="0" w:color="000000"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return f"<w:tblBorders>{sides}</w:tblBorders>"


def table(rows, widths, grid=True):
    grid_cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{borders("single" if grid else "nil")}'
            f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid_cols}</w:tblGrid>{"".join(rows)}</w:tbl>')


def header_block():
    left, right = 4200, 5400
    rows = [
        f'<w:tr>{cell("ỦY BAN NHÂN DÂN", left, True, center=True)}{cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right, True, center=True)}</w:tr>',
        f'<w:tr>{cell("HUYỆN TÂN PHÚ", left, True, center=True)}{cell("Độc lập - Tự do - Hạnh phúc", right, True, center=True)}</w:tr>',
        f'<w:tr>{cell("Số: 85/KH-UBND", left, center=True)}{cell("Tân Phú, ngày 15 tháng 01 năm 2027", right, center=True)}</w:tr>',
    ]
    return table(rows, [left, right], grid=False)


def task_table(items, grid=True):
    rows = ['<w:tr><w:trPr><w:tblHeader/></w:trPr>' + "".join(cell(h, w, True, center=True) for h, w in zip(HEADER, WIDTHS)) + '</w:tr>']
    section = None
    for item in items:
        if item["section"] != section:
            section = item["section"]
            rows.append(f'<w:tr>{cell(section[0], WIDTHS[0], True, center=True)}{cell(section[1], sum(WIDTHS[1:]), True, span=5)}</w:tr>')
        rows.append("<w:tr>" + cell(item["number"], WIDTHS[0], center=True) + cell(item["content"], WIDTHS[1])
                    + cell(item["lead"], WIDTHS[2], merge=item["lead_merge"]) + cell(item["coordinators"], WIDTHS[3])
                    + cell(item["deadline"][0], WIDTHS[4], merge=item["deadline_merge"], center=True) + cell(item["product"], WIDTHS[5]) + "</w:tr>")
    return table(rows, WIDTHS, grid)


PORTRAIT = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>'
LANDSCAPE = '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1021" w:bottom="1134" w:left="1021" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>'


def plan_docx(path, items, grid=True, body_paragraphs=6):
    body = [header_block(), para(""), para("KẾ HOẠCH", True, True, 28), para("Cải cách hành chính huyện Tân Phú năm 2027", True, True, 28), para("")]
    for k in range(body_paragraphs):
        body.append(para(f"{k + 1}. Đoạn mở đầu thứ {k + 1} của kế hoạch nêu mục đích, yêu cầu và giải pháp chung để các cơ quan, đơn vị triển khai đồng bộ các nhiệm vụ cải cách hành chính trong năm."))
    body.append(para("Ủy ban nhân dân huyện đề nghị các cơ quan, đơn vị triển khai thực hiện nghiêm túc Kế hoạch này./.", section=PORTRAIT))
    body += [para("PHỤ LỤC", True, True), para("DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2027", True, True),
             para("(Kèm theo Kế hoạch số 85/KH-UBND ngày 15/01/2027 của UBND huyện Tân Phú)", center=True), task_table(items, grid), para("")]
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                + "".join(body) + LANDSCAPE + '</w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document)


def to_pdf(docx, out_dir):
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    try:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", out_dir, docx],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def rows_of(items):
    """The table as a reader should give it: merged cells copied into every row and column they cover."""
    rows = [HEADER]
    section = None
    for item in items:
        if item["section"] != section:
            section = item["section"]
            rows.append([section[0]] + [section[1]] * 5)
        rows.append([item["number"], item["content"], item["lead"], item["coordinators"], item["deadline"][0], item["product"]])
    return rows


def golden(document, items):
    return {
        "document": document,
        "plan": {"number": "85/KH-UBND", "issuer": "Ủy ban nhân dân huyện Tân Phú", "issued_on": "2027-01-15",
                 "title": "Cải cách hành chính huyện Tân Phú năm 2027"},
        "tasks": [{
            "section": t["section"][0], "section_title": t["section"][1], "number": t["number"], "content": t["content"],
            "lead": t["lead"], "coordinators": t["coordinators"] or None, "deadline_raw": t["deadline"][0],
            "deadline": {"kind": t["deadline"][1], "due": t["deadline"][2]}, "product": t["product"] or None,
            "evidence": None, "budget_vnd": None, "note": None,
        } for t in items],
    }


def read_pgm(data):
    """Width, height and pixels of a binary PGM (P5, 8-bit): four header tokens, one white space, the samples."""
    tokens, i = [], 0
    while len(tokens) < 4:
        while data[i:i + 1].isspace() or data[i:i + 1] == b"#":
            if data[i:i + 1] == b"#":
                i = data.index(b"\n", i)
            i += 1
        start = i
        while not data[i:i + 1].isspace():
            i += 1
        tokens.append(data[start:i])
    width, height = int(tokens[1]), int(tokens[2])
    return width, height, data[i + 1:i + 1 + width * height]


def image_only_pdf(pgm_files, out):
    """A PDF whose pages are grey images only (what a scanner makes): one DeviceGray Flate image per page, 200 dpi."""
    objects = []
    page_refs = []
    for pgm in pgm_files:
        width, height, pixels = read_pgm(open(pgm, "rb").read())
        packed = zlib.compress(pixels, 9)
        points_w, points_h = width * 72 / 200, height * 72 / 200
        image = len(objects) + 1
        objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
                       % (width, height, len(packed)) + packed + b"\nendstream")
        content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (points_w, points_h)
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        page_refs.append((len(objects) + 1, image, len(objects), points_w, points_h))
        objects.append(None)
    pages_obj = len(objects) + 1
    for number, image, content, w, h in page_refs:
        objects[number - 1] = (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                               % (pages_obj, w, h, image, content))
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % p[0] for p in page_refs), len(page_refs)))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj)
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    output += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, len(objects), xref)
    open(out, "wb").write(bytes(output))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    work = tempfile.mkdtemp(prefix="dondoc-fixtures-")
    try:
        items = appendix_tasks()
        for name, grid in (("appendix", True), ("appendix-nogrid", False)):
            docx = os.path.join(work, name + ".docx")
            plan_docx(docx, items, grid)
            to_pdf(docx, work)
            shutil.copy(os.path.join(work, name + ".pdf"), os.path.join(here, name + ".pdf"))
        json.dump(rows_of(items), open(os.path.join(here, "appendix.rows.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
        json.dump(golden("appendix.pdf", items), open(os.path.join(here, "appendix.expected.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)

        # The scan: a short plan, so that OCR in the tests stays a few seconds.
        short = tasks(5, 5)
        docx = os.path.join(work, "scan.docx")
        plan_docx(docx, short, True, body_paragraphs=0)
        to_pdf(docx, work)
        subprocess.run(["pdftoppm", "-r", "200", "-gray", os.path.join(work, "scan.pdf"), os.path.join(work, "scan")], check=True)
        pages = sorted(f for f in os.listdir(work) if f.startswith("scan") and f.endswith(".pgm"))
        image_only_pdf([os.path.join(work, p) for p in pages], os.path.join(here, "scan.pdf"))
        json.dump(rows_of(short), open(os.path.join(here, "scan.rows.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
