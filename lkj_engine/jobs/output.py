"""The output folder as the clerk's PC has it: missing, read-only, full, or with a path too long.

Each becomes a problem naming the folder and what to do, in Indonesian, never an English `OSError`
or a traceback. `prepare_folder` finds most of them before the (expensive) render, by creating the
folder and a probe file as long-named as the staged report; `write_failure` turns an error met
while writing (the disk filling up halfway) into the same kind of message.
"""
from __future__ import annotations

import errno
import os
import secrets
import shutil
from pathlib import Path

from lkj_engine.contract.problems import Problem, error, warning

MIN_FREE = 5 * 1024 * 1024  # bytes: less than this cannot hold a report with its pictures
FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
NAME_TOO_LONG = {errno.ENAMETOOLONG}
_WINDOWS_FULL, _WINDOWS_PATH = {112, 39}, {206}  # ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL; FILENAME_EXCED_RANGE


def is_write_failure(exc: OSError) -> bool:
    """Whether an `OSError` is about the output folder (the clerk's to fix), not a bug."""
    winerror = getattr(exc, "winerror", None)
    return (exc.errno in FULL | READ_ONLY | NAME_TOO_LONG or winerror in _WINDOWS_FULL | _WINDOWS_PATH
            or isinstance(exc, PermissionError))


def write_failure_kind(exc: OSError) -> str:
    """Why writing failed, as the problem code `write_failure` gives it: a full disk, a name too long
    for the folder, or a folder that cannot be written (every other write failure)."""
    winerror = getattr(exc, "winerror", None)
    if exc.errno in FULL or winerror in _WINDOWS_FULL:
        return "disk-penuh"
    if exc.errno in NAME_TOO_LONG or winerror in _WINDOWS_PATH:
        return "nama-berkas-terlalu-panjang"
    return "folder-hasil-tidak-dapat-ditulis"


def write_failure(exc: OSError, folder: Path, name: str) -> Problem:
    """The message for an `OSError` met writing `name` into `folder`."""
    kind = write_failure_kind(exc)
    if kind == "disk-penuh":
        return _full(folder, name)
    if kind == "nama-berkas-terlalu-panjang":
        return error(None, None, f"nama laporan {name} terlalu panjang untuk folder {folder}: pendekkan Nama Singkat "
                                 "di sheet Identitas atau pilih folder dengan alamat lebih pendek (-o FOLDER)",
                     kode="nama-berkas-terlalu-panjang")
    return error(None, None, f"folder {folder} tidak dapat ditulisi (hanya-baca atau tanpa izin menulis); pilih "
                             "folder lain dengan -o FOLDER, mis. folder Dokumen Anda, lalu jalankan lagi",
                 kode="folder-hasil-tidak-dapat-ditulis")


def _full(folder: Path, name: str) -> Problem:
    return error(None, None, f"disk tempat folder {folder} penuh: laporan {name} tidak dapat ditulis. Kosongkan "
                             "ruang disk (hapus berkas yang tidak perlu) atau pilih folder di disk lain dengan "
                             "-o FOLDER, lalu jalankan lagi", kode="disk-penuh")


def prepare_folder(folder: Path, name: str) -> Problem | None:
    """Create `folder` and prove a report named `name` can be staged there; the problem when not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        return error(None, None, f"{folder} adalah berkas, bukan folder; pilih folder hasil lain dengan -o FOLDER",
                     kode="folder-hasil-bukan-folder")
    except OSError as exc:
        if is_write_failure(exc):
            return write_failure(exc, folder, name)
        return error(None, None, f"folder hasil {folder} tidak dapat dibuat ({exc.strerror or exc}); pilih "
                                 "folder lain dengan -o FOLDER", kode="folder-hasil-tidak-dapat-dibuat")
    # as long as the longest staged name (".<stem>.<run id, pid, token>.tmp.rekap.xlsx")
    probe = folder / f".{Path(name).stem}.{secrets.token_hex(12)}.tmp.rekap.xlsx"
    try:
        with probe.open("wb"):
            pass
    except OSError as exc:
        if not is_write_failure(exc):
            raise
        return write_failure(exc, folder, name)
    finally:
        try:
            probe.unlink(missing_ok=True)
        except OSError:
            pass
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return None
    return _full(folder, name) if free < MIN_FREE else None


_FULL_TEXTS = (os.strerror(errno.ENOSPC), "No space left on device", "not enough space on the disk")


def _disk_full(exc: BaseException, folder: Path) -> bool:
    """A full disk said by an `OSError`, by LibreOffice's own message, or by the folder's free space."""
    if isinstance(exc, OSError) and (exc.errno in FULL or getattr(exc, "winerror", None) in _WINDOWS_FULL):
        return True
    if any(text.lower() in str(exc).lower() for text in _FULL_TEXTS):
        return True
    try:
        return shutil.disk_usage(folder).free < MIN_FREE
    except OSError:
        return False


def pdf_failure(exc: BaseException, folder: Path, name: str) -> Problem:
    """The warning for a PDF that was not made (the .docx is kept): `exc` from jobs.pdf or an `OSError`."""
    from lkj_engine.jobs.pdf import INSTALL_MESSAGE, ConverterDied, PdfTimeout

    if str(exc) == INSTALL_MESSAGE:
        return warning(None, None, INSTALL_MESSAGE, kode="pdf-gagal")
    where = Path(exc.filename).parent if isinstance(exc, OSError) and exc.filename else folder
    if _disk_full(exc, where):
        return warning(None, None, f"disk tempat folder {where} penuh: PDF {name} tidak dibuat (berkas .docx tetap "
                                   "ditulis). Kosongkan ruang disk atau pilih folder di disk lain dengan -o FOLDER, "
                                   "lalu jalankan lagi dengan --pdf", kode="pdf-disk-penuh")
    if isinstance(exc, PdfTimeout):
        return warning(None, None, str(exc), kode="pdf-batas-waktu")
    if isinstance(exc, ConverterDied):
        return warning(None, None, str(exc), kode="pdf-libreoffice-berhenti")
    if isinstance(exc, OSError):
        return warning(None, None, f"PDF {name} tidak dibuat: folder {where} tidak dapat ditulisi "
                                   f"({exc.strerror or type(exc).__name__}); berkas .docx tetap ditulis",
                       kode="pdf-gagal")
    return warning(None, None, str(exc), kode="pdf-gagal")
