"""Read the clerk's workbook: file → sheets → typed `model.Workbook`, or the problems that prevent it.

How the file is read. openpyxl is the engine because it is the only ``.xlsx`` reader that gives a
formula cell's *saved* value (``data_only=True``) and tells which cells hold formulas, and because it
keeps each cell's number format: ``pandas.read_excel`` drops number formats, and the percent rule
(a cell shown as ``86,92%`` holds 0,8692) needs them. The file is opened twice, once for the saved
values and once (``data_only=False``) only to find formula cells whose saved value is missing (a file
written by a program and never opened in Excel/LibreOffice). Each sheet's cells then go into a pandas
DataFrame indexed by the Excel row number, so fully empty rows are dropped in one place and every
problem can still name its cell (``IKK!G5``).

What is checked here (errors stop the report; warnings do not):

- the file itself: not found, not a workbook, an old ``.xls``, a password-protected file;
- sheets and headers, matched ignoring case and spaces (`schema.normalize_header`); the header row is
  the first non-empty row; a missing required sheet or column is an error;
- every cell through `parsing.parse_cell`, driven by the schema (`Column.kind`, `required`,
  `choices`); a required cell left empty is an error;
- keys (`UNIQUE`), references to IKK codes (`REFERENCES`), the Komponen tree (parent exists, no
  cycle, sibling weights add up to 100 within 0,01 so that thirds such as 33,33 pass);
- an IKK with a blank Realisasi and no Komponen is an ERROR: its realisasi is unknown, so the PK
  table, the capaian and every average built on it cannot be written;
- warnings: a target of 0 (capaian "tidak dapat dihitung"), a missing image file, a typed Realisasi
  that overrides Komponen, an optional column absent, earlier-year rows dated in the report year.

Unknown extra sheets (the clerk's own working sheets) are ignored silently; ``Data ...`` sheets become
`DataTable`s. Nothing here raises for bad input: every failure becomes a `Problem`.
"""
from __future__ import annotations

import os
import typing
import warnings as py_warnings
import zipfile
from dataclasses import dataclass, field, fields as dc_fields
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.utils import get_column_letter

from lkj_engine.contract import formatting
from lkj_engine.model import workbook as model
from lkj_engine.contract import schema
from lkj_engine.reading.cells import ParseError, display_text, is_blank, parse_cell
from lkj_engine.contract.problems import Problem, error, errors, warning

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WEIGHT_TOLERANCE = Decimal("0.01")
FORMULA_HINT = "buka dan simpan berkas di Excel/LibreOffice agar nilai rumusnya tersimpan"
IMAGE_FIELDS = {"logo", "struktur_organisasi", "peta_wilayah"}
# Data-sheet columns whose numbers are labels, printed as typed (2024, not 2.024).
PLAIN_HEADERS = {"tahun", "no", "no.", "nomor", "kode", "nip"}

# Rows that must be unique within a sheet (sheet -> key fields).
UNIQUE: dict[str, tuple[str, ...]] = {
    "IKK": ("kode",),
    "Riwayat IKK": ("kode", "tahun"),
    "Komponen": ("kode_ikk", "kode"),
    "Layanan": ("kelompok", "jenis"),
    "Belanja": ("tahun", "jenis"),
    "Sumber Dana": ("tahun", "sumber"),
    "PNBP": ("tahun",),
    "NKA": ("tahun",),
    "Pegawai": ("dimensi", "kategori"),
    "Jajaran": ("nama_satker",),
}
# Columns that name an IKK of the IKK sheet (sheet, field).
REFERENCES: tuple[tuple[str, str], ...] = (
    ("Riwayat IKK", "kode"),
    ("Komponen", "kode_ikk"),
    ("Risiko", "kode_ikk"),
    ("Analisis IKK", "kode_ikk"),
)


@dataclass
class LoadResult:
    """The typed workbook (None when any error was found) and every problem found."""

    workbook: model.Workbook | None
    problems: list[Problem]

    @property
    def valid(self) -> bool:
        return self.workbook is not None and not errors(self.problems)


@dataclass
class SheetFrame:
    """One sheet's non-empty rows: values and number formats, indexed by Excel row, columns = letters."""

    title: str
    values: pd.DataFrame
    formats: pd.DataFrame
    unsaved: set[str]  # cells holding a formula without a saved value (already reported)

    @property
    def header_row(self) -> int | None:
        return int(self.values.index[0]) if len(self.values) else None

    def data_rows(self) -> list[int]:
        return [int(r) for r in self.values.index[1:]]

    def get(self, row: int, letter: str) -> tuple[object, str | None]:
        return self.values.at[row, letter], self.formats.at[row, letter]


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


