"""Issue 13, bounded reading: a workbook that is small on disk but huge for a naive reader is answered
(the report's data, or a message with its code and sheet/cell) without filling the grid, and the
hostile shapes a clerk's Excel really writes still load as the example does.

Each workbook is built in the test from the example (tools/hostile_workbooks.py); time and memory
are measured by that script, and here only once, in a subprocess, as a peak-memory limit.
"""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import EXAMPLE, ROOT
from lkj_engine.contract.problems import errors, warnings
from lkj_engine.reading import archive, sheet_stream
from lkj_engine.reading.loader import load_workbook
from lkj_engine.reading.sheet_stream import DATA_LIMITS, MAX_TEXT, TABLE_LIMITS

from example_content import IMAGES  # the pictures the example names


def _tool():
    spec = importlib.util.spec_from_file_location("hostile_workbooks", ROOT / "tools" / "hostile_workbooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hostile = _tool()


@pytest.fixture(scope="module")
def example():
    result = load_workbook(EXAMPLE)
    assert result.valid
    return result.workbook


@pytest.fixture
def folder(tmp_path) -> Path:
    for image in IMAGES:
        shutil.copy(EXAMPLE.parent / image, tmp_path / image)
    return tmp_path


def same_data(workbook, example) -> None:
    """Everything the report is built from is the example's (paths aside: the copy is elsewhere)."""
    copy = repr(workbook).replace(str(workbook.source.parent), str(EXAMPLE.parent))
    copy = copy.replace(workbook.source.name, EXAMPLE.name)
    assert copy == repr(example)


def one_error(result, kode: str):
    found = [p for p in errors(result.problems) if p.kode == kode]
    assert found, [(p.kode, str(p)) for p in result.problems]
    assert result.workbook is None and not result.valid
    return found[0]


def rewrite_sheet(folder: Path, sheet: str, change, name: str = "kanim.xlsx") -> Path:
    return hostile.rewrite(EXAMPLE, folder / name, hostile.sheet_part(EXAMPLE, sheet), change)


# --- what Excel writes when a clerk formats whole columns or rows: the example's data ---------------

def test_one_formatted_empty_cell_at_row_1048576_loads_the_example_data(folder, example):
    path = hostile.one_formatted_cell_at_the_bottom(EXAMPLE, folder / "kanim.xlsx")

    result = load_workbook(path)

    assert result.valid, [str(p) for p in result.problems]
    same_data(result.workbook, example)


def test_rows_formatted_down_to_1048576_load_the_example_data(folder, example):
    path = hostile.formatted_rows_to_the_bottom(EXAMPLE, folder / "kanim.xlsx")
    assert path.stat().st_size < 20 * 1024 ** 2

    result = load_workbook(path)

    assert result.valid, [str(p) for p in result.problems]
    same_data(result.workbook, example)


def test_a_styled_cell_at_xfd2_loads_the_example_data(folder, example):
    path = hostile.styled_cell_at_the_far_right(EXAMPLE, folder / "kanim.xlsx")

    result = load_workbook(path)

    assert result.valid, [str(p) for p in result.problems]
    same_data(result.workbook, example)


def test_formatted_rows_to_the_bottom_stay_under_a_gigabyte_in_a_fresh_process(folder):
    path = hostile.formatted_rows_to_the_bottom(EXAMPLE, folder / "kanim.xlsx")

    proc = hostile.measure(path)

    assert proc.returncode == 0, proc.stderr
    seconds, peak_mb, answer = proc.stdout.split()
    assert answer == "valid"
    assert float(peak_mb) < 1024, proc.stdout


# --- too large to read: a message before parsing -------------------------------------------------

def test_a_zip_claiming_five_gigabytes_is_refused_before_parsing(folder):
    path = hostile.zip_bomb(EXAMPLE, folder / "bom.xlsx")

    result = load_workbook(path)

    problem = one_error(result, "berkas-terlalu-besar")
    assert problem.sheet is None and "bom.xlsx" in problem.message and "batas" in problem.message


def test_a_real_deflate_bomb_is_refused_from_its_declared_size(folder):
    path = hostile.deflate_bomb(folder / "bom.xlsx", unpacked=archive.MAX_SHEET_XML + 8 * 1024 ** 2)
    assert path.stat().st_size < 2 * 1024 ** 2

    result = load_workbook(path)

    one_error(result, "berkas-terlalu-besar")


def test_sizes_under_the_caps_pass_the_check():
    assert archive.check_sizes(EXAMPLE) is None


def test_one_string_of_a_hundred_million_characters_is_a_message_naming_its_sheet(folder):
    path = hostile.huge_string(EXAMPLE, folder / "kanim.xlsx")
    assert path.stat().st_size < 1024 ** 2

    result = load_workbook(path)

    problem = one_error(result, "teks-terlalu-panjang")
    assert problem.sheet == "Narasi"


def test_a_cell_over_excels_32767_characters_is_an_error_at_its_cell(folder):
    def change(xml: bytes) -> bytes:
        return xml.replace(b"</sheetData>", b'<row r="300"><c r="B300" t="inlineStr"><is><t>'
                           + b"x" * (MAX_TEXT + 1) + b"</t></is></c></row></sheetData>")
    path = rewrite_sheet(folder, "Narasi", change)

    result = load_workbook(path)

    problem = one_error(result, "teks-terlalu-panjang")
    assert (problem.sheet, problem.cell) == ("Narasi", "B300")


def test_one_long_string_repeated_down_a_data_sheet_is_an_error_not_a_huge_report(folder):
    # Excel stores a paragraph filled down a column once (shared strings): a small file whose report
    # would print 120 x 30.000 characters; the workbook's text budget stops it at the crossing cell
    book = openpyxl.load_workbook(EXAMPLE)
    sheet = book.create_sheet("Data Teks")
    sheet.append(["Uraian"])
    paragraph = "Uraian kegiatan yang diulang. " * 1000  # 30.000 characters
    for _ in range(120):
        sheet.append([paragraph])
    book.save(folder / "kanim.xlsx")
    assert (folder / "kanim.xlsx").stat().st_size < 1_000_000

    result = load_workbook(folder / "kanim.xlsx")

    problem = one_error(result, "teks-terlalu-banyak")
    assert problem.sheet == "Data Teks" and "3.000.000" in problem.message
    crossing = int(problem.cell[1:])
    assert 95 < crossing < 110  # about 3.000.000 / 30.000 rows (the other sheets' text counts too)
    assert len([p for p in result.problems if p.kode == "teks-terlalu-banyak"]) == 1


def test_the_data_tables_together_have_one_cell_budget(folder, monkeypatch):
    # many Data sheets, each under its own row limit, must not add up to a report of a million cells
    monkeypatch.setattr(sheet_stream, "MAX_DATA_CELLS", 40)  # the example's two Data sheets hold 54

    result = load_workbook(rewrite_sheet(folder, "Data Paspor", lambda xml: xml))

    problem = one_error(result, "data-terlalu-banyak")
    assert problem.sheet == "Data Perlintasan" and "40 sel" in problem.message


# --- more rows or columns than the contract can use ------------------------------------------------

def test_a_table_sheet_with_more_rows_than_the_contract_allows_is_one_error_at_the_first_extra_row(folder):
    path = hostile.too_many_rows(EXAMPLE, folder / "kanim.xlsx", TABLE_LIMITS.rows)

    result = load_workbook(path)

    problem = one_error(result, "baris-terlalu-banyak")
    assert problem.sheet == "Risiko"
    row = int(problem.cell.split(":")[0])
    assert problem.cell == f"{row}:{row}"
    assert "5.000" in problem.message
    assert len([p for p in result.problems if p.kode == "baris-terlalu-banyak"]) == 1


def test_a_data_sheet_wider_than_a_word_table_is_an_error_at_the_first_cell_beyond(folder):
    def change(xml: bytes) -> bytes:
        row2 = re.search(rb'<row r="2"[^>]*>.*?</row>', xml, flags=re.S)
        new = row2.group(0)[:-len(b"</row>")] + b'<c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>'
        return xml[:row2.start()] + new + xml[row2.end():]
    path = rewrite_sheet(folder, "Data Paspor", change)

    result = load_workbook(path)

    problem = one_error(result, "kolom-terlalu-banyak")
    assert (problem.sheet, problem.cell) == ("Data Paspor", "XFD2")
    assert str(DATA_LIMITS.columns) in problem.message


# --- damaged content: a message where it is ------------------------------------------------------

@pytest.mark.parametrize("stored", [b"NaN", b"INF", b"1e999", b"-nan"])
def test_a_non_number_stored_as_a_number_is_an_error_at_its_cell(folder, stored):
    path = rewrite_sheet(folder, "IKK", lambda xml: xml.replace(b'<c r="G2" s="18" t="n"><v>91</v></c>',
                                                                 b'<c r="G2" s="18" t="n"><v>' + stored + b"</v></c>"))

    result = load_workbook(path)

    problem = one_error(result, "sel-rusak")
    assert (problem.sheet, problem.cell) == ("IKK", "G2")
    assert len(errors(result.problems)) == 1, [str(p) for p in errors(result.problems)]


def test_broken_characters_inside_a_sheet_name_the_sheet(folder):
    path = rewrite_sheet(folder, "Risiko", lambda xml: xml.replace(b"<sheetData>", b"<sheetData>\x01", 1))

    result = load_workbook(path)

    found = errors(result.problems)
    assert len(found) == 1 and not result.valid, [str(p) for p in found]
    assert found[0].kode in {"xlsx-rusak", "sheet-rusak"}  # openpyxl or the sheet reader meets the bad CRC
    assert "bohong.xlsx" in found[0].message or found[0].sheet == "Risiko"


# --- sheets that are not what their name says ----------------------------------------------------

def _saved(folder: Path, edit) -> Path:
    book = openpyxl.load_workbook(EXAMPLE)
    edit(book)
    path = folder / "kanim.xlsx"
    book.save(path)
    return path


def test_two_sheets_matching_one_contract_name_are_an_error_naming_both(folder):
    def edit(book):
        copy = book.copy_worksheet(book["IKK"])
        copy.title = "ikk "
    path = _saved(folder, edit)

    result = load_workbook(path)

    problem = one_error(result, "sheet-ganda")
    assert problem.sheet == "IKK" and '"IKK"' in problem.message and '"ikk "' in problem.message


def _chart_sheet(book, title: str) -> None:
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    ws = book["Data Paspor"]
    chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=3), titles_from_data=True)
    book.create_chartsheet(title).add_chart(chart)


