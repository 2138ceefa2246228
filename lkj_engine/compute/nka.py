"""Nilai Kinerja Anggaran (NKA): the Finance ministry's score, printed as typed and recomputed.

The official values the clerk copies from the application are authoritative (domain.md §4); the
engine recomputes what it can so the checks can warn when the two disagree. A blank component is
"not applicable" and stays None: it is never scored as 0. The weights of Nilai Kinerja Perencanaan
and of Nilai Kinerja Pelaksanaan (IKPA) are year-profile data (`[nka]` and `[ikpa]` of
contract/profiles/*.toml), taken from the profile of each row's year.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Optional

from lkj_engine.contract.profile import IkpaWeights, NkaWeights, default_report_year, profile_for
from lkj_engine.model.workbook import Nka
from lkj_engine.model.results import NkaResult
from lkj_engine.contract.schema import NKA

Num = Optional[Decimal]

# model fields of the components, in the order of the application's tables; labels are the headers
# the clerk sees (schema NKA)
PERENCANAAN = ("cro", "penggunaan_sbk", "efisiensi_sbk")
PELAKSANAAN = ("revisi_dipa", "deviasi", "penyerapan", "kontraktual", "tagihan", "up_tup", "dispensasi_spm",
               "capaian_output")
LABEL = {c.field: c.header for c in NKA.columns}


def weights_for(tahun: int) -> NkaWeights | None:
    """The Perencanaan weights of `tahun`'s profile (None: the profile has none, nothing is recomputed)."""
    return profile_for(tahun)[0].nka_weights


def nilai_perencanaan(cro: Num, penggunaan_sbk: Num, efisiensi_sbk: Num, weights: NkaWeights | None = None,
                      tahun: int | None = None) -> Num:
    """cro·CRO + penggunaan_sbk·Penggunaan SBK + efisiensi_sbk·Efisiensi SBK (weights from the year profile).

    `weights` default to those of `tahun`'s profile (the current report year's when no year is given);
    None unless all three components are typed and the profile has weights.
    """
    if weights is None:
        weights = weights_for(tahun if tahun is not None else default_report_year())
    if cro is None or penggunaan_sbk is None or efisiensi_sbk is None or weights is None:
        return None
    return weights.cro * cro + weights.penggunaan_sbk * penggunaan_sbk + weights.efisiensi_sbk * efisiensi_sbk


def ikpa_weights_for(tahun: int) -> IkpaWeights | None:
    """The IKPA weights of `tahun`'s profile (None: the profile has none, IKPA is not recomputed)."""
    return profile_for(tahun)[0].ikpa_weights


def nilai_pelaksanaan(row: Nka, weights: IkpaWeights | None) -> Num:
    """Σ weight·component ÷ Σ weight over the typed components (a blank one had no transactions).

    None when the profile has no weights, no weighted component is typed, or a Dispensasi SPM is
    typed above 0: its deduction follows the Treasury's rule on the number of dispensations, which
    the workbook does not hold, so only the application's value is meaningful then.
    """
    if weights is None or (row.dispensasi_spm is not None and row.dispensasi_spm != 0):
        return None
    typed = [(getattr(weights, f), getattr(row, f)) for f in PELAKSANAAN
             if f != "dispensasi_spm" and getattr(row, f) is not None]
    total = sum((w for w, _ in typed), Decimal(0))
    if not typed or total == 0:
        return None
    return sum((w * v for w, v in typed), Decimal(0)) / total


def nilai_nka(perencanaan: Num, pelaksanaan: Num) -> Num:
    """NKA = mean of Nilai Perencanaan and Nilai Pelaksanaan, where both are known."""
    if perencanaan is None or pelaksanaan is None:
        return None
    return (perencanaan + pelaksanaan) / 2


def nka_result(row: Nka) -> NkaResult:
    """One year: official values where typed, else the recomputed ones.

    Nilai Pelaksanaan (IKPA) is printed only as typed: the recomputed value is a check, since the
    application may round or deduct in ways the workbook does not show.
    """
    hitung = nilai_perencanaan(row.cro, row.penggunaan_sbk, row.efisiensi_sbk, tahun=row.tahun)
    perencanaan = row.nilai_perencanaan if row.nilai_perencanaan is not None else hitung
    nka_hitung = nilai_nka(perencanaan, row.nilai_pelaksanaan)
    return NkaResult(
        tahun=row.tahun,
        perencanaan=perencanaan,
        perencanaan_hitung=hitung,
        pelaksanaan=row.nilai_pelaksanaan,
        pelaksanaan_hitung=nilai_pelaksanaan(row, ikpa_weights_for(row.tahun)),
        nka=row.nka if row.nka is not None else nka_hitung,
        nka_hitung=nka_hitung,
        komponen_perencanaan={LABEL[f]: getattr(row, f) for f in PERENCANAAN},
        komponen_pelaksanaan={LABEL[f]: getattr(row, f) for f in PELAKSANAAN},
        row=row.row,
    )


def nka_results(rows: Iterable[Nka]) -> list[NkaResult]:
    """Every year of the NKA sheet, oldest first."""
    return [nka_result(r) for r in sorted(rows, key=lambda r: r.tahun)]
