"""The template's named styles (headings, captions, table text, TOC) and document settings.

The renderer relies only on these style names; a Kanwil may restyle them in Word.
"""
from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from lkj_engine.render.layout.ooxml import FIXED_TIME, HEADER_FILL, TEXT_W_CM, black, el, set_fonts


def style(doc, name: str, base: str | None = "Normal", kind=WD_STYLE_TYPE.PARAGRAPH, **fmt):
    styles = doc.styles
    try:
        st = styles[name]
    except KeyError:
        st = styles.add_style(name, kind)
        st.quick_style = True
    if base and kind == WD_STYLE_TYPE.PARAGRAPH and name != base:
        st.base_style = styles[base]
    font = st.font
    if kind in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
        rpr = st.element.get_or_add_rPr()
        set_fonts(rpr)
        black(font)
        font.size = Pt(fmt.get("size", 11))
        font.bold = fmt.get("bold", False)
        font.italic = fmt.get("italic", False)
        font.all_caps = False
    if kind == WD_STYLE_TYPE.PARAGRAPH:
        pf = st.paragraph_format
        pf.alignment = fmt.get("align", WD_ALIGN_PARAGRAPH.JUSTIFY)
        pf.space_before = Pt(fmt.get("before", 0))
        pf.space_after = Pt(fmt.get("after", 6))
        pf.line_spacing = fmt.get("line", 1.15)
        pf.keep_with_next = fmt.get("keep_next", False)
        pf.keep_together = fmt.get("keep_together", False)
        pf.page_break_before = fmt.get("page_break", False)
        pf.widow_control = True
        pf.left_indent = fmt.get("left", Cm(0))
        pf.first_line_indent = fmt.get("first", Cm(0))
        for tab in fmt.get("tabs", ()):
            pf.tab_stops.add_tab_stop(*tab)
    return st


def bullet_indent(doc, style_name: str, left) -> None:
    """Bullet position of a list style: it is set in the numbering definition, which wins over the style."""
    numpr = doc.styles[style_name].element.pPr.find(qn("w:numPr"))
    num_id = numpr.find(qn("w:numId")).get(qn("w:val"))
    numbering = doc.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == abstract_id)
    lvl = abstract.find(qn("w:lvl"))
    ppr = lvl.find(qn("w:pPr"))
    if ppr is None:
        ppr = el("w:pPr")
        lvl.append(ppr)
    for old in ppr.findall(qn("w:ind")) + ppr.findall(qn("w:tabs")):
        ppr.remove(old)
    tabs = el("w:tabs")
    tabs.append(el("w:tab", w_val="num", w_pos=str(int(left.twips))))
    ppr.append(tabs)
    ppr.append(el("w:ind", w_left=str(int(left.twips)), w_hanging=str(int(Cm(0.5).twips))))


