"""Read the clerk's workbook: file → sheets → typed `model.Workbook`, or the problems that prevent it.

How the file is read. openpyxl is the engine because it is the only ``.xlsx`` reader that gives a
formula cell's *saved* value and keeps each cell's number format: ``pandas.read_excel`` drops number
formats, and the percent rule (a cell shown as ``86,92%`` holds 0,8692) needs them. The file is
opened once (`archive`: its unpacked size checked first, then openpyxl ``read_only``); each sheet is
streamed (`sheet_stream`), keeping only the cells that hold values, into a pandas frame indexed by the
Excel row number, so every problem can still name its cell (``IKK!G5``).

What is checked (errors stop the report; warnings do not), and where:

- the file itself (`archive`): not found, not a workbook, an old ``.xls``, a password-protected file,
  one that would unpack to more than the caps;
- sheets (here): matched to the contract ignoring case and spaces; a missing required sheet, two
  sheets matching one contract name, or a chart sheet in a contract sheet's place is an error;
  a chart sheet named ``Data ...`` is a warning (it cannot be printed as a table);
- cells (`sheet_stream`): formulas without saved values, broken cells, too many rows or cells;
- headers and cells (`tables`, `identitas`), keys, references and the Komponen tree (`crosscheck`).

Unknown extra sheets (the clerk's own working sheets) are ignored silently; ``Data ...`` sheets become
`DataTable`s. Nothing here raises for bad input: every failure becomes a `Problem`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from lkj_engine.contract import schema
from lkj_engine.contract.problems import Problem, error, errors, warning
from lkj_engine.model import workbook as model
from lkj_engine.reading.archive import open_workbook
from lkj_engine.reading.cells import ParseError, display_text, is_percent_format, parse_number
from lkj_engine.reading.crosscheck import check_ikk, check_layanan, check_unique
from lkj_engine.reading.identitas import read_identitas
from lkj_engine.reading.sheet_stream import DATA_LIMITS, TABLE_LIMITS, CellBudget, SheetFrame, read_sheet
from lkj_engine.reading.tables import Row, build_rows, columns_of, parse_rows

# Data-sheet columns whose numbers are labels, printed as typed (2024, not 2.024).
PLAIN_HEADERS = {"tahun", "no", "no.", "nomor", "kode", "nip"}


@dataclass
class LoadResult:
    """The typed workbook (None when any error was found) and every problem found."""

    workbook: model.Workbook | None
    problems: list[Problem]

    @property
    def valid(self) -> bool:
        return self.workbook is not None and not errors(self.problems)


# ----------------------------------------------------------------------------------- data sheets --

def _data_table(frame: SheetFrame) -> model.DataTable | None:
    """A free `Data ...` sheet as the text the clerk sees; None when it holds nothing."""
    if frame.header_row is None:
        return None
    vals, fmts = frame.values, frame.formats
    used = [c for c in vals.columns if vals[c].notna().any()]
    if not used:
        return None
    header_row = frame.header_row
    headers = [display_text(vals.at[header_row, c], None, plain_numbers=True) for c in used]
    plain = [schema.normalize_header(h).split(" ")[0] in PLAIN_HEADERS for h in headers]
    # column by column as plain lists (per-cell `.at` costs more than the formatting itself)
    columns = [[display_text(v, f, plain_numbers=p) for v, f in zip(vals[c].tolist()[1:], fmts[c].tolist()[1:])]
               for c, p in zip(used, plain)]
    rows = [list(row) for row in zip(*columns)]
    amounts = []  # only the JUMLAH check needs them: a table without a total row is not read twice
    if any(row and model.is_total_label(row[0]) for row in rows):
        amounts = [list(row) for row in zip(*(
            [None] * (len(vals) - 1) if p else [_amount(v, f) for v, f in zip(vals[c].tolist()[1:], fmts[c].tolist()[1:])]
            for c, p in zip(used, plain)))]
    title = frame.title.strip()[len(schema.DATA_PREFIX):].strip()
    return model.DataTable(sheet=frame.title, title=title, headers=headers, rows=rows, amounts=amounts,
                           letters=[str(c) for c in used], row_numbers=frame.data_rows())


# An amount typed as text the Indonesian way: an optional sign and "Rp", digits with no leading zero
# (a telephone number or a code "0012" is not an amount) in thousands groups or not, a decimal part,
# an optional ",-". No spaces inside the digits ("0361 234567"), no percent.
_AMOUNT_TEXT = re.compile(r"[+\-\u2212]?(?:rp\.?\s*)?[+\-\u2212]?(?:[1-9]\d{0,2}(?:\.\d{3})+|[1-9]\d*|0)(?:[.,]\d+)?(?:,-+)?",
                          re.IGNORECASE)


def _amount(value: object, number_format: str | None) -> Decimal | None:
    """A Data cell's number when it can be added up: a typed number, or text that is plainly an
    amount the Indonesian way (``1.234.567``, ``Rp 2.000,-``), as the Petunjuk allows in every sheet;
    not a percent, not other text. Only the JUMLAH check uses it: the cell is printed as typed."""
    if isinstance(value, bool) or is_percent_format(number_format):
        return None
    if isinstance(value, str):
        if not _AMOUNT_TEXT.fullmatch(value.strip()):
            return None
    elif not isinstance(value, (int, float, Decimal)):
        return None
    try:
        return parse_number(value, number_format)
    except ParseError:  # free text, NaN, infinity or out of range: printed as it is, never summed
        return None


def _is_data_sheet(title: str) -> bool:
    norm = schema.normalize_header(title)
    prefix = schema.normalize_header(schema.DATA_PREFIX) + " "
    return norm.startswith(prefix) and len(norm) > len(prefix)


def _looks_like_data_sheet(title: str) -> bool:
    """"Data-Paspor", "DataPaspor", "Data_Paspor", "Data ": meant as a Data table, yet not named like one
    (a contract sheet's name or the clerk's own working sheet, "Database", is not)."""
    norm = schema.normalize_header(title)
    if _is_data_sheet(title) or norm in schema.SHEETS_BY_NAME or not norm.startswith("data"):
        return False
    rest = title.strip()[len("data"):]
    return rest.strip() == "" or rest[:1] in "-_.:" or rest[:1].isupper() or rest[:1].isdigit()


# ---------------------------------------------------------------------------------------- sheets --

def _is_worksheet(sheet: object) -> bool:
    """A sheet with cells (not a chart sheet): the read-only worksheet can stream its XML."""
    return hasattr(sheet, "_get_source")


def _match_sheets(book, problems: list[Problem]) -> tuple[dict[str, object], list[object]]:
    """Contract name -> its worksheet, and the ``Data ...`` worksheets in workbook order.

    Two sheets matching one contract name (``IKK`` and ``ikk ``) is an error: using the first would
    print figures the clerk may not have meant. A chart sheet cannot hold a contract's table.
    """
    by_name: dict[str, list[str]] = {}
    for title in book.sheetnames:
        by_name.setdefault(schema.normalize_header(title), []).append(title)
    matched: dict[str, object] = {}
    for spec in schema.SHEETS:
        titles = by_name.get(schema.normalize_header(spec.name), [])
        if len(titles) > 1:
            shown = " dan ".join(f'"{t}"' for t in titles)
            problems.append(error(spec.name, None, f'ada {len(titles)} sheet yang cocok dengan nama "{spec.name}": '
                                                   f"{shown}; hapus atau ganti nama salah satunya agar jelas mana "
                                                   "yang dipakai", kode="sheet-ganda"))
        elif titles and not _is_worksheet(book[titles[0]]):
            problems.append(error(spec.name, None, f'sheet "{titles[0]}" adalah lembar grafik (chart sheet), bukan '
                                                   "lembar kerja berisi sel; salin sheet itu dari templat",
                                  kode="sheet-bukan-lembar-kerja"))
        elif titles:
            matched[spec.name] = book[titles[0]]
        elif spec.required:
            problems.append(error(spec.name, None, f'sheet "{spec.name}" tidak ditemukan; sheet ini wajib ada '
                                                   "(salin dari templat)", kode="sheet-tidak-ada"))
    data_sheets = []
    for title in book.sheetnames:
        if _looks_like_data_sheet(title):
            problems.append(warning(title, None, f'sheet "{title}" tidak dicetak: nama sheet tabel tambahan harus '
                                                 f'diawali "{schema.DATA_PREFIX}" (dengan spasi) lalu judulnya, mis. '
                                                 '"Data Paspor". Ganti namanya bila tabel ini harus masuk BAB III.D',
                                    kode="nama-sheet-data-keliru"))
        if not _is_data_sheet(title):
            continue
        if _is_worksheet(book[title]):
            data_sheets.append(book[title])
        else:
            problems.append(warning(title, None, f'sheet "{title}" adalah lembar grafik (chart sheet), bukan tabel; '
                                                 "tidak dicetak di BAB III.D (ganti namanya agar tidak diawali "
                                                 f'"{schema.DATA_PREFIX.strip()}" bila memang grafik)',
                                    kode="sheet-data-bukan-tabel"))
    return matched, data_sheets


# ------------------------------------------------------------------------------------------ main --

def load_workbook(path: str | Path) -> LoadResult:
    """Read, parse and validate a workbook. Never raises for bad input: problems are returned."""
    path = Path(path)
    problems: list[Problem] = []
    try:
        workbook = _load(path, problems)
    except Exception as exc:  # noqa: BLE001 - last resort: a clerk must never see a traceback
        problems.append(error(None, None, f'"{path.name}" tidak dapat dibaca ({type(exc).__name__}: {exc}); '
                                          "simpan ulang dari Excel/LibreOffice sebagai .xlsx",
                              kode="workbook-tidak-terbaca"))
        workbook = None
    if errors(problems):
        workbook = None
    return LoadResult(workbook, problems)


def _load(path: Path, problems: list[Problem]) -> model.Workbook | None:
    opened = open_workbook(path, problems)
    if opened is None:
        return None
    try:
        book = opened.book
        matched, data_sheets = _match_sheets(book, problems)
        budget = CellBudget()
        frames = {name: read_sheet(book, ws, name, TABLE_LIMITS, budget, problems) for name, ws in matched.items()}
        data_tables = []
        for ws in data_sheets:
            table = _data_table(read_sheet(book, ws, ws.title, DATA_LIMITS, budget, problems))
            if table is not None:
                data_tables.append(table)
    finally:
        opened.close()
    return _typed(path, frames, data_tables, problems)


def _typed(path: Path, frames: dict[str, SheetFrame], data_tables: list[model.DataTable],
           problems: list[Problem]) -> model.Workbook | None:
    """The sheets' frames parsed, cross-checked and built into the typed workbook (None on any error)."""
    base = path.resolve().parent
    columns: dict[str, dict[str, str]] = {}
    empty: list[str] = []
    identitas = None
    identitas_cells: dict[str, str] = {}
    if "Identitas" in frames:
        identitas, id_letters, identitas_cells = read_identitas(frames["Identitas"], base, problems)
        columns["Identitas"] = id_letters

    parsed: dict[str, list[Row]] = {}
    for spec in schema.SHEETS:
        if spec.is_fields or spec.name not in frames:
            continue
        frame = frames[spec.name]
        if frame.header_row is None:
            empty.append(spec.name)
            if spec.required:
                problems.append(error(spec.name, None, f"sheet {spec.name} kosong; isi baris judul dan datanya",
                                      kode="sheet-kosong"))
            continue
        letters = columns_of(frame, spec, problems)
        if letters is None:
            continue
        columns[spec.name] = letters
        rows = parse_rows(frame, spec, letters, problems)
        if not rows:
            empty.append(spec.name)
            if spec.required:
                problems.append(error(spec.name, None, f"sheet {spec.name} belum berisi data",
                                      kode="sheet-tanpa-data"))
        check_unique(spec.name, rows, letters, problems)
        parsed[spec.name] = rows

    if "IKK" in parsed:
        check_ikk(parsed, columns, identitas.tahun if identitas else None, problems)
    if "Layanan" in parsed:
        check_layanan(parsed["Layanan"], columns["Layanan"], problems)

    if identitas is None or errors(problems):
        return None
    lists: dict[str, list] = {}
    for name, rows in parsed.items():
        table = model.ROW_TABLES[name]
        lists[table.attribute] = build_rows(table.row_class, rows, base, name, columns[name], problems)
    return model.Workbook(source=path, identitas=identitas, data_tables=data_tables, columns=columns,
                          identitas_cells=identitas_cells, empty_sheets=empty, **lists)
