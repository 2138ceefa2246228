"""Checks for the report year: each a warning with its sheet and cell and a stable kode."""
from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import openpyxl

from conftest import EXAMPLE
from lkj_engine.checks import year
from lkj_engine.checks.document import check_document
from lkj_engine.compute.engine import compute
from lkj_engine.model import workbook as model
from report_fixture import example_workbook


def _with_tahun(tmp_path: Path, tahun: int) -> Path:
    book = openpyxl.load_workbook(EXAMPLE)
    ws = book["Identitas"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "Tahun")
    ws.cell(row, 2).value = tahun
    path = tmp_path / f"contoh_{tahun}.xlsx"
    book.save(path)
    return path


def _warnings(document: dict, kode: str) -> list[tuple[str, str]]:
    return [(w["sheet"], w["sel"]) for w in document["peringatan"] if w["kode"] == kode]


def test_the_example_has_no_year_warning():
    wb = example_workbook()
    assert year.check(wb, compute(wb)) == []


def test_the_example_with_tahun_2026_is_warned_about_belanja_sumber_dana_pnbp_and_nka(tmp_path: Path):
    document = check_document(_with_tahun(tmp_path, 2026))
    assert document["valid"]  # warnings only: the clerk decides
    assert _warnings(document, "tahun-laporan-tidak-ada") == [
        ("Belanja", "A7"), ("Sumber Dana", "A5"), ("PNBP", "A3"), ("NKA", "A3")]  # the latest year's row
    belanja = next(w for w in document["peringatan"] if w["sheet"] == "Belanja" and w["kode"] == "tahun-laporan-tidak-ada")
    assert "tahun 2024, 2025 tetapi tidak ada baris tahun laporan 2026" in belanja["pesan"]
    # the example's signing date, 14 Januari 2026, is inside the new report year
    assert _warnings(document, "tanggal-ttd-sebelum-akhir-tahun") == [("Identitas", "B18")]


def test_a_tahun_outside_every_profile_is_warned_at_identitas_tahun(tmp_path: Path):
    document = check_document(_with_tahun(tmp_path, 2031))
    assert _warnings(document, "tahun-di-luar-profil") == [("Identitas", "B11")]
    pesan = next(w["pesan"] for w in document["peringatan"] if w["kode"] == "tahun-di-luar-profil")
    assert "Tahun 2031 di luar periode" in pesan and "profil terdekat 2025-2029" in pesan
    assert year.profile_warning(2029) is None and year.profile_warning(2025) is None


def test_a_signing_date_inside_the_report_year(tmp_path: Path):
    wb = example_workbook()
    wb.identitas = dataclasses.replace(wb.identitas, tanggal_ttd=date(2025, 12, 31))
    (found,) = year.signing_date(wb)
    assert (found.sheet, found.cell, found.kode) == ("Identitas", "B18", "tanggal-ttd-sebelum-akhir-tahun")
    assert "31 Desember 2025" in found.message
    wb.identitas = dataclasses.replace(wb.identitas, tanggal_ttd=date(2026, 1, 2))
    assert year.signing_date(wb) == []


def test_an_award_of_a_later_year():
    wb = example_workbook()
    wb.penghargaan.append(model.Penghargaan("Predikat WBBM", tahun=2026, row=3))
    (found,) = year.later_awards(wb)
    assert (found.sheet, found.cell, found.kode) == ("Penghargaan", "A3", "penghargaan-tahun-kemudian")
    assert "Predikat WBBM" in found.message and "2026" in found.message


def test_a_riwayat_row_of_the_report_year_is_warned_by_the_loader(tmp_path: Path):
    book = openpyxl.load_workbook(EXAMPLE)
    book["Riwayat IKK"].append(["IKK-1", 2025, 91, 99])
    path = tmp_path / "riwayat.xlsx"
    book.save(path)
    document = check_document(path)
    row = book["Riwayat IKK"].max_row
    hits = [w for w in document["peringatan"] if (w["sheet"], w["sel"]) == ("Riwayat IKK", f"B{row}")]
    assert hits and "bukan tahun sebelum tahun laporan (2025)" in hits[0]["pesan"]