def setup_styles(doc) -> None:
    # document defaults: Arial everywhere, no theme fonts
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = el("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "id-ID")

    left = WD_ALIGN_PARAGRAPH.LEFT
    center = WD_ALIGN_PARAGRAPH.CENTER
    right = WD_ALIGN_PARAGRAPH.RIGHT
    style(doc, "Normal", None, size=11, after=6, line=1.3)
    style(doc, "Title", size=18, bold=True, align=center, before=0, after=12, line=1.15)
    style(doc, "Subtitle", size=14, bold=True, align=center, after=6, line=1.15)
    style(doc, "Sampul", size=14, bold=True, align=center, after=4, line=1.15)
    style(doc, "Heading 1", size=14, bold=True, align=center, after=18, line=1.15, keep_next=True,
           page_break=True)
    style(doc, "Heading 2", size=12, bold=True, align=left, before=12, after=6, line=1.15, keep_next=True)
    style(doc, "Heading 3", size=11, bold=True, align=left, before=10, after=6, line=1.15, keep_next=True,
           left=Cm(0.5))
    style(doc, "Heading 4", size=11, bold=True, align=left, before=8, after=4, line=1.15, keep_next=True,
           left=Cm(0.5))
    style(doc, "Heading 5", size=11, bold=True, italic=False, align=left, before=6, after=4, line=1.15,
           keep_next=True, left=Cm(0.5))
    for level in range(1, 6):
        ppr = doc.styles[f"Heading {level}"].element.get_or_add_pPr()
        for old in ppr.findall(qn("w:outlineLvl")):
            ppr.remove(old)
        ppr.append(el("w:outlineLvl", w_val=str(level - 1)))
    style(doc, "Caption", size=10, bold=True, align=center, before=6, after=6, line=1.0)
    style(doc, "Gambar", align=center, before=6, after=0, line=1.0, keep_next=True)
    style(doc, "Rumus", size=10, align=left, after=2, line=1.15, left=Cm(1.0), keep_together=True,
           keep_next=True)
    style(doc, "Judul Blok", size=11, bold=True, align=left, before=6, after=3, line=1.15, keep_next=True,
           left=Cm(0.5))
    style(doc, "Daftar", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=3, left=Cm(1.0), first=Cm(-0.75),
           tabs=[(Cm(1.0), WD_TAB_ALIGNMENT.LEFT)])
    style(doc, "Daftar 2", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=3, left=Cm(1.75), first=Cm(-0.75),
           tabs=[(Cm(1.75), WD_TAB_ALIGNMENT.LEFT)])
    style(doc, "Daftar 3", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=3, left=Cm(2.5), first=Cm(-0.75),
          tabs=[(Cm(2.5), WD_TAB_ALIGNMENT.LEFT)])
    style(doc, "List Bullet", after=3, left=Cm(1.0), first=Cm(-0.5))
    style(doc, "List Bullet 2", after=3, left=Cm(2.25), first=Cm(-0.5))
    bullet_indent(doc, "List Bullet", Cm(1.0))
    bullet_indent(doc, "List Bullet 2", Cm(2.25))
    # a paragraph that continues a "Daftar" item after its sub-items: at that item's text, not theirs
    style(doc, "Daftar Lanjut", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=3, left=Cm(1.0))
    style(doc, "Catatan", size=9, italic=True, align=left, after=2, line=1.0)
    style(doc, "Tanda Tangan", align=left, after=0, line=1.15, left=Cm(8.5))
    style(doc, "Teks Tabel", size=9, align=left, after=0, line=1.0)
    style(doc, "Teks Tabel Angka", base="Teks Tabel", size=9, align=right, after=0, line=1.0)
    style(doc, "Teks Tabel Tengah", base="Teks Tabel", size=9, align=center, after=0, line=1.0)
    style(doc, "Judul Tabel", base="Teks Tabel", size=9, bold=True, align=center, after=0, line=1.0)
    style(doc, "Header", size=8, italic=True, align=right, after=0, line=1.0)
    style(doc, "Footer", size=9, align=center, after=0, line=1.0)
    tab = [(Cm(TEXT_W_CM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)]
    # Word's built-in names ("toc 1", "table of figures") so a field update keeps these formats
    for name, style_id, fmt in (
        ("toc 1", "TOC1", dict(size=11, bold=True, before=4)),
        ("toc 2", "TOC2", dict(size=11, left=Cm(0.5))),
        ("toc 3", "TOC3", dict(size=10, left=Cm(1.0))),
        ("table of figures", "TableofFigures", dict(size=10, left=Cm(2.2), first=Cm(-2.2))),
    ):
        st = style(doc, name, align=left, after=2, line=1.0, tabs=tab, **fmt)
        st.element.set(qn("w:styleId"), style_id)
        st.element.get_or_add_pPr()

    # table style: borders, shaded bold header row
    try:
        tstyle = doc.styles["Tabel LKjIP"]
    except KeyError:
        tstyle = doc.styles.add_style("Tabel LKjIP", WD_STYLE_TYPE.TABLE)
    tstyle.base_style = doc.styles["Normal Table"]
    table_el = tstyle.element
    tblpr = table_el.find(qn("w:tblPr"))
    if tblpr is None:
        tblpr = el("w:tblPr")
        table_el.append(tblpr)
    borders = el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(el(f"w:{side}", w_val="single", w_sz="4", w_space="0", w_color="000000"))
    tblpr.append(borders)
    margins = el("w:tblCellMar")
    for side, width in (("top", "28"), ("left", "85"), ("bottom", "28"), ("right", "85")):
        margins.append(el(f"w:{side}", w_w=width, w_type="dxa"))
    tblpr.append(margins)
    first = el("w:tblStylePr", w_type="firstRow")
    frpr = el("w:rPr")
    frpr.append(el("w:b"))
    first.append(frpr)
    ftcpr = el("w:tcPr")
    ftcpr.append(el("w:shd", w_val="clear", w_color="auto", w_fill=HEADER_FILL))
    first.append(ftcpr)
    table_el.append(first)


def setup_settings(doc) -> None:
    """Word refreshes every field (TOC, lists of tables and figures, SEQ) when it opens the file."""
    settings = doc.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    update = el("w:updateFields", w_val="true")
    # CT_Settings is a strict sequence: updateFields goes before the first of these
    later = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
             "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
             "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
             "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")
    anchor = next((child for child in settings if child.tag in {qn(f"w:{n}") for n in later}), None)
    if anchor is not None:
        anchor.addprevious(update)
    else:
        settings.append(update)
    doc.core_properties.title = "Laporan Kinerja Instansi Pemerintah"
    doc.core_properties.subject = "LKjIP"
    doc.core_properties.author = "lkj_engine"
    doc.core_properties.language = "id-ID"
    doc.core_properties.created = FIXED_TIME
    doc.core_properties.modified = FIXED_TIME
    doc.core_properties.revision = 1
    doc.core_properties.last_modified_by = "lkj_engine"
