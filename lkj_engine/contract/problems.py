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
    level: Level = "galat"
    kode: str = "umum"
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


def error(sheet: str | None, cell: str | None, message: str, kode: str = "umum",
          berkas: str | None = None) -> Problem:
    return Problem(sheet, cell, message, "galat", kode, berkas)


def warning(sheet: str | None, cell: str | None, message: str, kode: str = "umum",
            berkas: str | None = None) -> Problem:
    return Problem(sheet, cell, message, "peringatan", kode, berkas)


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == "galat"]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == "peringatan"]


__all__ = ["Problem", "Level", "error", "warning", "errors", "warnings", "asdict"]
