#!/usr/bin/env python3
"""Prints the paragraphs and table cells of a corpus HTML page, one table row a line (TSV),
rowspan/colspan expanded, to help a person draft a golden by reading. usage: dump_cells.py PAGE.html"""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
from htmlmodel import read_blocks, Table

for b in read_blocks(Path(sys.argv[1]).read_text(encoding="utf-8")):
    if isinstance(b, Table):
        print(f"=== table {' '.join(b.classes)}")
        for r, row in enumerate(b.grid()):
            print(f"{r}\t" + "\t".join(c.text for c, _ in row))
    else:
        print(f"P\t{b.text}")
