"""Reads a corpus HTML page into blocks: paragraphs and tables (cells with rowspan/colspan).

Standard library only. Used by derive.py (to write the markdown, crawl and xlsx forms) and by
dump_cells.py (to help a person draft a golden). It never decides what a task is.
"""
from html.parser import HTMLParser
import re

BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "ul", "ol", "br"}


class Cell:
    def __init__(self, header, rowspan, colspan):
        self.header = header
        self.rowspan = rowspan
        self.colspan = colspan
        self.lines = []

    @property
    def text(self):
        return " ".join(l for l in self.lines if l)


class Table:
    def __init__(self, classes):
        self.classes = classes
        self.rows = []  # list of list of Cell (as written in the HTML: covered cells absent)

    def grid(self):
        """Rows with every covered position filled by the covering cell (rowspan/colspan expanded).
        Each entry is (cell, is_origin): is_origin is False where a merged cell is repeated."""
        grid, pending = [], {}
        for r, row in enumerate(self.rows):
            out, c, i = [], 0, 0
            while True:
                if (r, c) in pending:
                    out.append((pending.pop((r, c)), False))
                    c += 1
                    continue
                if i >= len(row):
                    break
                cell = row[i]
                i += 1
                for dc in range(cell.colspan):
                    out.append((cell, dc == 0))
                    for dr in range(1, cell.rowspan):
                        pending[(r + dr, c + dc)] = cell
                c += cell.colspan
            grid.append(out)
        return grid


class Paragraph:
    def __init__(self, classes, bold):
        self.classes = classes
        self.bold = bold
        self.lines = []

    @property
    def text(self):
        return " ".join(l for l in self.lines if l)


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.table_stack = []
        self.cell = None
        self.para = None
        self.buf = []
        self.bold = 0
        self.skip = 0

    def _flush(self):
        text = re.sub(r"\s+", " ", "".join(self.buf)).strip()
        self.buf = []
        if not text:
            return
        if self.cell is not None:
            self.cell.lines.append(text)
        elif self.table_stack:
            pass
        else:
            if self.para is None:
                self.para = Paragraph([], self.bold > 0)
            if not self.para.lines and self.bold > 0:
                self.para.bold = True
            self.para.lines.append(text)

    def _end_para(self):
        self._flush()
        if self.para is not None and self.para.lines:
            self.blocks.append(self.para)
        self.para = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "style", "head", "title"):
            self.skip += 1
            return
        if tag in ("b", "strong"):
            self.bold += 1
        if tag == "table":
            self._end_para()
            t = Table((a.get("class") or "").split())
            self.table_stack.append(t)
        elif tag == "tr" and self.table_stack:
            self._flush()
            self.table_stack[-1].rows.append([])
        elif tag in ("td", "th") and self.table_stack:
            self._flush()
            self.cell = Cell(tag == "th", int(a.get("rowspan") or 1), int(a.get("colspan") or 1))
            self.table_stack[-1].rows[-1].append(self.cell)
        elif tag in BLOCK_TAGS:
            if self.cell is not None:
                self._flush()
            else:
                self._end_para()
                if tag in ("p", "div", "h1", "h2", "h3", "h4", "li"):
                    self.para = Paragraph((a.get("class") or "").split(), self.bold > 0 or tag.startswith("h"))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head", "title"):
            self.skip -= 1
            return
        if tag in ("b", "strong"):
            self.bold -= 1
        if tag in ("td", "th"):
            self._flush()
            self.cell = None
        elif tag == "table" and self.table_stack:
            self._flush()
            t = self.table_stack.pop()
            self.blocks.append(t)
        elif tag in BLOCK_TAGS:
            if self.cell is not None:
                self._flush()
            else:
                self._end_para()

    def handle_data(self, data):
        if self.skip:
            return
        if data.strip() and self.cell is None and not self.table_stack:
            if self.para is None:
                self.para = Paragraph([], False)
            if not self.para.lines and not "".join(self.buf).strip():
                self.para.bold = self.bold > 0
        self.buf.append(data)


def read_blocks(html_text):
    p = _Parser()
    p.feed(html_text)
    p._end_para()
    return p.blocks
