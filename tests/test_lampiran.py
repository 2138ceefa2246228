"""The Lampiran (issue 11): the signed PK of the report year and of the next year, then any other signed
document, from the pictures the Gambar sheet names; each on a page of its own, captioned
"Lampiran n. <Judul>" in that order and scaled to fill the page; a PK without a scan is one sentence
naming that PK and its year. Workbooks are built in the test from the example, with small PNGs."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from PIL import Image

from example_content import edited, example_content, write
from lkj_engine.compute.engine import compute
from lkj_engine.contract import schema
from lkj_engine.reading.loader import load_workbook
from lkj_engine.render.report import IMAGE_BOX, render_report
from report_fixture import blocks, heading_level

PK_2025 = "Perjanjian Kinerja Tahun 2025"
PK_2026 = "Perjanjian Kinerja Tahun 2026"


@pytest.fixture(scope="module")
def content() -> dict:
    return example_content()


def _png(path: Path, size: tuple[int, int], colour: str) -> str:
    Image.new("RGB", size, colour).save(path)
    return path.name


def _report(folder: Path, content: dict, rows: list[dict]) -> tuple[Document, object]:
    """Load a workbook whose Gambar sheet is the example's plus `rows`, and render it."""
    others = [g for g in content["Gambar"] if not g["bagian"].startswith("Lampiran")]  # the example's PK left out
    path = write(folder, edited(content, Gambar=others + rows))
    loaded = load_workbook(path)
    assert loaded.valid, [str(p) for p in loaded.problems]
    out = folder / "laporan.docx"
    render_report(compute(loaded.workbook), list(loaded.problems), out)
    return Document(str(out)), loaded.workbook


def _lampiran(doc: Document) -> list[Paragraph]:
    """The paragraphs after the LAMPIRAN heading."""
    items = [b for b in blocks(doc) if isinstance(b, Paragraph)]
    start = next(i for i, p in enumerate(items) if heading_level(p) == 1 and p.text == "LAMPIRAN")
    return items[start + 1:]


def _is_caption(p: Paragraph) -> bool:
    return any("SEQ Lampiran" in (n.text or "") for n in p._p.iter(qn("w:instrText")))


def _page_break_before(p: Paragraph) -> bool:
    return bool(p.paragraph_format.page_break_before)


def _extent_cm(p: Paragraph) -> tuple[float, float] | None:
    extent = next(p._p.iter(qn("wp:extent")), None)
    if extent is None:
        return None
    return int(extent.get("cx")) / Cm(1), int(extent.get("cy")) / Cm(1)


def test_each_scan_on_its_own_page_captioned_in_order_pk_this_year_next_year_others(tmp_path, content):
    # rows typed in another order than they print; "Lampiran" is the one choice of older workbooks
    rows = [
        {"bagian": "Lampiran Lain", "judul": "Surat Keputusan Tim Penyusun LKjIP",
         "berkas": _png(tmp_path / "sk.png", (40, 56), "white")},
        {"bagian": "Lampiran PK Tahun Berikut", "judul": PK_2026,
         "berkas": _png(tmp_path / "pk2026.png", (60, 85), "gray")},
        {"bagian": "Lampiran", "judul": "Rencana Aksi Tahun 2025",
         "berkas": _png(tmp_path / "ra.png", (120, 60), "yellow")},
        {"bagian": "Lampiran PK Tahun Ini", "judul": PK_2025,
         "berkas": _png(tmp_path / "pk2025.png", (60, 85), "white")},
    ]
    doc, wb = _report(tmp_path, content, rows)

    assert [g.bagian for g in wb.gambar[-4:]] == [schema.LAMPIRAN_LAIN, schema.LAMPIRAN_PK_BERIKUT,
                                                 schema.LAMPIRAN_LAIN, schema.LAMPIRAN_PK]
    paragraphs = _lampiran(doc)
    captions = [(i, p) for i, p in enumerate(paragraphs) if _is_caption(p)]
    assert [p.text for _, p in captions] == [
        f"Lampiran 1. {PK_2025}", f"Lampiran 2. {PK_2026}",
        "Lampiran 3. Surat Keputusan Tim Penyusun LKjIP", "Lampiran 4. Rencana Aksi Tahun 2025"]
    max_w, max_h = IMAGE_BOX["lampiran"]
    for i, caption in captions:
        assert _page_break_before(caption), caption.text
        size = _extent_cm(paragraphs[i + 1])  # the picture right below its caption, on the same page
        assert size is not None, caption.text
        width, height = size
        # a 60-pixel scan still fills the page's box, without leaving it
        assert width <= max_w + 0.01 and height <= max_h + 0.01
        assert abs(width - max_w) < 0.01 or abs(height - max_h) < 0.01, (caption.text, size)
    # one picture per page: no other picture between one caption and the next
    pictures = [i for i, p in enumerate(paragraphs) if _extent_cm(p) is not None]
    assert pictures == [i + 1 for i, _ in captions]
    text = "\n".join(p.text for p in paragraphs)
    assert "belum disertakan" not in text


def test_a_missing_pk_scan_is_one_sentence_naming_that_pk(tmp_path, content):
    rows = [{"bagian": "Lampiran PK Tahun Ini", "judul": PK_2025,
             "berkas": _png(tmp_path / "pk2025.png", (60, 85), "white")}]
    doc, _ = _report(tmp_path, content, rows)

    paragraphs = _lampiran(doc)
    assert [p.text for p in paragraphs if _is_caption(p)] == [f"Lampiran 1. {PK_2025}"]
    about_2026 = [i for i, p in enumerate(paragraphs) if PK_2026 in p.text and not _is_caption(p)]
    assert len(about_2026) == 1 and "belum disertakan" in paragraphs[about_2026[0]].text
    first_caption = next(i for i, p in enumerate(paragraphs) if _is_caption(p))
    assert about_2026[0] < first_caption  # on the heading's page, not below the PK 2025 scan
    assert not any(PK_2025 in p.text and not _is_caption(p) and "belum" in p.text for p in paragraphs)


def test_without_any_scan_the_lampiran_says_what_belongs_there(tmp_path, content):
    doc, _ = _report(tmp_path, content, [])

    paragraphs = _lampiran(doc)
    assert not any(_is_caption(p) for p in paragraphs)
    assert all(_extent_cm(p) is None for p in paragraphs)
    missing = [p.text for p in paragraphs if "belum disertakan" in p.text]
    assert len(missing) == 2
    assert PK_2025 in missing[0] and PK_2026 in missing[1]
    assert not any(_page_break_before(p) for p in paragraphs)  # no page left with a sentence alone
