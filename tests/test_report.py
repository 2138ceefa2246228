"""The Word report, read back with python-docx: outline, captions, one figure everywhere, clerk text as data."""
from __future__ import annotations

import re
import os
import subprocess
import sys
import zipfile
from decimal import Decimal

import pytest
from docx import Document
from docx.oxml.ns import qn

from lkj_engine.contract import formatting as fmt
from lkj_engine.compute.engine import compute

from conftest import soffice
from report_fixture import CLERK_TEXT, INJECTION, ROOT, all_text, blocks, chapter_text, example_workbook, heading_level, minimal_workbook, render, sections, table_text, with_clerk_text

# domain.md §3, in order: (heading level, text)
OUTLINE = [
    (1, "KATA PENGANTAR"), (1, "DAFTAR ISI"), (1, "DAFTAR TABEL"), (1, "DAFTAR GAMBAR"),
    (1, "RINGKASAN EKSEKUTIF"),
    (1, "BAB I PENDAHULUAN"), (2, "A. Latar Belakang"), (2, "B. Tugas, Fungsi dan Struktur Organisasi"),
    (2, "C. Maksud dan Tujuan"), (2, "D. Aspek Strategis"), (2, "E. Isu Strategis"),
    (2, "F. Sistematika Laporan"),
    (1, "BAB II PERENCANAAN KINERJA"), (2, "A. Rencana Strategis"), (2, "B. Perjanjian Kinerja"),
    (1, "BAB III AKUNTABILITAS KINERJA"), (2, "A. Capaian Kinerja"), (2, "B. Realisasi Anggaran"),
    (2, "C. Capaian Kinerja Anggaran"), (2, "D. Capaian Lainnya"),
    (1, "BAB IV PENUTUP"), (2, "A. Kesimpulan"), (2, "B. Saran"),
    (1, "LAMPIRAN"),
]


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """The example workbook, end to end through loader, engine and renderer."""
    results = compute(example_workbook())
    out = tmp_path_factory.mktemp("laporan") / "LKjIP_contoh.docx"
    doc, found = render(results, out)
    return results, doc, found, out


@pytest.fixture(scope="module")
def clerk(tmp_path_factory):
    """The example with tricky clerk text in Narasi."""
    results = compute(with_clerk_text(example_workbook()))
    out = tmp_path_factory.mktemp("teks") / "LKjIP_teks.docx"
    doc, found = render(results, out)
    return results, doc, found


@pytest.fixture(scope="module")
def minimal(tmp_path_factory):
    folder = tmp_path_factory.mktemp("minimal")
    results = compute(minimal_workbook(folder))
    doc, found = render(results, folder / "LKjIP_minimal.docx")
    return results, doc, found


def test_outline_of_the_pedoman_in_order_with_heading_styles(example):
    _, doc, _, _ = example
    headings = [(heading_level(p), p.text) for p in doc.paragraphs if heading_level(p)]
    positions = []
    for level, text in OUTLINE:
        assert (level, text) in headings, f"{text!r} missing as Heading {level}"
        positions.append(headings.index((level, text)))
    assert positions == sorted(positions), "chapters and sections out of order"
    # no empty heading: each one has text, a table or a sub-heading under it
    secs = sections(doc)
    for i, sec in enumerate(secs[1:], start=1):
        has_child = i + 1 < len(secs) and secs[i + 1]["level"] > sec["level"]
        assert any(t.strip() for t in sec["text"]) or sec["tables"] or has_child, sec["title"]


