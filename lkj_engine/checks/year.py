"""Checks for the report year: rows of a year the report does not use, and a Tahun no profile covers.

A workbook carried over from last year (`tahun-baru`) or copied by hand keeps last year's rows; these
warnings say where the report year is missing or where a date belongs to another year (a signing
date before the report year, within it, or more than a year after it), naming sheet and cell. (A Riwayat IKK row of the report year or later is already warned about by the loader.)
"""
from __future__ import annotations

from typing import Iterable, Protocol

from lkj_engine.contract.formatting import long_date
from lkj_engine.contract.problems import Problem, warning
from lkj_engine.contract.profile import profile_for
from lkj_engine.contract.schema import IDENTITAS
from lkj_engine.model.results import Results
from lkj_engine.model.workbook import Workbook

# Sheets with one row (or one row per jenis/sumber) per year; the report reads the report year's.
YEAR_KEYED = {
    "Belanja": ("belanja", "realisasi per jenis belanja (BAB III.B)"),
    "Sumber Dana": ("sumber_dana", "anggaran menurut sumber dana (BAB II.B dan BAB III.B)"),
    "PNBP": ("pnbp", "penerimaan PNBP (BAB III.B)"),
    "NKA": ("nka", "Nilai Kinerja Anggaran (BAB III.C)"),
}
TAHUN_ROW = 2 + [f.field for f in IDENTITAS.fields].index("tahun")  # Identitas!B<row> in the blank workbook


class _YearRow(Protocol):
    tahun: int
    row: int


def check(wb: Workbook, results: Results | None = None) -> list[Problem]:
    """Every year warning of one workbook (results are not needed; the signature matches the other checks)."""
    problems = []
    tahun_cell = wb.identitas_cells.get("tahun", f"B{TAHUN_ROW}")
    found = profile_warning(wb.tahun, tahun_cell)
    if found:
        problems.append(found)
    for sheet, (attribute, section) in YEAR_KEYED.items():
        problems.extend(missing_report_year(wb, sheet, getattr(wb, attribute), section))
    problems.extend(signing_date(wb))
    problems.extend(later_awards(wb))
    return problems


def profile_warning(tahun: int, cell: str | None = f"B{TAHUN_ROW}") -> Problem | None:
    """A Tahun outside every shipped profile: the nearest profile is used, and the clerk is told which."""
    profile, holds = profile_for(tahun)
    if holds:
        return None
    return warning("Identitas", cell,
                   f"Tahun {tahun} di luar periode profil tahun yang tersedia; dipakai profil terdekat "
                   f"{profile.periode} ({profile.source.name}: kementerian, Pedoman, IKK dan bobot NKA). "
                   "Bila Renstra atau Pedoman baru sudah berlaku, tambahkan berkas profilnya (lihat README)",
                   kode="tahun-di-luar-profil")


def missing_report_year(wb: Workbook, sheet: str, rows: Iterable[_YearRow], section: str) -> list[Problem]:
    """Rows of other years only: the report year's figures are missing (e.g. a copy of last year's file)."""
    rows = list(rows)
    if not rows or any(r.tahun == wb.tahun for r in rows):
        return []
    last = max(rows, key=lambda r: (r.tahun, r.row))
    years = ", ".join(str(t) for t in sorted({r.tahun for r in rows}))
    return [warning(sheet, wb.cell(sheet, "tahun", last.row),
                    f"Sheet {sheet} berisi tahun {years} tetapi tidak ada baris tahun laporan {wb.tahun}; "
                    f"bagian {section} tidak akan memuat angka tahun {wb.tahun}. Tambahkan baris tahun {wb.tahun}",
                    kode="tahun-laporan-tidak-ada")]


SIGNING_YEARS_AFTER = 1  # a report is signed within the year after its report year (normally January)
EPOCH_YEARS = (1899, 1900)  # what a date cell holding a small number (1, 2, ...) shows


def signing_date(wb: Workbook) -> list[Problem]:
    """The report accounts for a finished year: signed after 31 December of the report year, and not
    more than `SIGNING_YEARS_AFTER` year after it (a later date is a typo, e.g. 2062 for 2026)."""
    ttd = wb.identitas.tanggal_ttd
    if ttd is None or wb.tahun < ttd.year <= wb.tahun + SIGNING_YEARS_AFTER:
        return []
    cell = wb.identitas_cells.get("tanggal_ttd")
    shown = long_date(ttd)
    if ttd.year < wb.tahun:
        hint = (" (tanggal 1899/1900 berarti sel tanggal berisi angka kecil, mis. 1, bukan tanggal)" if ttd.year in EPOCH_YEARS
                else "")
        return [warning("Identitas", cell,
                        f"Tanggal Penandatanganan {shown} sebelum tahun laporan {wb.tahun}{hint}; isi tanggal "
                        f"penandatanganan yang sebenarnya, biasanya Januari {wb.tahun + 1}",
                        kode="tanggal-ttd-sebelum-tahun-laporan")]
    if ttd.year == wb.tahun:
        return [warning("Identitas", cell,
                        f"Tanggal Penandatanganan {shown} tidak sesudah akhir tahun "
                        f"laporan {wb.tahun}; laporan kinerja ditandatangani setelah tahunnya berakhir "
                        f"(biasanya Januari {wb.tahun + 1})",
                        kode="tanggal-ttd-sebelum-akhir-tahun")]
    return [warning("Identitas", cell,
                    f"Tanggal Penandatanganan {shown} lebih dari {SIGNING_YEARS_AFTER} tahun sesudah akhir tahun "
                    f"laporan {wb.tahun}; periksa tahunnya (salah ketik?), biasanya Januari {wb.tahun + 1}",
                    kode="tanggal-ttd-terlalu-lambat")]


def later_awards(wb: Workbook) -> list[Problem]:
    """An award of a year after the report year cannot be part of this year's report."""
    return [warning("Penghargaan", wb.cell("Penghargaan", "tahun", p.row),
                    f"Penghargaan \"{p.penghargaan}\" tahun {p.tahun} sesudah tahun laporan {wb.tahun}; "
                    "penghargaan itu dilaporkan pada laporan tahunnya",
                    kode="penghargaan-tahun-kemudian")
            for p in wb.penghargaan if p.tahun is not None and p.tahun > wb.tahun]
