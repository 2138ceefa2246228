"""One sheet, streamed: only the cells that hold something, into a small pandas frame.

Why streaming and not ``ws.iter_rows()``: a sheet's declared size is what Excel last formatted, not
where the data ends. One formatted empty cell at ``A1048576`` (Excel writes it when a whole column
is formatted) or a styled cell at ``XFD2`` makes a 30-row sheet "1.048.576 × 16.384" for any reader
that fills the grid. Here the sheet's XML is read row by row (lxml ``iterparse``, each row freed
once read); a cell without a value, a formula or an inline string costs one ``len()`` and is
skipped, so time follows the file and memory follows the cells that hold values.

One pass, one load: the workbook is opened ``data_only`` (the saved values), and the same pass sees
each cell's ``<f>`` element, so a formula whose saved value is missing (a file written by a program
and never opened in Excel/LibreOffice) is found without a second openpyxl load.

Limits, each a message at its sheet and cell rather than a slow death: the rows holding values a
sheet may have (`SheetLimits`), the columns of a free ``Data ...`` table, the cells of the whole
workbook, and Excel's own 32.767 characters per cell. A number the file stores as ``NaN`` or
``INF``, a cell whose stored content is broken, and a sheet whose XML is broken are reported
where they are, never a traceback.

Two things a clerk cannot see, each one warning per sheet naming the rows or cells:

- Hidden rows (``<row hidden="1">``: hidden by hand or by a filter) are read and counted like any
  other row, as Excel's own SUM counts them; a view setting must not change the report's figures.
  The warning (`baris-tersembunyi`) lists the data rows that are hidden, so the clerk can unhide
  them or delete what should not count.
- Text is stored with Excel's ``_xHHHH_`` escapes for characters XML cannot hold (``_x000D_`` for
  a carriage return pasted with the text); openpyxl leaves them as typed, so they are decoded here.
  A decoded control character that Word cannot hold either (``_x000B_``, a vertical tab pasted from
  Word) is removed, and the warning `karakter-kontrol-dihapus` names the cells.
"""
from __future__ import annotations

import math
import re
import typing
import zipfile
import zlib
import warnings as py_warnings
from dataclasses import dataclass, field

import pandas as pd
from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._reader import WorkSheetParser

from lkj_engine.contract.problems import Problem, error, warning
from lkj_engine.reading.cells import ExcelError, is_blank

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
ROW_TAG, FORMULA_TAG = NS + "row", NS + "f"
MAX_TEXT = 32_767  # Excel's own limit for one cell
MAX_WORKBOOK_CELLS = 1_000_000  # cells holding values, all sheets together
# What the report prints grows with these, not with the file: a 232 KB workbook whose 20.000 rows
# share one 30.000-character string would be a 600-million-character report.
MAX_WORKBOOK_TEXT = 3_000_000  # characters of text, all sheets together (about 1.000 pages)
MAX_DATA_CELLS = 100_000  # cells of the `Data ...` tables together, each one a cell of a Word table
FORMULA_HINT = "buka dan simpan berkas di Excel/LibreOffice agar nilai rumusnya tersimpan"
LISTED = 10  # rows or cells named in one warning; the rest are counted
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# XML 1.0 forbids these (Word refuses a document holding them); tab, line feed and carriage return stay.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class SheetLimits:
    """How much of a sheet the contract can use: rows holding values, and (Data sheets) columns."""

    rows: int
    columns: int | None = None


TABLE_LIMITS = SheetLimits(rows=5_000)
DATA_LIMITS = SheetLimits(rows=20_000, columns=63)  # 63: the most columns a Word table holds


@dataclass
class CellBudget:
    """The cells with values left for the rest of the workbook (one budget shared by all sheets)."""

    left: int = MAX_WORKBOOK_CELLS
    exhausted: bool = False
    text_left: int = field(default_factory=lambda: MAX_WORKBOOK_TEXT)
    data_left: int = field(default_factory=lambda: MAX_DATA_CELLS)


