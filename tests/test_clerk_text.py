"""Issue 13, clerk text unchanged: zero-width characters are kept and printed as typed (and ignored where
texts are matched), Excel's ``_xHHHH_`` escapes are decoded, a control character Word cannot hold is
removed with one warning naming its cell, and a date typed as ``02/01/2026`` is 2 January 2026.

One workbook, built from the example in the module fixture, carries all of them; it is checked with
`periksa`'s document and written once with `generate`."""
from __future__ import annotations

import copy
import importlib.util
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from conftest import ROOT
from engine_factory import column_letters
from example_content import edited, example_content, write
from lkj_engine.compute.jajaran import name_key
from lkj_engine.checks.document import check_document
from lkj_engine.cli import main as cli
from lkj_engine.jobs.batch import generate
from lkj_engine.reading.loader import load_workbook
from lkj_engine.reading.sheet_stream import decode_text
from lkj_engine.render.blank_workbook import write_template

ZWJ, ZWNJ, ZWSP, BOM = "\u200d", "\u200c", "\u200b", "\ufeff"
PROSE = f"Tim{ZWJ}Kerja Batu{ZWNJ}Kerapu{ZWSP} melayani {BOM}pemohon 👩{ZWJ}💻."
IKK_NAME = f"Indeks Kepuasan Unit{ZWJ} Kerja"
NARASI_TEKS = column_letters("Narasi")["teks"]


def _hostile():
    spec = importlib.util.spec_from_file_location("hostile_workbooks", ROOT / "tools" / "hostile_workbooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def typed(tmp_path_factory) -> tuple[Path, int]:
    """The example with invisible characters, control characters and a day-first date text; the Narasi row."""
    content = example_content()
    narasi = copy.deepcopy(content["Narasi"])
    narasi[0]["teks"] = PROSE + "\n\nPENANDA_VT\nPENANDA_CR\nbaris dua\n\n" + narasi[0]["teks"]
    ikk = copy.deepcopy(content["IKK"])
    ikk[-1]["nama"] = IKK_NAME
    ikk[-1]["satuan"] = f"Indeks{ZWSP}"  # a choice: matched ignoring the invisible character
    riwayat = copy.deepcopy(content["Riwayat IKK"])
    riwayat[0]["kode"] += ZWSP  # a code: still the IKK sheet's IKK-1
    identitas = {**content["Identitas"], "tanggal_ttd": "02/01/2026"}
    folder = tmp_path_factory.mktemp("teks")
    plain = write(folder, edited(content, Narasi=narasi, IKK=ikk, **{"Riwayat IKK": riwayat}, Identitas=identitas),
                  name="sebelum.xlsx")

    def escapes(xml: bytes) -> bytes:  # as Excel stores a vertical tab and a carriage return pasted in a cell
        return xml.replace(b"PENANDA_VT", b"vertikal_x000B_tab").replace(b"PENANDA_CR", b"baris satu_x000D_")
    hostile = _hostile()
    path = hostile.rewrite(plain, folder / "kanim.xlsx", hostile.sheet_part(plain, "Narasi"), escapes)
    return path, 2


@pytest.fixture(scope="module")
def report(typed, tmp_path_factory):
    path, _ = typed
    out = tmp_path_factory.mktemp("hasil")
    outcome = generate(path, out)
    assert outcome.ok, outcome.message
    return Document(str(outcome.laporan)), outcome


def _texts(doc) -> list[str]:
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return [p.text for p in doc.paragraphs] + cells


def test_zero_width_characters_are_kept_in_the_workbook_as_typed(typed):
    path, row = typed
    wb = load_workbook(path).workbook
    assert wb.narasi[0].teks.startswith(PROSE + "\n\n")
    assert wb.ikk[-1].nama == IKK_NAME
    assert wb.ikk[-1].satuan == "Indeks" and wb.riwayat[0].kode == "IKK-1"  # matched as the IKK sheet spells it


def test_zero_width_characters_come_out_in_the_document_unchanged(report):
    doc, _ = report
    texts = _texts(doc)
    assert PROSE in texts
    assert any(IKK_NAME in t for t in texts)


def test_office_names_match_across_workbooks_ignoring_invisible_characters():
    assert name_key(f"Kantor Imigrasi{ZWSP} Batu Kerapu ") == name_key("kantor imigrasi batu kerapu")


def test_a_control_character_is_removed_with_one_warning_at_its_cell_in_periksa_and_generate(typed, report):
    path, row = typed
    document = check_document(path)
    assert document["valid"] is True, document["galat"]
    found = [(p["sheet"], p["sel"]) for p in document["peringatan"] if p["kode"] == "karakter-kontrol-dihapus"]
    assert found == [("Narasi", f"{NARASI_TEKS}{row}")]
    assert cli.main(["periksa", str(path)]) == 0
    _, outcome = report
    assert [(p.sheet, p.cell) for p in outcome.problems if p.kode == "karakter-kontrol-dihapus"] == found


def test_excel_escapes_are_decoded_and_no_escape_reaches_the_report(typed, report):
    path, _ = typed
    teks = load_workbook(path).workbook.narasi[0].teks
    assert "vertikaltab\nbaris satu\nbaris dua" in teks  # _x000D_ + line feed is one line break
    assert "_x00" not in teks and "\x0b" not in teks
    doc, _ = report
    assert not any("_x00" in t or "\x0b" in t for t in _texts(doc))


def test_an_escaped_underscore_keeps_the_text_the_clerk_typed():
    assert decode_text("kode_x005F_x000B_") == ("kode_x000B_", 0)
    assert decode_text("a_x0007_b") == ("ab", 1)


def test_a_date_typed_02_01_2026_is_the_second_of_january(typed, report):
    path, _ = typed
    assert load_workbook(path).workbook.identitas.tanggal_ttd == date(2026, 1, 2)
    doc, _ = report
    assert any("Batu Kerapu, 2 Januari 2026" in t for t in _texts(doc))


def test_the_petunjuk_says_dates_are_read_day_first_and_hidden_rows_count(tmp_path):
    path = write_template(tmp_path / "blank.xlsx", tahun=2025)  # its dates are of January 2026
    book = openpyxl.load_workbook(path, read_only=True)
    text = " ".join(str(v) for row in book["Petunjuk"].iter_rows(values_only=True) for v in row if v)
    book.close()
    assert "02/01/2026 = 2 Januari 2026" in text
    assert "disembunyikan" in text and "tetap dibaca dan dihitung" in text