def test_every_caption_carries_its_chapter_number_and_a_seq_field(example):
    _, doc, _, _ = example
    chapter, seen = None, {}
    romans = {"I": 1, "II": 2, "III": 3, "IV": 4}
    captions = 0
    for block in blocks(doc):
        if not hasattr(block, "style") or block.__class__.__name__ != "Paragraph":
            continue
        if heading_level(block) == 1:
            m = re.match(r"BAB (I|II|III|IV) ", block.text)
            chapter = romans[m.group(1)] if m else None
        if block.style.name != "Caption":
            continue
        captions += 1
        if chapter is None:  # the LAMPIRAN's scans: numbered on their own, "Lampiran 1.", "Lampiran 2." ...
            m = re.match(r"Lampiran (\d+)\. \S", block.text)
            assert m, block.text
            seen["Lampiran"] = seen.get("Lampiran", 0) + 1
            assert int(m.group(1)) == seen["Lampiran"], block.text
            assert "SEQ Lampiran" in " ".join(block._p.xpath(".//w:instrText/text()"))
            continue
        m = re.match(r"(Tabel|Gambar) (\d+)\.(\d+) \S", block.text)
        assert m, block.text
        assert int(m.group(2)) == chapter, block.text
        key = (chapter, m.group(1))
        seen[key] = seen.get(key, 0) + 1
        assert int(m.group(3)) == seen[key], f"{block.text!r}: expected number {seen[key]}"
        instr = " ".join(block._p.xpath(".//w:instrText/text()"))
        assert f"SEQ {m.group(1)}" in instr and "\\s 1" in instr
    assert captions >= 30
    assert seen[(3, "Tabel")] >= 20 and seen[(1, "Gambar")] >= 2 and seen["Lampiran"] == 2


def test_capaian_table_lists_every_ikk_with_column_numbers_averages_and_budget(example):
    results, doc, _, _ = example
    table = _table_after_caption(doc, "Capaian Perjanjian Kinerja")
    rows = table_text(table)
    assert rows[0] == ["Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target", "Realisasi", "Capaian"]
    assert rows[1] == ["(1)", "(2)", "(3)", "(4)", "(5)"]
    for r in results.ikk:
        row = next(row for row in rows if row[1] == r.ikk.nama)
        assert row[4] == fmt.percent(r.capaian)
    for s in results.sasaran:
        row = next(row for row in rows if row[0] == f"Rata-rata capaian Sasaran Kegiatan {s.no}")
        assert row[-1] == fmt.percent(s.rata_capaian)
    assert rows[-2][-1] == fmt.percent(results.rata_capaian)
    total = results.anggaran_total
    assert rows[-1][2:] == [fmt.money(total.pagu), fmt.money(total.realisasi), fmt.percent(total.persen)]


def test_each_capaian_is_the_same_string_in_table_analysis_and_conclusion(example):
    results, doc, _, _ = example
    bab4 = chapter_text(doc, "BAB IV PENUTUP")
    ringkasan = chapter_text(doc, "RINGKASAN EKSEKUTIF")
    for r in results.ikk:
        capaian = fmt.percent(r.capaian)
        analysis = _ikk_section(doc, r.ikk.nama)
        assert f"= {capaian}" in analysis  # the formula line
        assert f"capaian kinerjanya sebesar {capaian}" in analysis
        assert f"{r.ikk.nama} dengan capaian sebesar {capaian}" in bab4
        assert capaian in ringkasan
    assert fmt.percent(results.rata_capaian) in bab4


def test_budget_total_is_one_string_in_summary_budget_chapter_and_conclusion(example):
    results, doc, _, _ = example
    total = results.anggaran_total
    sentence = (f"adalah sebesar {fmt.money(total.realisasi)} atau {fmt.percent(total.persen)} dari total "
                f"anggaran {fmt.money(total.pagu)}")
    assert sentence in chapter_text(doc, "RINGKASAN EKSEKUTIF")
    assert sentence in chapter_text(doc, "B. Realisasi Anggaran", level=2)
    assert sentence in chapter_text(doc, "BAB IV PENUTUP")


def test_composite_index_is_computed_step_by_step(example):
    results, doc, _, _ = example
    komposit = next(r for r in results.ikk if len(r.tree) > 1)
    text = _ikk_section(doc, komposit.ikk.nama)
    first = komposit.tree[0]
    leaf = first.children[0]
    line = f"{leaf.kode} = {fmt.count(leaf.pembilang)} / {fmt.count(leaf.penyebut)} × 100% = {fmt.percent(leaf.nilai)}"
    assert line in text
    terms = " + ".join(f"({fmt.number(c.bobot, 0)}% × {fmt.number(c.nilai)})" for c in first.children)
    assert f"{first.kode} = {terms} = {fmt.number(first.nilai)}" in text
    assert (f"Capaian = Realisasi / Target × 100% = {fmt.number(komposit.realisasi)} / "
            f"{fmt.number(komposit.ikk.target)} × 100% = {fmt.percent(komposit.capaian)}") in text


def test_no_placeholder_none_or_nan_anywhere(example):
    _, doc, _, _ = example
    text = all_text(doc)
    assert "{{" not in text and "{%" not in text and "}}" not in text
    assert not re.search(r"\[[^\]]*\]", text), re.search(r"\[[^\]]*\]", text)
    assert not re.search(r"\bNone\b", text)
    assert not re.search(r"\bnan\b", text, re.IGNORECASE)
    header = doc.sections[1].header.paragraphs[0].text
    assert header == "LKjIP Kanim Batu Kerapu Tahun 2025"


def test_clerk_text_is_printed_exactly_as_typed(clerk):
    _, doc, found = clerk
    texts = [p.text for p in doc.paragraphs]
    assert INJECTION in texts
    assert "49" not in chapter_text(doc, "A. Latar Belakang", level=2)
    assert "Baris pertama\nbaris kedua {% if x %} \"kutip\" 'tunggal' {_{ tetap }_}" in texts
    bullets = [p for p in doc.paragraphs if p.text in ("butir satu & dua", "butir <dua>")]
    assert len(bullets) == 2 and all(p.style.name == "List Bullet" for p in bullets)
    assert "Penutup." in texts
    # the control character is gone, and the clerk is told where it was
    assert not any("\x07" in t for t in texts)
    warn = [p for p in found if "karakter kontrol" in p.message]
    assert warn and warn[0].sheet == "Narasi" and warn[0].cell == "B40"
    assert CLERK_TEXT.count("\x07") == 1


def test_template_boilerplate_gives_way_to_the_clerks_narasi(example):
    results, doc, _, _ = example
    wb = results.workbook
    isu = next(n.teks for n in wb.narasi if n.bagian == "Isu Strategis" and n.teks)
    first_line = isu.strip().splitlines()[0].lstrip("- ").strip()
    assert first_line in chapter_text(doc, "E. Isu Strategis", level=2)
    # Latar Belakang has no Narasi row in the example: the Pedoman's text with the office's name
    latar = chapter_text(doc, "A. Latar Belakang", level=2)
    assert "Peraturan Presiden Nomor 29 Tahun 2014" in latar and wb.identitas.nama_satker in latar


def test_empty_optional_sheets_give_one_neutral_sentence(minimal):
    results, doc, found = minimal
    text = all_text(doc)
    for sentence in ("Data komposisi pegawai tidak tersedia.", "Data manajemen risiko tidak tersedia.",
                     "Data realisasi anggaran menurut jenis belanja tidak tersedia.",
                     "Data Penerimaan Negara Bukan Pajak (PNBP) tidak tersedia.",
                     "Data Nilai Kinerja Anggaran tidak tersedia.", "Data inovasi tidak tersedia.",
                     "Data penghargaan tidak tersedia.", "Data capaian output lainnya tidak tersedia."):
        assert text.count(sentence) == 1, sentence
    # no table is only a header: every table has a data row
    for table in doc.tables:
        if table.style is None or table.style.name != "Tabel LKjIP":
            continue  # the signature block of the Lampiran is a layout table
        rows = table_text(table)
        body = [r for r in rows if not all(re.fullmatch(r"\(\d+\)", c) for c in r)]
        assert len(body) >= 2, rows
    # the capaian that cannot be computed prints its reason, and is not averaged as 0
    capaian = table_text(_table_after_caption(doc, "Capaian Perjanjian Kinerja"))
    row = next(r for r in capaian if r[1].startswith("Persentase Pelaksanaan"))
    assert row[4] == fmt.NOT_COMPUTABLE
    reason = results.ikk[1].capaian_alasan
    assert reason and reason[1:] in chapter_text(doc, "A. Capaian Kinerja", level=2)  # noted under the table
    assert capaian[-2][-1] == fmt.percent(results.rata_capaian)
    assert not re.search(r"\bNone\b|\bnan\b|\{\{|\{%", text)
    # the missing logo is reported, not printed
    assert any("logo_tidak_ada.png" in p.message for p in found)