@dataclass
class SheetFrame:
    """One sheet's non-empty rows: values and number formats, indexed by Excel row, columns = letters.

    Only columns holding something are present, in sheet order. `reported` holds the cells whose
    problem is already reported here (a formula without a saved value, an unreadable cell): the
    table readers skip them instead of reporting a consequence.
    """

    title: str
    values: pd.DataFrame
    formats: pd.DataFrame
    reported: set[str] = field(default_factory=set)

    @property
    def header_row(self) -> int | None:
        return int(self.values.index[0]) if len(self.values) else None

    def data_rows(self) -> list[int]:
        return [int(r) for r in self.values.index[1:]]

    def get(self, row: int, letter: str) -> tuple[object, str | None]:
        if letter not in self.values.columns:
            return None, None
        return self.values.at[row, letter], self.formats.at[row, letter]


class _Formats:
    """Style id → number format text, as openpyxl's read-only cell computes it (cached)."""

    def __init__(self, book) -> None:
        self._styles = book._cell_styles
        self._custom = book._number_formats
        self._cache: dict[int, str] = {}

    def __call__(self, style_id: int) -> str:
        cached = self._cache.get(style_id)
        if cached is None:
            try:
                number_id = self._styles[style_id].numFmtId
                cached = (BUILTIN_FORMATS.get(number_id, "General") if number_id < BUILTIN_FORMATS_MAX_SIZE
                          else self._custom[number_id - BUILTIN_FORMATS_MAX_SIZE])
            except (IndexError, AttributeError):
                cached = "General"
            self._cache[style_id] = cached
        return cached


def read_sheet(book, worksheet, label: str, limits: SheetLimits, budget: CellBudget,
               problems: list[Problem]) -> SheetFrame:
    """Stream `worksheet` (a read-only openpyxl sheet of `book`) into a `SheetFrame`.

    `label` names the sheet in problems (the contract's spelling). Never raises for bad content.
    """
    parser = WorkSheetParser(None, worksheet._shared_strings, data_only=True, epoch=book.epoch,
                             date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
    formats = _Formats(book)
    cells: dict[int, dict[int, tuple[object, str | None]]] = {}
    reported: set[str] = set()
    state = _State(label, limits, budget, problems)
    try:
        with worksheet._get_source() as src, py_warnings.catch_warnings():
            py_warnings.simplefilter("ignore")
            for row in _rows(src):
                kept = _read_row(row, parser, formats, state, reported)
                hidden = row.get("hidden") in ("1", "true")
                row.clear()
                while row.getprevious() is not None:
                    del row.getparent()[0]
                if kept:
                    if not state.take_row(parser.row_counter):
                        break
                    cells[parser.row_counter] = kept
                    if hidden and state.rows > 1:  # a data row, not the header
                        state.hidden.append(parser.row_counter)
                if state.stop:
                    break
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError):  # a damaged or lying zip member
        problems.append(error(label, None, f"isi sheet {label} rusak di dalam berkas (data terkompresinya tidak "
                                           "utuh); simpan ulang workbook dari Excel/LibreOffice", kode="sheet-rusak"))
    except etree.XMLSyntaxError as exc:
        if "huge" in str(exc).lower():
            problems.append(error(label, None, f"sheet {label} berisi teks yang sangat panjang (lebih dari 10 juta "
                                               f"karakter di satu sel; batas Excel {_count(MAX_TEXT)}). Hapus atau "
                                               "pendekkan teks itu", kode="teks-terlalu-panjang"))
        else:
            problems.append(error(label, None, f"isi sheet {label} rusak dan tidak dapat dibaca (baris XML "
                                               f"{exc.lineno}); salin isinya ke sheet baru atau simpan ulang "
                                               "workbook dari Excel/LibreOffice", kode="sheet-rusak"))
    state.report_unseen()
    return _frame(worksheet.title, cells, reported)


