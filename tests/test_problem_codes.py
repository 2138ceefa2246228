"""Problem codes (issue 8): every error and warning carries a specific `kode`, and docs/kode_masalah.md
lists exactly the codes the source uses (collected by scanning for ``kode="..."``, so a new one is found)."""
from __future__ import annotations

import ast
import re

import pytest

from conftest import ROOT
from lkj_engine.contract.problems import error, warning

PACKAGE = ROOT / "lkj_engine"
DOC = ROOT / "docs" / "kode_masalah.md"
CODE = re.compile(r'\bkode="([^"]*)"')
SHAPE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


PROBLEM_MAKERS = {"error", "warning", "Problem", "ParseError"}


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def source_codes() -> dict[str, list[str]]:
    """kode -> the files using it: every literal ``kode="..."`` given to a problem maker, in any module."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func) in PROBLEM_MAKERS:
                for keyword in node.keywords:
                    if keyword.arg == "kode" and isinstance(keyword.value, ast.Constant):
                        found.setdefault(keyword.value.value, []).append(str(path.relative_to(ROOT)))
    return found


def test_the_scan_finds_every_literal_code_the_text_holds():
    """The AST scan misses no ``kode="..."`` of a problem (the model's IKK codes aside)."""
    text_codes = {k for path in PACKAGE.rglob("*.py") for k in CODE.findall(path.read_text(encoding="utf-8"))}
    assert {k for k in text_codes if SHAPE.fullmatch(k)} == set(source_codes())


def documented_codes() -> list[str]:
    rows = [line for line in DOC.read_text(encoding="utf-8").splitlines() if line.startswith("| `")]
    return [re.match(r"\| `([^`]+)`", row).group(1) for row in rows]


def test_the_doc_lists_exactly_the_codes_the_source_uses():
    used, listed = set(source_codes()), documented_codes()
    assert len(listed) == len(set(listed)), "a code listed twice"
    assert sorted(used - set(listed)) == [], "add these rows to docs/kode_masalah.md"
    assert sorted(set(listed) - used) == [], "these rows name codes no code uses"


def test_every_code_is_lower_case_and_hyphenated():
    for kode in source_codes():
        assert SHAPE.fullmatch(kode), kode
    assert "umum" not in source_codes()


def test_every_row_says_level_sheet_meaning_and_what_to_do():
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("| `"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            assert len(cells) == 5 and all(cells), line
            assert cells[1] in ("galat", "peringatan"), line


def _problem_calls() -> list[tuple[str, int, ast.Call]]:
    calls = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("error", "warning"):
                calls.append((str(path.relative_to(ROOT)), node.lineno, node))
    return calls


def test_every_error_and_warning_call_passes_a_kode():
    calls = _problem_calls()
    assert len(calls) > 60
    missing = [f"{p}:{line}" for p, line, call in calls if not any(k.arg == "kode" for k in call.keywords)]
    assert missing == []


def test_kode_is_required():
    with pytest.raises(TypeError):
        error("IKK", "G2", "pesan")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        warning("IKK", "G2", "pesan")  # type: ignore[call-arg]
    assert error("IKK", "G2", "pesan", kode="bukan-angka").as_json()["kode"] == "bukan-angka"
