"""The library never prints: only lkj_engine/cli/ may import rich or call print()."""
from __future__ import annotations

import ast
from pathlib import Path

import lkj_engine

PACKAGE = Path(lkj_engine.__file__).parent


def _offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name.split(".")[0] == "rich"]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "rich":
            found.append(f"from {node.module} import")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            found.append(f"print( at line {node.lineno}")
    return found


def test_only_the_cli_prints() -> None:
    library = [p for p in PACKAGE.rglob("*.py") if "cli" not in p.relative_to(PACKAGE).parts]
    assert len(library) > 10
    offences = {str(p.relative_to(PACKAGE)): o for p in library if (o := _offences(p))}
    assert offences == {}


def test_the_check_sees_the_cli() -> None:
    """Guard against a walk that finds nothing: the CLI does use rich."""
    assert _offences(PACKAGE / "cli" / "summary.py")