def _key(value: object) -> object:
    """Comparison key: text ignoring case and spaces; other values as they are."""
    return " ".join(value.split()).casefold() if isinstance(value, str) else value


# ----------------------------------------------------------------------------------------- file --

def _open(path: Path, problems: list[Problem]):
    """Both openpyxl views of the file, or None with the reason in `problems`."""
    name = path.name
    if not path.exists():
        problems.append(error(None, None, f'berkas "{name}" tidak ditemukan'))
        return None
    if path.is_dir():
        problems.append(error(None, None, f'"{name}" adalah folder, bukan berkas Excel .xlsx'))
        return None
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        problems.append(error(None, None, f'berkas "{name}" tidak dapat dibuka ({exc.strerror or exc})'))
        return None
    if head == OLE_MAGIC:
        problems.append(error(None, None, _ole_message(path)))
        return None
    if not zipfile.is_zipfile(path):
        problems.append(error(None, None, f'"{name}" bukan berkas Excel .xlsx (isinya bukan workbook); '
                                          "simpan ulang dari Excel/LibreOffice sebagai .xlsx"))
        return None
    try:
        with py_warnings.catch_warnings():
            py_warnings.simplefilter("ignore")
            values = openpyxl.load_workbook(path, data_only=True)
            formulas = openpyxl.load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl/zipfile raise many kinds for damaged or foreign zips
        hint = ""
        try:
            with zipfile.ZipFile(path) as zf:
                if "mimetype" in zf.namelist() and b"opendocument" in zf.read("mimetype"):
                    hint = " (ini berkas LibreOffice .ods: simpan sebagai Excel 2007-365 .xlsx)"
        except Exception:  # noqa: BLE001 - only for a nicer hint
            pass
        problems.append(error(None, None, f'"{name}" bukan berkas Excel .xlsx yang dapat dibaca{hint}; '
                                          f"simpan ulang dari Excel/LibreOffice sebagai .xlsx "
                                          f"[{type(exc).__name__}]"))
        return None
    return values, formulas


def _ole_message(path: Path) -> str:
    """An OLE file is either a password-protected .xlsx or an old binary .xls."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            encrypted = ole.exists("EncryptionInfo")
    except Exception:  # noqa: BLE001 - a damaged OLE file is still "not a .xlsx"
        encrypted = False
    if encrypted:
        return (f'"{path.name}" dilindungi kata sandi; buka di Excel, hapus kata sandinya '
                "(File > Info > Protect Workbook > Encrypt with Password, kosongkan) lalu simpan dan coba lagi")
    return (f'"{path.name}" berformat Excel lama (.xls); buka di Excel/LibreOffice lalu simpan sebagai '
            "Excel Workbook (.xlsx)")


def _frame(ws_values, ws_formulas, sheet_label: str, problems: list[Problem]) -> SheetFrame:
    """A sheet's cells in pandas; formula cells without a saved value are reported here, once."""
    formula_cells = {
        (c.row, c.column) for cells in ws_formulas.iter_rows() for c in cells if c.data_type == "f"
    }
    width = max(ws_values.max_column or 0, max((col for _, col in formula_cells), default=0))
    letters = [get_column_letter(i) for i in range(1, width + 1)]
    values: list[list[object]] = []
    formats: list[list[str | None]] = []
    rows: list[int] = []
    unsaved: set[str] = set()
    for r, cells in enumerate(ws_values.iter_rows(min_row=1, max_col=width), start=1):
        row_values = [None if is_blank(c.value) else c.value for c in cells]
        for i, v in enumerate(row_values):
            # A formula whose saved result is "" is stored as an empty string cell (t="str"): not missing.
            if v is None and (r, i + 1) in formula_cells and cells[i].data_type != "str":
                ref = f"{letters[i]}{r}"
                unsaved.add(ref)
                problems.append(error(sheet_label, ref,
                                      f"sel berisi rumus tetapi nilainya belum tersimpan; {FORMULA_HINT}"))
        if all(v is None for v in row_values) and not any(f"{letters[i]}{r}" in unsaved for i in range(width)):
            continue
        rows.append(r)
        values.append(row_values)
        formats.append([c.number_format for c in cells])
    vframe = pd.DataFrame(values, index=rows, columns=letters, dtype=object)
    fframe = pd.DataFrame(formats, index=rows, columns=letters, dtype=object)
    return SheetFrame(ws_values.title, vframe, fframe, unsaved)


