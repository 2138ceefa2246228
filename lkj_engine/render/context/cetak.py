"""Arithmetic a reader can redo on the printed page (issue 11), and list punctuation.

The engine keeps full precision and the report rounds once for display. Where the report shows a
reader a sum or a difference of figures it also prints, the result must be the one the reader gets
from the printed figures: a change in points is the difference of the two printed values, and a
formula line prints its terms with as many places as it takes for the line to add up. Ratios and
indices themselves keep full precision (they are printed, not re-derived).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Callable, Sequence, TypeVar

from lkj_engine.contract import formatting as fmt
from lkj_engine.contract.schema import NEGATIF
from lkj_engine.render.prose import Sentence

MAX_PLACES = 6  # a formula never needs more: the values it combines carry at most this many
T = TypeVar("T", str, Sentence)


def printed(value: Decimal | int, places: int = fmt.PLACES) -> Decimal:
    """The value as the reader sees it, rounded by the report's one rule."""
    return fmt.display_round(Decimal(value), places)


def printed_measure(value: Decimal, satuan: str, places: int = fmt.PLACES) -> Decimal:
    """A target or realisasi as `fmt.bare`/`fmt.with_unit` print it: a whole count exactly, else rounded."""
    value = Decimal(value)
    if satuan in fmt.COUNT_UNITS and value == value.to_integral_value():
        return value
    return printed(value, places)


def measure_text(value: Decimal, satuan: str, places: int = fmt.PLACES) -> str:
    """`fmt.bare` with more places when a formula needs them (``3,7849`` instead of ``3,78``)."""
    value = Decimal(value)
    if places == fmt.PLACES or (satuan in fmt.COUNT_UNITS and value == value.to_integral_value()):
        return fmt.bare(value, satuan)
    return fmt.number(value, places)


def printed_change(current: Decimal | None, previous: Decimal | None, satuan: str | None = None
                   ) -> Decimal | None:
    """current − previous, both as printed (a percentage or, with `satuan`, a target/realisasi)."""
    if current is None or previous is None:
        return None
    if satuan is None:
        return printed(current) - printed(previous)
    return printed_measure(current, satuan) - printed_measure(previous, satuan)


def enough_places(fits: Callable[[int], bool], start: int = fmt.PLACES) -> int:
    """The fewest places (from 2) at which a printed formula adds up; `fits(places)` checks one."""
    for places in range(start, MAX_PLACES + 1):
        if fits(places):
            return places
    return MAX_PLACES


def ratio_as_printed(realisasi: Decimal, acuan: Decimal, polaritas: str) -> Decimal:
    """What a reader computes from the printed operands of a capaian line, rounded as printed."""
    if polaritas == NEGATIF:
        return printed((2 * acuan - realisasi) / acuan * 100)
    return printed(realisasi / acuan * 100)


def ratio_places(realisasi: Decimal, acuan: Decimal, hasil: Decimal, polaritas: str, satuan: str) -> int:
    """Places for the realisasi in ``R / X × 100% = hasil`` so the printed line holds."""
    shown_acuan = printed_measure(acuan, satuan)
    if shown_acuan == 0:
        return fmt.PLACES
    return enough_places(lambda p: ratio_as_printed(printed_measure(realisasi, satuan, p), shown_acuan,
                                                    polaritas) == printed(hasil))


def weight_as_printed(bobot: Decimal) -> Decimal:
    """A weight as `common.weight` prints it (whole, else 2 places), as a fraction."""
    bobot = Decimal(bobot)
    shown = bobot if bobot == bobot.to_integral_value() else printed(bobot)
    return shown / 100


def sum_places(terms: Sequence[tuple[Decimal, Decimal]], total: Decimal) -> int:
    """Places for the values in ``(w1 × v1) + (w2 × v2) = total`` so the printed line adds up."""
    return enough_places(lambda p: printed(sum((weight_as_printed(w) * printed(v, p) for w, v in terms),
                                               Decimal(0))) == printed(total))


def punctuated(items: Sequence[T], dan: bool = True) -> list[T]:
    """A list's items with their ends: ``a;`` … ``b; dan`` ``c.`` (the last always ends with a full stop).

    A trailing ``;``, ``,`` or ``.`` already on an item is replaced, so every list ends the same way.
    `dan=False` leaves out the ``dan`` (nested lists whose parts are not one sentence).
    """
    out: list[T] = []
    for i, item in enumerate(items):
        if i == len(items) - 1:
            end = "."
        elif dan and i == len(items) - 2:
            end = "; dan"
        else:
            end = ";"
        out.append(_with_end(item, end))
    return out


def _with_end(item: T, end: str) -> T:
    if isinstance(item, Sentence):
        parts = list(item.parts)
        while parts and not parts[-1].rstrip().rstrip(";,."):
            parts.pop()
        if parts:
            last = parts[-1]
            parts[-1] = type(last)(last.rstrip().rstrip(";,."))  # a bold figure stays bold
        return Sentence(*parts, end)
    return item.rstrip().rstrip(";,.").rstrip() + end
