"""The contract's table sheets, row by row: headers to columns, each cell parsed by its kind.

A header is matched ignoring case and spaces (`schema.normalize_header`) in the sheet's first
non-empty row; a missing required column is an error, a missing optional one a warning. Each data
row's cells go through `cells.parse_cell`; a row with an error is kept (its `Row.bad` says which
fields) so the cross-sheet checks neither lose a key nor report a consequence twice.
"""
from __future__ import annotations

import typing
from dataclasses import dataclass, field, fields as dc_fields
from pathlib import Path

from lkj_engine.contract import formatting, schema
from lkj_engine.contract.problems import Problem, error, warning
from lkj_engine.reading.cells import ParseError, parse_cell
from lkj_engine.reading.pictures import image_path
from lkj_engine.reading.sheet_stream import SheetFrame


@dataclass
class Row:
    """One data row of a table sheet: parsed values by field, the Excel row, and the fields in error.

    Rows with an error are kept (and `bad` says which fields failed) so that the cross-sheet checks
    neither lose a key nor report a consequence of an error already reported.
    """

    values: dict[str, object]
    row: int
    bad: set[str] = field(default_factory=set)

    def known(self, *names: str) -> bool:
        """The fields parsed without error and are not empty."""
        return all(n not in self.bad and self.values.get(n) is not None for n in names)


def key_of(value: object) -> object:
    """Comparison key: text ignoring case, spaces and invisible characters; other values as they are."""
    return " ".join(schema.without_invisible(value).split()).casefold() if isinstance(value, str) else value


def _header_letters(frame: SheetFrame) -> dict[str, str]:
    """Normalized header text -> column letter (first occurrence wins)."""
    found: dict[str, str] = {}
    row = frame.header_row
    for letter in frame.values.columns:
        text = frame.values.at[row, letter]
        if text is not None:
            found.setdefault(schema.normalize_header(text), letter)
    return found


def columns_of(frame: SheetFrame, spec: schema.Sheet, problems: list[Problem],
               needed: set[str] | None = None) -> dict[str, str] | None:
    """field -> letter for the declared columns found; None when a required one is missing."""
    headers = _header_letters(frame)
    letters: dict[str, str] = {}
    ok = True
    header_row = frame.header_row
    for col in spec.columns:
        letter = headers.get(schema.normalize_header(col.header))
        if letter:
            letters[col.field] = letter
        elif col.required or (needed and col.field in needed):
            ok = False
            problems.append(error(spec.name, f"{header_row}:{header_row}",
                                  f'kolom "{col.header}" tidak ditemukan di baris judul (baris {header_row}); '
                                  "salin judul kolom dari templat", kode="kolom-tidak-ada"))
        elif not col.kanwil_only:
            problems.append(warning(spec.name, f"{header_row}:{header_row}",
                                    f'kolom "{col.header}" tidak ada di baris judul (baris {header_row}); '
                                    "isinya dianggap kosong", kode="kolom-opsional-tidak-ada"))
    return letters if ok else None


def _required_hint(kind: str) -> str:
    if kind in ("angka", "bulat", "rupiah", "persen"):
        return " (tulis 0 bila memang nol; hapus barisnya bila tidak dipakai)"
    return " (atau hapus barisnya bila tidak dipakai)"


def parse_rows(frame: SheetFrame, spec: schema.Sheet, letters: dict[str, str],
               problems: list[Problem]) -> list[Row]:
    """Every data row, each cell parsed by its declared kind (fields in error listed in `Row.bad`)."""
    rows: list[Row] = []
    for r in frame.data_rows():
        raw = {col.field: frame.get(r, letters[col.field]) for col in spec.columns if col.field in letters}
        if all(v is None for v, _ in raw.values()) and not any(f"{letters[f]}{r}" in frame.reported for f in raw):
            continue  # only the clerk's own extra columns are filled: not a data row
        row = Row({}, r)
        for col in spec.columns:
            if col.field not in raw:
                continue
            ref = f"{letters[col.field]}{r}"
            if ref in frame.reported:
                row.bad.add(col.field)
                continue
            value, number_format = raw[col.field]
            try:
                row.values[col.field] = parse_cell(value, col.kind, col.choices, number_format, col.aliases)
            except ParseError as exc:
                problems.append(error(spec.name, ref, f"{exc} (kolom {col.header})", kode=exc.kode))
                row.bad.add(col.field)
                continue
            if col.nonnegative and row.values[col.field] is not None and row.values[col.field] < 0:
                problems.append(error(spec.name, ref, f"{col.header} {formatting.number(row.values[col.field])} "
                                      "tidak boleh negatif", kode="angka-negatif"))
                row.bad.add(col.field)
                continue
            if row.values[col.field] is None and col.required:
                problems.append(error(spec.name, ref, f"{col.header} wajib diisi{_required_hint(col.kind)}",
                                      kode="wajib-diisi"))
                row.bad.add(col.field)
        rows.append(row)
    return rows


def _coerce(cls: type, values: dict[str, object], base: Path, sheet: str, letters: dict[str, str],
            row: int, problems: list[Problem]) -> dict[str, object]:
    """Fit parsed values to the dataclass field types (choice "-1" -> int, file name -> Path)."""
    hints = typing.get_type_hints(cls)
    out: dict[str, object] = {}
    for name, value in values.items():
        if value is None:
            continue
        hint = hints.get(name)
        args = set(typing.get_args(hint)) | {hint}
        if Path in args and isinstance(value, str):
            value = image_path(value, base, sheet, f"{letters[name]}{row}", problems)
        elif int in args and isinstance(value, str):
            value = int(value)
        out[name] = value
    return out



def build_rows(cls: type, rows: list[Row], base: Path, sheet: str, letters: dict[str, str],
           problems: list[Problem]) -> list:
    field_names = {f.name for f in dc_fields(cls)}
    built = []
    for row in rows:
        kwargs = _coerce(cls, {k: v for k, v in row.values.items() if k in field_names}, base, sheet,
                         letters, row.row, problems)
        built.append(cls(**kwargs, row=row.row))
    return built