# --------------------------------------------------------------------------------------- tables --

def _header_letters(frame: SheetFrame) -> dict[str, str]:
    """Normalized header text -> column letter (first occurrence wins)."""
    found: dict[str, str] = {}
    row = frame.header_row
    for letter in frame.values.columns:
        text = frame.values.at[row, letter]
        if text is not None:
            found.setdefault(schema.normalize_header(text), letter)
    return found


def _columns(frame: SheetFrame, spec: schema.Sheet, problems: list[Problem],
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
                                  "salin judul kolom dari templat"))
        elif not col.kanwil_only:
            problems.append(warning(spec.name, f"{header_row}:{header_row}",
                                    f'kolom "{col.header}" tidak ada di baris judul (baris {header_row}); '
                                    "isinya dianggap kosong"))
    return letters if ok else None


def _required_hint(kind: str) -> str:
    if kind in ("angka", "bulat", "rupiah", "persen"):
        return " (tulis 0 bila memang nol; hapus barisnya bila tidak dipakai)"
    return " (atau hapus barisnya bila tidak dipakai)"


def _parse_rows(frame: SheetFrame, spec: schema.Sheet, letters: dict[str, str],
                problems: list[Problem]) -> list[Row]:
    """Every data row, each cell parsed by its declared kind (fields in error listed in `Row.bad`)."""
    rows: list[Row] = []
    for r in frame.data_rows():
        raw = {col.field: frame.get(r, letters[col.field]) for col in spec.columns if col.field in letters}
        if all(v is None for v, _ in raw.values()) and not any(f"{letters[f]}{r}" in frame.unsaved for f in raw):
            continue  # only the clerk's own extra columns are filled: not a data row
        row = Row({}, r)
        for col in spec.columns:
            if col.field not in raw:
                continue
            ref = f"{letters[col.field]}{r}"
            if ref in frame.unsaved:
                row.bad.add(col.field)
                continue
            value, number_format = raw[col.field]
            try:
                row.values[col.field] = parse_cell(value, col.kind, col.choices, number_format)
            except ParseError as exc:
                problems.append(error(spec.name, ref, f"{exc} (kolom {col.header})"))
                row.bad.add(col.field)
                continue
            if row.values[col.field] is None and col.required:
                problems.append(error(spec.name, ref, f"{col.header} wajib diisi{_required_hint(col.kind)}"))
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
            value = _image_path(value, base, sheet, f"{letters[name]}{row}", problems)
        elif int in args and isinstance(value, str):
            value = int(value)
        out[name] = value
    return out


def _image_path(text: str, base: Path, sheet: str, cell: str | None, problems: list[Problem]) -> Path:
    """An image named beside the workbook; a missing file is a warning (the report leaves it out)."""
    if os.sep == "/":
        text = text.replace("\\", "/")
    path = Path(text)
    if not path.is_absolute():
        path = base / path
    if not path.is_file():
        problems.append(warning(sheet, cell, f'berkas gambar "{text}" tidak ditemukan di folder workbook '
                                             f"({base}); gambar tidak akan dicetak"))
    return path


def _build(cls: type, rows: list[Row], base: Path, sheet: str, letters: dict[str, str],
           problems: list[Problem]) -> list:
    field_names = {f.name for f in dc_fields(cls)}
    built = []
    for row in rows:
        kwargs = _coerce(cls, {k: v for k, v in row.values.items() if k in field_names}, base, sheet,
                         letters, row.row, problems)
        built.append(cls(**kwargs, row=row.row))
    return built


# ------------------------------------------------------------------------------------ identitas --

