"""Tables a reviewer can read (issue 11): figures right-aligned in every table, the clerk's `Data ...`
tables included and formatted the Indonesian way by their number format; a JUMLAH row bold and
checked against its rows; header words never broken inside a column.

The workbook is the example with one more `Data ...` sheet built here: long header words, a typed
number under three formats, a percent, a code and a year kept as typed, and a JUMLAH row whose
second column is typed wrong.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from lkj_engine.checks.consistency import check
from lkj_engine.checks.data_tables import table_totals
from lkj_engine.compute.engine import compute
from lkj_engine.model.workbook import DataTable
from lkj_engine.reading.loader import load_workbook
from report_fixture import EXAMPLE, render, table_text

SHEET = "Data Pertanggungjawaban"
HEADERS = ["Tempat Pemeriksaan Imigrasi", "Keberangkatan Penumpang", "Kedatangan Penumpang",
           "Persentase Pertanggungjawaban", "Kode", "Tahun"]
# (values, number format of the Keberangkatan cell); the Kedatangan column is General
ROWS = [
    (["Bandara Keberangkatanutama", 1234.5, 1000, 0.967, "0012", 2025], "0.0"),
    (["Pelabuhan Laut", 765.5, 2000, 0.5, "0013", 2025], "#,##0.00"),
]
TOTAL = ["JUMLAH", 2100, 3000, None, None, None]  # 1234,5 + 765,5 = 2.000, typed 2.100; 3.000 is right
BOLD_FONT = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf")
# a whole cell that is one printed figure (independent of the renderer's own pattern)
FIGURE = re.compile(r"^[+\-\u2212]?(Rp)?\d[\d.]*(,\d+)?%?$")
LABELS = {"no", "no.", "nomor", "tahun", "kode", "nip"}


def _workbook(folder: Path) -> Path:
    book = openpyxl.load_workbook(EXAMPLE)
    ws = book.create_sheet(SHEET)
    ws.append(HEADERS)
    for values, fmt in ROWS:
        ws.append(values)
        row = ws.max_row
        ws.cell(row, 2).number_format = fmt
        ws.cell(row, 4).number_format = "0.00%"
        ws.cell(row, 5).number_format = "@"
    ws.append(TOTAL)
    path = folder / "kanim_data.xlsx"
    book.save(path)
    return path


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tabel")
    result = load_workbook(_workbook(folder))
    assert result.valid, [str(p) for p in result.problems]
    results = compute(result.workbook)
    doc, _ = render(results, folder / "tabel.docx")
    return result.workbook, results, doc


def _data_table(doc):
    return next(t for t in doc.tables if table_text(t)[0][:2] == HEADERS[:2])


def _alignment(paragraph):
    if paragraph.alignment is not None:
        return paragraph.alignment
    style = paragraph.style
    while style is not None:
        if style.paragraph_format.alignment is not None:
            return style.paragraph_format.alignment
        style = style.base_style
    return None


def _bold(run, paragraph) -> bool:
    if run.bold is not None:
        return run.bold
    style = paragraph.style
    while style is not None:
        if style.font.bold is not None:
            return style.font.bold
        style = style.base_style
    return False


def _header_rows(table) -> int:
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    count = 0
    for tr in table._tbl.tr_lst:
        trpr = tr.find(w + "trPr")
        if trpr is None or trpr.find(w + "tblHeader") is None:
            break
        count += 1
    return count


def test_every_figure_of_every_table_is_right_aligned(loaded):
    _, _, doc = loaded
    wrong = []
    for number, table in enumerate(doc.tables):
        heads = _header_rows(table)
        if not heads:
            continue
        labels = {c for row in table.rows[:heads] for c, cell in enumerate(row.cells)
                  if cell.text.split() and cell.text.split()[0].lower() in LABELS}
        for row in table.rows[heads:]:
            for c, cell in enumerate(row.cells):
                if c in labels or not FIGURE.match(cell.text.strip()):
                    continue
                if any(_alignment(p) != WD_ALIGN_PARAGRAPH.RIGHT for p in cell.paragraphs if p.text):
                    wrong.append((number, table_text(table)[0][c], cell.text))
    assert not wrong
    assert any(table_text(_data_table(doc))[0]) and len(doc.tables) > 20  # the Data table was looked at


def test_data_cells_print_by_type_and_number_format(loaded):
    _, _, doc = loaded
    rows = table_text(_data_table(doc))
    assert rows[1][1:] == ["1.234,5", "1.000", "96,70%", "0012", "2025"]  # "0.0": one decimal
    assert rows[2][1:] == ["765,50", "2.000", "50,00%", "0013", "2025"]  # "#,##0.00": two
    assert rows[3][:3] == ["JUMLAH", "2.100", "3.000"]  # printed as typed, the check warns


def test_a_total_row_is_bold_in_every_table(loaded):
    _, _, doc = loaded
    totals = [row for t in doc.tables for row in t.rows
              if row.cells[0].text.strip().lower() in ("jumlah", "total")]
    assert totals and any(r.cells[0].text == "JUMLAH" for r in totals)
    for row in totals:
        for cell in row.cells:
            for p in cell.paragraphs:
                assert all(_bold(r, p) for r in p.runs if r.text.strip()), [c.text for c in row.cells]


def test_a_typed_total_that_differs_from_its_rows_is_a_warning_at_its_cell(loaded):
    wb, results, _ = loaded
    found = [p for p in check(wb, results) if p.kode == "jumlah-tidak-cocok"]
    assert [(p.level, p.sheet, p.cell) for p in found] == [("peringatan", SHEET, "B4")]
    assert "2.100" in found[0].message and "2.000" in found[0].message  # typed, computed


def _table(rows, amounts) -> DataTable:
    return DataTable(sheet="Data Uji", title="Uji", headers=["Uraian", "Nilai"], rows=rows, amounts=amounts,
                     letters=["A", "B"], row_numbers=list(range(2, 2 + len(rows))))


def test_totals_cover_their_rows_and_a_grand_total_every_row():
    d = Decimal
    table = _table(
        [["a", "1"], ["b", "2"], ["Jumlah", "3"], ["c", "4"], ["Jumlah", "5"], ["Total", "8"]],
        [[None, d(1)], [None, d(2)], [None, d(3)], [None, d(4)], [None, d(5)], [None, d(8)]])
    # 3 = 1 + 2 (right); 5 ≠ 4 (wrong); the grand total 8 ≠ 1 + 2 + 4 = 7 (wrong)
    assert [p.cell for p in table_totals(table)] == ["B6", "B7"]


def test_a_total_over_text_or_float_noise_is_not_a_mismatch():
    d = Decimal
    text_above = _table([["a", "1"], ["b", "n/a"], ["Jumlah", "9"]], [[None, d(1)], [None, None], [None, d(9)]])
    noise = _table([["a", "0,1"], ["b", "0,2"], ["TOTAL", "0,3"]],
                   [[None, d("0.1")], [None, d("0.2")], [None, d("0.30000000000000004")]])
    dash = _table([["a", "-"], ["b", "2"], ["jumlah:", "2"]], [[None, None], [None, d(2)], [None, d(2)]])
    assert table_totals(text_above) == table_totals(noise) == table_totals(dash) == []


def test_numbers_typed_as_text_are_summed_and_printed_as_typed(tmp_path):
    """The Petunjuk lets a clerk type 1.234.567 or Rp 2.000 as text: the JUMLAH check adds them up
    like numbers (free text still makes a sum not computable), and the table prints them untouched."""
    book = openpyxl.load_workbook(EXAMPLE)
    ws = book.create_sheet("Data Teks")
    ws.append(["Uraian", "Jumlah", "Nilai", "Catatan"])
    ws.append(["Paspor", "1.234", "Rp 2.000", "10%"])
    ws.append(["Visa", "766", "Rp 3.000,-", "20%"])
    ws.append(["JUMLAH", "2.100", "Rp 5.000", "30%"])  # 1.234 + 766 = 2.000 typed 2.100; 5.000 is right
    ws.append(["Izin tinggal", "tidak ada", "1.000", ""])
    ws.append(["Total", "5", "1.000", ""])  # not computable: a grand total over free text
    path = tmp_path / "teks.xlsx"
    book.save(path)
    result = load_workbook(path)
    assert result.valid, [str(p) for p in result.problems]
    results = compute(result.workbook)
    found = [p for p in check(result.workbook, results) if p.kode == "jumlah-tidak-cocok"]
    assert [(p.sheet, p.cell) for p in found] == [("Data Teks", "B4")]
    assert "diketik 2.100" in found[0].message and "di atasnya 2.000" in found[0].message
    doc, _ = render(results, tmp_path / "teks.docx")
    table = next(t for t in doc.tables if table_text(t)[0] == ["Uraian", "Jumlah", "Nilai", "Catatan"])
    assert table_text(table)[1:4] == [["Paspor", "1.234", "Rp 2.000", "10%"], ["Visa", "766", "Rp 3.000,-", "20%"],
                                      ["JUMLAH", "2.100", "Rp 5.000", "30%"]]


@pytest.mark.skipif(not BOLD_FONT.exists(), reason="Liberation Sans Bold (Arial's metrics) not installed")
def test_every_header_word_fits_its_column(loaded):
    from PIL import ImageFont
    font = ImageFont.truetype(str(BOLD_FONT), 9)  # "Judul Tabel": Arial bold 9 pt
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    narrow = []
    _, _, doc = loaded
    for table in doc.tables:
        grid = [int(c.get(w + "w")) for c in table._tbl.find(w + "tblGrid").findall(w + "gridCol")]
        for tr in table._tbl.tr_lst[:_header_rows(table)]:
            col = 0
            for tc in tr.findall(w + "tc"):
                span = tc.find(f"{w}tcPr/{w}gridSpan")
                span = int(span.get(w + "val")) if span is not None else 1
                room = sum(grid[col:col + span]) - 2 * 85  # the cell margins of "Tabel LKjIP"
                text = "".join(t.text or "" for t in tc.iter(w + "t"))
                narrow += [(word, room) for word in text.split() if font.getlength(word) * 20 > room]
                col += span
    assert not narrow


def test_column_widths_keep_the_table_width_and_give_each_column_its_need():
    from lkj_engine.render.docx_tables import by_content, fit_widths
    widths, needs = [1465, 1462, 1465, 1464, 1464, 1464], [1301, 1221, 1491, 1221, 1491, 841]
    fitted = fit_widths(widths, needs)  # the example's Data Perlintasan before its content share
    assert sum(fitted) == sum(widths) and all(f >= n for f, n in zip(fitted, needs))
    assert fit_widths([100, 100], [150, 150]) == [100, 100]  # cannot fit: shared by need
    shared = by_content([1000, 1000, 1000], [3000, 200, 0], [100, 100, 100])
    assert sum(shared) == 3000 and shared[0] > shared[1] > shared[2] >= 100
