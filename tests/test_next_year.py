"""`tahun-baru`: next year's workbook from this year's, round trip through periksa and the 2026 report."""
from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from conftest import EXAMPLE
from lkj_engine.jobs.new_file import NotWritten
from lkj_engine.jobs.next_year import next_year
from report_fixture import table_text

from test_cli import output, run

from example_content import IMAGES as PICTURES  # the pictures the example names


def _rows(ws) -> list[dict]:
    headers = [c.value for c in ws[1]]
    return [dict(zip(headers, r)) for r in ws.iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]


def _example_copy(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in (EXAMPLE.name, *PICTURES):
        shutil.copy(EXAMPLE.parent / name, folder / name)
    return folder / EXAMPLE.name


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory) -> dict:
    """The example, its periksa --json, tahun-baru, and periksa of the 2026 workbook (one run each)."""
    folder = tmp_path_factory.mktemp("tahun_baru")
    source = _example_copy(folder)
    checked = run(["periksa", "--json", str(source)], folder)
    done = run(["tahun-baru", str(source)], folder)
    target = folder / "contoh_kanim_2025_2026.xlsx"
    periksa = run(["periksa", str(target)], folder)
    return dict(folder=folder, source=source, json=json.loads(checked.stdout), done=done, target=target,
                periksa=periksa)


def test_riwayat_holds_each_ikk_realisasi_as_periksa_json_computes_it(round_trip):
    assert round_trip["done"].returncode == 0, output(round_trip["done"])
    assert "Workbook tahun 2026 ditulis" in output(round_trip["done"])
    book = openpyxl.load_workbook(round_trip["target"])
    riwayat = {(r["Kode IKK"], r["Tahun"]): r for r in _rows(book["Riwayat IKK"])}
    for ikk in round_trip["json"]["ikk"]:
        row = riwayat[ikk["kode"], 2025]
        assert row["Realisasi"] == ikk["realisasi"] and row["Realisasi"] is not None, ikk["kode"]  # composite too
        assert row["Target"] == ikk["target"]
    assert riwayat["IKK-1", 2025]["Realisasi"] == pytest.approx(99.5497711499)  # the composite, not a blank
    assert riwayat["IKK-3.1", 2023]["Realisasi"] == pytest.approx(86.92)  # earlier years kept
    assert riwayat["IKK-1", 2023]["Status"] == "Belum diukur"  # and so is their status
    assert len(riwayat) == 12 + 5


