"""The Identitas sheet: label/value rows (Isian, Nilai) into `model.Identitas`.

Labels are matched ignoring case and spaces; a label given twice is a warning (the first row is
used); a required item missing or empty is an error; picture items are looked up beside the workbook.
"""
from __future__ import annotations

from pathlib import Path

from lkj_engine.contract import schema
from lkj_engine.contract.problems import Problem, error, warning
from lkj_engine.model import workbook as model
from lkj_engine.reading.cells import ParseError, parse_cell
from lkj_engine.reading.pictures import image_path
from lkj_engine.reading.sheet_stream import SheetFrame
from lkj_engine.reading.tables import columns_of

IMAGE_FIELDS = {"logo", "struktur_organisasi", "peta_wilayah"}
# The report's file name is LKjIP_<Nama Singkat>_<Tahun>.docx, staged under a longer temporary name;
# file systems allow 255 bytes per name, so the Nama Singkat is bounded well below that.
MAX_NAMA_SINGKAT_CHARS, MAX_NAMA_SINGKAT_BYTES = 100, 150
# The report year (Identitas Tahun). Narrower than any year cell's 1990-2100 (`cells.YEAR_MIN`): an
# LKjIP exists since 2015 (LAKIP before it), so a report year before 2000 is a typo (1925 for 2025),
# and it would pick a year profile, the signing-date checks and every "tahun laporan" row from it.
REPORT_YEAR_MIN, REPORT_YEAR_MAX = 2000, 2100


def _name_too_long(item, value: object, ref: str) -> Problem | None:
    """A Nama Singkat too long to be part of a file name (the clerk shortens it; periksa says so too)."""
    if item.field != "nama_singkat" or not isinstance(value, str):
        return None
    if len(value) <= MAX_NAMA_SINGKAT_CHARS and len(value.encode("utf-8")) <= MAX_NAMA_SINGKAT_BYTES:
        return None
    return error(schema.IDENTITAS.name, ref,
                 f"Nama Singkat terlalu panjang ({len(value)} karakter) untuk nama berkas laporan "
                 f"(LKjIP_<Nama Singkat>_<Tahun>.docx); paling banyak {MAX_NAMA_SINGKAT_CHARS} karakter, "
                 "mis. Kanim Batu Kerapu", kode="nama-singkat-terlalu-panjang")


def _year_out_of_range(item, value: object, ref: str) -> Problem | None:
    """A Tahun outside `REPORT_YEAR_MIN`-`REPORT_YEAR_MAX` is refused at its cell."""
    if item.field != "tahun" or not isinstance(value, int) or REPORT_YEAR_MIN <= value <= REPORT_YEAR_MAX:
        return None
    return error(schema.IDENTITAS.name, ref,
                 f"Tahun {value} bukan tahun laporan yang wajar ({REPORT_YEAR_MIN}-{REPORT_YEAR_MAX}); tulis tahun "
                 "yang dilaporkan, empat angka, mis. 2025", kode="tahun-di-luar-batas")


def read_identitas(frame: SheetFrame, base: Path, problems: list[Problem]
               ) -> tuple[model.Identitas | None, dict[str, str], dict[str, str]]:
    spec = schema.IDENTITAS
    name = spec.name
    if frame.header_row is None:
        problems.append(error(name, None, "sheet Identitas kosong; salin sheet Identitas dari templat dan isi kolom Nilai",
                              kode="sheet-kosong"))
        return None, {}, {}
    letters = columns_of(frame, spec, problems, needed={"isian", "nilai"})
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
                                    f'isian "{item.label}" muncul lagi; yang dipakai baris {found[item.field]}',
                                    kode="isian-ganda"))
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
                                                  "salin barisnya dari templat lalu isi Nilai", kode="isian-tidak-ada"))
            continue
        ref = f"{letters['nilai']}{r}"
        if ref in frame.reported:
            ok = False
            continue
        value, number_format = frame.get(r, letters["nilai"])
        try:
            parsed = parse_cell(value, item.kind, item.choices, number_format)
        except ParseError as exc:
            ok = False
            problems.append(error(name, ref, f"{exc} (isian {item.label})", kode=exc.kode))
            continue
        if parsed is None:
            if item.required:
                ok = False
                problems.append(error(name, ref, f"{item.label} wajib diisi", kode="wajib-diisi"))
            continue
        refused = _name_too_long(item, parsed, ref) or _year_out_of_range(item, parsed, ref)
        if refused is not None:
            ok = False
            problems.append(refused)
            continue
        if item.field in IMAGE_FIELDS:
            parsed = image_path(str(parsed), base, name, ref, problems)
        values[item.field] = parsed
    if not ok:
        return None, letters, cells
    return model.Identitas(**values), letters, cells

