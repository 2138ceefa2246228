"""What every chapter's context builder shares: number-to-text helpers (through `formatting` only),
the clerk-text cleaner that records where each warning came from, and image references."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from lkj_engine.contract import formatting as fmt
from lkj_engine.contract.problems import Problem
from lkj_engine.model.workbook import Workbook
from lkj_engine.render.prose import Prose, Strong, clean
from lkj_engine.render.chart_spec import Figure

HURUF = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class ImageRef:
    """An image the report places; `report` checks the file and scales it to the page."""

    path: Path
    kind: str  # "foto" (clerk's picture), "logo"
    sheet: str | None = None
    cell: str | None = None


# ---------------------------------------------------------------- formatting helpers (via fmt)

def _integral(value: Decimal) -> bool:
    return value == value.to_integral_value()


def amount(value: Decimal | int | None) -> str:
    """A count or a measured amount: ``92.184`` when whole, ``12,50`` otherwise."""
    if value is None:
        return "-"
    value = Decimal(value)
    return fmt.count(value) if _integral(value) else fmt.number(value)


def weight(value: Decimal | None) -> str:
    """A weight: ``70%``, ``12,50%``."""
    if value is None:
        return "-"
    return fmt.percent(value, places=0) if _integral(Decimal(value)) else fmt.percent(value)


def reason(alasan: str | None) -> str:
    """What prints instead of a figure that could not be computed."""
    return alasan.strip() if alasan and alasan.strip() else fmt.NOT_COMPUTABLE


def pct(value: Decimal | None) -> str:
    """A percentage; a value that cannot be computed prints the short phrase (reasons go in notes)."""
    return fmt.percent(value)


def because(alasan: str | None) -> str:
    """The engine's reason as a sentence of its own."""
    text = reason(alasan)
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")


def sign(value: Decimal | None) -> int | None:
    """-1/0/1 of a value as printed (rounded), so words never contradict the figure next to them."""
    if value is None:
        return None
    rounded = fmt.display_round(value)
    return (rounded > 0) - (rounded < 0)


def trend(delta: Decimal | None) -> str:
    return {1: "naik", -1: "turun", 0: "tetap"}.get(sign(delta), "")


def difference(delta: Decimal, satuan: str) -> str:
    """The size of a change or a gap: ``50 Dokumen`` for a count, ``4,09 poin`` otherwise."""
    if satuan in fmt.COUNT_UNITS:
        return fmt.with_unit(abs(delta), satuan)
    return f"{fmt.number(abs(delta))} poin"


def sebesar(value: str) -> list[str]:
    """``sebesar 96,70%`` in a sentence; a figure that cannot be computed reads ``yang tidak dapat dihitung``."""
    return ["yang ", Strong(value)] if value == fmt.NOT_COMPUTABLE else ["sebesar ", Strong(value)]


def slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", text.casefold()).strip("_")


def join_id(items: list[str]) -> str:
    """``a``, ``a dan b``, ``a, b, dan c``."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} dan {items[1]}"
    return ", ".join(items[:-1]) + ", dan " + items[-1]


# ---------------------------------------------------------------- clerk text

class Clerk:
    """Cleans clerk text once, remembering where each warning came from."""

    def __init__(self, wb: Workbook, warnings: list[Problem]) -> None:
        self.wb = wb
        self.warnings = warnings

    def text(self, value: str | None, sheet: str, field: str, row: int) -> str | None:
        return self._clean(value, sheet, self.wb.cell(sheet, field, row))

    def identitas(self, field: str) -> str | None:
        return self._clean(getattr(self.wb.identitas, field), "Identitas", self.wb.identitas_cells.get(field))

    def _clean(self, value: str | None, sheet: str, cell: str | None) -> str | None:
        if value is None:
            return None
        text, problems = clean(str(value), sheet, cell)
        self.warnings.extend(problems)
        return text.strip() or None

    def prose(self, value: str | None, sheet: str, field: str, row: int) -> Prose:
        return Prose(self.text(value, sheet, field, row))

    def narasi(self, bagian: str) -> Prose:
        rows = [n for n in self.wb.narasi if n.bagian == bagian and n.teks]
        texts = [self.text(n.teks, "Narasi", "teks", n.row) for n in rows]
        return Prose("\n\n".join(t for t in texts if t))



def chart(charts: dict[str, Figure], key: str) -> Figure | None:
    """The figure of one caption, None when its chart has no data (the template then says so)."""
    return charts.get(key)


def image(wb: Workbook, path: Path | None, kind: str, sheet: str, cell: str | None) -> ImageRef | None:
    if path is None:
        return None
    path = Path(path)
    if not path.is_absolute():
        path = Path(wb.source).parent / path
    return ImageRef(path, kind, sheet, cell)

