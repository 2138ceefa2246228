"""The package's stages import one way, top to bottom (issue 8): a lower stage never imports a higher one.

Read from the source with `ast`, so a lazy import inside a function counts too.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lkj_engine"

# Rank of each stage; a module may import its own stage and any stage of a lower rank. Stages of the
# same rank are siblings and may not import each other (reading and compute both build on model).
RANK = {
    "assets": 0,
    "contract": 1,
    "model": 2,
    "reading": 3,
    "compute": 3,
    "checks": 4,
    "render": 5,
    "jobs": 6,
    "cli": 7,
    "__init__": 8,  # the public API re-exports from every stage
}


def stage_of(module: str) -> str:
    parts = module.split(".")
    assert parts[0] == "lkj_engine"
    return parts[1] if len(parts) > 1 else "__init__"


def imports_of(path: Path, package: Path = PACKAGE) -> list[tuple[int, str]]:
    module = ".".join(path.relative_to(package.parent).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [f"{target}.{a.name}" for a in node.names] if target.count(".") == 0 else [target]
            found += [(node.lineno, n) for n in names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return [(line, t) for line, t in found if t == "lkj_engine" or t.startswith("lkj_engine.")]


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


def test_every_stage_has_a_rank_and_a_docstring():
    for child in PACKAGE.iterdir():
        if child.is_dir() and (child / "__init__.py").exists():
            assert child.name in RANK, f"{child.name}: add the new stage to RANK"
            assert ast.get_docstring(ast.parse((child / "__init__.py").read_text())), child.name


def violations(path: Path, package: Path = PACKAGE) -> list[str]:
    own_module = ".".join(path.relative_to(package.parent).with_suffix("").parts)
    own = stage_of(own_module) if path.name != "__init__.py" or path.parent != package else "__init__"
    wrong = []
    for line, target in imports_of(path, package):
        if target == "lkj_engine":
            wrong.append(f"line {line}: imports the package top")
            continue
        other = stage_of(target)
        if other == own:
            continue
        if RANK[other] >= RANK[own]:
            wrong.append(f"line {line}: {own} (rank {RANK[own]}) imports {target} (rank {RANK[other]})")
    return wrong


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_down_the_stages(path: Path):
    wrong = violations(path)
    assert not wrong, "\n".join(wrong)


def test_the_rule_catches_upward_and_sibling_imports(tmp_path: Path):
    """The rule can fail: compute importing render (even lazily, even relatively) or reading is caught."""
    fake = tmp_path / "lkj_engine" / "compute"
    fake.mkdir(parents=True)
    module = fake / "bad.py"
    module.write_text("from lkj_engine.model import results\n"
                      "def f():\n    from ..render import report\n"
                      "from lkj_engine.reading.loader import load_workbook\n")
    found = violations(module, tmp_path / "lkj_engine")
    assert len(found) == 2 and {"render", "reading"} == {f.split("lkj_engine.")[1].split(".")[0].split(" ")[0] for f in found}
