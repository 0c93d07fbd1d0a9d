#!/usr/bin/env python3
"""Print the rows of one table of a .docx on a grid, vMerge continuations filled with the text of the
cell above (so every row shows what a reader sees for it), one row per line: cells joined by " ¦ ".
A help for writing goldens by hand.  usage: central_rows.py FILE.docx TABLE_INDEX [--json]"""
import json, re, sys, os
sys.path.insert(0, os.path.dirname(__file__))
from central_docx_tables import tables


def grid(rows):
    out, prev = [], []
    for row in rows:
        line, col = [], 0
        for c in row:
            text = re.sub(r"[ \t]+", " ", c["text"]).strip()
            if c["vmerge"] == "continue" and col < len(prev):
                text = prev[col]
            for k in range(c["span"]):
                line.append(text if k == 0 else "")
            col += c["span"]
        out.append(line)
        prev = line
    return out


def main():
    g = grid(tables(sys.argv[1])[int(sys.argv[2])])
    if "--json" in sys.argv:
        json.dump(g, sys.stdout, ensure_ascii=False, indent=0)
        return
    for i, r in enumerate(g):
        print(f"[{i}] " + " ¦ ".join(x.replace("\n", " / ") for x in r))


if __name__ == "__main__":
    main()
