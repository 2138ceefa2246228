"""What a chart shows, as data: categories, series with their printed labels, look and size.

The report's charts are native Word charts (`docx_chart` writes them), so a chart here is only a
description: the renderer (Word, or LibreOffice for the PDF) lays out the texts, wraps long
category names and titles and keeps them apart. Every number a bar shows is a label formatted by
`formatting`, the same string the tables print, never the renderer's own number format.

Looks are told apart by grey level *and* hatching, never colour alone, because printed reports are
often copied in black and white: ``rencana`` (target/pagu) is white with diagonal hatching,
``realisasi`` solid dark grey, ``tunggal`` (one-series charts) mid grey.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from lkj_engine.render.layout.ooxml import TEXT_W_CM

Look = Literal["rencana", "realisasi", "tunggal"]

WIDTH_CM = TEXT_W_CM  # the Word template's text width
HALF_WIDTH_CM = round(TEXT_W_CM / 2 - 0.05, 2)  # two panels side by side on one line
FONT_PT = 9  # printed size of every chart text
LINE_CM = 0.42  # height of one 9-point line of text in a chart
MAX_PANEL_CM = 21.0  # a chart taller than this is split into panels, so each fits a page with its caption
# share of a horizontal chart's width the renderer gives the category names at most
NAME_SHARE = 0.45


@dataclass(frozen=True)
class Series:
    """One series: its bar lengths (None: no bar) and the text printed beside each bar."""

    name: str
    values: tuple[Decimal | None, ...]
    labels: tuple[str, ...]
    look: Look
    # a look per point where one series mixes them (the Wilayah bar among the satker's)
    point_looks: tuple[Look, ...] = ()


@dataclass(frozen=True)
class ChartSpec:
    """One native chart. ``horizontal`` bars read long names level (first category on top)."""

    categories: tuple[str, ...]
    series: tuple[Series, ...]
    width_cm: float
    height_cm: float
    horizontal: bool = False
    title: str = ""
    legend: bool = False
    # value axis: None hides it (the labels carry the values); "persen" shows 0 %, 100 %, ... with
    # gridlines, so the 100 % target reads as a line
    value_axis: Literal["persen"] | None = None
    value_max: Decimal | None = None  # the same scale over panels that compare (belanja years)
    value_min: Decimal | None = None

    def numbers(self) -> list[Decimal]:
        return [v for s in self.series for v in s.values if v is not None]

    def value_range(self) -> tuple[Decimal, Decimal]:
        """From zero (or below, for a negative value) to past the longest bar by its label's length."""
        numbers = self.numbers() + ([Decimal(100)] if self.value_axis == "persen" else [])
        top = self.value_max if self.value_max is not None else max(max(numbers, default=Decimal(1)), Decimal(0))
        low = self.value_min if self.value_min is not None else min(min(numbers, default=Decimal(0)), Decimal(0))
        if self.value_max is not None:
            return low, top
        top = top or Decimal(1)
        if self.horizontal:
            plot_cm = self.width_cm * (1 - NAME_SHARE)
            label_cm = max((len(line) for s in self.series for t in s.labels for line in t.split("\n")), default=0) * FONT_PT * 0.55 * 2.54 / 72
            share = min(Decimal("0.6"), Decimal(str(round(label_cm / plot_cm + 0.06, 3))))
        else:
            lines = max((text_lines(t, self.width_cm / max(len(self.categories) * len(self.series), 1))
                         for s in self.series for t in s.labels), default=1)
            share = min(Decimal("0.5"), Decimal("0.08") * lines + Decimal("0.1"))
        span = top - low
        return low - (span * share if low < 0 else 0), low + span / (1 - share)


@dataclass(frozen=True)
class Figure:
    """What one caption ("Gambar 3.2 ...") holds: one chart, or panels placed side by side."""

    panels: tuple[ChartSpec, ...] = field(default_factory=tuple)


def text_lines(text: str, width_cm: float, pt: float = FONT_PT, bold: bool = False) -> int:
    """Lines a text takes when wrapped at spaces in width_cm: an estimate from an average glyph width
    of 0,55 em (0,6 bold) for sizing the chart box; the renderer wraps for itself."""
    per_line = max(1, int(width_cm / (pt * (0.6 if bold else 0.55) * 2.54 / 72)))
    lines, used = 1, 0
    for word in text.split():
        need = len(word) if used == 0 else used + 1 + len(word)
        if need <= per_line:
            used = need
        else:
            lines += 1 + (len(word) - 1) // per_line
            used = len(word) % per_line or per_line
    return lines