@dataclass
class _State:
    label: str
    limits: SheetLimits
    budget: CellBudget
    problems: list[Problem]
    rows: int = 0
    stop: bool = False
    hidden: list[int] = field(default_factory=list)  # data rows holding values that are hidden
    control: list[str] = field(default_factory=list)  # cells a control character was removed from

    def report_unseen(self) -> None:
        """One warning for the sheet's hidden data rows, one for the cells that lost a control character."""
        if self.hidden:
            first = self.hidden[0]
            self.problems.append(warning(
                self.label, f"{first}:{first}",
                f"sheet {self.label}: baris {_listed(_ranges(self.hidden))} disembunyikan (atau tersaring filter) "
                "tetapi tetap dibaca dan dihitung dalam laporan, seperti SUM di Excel. Tampilkan barisnya "
                "(Unhide) untuk memeriksa, dan hapus baris yang memang tidak boleh dihitung",
                kode="baris-tersembunyi"))
        if self.control:
            self.problems.append(warning(
                self.label, self.control[0],
                f"karakter kontrol yang tidak dapat disimpan di Word dihapus dari teks sel {_listed(self.control)} "
                f"sheet {self.label}; periksa apakah teksnya masih utuh", kode="karakter-kontrol-dihapus"))

    def take_row(self, row: int) -> bool:
        """Count a row holding values; False (and the message) when it is one too many.

        The first such row is the header, so a sheet may hold `limits.rows` data rows below it.
        """
        self.rows += 1
        if self.rows <= self.limits.rows + 1:
            return True
        self.problems.append(error(
            self.label, f"{row}:{row}",
            f"sheet {self.label} berisi lebih dari {_count(self.limits.rows)} baris data di bawah judulnya "
            f"(baris {_count(row)} sudah melewati batas); laporan hanya dapat memuat {_count(self.limits.rows)} "
            "baris per sheet. Hapus baris yang tidak dipakai atau ringkas datanya", kode="baris-terlalu-banyak"))
        self.stop = True
        return False

    def take_cell(self, ref: str) -> bool:
        if self.limits.columns is not None:  # a Data table's cell
            self.budget.data_left -= 1
            if self.budget.data_left < 0:
                return self._over(error(
                    self.label, ref, f"tabel sheet Data ... bersama-sama berisi lebih dari {_count(MAX_DATA_CELLS)} "
                    "sel; laporan tidak dapat memuat tabel sebesar itu. Ringkas datanya atau hapus sheet Data yang "
                    "tidak perlu dicetak", kode="data-terlalu-banyak"))
        if self.budget.left > 0:
            self.budget.left -= 1
            return True
        return self._over(error(
            self.label, ref, f"workbook berisi lebih dari {_count(MAX_WORKBOOK_CELLS)} sel berisi data; sisanya "
            "tidak dibaca. Hapus sheet atau kolom yang tidak dipakai laporan", kode="sel-terlalu-banyak"))


    def take_text(self, ref: str, text: str) -> bool:
        """Count the characters of one text cell against the workbook's; False once it is over."""
        self.budget.text_left -= len(text)
        if self.budget.text_left >= 0:
            return True
        return self._over(error(
            self.label, ref, f"workbook berisi lebih dari {_count(MAX_WORKBOOK_TEXT)} karakter teks (sekitar 1.000 "
            "halaman); sisanya tidak dibaca. Periksa sel yang teksnya berulang di banyak baris, lalu hapus teks yang "
            "tidak perlu dicetak", kode="teks-terlalu-banyak"))

    def _over(self, problem: Problem) -> bool:
        """A workbook-wide budget spent: one error at the cell that crossed it (the first budget to be
        spent), and reading stops."""
        if not self.budget.exhausted:
            self.budget.exhausted = True
            self.problems.append(problem)
        self.stop = True
        return False


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _ranges(rows: list[int]) -> list[str]:
    """Row numbers as ranges: [5, 6, 7, 9] -> ["5-7", "9"]."""
    found: list[list[int]] = []
    for r in rows:
        if found and r == found[-1][1] + 1:
            found[-1][1] = r
        else:
            found.append([r, r])
    return [f"{a}-{b}" if b > a else str(a) for a, b in found]


