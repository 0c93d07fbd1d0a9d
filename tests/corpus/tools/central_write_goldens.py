#!/usr/bin/env python3
"""Copy one checked golden to every form of its document: golden/<form file>.json with "document"
set to the form's file name (the tasks are the same in every form).  Then score each against itself.
usage: central_write_goldens.py CHECKED.json DOCS_DIR GOLDEN_DIR BASENAME"""
import glob, json, os, subprocess, sys

src, docs, gold, base = sys.argv[1:5]
d = json.load(open(src, encoding="utf-8"))
os.makedirs(gold, exist_ok=True)
for path in sorted(glob.glob(os.path.join(docs, base + ".*")) + glob.glob(os.path.join(docs, base + "_*"))):
    name = os.path.basename(path)
    out = dict(d)
    out["document"] = name
    dst = os.path.join(gold, name + ".json")
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    if name != base + ".docx":
        print(name, len(d["tasks"]), "tasks (same tasks as the .docx golden)")
        continue
    r = subprocess.run([sys.executable, "/work/shared/eval/score.py", dst, dst], capture_output=True, text=True)
    last = r.stdout.strip().splitlines()[-1]
    assert "recall=1.000" in last and "field_accuracy=1.000" in last, last
    print(name, len(d["tasks"]), "tasks, self-score 1.0")
