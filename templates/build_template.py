"""Build templates/lkjip_template.docx: the LKjIP Word template, as reviewable code.

The template is an ordinary Word document with docxtpl (Jinja2) tags: real styles (Title, Heading 1-5,
Caption, "Tabel LKjIP", List Bullet, TOC 1-3), A4 with a cover, roman-numbered front matter and an
arabic-numbered body, a running header and a page number in the footer, the table of contents and
the lists of tables and figures as Word fields that Word refreshes when it opens the file. A Kanwil
may restyle it in Word (logo, fonts, colours): the renderer only relies on the tags and the style
names. The guideline's boilerplate prose (the same for every office) lives here with the office's
names filled in by tags; data-driven sentences come from `lkj_engine.context`.

Usage: python templates/build_template.py [OUTPUT.docx]
"""
from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parent / "lkjip_template.docx"
# Fixed stamps so two builds give the same bytes (the committed .docx is tested to be this output).
FIXED_TIME = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
ZIP_TIME = (2025, 1, 1, 0, 0, 0)
FONT = "Arial"
PAGE_W, PAGE_H = Cm(21.0), Cm(29.7)
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = Cm(3.0), Cm(2.5), Cm(2.5), Cm(2.5)
TEXT_W_CM = 15.5
HEADER_FILL = "D9D9D9"
SUBTOTAL_FILL = "F2F2F2"
PEDOMAN = "{{ pedoman }}"  # the year profile's citation, or the Identitas override
SAKIP = ("Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
         "Pemerintah")
PANRB = ("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 "
         "tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan "
         "Kinerja Instansi Pemerintah")


# ============================================================== low-level XML helpers

def _el(tag: str, **attrs: str) -> OxmlElement:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(key.replace("_", ":", 1)), value)
    return el


