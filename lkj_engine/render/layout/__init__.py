"""The Word template's layout as code: `build` writes templates/lkjip_template.docx.

The template is an ordinary Word document with docxtpl (Jinja2) tags: real styles (Title, Heading 1-5,
Caption, "Tabel LKjIP", List Bullet, TOC 1-3), A4 with a cover, roman-numbered front matter and an
arabic-numbered body, a running header and a page number in the footer, the table of contents and
the lists of tables and figures as Word fields that Word refreshes when it opens the file. A Kanwil
may restyle it in Word (logo, fonts, colours): the renderer only relies on the tags and the style
names. One module per part of the report (`depan`, `bab1` … `bab4`; `jajaran` holds a Kanwil's per-satker
tables, each under ``{%p if jajaran %}``); `builder` and `styles` hold the
machinery. The boilerplate prose and citations are the year profile's (`teks`), the data-driven sentences
`lkj_engine.render.context`'s; only short connecting phrases stay here. Part of the render stage; it imports python-docx,
`assets` (where the .docx goes) and its own modules, and runs from templates/build_template.py, never at
render time.
"""
from __future__ import annotations

from pathlib import Path

from docx.enum.section import WD_SECTION

from lkj_engine.assets import WORD_TEMPLATE
from lkj_engine.render.layout.bab1 import bab1
from lkj_engine.render.layout.bab2 import bab2
from lkj_engine.render.layout.bab3 import bab3
from lkj_engine.render.layout.bab4 import bab4, lampiran
from lkj_engine.render.layout.builder import Builder, blank_header_footer, header_footer, page_numbering
from lkj_engine.render.layout.depan import cover, daftar, kata_pengantar, ringkasan

OUT = WORD_TEMPLATE


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
    blank_header_footer(cover_section)
    header_footer(front)
    body.header.is_linked_to_previous = True
    body.footer.is_linked_to_previous = True
    page_numbering(front, "lowerRoman", 1)
    page_numbering(body, "decimal", 1)
    # Heading 1 already starts a page; the section breaks do too, so no page break at the first heading
    # of a section.
    for section_start in ("KATA PENGANTAR", "BAB I PENDAHULUAN"):
        for para in doc.paragraphs:
            if para.text == section_start:
                para.paragraph_format.page_break_before = False
                break
    b.save(path)
    return path

