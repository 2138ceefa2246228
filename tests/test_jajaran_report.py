"""The Kanwil's report with its jajaran tables, read back from the .docx: every JUMLAH is the sum of the
rows as printed, % of a JUMLAH from the sums, numbers right-aligned, JUMLAH bold, wide tables on
landscape pages, the rekap workbook with the same numbers, and a Kanim report without any of it."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal as D

import openpyxl
import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.table import Table

from jajaran_factory import KANIM, kanim_satker, kanim_workbook, kanwil_workbook
from lkj_engine.compute.engine import compute
from lkj_engine.compute.jajaran import consolidate, satker_of
from lkj_engine.render.rekap_workbook import write_rekap
from report_fixture import all_text, captioned_tables, example_workbook, render, table

NUMBER = re.compile(r"^(Rp)?(-?[0-9.]+(,[0-9]+)?)%?$")


def num(text: str) -> D | None:
    """``Rp13.400.000`` → 13400000, ``94,55%`` → 94.55, ``-`` → None."""
    text = text.strip()
    if text == "-":
        return None
    m = NUMBER.match(text)
    assert m, f"not an Indonesian number: {text!r}"
    return D(m.group(2).replace(".", "").replace(",", "."))


def r2(value: D) -> D:
    return value.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def rows(t: Table, header_rows: int = 1) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in t.rows[header_rows:]]


def is_bold(row) -> bool:
    runs = [r for c in row.cells for p in c.paragraphs for r in p.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


@pytest.fixture(scope="module")
def regional():
    return consolidate(kanwil_workbook(), kanim_satker())


@pytest.fixture(scope="module")
def doc(regional, tmp_path_factory) -> Document:
    out = tmp_path_factory.mktemp("kanwil") / "kanwil.docx"
    document, found = render(regional, out)
    assert found == []
    return document


@pytest.fixture(scope="module")
def tables(doc) -> dict[str, Table]:
    return captioned_tables(doc)


def assert_column_sums(body: list[list[str]], total: list[str], columns: list[int]) -> None:
    for c in columns:
        printed = [num(r[c]) for r in body]
        assert num(total[c]) == sum((v for v in printed if v is not None), D(0)), (c, body, total)


def test_staff_per_satker_in_bab_i(tables):
    t = table(tables, "Tabel 1.1 Jumlah Pegawai per Satuan Kerja")
    body = rows(t)
    *satker, jumlah = body
    assert [r[1] for r in satker] == ["Kanwil Nusa Kerapu", "Kanim Batu Kerapu", "Kanim Teluk Sirip",
                                      "Kanim Pulau Insang"]
    assert_column_sums(satker, jumlah, [2])
    assert num(jumlah[2]) == 158
    assert num(jumlah[3]) == sum(num(r[3]) for r in satker)  # the shares as printed add up to their JUMLAH
    assert num(satker[1][3]) == r2(D(60) / D(158) * 100)
    assert is_bold(t.rows[-1])


def test_jajaran_budget_beside_the_kanwil_dipa(tables, doc):
    t = table(tables, "Realisasi Anggaran Jajaran Kantor Wilayah Nusa Kerapu (DIPA Kantor Wilayah dan Kantor Imigrasi)")
    *satker, jumlah = rows(t)
    assert satker[0][0] == "Kanwil Nusa Kerapu (DIPA Kantor Wilayah)"
    assert_column_sums(satker, jumlah, [1, 2])
    assert num(jumlah[3]) == r2(num(jumlah[2]) / num(jumlah[1]) * 100)
    # the Kanwil's own DIPA keeps its own table, named for itself
    own = table(tables, "Realisasi Anggaran per Sasaran Kegiatan dan Kegiatan Tahun 2025")
    assert "Rp5.000.000" in [c for r in rows(own) for c in r]
    text = all_text(doc)
    assert "berjumlah Rp13.400.000" in text and "DIPA Kanwil Nusa Kerapu sendiri sebesar Rp5.000.000" in text
    assert "Persentase realisasi anggaran terendah terdapat pada Kanim Teluk Sirip (87,60%)" in text


def test_jenis_belanja_groups_add_up(tables):
    t = table(tables, "Realisasi Anggaran Jajaran menurut Jenis Belanja per Satuan Kerja")
    body = rows(t)
    groups, current = [], None
    for r in body:
        if r[1] == r[0]:  # the merged group row
            current = {"judul": r[0], "lines": []}
            groups.append(current)
        elif r[0].startswith("Jumlah"):
            current["jumlah"] = r
        else:
            current["lines"].append(r)
    assert [g["judul"] for g in groups][-1] == "Jajaran (seluruh satuan kerja)" and len(groups) == 5
    for g in groups:
        assert_column_sums(g["lines"], g["jumlah"], [1, 2])
        assert num(g["jumlah"][3]) == r2(num(g["jumlah"][2]) / num(g["jumlah"][1]) * 100)
    jajaran = {r[0]: r for r in groups[-1]["lines"]}
    for jenis in ("Belanja Pegawai", "Belanja Barang"):
        per_satker = [r for g in groups[:-1] for r in g["lines"] if r[0] == jenis]
        assert_column_sums(per_satker, jajaran[jenis], [1, 2])


def test_pnbp_two_years_per_satker(tables, doc):
    t = table(tables, "Target dan Realisasi PNBP per Satuan Kerja di Jajaran Tahun 2024 dan 2025")
    *satker, jumlah = rows(t, header_rows=2)
    assert [r[0] for r in satker] == ["Kanim Batu Kerapu", "Kanim Teluk Sirip", "Kanim Pulau Insang"]
    assert_column_sums(satker, jumlah, [1, 2, 4, 5])
    assert num(jumlah[3]) == r2(num(jumlah[2]) / num(jumlah[1]) * 100)
    assert num(jumlah[6]) == r2(num(jumlah[5]) / num(jumlah[4]) * 100) == r2(D(1600) / D(1470) * 100)
    assert num(jumlah[7]) == r2((num(jumlah[5]) - num(jumlah[2])) / num(jumlah[2]) * 100)
    assert "Realisasi PNBP seluruh jajaran tahun 2025 sebesar Rp1.600 atau 108,84%" in all_text(doc)


def test_nka_per_satker_with_means(tables, regional):
    t = table(tables, "Nilai Kinerja Anggaran per Satuan Kerja di Jajaran")
    *satker, rata = rows(t)
    assert rata[0] == "Rata-rata Jajaran"
    for c in (1, 2, 3):
        values = [num(r[c]) for r in satker]
        # the mean of the (unrounded) values; here every value has at most 2 decimals, so the printed rows
        assert num(rata[c]) == r2(sum(values, D(0)) / len(values))
    assert num(rata[1]) == r2((D(95) + D("90.5") + D(88) + D(92)) / 4)


def test_services_per_satker_with_jumlah(tables):
    t = table(tables, "Data Layanan Dokumen Perjalanan per Satuan Kerja")
    *satker, jumlah = rows(t)
    assert jumlah[0] == "Jumlah"
    assert_column_sums(satker, jumlah, [1, 2, 3, 4])
    assert num(jumlah[5]) == r2(num(jumlah[2]) / num(jumlah[1]) * 100)
    assert num(jumlah[6]) == r2(num(jumlah[4]) / num(jumlah[3]) * 100)


def test_regional_leaves_per_satker(tables):
    t = table(tables, "Komponen Indeks Kualitas Layanan di Wilayah per Satuan Kerja")
    body = rows(t)
    starts = [i for i, r in enumerate(body) if r[1] == r[0]]
    assert [body[i][0].split()[0] for i in starts] == ["K1", "K2"]
    for start, end, satker in zip(starts, starts[1:] + [len(body)], (3, 4)):
        *shares, jumlah = body[start + 1:end]
        assert jumlah[0] == "Jumlah Jajaran" and len(shares) == satker
        assert_column_sums(shares, jumlah, [1, 2])
        assert num(jumlah[3]) == r2(num(jumlah[1]) / num(jumlah[2]) * 100)
    assert body[starts[1] + 1][1:3] == ["2", "4"]  # the Kanwil's own typed K2 share
    # K1 comes from Layanan: the Kanwil serves no applicant, so its 0 / 0 row is left out (as in Data Layanan)
    assert "Kanwil Nusa Kerapu" not in [r[0] for r in body[starts[0] + 1:starts[1]]]


def test_capaian_of_every_ikk_per_satker(tables, regional):
    t = table(tables, "Capaian Indikator Kinerja Kegiatan per Satuan Kerja di Jajaran")
    header = [c.text for c in t.rows[0].cells]
    assert header == ["Indikator Kinerja Kegiatan", "Wilayah", "Kanwil Nusa Kerapu", "Kanim Batu Kerapu",
                      "Kanim Teluk Sirip", "Kanim Pulau Insang"]
    body = rows(t)
    capaian = rows(table(tables, "Capaian Perjanjian Kinerja"), header_rows=2)
    printed = {r[1]: r[4] for r in capaian}
    assert body[0][1] == printed["Indeks Kualitas Layanan di Wilayah"]  # the regional value, printed once
    assert body[0][2] == "-"  # the Kanwil alone cannot compute the regional index
    assert num(body[0][3]) == r2(regional.jajaran.satker[1].results.ikk[0].capaian)
    assert body[-1][0] == "Rata-rata capaian IKK Perjanjian Kinerja Kantor Wilayah" and is_bold(t.rows[-1])


def test_numbers_right_aligned_and_jumlah_bold(tables):
    jajaran = [t for c, t in tables.items() if "Satuan Kerja" in c or "Jajaran" in c]
    assert len(jajaran) >= 8
    for t in jajaran:
        for row in t.rows:
            for cell in row.cells:
                text = cell.text.strip()
                if text and NUMBER.match(text) and not re.fullmatch(r"\d{1,2}", text):
                    assert cell.paragraphs[0].style.name == "Teks Tabel Angka", (text,)
        last = t.rows[-1]
        assert is_bold(last), [c.text for c in last.cells]


def test_pnbp_table_on_a_landscape_page_numbers_continue(doc, tables):
    orientations = [s.orientation for s in doc.sections]
    assert orientations.count(WD_ORIENT.LANDSCAPE) == 1
    starts = [s._sectPr.find(qn("w:pgNumType")) for s in doc.sections]
    restarts = [i for i, n in enumerate(starts) if n is not None and n.get(qn("w:start"))]
    assert restarts == [1, 2]  # the front matter (roman) and the body from BAB I: nowhere else
    body = doc.element.body
    pnbp = table(tables, "Target dan Realisasi PNBP per Satuan Kerja")._tbl
    sect = next(p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") for p in pnbp.itersiblings(qn("w:p"))
                if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None)
    assert sect.find(qn("w:pgSz")).get(qn("w:orient")) == "landscape"
    assert not list(body.iter(qn("w:bookmarkStart"))) or all(
        not (b.get(qn("w:name")) or "").startswith("_lkjip_lanskap") for b in body.iter(qn("w:bookmarkStart")))


def test_jajaran_charts_placed(doc):
    captions = [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "Caption"]
    assert any("Rata-rata Capaian IKK Perjanjian Kinerja Kantor Wilayah per Satuan Kerja di Jajaran" in c for c in captions)
    assert any("Pagu dan Realisasi Anggaran per Satuan Kerja di Jajaran" in c for c in captions)


def many_kanim(n: int) -> list:
    """n Kanim: the factory's three, then copies under other names (only the count matters here)."""
    base = list(KANIM)
    out = []
    for i in range(n):
        wb = kanim_workbook(base[i % len(base)])
        if i >= len(base):
            wb.identitas = replace(wb.identitas, nama_singkat=f"Kanim Salinan {i}", nama_satker=f"Kanim Salinan {i}")
        out.append(satker_of(compute(wb), wb.source))
    return out