def _set_fonts(rpr) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _el("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _black(font) -> None:
    font.color.rgb = RGBColor(0, 0, 0)
    color = font.element.rPr.find(qn("w:color"))
    for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
        if color.get(qn(attr)) is not None:
            del color.attrib[qn(attr)]


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    for old in tcpr.findall(qn("w:shd")):
        tcpr.remove(old)
    tcpr.append(_el("w:shd", w_val="clear", w_color="auto", w_fill=fill))


def _row_flags(row, header: bool = False) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(_el("w:cantSplit"))
    if header:
        trpr.append(_el("w:tblHeader"))


def add_field(paragraph, instr: str, cached: str = "", bold: bool = False) -> None:
    """A complex field (PAGE, SEQ, ...) with a cached result Word replaces on update."""
    def run(*children):
        r = paragraph.add_run()
        if bold:
            r.bold = True
        for child in children:
            r._r.append(child)
        return r

    run(_el("w:fldChar", w_fldCharType="begin"))
    instr_el = _el("w:instrText")
    instr_el.set(qn("xml:space"), "preserve")
    instr_el.text = f" {instr} "
    run(instr_el)
    run(_el("w:fldChar", w_fldCharType="separate"))
    r = paragraph.add_run(cached)
    if bold:
        r.bold = True
    run(_el("w:fldChar", w_fldCharType="end"))


# ============================================================== styles

def _style(doc, name: str, base: str | None = "Normal", kind=WD_STYLE_TYPE.PARAGRAPH, **fmt):
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
        _set_fonts(rpr)
        _black(font)
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


def _bullet_indent(doc, style_name: str, left) -> None:
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
        ppr = _el("w:pPr")
        lvl.append(ppr)
    for old in ppr.findall(qn("w:ind")) + ppr.findall(qn("w:tabs")):
        ppr.remove(old)
    tabs = _el("w:tabs")
    tabs.append(_el("w:tab", w_val="num", w_pos=str(int(left.twips))))
    ppr.append(tabs)
    ppr.append(_el("w:ind", w_left=str(int(left.twips)), w_hanging=str(int(Cm(0.5).twips))))


def setup_styles(doc) -> None:
    # document defaults: Arial everywhere, no theme fonts
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = _el("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "id-ID")

    left = WD_ALIGN_PARAGRAPH.LEFT
    center = WD_ALIGN_PARAGRAPH.CENTER
    right = WD_ALIGN_PARAGRAPH.RIGHT
    _style(doc, "Normal", None, size=11, after=6, line=1.3)
    _style(doc, "Title", size=18, bold=True, align=center, before=0, after=12, line=1.15)
    _style(doc, "Subtitle", size=14, bold=True, align=center, after=6, line=1.15)
    _style(doc, "Sampul", size=14, bold=True, align=center, after=4, line=1.15)
    _style(doc, "Heading 1", size=14, bold=True, align=center, after=18, line=1.15, keep_next=True,
           page_break=True)
    _style(doc, "Heading 2", size=12, bold=True, align=left, before=12, after=6, line=1.15, keep_next=True)
    _style(doc, "Heading 3", size=11, bold=True, align=left, before=10, after=6, line=1.15, keep_next=True,
           left=Cm(0.5))
    _style(doc, "Heading 4", size=11, bold=True, align=left, before=8, after=4, line=1.15, keep_next=True,
           left=Cm(0.5))
    _style(doc, "Heading 5", size=11, bold=True, italic=False, align=left, before=6, after=4, line=1.15,
           keep_next=True, left=Cm(0.5))
    for level in range(1, 6):
        ppr = doc.styles[f"Heading {level}"].element.get_or_add_pPr()
        for old in ppr.findall(qn("w:outlineLvl")):
            ppr.remove(old)
        ppr.append(_el("w:outlineLvl", w_val=str(level - 1)))
    _style(doc, "Caption", size=10, bold=True, align=center, before=6, after=6, line=1.0)
    _style(doc, "Gambar", align=center, before=6, after=0, line=1.0, keep_next=True)
    _style(doc, "Rumus", size=10, align=left, after=2, line=1.15, left=Cm(1.0), keep_together=True,
           keep_next=True)
    _style(doc, "Judul Blok", size=11, bold=True, align=left, before=6, after=3, line=1.15, keep_next=True,
           left=Cm(0.5))
    _style(doc, "Daftar", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=3, left=Cm(1.0), first=Cm(-0.75),
           tabs=[(Cm(1.0), WD_TAB_ALIGNMENT.LEFT)])
    _style(doc, "Daftar 2", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=3, left=Cm(1.75), first=Cm(-0.75),
           tabs=[(Cm(1.75), WD_TAB_ALIGNMENT.LEFT)])
    _style(doc, "List Bullet", after=3, left=Cm(1.0), first=Cm(-0.5))
    _style(doc, "List Bullet 2", after=3, left=Cm(2.25), first=Cm(-0.5))
    _bullet_indent(doc, "List Bullet", Cm(1.0))
    _bullet_indent(doc, "List Bullet 2", Cm(2.25))
    _style(doc, "Daftar Lanjut", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=3, left=Cm(1.75))
    _style(doc, "Catatan", size=9, italic=True, align=left, after=2, line=1.0)
    _style(doc, "Tanda Tangan", align=left, after=0, line=1.15, left=Cm(8.5))
    _style(doc, "Teks Tabel", size=9, align=left, after=0, line=1.0)
    _style(doc, "Teks Tabel Angka", base="Teks Tabel", size=9, align=right, after=0, line=1.0)
    _style(doc, "Teks Tabel Tengah", base="Teks Tabel", size=9, align=center, after=0, line=1.0)
    _style(doc, "Judul Tabel", base="Teks Tabel", size=9, bold=True, align=center, after=0, line=1.0)
    _style(doc, "Header", size=8, italic=True, align=right, after=0, line=1.0)
    _style(doc, "Footer", size=9, align=center, after=0, line=1.0)
    tab = [(Cm(TEXT_W_CM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)]
    # Word's built-in names ("toc 1", "table of figures") so a field update keeps these formats
    for name, style_id, fmt in (
        ("toc 1", "TOC1", dict(size=11, bold=True, before=4)),
        ("toc 2", "TOC2", dict(size=11, left=Cm(0.5))),
        ("toc 3", "TOC3", dict(size=10, left=Cm(1.0))),
        ("table of figures", "TableofFigures", dict(size=10, left=Cm(2.2), first=Cm(-2.2))),
    ):
        st = _style(doc, name, align=left, after=2, line=1.0, tabs=tab, **fmt)
        st.element.set(qn("w:styleId"), style_id)
        st.element.get_or_add_pPr()

    # table style: borders, shaded bold header row
    try:
        tstyle = doc.styles["Tabel LKjIP"]
    except KeyError:
        tstyle = doc.styles.add_style("Tabel LKjIP", WD_STYLE_TYPE.TABLE)
    tstyle.base_style = doc.styles["Normal Table"]
    el = tstyle.element
    tblpr = el.find(qn("w:tblPr"))
    if tblpr is None:
        tblpr = _el("w:tblPr")
        el.append(tblpr)
    borders = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{side}", w_val="single", w_sz="4", w_space="0", w_color="000000"))
    tblpr.append(borders)
    margins = _el("w:tblCellMar")
    for side, width in (("top", "28"), ("left", "85"), ("bottom", "28"), ("right", "85")):
        margins.append(_el(f"w:{side}", w_w=width, w_type="dxa"))
    tblpr.append(margins)
    first = _el("w:tblStylePr", w_type="firstRow")
    frpr = _el("w:rPr")
    frpr.append(_el("w:b"))
    first.append(frpr)
    ftcpr = _el("w:tcPr")
    ftcpr.append(_el("w:shd", w_val="clear", w_color="auto", w_fill=HEADER_FILL))
    first.append(ftcpr)
    el.append(first)


def setup_settings(doc) -> None:
    """Word refreshes every field (TOC, lists of tables and figures, SEQ) when it opens the file."""
    settings = doc.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    update = _el("w:updateFields", w_val="true")
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


# ============================================================== the builder

class Builder:
    """Writes the template top to bottom; each method adds one kind of block."""

    def __init__(self) -> None:
        self.doc = Document()
        setup_styles(self.doc)
        setup_settings(self.doc)
        sec = self.doc.sections[0]
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = PAGE_W, PAGE_H
        sec.left_margin, sec.right_margin = MARGIN_L, MARGIN_R
        sec.top_margin, sec.bottom_margin = MARGIN_T, MARGIN_B
        sec.header_distance = sec.footer_distance = Cm(1.25)
        body = self.doc.element.body
        for p in list(body.iterchildren(qn("w:p"))):
            body.remove(p)

    # ---- paragraphs
    def p(self, text: str = "", style: str | None = None, bold: bool = False):
        para = self.doc.add_paragraph(style=style)
        if text:
            run = para.add_run(text)
            run.bold = bold or None
        return para

    def tag(self, text: str):
        """A control paragraph (``{%p ... %}``): docxtpl removes the paragraph and keeps the tag."""
        return self.doc.add_paragraph(text)

    def h(self, level: int, text: str):
        return self.doc.add_paragraph(text, style=f"Heading {level}")

    def items(self, lines: list[str], style: str = "Daftar"):
        for line in lines:
            self.p(line, style)

    def bullet(self, text: str):
        return self.p(text, "List Bullet")

    def narasi_or(self, key: str, default) -> None:
        """The clerk's Narasi text for `key` when given, else the template's default prose."""
        self.tag(f"{{%p if narasi.{key} %}}")
        self.p(f"{{{{p narasi.{key} }}}}")
        self.tag("{%p else %}")
        default()
        self.tag("{%p endif %}")

    def caption(self, label: str, chapter: int, title: str):
        """``Tabel 3.<SEQ>`` + title; the renderer sets the SEQ's cached number and checks the chapter."""
        para = self.p(style="Caption")
        para.paragraph_format.keep_with_next = label == "Tabel"  # a table caption sits above its table
        para.add_run(f"{label} {chapter}.")
        add_field(para, f"SEQ {label} \\* ARABIC \\s 1", "1")
        para.add_run(f" {title}")
        return para

    def figure(self, image_expr: str, chapter: int, title: str):
        self.p(f"{{{{ {image_expr} }}}}", "Gambar")
        self.caption("Gambar", chapter, title)

    def figures(self, key: str, chapter: int):
        """The clerk's pictures (Gambar sheet) for one place of the report."""
        self.tag(f"{{%p for f in gambar.{key} %}}")
        self.figure("f.img", chapter, "{{ f.judul }}")
        self.tag("{%p endfor %}")

    def sentence(self, expr: str, style: str | None = None):
        return self.p(f"{{{{r {expr} }}}}", style)

    # ---- tables
    def table(self, headers: list[str], widths: list[float], rows: list[list[str]],
              numbers: bool = False, aligns: str | None = None, header_rows: list[list[str]] | None = None,
              merges: dict[int, list[tuple[int, int]]] | None = None,
              shaded: set[int] | None = None, bold_rows: set[int] | None = None,
              indent: dict[int, list[int]] | None = None, keep: set[int] | None = None):
        """A table in the "Tabel LKjIP" style.

        `rows` are template rows (cells may hold tags; a row whose first cell holds ``{%tr ...%}`` is a
        control row). `aligns` gives one letter per column for value cells: l(eft), r(ight), c(enter).
        `merges` maps a row index (in `rows`) to (first, last) column spans to merge.
        """
        header_rows = header_rows or [headers]
        if numbers:
            header_rows = header_rows + [[f"({i})" for i in range(1, len(widths) + 1)]]
        total = len(header_rows) + len(rows)
        table = self.doc.add_table(rows=total, cols=len(widths))
        table.style = self.doc.styles["Tabel LKjIP"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        tblpr = table._tbl.tblPr  # autofit=False above already wrote <w:tblLayout w:type="fixed"/>
        look = tblpr.find(qn("w:tblLook"))
        if look is None:
            look = _el("w:tblLook")
            tblpr.append(look)
        look.set(qn("w:val"), "04A0")
        look.set(qn("w:firstRow"), "1")
        for i, w in enumerate(widths):
            table.columns[i].width = Cm(w)
        aligns = aligns or "l" * len(widths)
        style_of = {"l": "Teks Tabel", "r": "Teks Tabel Angka", "c": "Teks Tabel Tengah"}
        for r, values in enumerate(header_rows):
            row = table.rows[r]
            _row_flags(row, header=True)
            for c, text in enumerate(values):
                cell = row.cells[c]
                cell.width = Cm(widths[c])
                _shade(cell, HEADER_FILL)
                para = cell.paragraphs[0]
                para.style = self.doc.styles["Judul Tabel"]
                if text:
                    para.add_run(text)
        merges = merges or {}
        for r, values in enumerate(rows):
            row = table.rows[len(header_rows) + r]
            _row_flags(row)
            for c, text in enumerate(values):
                cell = row.cells[c]
                cell.width = Cm(widths[c])
                para = cell.paragraphs[0]
                para.style = self.doc.styles[style_of[aligns[c]]]
                if keep and r in keep:  # a group row stays with the first row of its group
                    para.paragraph_format.keep_with_next = True
                if indent and c in indent.get(r, []):
                    para.paragraph_format.left_indent = Cm(0.4)
                if text:
                    run = para.add_run(text)
                    if bold_rows and r in bold_rows:
                        run.bold = True
                if shaded and r in shaded:
                    _shade(cell, SUBTOTAL_FILL)
            for first, last in merges.get(r, []):
                merged = row.cells[first].merge(row.cells[last])
                # keep only the first cell's text
                paras = merged.paragraphs
                for extra in paras[1:]:
                    extra._p.getparent().remove(extra._p)
        self.p(style="Teks Tabel")  # breathing space after the table
        return table

    def save(self, path: Path) -> None:
        """Write the .docx reproducibly: entries in a fixed order with a fixed timestamp."""
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        self.doc.save(buffer)
        path.write_bytes(reproducible_zip(buffer.getvalue()))


def reproducible_zip(data: bytes) -> bytes:
    """The same package with every entry's date, permissions and compression fixed, order kept
    (python-docx writes the parts in a stable order; [Content_Types].xml must stay first)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


def _page_numbering(section, fmt: str, start: int) -> None:
    sectpr = section._sectPr
    for old in sectpr.findall(qn("w:pgNumType")):
        sectpr.remove(old)
    pg = _el("w:pgNumType", w_fmt=fmt, w_start=str(start))
    # schema order: pgNumType comes after pgMar/paperSrc... python-docx keeps cols/docGrid; insert
    # before w:cols when present
    cols = sectpr.find(qn("w:cols"))
    if cols is not None:
        cols.addprevious(pg)
    else:
        sectpr.append(pg)


def _header_footer(section) -> None:
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    hp = section.header.paragraphs[0]
    hp.style = "Header"
    hp.text = "LKjIP {{ nama_singkat }} Tahun {{ tahun }}"
    ppr = hp._p.get_or_add_pPr()
    border = _el("w:pBdr")
    border.append(_el("w:bottom", w_val="single", w_sz="4", w_space="1", w_color="000000"))
    ppr.append(border)
    fp = section.footer.paragraphs[0]
    fp.style = "Footer"
    add_field(fp, "PAGE", "1")


def _blank_header_footer(section) -> None:
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    section.header.paragraphs[0].text = ""
    section.footer.paragraphs[0].text = ""


def _toc(b: Builder, instr: str, hint: str) -> None:
    """A TOC field over three paragraphs: begin, cached result, end. The renderer fills the result."""
    style = "toc 1" if "\\o" in instr else "table of figures"
    start = b.p(style=style)
    for child in (_el("w:fldChar", w_fldCharType="begin"),):
        start.add_run()._r.append(child)
    instr_el = _el("w:instrText")
    instr_el.set(qn("xml:space"), "preserve")
    instr_el.text = f" {instr} "
    start.add_run()._r.append(instr_el)
    start.add_run()._r.append(_el("w:fldChar", w_fldCharType="separate"))
    b.p(hint, style)
    end = b.p(style=style)
    end.add_run()._r.append(_el("w:fldChar", w_fldCharType="end"))


# ============================================================== content

def cover(b: Builder) -> None:
    b.p(style="Sampul")
    b.p("LAPORAN KINERJA INSTANSI PEMERINTAH", "Title")
    b.p("(LKjIP)", "Sampul")
    b.p("TAHUN {{ tahun }}", "Sampul")
    b.p(style="Sampul")
    b.tag("{%p if logo %}")
    b.p("{{ logo }}", "Gambar")
    b.tag("{%p endif %}")
    b.p(style="Sampul")
    b.p("{{ satker.nama_kapital }}", "Title")
    b.tag("{%p if satker.kanwil_induk %}")
    b.p("{{ satker.kanwil_induk_kapital }}", "Sampul")
    b.tag("{%p endif %}")
    b.p("{{ kementerian_kapital }}", "Sampul")
    b.p("REPUBLIK INDONESIA", "Sampul")
    b.p(style="Sampul")
    b.p("{{ satker.alamat }}", "Teks Tabel Tengah")
    b.p("{% if satker.telepon %}Telepon {{ satker.telepon }}{% endif %}{% if satker.telepon and satker.email %}"
        " · {% endif %}{% if satker.email %}Surel {{ satker.email }}{% endif %}{% if satker.laman %}"
        " · {{ satker.laman }}{% endif %}", "Teks Tabel Tengah")


def kata_pengantar(b: Builder) -> None:
    b.h(1, "KATA PENGANTAR")

    def default() -> None:
        b.p("Puji dan syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat dan "
            "karunia-Nya Laporan Kinerja Instansi Pemerintah (LKjIP) {{ satker.nama }} Tahun {{ tahun }} "
            "dapat tersusun tepat waktu. Laporan ini disusun sebagai wujud pertanggungjawaban atas "
            "pelaksanaan tugas dan fungsi serta penggunaan anggaran dalam mencapai visi, misi, tujuan dan "
            "sasaran yang telah ditetapkan, dalam rangka mewujudkan tata kelola pemerintahan yang baik.")
        b.p(f"Laporan Kinerja ini disusun berdasarkan {SAKIP} dan {PANRB}, dengan format sesuai {PEDOMAN}.")
        b.p("Laporan ini menyajikan capaian kinerja {{ satker.nama }} tahun {{ tahun }} dibandingkan dengan "
            "target dalam Perjanjian Kinerja, perbandingannya dengan tahun-tahun sebelumnya, serta realisasi "
            "anggaran yang mendukungnya. Permasalahan dan kendala yang dihadapi menjadi bahan rencana tindak "
            "lanjut untuk perbaikan kinerja ke depan.")
        b.p("Kami menyampaikan terima kasih kepada semua pihak yang telah berkontribusi dalam penyusunan "
            "laporan ini. Semoga Laporan Kinerja ini bermanfaat sebagai media informasi kinerja dan bahan "
            "evaluasi bagi peningkatan kinerja {{ satker.nama }} di masa yang akan datang.")

    b.narasi_or("kata_pengantar", default)
    b.p()
    b.p("{{ satker.tempat_tanggal }}", "Tanda Tangan")
    b.p("{{ satker.jabatan_kepala }},", "Tanda Tangan")
    for _ in range(3):
        b.p(style="Tanda Tangan")
    b.p("{{ satker.nama_kepala }}", "Tanda Tangan", bold=True)
    b.tag("{%p if satker.nip_baris %}")
    b.p("{{ satker.nip_baris }}", "Tanda Tangan")
    b.tag("{%p endif %}")


def daftar(b: Builder) -> None:
    b.h(1, "DAFTAR ISI")
    _toc(b, 'TOC \\o "1-3" \\h \\z \\u', "Daftar isi diperbarui otomatis saat dokumen dibuka di Word.")
    b.h(1, "DAFTAR TABEL")
    _toc(b, 'TOC \\h \\z \\c "Tabel"', "Daftar tabel diperbarui otomatis saat dokumen dibuka di Word.")
    b.h(1, "DAFTAR GAMBAR")
    _toc(b, 'TOC \\h \\z \\c "Gambar"', "Daftar gambar diperbarui otomatis saat dokumen dibuka di Word.")


def ringkasan(b: Builder) -> None:
    b.h(1, "RINGKASAN EKSEKUTIF")
    b.p(f"Laporan Kinerja Instansi Pemerintah (LKjIP) {{{{ satker.nama }}}} Tahun {{{{ tahun }}}} merupakan "
        f"implementasi {SAKIP} yang penyusunannya berpedoman pada {PANRB}. Format penyusunannya mengikuti "
        f"{PEDOMAN}. Laporan ini merupakan perwujudan transparansi dan akuntabilitas {{{{ satker.nama }}}} "
        "dalam melaksanakan tugas dan fungsi serta bagian dari pertanggungjawaban penggunaan anggaran.")
    b.p("Dalam Perjanjian Kinerja Tahun {{ tahun }}, {{ satker.nama }} menetapkan {{ jumlah_sasaran }} "
        "Sasaran Kegiatan dengan {{ jumlah_ikk }} Indikator Kinerja Kegiatan. {{r rata_kalimat }} "
        "Rinciannya sebagai berikut:")
    b.tag("{%p for s in sasaran %}")
    b.p("{{ s.no }}.\t{{r s.ringkasan }}", "Daftar")
    b.tag("{%p endfor %}")
    b.p("{{r anggaran.kalimat }} {{r belanja.yoy }}")
    b.tag("{%p if pnbp.ringkas %}")
    b.sentence("pnbp.ringkas")
    b.tag("{%p endif %}")
    b.tag("{%p if inovasi %}")
    b.p("Dalam rangka peningkatan layanan kepada masyarakat, pada tahun {{ tahun }} {{ satker.nama }} "
        "menjalankan inovasi berikut:")
    b.tag("{%p for x in inovasi %}")
    b.bullet("{{ x.label }}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.p("Capaian tersebut menjadi dasar bagi {{ satker.nama }} untuk terus meningkatkan kinerja pada tahun "
        "{{ tahun_depan }}.")


def bab1(b: Builder) -> None:
    b.h(1, "BAB I PENDAHULUAN")
    b.h(2, "A. Latar Belakang")

    def latar() -> None:
        b.p(f"Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) sebagaimana diatur dalam {SAKIP} "
            "mewajibkan setiap instansi pemerintah mempertanggungjawabkan pelaksanaan tugas, fungsi dan "
            "penggunaan anggarannya melalui laporan kinerja yang disusun setiap tahun.")
        b.p("{{ satker.nama }} sebagai {% if satker.kanwil %}instansi vertikal{% else %}Unit Pelaksana "
            "Teknis{% endif %} Direktorat Jenderal Imigrasi pada {{ kementerian }} yang melaksanakan "
            "pelayanan dan penegakan hukum keimigrasian di wilayah kerjanya wajib mempertanggungjawabkan "
            "amanat yang diberikan. Sebagai wujud pertanggungjawaban tersebut disusunlah Laporan Kinerja "
            "Instansi Pemerintah (LKjIP) Tahun {{ tahun }}.")
        b.p("Laporan kinerja ini merupakan bentuk akuntabilitas kinerja, sarana evaluasi pencapaian target "
            "yang telah direncanakan, pengendalian pelaksanaan kegiatan, serta bahan masukan untuk perbaikan "
            "kualitas pelayanan publik keimigrasian di masa mendatang. Melalui laporan ini {{ satker.nama }} "
            "menunjukkan komitmen terhadap prinsip tata kelola pemerintahan yang baik, transparan dan "
            "akuntabel.")

    b.narasi_or("latar_belakang", latar)

    b.h(2, "B. Tugas, Fungsi dan Struktur Organisasi")
    b.h(3, "1. Tugas dan Fungsi")

    def tugas() -> None:
        b.p("{{ satker.nama }} merupakan {% if satker.kanwil %}instansi vertikal Direktorat Jenderal Imigrasi "
            "di Provinsi {{ satker.provinsi }}{% else %}Unit Pelaksana Teknis Direktorat Jenderal Imigrasi"
            "{% if satker.kanwil_induk %} di bawah {{ satker.kanwil_induk }}{% endif %}{% endif %} yang "
            "melaksanakan sebagian tugas dan fungsi {{ kementerian }} di bidang keimigrasian. Sesuai "
            "Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian sebagaimana terakhir diubah dengan "
            "Undang-Undang Nomor 63 Tahun 2024, fungsi keimigrasian yang dilaksanakan meliputi:")
        b.items(["1.\tPelayanan keimigrasian;", "2.\tPenegakan hukum keimigrasian;",
                 "3.\tPengamanan negara; dan", "4.\tFasilitasi pembangunan kesejahteraan masyarakat."])

    b.narasi_or("tugas_dan_fungsi", tugas)
    b.h(3, "2. Struktur Organisasi")
    b.tag("{%p if struktur %}")
    b.p("Struktur organisasi {{ satker.nama }} digambarkan sebagai berikut.").paragraph_format.keep_with_next = True
    b.figure("struktur", 1, "Struktur Organisasi {{ satker.nama }}")
    b.tag("{%p else %}")
    b.p("Bagan struktur organisasi {{ satker.nama }} tidak disertakan dalam laporan ini.")
    b.tag("{%p endif %}")
    b.h(3, "3. Sumber Daya Manusia")
    b.tag("{%p if pegawai.ada %}")
    b.sentence("pegawai.kalimat")
    b.tag("{%p for d in pegawai.dimensi %}")
    b.sentence("d.kalimat")
    b.tag("{%p if d.grafik %}")
    b.figure("d.grafik", 1, "{{ d.judul }}")
    b.tag("{%p else %}")
    b.caption("Tabel", 1, "{{ d.judul }}")
    b.table(["{{ d.dimensi }}", "Jumlah (orang)"], [10.0, 4.0],
            [["{%tr for r in d.rows %}", ""], ["{{ r.kategori }}", "{{ r.jumlah }}"], ["{%tr endfor %}", ""],
             ["Jumlah", "{{ d.total }}"]], aligns="lr", bold_rows={3}, shaded={3})
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p else %}")
    b.sentence("kosong.pegawai")
    b.tag("{%p endif %}")
    b.h(3, "4. Sejarah dan Wilayah Kerja")
    b.tag("{%p if narasi.sejarah_dan_wilayah_kerja %}")
    b.p("{{p narasi.sejarah_dan_wilayah_kerja }}")
    b.tag("{%p elif not peta %}")
    b.sentence("kosong.sejarah")
    b.tag("{%p endif %}")
    b.tag("{%p if peta %}")
    b.figure("peta", 1, "Peta Wilayah Kerja {{ satker.nama }}")
    b.tag("{%p endif %}")
    b.figures("bab1", 1)

    b.h(2, "C. Maksud dan Tujuan")

    def maksud() -> None:
        b.p("Maksud penyusunan Laporan Kinerja {{ satker.nama }} Tahun {{ tahun }} adalah memberikan "
            "informasi kepada pimpinan, pemangku kepentingan dan masyarakat mengenai pelaksanaan Perjanjian "
            "Kinerja serta pengelolaan anggaran selama tahun {{ tahun }}. Adapun tujuan penyusunannya adalah:")
        b.items(["1.\tMemberikan informasi kinerja yang terukur kepada pemberi mandat atas kinerja yang telah "
                 "dan seharusnya dicapai; dan",
                 "2.\tMenjadi sarana perbaikan berkesinambungan bagi {{ satker.nama }} untuk meningkatkan "
                 "kinerjanya."])

    b.narasi_or("maksud_dan_tujuan", maksud)

    b.h(2, "D. Aspek Strategis")

    def aspek() -> None:
        b.p("{{ satker.nama }} merupakan perpanjangan tangan Direktorat Jenderal Imigrasi dalam menjalankan "
            "fungsi keimigrasian di wilayah kerjanya. Beberapa aspek strategis keberadaannya adalah:")
        b.items([
            "1.\tMemberikan pelayanan keimigrasian, yaitu penerbitan dokumen perjalanan Republik Indonesia bagi "
            "warga negara Indonesia serta pemberian, perpanjangan dan alih status izin tinggal bagi orang asing "
            "yang memenuhi syarat;",
            "2.\tMelakukan pengawasan terhadap keberadaan dan kegiatan orang asing serta penegakan hukum "
            "keimigrasian, baik secara preventif maupun represif, guna menjaga kedaulatan dan keamanan negara;",
            "3.\tMengatur dan mengawasi lalu lintas orang yang masuk atau keluar wilayah Indonesia sesuai "
            "ketentuan peraturan perundang-undangan; dan",
            "4.\tMelaksanakan tata kelola pemerintahan yang baik melalui reformasi birokrasi, pembangunan Zona "
            "Integritas, penerapan Sistem Pemerintahan Berbasis Elektronik, dan inovasi pelayanan publik.",
        ])

    b.narasi_or("aspek_strategis", aspek)
    b.tag("{%p if inovasi %}")
    b.p("Inovasi yang dijalankan {{ satker.nama }} pada tahun {{ tahun }} antara lain:")
    b.tag("{%p for x in inovasi %}")
    b.bullet("{{ x.label }}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")

    b.h(2, "E. Isu Strategis")
    b.tag("{%p if narasi.isu_strategis %}")
    b.p("{{p narasi.isu_strategis }}")
    b.tag("{%p else %}")
    b.sentence("kosong.isu_strategis")
    b.tag("{%p endif %}")

    b.h(2, "F. Sistematika Laporan")
    b.p(f"Sistematika Laporan Kinerja {{{{ satker.nama }}}} Tahun {{{{ tahun }}}} berpedoman pada {PEDOMAN}, "
        "sebagai berikut:")
    b.items([
        "1.\tBAB I PENDAHULUAN, berisi latar belakang, tugas, fungsi dan struktur organisasi, maksud dan "
        "tujuan, aspek strategis, isu strategis, serta sistematika laporan.",
        "2.\tBAB II PERENCANAAN KINERJA, berisi ikhtisar Rencana Strategis dan Perjanjian Kinerja Tahun "
        "{{ tahun }}.",
        "3.\tBAB III AKUNTABILITAS KINERJA, berisi capaian kinerja setiap Sasaran Kegiatan beserta "
        "analisisnya (perbandingan target dan realisasi, perbandingan dengan tahun sebelumnya, dengan target "
        "jangka menengah dan standar nasional, analisis keberhasilan/kegagalan, efisiensi sumber daya, dan "
        "manajemen risiko), realisasi anggaran, capaian kinerja anggaran, serta capaian lainnya.",
        "4.\tBAB IV PENUTUP, berisi simpulan atas capaian kinerja dan saran untuk peningkatan kinerja.",
        "5.\tLAMPIRAN, berisi Perjanjian Kinerja Tahun {{ tahun }} dan dokumen pendukung lainnya.",
    ])


def bab2(b: Builder) -> None:
    b.h(1, "BAB II PERENCANAAN KINERJA")
    b.h(2, "A. Rencana Strategis")

    def renstra() -> None:
        b.p("Rencana Strategis (Renstra) adalah dokumen perencanaan lima tahunan yang memuat tujuan, sasaran, "
            "arah kebijakan, strategi, target kinerja dan kerangka pendanaan. Sesuai Peraturan Presiden Nomor 80 "
            "Tahun 2025 tentang Penyusunan Rencana Strategis dan Rencana Kerja Kementerian/Lembaga, Renstra "
            "merupakan penjabaran Rencana Pembangunan Jangka Menengah Nasional (RPJMN) 2025-2029. Renstra "
            "{{ satker.nama }} mengacu pada Peraturan Menteri Imigrasi dan Pemasyarakatan Nomor 11 Tahun 2025 "
            "tentang Rencana Strategis Kementerian Imigrasi dan Pemasyarakatan Tahun 2025-2029 dan Rencana "
            "Strategis Direktorat Jenderal Imigrasi Tahun 2025-2029.")
        b.p("Visi {{ kementerian }} adalah “Terwujudnya Penegakan Hukum dan Pelayanan Keimigrasian dan "
            "Pemasyarakatan yang Berintegritas, Berkeadilan, serta Mendukung Keamanan Nasional yang Tangguh "
            "Menuju Indonesia Emas 2045”, dengan misi:")
        b.items(["1.\tMewujudkan penegakan hukum dan pelayanan bidang keimigrasian dan pemasyarakatan yang "
                 "berintegritas dan berkeadilan; dan",
                 "2.\tMewujudkan tata kelola penyelenggaraan keimigrasian dan pemasyarakatan yang modern, "
                 "profesional, dan berintegritas."])
        b.p("Visi dan misi tersebut dijabarkan ke dalam tujuan berikut:")
        b.items(["1.\tMeningkatkan kualitas penegakan dan pelayanan hukum bidang keimigrasian dan "
                 "pemasyarakatan dalam rangka menjaga tegaknya kedaulatan negara serta mewujudkan reintegrasi "
                 "sosial, dengan indikator Indeks penegakan dan pelayanan hukum bidang Imigrasi dan "
                 "Pemasyarakatan; dan",
                 "2.\tMeningkatkan kualitas sistem keimigrasian dan pemasyarakatan yang modern, terintegrasi, "
                 "dan akuntabel melalui pengembangan kompetensi dan profesionalisme sumber daya manusia, dengan "
                 "indikator Indeks Reformasi Birokrasi Kementerian Imigrasi dan Pemasyarakatan."])
        b.p("Dalam pelaksanaan tugas dan fungsi, seluruh satuan kerja di lingkungan {{ kementerian }} "
            "berpegang pada nilai utama PRIMA: Profesional, Responsif, Integritas, Modern, dan Akuntabel.")

    b.narasi_or("rencana_strategis", renstra)
    b.h(3, "1. Sasaran Kegiatan dan Indikator Kinerja Kegiatan")
    b.p("Tujuan tersebut diturunkan menjadi Sasaran Program Direktorat Jenderal Imigrasi dan selanjutnya "
        "menjadi Sasaran Kegiatan {{ satker.nama }}. Pada tahun {{ tahun }} terdapat {{ jumlah_sasaran }} "
        "Sasaran Kegiatan dengan {{ jumlah_ikk }} Indikator Kinerja Kegiatan, yaitu:")
    b.tag("{%p for s in sasaran %}")
    b.p("{{ s.no }}.\tSasaran Kegiatan {{ s.nama }}, dengan Indikator Kinerja Kegiatan:", "Daftar")
    b.tag("{%p for k in s.ikk %}")
    b.p("{{ k.huruf }}.\t{{ k.nama }} dengan target {{ k.target }};", "Daftar 2")
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")
    b.figures("bab2", 2)
    b.h(3, "2. Manajemen Risiko")
    b.tag("{%p if risiko_register %}")
    b.p("Dalam rangka penerapan manajemen risiko yang terintegrasi pada periode Renstra {{ renstra }}, "
        "{{ satker.nama }} menyusun identifikasi risiko pada tingkat kegiatan sebagai bagian dari pengendalian "
        "dan evaluasi kinerja, sebagai berikut:")
    b.caption("Tabel", 2, "Manajemen Risiko {{ satker.nama }} Tahun {{ tahun }}")
    b.table(["No", "Indikasi Risiko", "Perlakuan Risiko", "Penanggung Jawab", "Indikator Keberhasilan"],
            [1.0, 4.2, 4.2, 2.8, 3.3],
            [["{%tr for g in risiko_register %}", "", "", "", ""],
             ["{{ g.ikk }}", "", "", "", ""],
             ["{%tr for r in g.rows %}", "", "", "", ""],
             ["{{ r.no }}", "{{ r.indikasi }}", "{{ r.perlakuan }}", "{{ r.penanggung_jawab }}",
              "{{ r.indikator_keberhasilan }}"],
             ["{%tr endfor %}", "", "", "", ""],
             ["{%tr endfor %}", "", "", "", ""]],
            aligns="cllll", merges={1: [(0, 4)]}, shaded={1}, bold_rows={1}, keep={1})
    b.tag("{%p else %}")
    b.sentence("kosong.risiko")
    b.tag("{%p endif %}")

    b.h(2, "B. Perjanjian Kinerja")
    b.p(f"Berdasarkan {PANRB}, Perjanjian Kinerja adalah lembar/dokumen yang berisikan penugasan dari pimpinan "
        "instansi yang lebih tinggi kepada pimpinan instansi yang lebih rendah untuk melaksanakan "
        "program/kegiatan yang disertai dengan indikator kinerja. Melalui perjanjian kinerja terwujud komitmen "
        "penerima amanah dan kesepakatan antara penerima dan pemberi amanah atas kinerja terukur berdasarkan "
        "tugas, fungsi dan wewenang serta sumber daya yang tersedia.")
    b.p("Perjanjian Kinerja Tahun {{ tahun }} ditandatangani oleh {{ satker.jabatan_kepala }} selaku penerima "
        "amanah{% if satker.ada_atasan %} dan {{ satker.jabatan_atasan }} selaku pemberi amanah{% endif %}, "
        "dengan target kinerja sebagai berikut:")
    b.caption("Tabel", 2, "Perjanjian Kinerja {{ satker.nama }} Tahun {{ tahun }}")
    b.table(["Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target"], [5.0, 7.5, 3.0],
            [["{%tr for s in sasaran %}", "", ""], ["{%tr for k in s.ikk %}", "", ""],
             ["{% vm %}{{ s.no }}. {{ s.nama }}", "{{ k.nama }}", "{{ k.target }}"],
             ["{%tr endfor %}", "", ""], ["{%tr endfor %}", "", ""]],
            numbers=True, aligns="llr")
    b.tag("{%p if anggaran.ada %}")
    b.p("Pencapaian target tersebut didukung anggaran DIPA Tahun Anggaran {{ tahun }} sebagai berikut:")
    b.caption("Tabel", 2, "Anggaran Perjanjian Kinerja Tahun {{ tahun }}")
    _kegiatan_table(b, pagu_only=True)
    b.tag("{%p endif %}")
    b.tag("{%p if belanja.dipa %}")
    b.p("{{r belanja.dipa }} {{r sumber_dana.kalimat }}")
    b.tag("{%p endif %}")


def _kegiatan_table(b: Builder, pagu_only: bool) -> None:
    """Kegiatan grouped under their Program (a shaded row), then the total."""
    if pagu_only:
        b.table(["Program / Kegiatan", "Anggaran"], [11.5, 4.0],
                [["{%tr for r in anggaran.rows %}", ""],
                 ["{%tr if r.program %}", ""],
                 ["{{ r.label }}", ""],
                 ["{%tr else %}", ""],
                 ["{{ r.label }}", "{{ r.pagu }}"],
                 ["{%tr endif %}", ""],
                 ["{%tr endfor %}", ""],
                 ["Jumlah", "{{ anggaran.total.pagu }}"]],
                aligns="lr", merges={2: [(0, 1)]}, shaded={2, 7}, bold_rows={2, 7}, indent={4: [0]}, keep={2})
    else:
        b.table(["Program / Kegiatan", "Pagu", "Realisasi", "%"], [7.3, 3.2, 3.2, 1.8],
                [["{%tr for r in anggaran.rows %}", "", "", ""],
                 ["{%tr if r.program %}", "", "", ""],
                 ["{{ r.label }}", "", "", ""],
                 ["{%tr else %}", "", "", ""],
                 ["{{ r.label }}", "{{ r.pagu }}", "{{ r.realisasi }}", "{{ r.persen }}"],
                 ["{%tr endif %}", "", "", ""],
                 ["{%tr endfor %}", "", "", ""],
                 ["Jumlah", "{{ anggaran.total.pagu }}", "{{ anggaran.total.realisasi }}",
                  "{{ anggaran.total.persen }}"]],
                numbers=True, aligns="lrrr", merges={2: [(0, 3)]}, shaded={2, 7}, bold_rows={2, 7},
                indent={4: [0]}, keep={2})


def _ikk_analysis(b: Builder) -> None:
    """The five analyses a)-e) of one IKK (inside ``for k in s.ikk``)."""
    b.h(4, "{{ k.huruf }}. Indikator Kinerja Kegiatan {{ k.nama }}")
    b.tag("{%p if k.penjelasan %}")
    b.p("{{p k.penjelasan }}")
    b.tag("{%p endif %}")
    b.sentence("k.kalimat_polaritas")

    b.h(5, "a) Perbandingan target dan realisasi kinerja tahun {{ tahun }}")
    b.tag("{%p if k.komposit %}")
    b.p("Realisasi indikator ini merupakan indeks komposit yang dihitung dari komponen-komponennya. "
        "Nilai setiap komponen induk adalah jumlah dari nilai komponen di bawahnya dikalikan bobotnya, "
        "dengan perhitungan sebagai berikut.")
    b.tag("{%p for bl in k.blok %}")
    b.p("{{ bl.judul }}", "Judul Blok")
    b.tag("{%p for t in bl.layanan %}")
    b.caption("Tabel", 3, "{{ t.judul }}")
    b.table(["Jenis Layanan", "Standar Waktu", "Diterima", "Terbit", "Ditolak", "Batal Sistem",
             "Sesuai Syarat", "Tepat Waktu"], [3.6, 1.7, 1.7, 1.7, 1.6, 1.7, 1.7, 1.8],
            [["{%tr for r in t.rows %}", "", "", "", "", "", "", ""],
             ["{{ r.jenis }}", "{{ r.standar }}", "{{ r.diterima }}", "{{ r.terbit }}", "{{ r.ditolak }}",
              "{{ r.batal }}", "{{ r.sesuai_syarat }}", "{{ r.tepat_waktu }}"],
             ["{%tr endfor %}", "", "", "", "", "", "", ""]],
            aligns="lcrrrrrr")
    b.tag("{%p endfor %}")
    b.caption("Tabel", 3, "{{ bl.tabel_judul }}")
    b.table(["Kode", "Komponen", "Data", "Nilai", "Bobot"], [2.0, 5.1, 5.0, 1.9, 1.5],
            [["{%tr for r in bl.rows %}", "", "", "", ""],
             ["{{ r.kode }}", "{{ r.nama }}", "{{ r.data }}", "{{ r.nilai }}", "{{ r.bobot }}"],
             ["{%tr endfor %}", "", "", "", ""]],
            aligns="cllrr")
    b.tag("{%p for f in bl.rumus %}")
    b.p("{{ f }}", "Rumus")
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")
    b.tag("{%p if k.realisasi_diketik %}")
    b.sentence("k.realisasi_diketik")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")
    b.p("Capaian dihitung dengan membandingkan realisasi terhadap target:")
    b.p("{{ k.rumus_capaian }}", "Rumus")
    b.sentence("k.kalimat_capaian")

    b.h(5, "b) Perbandingan realisasi dan capaian dengan tahun sebelumnya")
    b.tag("{%p if k.riwayat.rows %}")
    b.caption("Tabel", 3, "{{ k.riwayat.judul }}")
    b.table(["Tahun", "Target", "Realisasi", "Capaian"], [2.5, 4.3, 4.3, 4.4],
            [["{%tr for r in k.riwayat.rows %}", "", "", ""],
             ["{{ r.tahun }}", "{{ r.target }}", "{{ r.realisasi }}", "{{ r.capaian }}"],
             ["{%tr endfor %}", "", "", ""]],
            aligns="crrr")
    b.tag("{%p endif %}")
    b.sentence("k.riwayat.kalimat")

    b.h(5, "c) Perbandingan realisasi dengan target jangka menengah")
    b.tag("{%p if k.jangka_menengah.rumus %}")
    b.p("{{ k.jangka_menengah.rumus }}", "Rumus")
    b.tag("{%p endif %}")
    b.sentence("k.jangka_menengah.kalimat")

    b.h(5, "d) Perbandingan realisasi dengan standar nasional")
    b.tag("{%p if k.standar_nasional.rumus %}")
    b.p("{{ k.standar_nasional.rumus }}", "Rumus")
    b.tag("{%p endif %}")
    b.sentence("k.standar_nasional.kalimat")

    b.h(5, "e) Analisis keberhasilan/kegagalan, efisiensi sumber daya, program penunjang, kendala dan solusi")
    b.tag("{%p if k.analisis %}")
    b.tag("{%p for a in k.analisis %}")
    b.p("{{ a.nomor }} {{ a.judul }}", "Judul Blok")
    b.p("{{p a.isi }}")
    b.tag("{%p endfor %}")
    b.tag("{%p else %}")
    b.sentence("k.analisis_kosong")
    b.tag("{%p endif %}")
    b.p("{{ k.risiko_nomor }} Analisis manajemen risiko", "Judul Blok")
    b.tag("{%p if k.risiko %}")
    b.p("Realisasi penanganan risiko {{ k.nama }} selama tahun {{ tahun }} adalah sebagai berikut:")
    b.caption("Tabel", 3, "Realisasi Manajemen Risiko {{ k.nama }}")
    b.table(["No", "Indikasi Risiko", "Jumlah Kejadian", "Perlakuan Risiko", "Realisasi Perlakuan",
             "Keterangan"], [0.9, 3.5, 1.9, 3.3, 3.3, 2.6],
            [["{%tr for r in k.risiko %}", "", "", "", "", ""],
             ["{{ r.no }}", "{{ r.indikasi }}", "{{ r.kejadian }}", "{{ r.perlakuan }}",
              "{{ r.realisasi_perlakuan }}", "{{ r.keterangan }}"],
             ["{%tr endfor %}", "", "", "", "", ""]],
            aligns="clclll")
    b.tag("{%p else %}")
    b.sentence("k.risiko_kosong")
    b.tag("{%p endif %}")


def bab3(b: Builder) -> None:
    b.h(1, "BAB III AKUNTABILITAS KINERJA")
    b.h(2, "A. Capaian Kinerja")
    b.p("Pengukuran kinerja merupakan fondasi manajemen kinerja: proses sepanjang tahun untuk mengetahui "
        "sejauh mana organisasi berhasil mencapai tujuan yang ditetapkan, yang membantu mengenali keberhasilan "
        "dan kelemahan serta menjadi dasar pengambilan keputusan dan pertanggungjawaban kepada masyarakat.")
    b.p("Pengukuran capaian kinerja {{ satker.nama }} dilakukan dengan membandingkan target setiap Indikator "
        "Kinerja Kegiatan dalam Perjanjian Kinerja dengan realisasinya. Untuk indikator berpolaritas positif "
        "capaian = realisasi ÷ target × 100%, sedangkan untuk indikator berpolaritas negatif capaian = "
        "(2 × target − realisasi) ÷ target × 100%. Rata-rata capaian setiap Sasaran Kegiatan adalah rata-rata "
        "capaian indikatornya.")
    b.p("Target dan capaian {{ jumlah_ikk }} Indikator Kinerja Kegiatan pada {{ jumlah_sasaran }} Sasaran "
        "Kegiatan tahun {{ tahun }} disajikan pada tabel berikut:")
    b.caption("Tabel", 3, "Capaian Perjanjian Kinerja {{ satker.nama }} Tahun {{ tahun }}")
    b.table(["Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target", "Realisasi", "Capaian"],
            [3.3, 4.3, 3.0, 3.0, 1.9],
            [["{%tr for s in sasaran %}", "", "", "", ""], ["{%tr for k in s.ikk %}", "", "", "", ""],
             ["{% vm %}{{ s.no }}. {{ s.nama }}", "{{ k.nama }}", "{{ k.target }}", "{{ k.realisasi }}",
              "{{ k.capaian }}"],
             ["{%tr endfor %}", "", "", "", ""],
             ["Rata-rata capaian Sasaran Kegiatan {{ s.no }}", "", "", "", "{{ s.rata }}"],
             ["{%tr endfor %}", "", "", "", ""],
             ["Rata-rata capaian kinerja", "", "", "", "{{ rata_capaian }}"],
             ["Anggaran (pagu, realisasi, persentase realisasi)", "", "{{ anggaran.total.pagu }}",
              "{{ anggaran.total.realisasi }}", "{{ anggaran.total.persen }}"]],
            numbers=True, aligns="llrrr", merges={4: [(0, 3)], 6: [(0, 3)], 7: [(0, 1)]},
            shaded={4, 6, 7}, bold_rows={4, 6, 7})
    b.p("Keterangan: {{ rata_metode }}", "Catatan")
    b.tag("{%p if catatan_capaian %}")
    b.tag("{%p for c in catatan_capaian %}")
    b.p("{{r c }}", "Catatan")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.sentence("rata_kalimat")
    b.tag("{%p if grafik.ikk_target_realisasi %}")
    b.figure("grafik.ikk_target_realisasi", 3, "Target dan Realisasi Indikator Kinerja Kegiatan Tahun {{ tahun }}")
    b.tag("{%p endif %}")
    b.tag("{%p if grafik.ikk_capaian %}")
    b.figure("grafik.ikk_capaian", 3, "Capaian Indikator Kinerja Kegiatan Tahun {{ tahun }}")
    b.tag("{%p endif %}")

    b.tag("{%p for s in sasaran %}")
    b.h(3, "{{ s.no }}. Sasaran Kegiatan {{ s.nama }}")
    b.sentence("s.intro")
    b.tag("{%p for k in s.ikk %}")
    _ikk_analysis(b)
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")
    b.figures("bab3a", 3)

    b.h(2, "B. Realisasi Anggaran")
    b.p("Pencapaian sasaran kinerja tahun {{ tahun }} tidak terlepas dari bagaimana {{ satker.nama }} "
        "menggunakan anggaran yang dialokasikan secara tepat dan efektif. Realisasi anggaran Tahun Anggaran "
        "{{ tahun }} diuraikan sebagai berikut.")
    b.h(3, "1. Realisasi Anggaran per Sasaran dan Kegiatan")
    b.tag("{%p if anggaran.ada %}")
    b.tag("{%p if anggaran.sasaran %}")
    b.caption("Tabel", 3, "Realisasi Anggaran per Sasaran Kegiatan Tahun {{ tahun }}")
    b.table(["No", "Sasaran Kegiatan", "Pagu", "Realisasi", "%"], [1.0, 6.3, 3.2, 3.2, 1.8],
            [["{%tr for s in anggaran.sasaran %}", "", "", "", ""],
             ["{{ s.no }}", "{{ s.nama }}", "{{ s.pagu }}", "{{ s.realisasi }}", "{{ s.persen }}"],
             ["{%tr endfor %}", "", "", "", ""]],
            numbers=True, aligns="clrrr")
    b.tag("{%p endif %}")
    b.caption("Tabel", 3, "Realisasi Anggaran per Kegiatan Tahun {{ tahun }}")
    _kegiatan_table(b, pagu_only=False)
    b.sentence("anggaran.kalimat")
    b.tag("{%p else %}")
    b.sentence("kosong.anggaran")
    b.tag("{%p endif %}")

    b.h(3, "2. Realisasi Anggaran menurut Jenis Belanja")
    b.tag("{%p if belanja.ada %}")
    b.caption("Tabel", 3, "Realisasi Anggaran menurut Jenis Belanja")
    b.table(["Jenis Belanja", "Pagu", "Realisasi", "%", "Blokir"], [4.3, 3.2, 3.2, 1.6, 3.2],
            [["{%tr for y in belanja.tahun %}", "", "", "", ""],
             ["Tahun {{ y.tahun }}", "", "", "", ""],
             ["{%tr for x in y.lines %}", "", "", "", ""],
             ["{{ x.label }}", "{{ x.pagu }}", "{{ x.realisasi }}", "{{ x.persen }}", "{{ x.blokir }}"],
             ["{%tr endfor %}", "", "", "", ""],
             ["Jumlah {{ y.tahun }}", "{{ y.total.pagu }}", "{{ y.total.realisasi }}", "{{ y.total.persen }}",
              "{{ y.total.blokir }}"],
             ["{%tr endfor %}", "", "", "", ""]],
            aligns="lrrrr", merges={1: [(0, 4)]}, shaded={1, 5}, bold_rows={1, 5}, keep={1})
    b.tag("{%p if belanja.ada_perubahan %}")
    b.caption("Tabel", 3, "Perbandingan Persentase Realisasi menurut Jenis Belanja Tahun {{ belanja.tahun_lalu }} "
              "dan {{ belanja.tahun_ini }}")
    b.table(["Jenis Belanja", "% Realisasi {{ belanja.tahun_lalu }}", "% Realisasi {{ belanja.tahun_ini }}",
             "Perubahan (poin persentase)"], [5.5, 3.3, 3.3, 3.4],
            [["{%tr for c in belanja.perubahan %}", "", "", ""],
             ["{{ c.jenis }}", "{{ c.lalu }}", "{{ c.ini }}", "{{ c.perubahan }}"],
             ["{%tr endfor %}", "", "", ""]],
            aligns="lrrr")
    b.p("Keterangan: perubahan dihitung dari persentase sebelum pembulatan, sehingga dapat berbeda 0,01 "
        "dari selisih angka yang tercetak.", "Catatan")
    b.tag("{%p endif %}")
    b.tag("{%p for s in belanja.kalimat %}")
    b.sentence("s")
    b.tag("{%p endfor %}")
    b.sentence("belanja.blokir")
    b.tag("{%p if grafik.belanja %}")
    b.figure("grafik.belanja", 3, "Pagu dan Realisasi Anggaran menurut Jenis Belanja")
    b.tag("{%p endif %}")
    b.tag("{%p else %}")
    b.sentence("kosong.belanja")
    b.tag("{%p endif %}")
    b.tag("{%p if narasi.analisis_anggaran %}")
    b.p("{{p narasi.analisis_anggaran }}")
    b.tag("{%p endif %}")

    b.h(3, "3. Anggaran menurut Sumber Dana")
    b.tag("{%p if sumber_dana.ada %}")
    b.caption("Tabel", 3, "Pagu dan Realisasi Anggaran menurut Sumber Dana")
    b.table(["Sumber Dana", "Pagu", "Realisasi", "%"], [6.3, 3.6, 3.6, 2.0],
            [["{%tr for y in sumber_dana.tahun %}", "", "", ""],
             ["Tahun {{ y.tahun }}", "", "", ""],
             ["{%tr for x in y.lines %}", "", "", ""],
             ["{{ x.label }}", "{{ x.pagu }}", "{{ x.realisasi }}", "{{ x.persen }}"],
             ["{%tr endfor %}", "", "", ""],
             ["Jumlah {{ y.tahun }}", "{{ y.total.pagu }}", "{{ y.total.realisasi }}", "{{ y.total.persen }}"],
             ["{%tr endfor %}", "", "", ""]],
            aligns="lrrr", merges={1: [(0, 3)]}, shaded={1, 5}, bold_rows={1, 5}, keep={1})
    b.sentence("sumber_dana.kalimat")
    b.tag("{%p else %}")
    b.sentence("kosong.sumber_dana")
    b.tag("{%p endif %}")

    b.h(3, "4. Penerimaan Negara Bukan Pajak (PNBP)")
    b.tag("{%p if pnbp.ada %}")
    b.p("Berdasarkan Peraturan Pemerintah Nomor 45 Tahun 2024 tentang Jenis dan Tarif atas Jenis Penerimaan "
        "Negara Bukan Pajak, layanan keimigrasian menghasilkan Penerimaan Negara Bukan Pajak (PNBP). Target dan "
        "realisasi PNBP {{ satker.nama }} adalah sebagai berikut:")
    b.caption("Tabel", 3, "Target dan Realisasi Penerimaan Negara Bukan Pajak")
    b.table(["Tahun", "Target", "Realisasi", "Capaian", "Pertumbuhan"], [2.0, 4.0, 4.0, 2.5, 3.0],
            [["{%tr for r in pnbp.rows %}", "", "", "", ""],
             ["{{ r.tahun }}", "{{ r.target }}", "{{ r.realisasi }}", "{{ r.persen }}", "{{ r.pertumbuhan }}"],
             ["{%tr endfor %}", "", "", "", ""]],
            aligns="crrrr")
    b.sentence("pnbp.kalimat")
    b.tag("{%p else %}")
    b.sentence("kosong.pnbp")
    b.tag("{%p endif %}")
    b.tag("{%p if narasi.analisis_pnbp %}")
    b.p("{{p narasi.analisis_pnbp }}")
    b.tag("{%p endif %}")
    b.figures("bab3b", 3)

    b.h(2, "C. Capaian Kinerja Anggaran")
    b.p("Dalam rangka mewujudkan pelaporan yang efektif, efisien dan akuntabel, seluruh satuan kerja di "
        "lingkungan {{ kementerian }}, termasuk {{ satker.nama }}, melaporkan capaian kinerja anggaran melalui "
        "aplikasi monitoring dan evaluasi kinerja anggaran Direktorat Jenderal Anggaran Kementerian Keuangan "
        "(monev.anggaran.kemenkeu.go.id). Nilai Kinerja Anggaran (NKA) terdiri atas 2 (dua) komponen:")
    b.items(["1.\tNilai Kinerja Perencanaan Anggaran, dengan variabel Capaian Realisasi Output (CRO) berbobot "
             "75%, Penggunaan Standar Biaya Keluaran (SBK) berbobot 10%, dan Efisiensi SBK berbobot 15%; dan",
             "2.\tNilai Kinerja Pelaksanaan Anggaran, yaitu nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA) "
             "yang terdiri atas revisi DIPA, deviasi halaman III DIPA, penyerapan anggaran, belanja kontraktual, "
             "penyelesaian tagihan, pengelolaan UP dan TUP, dispensasi SPM, dan capaian output."])
    b.p("Nilai Kinerja Anggaran merupakan rata-rata kedua nilai tersebut. Komponen yang tidak berlaku bagi "
        "satuan kerja ditandai “tidak berlaku” dan tidak dinilai nol.")
    b.tag("{%p if nka.ada %}")
    b.caption("Tabel", 3, "Nilai Kinerja Perencanaan Anggaran")
    b.table(["Tahun", "{{ nka.perencanaan_header[0] }}", "{{ nka.perencanaan_header[1] }}",
             "{{ nka.perencanaan_header[2] }}", "Nilai Kinerja Perencanaan"], [2.3, 3.0, 3.3, 3.3, 3.6],
            [["{%tr for n in nka.perencanaan %}", "", "", "", ""],
             ["{{ n.tahun }}", "{{ n.nilai[0] }}", "{{ n.nilai[1] }}", "{{ n.nilai[2] }}", "{{ n.total }}"],
             ["{%tr endfor %}", "", "", "", ""]],
            aligns="crrrr")
    b.caption("Tabel", 3, "Nilai Kinerja Pelaksanaan Anggaran (IKPA)")
    b.table(["Komponen IKPA", "{{ tahun_lalu }}", "{{ tahun }}"], [8.5, 3.5, 3.5],
            [["{%tr for c in nka.pelaksanaan %}", "", ""],
             ["{{ c.komponen }}", "{{ c.lalu }}", "{{ c.ini }}"],
             ["{%tr endfor %}", "", ""]],
            aligns="lrr")
    b.caption("Tabel", 3, "Nilai Kinerja Anggaran")
    b.table(["Tahun", "Nilai Kinerja Perencanaan", "Nilai Kinerja Pelaksanaan", "Nilai Kinerja Anggaran"],
            [2.5, 4.3, 4.3, 4.4],
            [["{%tr for n in nka.ringkasan %}", "", "", ""],
             ["{{ n.tahun }}", "{{ n.perencanaan }}", "{{ n.pelaksanaan }}", "{{ n.nka }}"],
             ["{%tr endfor %}", "", "", ""]],
            aligns="crrr")
    b.sentence("nka.kalimat")
    b.tag("{%p else %}")
    b.sentence("kosong.nka")
    b.tag("{%p endif %}")
    b.tag("{%p if narasi.analisis_nka %}")
    b.p("{{p narasi.analisis_nka }}")
    b.tag("{%p endif %}")
    b.figures("bab3c", 3)

    b.h(2, "D. Capaian Lainnya")
    b.p("Selain capaian kinerja di atas, berikut capaian lain {{ satker.nama }} pada tahun {{ tahun }}.")
    b.h(3, "1. Inovasi")
    b.tag("{%p if inovasi %}")
    b.caption("Tabel", 3, "Inovasi {{ satker.nama }} Tahun {{ tahun }}")
    b.table(["No", "Inovasi", "Uraian"], [1.0, 4.8, 9.7],
            [["{%tr for x in inovasi %}", "", ""], ["{{ loop.index }}", "{{ x.label }}", "{{ x.uraian }}"],
             ["{%tr endfor %}", "", ""]], aligns="cll")
    b.tag("{%p else %}")
    b.sentence("kosong.inovasi")
    b.tag("{%p endif %}")
    b.h(3, "2. Penghargaan")
    b.tag("{%p if penghargaan %}")
    b.caption("Tabel", 3, "Penghargaan yang Diterima {{ satker.nama }}")
    b.table(["Tahun", "Penghargaan", "Pemberi", "Uraian"], [1.6, 4.6, 3.6, 5.7],
            [["{%tr for x in penghargaan %}", "", "", ""],
             ["{{ x.tahun }}", "{{ x.penghargaan }}", "{{ x.pemberi }}", "{{ x.uraian }}"],
             ["{%tr endfor %}", "", "", ""]], aligns="clll")
    b.tag("{%p else %}")
    b.sentence("kosong.penghargaan")
    b.tag("{%p endif %}")
    b.h(3, "3. E-Performance dan E-Monev")
    b.tag("{%p if narasi.e_performance %}")
    b.p("{{p narasi.e_performance }}")
    b.tag("{%p else %}")
    b.sentence("kosong.e_performance")
    b.tag("{%p endif %}")
    b.h(3, "4. Capaian Output Lainnya")
    b.tag("{%p if data_tabel %}")
    b.p("Data capaian output {{ satker.nama }} tahun {{ tahun }} disajikan pada tabel-tabel berikut.")
    b.tag("{%p for t in data_tabel %}")
    b.caption("Tabel", 3, "{{ t.judul }}")
    b.table(["{%tc for h in t.headers %}", "{{ h }}", "{%tc endfor %}"], [5.17, 5.16, 5.17],
            [["{%tr for row in t.rows %}", "", ""], ["{%tc for c in row %}", "{{ c }}", "{%tc endfor %}"],
             ["{%tr endfor %}", "", ""]], aligns="lll")
    b.tag("{%p endfor %}")
    b.tag("{%p else %}")
    b.sentence("kosong.data_tabel")
    b.tag("{%p endif %}")
    b.figures("bab3d", 3)


def bab4(b: Builder) -> None:
    b.h(1, "BAB IV PENUTUP")
    b.h(2, "A. Kesimpulan")
    b.p(f"Laporan Kinerja {{{{ satker.nama }}}} Tahun {{{{ tahun }}}} merupakan dokumen pertanggungjawaban "
        f"kinerja yang disusun berpedoman pada {PEDOMAN}. Selama periode Januari sampai dengan Desember "
        "{{ tahun }}, {{ satker.nama }} telah melaksanakan tugas dan fungsi keimigrasian sesuai Perjanjian "
        "Kinerja dengan capaian sebagai berikut:")
    b.p("1.\tCapaian Perjanjian Kinerja Tahun {{ tahun }}:", "Daftar")
    b.tag("{%p for s in kesimpulan.sasaran %}")
    b.p("{{ s.no }})\t{{r s.kalimat }}", "Daftar 2")
    b.tag("{%p for i in s.ikk %}")
    b.p("{{r i }}", "List Bullet 2")
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")
    b.p("{{r rata_kalimat }}", "Daftar Lanjut")
    b.p("2.\t{{r anggaran.kalimat }}", "Daftar")
    b.tag("{%p if pnbp.ringkas %}")
    b.p("3.\t{{r pnbp.ringkas }}", "Daftar")
    b.tag("{%p endif %}")
    b.tag("{%p if narasi.kesimpulan %}")
    b.p("{{p narasi.kesimpulan }}")
    b.tag("{%p endif %}")
    b.h(2, "B. Saran")
    b.tag("{%p if narasi.saran %}")
    b.p("{{p narasi.saran }}")
    b.tag("{%p else %}")
    b.p("Berdasarkan hasil pengukuran dan analisis capaian kinerja tahun {{ tahun }}, berikut rekomendasi untuk "
        "peningkatan kinerja {{ satker.nama }}:")
    b.tag("{%p for x in saran.solusi %}")
    b.p("{{ loop.index }}.\t{{ x.ikk }}", "Daftar")
    b.p("{{p x.isi }}")
    b.tag("{%p endfor %}")
    b.tag("{%p for x in saran.default %}")
    b.p("{{r x }}", "List Bullet")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.p("Demikian Laporan Kinerja {{ satker.nama }} Tahun {{ tahun }} ini disusun sebagai wujud "
        "pertanggungjawaban pelaksanaan tugas dan fungsi, serta sebagai bahan pertimbangan bagi pimpinan dalam "
        "pengambilan keputusan untuk pencapaian kinerja yang lebih baik pada tahun mendatang.")


def lampiran(b: Builder) -> None:
    b.h(1, "LAMPIRAN")
    b.p("Lampiran laporan ini memuat Perjanjian Kinerja Tahun {{ tahun }} {{ satker.nama }} dan dokumen "
        "pendukung lainnya.")
    b.p("PERJANJIAN KINERJA TAHUN {{ tahun }}", "Sampul")
    b.p("{{ satker.nama_kapital }}", "Sampul")
    b.p(style="Teks Tabel")
    b.table(["No", "Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target"], [1.0, 5.0, 6.5, 3.0],
            [["{%tr for s in sasaran %}", "", "", ""], ["{%tr for k in s.ikk %}", "", "", ""],
             ["{% vm %}{{ s.no }}", "{% vm %}{{ s.nama }}", "{{ k.nama }}", "{{ k.target }}"],
             ["{%tr endfor %}", "", "", ""], ["{%tr endfor %}", "", "", ""]],
            numbers=True, aligns="cllr")
    b.tag("{%p if anggaran.ada %}")
    _kegiatan_table(b, pagu_only=True)
    b.tag("{%p endif %}")
    # signatures: one row per line so both names sit on the same line
    b.p(style="Teks Tabel")
    lines = [("{% if satker.ada_atasan %}Pihak Kedua,{% endif %}", "Pihak Pertama,"),
             ("{{ satker.jabatan_atasan }}", "{{ satker.jabatan_kepala }}"),
             ("", ""),
             ("{{ satker.nama_atasan }}", "{{ satker.nama_kepala }}"),
             ("", "{{ satker.nip_baris }}")]
    sig = b.doc.add_table(rows=len(lines), cols=2)
    sig.alignment = WD_TABLE_ALIGNMENT.CENTER
    sig.autofit = False
    for row, pair in zip(sig.rows, lines):
        if pair == ("", ""):
            row.height = Cm(2.2)
        for cell, text in zip(row.cells, pair):
            cell.width = Cm(TEXT_W_CM / 2)
            para = cell.paragraphs[0]
            para.style = b.doc.styles["Teks Tabel Tengah"]
            if text:
                para.add_run(text).bold = text.startswith("{{ satker.nama")
    b.p()
    b.tag("{%p if gambar.lampiran %}")
    b.tag("{%p for f in gambar.lampiran %}")
    b.p("{{ f.img }}", "Gambar")
    b.p("Lampiran {{ loop.index }}. {{ f.judul }}", "Teks Tabel Tengah")
    b.tag("{%p endfor %}")
    b.tag("{%p else %}")
    b.sentence("kosong.lampiran")
    b.tag("{%p endif %}")


def build(path: Path = OUT) -> Path:
    b = Builder()
    doc = b.doc
    # section 1: cover (no header, no footer)
    cover(b)
    doc.add_section(WD_SECTION.NEW_PAGE)
    # section 2: front matter, lower-roman page numbers
    kata_pengantar(b)
    daftar(b)
    ringkasan(b)
    doc.add_section(WD_SECTION.NEW_PAGE)
    # section 3: body, arabic numbers from 1
    bab1(b)
    bab2(b)
    bab3(b)
    bab4(b)
    lampiran(b)
    # Section objects are taken only now: add_section moves the document's last sectPr
    cover_section, front, body = doc.sections[0], doc.sections[1], doc.sections[2]
    _blank_header_footer(cover_section)
    _header_footer(front)
    body.header.is_linked_to_previous = True
    body.footer.is_linked_to_previous = True
    _page_numbering(front, "lowerRoman", 1)
    _page_numbering(body, "decimal", 1)
    # Heading 1 already starts a page; the section breaks do too, so no page break at the first heading
    # of a section.
    for section_start in ("KATA PENGANTAR", "BAB I PENDAHULUAN"):
        for para in doc.paragraphs:
            if para.text == section_start:
                para.paragraph_format.page_break_before = False
                break
    b.save(path)
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    print(build(target))
