"""Shared fixtures: paths of the committed workbooks."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "input_templates" / "contoh_kanim_2025.xlsx"
BLANK = ROOT / "input_templates" / "template_lkjip_2025.xlsx"


def soffice() -> str | None:
    """The LibreOffice binary, if installed (CI installs it)."""
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE
