"""Pictures the clerk names in the workbook (logo, org chart, map, Gambar sheet): found beside it.

A name is looked up in the workbook's folder; a missing file is a warning (the report leaves the
picture out).
"""
from __future__ import annotations

import os
from pathlib import Path

from lkj_engine.contract.problems import Problem, warning


def image_path(text: str, base: Path, sheet: str, cell: str | None, problems: list[Problem]) -> Path:
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

