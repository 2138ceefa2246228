"""Landscape pages for wide tables, and column widths of tables with one column per satker.

The template cannot hold the section breaks itself: the body's section carries "page numbers start
at 1", and which section that is depends on whether a landscape block was rendered at all. So the
template marks a block with two empty paragraphs holding hidden bookmarks (`layout.jajaran`), and
after rendering `landscape_sections` turns each marker into a section break: the paragraph before a
landscape block ends a portrait section (a copy of the body's own properties, the restart of the
page numbers moving with it to the section that holds BAB I), the paragraph after it ends a
landscape one (width and height swapped). A report without markers (every Kanim report) is left
exactly as it was. `fit_columns` then sizes each table marked `FIT_MARKER` to the text width of
the page it landed on.
"""
from __future__ import annotations

from copy import deepcopy

from docx.oxml.ns import qn

from lkj_engine.render.layout.jajaran import FIT_MARKER, LANDSCAPE_END, LANDSCAPE_START

MARKERS = (LANDSCAPE_START, LANDSCAPE_END)
FIRST_COLUMN = {False: 3118, True: 3685}  # twips (5,5 cm portrait, 6,5 cm landscape) for the row labels


def _marker(p) -> str | None:
    for mark in p.iter(qn("w:bookmarkStart")):
        if mark.get(qn("w:name")) in MARKERS:
            return mark.get(qn("w:name"))
    return None


def _drop_marker(p) -> None:
    ids = set()
    for mark in list(p.iter(qn("w:bookmarkStart"))):
        if mark.get(qn("w:name")) in MARKERS:
            ids.add(mark.get(qn("w:id")))
            mark.getparent().remove(mark)
    for end in list(p.iter(qn("w:bookmarkEnd"))):
        if end.get(qn("w:id")) in ids:
            end.getparent().remove(end)


def _governing(p, body):
    """The sectPr of the section `p` lies in: the next paragraph-level one, else the body's last."""
    for following in p.itersiblings():
        if following.tag == qn("w:p"):
            sect = following.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
            if sect is not None:
                return sect
    return body.find(qn("w:sectPr"))


def _landscape(sect) -> None:
    size = sect.find(qn("w:pgSz"))
    w, h = size.get(qn("w:w")), size.get(qn("w:h"))
    if int(w) < int(h):
        size.set(qn("w:w"), h)
        size.set(qn("w:h"), w)
    size.set(qn("w:orient"), "landscape")


def _end_section_here(p, sect) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = p.makeelement(qn("w:pPr"), {})
        p.insert(0, ppr)
    ppr.append(sect)  # sectPr is the last child of pPr


def landscape_sections(document) -> None:
    """Every marked block becomes a landscape section; nothing changes in a document without markers."""
    body = document.element.body
    for p in [p for p in body.iterchildren(qn("w:p")) if _marker(p)]:
        kind = _marker(p)
        _drop_marker(p)
        governing = _governing(p, body)
        ended = deepcopy(governing)  # the section ending at p keeps whatever the governing one began with
        if kind == LANDSCAPE_END:
            _landscape(ended)
        _end_section_here(p, ended)
        numbering = governing.find(qn("w:pgNumType"))
        if numbering is not None and numbering.get(qn("w:start")) is not None:
            del numbering.attrib[qn("w:start")]  # the pages after p continue the count
    fit_columns(document)


def _text_width(sect) -> int:
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    return int(size.get(qn("w:w"))) - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))


def fit_columns(document) -> None:
    """Tables marked FIT_MARKER: the first column for the row labels, the page's remaining width shared."""
    body = document.element.body
    for tbl in body.iter(qn("w:tbl")):
        desc = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblDescription')}")
        if desc is None or desc.get(qn("w:val")) != FIT_MARKER:
            continue
        sect = _governing(tbl, body)
        wide = sect.find(qn("w:pgSz")).get(qn("w:orient")) == "landscape"
        grid = tbl.find(qn("w:tblGrid"))
        cols = grid.findall(qn("w:gridCol"))
        first = FIRST_COLUMN[wide]
        rest = (_text_width(sect) - first) // max(len(cols) - 1, 1)
        widths = [first] + [rest] * (len(cols) - 1)
        for col, width in zip(cols, widths):
            col.set(qn("w:w"), str(width))
        for tr in tbl.iter(qn("w:tr")):
            for tc, width in zip(tr.findall(qn("w:tc")), widths):
                tcw = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
                if tcw is not None:
                    tcw.set(qn("w:w"), str(width))
                    tcw.set(qn("w:type"), "dxa")
