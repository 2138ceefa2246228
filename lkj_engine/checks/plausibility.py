"""Figures that compute but that no office achieves: warnings a reviewer wants before the report goes out.

A typed value can be a valid number and still be a typo: ``3.780`` for an index of ``3,51`` is read
(correctly, by the Indonesian rule) as three thousand seven hundred eighty, and the report would print
a capaian of 107.692%. The real reports print capaian up to about 170%; these checks warn far above
that, so an honest over-achievement never warns. Each warning names the IKK's Realisasi cell (or,
for an earlier year's row of Riwayat IKK, that row's Realisasi).

One warning per IKK: a realisasi over `MAX_RATIO` times its target (`realisasi-tidak-wajar`) says
the likely cause and gives the capaian it produces; otherwise a capaian above `MAX_CAPAIAN`
(`capaian-tidak-wajar`, e.g. a negative-polarity IKK whose realisasi is far below zero). A positive
IKK's capaian exceeds 1.000% exactly when its realisasi exceeds ten times its target, so the two
thresholds agree and the clerk reads one message for one typo.
"""
from __future__ import annotations

from decimal import Decimal

from lkj_engine.contract.formatting import number, percent
from lkj_engine.contract.problems import Problem, warning
from lkj_engine.model.results import IkkResult, Results
from lkj_engine.model.workbook import RiwayatIKK, Workbook

MAX_RATIO = Decimal(10)
"""Realisasi ÷ target above which a realisasi is taken for a typo (a misplaced thousands dot)."""

MAX_CAPAIAN = Decimal(1000)
"""Capaian (%) above which the figure is taken for a typo; the seeds' highest is 169,27%."""


def check(wb: Workbook, results: Results) -> list[Problem]:
    """The plausibility warnings of every IKK of the report year and of every earlier year it prints."""
    found = [_one(wb, r) for r in results.ikk] + [_earlier(wb, r) for r in wb.riwayat]
    return [p for p in found if p is not None]


def _earlier(wb: Workbook, r: RiwayatIKK) -> Problem | None:
    """An earlier year's realisasi over `MAX_RATIO` times its target (the year-by-year table prints it)."""
    if r.realisasi is None or r.target is None or r.target <= 0 or r.realisasi <= MAX_RATIO * r.target:
        return None
    return warning("Riwayat IKK", wb.cell("Riwayat IKK", "realisasi", r.row),
                   f"Realisasi {r.kode} tahun {r.tahun} sebesar {number(r.realisasi)} lebih dari "
                   f"{number(MAX_RATIO, 0)} kali targetnya {number(r.target)}; periksa apakah titik ribuan "
                   "tertukar dengan koma desimal, mis. 3.780 untuk 3,78", kode="realisasi-tidak-wajar")


def _one(wb: Workbook, r: IkkResult) -> Problem | None:
    """The one warning of an IKK whose realisasi or capaian is implausible, else None."""
    ikk, realisasi, target = r.ikk, r.realisasi, r.ikk.target
    cell = wb.cell("IKK", "realisasi", ikk.row)
    source = (" (dihitung dari sheet Komponen: periksa Pembilang, Penyebut dan Nilai komponennya)"
              if r.realisasi_dari_komponen else "")
    if realisasi is not None and target is not None and target > 0 and realisasi > MAX_RATIO * target:
        return warning("IKK", cell,
                       f"Realisasi {ikk.kode} sebesar {number(realisasi)}{source} lebih dari {number(MAX_RATIO, 0)} kali "
                       f"targetnya {number(target)} (capaian {percent(r.capaian)}); periksa apakah titik ribuan "
                       "tertukar dengan koma desimal, mis. 3.780 untuk 3,78",
                       kode="realisasi-tidak-wajar")
    if r.capaian is not None and r.capaian > MAX_CAPAIAN:
        return warning("IKK", cell,
                       f"Capaian {ikk.kode} sebesar {percent(r.capaian)} lebih dari {number(MAX_CAPAIAN, 0)}% "
                       f"(realisasi {number(realisasi)}{source}, target {number(target)}, polaritas "
                       f"{ikk.polaritas}); periksa Realisasi dan Target",
                       kode="capaian-tidak-wajar")
    return None
