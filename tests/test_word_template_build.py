"""templates/build_template.py is the one source of the Word template: the committed .docx must be
its output, byte for byte, so a change to the layout is reviewed as code and cannot drift."""
from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

from lkj_engine.assets import WORD_TEMPLATE

SCRIPT = Path(__file__).resolve().parent.parent / "templates" / "build_template.py"


def _build_module():
    spec = importlib.util.spec_from_file_location("build_template", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_template_is_the_scripts_output(tmp_path: Path) -> None:
    built = _build_module().build(tmp_path / "lkjip_template.docx")
    assert built.read_bytes() == WORD_TEMPLATE.read_bytes(), (
        "templates/lkjip_template.docx is not the output of templates/build_template.py; "
        "rebuild it with: python templates/build_template.py")


def test_build_stamps_are_fixed(tmp_path: Path) -> None:
    """No build time leaks into the package (zip entry dates, core properties)."""
    built = _build_module().build(tmp_path / "t.docx")
    with zipfile.ZipFile(built) as z:
        assert {i.date_time for i in z.infolist()} == {(2025, 1, 1, 0, 0, 0)}
        assert z.namelist()[0] == "[Content_Types].xml"
        core = z.read("docProps/core.xml").decode("utf-8")
    assert "2025-01-01T00:00:00Z</dcterms:created>" in core
    assert "2025-01-01T00:00:00Z</dcterms:modified>" in core
    assert "<cp:revision>1</cp:revision>" in core