def _listed(items: list[str]) -> str:
    """The first `LISTED` items, and how many more."""
    shown = ", ".join(items[:LISTED])
    return f"{shown} dan {len(items) - LISTED} lainnya" if len(items) > LISTED else shown


def decode_text(text: str) -> tuple[str, int]:
    """Excel's ``_xHHHH_`` escapes decoded, XML-illegal characters removed; and how many were removed.

    ``_x005F_`` is Excel's escaped underscore, so ``_x005F_x000D_`` decodes to the typed text ``_x000D_``.
    """
    if "_x" in text:
        text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    if not _XML_ILLEGAL.search(text):
        return text, 0
    cleaned = _XML_ILLEGAL.sub("", text)
    return cleaned, len(text) - len(cleaned)


# Elements that hold nothing, found in the raw bytes before parsing: a cell with a position and no
# content (`<c r="A9" s="3"/>`) and then a row left with no cells. Only elements carrying `r=` go,
# so cells and rows that are numbered by counting keep their count.
# The patterns are tight (position first, as Excel, LibreOffice and openpyxl write it) so they never
# backtrack; an element written otherwise is simply parsed.
_EMPTY_CELL = re.compile(rb'<c r="[A-Z]{1,3}[0-9]{1,7}"(?: [\w:]+="[^"]*")*/>')
_EMPTY_ROW = re.compile(rb'<row r="[0-9]{1,7}"(?: [\w:]+="[^"]*")*(?:/>|>\s*</row>)')
CHUNK = 4 * 1024 * 1024


def _rows(src: typing.BinaryIO) -> typing.Iterator:
    """The sheet's `<row>` elements holding cells, parsed from `src` in chunks, empty ones dropped unparsed.

    Why filter bytes: a formatted sheet can hold a million empty rows; dropping them with one C-speed
    regex pass costs a fraction of what handing each to Python would.
    """
    parser = etree.XMLPullParser(events=("end",), tag=ROW_TAG, resolve_entities=False, no_network=True,
                                 huge_tree=False)
    carry = b""
    while True:
        chunk = src.read(CHUNK)
        data = carry + chunk
        cut = data.rfind(b">") + 1 if chunk else len(data)
        if cut == 0:  # inside a long text: no tag to filter, feed it as it is
            cut = len(data)
            filtered = data
        else:
            filtered = _EMPTY_ROW.sub(b"", _EMPTY_CELL.sub(b"", data[:cut]))
        carry = data[cut:]
        if filtered:
            parser.feed(filtered)
            for _, row in parser.read_events():
                yield row
        if not chunk:
            break
    parser.close()
    for _, row in parser.read_events():
        yield row


