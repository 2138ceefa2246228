"""Issue 11, the budget tables a reviewer marks: one realisation table per sasaran and kegiatan (never a
per-sasaran table repeating the per-kegiatan one), and a DIPA kegiatan serving two sasaran printed once in
the PK budget table (BAB II.B; the Lampiran holds the signed PK scans) while BAB III.B keeps its split (seed 002 Tabel 1.3/1.13).

The workbooks are the example's content with the Anggaran sheet rewritten here, through the real
loader, engine and renderer.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal as D

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table

from engine_factory import anggaran, ikk, workbook
from example_content import edited, example_content, write
from lkj_engine.checks.document import check_document
from lkj_engine.compute import anggaran as ang
from lkj_engine.compute.engine import compute
from lkj_engine.contract.problems import errors
from lkj_engine.reading.loader import load_workbook
from lkj_engine.render.context import build_context
from report_fixture import captioned_tables, chapter_text, example_workbook, render, table

PPH = "Program Penegakan dan Pelayanan Hukum"
KEGIATAN_PPH = ("Penyelenggaraan Fungsi Pengkoordinasian, Pelayanan, dan Penegakan Hukum Keimigrasian "
                "di Wilayah")
DM = "Program Dukungan Manajemen"
KEGIATAN_DM = "Dukungan Manajemen dan Teknis Lainnya UPT Imigrasi"
KEGIATAN_SARPRAS = "Layanan Sarana dan Prasarana Internal"
# Σ = the example's 18.531.297.000 / 17.511.356.551, so Belanja and Sumber Dana still agree (no warning)
SPLIT_ROWS = [
    dict(program=PPH, kegiatan=KEGIATAN_PPH, sasaran_no=1, pagu=D(1_284_650_000), realisasi=D(1_241_377_980)),
    # the same kegiatan for sasaran 2, typed with other spaces and case, as clerks do
    dict(program=PPH, kegiatan="  " + KEGIATAN_PPH.upper().replace(" ", "  ") + " ", sasaran_no=2,
         pagu=D(865_420_000), realisasi=D(812_904_115)),
    dict(program=DM, kegiatan=KEGIATAN_DM, sasaran_no=3, pagu=D(15_000_000_000), realisasi=D(14_100_000_000)),
    dict(program=DM, kegiatan=KEGIATAN_SARPRAS, sasaran_no=3, pagu=D(1_381_227_000),
         realisasi=D(1_357_074_456)),
]


def num(text: str) -> D:
    """``Rp1.234.567`` / ``94,36%`` back to Decimal."""
    return D(text.strip().removeprefix("Rp").rstrip("%").replace(".", "").replace(",", "."))


def body(t: Table) -> list[list[str]]:
    """Rows below the header (and below the (1)(2)... numbering row when there is one)."""
    rows = [[c.text for c in r.cells] for r in t.rows[1:]]
    return rows[1:] if rows and rows[0][0] == "(1)" else rows


def pk_budget_tables(doc: Document) -> list[Table]:
    """The PK budget tables: BAB II.B's (captioned); the Lampiran holds the signed PK as scans."""
    return [t for t in doc.tables if [c.text for c in t.rows[0].cells] == ["Program / Kegiatan", "Anggaran"]]


@pytest.fixture(scope="module")
def split_report(tmp_path_factory) -> tuple:
    """The example with one DIPA kegiatan over sasaran 1 and 2 and two kegiatan for sasaran 3."""
    folder = tmp_path_factory.mktemp("budget_split")
    path = write(folder, edited(example_content(), Anggaran=SPLIT_ROWS))
    loaded = load_workbook(path)
    assert loaded.valid, [str(p) for p in errors(loaded.problems)]
    results = compute(loaded.workbook)
    doc, found = render(results, folder / "split.docx")
    return results, doc, found, path


@pytest.fixture(scope="module")
def example_doc(tmp_path_factory) -> Document:
    doc, _ = render(compute(example_workbook()), tmp_path_factory.mktemp("budget_example") / "contoh.docx")
    return doc


def test_a_kegiatan_on_two_rows_is_one_pk_line_with_the_summed_pagu():
    lines = ang.anggaran_lines([anggaran("Kegiatan A", 215_782_000, 215_423_175, 1),
                                anggaran("kegiatan  a", 238_184_000, 207_071_958, 2),
                                anggaran("Kegiatan B", 3_104_861_000, 3_048_000_000, 3, program="Program DM")])
    pk = ang.per_kegiatan(lines)
    assert [(ln.label, ln.pagu, ln.realisasi) for ln in pk] == [
        ("Kegiatan A", D(453_966_000), D(422_495_133)),  # seed 002 Tabel 1.3: Rp453.966.000
        ("Kegiatan B", D(3_104_861_000), D(3_048_000_000))]
    assert [x.sasaran_no for x in pk[0].bagian] == [1, 2] and pk[1].bagian == []
    assert pk[0].persen == D(422_495_133) / D(453_966_000) * 100
    groups = ang.sasaran_groups(lines, {1: "S1", 2: "S2", 3: "S3"})
    assert [(g.no, [ln.pagu for ln in g.lines]) for g in groups] == [
        (1, [D(215_782_000)]), (2, [D(238_184_000)]), (3, [D(3_104_861_000)])]


