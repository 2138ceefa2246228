"""The rekap workbook of a Kanwil run: the jajaran's numbers, values only, clerk text never a formula."""
from __future__ import annotations

import time
import zipfile
from dataclasses import replace
from decimal import Decimal as D

import openpyxl
import pytest

from jajaran_factory import KANIM, kanim_satker, kanim_workbook, kanwil_workbook
from lkj_engine.compute.engine import compute
from lkj_engine.compute.jajaran import consolidate, satker_of
from lkj_engine.render.rekap_workbook import write_rekap

FORMULA_LIKE = ["=HYPERLINK(\"http://x\",\"klik\")", "+62 Kanim Sirip", "-Kanim Insang", "@Kanim Kerapu"]


@pytest.fixture(scope="module")
def regional():
    return consolidate(kanwil_workbook(), kanim_satker())


@pytest.fixture(scope="module")
def book(regional, tmp_path_factory):
    path = tmp_path_factory.mktemp("rekap") / "Rekap.xlsx"
    write_rekap(regional, path)
    return openpyxl.load_workbook(path)


def rows_of(ws, first: str) -> dict[str, tuple]:
    """Body rows keyed by their first text cell, from the header row whose first cell is `first` on."""
    out, started = {}, False
    for row in ws.iter_rows(values_only=True):
        if row[0] == first:
            started = True
            continue
        if started and row[0] is not None:
            out[str(row[0])] = row
    return out


def test_sheets_one_per_jajaran_table_after_ringkasan(book):
    assert book.sheetnames == ["Ringkasan", "Anggaran", "Belanja", "PNBP", "NKA", "Layanan", "Komponen Regional",
                               "Pegawai", "Capaian IKK"]
    for ws in book:
        assert ws.freeze_panes is not None and ws.freeze_panes != "A1", ws.title


def test_ringkasan_holds_every_satker_headline_figures(book, regional):
    ws = book["Ringkasan"]
    j = regional.jajaran
    rows = {r[2]: r for r in ws.iter_rows(min_row=4, values_only=True) if r[2]}
    assert list(rows) == j.nama_satker
    batu = rows["Kanim Batu Kerapu"]
    # pagu, realisasi, %, PNBP target/realisasi/% 2025, NKA ×3, staff, rata-rata capaian
    assert batu[4:7] == (4_000_000, 3_850_000, 96.25)
    assert batu[7:10] == (900, 1000, 111.11)
    assert batu[10:13] == (90.5, 95.25, 92.88)
    assert batu[13] == 60
    jajaran = next(r for r in ws.iter_rows(min_row=4, values_only=True) if r[1] == "Jajaran")
    assert jajaran[4:6] == (13_400_000, 12_670_000)
    assert jajaran[4] == sum(r[4] for r in rows.values())
    assert jajaran[6] == float(round(D(12_670_000) / D(13_400_000) * 100, 2))
    assert jajaran[7:9] == (900 + 350 + 220, 1000 + 340 + 260)
    # NKA means over the four satker, as the report rounds them
    assert jajaran[10] == float(round((D(95) + D("90.5") + D(88) + D(92)) / 4, 2))
    assert jajaran[13] == 35 + 60 + 35 + 28
    assert jajaran[14] == float(round(regional.rata_capaian, 2))


def test_number_formats_and_blank_for_missing(book):
    ws = book["Belanja"]
    kanwil = next(r for r in ws.iter_rows(min_row=5) if r[0].value == "Kanwil Nusa Kerapu")
    assert kanwil[1].value == 4_000_000 and kanwil[1].number_format == "#,##0"
    assert kanwil[3].value == 97.5 and kanwil[3].number_format == "0.00"
    # no satker has Belanja Modal: the column is left out, not printed as 0
    groups = [c.value for c in next(ws.iter_rows(min_row=3, max_row=3))]
    assert "Belanja Modal" not in groups and "Total" in groups
    pnbp = rows_of(book["PNBP"], "Satuan Kerja")
    assert "Kanwil Nusa Kerapu" not in pnbp  # the Kanwil has no PNBP row in either year
    assert pnbp["Jumlah Jajaran"][1:4] == (1300, 1280, float(round(D(1280) / D(1300) * 100, 2)))
    assert pnbp["Jumlah Jajaran"][7] == float(round(D(1600 - 1280) / D(1280) * 100, 2))