def _identitas(frame: SheetFrame, base: Path, problems: list[Problem]
               ) -> tuple[model.Identitas | None, dict[str, str], dict[str, str]]:
    spec = schema.IDENTITAS
    name = spec.name
    if frame.header_row is None:
        problems.append(error(name, None, "sheet Identitas kosong; salin sheet Identitas dari templat dan isi kolom Nilai"))
        return None, {}, {}
    letters = _columns(frame, spec, problems, needed={"isian", "nilai"})
    if letters is None:
        return None, {}, {}
    by_label = {schema.normalize_header(f.label): f for f in spec.fields}
    found: dict[str, int] = {}
    for r in frame.data_rows():
        label = frame.values.at[r, letters["isian"]]
        item = by_label.get(schema.normalize_header(label)) if label is not None else None
        if item is None:
            continue
        if item.field in found:
            problems.append(warning(name, f"{letters['isian']}{r}",
                                    f'isian "{item.label}" muncul lagi; yang dipakai baris {found[item.field]}'))
            continue
        found[item.field] = r
    values: dict[str, object] = {}
    cells = {f: f"{letters['nilai']}{r}" for f, r in found.items()}
    ok = True
    for item in spec.fields:
        r = found.get(item.field)
        if r is None:
            if item.required:
                ok = False
                problems.append(error(name, None, f'isian "{item.label}" tidak ada di kolom Isian; '
                                                  "salin barisnya dari templat lalu isi Nilai"))
            continue
        ref = f"{letters['nilai']}{r}"
        if ref in frame.unsaved:
            ok = False
            continue
        value, number_format = frame.get(r, letters["nilai"])
        try:
            parsed = parse_cell(value, item.kind, item.choices, number_format)
        except ParseError as exc:
            ok = False
            problems.append(error(name, ref, f"{exc} (isian {item.label})"))
            continue
        if parsed is None:
            if item.required:
                ok = False
                problems.append(error(name, ref, f"{item.label} wajib diisi"))
            continue
        if item.field in IMAGE_FIELDS:
            parsed = _image_path(str(parsed), base, name, ref, problems)
        values[item.field] = parsed
    if not ok:
        return None, letters, cells
    return model.Identitas(**values), letters, cells


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
    rows = [
        [display_text(vals.at[r, c], fmts.at[r, c], plain_numbers=p) for c, p in zip(used, plain)]
        for r in frame.data_rows()
    ]
    title = frame.title.strip()[len(schema.DATA_PREFIX):].strip()
    return model.DataTable(sheet=frame.title, title=title, headers=headers, rows=rows)


def _is_data_sheet(title: str) -> bool:
    norm = schema.normalize_header(title)
    prefix = schema.normalize_header(schema.DATA_PREFIX) + " "
    return norm.startswith(prefix) and len(norm) > len(prefix)


# -------------------------------------------------------------------------------- cross checks --

def _check_unique(sheet: str, rows: list[Row], letters: dict[str, str], problems: list[Problem]) -> None:
    keys = UNIQUE.get(sheet)
    if not keys:
        return
    seen: dict[tuple, int] = {}
    for row in rows:
        if not row.known(*keys):
            continue
        key = tuple(_key(row.values[k]) for k in keys)
        if key in seen:
            spec = schema.sheet(sheet)
            shown = ", ".join(f"{spec.column(k).header} {_show(row.values[k])}" for k in keys)
            problems.append(error(sheet, f"{letters[keys[-1]]}{row.row}",
                                  f"baris ganda: {shown} sudah ada di baris {seen[key]}"))
            row.bad.add(keys[-1])
            continue
        seen[key] = row.row


def _show(value: object) -> str:
    return f'"{value}"' if isinstance(value, str) else str(value)


