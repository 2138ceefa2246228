"""The `Builder` that writes the template top to bottom, and the section furniture (headers, TOC fields).

Each method adds one kind of block (paragraph, Jinja control tag, caption with a SEQ field, table);
`save` writes the package reproducibly (fixed zip stamps), so the committed .docx is testable.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Callable

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm

from lkj_engine.render.layout.ooxml import (
    HEADER_FILL, MARGIN_B, MARGIN_L, MARGIN_R, MARGIN_T, PAGE_H, PAGE_W, SUBTOTAL_FILL, ZIP_TIME, el,
    row_flags, shade, add_field)
from lkj_engine.render.layout.styles import setup_settings, setup_styles


def each(loop: str, *rows: list[str]) -> list[list[str]]:
    """Template rows repeated by ``{%tr for <loop> %}``: `rows` between the loop's two control rows.

    Loops nest: ``each("s in sasaran", *each("k in s.ikk", row), total)``.
    """
    blank = [""] * (len(rows[0]) - 1)
    return [["{%tr for " + loop + " %}", *blank], *rows, ["{%tr endfor %}", *blank]]


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

    def narasi_or(self, key: str, default: Callable[[], None] | str) -> None:
        """The clerk's Narasi text for `key` when given, else the default prose: the profile's paragraphs
        a ``teks.…`` expression names, or what the `default` function writes."""
        self.tag(f"{{%p if narasi.{key} %}}")
        self.p(f"{{{{p narasi.{key} }}}}")
        self.tag("{%p else %}")
        if isinstance(default, str):
            self.paragraphs(default)
        else:
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

    def optional_figure(self, image_expr: str, chapter: int, title: str) -> None:
        """A figure with its caption when the context has its image (a chart not drawn, a picture not given)."""
        self.tag(f"{{%p if {image_expr} %}}")
        self.figure(image_expr, chapter, title)
        self.tag("{%p endif %}")

    def figures(self, key: str, chapter: int):
        """The clerk's pictures (Gambar sheet) for one place of the report."""
        self.tag(f"{{%p for f in gambar.{key} %}}")
        self.figure("f.img", chapter, "{{ f.judul }}")
        self.tag("{%p endfor %}")

    def paragraphs(self, expr: str, style: str | None = None):
        """Each string of the context list `expr` as a paragraph (the profile's boilerplate prose)."""
        self.tag(f"{{%p for t in {expr} %}}")
        self.p("{{ t }}", style)
        self.tag("{%p endfor %}")

    def numbered(self, expr: str, style: str = "Daftar", mark: str = "{{ loop.index }}."):
        """Each string of the context list `expr` as a numbered list item (``1.``, or `mark`)."""
        self.tag(f"{{%p for t in {expr} %}}")
        self.p(mark + "\t{{ t }}", style)
        self.tag("{%p endfor %}")

    def sentence(self, expr: str, style: str | None = None):
        return self.p(f"{{{{r {expr} }}}}", style)

    def sentences(self, expr: str) -> None:
        """One paragraph per sentence of the list `expr` (a table's prose, computed by the context)."""
        self.tag(f"{{%p for s in {expr} %}}")
        self.sentence("s")
        self.tag("{%p endfor %}")

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
            look = el("w:tblLook")
            tblpr.append(look)
        look.set(qn("w:val"), "04A0")
        look.set(qn("w:firstRow"), "1")
        for i, w in enumerate(widths):
            table.columns[i].width = Cm(w)
        aligns = aligns or "l" * len(widths)
        style_of = {"l": "Teks Tabel", "r": "Teks Tabel Angka", "c": "Teks Tabel Tengah"}
        for r, values in enumerate(header_rows):
            row = table.rows[r]
            row_flags(row, header=True)
            for c, text in enumerate(values):
                cell = row.cells[c]
                cell.width = Cm(widths[c])
                shade(cell, HEADER_FILL)
                para = cell.paragraphs[0]
                para.style = self.doc.styles["Judul Tabel"]
                if text:
                    para.add_run(text)
        merges = merges or {}
        for r, values in enumerate(rows):
            row = table.rows[len(header_rows) + r]
            row_flags(row)
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
                    shade(cell, SUBTOTAL_FILL)
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


def page_numbering(section, fmt: str, start: int) -> None:
    sectpr = section._sectPr
    for old in sectpr.findall(qn("w:pgNumType")):
        sectpr.remove(old)
    pg = el("w:pgNumType", w_fmt=fmt, w_start=str(start))
    # schema order: pgNumType comes after pgMar/paperSrc... python-docx keeps cols/docGrid; insert
    # before w:cols when present
    cols = sectpr.find(qn("w:cols"))
    if cols is not None:
        cols.addprevious(pg)
    else:
        sectpr.append(pg)


def header_footer(section) -> None:
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    hp = section.header.paragraphs[0]
    hp.style = "Header"
    hp.text = "LKjIP {{ nama_singkat }} Tahun {{ tahun }}"
    ppr = hp._p.get_or_add_pPr()
    border = el("w:pBdr")
    border.append(el("w:bottom", w_val="single", w_sz="4", w_space="1", w_color="000000"))
    ppr.append(border)
    fp = section.footer.paragraphs[0]
    fp.style = "Footer"
    add_field(fp, "PAGE", "1")


def blank_header_footer(section) -> None:
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    section.header.paragraphs[0].text = ""
    section.footer.paragraphs[0].text = ""


def toc(b: Builder, instr: str, hint: str) -> None:
    """A TOC field over three paragraphs: begin, cached result, end. The renderer fills the result."""
    style = "toc 1" if "\\o" in instr else "table of figures"
    start = b.p(style=style)
    for child in (el("w:fldChar", w_fldCharType="begin"),):
        start.add_run()._r.append(child)
    instr_el = el("w:instrText")
    instr_el.set(qn("xml:space"), "preserve")
    instr_el.text = f" {instr} "
    start.add_run()._r.append(instr_el)
    start.add_run()._r.append(el("w:fldChar", w_fldCharType="separate"))
    b.p(hint, style)
    end = b.p(style=style)
    end.add_run()._r.append(el("w:fldChar", w_fldCharType="end"))