def test_a_chart_sheet_named_data_is_a_warning_and_the_workbook_loads(folder, example):
    path = _saved(folder, lambda book: _chart_sheet(book, "Data Grafik"))

    result = load_workbook(path)

    assert result.valid, [str(p) for p in result.problems]
    found = [p for p in warnings(result.problems) if p.kode == "sheet-data-bukan-tabel"]
    assert len(found) == 1 and found[0].sheet == "Data Grafik"
    assert [t.sheet for t in result.workbook.data_tables] == [t.sheet for t in example.data_tables]


def test_a_chart_sheet_in_place_of_a_contract_sheet_is_an_error(folder):
    def edit(book):
        book.remove(book["Penghargaan"])
        _chart_sheet(book, "Penghargaan")
    path = _saved(folder, edit)

    result = load_workbook(path)

    problem = one_error(result, "sheet-bukan-lembar-kerja")
    assert problem.sheet == "Penghargaan"


def test_a_formula_without_its_saved_value_is_found_in_the_same_single_pass(folder):
    path = rewrite_sheet(folder, "IKK", lambda xml: xml.replace(b'<c r="G2" s="18" t="n"><v>91</v></c>',
                                                                 b'<c r="G2" s="18"><f>90+1</f></c>'))

    result = load_workbook(path)

    problem = one_error(result, "rumus-tanpa-nilai")
    assert (problem.sheet, problem.cell) == ("IKK", "G2")