def test_a_kegiatan_typed_twice_for_one_sasaran_is_one_row_of_that_sasaran():
    wb = workbook(ikk=[ikk("IKK-1", 90, 95, sasaran_no=1), ikk("IKK-2", 90, 95, sasaran_no=2)],
                  anggaran=[anggaran("A", 100, 90, 1), anggaran("A", 40, 30, 1), anggaran("A", 60, 60, 2)])
    res = compute(wb)
    (pk,) = res.anggaran_kegiatan
    assert (pk.pagu, [(x.sasaran_no, x.pagu) for x in pk.bagian]) == (D(200), [(1, D(140)), (2, D(60))])
    assert [[(ln.label, ln.pagu) for ln in g.lines] for g in res.anggaran_sasaran] == [[("A", D(140))],
                                                                                       [("A", D(60))]]
    ctx = build_context(res, {}, [])["anggaran"]
    (kalimat,) = ctx["terbagi"]
    assert "Rp200, yang terbagi atas Rp140 untuk Sasaran Kegiatan 1 dan Rp60 untuk Sasaran Kegiatan 2" \
        in kalimat.text
    once = compute(workbook(ikk=[ikk("IKK-1", 90, 95)], anggaran=[anggaran("A", 1, 1, 1), anggaran("A", 2, 2, 1)]))
    assert build_context(once, {}, [])["anggaran"]["terbagi"] == []  # nothing split over sasaran


def test_programs_interleaved_in_the_sheet_get_one_header_and_unlinked_rows_come_last():
    wb = workbook(ikk=[ikk("IKK-1", 90, 95, sasaran_no=1), ikk("IKK-2", 90, 95, sasaran_no=2)],
                  anggaran=[anggaran("A", 100, 90, 2, program="P1"), anggaran("B", 50, 40, None, program="P2"),
                            anggaran("C", 30, 30, 1, program="P1"), anggaran("D", 20, 10, 2, program="P2")])
    res = compute(wb)
    assert [(ln.program, ln.label) for ln in res.anggaran_kegiatan] == [("P1", "A"), ("P1", "C"),
                                                                        ("P2", "B"), ("P2", "D")]
    assert [(g.no, [ln.label for ln in g.lines]) for g in res.anggaran_sasaran] == [
        (1, ["C"]), (2, ["A", "D"]), (None, ["B"])]
    assert sum((g.total.pagu for g in res.anggaran_sasaran), D(0)) == res.anggaran_total.pagu == D(200)
    ctx = build_context(res, {}, [])["anggaran"]
    assert [r["label"] for r in ctx["rows"] if r["program"]] == ["P1", "P2"]
    groups = ctx["sasaran"]
    assert [g["subtotal"]["label"] if g["cetak_subtotal"] else None for g in groups] == [
        None, "Jumlah Sasaran Kegiatan 2", None]
    assert groups[-1]["judul"] == "Tanpa Sasaran Kegiatan"
    assert (groups[1]["subtotal"]["pagu"], groups[1]["subtotal"]["realisasi"]) == ("Rp120", "Rp100")


def test_pk_tables_print_a_two_sasaran_kegiatan_once_with_its_summed_pagu(split_report):
    results, doc, found, _ = split_report
    assert found == []
    tables = pk_budget_tables(doc)
    assert len(tables) == 1  # BAB II.B; the Lampiran prints the signed PK scans instead
    assert table(captioned_tables(doc), "Anggaran Perjanjian Kinerja Tahun 2025")._tbl is tables[0]._tbl
    for t in tables:
        rows = body(t)
        kegiatan = [r for r in rows if r[0] != r[1] and r[0] != "Jumlah"]
        assert [r[0] for r in kegiatan] == [KEGIATAN_PPH, KEGIATAN_DM, KEGIATAN_SARPRAS]
        assert kegiatan[0][1] == "Rp2.150.070.000"  # 1.284.650.000 + 865.420.000
        assert [r[0] for r in rows if r[0] == r[1]] == [PPH, DM]  # the program header rows
        jumlah = rows[-1]
        assert jumlah[0] == "Jumlah" and num(jumlah[1]) == sum(num(r[1]) for r in kegiatan)
        assert jumlah[1] == "Rp18.531.297.000"