def test_contents_lists_are_word_fields_filled_for_libreoffice(example, tmp_path):
    _, doc, _, out = example
    body = doc.element.body
    instr = " ".join(body.xpath(".//w:instrText/text()"))
    assert 'TOC \\o "1-3"' in instr and 'TOC \\h \\z \\c "Tabel"' in instr and 'TOC \\h \\z \\c "Gambar"' in instr
    toc = [p.text for p in doc.paragraphs if p.style.name == "toc 1"]
    assert "BAB III AKUNTABILITAS KINERJA" in toc
    figures = [p.text for p in doc.paragraphs if p.style.name == "table of figures"]
    assert any(t.startswith("Tabel 3.1 Capaian Perjanjian Kinerja") for t in figures)
    assert any(t.startswith("Gambar 1.1 ") for t in figures)
    with zipfile.ZipFile(out) as z:
        assert '<w:updateFields w:val="true"/>' in z.read("word/settings.xml").decode()


def test_sections_have_roman_then_arabic_page_numbers(example):
    _, doc, _, _ = example
    kinds = [s._sectPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pgNumType")
             for s in doc.sections]
    fmts = [k.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fmt") if k is not None else None
            for k in kinds]
    assert fmts[1:] == ["lowerRoman", "decimal"]
    footer = doc.sections[2].footer._element.xml
    assert "PAGE" in footer
    assert doc.sections[0].header.paragraphs[0].text == ""


