"""Indonesian number, money, percent and date formats: the only place a figure becomes text.

Rounding happens here and nowhere else: ROUND_HALF_UP to 2 decimals (domain.md §4). Babel would
round half-to-even on its own, so values are quantized first and Babel only adds the separators.
"""
from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_decimal
from num2words import num2words

LOCALE = "id_ID"
PLACES = 2
NOT_COMPUTABLE = "tidak dapat dihitung"
COUNT_UNITS = ("Orang", "Dokumen", "Kegiatan")  # satuan of whole counts: no decimals
MILIAR = Decimal(10) ** 9


def display_round(value: Decimal, places: int = PLACES) -> Decimal:
    """The one rounding rule of the report: half up, for display only."""
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def number(value: Decimal | int | None, places: int = PLACES, missing: str = "-") -> str:
    """``96,70``; ``92.184`` with places=0. None prints `missing`, never 0."""
    if value is None:
        return missing
    rounded = display_round(Decimal(value), places)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(rounded, format=pattern, locale=LOCALE)


def count(value: int | Decimal | None, missing: str = "-") -> str:
    """A whole count with thousands dots: ``84.275``."""
    return number(value, 0, missing)


def money(value: Decimal | int | None, missing: str = "-") -> str:
    """``Rp7.214.275.000``: whole rupiah, no space, no ``,-``."""
    if value is None:
        return missing
    return "Rp" + number(value, 0)


def percent(value: Decimal | None, places: int = PLACES, missing: str = NOT_COMPUTABLE) -> str:
    """``88,34%``. A value that cannot be computed prints as a short phrase, never 0."""
    if value is None:
        return missing
    return number(value, places) + "%"


def points(value: Decimal | None, missing: str = "-") -> str:
    """A change in percentage points with its sign: ``+1,25`` / ``-11,66``."""
    if value is None:
        return missing
    text = number(value)
    return text if text.startswith("-") else "+" + text


def bare(value: Decimal | None, satuan: str, missing: str = NOT_COMPUTABLE) -> str:
    """A target or realisasi without its unit (formulas, chart bars): ``1.250`` for a whole count of
    Orang/Dokumen/Kegiatan, ``96,70`` otherwise."""
    if value is None:
        return missing
    if satuan in COUNT_UNITS and value == value.to_integral_value():
        return count(value)
    return number(value)


def with_unit(value: Decimal | None, satuan: str, missing: str = NOT_COMPUTABLE) -> str:
    """A target or realisasi with its unit: ``96,70 (Indeks)``, ``86,92%``, ``1.250 Dokumen``."""
    if value is None:
        return missing
    if satuan == "%":
        return percent(value)
    if satuan in ("Indeks", "Nilai"):
        return f"{number(value)} ({satuan})"
    return f"{bare(value, satuan)} {satuan}"


def miliar(rupiah: Decimal | None, places: int = PLACES) -> str:
    """Rupiah in billions for chart labels: ``2,23`` for Rp2.226.541.000 (the axis says "Miliar rupiah")."""
    if rupiah is None:
        return "-"
    return number(Decimal(rupiah) / MILIAR, places)


def long_date(value: date) -> str:
    """``14 Januari 2026``."""
    return format_date(value, format="d MMMM y", locale=LOCALE)


def words(value: int) -> str:
    """``3 (tiga)``: counts in prose carry their words."""
    return f"{value} ({num2words(value, lang='id')})"


def json_number(value: Decimal | None) -> float | int | None:
    """Unrounded number for the JSON document (design.md: the report rounds, the JSON does not)."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)
