#!/usr/bin/env python3
"""Writes the golden of every form of one document from the golden of its HTML page.

usage: golden_forms.py <id>_<slug> [--drop-prose]

Reads golden/<id>_<slug>.html.json (written by a person reading the document) and writes
golden/<file>.json for each other form present in docs/ (same tasks, "document" changed).
With --drop-prose, the xlsx golden keeps only tasks whose "notes"-free origin is a table row:
tasks marked "_origin": "body" in the HTML golden are left out of the xlsx golden (the sheet holds
only the task tables). "_origin" is removed from every written golden.
Every written golden is checked to score 1.0 against itself with shared/eval/score.py when that
file exists (set SCORE_PY to point elsewhere).
"""
import json
import os
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
stem = sys.argv[1]
drop_prose = "--drop-prose" in sys.argv
base = json.loads((root / "golden" / f"{stem}.html.json").read_text(encoding="utf-8"))
score = os.environ.get("SCORE_PY", "/work/shared/eval/score.py")
written = []
for doc in sorted((root / "docs").glob(f"{stem}*")):
    if doc.name.startswith(stem + "_") and not any(doc.name == f"{stem}{s}" for s in
                                                     ["_nogrid.pdf", "_pdftotext.txt", "_layout.txt",
                                                      "_html.txt", "_crawl.md", "_vbpl.html"]):
        continue
    g = json.loads(json.dumps(base))
    g["document"] = doc.name
    if doc.suffix == ".xlsx" and drop_prose:
        g["tasks"] = [t for t in g["tasks"] if t.get("_origin") != "body"]
        g["notes"] = (g.get("notes", "") + " The sheet holds the task tables only; tasks written in the "
                      "body text are not in this form.").strip()
    for t in g["tasks"]:
        t.pop("_origin", None)
    out = root / "golden" / f"{doc.name}.json"
    out.write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    written.append(out)
if Path(score).exists():
    args = []
    for w in written:
        args += [str(w), str(w)]
    r = subprocess.run([sys.executable, score] + args, capture_output=True, text=True)
    last = r.stdout.strip().splitlines()[-1]
    print(last)
    if "field_accuracy=1.000" not in last or "recall=1.000" not in last:
        sys.exit("a golden does not score 1.0 against itself")
for w in written:
    print(w.name)
