"""Which workbooks a command line means: files and folders in, an ordered de-duplicated list out.

A folder means every ``.xlsx`` directly in it (not its sub-folders), sorted by name so a Kanwil gets
the same order on every run. Excel's lock files (``~$name.xlsx``, present while a workbook is open)
and the blank template (``template_lkjip_*.xlsx``) are skipped there; a file named explicitly is
always taken, so the loader can say what is wrong with it.
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

BLANK_TEMPLATE_PATTERN = "template_lkjip_*.xlsx"
# spreadsheets a clerk may have meant as the workbook, named when a folder is expanded but not taken
# from it (a folder may hold other tools' .xlsm; one named on the command line is read like .xlsx)
OTHER_SPREADSHEETS = {".xls": "Excel lama", ".xlsm": "Excel bermakro", ".xlsb": "Excel biner",
                      ".ods": "LibreOffice", ".csv": "CSV"}


@dataclass
class Inputs:
    files: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # Indonesian lines, one per bad argument
    notes: list[str] = field(default_factory=list)  # skipped files worth mentioning


def _identity(path: Path) -> str:
    """The key two spellings of one file share (symlinks, `..`, case on Windows)."""
    return os.path.normcase(os.path.realpath(path))


def _is_skipped_in_folder(path: Path) -> bool:
    name = path.name.lower()
    return name.startswith("~$") or fnmatch.fnmatch(name, BLANK_TEMPLATE_PATTERN)


def folder_workbooks(folder: Path) -> tuple[list[Path], list[Path], list[Path]]:
    """(workbooks, skipped, other spreadsheets) directly inside `folder`, sorted by name."""
    taken, skipped, others = [], [], []
    entries = sorted(folder.iterdir(), key=lambda p: (p.name.lower(), p.name))
    for entry in entries:
        suffix = entry.suffix.lower()
        if not entry.is_file():
            continue
        if suffix == ".xlsx":
            (skipped if _is_skipped_in_folder(entry) else taken).append(entry)
        elif suffix in OTHER_SPREADSHEETS and not entry.name.startswith("~$"):
            others.append(entry)
    return taken, skipped, others


def expand_inputs(arguments: Iterable[str | Path]) -> Inputs:
    """Files as named and folders expanded, each file once, in the order first met."""
    result = Inputs()
    seen: set[str] = set()

    def take(path: Path) -> None:
        key = _identity(path)
        if key not in seen:
            seen.add(key)
            result.files.append(path)

    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            try:
                taken, skipped, others = folder_workbooks(path)
            except OSError as exc:
                result.errors.append(f"{argument}: folder tidak dapat dibaca ({exc.strerror or exc}).")
                continue
            if not taken:
                result.errors.append(f"{argument}: tidak ada berkas .xlsx di folder ini" + (
                    f" (yang ada: {', '.join(o.name for o in others)}; simpan sebagai Excel Workbook .xlsx)."
                    if others else "."))
            elif others:
                for entry in others:
                    fix = ("sebut berkasnya langsung (dibaca seperti .xlsx) atau simpan sebagai Excel Workbook "
                           "(.xlsx)" if entry.suffix.lower() == ".xlsm" else "simpan sebagai Excel Workbook (.xlsx)")
                    result.notes.append(f"{entry} dilewati: berkas {OTHER_SPREADSHEETS[entry.suffix.lower()]} "
                                        f"({entry.suffix}), bukan .xlsx. Bila ini workbook LKjIP, {fix}.")
            for entry in taken:
                take(entry)
            for entry in skipped:
                reason = ("berkas kunci Excel: sebuah workbook di folder ini sedang dibuka di Excel, dan yang "
                          "dibaca adalah versi tersimpan terakhirnya; simpan dan tutup workbook itu dulu bila ada "
                          "perubahan" if entry.name.startswith("~$")
                          else "templat kosong")
                result.notes.append(f"{entry} dilewati: {reason}.")
        elif path.is_file():
            take(path)
        elif path.exists():
            result.errors.append(f"{argument}: bukan berkas atau folder biasa.")
        else:
            result.errors.append(f"{argument}: berkas atau folder tidak ditemukan.")
    return result
