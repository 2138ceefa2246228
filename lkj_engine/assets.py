"""Where the project's files live: the Word template, the year profiles, the example workbooks.

They sit beside the package in the project folder (`templates/`, `input_templates/`), the layout the
clerks copy and the design card names; `pip install -e .` keeps them there. Every stage asks here,
so no module guesses a path of its own.
"""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
TEMPLATES = ROOT / "templates"
WORD_TEMPLATE = TEMPLATES / "lkjip_template.docx"
INPUT_TEMPLATES = ROOT / "input_templates"
