"""Write a new workbook file the safe way: never over an existing file, never half-written.

`templat` and `tahun-baru` both write a workbook a clerk will fill for a year. An existing file of that
name may be last year's filled workbook, so it is never replaced; the content goes to a hidden
temporary file in the same folder first and is renamed only when complete, so an interrupted run
leaves nothing behind.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Callable


class NotWritten(Exception):
    """The target was refused before anything was written; the message is Indonesian, for the clerk."""


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
    finally:
        staged.unlink(missing_ok=True)
    return target
