"""Every computed figure must fit the report: an error, before rendering, for one that cannot be printed.

Why here and not only in the loader: the loader bounds each typed number (0 or 10^-6 ... 10^18), but
figures are chained. A Komponen ratio over a tiny denominator can give a realisasi near 10^26, and a
capaian over a small target multiplies it again; the report prints every figure with 2 decimals,
which `Decimal`'s 28 digits hold only below 10^26. Found here, `periksa` says "tidak valid" with
the IKK's cell instead of the render failing with an internal error.
"""
from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Iterator

from lkj_engine.contract import formatting
from lkj_engine.contract.problems import Problem, error
from lkj_engine.model.results import Results
from lkj_engine.model.workbook import Workbook

PRINT_LIMIT = Decimal(10) ** (28 - formatting.PLACES)  # 2 decimals must fit Decimal's 28 digits


def printable(value: Decimal) -> bool:
    """Whether `formatting` can print the value with its decimals (a finite number below the limit)."""
    return value.is_finite() and value.copy_abs() < PRINT_LIMIT


def _decimals(obj: object, name: str = "") -> Iterator[tuple[str, Decimal]]:
    """(field name, value) of every Decimal inside a results object, depth first."""
    if isinstance(obj, Decimal):
        yield name, obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from _decimals(getattr(obj, f.name), f.name)
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from _decimals(item, name)


def unprintable_figures(wb: Workbook, results: Results) -> list[Problem]:
    """One error per IKK whose computed figures cannot be printed, at its Target cell."""
    problems: list[Problem] = []
    for r in results.ikk:
        bad = sorted({name for name, value in _decimals(r) if not printable(value)})
        if not bad:
            continue
        problems.append(error(
            "IKK", wb.cell("IKK", "target", r.ikk.row),
            f"angka hasil hitungan {r.ikk.kode} ({', '.join(bad)}) terlalu besar untuk dicetak (batas "
            f"{formatting.count(PRINT_LIMIT - 1)}): Target atau penyebut komponennya terlalu kecil dibanding "
            "realisasinya. Periksa Target di sheet IKK dan Pembilang/Penyebut di sheet Komponen",
            kode="hasil-di-luar-batas"))
    if not problems:
        others = [name for attr in ("anggaran_total", "anggaran_rows", "belanja", "belanja_perubahan",
                                    "sumber_dana", "pnbp", "nka")
                  for name, value in _decimals(getattr(results, attr, None), attr) if not printable(value)]
        if others:
            problems.append(error(None, None, f"angka hasil hitungan ({', '.join(sorted(set(others)))}) terlalu "
                                              "besar untuk dicetak; periksa angka anggaran, PNBP dan NKA",
                                  kode="hasil-di-luar-batas"))
    return problems