def _check_ikk(parsed: dict[str, list[Row]], letters: dict[str, dict[str, str]], report_year: int | None,
               problems: list[Problem]) -> None:
    """References to IKK codes, the Komponen tree, and per-IKK rules."""
    ikk_rows = parsed["IKK"]
    codes = {_key(r.values["kode"]): r.values["kode"] for r in ikk_rows if r.values.get("kode") is not None}
    for sheet, name in REFERENCES:
        for row in parsed.get(sheet, []):
            if not row.known(name):
                continue
            code = row.values[name]
            if _key(code) not in codes:
                problems.append(error(sheet, f"{letters[sheet][name]}{row.row}",
                                      f'Kode IKK "{code}" tidak ada di sheet IKK'))
                row.bad.add(name)
            else:
                row.values[name] = codes[_key(code)]  # the IKK sheet's spelling
    if "Komponen" in parsed:
        _check_komponen(parsed["Komponen"], letters["Komponen"], problems)
    with_components = {r.values.get("kode_ikk") for r in parsed.get("Komponen", [])}
    ikk_letters = letters["IKK"]
    realisasi_col = ikk_letters.get("realisasi", ikk_letters["kode"])
    sasaran_names: dict[int, tuple[str, int]] = {}
    for row in ikk_rows:
        v = row.values
        if not row.known("kode"):
            continue
        if row.known("target") and v["target"] == 0:
            problems.append(warning("IKK", f"{ikk_letters['target']}{row.row}",
                                    f'Target {v["kode"]} bernilai 0: capaian tidak dapat dihitung'))
        has_tree = v["kode"] in with_components
        if "realisasi" not in row.bad:
            if v.get("realisasi") is None and not has_tree:
                problems.append(error("IKK", f"{realisasi_col}{row.row}",
                                      f'Realisasi {v["kode"]} kosong dan IKK ini tidak punya baris di sheet Komponen; '
                                      "isi Realisasi atau susun komponennya"))
            elif v.get("realisasi") is not None and has_tree:
                problems.append(warning("IKK", f"{realisasi_col}{row.row}",
                                        f'Realisasi {v["kode"]} diketik padahal IKK ini punya Komponen; yang dipakai '
                                        "nilai yang diketik (kosongkan agar dihitung dari Komponen)"))
        if row.known("sasaran_no", "sasaran"):
            no, name = v["sasaran_no"], v["sasaran"]
            if no in sasaran_names and _key(sasaran_names[no][0]) != _key(name):
                problems.append(warning("IKK", f"{ikk_letters['sasaran']}{row.row}",
                                        f"Sasaran Kegiatan nomor {no} ditulis berbeda dengan baris "
                                        f"{sasaran_names[no][1]}; yang dipakai tulisan pertama"))
            sasaran_names.setdefault(no, (name, row.row))
    if report_year is not None:
        for row in parsed.get("Riwayat IKK", []):
            if row.known("tahun") and row.values["tahun"] >= report_year:
                problems.append(warning("Riwayat IKK", f"{letters['Riwayat IKK']['tahun']}{row.row}",
                                        f'Tahun {row.values["tahun"]} bukan tahun sebelum tahun laporan '
                                        f"({report_year}); baris ini tidak dipakai sebagai pembanding"))
    if all(r.known("sasaran_no") for r in ikk_rows):
        for row in parsed.get("Anggaran", []):
            no = row.values.get("sasaran_no")
            if row.known("sasaran_no") and no not in sasaran_names:
                problems.append(warning("Anggaran", f"{letters['Anggaran']['sasaran_no']}{row.row}",
                                        f"No Sasaran {no} tidak ada di sheet IKK"))


def _check_komponen(rows: list[Row], letters: dict[str, str], problems: list[Problem]) -> None:
    """Parents exist in the same IKK, no cycles, sibling weights add up to 100."""
    by_ikk: dict[str, dict[object, Row]] = {}
    for row in rows:
        if row.known("kode_ikk", "kode"):
            by_ikk.setdefault(row.values["kode_ikk"], {}).setdefault(_key(row.values["kode"]), row)
    for row in rows:
        v = row.values
        if not row.known("kode_ikk", "induk"):
            continue
        parent, nodes = v["induk"], by_ikk.get(v["kode_ikk"])
        if nodes is None:
            continue  # no row of this IKK has a usable Kode: those errors are reported already
        if _key(parent) not in nodes:
            problems.append(error("Komponen", f"{letters['induk']}{row.row}",
                                  f'Induk "{parent}" tidak ada di antara komponen {v["kode_ikk"]}'))
            row.bad.add("induk")
            continue
        v["induk"] = nodes[_key(parent)].values["kode"]
        if _in_cycle(row, nodes):
            problems.append(error("Komponen", f"{letters['induk']}{row.row}",
                                  f'Induk "{parent}" membuat susunan komponen {v["kode_ikk"]} berputar '
                                  "(komponen menjadi induk bagi dirinya sendiri)"))
            row.bad.add("induk")
    groups: dict[tuple[str, str | None], list[Row]] = {}
    incomplete: set[tuple[str, str | None]] = set()
    for row in rows:
        if not row.known("kode_ikk") or "induk" in row.bad:
            continue  # its group is unknown; the error is already reported
        group = (row.values["kode_ikk"], row.values.get("induk"))
        groups.setdefault(group, []).append(row)
        if not row.known("bobot"):
            incomplete.add(group)
    for (kode_ikk, parent), siblings in groups.items():
        if (kode_ikk, parent) in incomplete:
            continue
        total = sum((s.values["bobot"] for s in siblings), Decimal(0))
        if abs(total - 100) > WEIGHT_TOLERANCE:
            cells = ", ".join(f"{letters['bobot']}{s.row}" for s in siblings)
            whose = f"anak {parent}" if parent else "tingkat atas"
            problems.append(error("Komponen", f"{letters['bobot']}{siblings[0].row}",
                                  f"bobot komponen {whose} pada {kode_ikk} berjumlah {formatting.number(total)}, "
                                  f"seharusnya 100 (sel {cells})"))