def _read_row(row, parser: WorkSheetParser, formats: _Formats, state: _State,
              reported: set[str]) -> dict[int, tuple[object, str | None]]:
    """The cells of one `<row>` that hold a value (or an unsaved formula), by column number."""
    r = row.get("r")
    parser.row_counter = int(float(r)) if r else parser.row_counter + 1
    parser.col_counter = 0
    kept: dict[int, tuple[object, str | None]] = {}
    for c in row:
        if len(c) == 0:  # no <v>, <f> or <is>: an empty (perhaps styled) cell
            if c.get("r") is None:
                parser.col_counter += 1
            continue
        ref = c.get("r") or f"{get_column_letter(parser.col_counter + 1)}{parser.row_counter}"
        try:
            cell = parser.parse_cell(c)
        except Exception:  # noqa: BLE001 - a broken cell is the clerk's to retype, not a crash
            # parse_cell has placed the cell (col_counter) before the failing cast; a broken
            # reference is skipped with its message
            broken = _broken(state, ref, reported)
            if parser.col_counter >= 1:
                kept[parser.col_counter] = broken
            continue
        value, column = cell["value"], cell["column"]
        if isinstance(value, str):
            value, removed = decode_text(value)
            if removed:
                state.control.append(ref)
        has_formula = c.find(FORMULA_TAG) is not None
        if is_blank(value):
            # A formula whose saved result is "" is stored as an empty string cell (t="str"): not missing.
            if has_formula and value is None and cell["data_type"] != "str":
                reported.add(ref)
                state.problems.append(error(state.label, ref, "sel berisi rumus tetapi nilainya belum "
                                                              f"tersimpan; {FORMULA_HINT}", kode="rumus-tanpa-nilai"))
                kept[column] = (None, None)
            continue
        if not state.take_cell(ref):
            break
        if state.limits.columns is not None and column > state.limits.columns:
            state.problems.append(error(state.label, ref, f"tabel sheet {state.label} memakai kolom sampai "
                                                          f"{get_column_letter(column)}; tabel laporan paling banyak "
                                                          f"{state.limits.columns} kolom (A-"
                                                          f"{get_column_letter(state.limits.columns)}). Hapus atau "
                                                          "pindahkan kolom di sebelah kanannya",
                                    kode="kolom-terlalu-banyak"))
            state.stop = True
            break
        if isinstance(value, float) and not math.isfinite(value):
            kept[column] = _broken(state, ref, reported, shown=str(value))
            continue
        if cell["data_type"] == "e":  # #N/A, #DIV/0!, #REF!: a formula that failed
            if state.limits.columns is None:  # a contract sheet: refused only where the contract reads it
                value = ExcelError(value)
            else:  # a Data table prints every cell
                reported.add(ref)
                state.problems.append(error(state.label, ref, f"sel ini berisi galat Excel {value} (rumus yang "
                                                              "gagal dihitung), yang tidak boleh tercetak di laporan; "
                                                              "perbaiki rumusnya atau ketik nilainya",
                                            kode="galat-excel"))
                kept[column] = (None, None)
                continue
        if isinstance(value, str) and len(value) > MAX_TEXT:
            reported.add(ref)
            state.problems.append(error(state.label, ref, f"teks di sel ini {_count(len(value))} karakter; "
                                                          f"satu sel paling banyak {_count(MAX_TEXT)} karakter "
                                                          "(batas Excel). Pendekkan teksnya",
                                        kode="teks-terlalu-panjang"))
            kept[column] = (None, None)
            continue
        if isinstance(value, str) and not state.take_text(ref, value):
            break
        kept[column] = (value, formats(cell["style_id"]) if cell["style_id"] else "General")
    return kept


def _broken(state: _State, ref: str, reported: set[str], shown: str | None = None
            ) -> tuple[object, str | None]:
    """Report a cell whose stored number or content cannot be read; it is kept as empty and reported."""
    reported.add(ref)
    what = f'menyimpan "{shown}" sebagai angka' if shown else "isinya rusak (tidak dapat dibaca)"
    state.problems.append(error(state.label, ref, f"sel ini {what}; ketik ulang nilainya di Excel/LibreOffice",
                                kode="sel-rusak"))
    return None, None


def _frame(title: str, cells: dict[int, dict[int, tuple[object, str | None]]], reported: set[str]) -> SheetFrame:
    columns = sorted({c for row in cells.values() for c in row})
    letters = [get_column_letter(c) for c in columns]
    rows = sorted(cells)
    values = [[cells[r].get(c, (None, None))[0] for c in columns] for r in rows]
    fmts = [[cells[r].get(c, (None, None))[1] for c in columns] for r in rows]
    vframe = pd.DataFrame(values, index=rows, columns=letters, dtype=object)
    fframe = pd.DataFrame(fmts, index=rows, columns=letters, dtype=object)
    return SheetFrame(title, vframe, fframe, reported)
