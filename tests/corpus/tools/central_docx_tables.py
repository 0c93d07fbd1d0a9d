#!/usr/bin/env python3
"""Dump the tables of a .docx as JSON (stdlib only): one list of rows per table, each row a list of
cells {"text", "span", "vmerge"} where vmerge is "restart", "continue" or null (Word w:vMerge).
usage: central_docx_tables.py FILE.docx [--summary]"""
import json, re, sys, zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def para_text(p):
    out = []
    for node in p.iter():
        if node.tag == W + "t" and node.text:
            out.append(node.text)
        elif node.tag in (W + "tab",):
            out.append(" ")
        elif node.tag in (W + "br", W + "cr"):
            out.append("\n")
    return "".join(out)


def cell_text(tc):
    paras = [para_text(p) for p in tc.iter(W + "p")]
    return "\n".join(x for x in paras)


def tables(path):
    root = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    body = root.find(W + "body")
    result = []
    for tbl in body.iter(W + "tbl"):
        rows = []
        for tr in tbl.findall(W + "tr"):
            row = []
            for tc in tr.findall(W + "tc"):
                pr = tc.find(W + "tcPr")
                span, vm = 1, None
                if pr is not None:
                    gs = pr.find(W + "gridSpan")
                    if gs is not None:
                        span = int(gs.get(W + "val"))
                    v = pr.find(W + "vMerge")
                    if v is not None:
                        vm = v.get(W + "val") or "continue"
                row.append({"text": cell_text(tc), "span": span, "vmerge": vm})
            rows.append(row)
        result.append(rows)
    return result


def main():
    t = tables(sys.argv[1])
    if "--summary" in sys.argv:
        for i, rows in enumerate(t):
            width = max((sum(c["span"] for c in r) for r in rows), default=0)
            head = " | ".join(re.sub(r"\s+", " ", c["text"]).strip()[:25] for c in rows[0]) if rows else ""
            print(f"table {i}: rows={len(rows)} cols={width} first: {head}")
    else:
        json.dump(t, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
