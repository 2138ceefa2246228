"""A problem found in the workbook: structured, so the CLI, the JSON and the tests all read the same thing."""
from __future__ import annotations

from dataclasses import dataclass, asdict
from typing import Iterable, Literal

Level = Literal["galat", "peringatan"]


@dataclass(frozen=True)
class Problem:
    """One thing the clerk must fix (galat) or should look at (peringatan).

    `cell` is an A1 reference such as ``G5`` (or None when the problem is about the whole sheet
    or file); messages are Indonesian because the clerk reads them. `kode` is stable across
    versions (``angka-tidak-terbaca``, ``bobot-tidak-100``): tests and other programs read it, not
    the sentence. `berkas` names the workbook when a run over several files reports across them.
    """

    sheet: str | None
    cell: str | None
    message: str
    level: Level
    kode: str
    berkas: str | None = None

    @property
    def where(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        if self.sheet:
            return f"Sheet {self.sheet}"
        return "Berkas"

    def as_json(self) -> dict:
        item = {"kode": self.kode, "sheet": self.sheet, "sel": self.cell, "pesan": self.message}
        if self.berkas is not None:
            item["berkas"] = self.berkas
        return item

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def error(sheet: str | None, cell: str | None, message: str, *, kode: str,
          berkas: str | None = None) -> Problem:
    """A galat: the report is not written until it is fixed. `kode` is required (docs/kode_masalah.md)."""
    return Problem(sheet, cell, message, "galat", kode, berkas)


def warning(sheet: str | None, cell: str | None, message: str, *, kode: str,
            berkas: str | None = None) -> Problem:
    """A peringatan: the report is written; the clerk should look. `kode` is required."""
    return Problem(sheet, cell, message, "peringatan", kode, berkas)


def internal_reference(exc: BaseException) -> str:
    """One line a clerk can send for a real bug: the exception and the project line it came from."""
    frame = None
    tb = exc.__traceback__
    while tb is not None:
        if "lkj_engine" in tb.tb_frame.f_code.co_filename:
            frame = tb
        tb = tb.tb_next
    where = ""
    if frame is not None:
        filename = frame.tb_frame.f_code.co_filename.replace("\\", "/")
        where = f" di {filename.split('lkj_engine/', 1)[-1]}:{frame.tb_lineno}"
    return f"{type(exc).__name__}{where}"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == "galat"]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == "peringatan"]


__all__ = ["Problem", "Level", "error", "warning", "errors", "warnings", "internal_reference", "asdict"]
