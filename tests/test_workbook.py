"""The loader: the committed example loads cleanly, and every bad input of issue 2 is answered with
an Indonesian problem naming its sheet and cell, never a traceback."""
from __future__ import annotations

import dataclasses
import importlib.util
import shutil
import subprocess
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Callable

import openpyxl
import pytest

from conftest import BLANK, EXAMPLE, ROOT, soffice
from lkj_engine.render import blank_workbook as template_writer
from lkj_engine.contract.problems import errors, warnings
from lkj_engine.reading.loader import load_workbook

from example_content import IMAGES  # the pictures the example names


@pytest.fixture(scope="module")
def light_example(tmp_path_factory) -> Path:
    """The example's content written with fewer marked input rows: the same data, faster to edit."""
    folder = tmp_path_factory.mktemp("contoh")
    spec = importlib.util.spec_from_file_location("build_workbooks", ROOT / "input_templates" / "build_workbooks.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    original = template_writer.INPUT_ROWS
    template_writer.INPUT_ROWS = 20
    try:
        return template_writer.write_template(folder / "contoh.xlsx", build.example_content())
    finally:
        template_writer.INPUT_ROWS = original


@pytest.fixture
def edited(tmp_path, light_example) -> Callable[..., Path]:
    """A copy of the example (with its images beside it) after `edit`, saved by openpyxl."""
    def make(edit: Callable[[openpyxl.Workbook], None], name: str = "kanim.xlsx") -> Path:
        for image in IMAGES:
            shutil.copy(EXAMPLE.parent / image, tmp_path / image)
        book = openpyxl.load_workbook(light_example)
        edit(book)
        path = tmp_path / name
        book.save(path)
        return path
    return make


def only_error(result):
    found = errors(result.problems)
    assert len(found) == 1, [str(p) for p in found]
    assert result.workbook is None and not result.valid
    return found[0]


def error_at(result, sheet, cell):
    matches = [p for p in errors(result.problems) if p.sheet == sheet and p.cell == cell]
    assert matches, [str(p) for p in result.problems]
    assert not result.valid and result.workbook is None
    return matches[0]


# --- the committed example ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def example():
    result = load_workbook(EXAMPLE)
    assert result.valid, [str(p) for p in result.problems]
    return result.workbook


def test_example_loads_without_any_problem():
    result = load_workbook(EXAMPLE)
    assert result.valid
    assert result.problems == []


def test_example_identity(example):
    idn = example.identitas
    assert idn.nama_satker == "Kantor Imigrasi Kelas II TPI Batu Kerapu"
    assert idn.nama_singkat == "Kanim Batu Kerapu"
    assert (idn.jenis, idn.tahun) == ("Kanim", 2025)
    assert idn.tanggal_ttd == date(2026, 1, 14)
    assert idn.nip_kepala == "197805122001121002"
    assert idn.logo == EXAMPLE.parent.resolve() / "contoh_logo.png" and idn.logo.is_file()
    assert idn.peta_wilayah is None


def test_example_typed_values(example):
    ikk = {i.kode: i for i in example.ikk}
    assert list(ikk) == ["IKK-1", "IKK-5", "IKK-2", "IKK-3.1", "IKK-3.2"]
    assert ikk["IKK-2"].target == Decimal("90.80")
    assert ikk["IKK-1"].realisasi is None  # computed from Komponen
    assert ikk["IKK-3.2"].realisasi == Decimal("3.78")
    # percent-formatted cell: stored 0,032, shown 3,20%
    assert ikk["IKK-5"].realisasi == Decimal("3.2") and ikk["IKK-5"].polaritas == "Negatif"
    assert ikk["IKK-5"].row == 3 and example.cell("IKK", "realisasi", 3) == "H3"


def test_example_text_stored_numbers(example):
    modal = next(b for b in example.belanja if b.tahun == 2025 and b.jenis == "Belanja Modal")
    assert modal.pagu == Decimal("1250000000")  # typed "Rp 1.250.000.000,-"
    riwayat = next(r for r in example.riwayat if r.kode == "IKK-3.1" and r.tahun == 2023)
    assert riwayat.realisasi == Decimal("86.92")  # typed "86,92%"
    assert example.anggaran[1].realisasi == Decimal("812904115")  # typed "Rp812.904.115"


def test_example_komponen_tree(example):
    tree = {(k.kode_ikk, k.kode): k for k in example.komponen}
    d2 = tree[("IKK-2", "K5.D2")]
    assert (d2.induk, d2.bobot, d2.faktor, d2.pembilang, d2.penyebut) == ("K5", 5, -1, 533, 604)
    assert tree[("IKK-2", "K2")].maks_100 is True
    assert tree[("IKK-1", "K1.D1")].sumber == "Layanan Dokumen Perjalanan D1"
    assert tree[("IKK-1", "K1")].induk is None


def test_example_budget_is_consistent(example):
    for year in (2024, 2025):
        belanja = sum(b.pagu for b in example.belanja if b.tahun == year)
        dana = sum(s.pagu for s in example.sumber_dana if s.tahun == year)
        assert belanja == dana
        assert sum(b.realisasi for b in example.belanja if b.tahun == year) == \
            sum(s.realisasi for s in example.sumber_dana if s.tahun == year)
    assert sum(a.pagu for a in example.anggaran) == Decimal("18531297000")
    assert sum(a.realisasi for a in example.anggaran) == Decimal("17511356551")
    blokir = [b for b in example.belanja if b.blokir is not None]
    assert [(b.tahun, b.jenis, b.blokir) for b in blokir] == [(2025, "Belanja Barang", Decimal("844218000"))]


def test_example_nka_blank_component_is_none(example):
    nka = {n.tahun: n for n in example.nka}
    assert nka[2025].kontraktual is None  # not applicable, never 0
    assert nka[2025].dispensasi_spm == Decimal(0)
    assert nka[2024].kontraktual == Decimal(100)


def test_example_data_tables_are_clerk_text(example):
    tables = {t.sheet: t for t in example.data_tables}
    assert set(tables) == {"Data Paspor", "Data Perlintasan"}
    paspor = tables["Data Paspor"]
    assert paspor.title == "Paspor"
    assert paspor.headers == ["Jenis Paspor", "Laki-laki", "Perempuan", "Jumlah"]
    assert paspor.rows[-1] == ["Jumlah", "15.912", "15.750", "31.662"]


def test_example_columns_and_sheets(example):
    assert example.columns["Komponen"]["bobot"] == "E"
    assert example.cell("Belanja", "pagu", 7) == "C7"
    assert example.empty_sheets == []
    assert len(example.analisis) == len(example.ikk)
    saran = [n.teks for n in example.narasi if n.bagian == "Saran"]
    assert len(saran) == 1 and saran[0].startswith("- Menambah")


# --- files that are not a usable workbook ---------------------------------------------------------

def test_not_a_workbook(tmp_path):
    path = tmp_path / "laporan.xlsx"
    path.write_text("ini bukan Excel", encoding="utf-8")
    problem = only_error(load_workbook(path))
    assert (problem.sheet, problem.cell) == (None, None)
    assert problem.kode == "bukan-xlsx" and "laporan.xlsx" in problem.message


def test_a_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("catatan.txt", "halo")
    problem = only_error(load_workbook(path))
    assert problem.kode == "xlsx-rusak"


def test_truncated_workbook(tmp_path):
    path = tmp_path / "terpotong.xlsx"
    data = EXAMPLE.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert only_error(load_workbook(path)).kode in ("bukan-xlsx", "xlsx-rusak")


def test_missing_file(tmp_path):
    assert only_error(load_workbook(tmp_path / "tidak_ada.xlsx")).kode == "berkas-tidak-ditemukan"


def test_old_xls_by_magic_bytes(tmp_path):
    path = tmp_path / "lama.xls"
    path.write_bytes(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\x00" * 1024)
    problem = only_error(load_workbook(path))
    assert problem.kode == "berkas-xls-lama" and "lama.xls" in problem.message


def _encrypted(tmp_path: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    path = tmp_path / "rahasia.xlsx"
    with BLANK.open("rb") as src, path.open("wb") as out:
        OOXMLFile(src).encrypt("sandi123", out)
    return path


def test_password_protected(tmp_path):
    problem = only_error(load_workbook(_encrypted(tmp_path)))
    assert problem.kode == "berkas-dilindungi-sandi" and "rahasia.xlsx" in problem.message


def test_real_ole_file_without_encryption_info_is_an_old_xls(tmp_path):
    import olefile

    data = _encrypted(tmp_path).read_bytes()
    name = "EncryptionInfo".encode("utf-16-le")
    assert data.count(name) == 1
    path = tmp_path / "lama.xls"
    path.write_bytes(data.replace(name, "EncryptionInfX".encode("utf-16-le")))
    with olefile.OleFileIO(str(path)) as ole:  # a genuine OLE container, just not encrypted
        assert ole.listdir() and not ole.exists("EncryptionInfo")
    assert only_error(load_workbook(path)).kode == "berkas-xls-lama"


# --- sheets and columns ---------------------------------------------------------------------------

@pytest.mark.parametrize("sheet", ["Identitas", "IKK"])
def test_missing_required_sheet(tmp_path, sheet, edited):
    path = edited(lambda b: b.remove(b[sheet]))
    result = load_workbook(path)
    problem = next(p for p in errors(result.problems) if p.sheet == sheet)
    assert problem.cell is None
    assert problem.kode == "sheet-tidak-ada"
    assert not result.valid


def test_missing_required_column(tmp_path, edited):
    path = edited(lambda b: b["IKK"].cell(1, 7, "Sasaran Angka"))
    problem = only_error(load_workbook(path))
    assert (problem.sheet, problem.cell) == ("IKK", "1:1")
    assert problem.kode == "kolom-tidak-ada" and '"Target"' in problem.message


def test_missing_optional_column_is_a_warning(tmp_path, edited):
    path = edited(lambda b: b["IKK"].delete_cols(10))  # Standar Nasional
    result = load_workbook(path)
    assert result.valid
    (problem,) = warnings(result.problems)
    assert (problem.sheet, problem.kode) == ("IKK", "kolom-opsional-tidak-ada") and '"Standar Nasional"' in problem.message
    assert all(i.standar_nasional is None for i in result.workbook.ikk)


def test_headers_and_sheet_names_in_another_case(tmp_path, edited):
    def edit(book):
        book["IKK"].cell(1, 7, "  tARGET ")
        book["Riwayat IKK"].title = "riwayat  ikk"
        book["Belanja"].cell(1, 2, "JENIS BELANJA")
    result = load_workbook(edited(edit))
    assert result.valid, [str(p) for p in result.problems]
    assert result.workbook.ikk[2].target == Decimal("90.8")
    assert len(result.workbook.riwayat) == 12


def test_header_row_is_the_first_non_empty_row_and_empty_rows_are_skipped(tmp_path, edited):
    def edit(book):
        book["IKK"].insert_rows(1, 2)   # header now on row 3
        book["IKK"].insert_rows(6, 3)   # blank rows inside the data
    result = load_workbook(edited(edit))
    assert result.valid, [str(p) for p in result.problems]
    wb = result.workbook
    assert [i.kode for i in wb.ikk] == ["IKK-1", "IKK-5", "IKK-2", "IKK-3.1", "IKK-3.2"]
    assert [i.row for i in wb.ikk] == [4, 5, 9, 10, 11]
    assert wb.cell("IKK", "target", wb.ikk[2].row) == "G9"


def test_reordered_columns_are_found_by_header(tmp_path, edited):
    def edit(book):
        ws = book["Belanja"]
        for r in range(1, 8):
            ws.cell(r, 3).value, ws.cell(r, 4).value = ws.cell(r, 4).value, ws.cell(r, 3).value
    wb = load_workbook(edited(edit)).workbook
    assert wb.columns["Belanja"]["pagu"] == "D" and wb.columns["Belanja"]["realisasi"] == "C"
    assert wb.belanja[0].pagu == Decimal("7102330000")


def test_unknown_extra_sheets_are_ignored_silently(tmp_path, edited):
    def edit(book):
        ws = book.create_sheet("Catatan Saya")
        ws["A1"], ws["B7"] = "hitungan sementara", "=1/0"
    result = load_workbook(edited(edit))
    assert result.valid and result.problems == []


def test_empty_optional_sheet_is_listed(tmp_path, edited):
    def edit(book):
        book["Inovasi"].delete_rows(2, 10)
        book.remove(book["Penghargaan"])
    wb = load_workbook(edited(edit)).workbook
    assert wb.inovasi == [] and "Inovasi" in wb.empty_sheets
    assert "Penghargaan" not in wb.columns and wb.penghargaan == []


# --- cells ----------------------------------------------------------------------------------------

def test_text_where_a_number_belongs(tmp_path, edited):
    path = edited(lambda b: b["IKK"].cell(5, 7, "sembilan puluh"))
    problem = only_error(load_workbook(path))
    assert (problem.sheet, problem.cell, problem.kode) == ("IKK", "G5", "bukan-angka")
    assert '"sembilan puluh"' in problem.message and "Target" in problem.message


def test_text_numbers_typed_by_clerks_are_understood(tmp_path, edited):
    def edit(book):
        book["IKK"].cell(4, 7, "90,80")
        book["Belanja"].cell(5, 3, "Rp7.418.562.000")
        book["PNBP"].cell(3, 3, " Rp 41.275.930.000,- ")
        book["Layanan"].cell(2, 4, "9.850")
    wb = load_workbook(edited(edit)).workbook
    assert wb.ikk[2].target == Decimal("90.8")
    assert wb.belanja[3].pagu == Decimal("7418562000")
    assert wb.pnbp[1].realisasi == Decimal("41275930000")
    assert wb.layanan[0].diterima == 9850


def test_bad_choice(tmp_path, edited):
    path = edited(lambda b: b["IKK"].cell(2, 6, "Naik"))
    problem = only_error(load_workbook(path))
    assert (problem.sheet, problem.cell) == ("IKK", "F2")
    assert problem.kode == "bukan-pilihan" and "Positif, Negatif" in problem.message


def test_fraction_in_a_count(tmp_path, edited):
    path = edited(lambda b: b["Pegawai"].cell(3, 3, 12.5))
    problem = only_error(load_workbook(path))
    assert (problem.sheet, problem.cell, problem.kode) == ("Pegawai", "C3", "bukan-bilangan-bulat")


def test_required_cell_empty(tmp_path, edited):
    path = edited(lambda b: setattr(b["Belanja"]["C5"], "value", None))
    problem = only_error(load_workbook(path))
    assert (problem.sheet, problem.cell) == ("Belanja", "C5")
    assert problem.kode == "wajib-diisi" and "Pagu" in problem.message and "tulis 0" in problem.message


def test_required_identitas_field_left_empty(tmp_path, edited):
    path = edited(lambda b: setattr(b["Identitas"]["B2"], "value", None))
    problem = only_error(load_workbook(path))
    assert (problem.sheet, problem.cell) == ("Identitas", "B2")
    assert problem.kode == "wajib-diisi" and "Nama Satker" in problem.message


def test_identitas_row_removed(tmp_path, edited):
    path = edited(lambda b: b["Identitas"].delete_rows(6))  # Provinsi
    problem = only_error(load_workbook(path))
    assert (problem.sheet, problem.kode) == ("Identitas", "isian-tidak-ada") and '"Provinsi"' in problem.message


def test_identitas_date_as_text_and_bad_date(tmp_path, edited):
    good = load_workbook(edited(lambda b: b["Identitas"].cell(18, 2, "15 Jan 2026")))
    assert good.workbook.identitas.tanggal_ttd == date(2026, 1, 15)
    bad = load_workbook(edited(lambda b: b["Identitas"].cell(18, 2, "besok pagi")))
    problem = only_error(bad)
    assert (problem.sheet, problem.cell, problem.kode) == ("Identitas", "B18", "bukan-tanggal")


def test_formula_without_saved_value(tmp_path, edited):
    path = edited(lambda b: b["IKK"].cell(6, 8, "=3.5+0.28"))  # openpyxl never saves values
    problem = only_error(load_workbook(path))
    assert (problem.sheet, problem.cell) == ("IKK", "H6")
    assert problem.kode == "rumus-tanpa-nilai"


# --- IKK and Komponen rules -----------------------------------------------------------------------

def test_duplicate_kode_ikk(tmp_path, edited):
    def edit(book):
        ws = book["IKK"]
        for c in range(1, 11):
            ws.cell(7, c, ws.cell(2, c).value)
    problem = only_error(load_workbook(edited(edit)))
    assert (problem.sheet, problem.cell) == ("IKK", "C7")
    assert problem.kode == "baris-ganda" and '"IKK-1"' in problem.message and "baris 2" in problem.message


def test_kode_ikk_matched_ignoring_case_in_other_sheets(tmp_path, edited):
    wb = load_workbook(edited(lambda b: b["Riwayat IKK"].cell(2, 1, " ikk-1 "))).workbook
    assert wb.riwayat[0].kode == "IKK-1"


def test_kode_ikk_in_another_sheet_not_in_ikk(tmp_path, edited):
    path = edited(lambda b: b["Risiko"].cell(3, 1, "IKK-9"))
    problem = only_error(load_workbook(path))
    assert (problem.sheet, problem.cell) == ("Risiko", "A3")
    assert problem.kode == "kode-ikk-tidak-ada" and '"IKK-9"' in problem.message


def test_komponen_whose_induk_does_not_exist(tmp_path, edited):
    path = edited(lambda b: b["Komponen"].cell(3, 3, "K9"))  # K1.D1 -> K9
    result = load_workbook(path)
    problem = error_at(result, "Komponen", "C3")
    assert problem.kode == "induk-tidak-ada" and '"K9"' in problem.message and "IKK-1" in problem.message


def test_duplicate_komponen_code(tmp_path, edited):
    path = edited(lambda b: b["Komponen"].cell(4, 2, "K1.D1"))  # K1.D2 renamed K1.D1
    problem = error_at(load_workbook(path), "Komponen", "B4")
    assert problem.kode == "baris-ganda" and '"K1.D1"' in problem.message and "baris 3" in problem.message


def test_komponen_cycle(tmp_path, edited):
    path = edited(lambda b: b["Komponen"].cell(2, 3, "K1.D1"))  # K1's parent = its own child
    result = load_workbook(path)
    problem = error_at(result, "Komponen", "C2")
    assert problem.kode == "induk-berputar"


def test_sibling_weights_not_summing_to_100(tmp_path, edited):
    path = edited(lambda b: b["Komponen"].cell(3, 5, 60))  # K1.D1 70 -> 60
    problem = only_error(load_workbook(path))
    assert (problem.sheet, problem.cell) == ("Komponen", "E3")
    assert problem.kode == "bobot-tidak-100" and "K1" in problem.message and "90,00" in problem.message
    assert "E3, E4" in problem.message


def test_top_level_weights_not_summing_to_100(tmp_path, edited):
    path = edited(lambda b: b["Komponen"].cell(8, 5, 25))  # IKK-2 K1 20 -> 25
    problem = only_error(load_workbook(path))
    assert problem.sheet == "Komponen" and problem.cell == "E8"
    assert problem.kode == "bobot-tidak-100" and "IKK-2" in problem.message and "105,00" in problem.message


def test_weights_as_thirds_pass(tmp_path, edited):
    def edit(book):
        ws = book["Komponen"]
        ws.cell(3, 5, 33.33), ws.cell(4, 5, 33.33)
        ws.insert_rows(5)
        for c, v in enumerate(["IKK-1", "K1.D3", "K1", "Komponen ketiga", 33.34, None, None, 100], start=1):
            ws.cell(5, c, v)
    result = load_workbook(edited(edit))
    assert result.valid, [str(p) for p in result.problems]


def test_ikk_without_realisasi_and_without_komponen(tmp_path, edited):
    path = edited(lambda b: setattr(b["IKK"]["H6"], "value", None))  # IKK-3.2 survey value removed
    problem = only_error(load_workbook(path))
    assert (problem.sheet, problem.cell) == ("IKK", "H6")
    assert problem.kode == "realisasi-kosong" and "IKK-3.2" in problem.message


def test_target_zero_is_a_warning_not_an_error(tmp_path, edited):
    result = load_workbook(edited(lambda b: b["IKK"].cell(6, 7, 0)))
    assert result.valid
    (problem,) = result.problems
    assert problem.level == "peringatan" and (problem.sheet, problem.cell) == ("IKK", "G6")
    assert problem.kode == "target-nol"
    assert result.workbook.ikk[4].target == 0


def test_typed_realisasi_with_komponen_is_a_warning(tmp_path, edited):
    result = load_workbook(edited(lambda b: b["IKK"].cell(2, 8, 96.5)))
    assert result.valid
    (problem,) = result.problems
    assert (problem.level, problem.cell, problem.kode) == ("peringatan", "H2", "realisasi-diketik-dengan-komponen")


def test_missing_image_is_a_warning(tmp_path, edited):
    result = load_workbook(edited(lambda b: b["Identitas"].cell(19, 2, "logo_baru.png")))
    assert result.valid
    (problem,) = result.problems
    assert problem.level == "peringatan" and (problem.sheet, problem.cell) == ("Identitas", "B19")
    assert problem.kode == "gambar-tidak-ada" and '"logo_baru.png"' in problem.message
    assert result.workbook.identitas.logo == tmp_path.resolve() / "logo_baru.png"


def test_images_resolved_against_the_workbook_folder(tmp_path, edited):
    wb = load_workbook(edited(lambda b: None)).workbook
    assert wb.identitas.struktur_organisasi == tmp_path.resolve() / "contoh_struktur_organisasi.png"
    assert wb.gambar[0].berkas == tmp_path.resolve() / "contoh_piagam_wbk.png"


def test_many_problems_reported_at_once(tmp_path, edited):
    def edit(book):
        book["IKK"].cell(5, 7, "sembilan puluh")
        book["Identitas"]["B2"].value = None
        book["Komponen"].cell(3, 5, 60)
    result = load_workbook(edited(edit))
    where = {str(p).split(":")[0] for p in errors(result.problems)}
    assert where == {"IKK!G5", "Identitas!B2", "Komponen!E3"}


def test_blank_template_is_not_valid_but_explains_what_to_fill():
    result = load_workbook(BLANK)
    assert not result.valid
    found = {(p.sheet, p.cell, p.kode) for p in errors(result.problems)}
    assert ("Identitas", "B2", "wajib-diisi") in found
    assert {kode for _, _, kode in found} <= {"wajib-diisi", "realisasi-kosong"}, found


# --- LibreOffice --------------------------------------------------------------------------------

def _relative(value, folder: Path):
    """The model with image paths relative to the workbook folder (the copies live elsewhere)."""
    if isinstance(value, Path):
        return value.relative_to(folder)
    if isinstance(value, dict):
        return {k: _relative(v, folder) for k, v in value.items() if k != "source"}
    if isinstance(value, list):
        return [_relative(v, folder) for v in value]
    return value


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) tidak terpasang; CI memasangnya")
def test_libreoffice_round_trip_gives_the_same_model(tmp_path):
    out = tmp_path / "hasil"
    subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{tmp_path / 'profil'}", "--headless",
         "--convert-to", "xlsx", "--outdir", str(out), str(EXAMPLE)],
        check=True, capture_output=True, timeout=180,
    )
    converted = out / EXAMPLE.name
    for image in IMAGES:
        shutil.copy(EXAMPLE.parent / image, out / image)
    original, saved = load_workbook(EXAMPLE), load_workbook(converted)
    assert saved.valid, [str(p) for p in saved.problems]
    assert saved.problems == original.problems == []
    a = _relative(dataclasses.asdict(original.workbook), EXAMPLE.parent.resolve())
    b = _relative(dataclasses.asdict(saved.workbook), out.resolve())
    assert a == b
    assert openpyxl.load_workbook(converted).sheetnames == openpyxl.load_workbook(EXAMPLE).sheetnames
