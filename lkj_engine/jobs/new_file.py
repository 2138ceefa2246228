"""Write a new workbook file the safe way: never over an existing file, never half-written.

`templat` and `tahun-baru` both write a workbook a clerk will fill for a year. An existing file of that
name may be last year's filled workbook, so it is never replaced; the content goes to a hidden
temporary file in the same folder first and is renamed only when complete, so an interrupted run
leaves nothing behind. A folder that cannot be written (read-only, no permission, a full disk) is a
`NotWritten` naming the folder and what to do, as the report command says it (jobs.output).
"""
from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import Callable

from lkj_engine.jobs.output import is_write_failure, write_failure_kind


class NotWritten(Exception):
    """The target was refused or could not be written, and no file was left; the message is Indonesian,
    for the clerk."""


def check_target(target: Path) -> None:
    """Refuse a name that is not .xlsx, a file that exists, or a folder that does not."""
    if target.suffix.lower() != ".xlsx":
        raise NotWritten(f"{target.name}: nama berkas harus berakhiran .xlsx.")
    if target.exists():
        raise NotWritten(f"{target} sudah ada dan tidak ditimpa (mungkin workbook yang sudah diisi). "
                         "Pilih nama lain dengan -o.")
    if not target.parent.is_dir():
        raise NotWritten(f"folder {target.parent} tidak ditemukan.")


def write_new(target: Path, write: Callable[[Path], object]) -> Path:
    """Call `write(staged_path)`, then move the complete file to `target`, which must not exist."""
    check_target(target)
    staged = target.with_name(f".{target.stem}.{secrets.token_hex(4)}.tmp.xlsx")
    try:
        write(staged)
        if target.exists():  # created meanwhile (another run, the clerk): still never replaced
            raise NotWritten(f"{target} dibuat oleh proses lain selama penulisan dan tidak ditimpa.")
        os.replace(staged, target)
    except OSError as exc:
        raise NotWritten(failure_message(exc, target)) from exc
    finally:
        with contextlib.suppress(OSError):  # a folder that refused the file may refuse this too
            staged.unlink(missing_ok=True)
    return target


def failure_message(exc: OSError, target: Path) -> str:
    """What the clerk is told when `target` could not be written: which folder, why, and what to do
    (the cause classified as for a report, jobs.output)."""
    folder, name = target.parent, target.name
    kode = write_failure_kind(exc) if is_write_failure(exc) else None
    if kode == "disk-penuh":
        return (f"disk tempat folder {folder} penuh: {name} tidak dapat ditulis. Kosongkan ruang disk (hapus "
                "berkas yang tidak perlu) atau tulis ke disk lain dengan -o BERKAS, lalu jalankan lagi.")
    if kode == "nama-berkas-terlalu-panjang":
        return (f"nama {name} terlalu panjang untuk folder {folder}: pilih nama yang lebih pendek atau folder "
                "dengan alamat lebih pendek dengan -o BERKAS, lalu jalankan lagi.")
    if kode is not None:
        return (f"folder {folder} tidak dapat ditulisi (hanya-baca atau tanpa izin menulis): {name} tidak dibuat. "
                "Pilih berkas di folder lain dengan -o BERKAS, mis. di folder Dokumen Anda, lalu jalankan lagi.")
    return (f"{name} tidak dapat ditulis ke folder {folder} (folder sedang dipakai program lain, atau jaringan "
            "terputus?): tidak ada berkas yang dibuat. Coba lagi, atau pilih berkas di folder lain dengan "
            "-o BERKAS.")