def test_template_is_rebuilt_by_its_script(tmp_path):
    out = tmp_path / "templat.docx"
    # PYTHONPATH: the script imports the layout from this checkout, not from wherever the package is installed
    subprocess.run([sys.executable, str(ROOT / "templates" / "build_template.py"), str(out)], check=True,
                   capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    doc = Document(str(out))
    names = {s.name for s in doc.styles}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3", "Caption", "Tabel LKjIP", "List Bullet"} <= names
    section = doc.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "{{ satker.nama }}" in text and "{%p for s in sasaran %}" in text


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) tidak terpasang")
def test_libreoffice_converts_the_example_to_a_sensible_pdf(example, tmp_path):
    _, _, _, out = example
    result = subprocess.run([soffice(), "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                            capture_output=True, text=True, timeout=180)
    pdf = tmp_path / (out.stem + ".pdf")
    assert result.returncode == 0 and pdf.exists(), result.stderr
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert 25 <= pages <= 120, pages


# ---------------------------------------------------------------- helpers

def _table_after_caption(doc, title: str):
    found = False
    for block in blocks(doc):
        if block.__class__.__name__ == "Paragraph":
            if block.style.name == "Caption" and title in block.text:
                found = True
        elif found:
            return block
    raise AssertionError(f"no table captioned {title!r}")


def _ikk_section(doc, nama: str) -> str:
    """Heading 4 of the IKK down to the next heading of level 4 or higher."""
    parts: list[str] = []
    inside = False
    for sec in sections(doc):
        if inside and sec["level"] and sec["level"] <= 4:
            break
        if sec["level"] == 4 and sec["title"].endswith(f"Indikator Kinerja Kegiatan {nama}"):
            inside = True
        if inside:
            parts.append(sec["title"])
            parts.extend(sec["text"])
    assert parts, nama
    return "\n".join(parts)


# ---------------------------------------------------------------- review findings, as the reader sees them

@pytest.fixture(scope="module")
def edge(tmp_path_factory):
    """Small workbooks built in Python for the edge cases of the review (items 1, 2, 3, 8, 10, 12)."""
    from engine_factory import anggaran, belanja, ikk, komponen, riwayat, workbook

    wb = workbook(
        ikk=[ikk("IKK-1", 91, 80, nama="Indeks Diketik"),                     # typed beside its tree
             ikk("IKK-2", 90, 95, nama="Indeks Acuan Nol", target_jm=0, standar_nasional=0),
             ikk("IKK-3", 1000, 1300, nama="Jumlah Paspor Terbit", satuan="Dokumen", standar_nasional=1250)],
        komponen=[komponen("IKK-1", "K1", 50, pembilang=8, penyebut=10),
                  komponen("IKK-1", "K2", 50, pembilang=9, penyebut=10),
                  komponen("IKK-2", "K1", 50, pembilang=8, penyebut=10),
                  komponen("IKK-2", "K2", 50, pembilang=0, penyebut=0)],
        riwayat=[riwayat("IKK-3", 2024, 1000, 1250)],
        # Anggaran 99,50% this year, Belanja 95,00% against 99,36% last year
        anggaran=[anggaran("Layanan", 1000, 995, 1)],
        belanja=[belanja(2025, "Belanja Barang", 1000, 950), belanja(2024, "Belanja Barang", 1000, "993.6")],
    )
    wb.identitas.alamat = "Jl. Kerapu\x07 No. 1"
    wb.identitas_cells = {"alamat": "B8"}
    folder = tmp_path_factory.mktemp("edge")
    doc, found = render(compute(wb), folder / "edge.docx")
    no_anggaran = workbook(ikk=[ikk("IKK-1", 91, 80)], belanja=[belanja(2025, "Belanja Pegawai", 600, 590),
                                                                 belanja(2025, "Belanja Barang", 400, 380)])
    doc_b, _ = render(compute(no_anggaran), folder / "tanpa_anggaran.docx")
    return doc, found, doc_b


def test_typed_realisasi_beside_components_prints_the_components_own_result(edge):
    doc, _, _ = edge
    text = _ikk_section(doc, "Indeks Diketik")
    assert "Realisasi = (50% × 80,00) + (50% × 90,00) = 85,00" in text  # was "= 80,00", the typed value
    assert ("Realisasi Indeks Diketik yang dilaporkan sebesar 80,00 (Indeks) ditetapkan langsung, tidak dihitung "
            "dari komponennya; hasil perhitungan komponen di atas sebesar 85,00 (Indeks).") in text
    assert "Capaian = Realisasi / Target × 100% = 80,00 / 91,00 × 100% = 87,91%" in text
    text = _ikk_section(doc, "Indeks Acuan Nol")
    assert "(50% × -)" not in text and "= 95,00" not in text.split("Capaian =")[0]
    assert "Realisasi tidak dapat dihitung: komponen K2 (Komponen K2) tidak dapat dihitung" in text
    assert "perhitungan komponen di atas tidak dapat diselesaikan." in text


def test_summary_and_budget_chapter_agree_on_the_change_in_spending(edge):
    doc, _, _ = edge
    sentence = ("Persentase realisasi belanja tahun 2025 sebesar 95,00% lebih rendah dibandingkan tahun 2024 "
                "yang sebesar 99,36% (realisasi Rp994 dari pagu Rp1.000).")
    ringkasan = chapter_text(doc, "RINGKASAN EKSEKUTIF")
    assert sentence in ringkasan and "peningkatan" not in ringkasan  # Anggaran's 99,50% is not compared
    assert sentence in chapter_text(doc, "B. Realisasi Anggaran", level=2)


def test_dipa_sentence_takes_the_belanja_total_when_the_anggaran_sheet_is_empty(edge):
    _, _, doc = edge
    text = chapter_text(doc, "B. Perjanjian Kinerja", level=2)
    assert "memperoleh dukungan anggaran sebesar Rp1.000. Adapun alokasi anggarannya terdiri atas belanja " \
           "pegawai sebesar Rp600 dan belanja barang sebesar Rp400." in text
    assert "sebesar -" not in all_text(doc)


def test_comparisons_with_a_reference_of_zero_say_why(edge):
    doc, _, _ = edge
    text = _ikk_section(doc, "Indeks Acuan Nol")
    assert ("Target jangka menengah Indeks Acuan Nol untuk tahun 2025 sebesar 0,00 (Indeks); perbandingannya dengan "
            "realisasi tidak dapat dihitung (target jangka menengah bernilai 0).") in text
    assert ("Standar nasional Indeks Acuan Nol sebesar 0,00 (Indeks); perbandingannya dengan realisasi tidak dapat "
            "dihitung (standar nasional bernilai 0).") in text
    assert "(tidak dapat dihitung)" not in text and "realisasi tidak tersedia" not in text


def test_counts_print_in_their_unit_not_as_points(edge):
    doc, _, _ = edge
    text = _ikk_section(doc, "Jumlah Paspor Terbit")
    assert ("realisasi Jumlah Paspor Terbit naik sebesar 50 Dokumen, dari 1.250 Dokumen menjadi 1.300 Dokumen"
            in text)
    assert "berada di atas standar nasional dengan selisih 50 Dokumen" in text
    assert "50,00 poin" not in text


def test_control_character_in_identitas_is_reported_at_its_cell(edge):
    doc, found, _ = edge
    warn = [p for p in found if "karakter kontrol" in p.message]
    assert [(p.sheet, p.cell) for p in warn] == [("Identitas", "B8")]
    assert "Jl. Kerapu No. 1" in all_text(doc)



def test_negative_component_values_are_bracketed_in_the_weighted_sum(example):
    """``5% × -88,25`` reads as a subtraction; written by hand it is ``5% × (-88,25)``, and the
    printed line still adds up with the printed numbers."""
    _, doc, _, _ = example
    text = all_text(doc)
    line = "K5 = (45% × 100,00) + (5% × (-88,25)) + (5% × (-89,06)) + (45% × 100,00) = 81,13"
    assert line in text and "× -" not in text
    total = Decimal("0.45") * 100 + Decimal("0.05") * Decimal("-88.25") + Decimal("0.05") * Decimal("-89.06") \
        + Decimal("0.45") * 100
    assert total.quantize(Decimal("0.01")) == Decimal("81.13")


def test_lead_ins_keep_with_what_they_introduce(example):
    """No page may end with "... sebagai berikut:" and put its list or table on the next page: such a
    paragraph, and the one just before a table caption or a figure, keeps with the next paragraph
    (or the table right after it)."""
    from docx.text.paragraph import Paragraph

    _, doc, _, _ = example
    body = doc.element.body
    children = list(body.iterchildren())
    checked = 0
    for el, following in zip(children, children[1:]):
        if el.tag != qn("w:p") or following.tag not in (qn("w:p"), qn("w:tbl")):
            continue
        p = Paragraph(el, doc)
        if p.style.name.startswith("Heading") or not p.text.strip():
            continue
        after = Paragraph(following, doc).style.name if following.tag == qn("w:p") else None
        if p.text.strip().endswith(":") or after in ("Caption", "Gambar"):
            assert p.paragraph_format.keep_with_next, p.text
            checked += 1
    assert checked >= 20
