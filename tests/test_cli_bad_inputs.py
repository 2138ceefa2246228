"""Every bad input of issue 2, through the command a clerk runs: a clear Indonesian message naming
the sheet (and cell), exit status 1, no traceback, no report written."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import openpyxl
import pytest

from cli_runner import run
from conftest import BLANK, EXAMPLE


def _edit(change: Callable[[openpyxl.Workbook], None]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        book = openpyxl.load_workbook(EXAMPLE)
        change(book)
        path = folder / "kanim.xlsx"
        book.save(path)
        return path
    return make


def _raw(data: bytes, name: str = "kanim.xlsx") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return make


def _encrypted(folder: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    path = folder / "rahasia.xlsx"
    with BLANK.open("rb") as src, path.open("wb") as out:
        OOXMLFile(src).encrypt("sandi123", out)
    return path


def _row_of(ws, column: int, predicate) -> int:
    return next(r for r in range(2, ws.max_row + 1) if predicate(ws.cell(r, column).value))


def _identitas_row(book, label: str) -> int:
    return _row_of(book["Identitas"], 1, lambda v: v == label)


def _first_child(book) -> int:
    return _row_of(book["Komponen"], 3, lambda v: bool(v))  # column C = Induk


def _set(sheet: str, ref: str, value) -> Callable[[openpyxl.Workbook], None]:
    def change(book):
        book[sheet][ref] = value
    return change


def _komponen(column: int, value) -> Callable[[openpyxl.Workbook], None]:
    def change(book):
        book["Komponen"].cell(_first_child(book), column, value)
    return change


CASES = {  # case: (make the file, where the message points (sheet!cell prefix), its kode)
    "bukan workbook": (_raw(b"ini bukan Excel"), "Berkas", "bukan-xlsx"),
    "berkas .xls lama": (_raw(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\x00" * 1024, "lama.xls"),
                         "Berkas", "berkas-xls-lama"),
    "dilindungi kata sandi": (_encrypted, "Berkas", "berkas-dilindungi-sandi"),
    "sheet Identitas hilang": (_edit(lambda b: b.remove(b["Identitas"])), "Sheet Identitas", "sheet-tidak-ada"),
    "sheet IKK hilang": (_edit(lambda b: b.remove(b["IKK"])), "Sheet IKK", "sheet-tidak-ada"),
    "kolom wajib hilang": (_edit(_set("IKK", "G1", "Sasaran Angka")), "IKK!1:1", "kolom-tidak-ada"),
    "teks di kolom angka": (_edit(_set("IKK", "G2", "sembilan puluh")), "IKK!G2", "bukan-angka"),
    "Kode IKK ganda": (_edit(lambda b: b["IKK"].cell(3, 3, b["IKK"]["C2"].value)), "IKK!C3", "baris-ganda"),
    "Induk tidak ada": (_edit(_komponen(3, "ZZ")), "Komponen!C", "induk-tidak-ada"),
    "bobot tidak 100": (_edit(_komponen(5, 55)), "Komponen!E", "bobot-tidak-100"),
    "Identitas wajib kosong": (_edit(lambda b: setattr(b["Identitas"].cell(_identitas_row(b, "Nama Kepala"), 2),
                                                       "value", None)),
                               "Identitas!B", "wajib-diisi"),
    "target 0,000...1": (_edit(_set("IKK", "G2", "0," + "0" * 20 + "1")), "IKK!G2", "angka-di-luar-batas"),
    "dua sheet IKK": (_edit(lambda b: setattr(b.copy_worksheet(b["IKK"]), "title", "ikk ")), "Sheet IKK",
                      "sheet-ganda"),
}


def _where(item: dict) -> str:
    if item["sheet"] and item["sel"]:
        return f"{item['sheet']}!{item['sel']}"
    return f"Sheet {item['sheet']}" if item["sheet"] else "Berkas"


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_a_clear_error_with_exit_status_1(case, tmp_path):
    make, where, kode = CASES[case]
    path = make(tmp_path)

    checked = run(["periksa", "--json", str(path)], tmp_path, timeout=120)
    generated = run([str(path), "-o", str(tmp_path / "hasil")], tmp_path, timeout=120)

    assert checked.returncode == 1, checked.stdout + checked.stderr
    document = json.loads(checked.stdout)
    assert any(g["kode"] == kode and _where(g).startswith(where) for g in document["galat"]), document["galat"]
    output = generated.stdout + generated.stderr
    assert generated.returncode == 1, output
    assert "Traceback" not in output and "kesalahan internal" not in output
    assert any("galat" in ln and where in ln for ln in output.splitlines()), output
    assert not (tmp_path / "hasil").exists() or not list((tmp_path / "hasil").iterdir())


def test_target_zero_is_a_warning_and_the_report_is_written(tmp_path):
    path = _edit(_set("IKK", "G2", 0))(tmp_path)
    for image in EXAMPLE.parent.glob("contoh_*.png"):
        (tmp_path / image.name).write_bytes(image.read_bytes())

    proc = run([str(path), "-o", str(tmp_path / "hasil")], tmp_path)

    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert list((tmp_path / "hasil").glob("LKjIP_*.docx"))
    checked = run(["periksa", str(path)], tmp_path)
    assert checked.returncode == 0
    assert any("peringatan" in ln and "IKK!G2" in ln for ln in checked.stdout.splitlines()), checked.stdout
    document = json.loads(run(["periksa", "--json", str(path)], tmp_path).stdout)
    assert [(w["sheet"], w["sel"]) for w in document["peringatan"] if w["kode"] == "target-nol"] == [("IKK", "G2")]