def test_capaian_table_moves_to_landscape_with_many_satker(tmp_path):
    results = consolidate(kanwil_workbook(), many_kanim(6))
    document, _ = render(results, tmp_path / "besar.docx")
    t = table(captioned_tables(document), "Capaian Indikator Kinerja Kegiatan per Satuan Kerja")
    assert len(t.rows[0].cells) == 2 + 7
    sect = next(p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") for p in t._tbl.itersiblings(qn("w:p"))
                if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None)
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    assert size.get(qn("w:orient")) == "landscape"
    text_width = int(size.get(qn("w:w"))) - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))
    grid = [int(c.get(qn("w:w"))) for c in t._tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
    assert len(grid) == 9 and text_width - len(grid) <= sum(grid) <= text_width
    assert [s.orientation for s in document.sections].count(WD_ORIENT.LANDSCAPE) == 2


def test_rekap_has_the_report_numbers(regional, tables, tmp_path):
    path = tmp_path / "rekap.xlsx"
    write_rekap(regional, path)
    book = openpyxl.load_workbook(path)
    report = {r[0]: r for r in rows(table(tables, "Realisasi Anggaran Jajaran Kantor Wilayah"))}
    rekap = {r[0]: r for r in book["Anggaran"].iter_rows(min_row=4, values_only=True)}
    assert num(report["Jumlah Jajaran"][1]) == rekap["Jumlah Jajaran"][1]
    assert num(report["Jumlah Jajaran"][3]) == D(str(rekap["Jumlah Jajaran"][3]))
    nka = {r[0]: r for r in rows(table(tables, "Nilai Kinerja Anggaran per Satuan Kerja"))}
    rekap_nka = {r[0]: r for r in book["NKA"].iter_rows(min_row=4, values_only=True)}
    assert [num(v) for v in nka["Rata-rata Jajaran"][1:]] == [D(str(v)) for v in rekap_nka["Rata-rata Jajaran"][1:]]
    pnbp = rows(table(tables, "Target dan Realisasi PNBP per Satuan Kerja"), header_rows=2)[-1]
    rekap_pnbp = next(r for r in book["PNBP"].iter_rows(min_row=5, values_only=True) if r[0] == "Jumlah Jajaran")
    assert [num(v) for v in pnbp[1:7]] == [D(str(v)) for v in rekap_pnbp[1:7]]


def test_a_kanim_report_has_no_jajaran(tmp_path):
    document, _ = render(compute(example_workbook()), tmp_path / "kanim.docx")
    text = all_text(document)
    assert "Jajaran" not in text and "per Satuan Kerja" not in text
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT] * 3


def test_a_share_column_adds_up_as_printed() -> None:
    """Tabel 1.1 and the budget table's Porsi: the JUMLAH is the sum of the printed shares (a reviewer
    added 33,33 + 33,33 + 33,34 … and found 100,01 under a printed 100,00)."""
    from jajaran_factory import kanim_satker, kanwil_workbook
    from lkj_engine.compute.jajaran import consolidate
    from lkj_engine.render.context import build_context

    ctx = build_context(consolidate(kanwil_workbook(), kanim_satker()), {}, [])["jajaran"]
    for shares_of, total in ((ctx["pegawai"], ctx["pegawai"]["porsi"]), (ctx["anggaran"], ctx["anggaran"]["jumlah"]["porsi"])):
        shares = [num(r["porsi"]) for r in shares_of["rows"] if r["porsi"] != "-"]
        assert len(shares) >= 2 and sum(shares) == num(total), (shares, total)
