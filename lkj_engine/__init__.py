"""LKjIP generator: the clerk's workbook in, a Word LKjIP draft out.

The public API, importable as `from lkj_engine import NAME` (the command line in `generate.py`
is a thin layer over it). Names resolve lazily so `generate.py --help` stays fast:

- `load_workbook(path) -> LoadResult` (typed `Workbook` or a list of `Problem`)
- `compute_results(workbook) -> Results` (every figure, `Decimal`, no I/O; `compute` is the
  subpackage's name, so the function is exported under this one)
- `check(workbook, results) -> list[Problem]` (cross-table warnings)
- `check_document(path) -> dict` (the `periksa --json` document of design.md)
- `check_many(paths) -> list[(dict, Results | None)]` (every input of a command; a Kanwil with its
  Kanim gets the JSON version 2 keys and its regional figures)
- `consolidate(kanwil_workbook, kanim_satker) -> Results` (a Kanwil over its jajaran, no I/O)
- `render_report(results, problems, out_path)` (the Word draft)
- `write_template(path) -> Path` (the blank workbook)
- `generate(path, out_dir, pdf=False) -> Outcome` (one file, end to end)
- `run_batch(files, out_dir, pdf=False, workers=None, on_progress=None) -> list[Outcome]`
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

_PUBLIC: dict[str, str | tuple[str, str]] = {
    "load_workbook": "lkj_engine.reading.loader",
    "compute_results": ("lkj_engine.compute.engine", "compute"),
    "check": "lkj_engine.checks.consistency",
    "check_document": "lkj_engine.checks.document",
    "check_many": "lkj_engine.checks.document",
    "consolidate": "lkj_engine.compute.jajaran",
    "render_report": "lkj_engine.render.report",
    "write_template": "lkj_engine.render.blank_workbook",
    "generate": "lkj_engine.jobs.batch",
    "run_batch": "lkj_engine.jobs.batch",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    """Import a public name's module only when it is first used."""
    if name not in _PUBLIC:
        raise AttributeError(f"module 'lkj_engine' has no attribute {name!r}")
    target = _PUBLIC[name]
    module, attr = target if isinstance(target, tuple) else (target, name)
    value = getattr(import_module(module), attr)
    globals()[name] = value
    return value
