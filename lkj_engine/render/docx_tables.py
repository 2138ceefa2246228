"""Tables after rendering: the column grid that docxtpl's column loops changed, and every cell's width.

A ``{%tc for %}`` loop gives a row more (or fewer) cells than the template's ``<w:tblGrid>`` has
columns. docxtpl's own ``fix_tables`` (0.20) widens or narrows the grid keeping the table's width;
`fix_grid` does exactly that arithmetic, and `fit_cells` then makes every cell as wide as the grid
columns it spans (Word reads the grid, LibreOffice the cells). Both walk each row once, so the cost
is linear in the table's cells: one pass where there used to be a parse, a grid pass and a cell pass.

Then, in every table with a header row (`readable`), what a reviewer checks whichever layout or
Data sheet made the table: a cell that prints a figure (``1.234``, ``96,70%``, ``-4,87``,
``Rp7.214.275``) is right-aligned, except in the label columns No/Tahun/Kode/NIP (a row number or a
year is read, not added, and keeps the layout's alignment); a row whose first cell reads
Jumlah/Total is bold; and each grid column is at least as wide as its longest header word (words
break at spaces only, never "Keberangkata/n") and its widest figure, the room taken from columns
that have more than they need. When the words cannot all fit the table's width, the columns get
the width in proportion to their needs (the closest to fitting). A table laid out with even
columns (a clerk's `Data ...` sheet, whose columns the layout cannot know) first shares its width
by content: each column as wide as its longest line, at most `WIDEST_SHARE` of the table, so a
name column is not squeezed beside short numbers.
"""
from __future__ import annotations

import re

from docx.oxml import OxmlElement

from lkj_engine.model.workbook import is_total_label
from lkj_engine.render.text_width import WIDEST, longest_word_twips, text_twips

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WIDTH = W + "w"
_P, _T, _VAL, _TYPE = W + "p", W + "t", W + "val", W + "type"
_TC, _TCPR, _TCW, _GRID_SPAN = W + "tc", W + "tcPr", W + "tcW", W + "gridSpan"


def fix_table(tbl) -> None:
    """The grid fitted to the rendered rows, then the cells to the grid."""
    grid = _child(tbl, W + "tblGrid")
    if grid is None:
        return
    rows = [(tr, list(tr.iterchildren(_TC))) for tr in tbl.iter(W + "tr")]  # docxtpl counts nested rows too
    if next(tbl.iter(_GRID_SPAN), None) is None:  # no merged cell anywhere (every Data sheet)
        spans = [[1] * len(cells) for _, cells in rows]
    else:
        spans = [[_span(tc) for tc in cells] for _, cells in rows]
    fix_grid(grid, max((len(cells) for _, cells in rows), default=0),
             max((sum(s) for s in spans), default=0))
    widths = [int(float(c.get(_WIDTH))) for c in grid.iterchildren(W + "gridCol")]
    own = [(tr, cells, row_spans) for (tr, cells), row_spans in zip(rows, spans) if tr.getparent() is tbl]
    if own and _is_header(own[0][0]):
        widths = readable(grid, own, widths)
    for tr, cells, row_spans in own:
        fit_cells(cells, row_spans, widths)


def fix_grid(grid, most_cells: int, most_spans: int) -> None:
    """Add grid columns for extra cells or drop the ones no row reaches, keeping the total width."""
    columns = grid.findall(W + "gridCol")
    to_add = max(most_cells - len(columns), 0)
    if to_add > 0:
        width = sum(float(c.get(_WIDTH)) for c in columns if c.get(_WIDTH) is not None)
        if width > 0:
            old_average = width / len(columns)
            new_average = width / (len(columns) + to_add)
            for c in columns:
                c.set(_WIDTH, str(int(float(c.get(_WIDTH)) * new_average / old_average)))
            for _ in range(to_add):
                col = OxmlElement("w:gridCol")
                col.set(_WIDTH, str(int(new_average)))
                grid.append(col)
        columns = grid.findall(W + "gridCol")
    to_remove = len(columns) - most_spans
    if to_remove > 0:
        removed = 0.0
        for c in columns[-to_remove:]:
            removed += float(c.get(_WIDTH))
            grid.remove(c)
        left = grid.findall(W + "gridCol")
        extra = int(removed / len(left)) if left else 0
        for c in left:
            c.set(_WIDTH, str(int(float(c.get(_WIDTH)) + extra)))


