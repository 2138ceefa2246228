"""Inputs for the report tests: the example workbook through the real loader and engine, and a small
workbook with every optional sheet empty, plus helpers that read a rendered .docx back.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from lkj_engine.model import workbook as model
from lkj_engine.contract import schema
from lkj_engine.contract.problems import Problem
from lkj_engine.render.report import render_report
from lkj_engine.model.results import Results
from lkj_engine.reading.loader import load_workbook

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "input_templates" / "contoh_kanim_2025.xlsx"
INJECTION = "{{ 7*7 }} & <b>"
# A clerk's Latar Belakang: template syntax, markup, quotes, a bullet list and a control character.
CLERK_TEXT = (
    f"{INJECTION}\n\n"
    "Baris pertama\nbaris kedua {% if x %} \"kutip\" 'tunggal' {_{ tetap }_}\n\n"
    "- butir satu & dua\n- butir <dua>\x07\n\n"
    "Penutup."
)


def example_workbook() -> model.Workbook:
    loaded = load_workbook(EXAMPLE)
    assert loaded.valid and loaded.workbook is not None, [str(p) for p in loaded.problems]
    return loaded.workbook


def with_clerk_text(wb: model.Workbook) -> model.Workbook:
    """The example with a Narasi row the renderer must print as typed."""
    wb.narasi = [n for n in wb.narasi if n.bagian != "Latar Belakang"]
    wb.narasi.append(model.Narasi("Latar Belakang", CLERK_TEXT, row=40))
    return wb


def minimal_workbook(folder: Path) -> model.Workbook:
    """Only Identitas and IKK filled: every optional sheet is empty, one capaian cannot be computed."""
    ident = model.Identitas(
        nama_satker="Kantor Imigrasi Kelas III Non TPI Muara Sepi", nama_singkat="Kanim Muara Sepi",
        jenis="Kanim", provinsi="Sepi Raya", tahun=2025, nama_kepala="Rina Oktaviani",
        jabatan_kepala="Kepala Kantor Imigrasi Kelas III Non TPI Muara Sepi", tempat_ttd="Muara Sepi",
        tanggal_ttd=date(2026, 1, 12), logo=folder / "logo_tidak_ada.png",
    )
    ikk = [
        model.IKK(1, "Meningkatnya Layanan Keimigrasian di Kewilayahan", "IKK-1",
                  "Indeks Kualitas Layanan Keimigrasian di Wilayah", "Indeks", "Positif", Decimal("91"),
                  Decimal("92.5"), row=2),
        model.IKK(2, "Meningkatnya Pelaksanaan Reformasi Birokrasi", "IKK-2",
                  "Persentase Pelaksanaan Rencana Aksi Reformasi Birokrasi", "%", "Positif", Decimal("0"),
                  Decimal("80"), row=3),
    ]
    wb = model.Workbook(source=folder / "muara_sepi.xlsx", identitas=ident, ikk=ikk)
    for sheet in schema.SHEETS:
        if sheet.is_fields:
            continue
        wb.columns[sheet.name] = {c.field: chr(ord("A") + i) for i, c in enumerate(sheet.columns)}
        if sheet.name != "IKK":
            wb.empty_sheets.append(sheet.name)
    return wb


def render(results: Results, out: Path, problems: list[Problem] | None = None) -> tuple[Document, list[Problem]]:
    found = render_report(results, problems or [], out)
    return Document(str(out)), found


# ---------------------------------------------------------------- reading the document back

def blocks(doc: Document) -> list[Paragraph | Table]:
    return list(doc.iter_inner_content())


def table_text(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def heading_level(p: Paragraph) -> int | None:
    m = re.match(r"Heading (\d)", p.style.name if p.style is not None else "")
    return int(m.group(1)) if m else None


def sections(doc: Document) -> list[dict]:
    """The body cut at every heading: level, heading text, and the text below it (tables included)."""
    out: list[dict] = [{"level": 0, "title": "", "text": [], "tables": []}]
    for block in blocks(doc):
        if isinstance(block, Paragraph):
            level = heading_level(block)
            if level:
                out.append({"level": level, "title": block.text, "text": [], "tables": []})
            else:
                out[-1]["text"].append(block.text)
        else:
            out[-1]["tables"].append(block)
            out[-1]["text"].extend(" | ".join(r) for r in table_text(block))
    return out


def chapter_text(doc: Document, title: str, level: int = 1) -> str:
    """All text from the heading `title` to the next heading of the same or a higher level."""
    parts: list[str] = []
    inside = False
    for sec in sections(doc):
        if inside and sec["level"] and sec["level"] <= level:
            break
        if sec["title"] == title and sec["level"] == level:
            inside = True
        if inside:
            parts.append(sec["title"])
            parts.extend(sec["text"])
    return "\n".join(parts)


def all_text(doc: Document) -> str:
    """Body (tables included), headers and footers."""
    parts = [sec["title"] + "\n" + "\n".join(sec["text"]) for sec in sections(doc)]
    for section in doc.sections:
        for part in (section.header, section.footer, section.first_page_header, section.even_page_header):
            parts.extend(p.text for p in part.paragraphs)
    return "\n".join(parts)


def captioned_tables(doc: Document) -> dict[str, Table]:
    """Every table keyed by the caption just above it (``Tabel 3.8 Realisasi ...``)."""
    out, caption = {}, None
    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.style is not None and block.style.name == "Caption" and block.text.startswith("Tabel"):
                caption = block.text
            elif block.text.strip():
                caption = None
        elif caption:
            out[caption] = block
            caption = None
    return out


def table(doc_tables: dict[str, Table], words: str) -> Table:
    """The one table whose caption holds `words`."""
    found = [t for c, t in doc_tables.items() if words in c]
    assert len(found) == 1, (words, list(doc_tables))
    return found[0]