def test_carried_over_emptied_and_kept_as_last_year(round_trip):
    book = openpyxl.load_workbook(round_trip["target"])
    ident = {r[0]: r[1] for r in book["Identitas"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert ident["Tahun"] == 2026 and ident["Tanggal Penandatanganan"] is None
    assert ident["Nama Satker"] == "Kantor Imigrasi Kelas II TPI Batu Kerapu" and ident["NIP Kepala"] == "197805122001121002"
    assert ident["Logo"] == "contoh_logo.png"
    ikk = _rows(book["IKK"])
    assert [r["Kode IKK"] for r in ikk] == ["IKK-1", "IKK-5", "IKK-2", "IKK-3.1", "IKK-3.2"]
    assert all(r["Target"] is None and r["Realisasi"] is None and r["Target Jangka Menengah"] is None for r in ikk)
    komponen = {(r["Kode IKK"], r["Kode"]): r for r in _rows(book["Komponen"])}
    assert komponen["IKK-2", "K5.D2"]["Bobot (%)"] == 5 and komponen["IKK-2", "K5.D2"]["Faktor"] == "-1"
    assert komponen["IKK-2", "K2"]["Maks 100"] == "Ya" and komponen["IKK-2", "K1"]["Faktor"] is None
    assert all(r["Pembilang"] is None and r["Penyebut"] is None and r["Nilai"] is None for r in komponen.values())
    layanan = _rows(book["Layanan"])
    assert len(layanan) == 10 and all(r["Diterima"] is None and r["Terbit"] is None for r in layanan)
    assert layanan[0]["Standar Waktu (hari)"] == 4
    risiko = _rows(book["Risiko"])
    assert len(risiko) == 12 and risiko[0]["Indikasi Risiko"].startswith("Waktu layanan melebihi standar")
    assert all(r["Jumlah Kejadian"] is None and r["Realisasi Perlakuan"] is None and r["Keterangan"] is None
               for r in risiko)
    assert [r["Tahun"] for r in _rows(book["Belanja"])] == [2025] * 3 + [2026] * 3
    assert _rows(book["Belanja"])[1]["Blokir"] == 844218000 and _rows(book["Belanja"])[4]["Pagu"] is None
    assert [(r["Tahun"], r["Realisasi"]) for r in _rows(book["PNBP"])] == [(2025, 41275930000), (2026, None)]
    assert [r["Tahun"] for r in _rows(book["Sumber Dana"])] == [2025, 2025, 2026, 2026]
    assert [(r["Tahun"], r["NKA"], r["Belanja Kontraktual"]) for r in _rows(book["NKA"])] == [(2025, 97.65, None)]
    assert _rows(book["Penghargaan"]) == [] and not [s for s in book.sheetnames if s.startswith("Data ")]
    assert [r["Kode IKK"] for r in _rows(book["Analisis IKK"])] == [r["Kode IKK"] for r in ikk]
    assert all(r["Penjelasan Indikator"] is None for r in _rows(book["Analisis IKK"]))
    narasi = {r["Bagian"]: r["Teks"] for r in _rows(book["Narasi"])}
    assert narasi["Sejarah dan Wilayah Kerja"].startswith("Kantor Imigrasi Kelas II TPI Batu Kerapu berdiri")
    assert "Kata Pengantar" in narasi and narasi["Kata Pengantar"] is None  # an empty row to write in
    # year N's analyses and conclusions would print as year N+1's: the sections stay, their text does not
    assert "Analisis NKA" in narasi and narasi["Analisis NKA"] is None
    assert narasi["Kesimpulan"] is None and narasi["Saran"] is None and narasi["Analisis Anggaran"] is None
    assert [r["Nama"] for r in _rows(book["Inovasi"])] == ["LAYAR TANCAP", "ANTRI CERIA", "SIGAP KERAPU"]
    # the PK signed for 2026 is the new year's PK; the 2025 PK and the 2025 award certificate stay with 2025
    assert [(r["Bagian"], r["Berkas"]) for r in _rows(book["Gambar"])] == [("Lampiran PK Tahun Ini", "contoh_pk_2026.png")]
    petunjuk = " ".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
    assert "Ketik Target setiap IKK dari Perjanjian Kinerja 2026" in petunjuk  # the targets were emptied
    assert len(_rows(book["Pegawai"])) == 13 and _rows(book["Pegawai"])[0]["Jumlah"] == 12


def test_periksa_then_asks_for_the_targets_by_cell(round_trip):
    done = round_trip["periksa"]
    assert done.returncode == 1
    text = output(done)
    for cell in ("IKK!G2", "IKK!G3", "IKK!G4", "IKK!G5", "IKK!G6"):
        assert f"{cell}: Target wajib diisi" in text
    assert "Identitas!B18: Tanggal Penandatanganan wajib diisi" in text


def test_never_overwrites_and_refuses_a_workbook_with_errors(round_trip, tmp_path: Path):
    again = run(["tahun-baru", str(round_trip["source"])], round_trip["folder"])
    assert again.returncode == 1 and "tidak ditimpa" in output(again)
    with pytest.raises(NotWritten):
        next_year(round_trip["source"], round_trip["target"])
    invalid = run(["tahun-baru", str(round_trip["target"])], tmp_path)  # the 2026 workbook still lacks its targets
    assert invalid.returncode == 1
    assert "TIDAK VALID" in output(invalid) and "IKK!G2: Target wajib diisi" in output(invalid)
    assert not (round_trip["folder"] / "contoh_kanim_2025_2026_2027.xlsx").exists()
    assert list(tmp_path.iterdir()) == []


def test_written_elsewhere_the_pictures_come_along(tmp_path: Path):
    source = _example_copy(tmp_path / "2025")
    (tmp_path / "2026").mkdir()
    result = next_year(source, tmp_path / "2026" / "kanim_2026.xlsx")
    assert result.ok and result.tahun == 2026 and result.problems == []
    assert sorted(p.name for p in (tmp_path / "2026").iterdir()) == sorted(["kanim_2026.xlsx", *PICTURES])


def _fill_2026(target: Path) -> None:
    """What the clerk types in January 2027: this year's figures (here the example's, moved one year on)."""
    old, new = openpyxl.load_workbook(EXAMPLE), openpyxl.load_workbook(target)
    for sheet, columns in (("IKK", "GHIJ"), ("Komponen", "FGH"), ("Layanan", "DEFGHI"), ("Anggaran", "DE")):
        for row in range(2, old[sheet].max_row + 1):
            for col in columns:
                if old[sheet][f"{col}{row}"].value is not None:
                    new[sheet][f"{col}{row}"].value = old[sheet][f"{col}{row}"].value
    for sheet, first_new, first_old, count, columns in (("Belanja", 5, 5, 3, "CDE"), ("Sumber Dana", 4, 4, 2, "CD"),
                                                        ("PNBP", 3, 3, 1, "BC")):
        for i in range(count):
            for col in columns:
                new[sheet][f"{col}{first_new + i}"].value = old[sheet][f"{col}{first_old + i}"].value
    for col in "BCDEFGHIJKLMNO":
        new["NKA"][f"{col}3"].value = old["NKA"][f"{col}3"].value
    new["NKA"]["A3"].value = 2026
    new["Identitas"]["B18"].value = date(2027, 1, 14)
    new.save(target)


def _trend_rows(path: Path) -> list[list[str]]:
    """Every row of every "Tahun | Target | Realisasi | Capaian" table of a report."""
    rows = []
    for table in Document(str(path)).tables:
        text = table_text(table)
        if text and text[0] == ["Tahun", "Target", "Realisasi", "Capaian"]:
            rows += text[1:]
    return rows


def test_after_typing_the_figures_the_2026_report_trend_tables_include_2025(round_trip, tmp_path: Path):
    folder = tmp_path / "kerja"
    _example_copy(folder)
    target = folder / "contoh_kanim_2026.xlsx"
    shutil.copy(round_trip["target"], target)
    _fill_2026(target)
    checked = run(["periksa", str(target)], folder)
    assert checked.returncode == 0, output(checked)
    assert "tahun-laporan" not in output(checked) and "tidak ada baris tahun laporan" not in output(checked)
    done = run([str(target), str(EXAMPLE), "-o", str(tmp_path / "hasil")], folder)
    assert done.returncode == 0, output(done)
    rows_2026 = _trend_rows(tmp_path / "hasil" / "LKjIP_Kanim_Batu_Kerapu_2026.docx")
    rows_2025 = _trend_rows(tmp_path / "hasil" / "LKjIP_Kanim_Batu_Kerapu_2025.docx")
    this_year_2025 = [r for r in rows_2025 if r[0] == "2025"]
    last_year_2026 = [r for r in rows_2026 if r[0] == "2025"]
    assert len(this_year_2025) == 5 and last_year_2026 == this_year_2025  # the same figures, nothing retyped
    assert ["2025", "91,00 (Indeks)", "99,55 (Indeks)", "109,40%"] in last_year_2026  # IKK-1's composite, as printed in 2025
    assert len([r for r in rows_2026 if r[0] == "2026"]) == 5


def test_a_clerk_text_that_looks_like_a_formula_is_carried_as_text(tmp_path: Path):
    import importlib.util

    from conftest import ROOT
    from lkj_engine.render.blank_workbook import write_template

    spec = importlib.util.spec_from_file_location("build_workbooks", ROOT / "input_templates" / "build_workbooks.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    content = build.example_content()
    content["Narasi"] = [*content["Narasi"], dict(bagian="Kata Pengantar", teks="=SUM(A1:A2) bukan rumus")]
    _example_copy(tmp_path)
    source = write_template(tmp_path / "rumus.xlsx", content)
    result = next_year(source)
    assert result.ok, [str(p) for p in result.problems]
    cell = next(c for row in openpyxl.load_workbook(result.path)["Narasi"].iter_rows() for c in row
                if c.value == "=SUM(A1:A2) bukan rumus")
    assert cell.data_type == "s"


def test_a_kanwil_keeps_its_jajaran_and_its_regional_leaves(tmp_path: Path):
    import importlib.util

    from conftest import ROOT
    from lkj_engine.render.blank_workbook import write_template

    spec = importlib.util.spec_from_file_location("build_workbooks", ROOT / "input_templates" / "build_workbooks.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    content = build.example_content()
    content["Identitas"] = dict(content["Identitas"], jenis="Kanwil", kanwil_induk=None)
    content["Komponen"] = [dict(r, rekap_jajaran="Ya") if r["kode_ikk"] == "IKK-2" and r.get("ket_pembilang") else r
                           for r in content["Komponen"]]
    content["Jajaran"] = [dict(nama_satker="Kantor Imigrasi Kelas II TPI Teluk Sirip", nama_singkat="Kanim Teluk Sirip")]
    _example_copy(tmp_path)
    source = write_template(tmp_path / "kanwil.xlsx", content)
    result = next_year(source)
    assert result.ok, [str(p) for p in result.problems]
    book = openpyxl.load_workbook(result.path)
    assert book.sheetnames[-1] == "Jajaran"
    assert [(r["Nama Satker"], r["Nama Singkat"]) for r in _rows(book["Jajaran"])] == [
        ("Kantor Imigrasi Kelas II TPI Teluk Sirip", "Kanim Teluk Sirip")]
    regional = {r["Kode"] for r in _rows(book["Komponen"]) if r["Rekap Jajaran"] == "Ya"}
    assert regional == {"K1.I1.D1", "K1.I1.D2", "K1.I2", "K2", "K3", "K4", "K5.D1", "K5.D2", "K5.D3", "K5.D4",
                        "K6.D1", "K6.D2"}
    assert book.properties.title == "Workbook LKjIP Kanwil 2026"