def _in_cycle(row: Row, nodes: dict[object, Row]) -> bool:
    seen = {_key(row.values["kode"])}
    current: Row | None = row
    while current is not None and (parent := current.values.get("induk")) is not None:
        key = _key(parent)
        if key in seen:
            return True
        seen.add(key)
        current = nodes.get(key)
    return False


# ---------------------------------------------------------------------------------------- main --

def load_workbook(path: str | Path) -> LoadResult:
    """Read, parse and validate a workbook. Never raises for bad input: problems are returned."""
    path = Path(path)
    problems: list[Problem] = []
    try:
        workbook = _load(path, problems)
    except Exception as exc:  # noqa: BLE001 - last resort: a clerk must never see a traceback
        problems.append(error(None, None, f'"{path.name}" tidak dapat dibaca ({type(exc).__name__}: {exc}); '
                                          "simpan ulang dari Excel/LibreOffice sebagai .xlsx"))
        workbook = None
    if errors(problems):
        workbook = None
    return LoadResult(workbook, problems)


def _load(path: Path, problems: list[Problem]) -> model.Workbook | None:
    opened = _open(path, problems)
    if opened is None:
        return None
    wb_values, wb_formulas = opened
    base = path.resolve().parent
    by_name: dict[str, str] = {}
    for title in wb_values.sheetnames:
        by_name.setdefault(schema.normalize_header(title), title)

    frames: dict[str, SheetFrame] = {}
    for spec in schema.SHEETS:
        title = by_name.get(schema.normalize_header(spec.name))
        if title is None:
            if spec.required:
                problems.append(error(spec.name, None, f'sheet "{spec.name}" tidak ditemukan; sheet ini wajib ada '
                                                       "(salin dari templat)"))
            continue
        frames[spec.name] = _frame(wb_values[title], wb_formulas[title], spec.name, problems)

    data_tables = []
    for title in wb_values.sheetnames:
        if _is_data_sheet(title):
            frame = _frame(wb_values[title], wb_formulas[title], title, problems)
            table = _data_table(frame)
            if table is not None:
                data_tables.append(table)

    columns: dict[str, dict[str, str]] = {}
    empty: list[str] = []
    identitas = None
    identitas_cells: dict[str, str] = {}
    if "Identitas" in frames:
        identitas, id_letters, identitas_cells = _identitas(frames["Identitas"], base, problems)
        columns["Identitas"] = id_letters

    parsed: dict[str, list[Row]] = {}
    for spec in schema.SHEETS:
        if spec.is_fields or spec.name not in frames:
            continue
        frame = frames[spec.name]
        if frame.header_row is None:
            empty.append(spec.name)
            if spec.required:
                problems.append(error(spec.name, None, f"sheet {spec.name} kosong; isi baris judul dan datanya"))
            continue
        letters = _columns(frame, spec, problems)
        if letters is None:
            continue
        columns[spec.name] = letters
        rows = _parse_rows(frame, spec, letters, problems)
        if not rows:
            empty.append(spec.name)
            if spec.required:
                problems.append(error(spec.name, None, f"sheet {spec.name} belum berisi data"))
        _check_unique(spec.name, rows, letters, problems)
        parsed[spec.name] = rows

    if "IKK" in parsed:
        _check_ikk(parsed, columns, identitas.tahun if identitas else None, problems)

    if identitas is None or errors(problems):
        return None
    lists: dict[str, list] = {}
    for name, rows in parsed.items():
        table = model.ROW_TABLES[name]
        lists[table.attribute] = _build(table.row_class, rows, base, name, columns[name], problems)
    return model.Workbook(source=path, identitas=identitas, data_tables=data_tables, columns=columns,
                          identitas_cells=identitas_cells, empty_sheets=empty, **lists)