def _child(element, tag: str):
    """The first child with `tag`, or None: lxml's C-level child walk (``find`` goes through
    ElementPath in Python, twice as slow, and this runs for every cell of every table)."""
    return next(element.iterchildren(tag), None)


def _span(tc) -> int:
    tcpr = _child(tc, _TCPR)
    span = _child(tcpr, _GRID_SPAN) if tcpr is not None else None
    return int(span.get(_VAL)) if span is not None else 1


def fit_cells(cells: list, spans: list[int], grid: list[int]) -> None:
    """Each cell's ``w:tcW`` = the sum of the grid columns it spans, in twentieths of a point."""
    col = 0
    for tc, span in zip(cells, spans):
        tcpr = _child(tc, _TCPR)
        if tcpr is None:
            tcpr = tc.makeelement(_TCPR, {})
            tc.insert(0, tcpr)
        width = sum(grid[col:col + span])
        col += span
        tcw = _child(tcpr, _TCW)
        if tcw is None:
            tcw = tcpr.makeelement(_TCW, {})
            tcpr.insert(0, tcw)
        tcw.set(_WIDTH, str(width))
        tcw.set(_TYPE, "dxa")


# ------------------------------------------------------------------------------ readable tables --

# a whole cell that is one figure: sign, Rp, thousands dots, decimal comma, percent
FIGURE = re.compile(r"^[+\-\u2212]?(Rp ?)?\d{1,3}(\.\d{3})*(,\d+)?%?$|^[+\-\u2212]?(Rp ?)?\d+(,\d+)?%?$")
LABEL_COLUMNS = {"no", "no.", "nomor", "tahun", "kode", "nip"}
TEXT_PT = 9.0  # "Teks Tabel" and "Judul Tabel" (layout.styles)
_MARGINS = 2 * 85 + 20  # tblCellMar left + right (layout.styles), and a little for rounding in Word
WIDEST_SHARE = 0.45  # of an even table's width, for its widest column of running text
LARGEST_PT = 12  # no table text is set larger (titles are paragraphs, not cells)
WIDEST_TWIPS_PER_CHAR = -(-WIDEST * LARGEST_PT * 20 // 1000)


def is_figure(text: str) -> bool:
    """True when a cell's whole text is one printed number (``1.234``, ``96,70%``, ``Rp7.214``)."""
    return bool(FIGURE.match(text.strip()))


def readable(grid, rows: list, widths: list[int]) -> list[int]:
    """Figures right-aligned, total rows bold, columns wide enough for their words; the new widths."""
    header_count = next((i for i, (tr, _, _) in enumerate(rows) if not _is_header(tr)), len(rows))
    labels: set[int] = set()
    needs = [0] * len(widths)
    lines = [0] * len(widths)  # the longest body line of each column, for an even table
    for tr, cells, spans in rows[:header_count]:
        for col, tc, span in _placed(cells, spans):
            text = _text(tc)
            if text.split() and text.split()[0].lower() in LABEL_COLUMNS:
                labels.update(range(col, col + span))
            if span == 1 and col < len(needs):
                needs[col] = max(needs[col], _word_need(tc, bold=True))
    even = _even(widths)
    for tr, cells, spans in rows[header_count:]:
        texts = [_text(tc) for tc in cells]
        total = bool(cells) and is_total_label(texts[0])
        for (col, tc, span), text in zip(_placed(cells, spans), texts):
            if total:
                _bold(tc)
            single = span == 1 and col < len(needs)
            # widths are measured only where they can beat the column's widest so far (a text of n
            # characters is never wider than n "W"s): one measure per column, not one per cell
            if even and single and _at_most(text) > lines[col]:
                lines[col] = max(lines[col], _line(tc, text, bold=total))
            if col in labels or not is_figure(text):
                continue
            _align_right(tc)
            if single and _at_most(text) > needs[col]:
                needs[col] = max(needs[col], text_twips(text.strip(), _size(tc), bold=total) + _MARGINS)
    fitted = fit_widths(by_content(widths, lines, needs) if _even(widths) else widths, needs)
    if fitted != widths:
        for c, w in zip(grid.findall(W + "gridCol"), fitted):
            c.set(_WIDTH, str(w))
    return fitted


def fit_widths(widths: list[int], needs: list[int]) -> list[int]:
    """Each column at least its need, the total kept: the room comes from columns with slack, in
    proportion to their slack; when the needs exceed the total, in proportion to the needs."""
    total = sum(widths)
    if all(w >= n for w, n in zip(widths, needs)) or total <= 0:
        return widths
    if sum(needs) >= total:
        fitted = [n * total // sum(needs) for n in needs]
    else:
        short = sum(max(n - w, 0) for w, n in zip(widths, needs))
        slack = sum(max(w - n, 0) for w, n in zip(widths, needs))
        # each slack column gives its share rounded up (never more than its slack), so the sum stays <= total
        fitted = [n if w < n else w + (n - w) * short // slack for w, n in zip(widths, needs)]
    fitted[-1] += total - sum(fitted)  # integer division's remainder, so the table keeps its width
    return fitted


def by_content(widths: list[int], lines: list[int], needs: list[int]) -> list[int]:
    """The table's width shared by the columns' longest body lines (each capped at `WIDEST_SHARE`, at
    least the header's longest word; a header may wrap at its spaces): every line on one row when
    they fit, the spare room spread in the same proportion."""
    total = sum(widths)
    wanted = [max(min(line, int(total * WIDEST_SHARE)), need, 1) for line, need in zip(lines, needs)]
    shared = [w * total // sum(wanted) for w in wanted]
    shared[-1] += total - sum(shared)
    return shared


def _even(widths: list[int]) -> bool:
    """A table laid out with columns of one width (within 1%): the layout left them to the content."""
    return len(widths) > 1 and max(widths) - min(widths) <= max(widths) // 100


def _at_most(text: str) -> int:
    """An upper bound of `_line`: every character as wide as "W" at the largest table size."""
    longest = len(text) if "\n" not in text else max(map(len, text.split("\n")))
    return longest * WIDEST_TWIPS_PER_CHAR + _MARGINS


def _line(tc, text: str, bold: bool) -> int:
    size = _size(tc)
    if "\n" not in text:
        return text_twips(text.strip(), size, bold) + _MARGINS
    return max(text_twips(line.strip(), size, bold) for line in text.split("\n")) + _MARGINS


def _is_header(tr) -> bool:
    trpr = _child(tr, W + "trPr")
    return trpr is not None and _child(trpr, W + "tblHeader") is not None


def _placed(cells: list, spans: list[int]):
    """(first grid column, cell, span) of each cell of a row."""
    col = 0
    for tc, span in zip(cells, spans):
        yield col, tc, span
        col += span


def _text(tc) -> str:
    return "\n".join(["".join([t.text or "" for t in p.iter(_T)]) for p in tc.iterchildren(_P)])


def _size(tc) -> float:
    """The cell's font size in points: its first run's own size, else the table text's."""
    sz = next(tc.iter(W + "sz"), None)
    val = sz.get(_VAL) if sz is not None else None
    return int(val) / 2 if val and val.isdigit() else TEXT_PT


def _word_need(tc, bold: bool) -> int:
    words = max((longest_word_twips(line, _size(tc), bold) for line in _text(tc).split("\n")), default=0)
    return words + _MARGINS if words else 0


def _align_right(tc) -> None:
    for p in tc.iterchildren(_P):
        ppr = _child(p, W + "pPr")
        if ppr is None:
            ppr = p.makeelement(W + "pPr", {})  # makeelement: the document's element classes, at C speed
            p.insert(0, ppr)
        jc = _child(ppr, W + "jc")
        if jc is None:
            jc = ppr.makeelement(W + "jc", {})
            _insert_jc(ppr, jc)
        jc.set(_VAL, "right")


# w:pPr children that come after w:jc in the schema (CT_PPrBase order)
_AFTER_JC = {W + t for t in ("textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
                              "cnfStyle", "rPr", "sectPr", "pPrChange")}


def _insert_jc(ppr, jc) -> None:
    for i, child in enumerate(ppr):
        if child.tag in _AFTER_JC:
            ppr.insert(i, jc)
            return
    ppr.append(jc)


def _bold(tc) -> None:
    for r in tc.iter(W + "r"):
        rpr = r.find(W + "rPr")
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            r.insert(0, rpr)
        if rpr.find(W + "b") is None:
            # in CT_RPr only w:rStyle and w:rFonts come before w:b
            before = sum(1 for c in rpr if c.tag in (W + "rStyle", W + "rFonts"))
            rpr.insert(before, OxmlElement("w:b"))
