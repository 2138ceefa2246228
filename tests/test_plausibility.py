"""Issue 13, plausibility: figures that compute but no office achieves, signing dates outside the report's
time, a report year outside 2000-2100, and hidden rows that are counted. Each input is the example with
one clerk's mistake, built in the test; each asserts the code and the cell `periksa` and `generate` report."""
from __future__ import annotations

import copy
from datetime import date

import openpyxl
import pytest

from conftest import EXAMPLE
from engine_factory import column_letters
from example_content import IMAGES, edited, example_content, write
from lkj_engine.checks.document import check_document
from lkj_engine.checks.year import TAHUN_ROW
from lkj_engine.cli import main as cli
from lkj_engine.contract.schema import IDENTITAS
from lkj_engine.jobs.batch import generate
from lkj_engine.reading.loader import load_workbook

REALISASI = column_letters("IKK")["realisasi"]
TTD_ROW = 2 + [f.field for f in IDENTITAS.fields].index("tanggal_ttd")


@pytest.fixture(scope="module")
def content() -> dict:
    return example_content()


def warned(path, kode: str) -> list[tuple[str | None, str | None]]:
    """(sheet, cell) of every warning with `kode`, from `periksa --json`'s document (which stays valid)."""
    document = check_document(path)
    assert document["valid"] is True, document["galat"]
    return [(p["sheet"], p["sel"]) for p in document["peringatan"] if p["kode"] == kode]


def with_ikk(content: dict, kode: str, **changes) -> dict:
    ikk = copy.deepcopy(content["IKK"])
    row = next(i for i, r in enumerate(ikk) if r["kode"] == kode)
    ikk[row].update(changes)
    return edited(content, IKK=ikk), row + 2


def test_the_example_is_plausible():
    document = check_document(EXAMPLE)
    assert document["valid"] is True and document["peringatan"] == []


# --- realisasi and capaian ------------------------------------------------------------------------

def test_3780_typed_for_an_index_of_3_51_warns_at_the_realisasi_in_periksa_and_generate(tmp_path, content):
    changed, row = with_ikk(content, "IKK-3.2", realisasi="3.780")  # the clerk meant 3,78
    path = write(tmp_path, changed)

    assert warned(path, "realisasi-tidak-wajar") == [("IKK", f"{REALISASI}{row}")]
    assert warned(path, "capaian-tidak-wajar") == []  # one message for one typo
    assert cli.main(["periksa", str(path)]) == 0  # a warning: the report can still be written
    outcome = generate(path, tmp_path / "hasil")
    assert outcome.ok, outcome.message
    assert [(p.sheet, p.cell) for p in outcome.problems if p.kode == "realisasi-tidak-wajar"] == [
        ("IKK", f"{REALISASI}{row}")]


def test_a_realisasi_of_exactly_ten_times_the_target_does_not_warn(tmp_path, content):
    changed, _ = with_ikk(content, "IKK-3.2", realisasi="35,1")
    assert warned(write(tmp_path, changed), "realisasi-tidak-wajar") == []


def test_a_capaian_above_1000_percent_without_a_tenfold_realisasi_warns_at_the_realisasi(tmp_path, content):
    # IKK-5 is negative (lower is better), target 5: a realisasi of -50 scores (10 + 50) / 5 = 1.200%
    changed, row = with_ikk(content, "IKK-5", realisasi="-50")
    path = write(tmp_path, changed)

    assert warned(path, "capaian-tidak-wajar") == [("IKK", f"{REALISASI}{row}")]
    assert warned(path, "realisasi-tidak-wajar") == []


def test_an_earlier_years_tenfold_realisasi_warns_at_its_riwayat_cell(tmp_path, content):
    riwayat = copy.deepcopy(content["Riwayat IKK"])
    row = next(i for i, r in enumerate(riwayat) if r["kode"] == "IKK-3.2" and r["tahun"] == 2024)
    riwayat[row]["realisasi"] = "3.620"  # the clerk meant 3,62 for a target of 3,50
    path = write(tmp_path, edited(content, **{"Riwayat IKK": riwayat}))

    letter = column_letters("Riwayat IKK")["realisasi"]
    assert warned(path, "realisasi-tidak-wajar") == [("Riwayat IKK", f"{letter}{row + 2}")]


# --- the signing date -----------------------------------------------------------------------------

@pytest.mark.parametrize("signed, kode", [
    (date(1900, 1, 5), "tanggal-ttd-sebelum-tahun-laporan"),  # a date cell holding 5
    (date(2024, 12, 30), "tanggal-ttd-sebelum-tahun-laporan"),
    (date(2025, 6, 30), "tanggal-ttd-sebelum-akhir-tahun"),
    (date(2027, 1, 14), "tanggal-ttd-terlalu-lambat"),
])
def test_a_signing_date_outside_the_year_after_the_report_year_warns_at_its_cell(tmp_path, content, signed, kode):
    path = write(tmp_path, edited(content, Identitas={**content["Identitas"], "tanggal_ttd": signed}))

    assert warned(path, kode) == [("Identitas", f"B{TTD_ROW}")]
    assert load_workbook(path).workbook.identitas.tanggal_ttd == signed


def test_a_signing_date_late_in_the_year_after_does_not_warn(tmp_path, content):
    path = write(tmp_path, edited(content, Identitas={**content["Identitas"], "tanggal_ttd": date(2026, 12, 31)}))
    assert check_document(path)["peringatan"] == []


# --- the report year ------------------------------------------------------------------------------

@pytest.mark.parametrize("tahun", [1999, 2101])
def test_a_tahun_outside_2000_2100_is_refused_at_its_cell(tmp_path, content, tahun):
    path = write(tmp_path, edited(content, Identitas={**content["Identitas"], "tahun": tahun}))

    document = check_document(path)

    assert document["valid"] is False
    assert [(g["sheet"], g["sel"]) for g in document["galat"] if g["kode"] == "tahun-di-luar-batas"] == [
        ("Identitas", f"B{TAHUN_ROW}")]
    assert cli.main(["periksa", str(path)]) == 1


# --- hidden rows ----------------------------------------------------------------------------------

def test_hidden_rows_are_counted_and_named_in_one_warning_per_sheet(tmp_path):
    path = tmp_path / "kanim.xlsx"
    for image in IMAGES:
        (tmp_path / image).write_bytes((EXAMPLE.parent / image).read_bytes())
    book = openpyxl.load_workbook(EXAMPLE)
    for r in (3, 4, 6):
        book["IKK"].row_dimensions[r].hidden = True
    book["Data Paspor"].row_dimensions[2].hidden = True
    book.save(path)

    document = check_document(path)
    example = check_document(EXAMPLE)

    hidden = [p for p in document["peringatan"] if p["kode"] == "baris-tersembunyi"]
    assert [(p["sheet"], p["sel"]) for p in hidden] == [("IKK", "3:3"), ("Data Paspor", "2:2")]
    assert "3-4, 6" in hidden[0]["pesan"]
    assert document["ikk"] == example["ikk"] and document["rata_capaian"] == example["rata_capaian"]
    assert len(document["peringatan"]) == 2