def test_tables_equal_the_jajaran_figures(book, regional):
    j = regional.jajaran
    anggaran = rows_of(book["Anggaran"], "Satuan Kerja")
    for nama, line in j.anggaran:
        assert anggaran[nama][1:3] == (int(line.pagu), int(line.realisasi))
    assert anggaran["Jumlah Jajaran"][1] == sum(anggaran[n][1] for n, _ in j.anggaran) == int(j.anggaran_total.pagu)
    nka = rows_of(book["NKA"], "Satuan Kerja")
    assert nka["Rata-rata Jajaran"][1:] == tuple(float(round(v, 2)) for v in
                                                (j.nka_rata.perencanaan, j.nka_rata.pelaksanaan, j.nka_rata.nka))
    layanan = [r for r in book["Layanan"].iter_rows(min_row=4, values_only=True) if r[1]]
    jumlah = next(r for r in layanan if r[1] == "Jumlah")
    assert jumlah[2:6] == (1650, 1621, 1650, 1570)
    assert jumlah[2] == sum(r[2] for r in layanan if r[1] != "Jumlah")
    komponen = [r for r in book["Komponen Regional"].iter_rows(min_row=4, values_only=True) if r[1] == "K2"]
    assert [r[3] for r in komponen] == [*j.nama_satker, "Jumlah Jajaran"]
    assert komponen[-1][4:7] == (36, 46, float(round(D(36) / D(46) * 100, 2)))
    pegawai = rows_of(book["Pegawai"], "Satuan Kerja")
    assert pegawai["Jumlah Jajaran"][1] == j.pegawai_total == 158
    capaian = rows_of(book["Capaian IKK"], "Kode IKK")
    assert capaian["IKK-1"][2] == float(round(regional.ikk[0].capaian, 2))
    assert capaian["IKK-1"][3] is None  # the Kanwil alone cannot compute its regional index
    assert capaian["IKK-2"][4:] == (None, None, None)  # the Kanim have no IKK-2


def formula_satker() -> list:
    """The three Kanim with Nama Singkat a spreadsheet would read as formulas."""
    out = []
    for nama, singkat in zip(KANIM, FORMULA_LIKE[1:]):
        wb = kanim_workbook(nama)
        wb.identitas = replace(wb.identitas, nama_singkat=singkat)
        out.append(satker_of(compute(wb), wb.source))
    return out


def test_clerk_text_starting_like_a_formula_stays_text(tmp_path):
    kanwil = kanwil_workbook()
    kanwil.identitas = replace(kanwil.identitas, nama_singkat=FORMULA_LIKE[0])
    results = consolidate(kanwil, formula_satker())
    path = tmp_path / "rekap.xlsx"
    write_rekap(results, path)
    book = openpyxl.load_workbook(path)
    seen = set()
    for ws in book:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value in FORMULA_LIKE:
                    assert cell.data_type == "s", (ws.title, cell.coordinate)
                    seen.add(cell.value)
    assert seen == set(FORMULA_LIKE)
    with zipfile.ZipFile(path) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any("<f>" in s or "<f " in s for s in sheets)


def test_control_characters_are_dropped_not_fatal(tmp_path):
    kanwil = kanwil_workbook()
    kanwil.identitas = replace(kanwil.identitas, nama_singkat="Kanwil\x07 Nusa Kerapu")
    write_rekap(consolidate(kanwil, kanim_satker()), tmp_path / "rekap.xlsx")
    names = [r[0] for r in openpyxl.load_workbook(tmp_path / "rekap.xlsx")["Anggaran"].iter_rows(values_only=True)]
    assert "Kanwil Nusa Kerapu" in names


def test_same_input_same_file(regional, tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_rekap(regional, a)
    time.sleep(1.1)  # openpyxl would stamp another second
    write_rekap(regional, b)
    assert a.read_bytes() == b.read_bytes()
    assert openpyxl.load_workbook(b).properties.modified.year == 2025


def test_a_kanim_report_has_no_rekap(tmp_path):
    with pytest.raises(ValueError):
        write_rekap(compute(kanim_workbook(next(iter(KANIM)))), tmp_path / "x.xlsx")
