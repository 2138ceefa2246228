"""Open the clerk's file once, safely: what it is, how large it would be unpacked, then openpyxl.

Why a size check before parsing: an ``.xlsx`` is a zip, and a few kilobytes on disk can claim (and
hold) gigabytes of XML: a whole column formatted, one huge string, or a deliberate zip bomb.
Python's `zipfile` never inflates a member past the size its header declares (and a member that
lies fails its CRC check), so checking the declared sizes first bounds what any later step reads.
The caps are far above what a clerk's workbook holds (the example unpacks to under 1 MB) and far
below what this machine can hold.

openpyxl is opened once, ``read_only`` (sheets are streamed by `sheet_stream`, never loaded whole)
and ``data_only`` (the values Excel saved; `sheet_stream` sees the formulas in the same pass).
"""
from __future__ import annotations

import warnings as py_warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from lkj_engine.contract.problems import Problem, error

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MB = 1024 * 1024
# Unpacked-size caps (bytes, as the zip declares them). Sheets are streamed, so theirs are the
# largest; shared strings and styles are read whole by openpyxl, so theirs are tighter.
MAX_TOTAL_XML = 400 * MB
MAX_SHEET_XML = 250 * MB
MAX_SHARED_STRINGS = 60 * MB
MAX_OTHER_XML = 15 * MB
SHEET_PREFIXES = ("xl/worksheets/sheet", "xl/worksheets/")
SAVE_AGAIN = "simpan ulang dari Excel/LibreOffice sebagai .xlsx"


@dataclass
class Opened:
    """The read-only openpyxl workbook; close it (`close`) when done, the zip stays open until then."""

    book: object

    def close(self) -> None:
        try:
            self.book.close()  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - closing a damaged archive must not hide the real answer
            pass


def _megabytes(size: int) -> str:
    return f"{size / MB:,.0f}".replace(",", ".") + " MB"


def check_sizes(path: Path) -> Problem | None:
    """The first unpacked-size cap the file's zip directory breaks, as a problem; None when all fit."""
    with zipfile.ZipFile(path) as zf:
        members = zf.infolist()
    total = 0
    for info in members:
        name = info.filename
        if not name.lower().endswith((".xml", ".rels", ".vml")):
            continue  # pictures and other binaries are never unpacked by the reader
        total += info.file_size
        is_sheet = name.startswith(SHEET_PREFIXES) and "/_rels/" not in name
        cap = (MAX_SHEET_XML if is_sheet else MAX_SHARED_STRINGS if name == "xl/sharedStrings.xml"
               else MAX_OTHER_XML)
        if info.file_size > cap:
            what = "isi satu sheet" if is_sheet else ("teks workbook" if "sharedStrings" in name else f"bagian {name}")
            return error(None, None,
                         f'"{path.name}" terlalu besar bila dibuka: {what} berukuran {_megabytes(info.file_size)} '
                         f"(batas {_megabytes(cap)}). Biasanya karena seluruh kolom/baris diformat atau ada "
                         "teks yang sangat panjang: hapus baris dan kolom kosong di bawah/kanan data "
                         "(pilih, klik kanan > Delete), lalu simpan ulang",
                         kode="berkas-terlalu-besar")
    if total > MAX_TOTAL_XML:
        return error(None, None,
                     f'"{path.name}" terlalu besar bila dibuka: {_megabytes(total)} (batas '
                     f"{_megabytes(MAX_TOTAL_XML)}). Hapus baris dan kolom kosong yang diformat di bawah/kanan "
                     "data dan sheet yang tidak dipakai, lalu simpan ulang",
                     kode="berkas-terlalu-besar")
    return None


def open_workbook(path: Path, problems: list[Problem]) -> Opened | None:
    """The file as a read-only openpyxl workbook, or None with the reason in `problems`."""
    name = path.name
    if not path.exists():
        problems.append(error(None, None, f'berkas "{name}" tidak ditemukan', kode="berkas-tidak-ditemukan"))
        return None
    if path.is_dir():
        problems.append(error(None, None, f'"{name}" adalah folder, bukan berkas Excel .xlsx',
                              kode="bukan-berkas"))
        return None
    if name.startswith("~$"):  # what Excel keeps beside a workbook while it is open: no data inside
        problems.append(error(None, None, f'"{name}" adalah berkas kunci Excel (ada selama workbook dibuka), bukan '
                                          f'workbook; pilih "{name[2:]}", sebaiknya setelah workbook itu disimpan '
                                          "dan ditutup", kode="berkas-kunci-excel"))
        return None
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        problems.append(error(None, None, f'berkas "{name}" tidak dapat dibuka ({exc.strerror or exc})',
                              kode="berkas-tidak-dapat-dibuka"))
        return None
    if head == OLE_MAGIC:
        if _is_encrypted(path):
            problems.append(error(None, None, _ole_message(path, True), kode="berkas-dilindungi-sandi"))
        else:
            problems.append(error(None, None, _ole_message(path, False), kode="berkas-xls-lama"))
        return None
    if not zipfile.is_zipfile(path):
        problems.append(error(None, None, f'"{name}" bukan berkas Excel .xlsx (isinya bukan workbook); {SAVE_AGAIN}',
                              kode="bukan-xlsx"))
        return None
    try:
        too_large = check_sizes(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        too_large = None  # openpyxl below says "not readable" with the same words
    if too_large is not None:
        problems.append(too_large)
        return None
    try:
        with py_warnings.catch_warnings():
            py_warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl/zipfile raise many kinds for damaged or foreign zips
        problems.append(error(None, None, f'"{name}" bukan berkas Excel .xlsx yang dapat dibaca{_ods_hint(path)}; '
                                          f"{SAVE_AGAIN} [{type(exc).__name__}]", kode="xlsx-rusak"))
        return None
    return Opened(book)


def _ods_hint(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            if "mimetype" in zf.namelist() and b"opendocument" in zf.read("mimetype")[:200]:
                return " (ini berkas LibreOffice .ods: simpan sebagai Excel 2007-365 .xlsx)"
    except Exception:  # noqa: BLE001 - only for a nicer hint
        pass
    return ""


def _is_encrypted(path: Path) -> bool:
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            return bool(ole.exists("EncryptionInfo"))
    except Exception:  # noqa: BLE001 - a damaged OLE file is still "not a .xlsx"
        return False


def _ole_message(path: Path, encrypted: bool) -> str:
    """An OLE file is either a password-protected .xlsx or an old binary .xls."""
    if encrypted:
        return (f'"{path.name}" dilindungi kata sandi; buka di Excel, hapus kata sandinya '
                "(File > Info > Protect Workbook > Encrypt with Password, kosongkan) lalu simpan dan coba lagi")
    return (f'"{path.name}" berformat Excel lama (.xls); buka di Excel/LibreOffice lalu simpan sebagai '
            "Excel Workbook (.xlsx)")
