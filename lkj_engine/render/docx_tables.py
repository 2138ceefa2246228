"""Tables after rendering: the column grid that docxtpl's column loops changed, and every cell's width.

A ``{%tc for %}`` loop gives a row more (or fewer) cells than the template's ``<w:tblGrid>`` has
columns. docxtpl's own ``fix_tables`` (0.20) widens or narrows the grid keeping the table's width;
`fix_grid` does exactly that arithmetic, and `fit_cells` then makes every cell as wide as the grid
columns it spans (Word reads the grid, LibreOffice the cells). Both walk each row once, so the cost
is linear in the table's cells: one pass where there used to be a parse, a grid pass and a cell pass.
"""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WIDTH = W + "w"


def fix_table(tbl) -> None:
    """The grid fitted to the rendered rows, then the cells to the grid."""
    grid = tbl.find(W + "tblGrid")
    if grid is None:
        return
    rows = [(tr, tr.findall(W + "tc")) for tr in tbl.iter(W + "tr")]  # docxtpl counts nested rows too
    spans = [[_span(tc) for tc in cells] for _, cells in rows]
    fix_grid(grid, max((len(cells) for _, cells in rows), default=0),
             max((sum(s) for s in spans), default=0))
    widths = [int(float(c.get(_WIDTH))) for c in grid.findall(W + "gridCol")]
    for (tr, cells), row_spans in zip(rows, spans):
        if tr.getparent() is tbl:
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


def _span(tc) -> int:
    tcpr = tc.find(W + "tcPr")
    span = tcpr.find(W + "gridSpan") if tcpr is not None else None
    return int(span.get(W + "val")) if span is not None else 1


def fit_cells(cells: list, spans: list[int], grid: list[int]) -> None:
    """Each cell's ``w:tcW`` = the sum of the grid columns it spans, in twentieths of a point."""
    col = 0
    for tc, span in zip(cells, spans):
        tcpr = tc.find(W + "tcPr")
        if tcpr is None:
            tcpr = OxmlElement("w:tcPr")
            tc.insert(0, tcpr)
        width = sum(grid[col:col + span])
        col += span
        tcw = tcpr.find(W + "tcW")
        if tcw is None:
            tcw = OxmlElement("w:tcW")
            tcpr.insert(0, tcw)
        tcw.set(qn("w:w"), str(width))
        tcw.set(qn("w:type"), "dxa")
