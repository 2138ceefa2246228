"""One workbook end to end through the Python API the command line is built on."""
from __future__ import annotations

import shutil

import openpyxl

from lkj_engine.jobs.batch import generate
from conftest import EXAMPLE


def test_missing_image_is_reported_once_and_the_report_is_still_written(tmp_path):
    source = tmp_path / "kanim.xlsx"
    shutil.copy(EXAMPLE, source)
    for png in EXAMPLE.parent.glob("contoh_*.png"):
        shutil.copy(png, tmp_path / png.name)
    wb = openpyxl.load_workbook(source)
    ws = wb["Identitas"]
    cell = next(row[1] for row in ws.iter_rows() if row[0].value == "Logo")
    cell.value = "logo_hilang.png"
    wb.save(source)

    outcome = generate(source, tmp_path / "hasil")

    assert outcome.status == "berhasil"
    assert outcome.laporan is not None and outcome.laporan.exists()
    about_logo = [p for p in outcome.problems if "logo_hilang.png" in p.message]
    assert len(about_logo) == 1
    assert (about_logo[0].sheet, about_logo[0].cell, about_logo[0].level) == ("Identitas", cell.coordinate, "peringatan")
