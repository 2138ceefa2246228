"""The example office's content as `write_template` takes it, and small workbooks written from it.

Shared by the tests that build a clerk's mistake from the example in the test (no binary fixtures).
"""
from __future__ import annotations

import copy
import importlib.util
import shutil
from pathlib import Path

from conftest import EXAMPLE, ROOT
from lkj_engine.render import blank_workbook as template_writer

IMAGES = ("contoh_logo.png", "contoh_struktur_organisasi.png", "contoh_piagam_wbk.png", "contoh_pk_2025.png",
          "contoh_pk_2026.png")


def example_content() -> dict:
    spec = importlib.util.spec_from_file_location("build_workbooks", ROOT / "input_templates" / "build_workbooks.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return build.example_content()


def write(folder: Path, content: dict, name: str = "kanim.xlsx") -> Path:
    """A workbook of `content` with the example's pictures beside it (fewer input rows: faster)."""
    folder.mkdir(parents=True, exist_ok=True)
    for image in IMAGES:
        shutil.copy(EXAMPLE.parent / image, folder / image)
    original = template_writer.INPUT_ROWS
    template_writer.INPUT_ROWS = 20
    try:
        return template_writer.write_template(folder / name, content)
    finally:
        template_writer.INPUT_ROWS = original


def edited(content: dict, **sheets) -> dict:
    result = copy.deepcopy(content)
    result.update(sheets)
    return result