def test_a_formula_with_its_saved_value_is_read_as_that_value(folder, example):
    path = rewrite_sheet(folder, "IKK", lambda xml: xml.replace(b'<c r="G2" s="18" t="n"><v>91</v></c>',
                                                                 b'<c r="G2" s="18"><f>90+1</f><v>91</v></c>'))

    result = load_workbook(path)

    assert result.valid, [str(p) for p in result.problems]
    same_data(result.workbook, example)


def test_the_file_is_opened_once(monkeypatch):
    calls = []
    real = openpyxl.load_workbook

    def counting(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)
    monkeypatch.setattr(archive.openpyxl, "load_workbook", counting)

    assert load_workbook(EXAMPLE).valid
    assert calls == [{"read_only": True, "data_only": True}]


def _open_handles(path: Path) -> int:
    fds = Path("/proc/self/fd")
    return sum(1 for fd in fds.iterdir() if fd.exists() and Path(os.readlink(fd)) == path.resolve())


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_the_zip_is_closed_after_reading(folder):
    path = folder / "kanim.xlsx"
    shutil.copy(EXAMPLE, path)
    assert load_workbook(path).workbook is not None
    assert _open_handles(path) == 0


def test_the_row_limit_counts_data_rows_below_the_header(folder, monkeypatch, example):
    from lkj_engine.reading import loader
    from lkj_engine.reading.sheet_stream import SheetLimits

    limit = 200  # above every sheet of the example, so only Risiko reaches it
    monkeypatch.setattr(loader, "TABLE_LIMITS", SheetLimits(rows=limit))
    missing = limit - len(example.risiko)

    at_limit = load_workbook(hostile.too_many_rows(EXAMPLE, folder / "pas.xlsx", missing))
    over = load_workbook(hostile.too_many_rows(EXAMPLE, folder / "lebih.xlsx", missing + 1))

    assert at_limit.valid, [str(p) for p in at_limit.problems]
    problem = one_error(over, "baris-terlalu-banyak")
    with zipfile.ZipFile(EXAMPLE) as zf:  # the extra rows start below the sheet's last (formatted) row
        xml = zf.read(hostile.sheet_part(EXAMPLE, "Risiko"))
    first_extra = max(int(r) for r in re.findall(rb'<row r="(\d+)"', xml)) + 1
    assert (problem.sheet, problem.cell) == ("Risiko", f"{first_extra + missing}:{first_extra + missing}")


def test_a_zip_member_lying_about_its_size_is_a_damaged_sheet_not_a_crash(folder):
    path = hostile.zip_bomb(EXAMPLE, folder / "bohong.xlsx", claimed=2000, sheet="Risiko")

    result = load_workbook(path)

    found = errors(result.problems)
    assert len(found) == 1 and not result.valid, [str(p) for p in found]
    assert found[0].kode in {"xlsx-rusak", "sheet-rusak"}  # openpyxl or the sheet reader meets the bad CRC
    assert "bohong.xlsx" in found[0].message or found[0].sheet == "Risiko"
