"""Capaian (achievement) of an IKK, its averages and its comparisons (domain.md §4).

Every function returns the value together with a reason: a capaian that cannot be computed is
``(None, "<alasan>")`` so the report prints the reason, and the averages skip it instead of counting
it as 0 (the hand-written reports average N/A values as 0; this module makes that impossible).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Sequence

from lkj_engine.model.workbook import IKK, Num, RiwayatIKK
from lkj_engine.model.results import YearPoint
from lkj_engine.contract.schema import NEGATIF

HUNDRED = Decimal(100)

RATA_METODE = (
    "Rata-rata capaian kinerja dihitung sebagai rata-rata dari rata-rata capaian setiap Sasaran "
    "Kegiatan (bukan rata-rata seluruh IKK); capaian yang tidak dapat dihitung tidak ikut dirata-rata."
)


def ratio_by_polarity(realisasi: Num, acuan: Num, polaritas: str, acuan_nama: str = "target",
                      alasan_realisasi: str | None = None) -> tuple[Num, str | None]:
    """Realisasi against a reference value (target, target jangka menengah, standar nasional) in %.

    Positif: R / X × 100. Negatif: (2X − R) / X × 100, i.e. (1 + (1 − R/X)) × 100, so a realisasi
    below the reference scores above 100: 100% means equal, above 100% better than the reference
    (domain.md §4). No cap: the seeds print 106% and 169,27%. The reason names what is missing: the
    reference (`acuan_nama`), or the realisasi (with `alasan_realisasi`, why it is missing).
    """
    if acuan is None:
        return None, f"{acuan_nama} belum diisi"
    if acuan == 0:
        return None, f"{acuan_nama} bernilai 0"
    if realisasi is None:
        return None, (f"realisasi tidak dapat dihitung: {alasan_realisasi}" if alasan_realisasi
                      else "realisasi belum diisi")
    if polaritas == NEGATIF:
        return (2 * acuan - realisasi) / acuan * HUNDRED, None
    return realisasi / acuan * HUNDRED, None


def capaian(realisasi: Num, target: Num, polaritas: str,
            alasan_realisasi: str | None = None) -> tuple[Num, str | None]:
    """Capaian of an IKK in % (see `ratio_by_polarity`)."""
    value, alasan = ratio_by_polarity(realisasi, target, polaritas, alasan_realisasi=alasan_realisasi)
    if not target:  # blank or 0: the reason is about the target
        alasan = f"{alasan}, sehingga capaian tidak dapat dihitung"
    return value, alasan


def average(values: Iterable[Num]) -> Num:
    """Mean of the known values; None when none is known (never 0)."""
    known = [v for v in values if v is not None]
    if not known:
        return None
    return sum(known, Decimal(0)) / len(known)


def sasaran_average(capaian_values: Sequence[Num]) -> tuple[Num, str | None]:
    """Per-sasaran mean of its IKK capaian, skipping the ones that cannot be computed."""
    value = average(capaian_values)
    if value is None:
        return None, "capaian seluruh IKK pada sasaran ini tidak dapat dihitung"
    return value, None


def overall_average(sasaran_averages: Sequence[Num]) -> Num:
    """The report's "rata-rata capaian kinerja": the mean of the sasaran averages (RATA_METODE)."""
    return average(sasaran_averages)


def year_points(ikk: IKK, riwayat: Iterable[RiwayatIKK], tahun: int) -> list[YearPoint]:
    """Earlier years of one IKK (before the report year), oldest first, with their capaian.

    An earlier year's capaian uses this year's polarity of the IKK: the indicator is the same one.
    """
    points = []
    for r in sorted((r for r in riwayat if r.kode == ikk.kode and r.tahun < tahun), key=lambda r: r.tahun):
        value, alasan = capaian(r.realisasi, r.target, ikk.polaritas)
        points.append(YearPoint(r.tahun, r.target, r.realisasi, value, alasan))
    return points


def change(current: Num, previous: Num) -> Num:
    """Difference in points (current − previous); None when either is unknown."""
    if current is None or previous is None:
        return None
    return current - previous