def test_bab3_has_one_table_per_sasaran_and_kegiatan_that_keeps_the_split(split_report):
    results, doc, _, _ = split_report
    tables = captioned_tables(doc)
    assert not [c for c in tables if "per Sasaran Kegiatan Tahun" in c or "per Kegiatan Tahun" in c]
    t = table(tables, "Realisasi Anggaran per Sasaran Kegiatan dan Kegiatan Tahun 2025")
    assert [c.text for c in t.rows[0].cells] == ["Sasaran Kegiatan", "Kegiatan", "Pagu", "Realisasi", "%"]
    rows = body(t)
    *kegiatan_rows, jumlah = rows
    subtotal = [r for r in kegiatan_rows if r[0].startswith("Jumlah")]
    kegiatan_rows = [r for r in kegiatan_rows if not r[0].startswith("Jumlah")]
    # the kegiatan keeps one row under each sasaran, with that sasaran's share
    assert [(r[0][:2], r[1].casefold().split()[0], r[2]) for r in kegiatan_rows] == [
        ("1.", "penyelenggaraan", "Rp1.284.650.000"), ("2.", "penyelenggaraan", "Rp865.420.000"),
        ("3.", "dukungan", "Rp15.000.000.000"), ("3.", "layanan", "Rp1.381.227.000")]
    # sasaran 3 has two kegiatan: their subtotal, from the printed rows; 1 and 2 have none
    assert [r[:2] for r in subtotal] == [["Jumlah Sasaran Kegiatan 3"] * 2]  # merged across two cells
    assert num(subtotal[0][2]) == num(kegiatan_rows[2][2]) + num(kegiatan_rows[3][2])
    assert num(subtotal[0][3]) == num(kegiatan_rows[2][3]) + num(kegiatan_rows[3][3])
    for c in (2, 3):
        assert num(jumlah[c]) == sum(num(r[c]) for r in kegiatan_rows)
    assert jumlah[:4] == ["Jumlah", "Jumlah", "Rp18.531.297.000", "Rp17.511.356.551"]
    assert jumlah[4] == "94,50%"
    # the sasaran's totals the engine holds (capaian table, JSON) are those printed
    assert [s.pagu for s in results.sasaran] == [D(1_284_650_000), D(865_420_000), D(16_381_227_000)]
    text = chapter_text(doc, "B. Realisasi Anggaran", level=2)
    assert "Rp2.150.070.000, yang terbagi atas Rp1.284.650.000 untuk Sasaran Kegiatan 1 dan " \
           "Rp865.420.000 untuk Sasaran Kegiatan 2" in text


def test_the_sasaran_name_spans_its_kegiatan_rows(split_report):
    _, doc, _, _ = split_report
    t = table(captioned_tables(doc), "Realisasi Anggaran per Sasaran Kegiatan dan Kegiatan")
    merges = []
    for row in t.rows[2:]:
        tc = row._tr.tc_lst[0]  # the row's own first cell (row.cells gives a merged range's top cell)
        vmerge = tc.tcPr.find(qn("w:vMerge")) if tc.tcPr is not None else None
        merges.append(None if vmerge is None else vmerge.get(qn("w:val")))
    # sasaran 1, 2: one row each; sasaran 3: two rows (restart, continue), then its subtotal and Jumlah
    assert merges == ["restart", "restart", "restart", "continue", None, None]


def test_example_prints_no_budget_table_twice(example_doc):
    """Each sasaran of the example has one kegiatan: one realisation table, no subtotal rows."""
    tables = captioned_tables(example_doc)
    realisation = [c for c in tables if re.search(r"Realisasi Anggaran per .*Tahun 2025", c)]
    assert len(realisation) == 1, realisation
    rows = body(tables[realisation[0]])
    assert [r[0] for r in rows if r[0].startswith("Jumlah")] == ["Jumlah"]
    assert len(rows) == 4  # three kegiatan, the Jumlah


def test_periksa_json_adds_the_kegiatan_and_sasaran_budget(split_report):
    _, _, _, path = split_report
    document = json.loads(json.dumps(check_document(path), default=str))
    kegiatan = document["anggaran_kegiatan"]
    assert [(k["kegiatan"], k["pagu"], k["sasaran_no"]) for k in kegiatan] == [
        (KEGIATAN_PPH, 2_150_070_000, [1, 2]), (KEGIATAN_DM, 15_000_000_000, [3]),
        (KEGIATAN_SARPRAS, 1_381_227_000, [3])]
    sasaran = document["anggaran_sasaran"]
    assert [(s["no"], s["pagu"], s["realisasi"]) for s in sasaran] == [
        (1, 1_284_650_000, 1_241_377_980), (2, 865_420_000, 812_904_115), (3, 16_381_227_000, 15_457_074_456)]
    assert document["anggaran"]["pagu"] == 18_531_297_000


def test_a_sasaran_without_a_kegiatan_is_named_below_the_table():
    wb = workbook(ikk=[ikk("IKK-1", 90, 95, sasaran_no=1), ikk("IKK-2", 90, 95, sasaran_no=2)],
                  anggaran=[anggaran("A", 100, 90, 1)])
    ctx = build_context(compute(wb), {}, [])["anggaran"]
    assert [g["judul"][:2] for g in ctx["sasaran"]] == ["1."]
    assert ctx["tanpa_anggaran"].text.startswith("Sasaran Kegiatan 2 (")
    full = compute(workbook(ikk=[ikk("IKK-1", 90, 95)], anggaran=[anggaran("A", 100, 90, 1)]))
    assert not build_context(full, {}, [])["anggaran"]["tanpa_anggaran"]
