"""Low-level WordprocessingML helpers and the page geometry shared by every part of the template."""
from __future__ import annotations

import datetime as dt

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, RGBColor

# Fixed stamps so two builds give the same bytes (the committed .docx is tested to be this output).
FIXED_TIME = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
ZIP_TIME = (2025, 1, 1, 0, 0, 0)
FONT = "Arial"
PAGE_W, PAGE_H = Cm(21.0), Cm(29.7)
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = Cm(3.0), Cm(2.5), Cm(2.5), Cm(2.5)
TEXT_W_CM = 15.5
HEADER_FILL = "D9D9D9"
SUBTOTAL_FILL = "F2F2F2"


def el(tag: str, **attrs: str) -> OxmlElement:
    made = OxmlElement(tag)
    for key, value in attrs.items():
        made.set(qn(key.replace("_", ":", 1)), value)
    return made


def set_fonts(rpr) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = el("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def black(font) -> None:
    font.color.rgb = RGBColor(0, 0, 0)
    color = font.element.rPr.find(qn("w:color"))
    for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
        if color.get(qn(attr)) is not None:
            del color.attrib[qn(attr)]


def shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    for old in tcpr.findall(qn("w:shd")):
        tcpr.remove(old)
    tcpr.append(el("w:shd", w_val="clear", w_color="auto", w_fill=fill))


def row_flags(row, header: bool = False) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(el("w:cantSplit"))
    if header:
        trpr.append(el("w:tblHeader"))


def add_field(paragraph, instr: str, cached: str = "", bold: bool = False) -> None:
    """A complex field (PAGE, SEQ, ...) with a cached result Word replaces on update."""
    def run(*children):
        r = paragraph.add_run()
        if bold:
            r.bold = True
        for child in children:
            r._r.append(child)
        return r

    run(el("w:fldChar", w_fldCharType="begin"))
    instr_el = el("w:instrText")
    instr_el.set(qn("xml:space"), "preserve")
    instr_el.text = f" {instr} "
    run(instr_el)
    run(el("w:fldChar", w_fldCharType="separate"))
    r = paragraph.add_run(cached)
    if bold:
        r.bold = True
    run(el("w:fldChar", w_fldCharType="end"))

