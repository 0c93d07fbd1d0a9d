#!/usr/bin/env python3
"""Rewrites the section of SOURCES.md that lists the documents we wrote (own/*.txt), between the lines
"<!-- own:begin -->" and "<!-- own:end -->", from each spec's metadata, its golden and its PDF form.

usage: own_sources.py
"""
import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def meta(spec):
    m = {"title": []}
    for line in spec.read_text(encoding="utf-8").splitlines():
        if line.startswith("@") and not line.startswith("@dl "):
            k, _, v = line[1:].partition(" ")
            if k == "title":
                m["title"].append(v.strip())
            elif k not in ("sign", "recipients"):
                m[k] = v.strip()
    return m


def pages(pdf):
    if not pdf.exists():
        return None
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", out)
    return int(m.group(1)) if m else None


def drops(stem, n):
    xlsx = ROOT / "golden" / f"{stem}.xlsx.json"
    return xlsx.exists() and len(json.loads(xlsx.read_text(encoding="utf-8"))["tasks"]) < n


def main():
    parts = []
    total = 0
    for spec in sorted((ROOT / "own").glob("o*.txt")):
        m = meta(spec)
        stem = f"{m['id']}_{m['slug']}"
        golden = ROOT / "golden" / f"{stem}.html.json"
        if not golden.exists() or not (ROOT / "golden" / f"{stem}.pdf.json").exists():
            continue  # not rendered and derived yet
        g = json.loads(golden.read_text(encoding="utf-8"))
        n = len(g["tasks"])
        total += n
        forms = sorted(p.name for p in (ROOT / "docs").glob(f"{stem}*"))
        original = m.get("original", "html")
        derive = f"python3 tests/corpus/tools/derive.py tests/corpus/docs/{stem}.{original}"
        p = pages(ROOT / "docs" / f"{stem}.pdf")
        parts.append(
            f"### {m['id']} — {m['issuer']}, {m.get('number') or '(no number)'}, "
            f"{m.get('issued_on') or '(no date)'} — {' '.join(m['title'])}\n"
            f"- Written for DonDoc's corpus, modelled on the layout of {m['modelled_on']}. Original text "
            f"(names of bodies are real, numbers, dates, signers and tasks are invented); nothing copied "
            f"from a real document.\n"
            f"- Spec: `own/{spec.name}`; original form: `.{original}` made by "
            f"`python3 tests/corpus/tools/own_render.py tests/corpus/own/{spec.name}`.\n"
            f"- Tasks: {n}" + (f"; PDF form: {p} pages" if p else "") + f". {g.get('notes', '')}\n"
            f"- Derived: `{derive}` → " + ", ".join(f"`{f}`" for f in forms if f != f"{stem}.{original}") + "; "
            f"goldens: `python3 tests/corpus/tools/golden_forms.py {stem}"
            + (" --drop-prose" if drops(stem, n) else "") + "`.\n")
    block = ("<!-- own:begin -->\n## Documents written for this corpus (ids o01…)\n\n"
             f"{len(parts)} documents, {total} tasks.\n\n" + "\n".join(parts) + "<!-- own:end -->\n")
    src = ROOT / "SOURCES.md"
    text = src.read_text(encoding="utf-8")
    if "<!-- own:begin -->" in text:
        text = re.sub(r"<!-- own:begin -->.*?<!-- own:end -->\n", lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + block
    src.write_text(text, encoding="utf-8")
    print(f"{len(parts)} documents, {total} tasks")


if __name__ == "__main__":
    main()
