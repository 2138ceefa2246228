"""Budget figures: DIPA per kegiatan and per sasaran, jenis belanja, sumber dana, blokir, PNBP.

Every total is the exact sum of its unrounded rows, and every percentage of a total is computed
from those sums (never from rounded parts, never as a mean of row percentages): `total_line` is
the one place that does it, for every table. Rupiah are whole numbers (the loader refuses sen), so
a sum of printed rows is the printed sum.

One Anggaran row is one (kegiatan, sasaran) pair. A DIPA kegiatan serving two sasaran is typed on
two rows with the same Program and Kegiatan: the PK table (`per_kegiatan`) prints it once with the
summed pagu, while BAB III.B (`sasaran_groups`) keeps one row under each sasaran.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Iterable, Mapping, Sequence

from lkj_engine.model.workbook import Anggaran, Belanja, Num, Pnbp, SumberDana
from lkj_engine.model.results import BelanjaChange, BelanjaYear, BudgetLine, PnbpResult, SasaranBudget
from lkj_engine.contract.schema import JENIS_BELANJA, SUMBER_DANA, normalize_header

HUNDRED = Decimal(100)
JUMLAH = "Jumlah"
ALASAN_TANPA_TARGET = "belum memiliki target PNBP"


def persen(bagian: Num, keseluruhan: Num) -> Num:
    """bagian ÷ keseluruhan × 100; None when either is unknown or the whole is 0."""
    if bagian is None or keseluruhan is None or keseluruhan == 0:
        return None
    return bagian / keseluruhan * HUNDRED


def _sum(values: Iterable[Num]) -> Num:
    """Exact sum; None if any part is unknown (a total of unknown parts is unknown)."""
    values = list(values)
    if any(v is None for v in values):
        return None
    return sum(values, Decimal(0))


def line(label: str, pagu: Decimal, realisasi: Num, blokir: Num = None, **extra) -> BudgetLine:
    """One budget row with its realisation % and, if any, the share of pagu that was blocked."""
    return BudgetLine(label=label, pagu=pagu, realisasi=realisasi, persen=persen(realisasi, pagu),
                      blokir=blokir, persen_blokir=persen(blokir, pagu), **extra)


def total_line(lines: Sequence[BudgetLine], label: str = JUMLAH, tahun: int | None = None) -> BudgetLine:
    """The total row of a table: sums of the unrounded rows, then the % of those sums."""
    blokirs = [ln.blokir for ln in lines if ln.blokir is not None]
    return line(label, sum((ln.pagu for ln in lines), Decimal(0)), _sum(ln.realisasi for ln in lines),
                blokir=sum(blokirs, Decimal(0)) if blokirs else None, tahun=tahun)


def anggaran_lines(rows: Iterable[Anggaran]) -> list[BudgetLine]:
    """One line per Anggaran row (kegiatan of the DIPA), in sheet order."""
    return [line(r.kegiatan, r.pagu, r.realisasi, program=r.program, sasaran_no=r.sasaran_no, row=r.row)
            for r in rows]


def _merged(lines: Iterable[BudgetLine], with_sasaran: bool) -> list[BudgetLine]:
    """Lines of the same Program and Kegiatan (and, `with_sasaran`, No Sasaran) as one, in first-row order.

    A merged line holds the exact sums, the clerk's text and row of its first line, its parts in
    `bagian`, and a No Sasaran only when every part has the same one.
    """
    groups: dict[tuple, list[BudgetLine]] = {}
    for ln in lines:
        key = (normalize_header(ln.program), normalize_header(ln.label)) + ((ln.sasaran_no,) if with_sasaran else ())
        groups.setdefault(key, []).append(ln)
    result = []
    for group in groups.values():
        first = group[0]
        if len(group) == 1:
            result.append(first)
            continue
        nos = {ln.sasaran_no for ln in group}
        result.append(replace(total_line(group, first.label), program=first.program, row=first.row,
                              sasaran_no=first.sasaran_no if len(nos) == 1 else None, bagian=list(group)))
    return result


def per_kegiatan(lines: Sequence[BudgetLine]) -> list[BudgetLine]:
    """The PK table's lines: one per DIPA kegiatan, Program by Program.

    Rows with the same Program and Kegiatan (ignoring case and spaces) are one kegiatan split over the
    sasaran it serves: one line with the exact sums of those rows, whose `bagian` are its lines per
    sasaran (`per_sasaran_kegiatan`). Programs keep the order of their first row, kegiatan the order of
    theirs, so a program's header is printed once even when the sheet interleaves programs.
    """
    kegiatan = _merged(per_sasaran_kegiatan(lines), with_sasaran=False)
    programs = list(dict.fromkeys(normalize_header(ln.program) for ln in kegiatan))
    return sorted(kegiatan, key=lambda ln: programs.index(normalize_header(ln.program)))


def per_sasaran_kegiatan(lines: Iterable[BudgetLine]) -> list[BudgetLine]:
    """One line per (kegiatan, sasaran): a kegiatan typed twice for the same sasaran is summed once.

    Double typing is not hidden by this: the Anggaran total still counts both rows and is checked
    against Belanja and Sumber Dana (`jumlah-anggaran-berbeda`).
    """
    return _merged(lines, with_sasaran=True)


def sasaran_groups(lines: Iterable[BudgetLine], names: Mapping[int, str]) -> list[SasaranBudget]:
    """BAB III.B's table: the (kegiatan, sasaran) lines by No Sasaran (ascending), then those without one.

    Each Anggaran row is in exactly one line of one group, so the groups' totals add up to the Anggaran
    total. `names` (No Sasaran -> name, from the IKK sheet) names the groups; a number the IKK sheet lacks
    has none.
    """
    groups: dict[int | None, list[BudgetLine]] = {}
    for ln in per_sasaran_kegiatan(lines):
        groups.setdefault(ln.sasaran_no, []).append(ln)
    order = sorted(no for no in groups if no is not None) + ([None] if None in groups else [])
    return [SasaranBudget(no, names.get(no) if no is not None else None, groups[no],
                          total_line(groups[no], f"Sasaran {no}" if no is not None else "Tanpa Sasaran"))
            for no in order]


def per_sasaran(groups: Iterable[SasaranBudget]) -> dict[int, BudgetLine]:
    """Σ of the Anggaran rows linked to each sasaran (by No Sasaran, from `sasaran_groups`); unlinked
    rows are left out."""
    return {g.no: g.total for g in groups if g.no is not None}


def _by_year(rows, label_of, order: Sequence[str]) -> list[BelanjaYear]:
    years = sorted({r.tahun for r in rows})
    result = []
    for tahun in years:
        lines = [line(label_of(r), r.pagu, r.realisasi, blokir=getattr(r, "blokir", None), tahun=tahun, row=r.row)
                 for r in rows if r.tahun == tahun]
        lines.sort(key=lambda ln: order.index(ln.label) if ln.label in order else len(order))
        result.append(BelanjaYear(tahun, lines, total_line(lines, tahun=tahun)))
    return result


def belanja_years(rows: Iterable[Belanja]) -> list[BelanjaYear]:
    """Per year (oldest first): Belanja Pegawai, Barang, Modal with totals, blokir and its share."""
    return _by_year(list(rows), lambda r: r.jenis, JENIS_BELANJA)


def sumber_dana_years(rows: Iterable[SumberDana]) -> list[BelanjaYear]:
    """Per year (oldest first): RM, PNBP with totals."""
    return _by_year(list(rows), lambda r: r.sumber, SUMBER_DANA)


def belanja_changes(years: Sequence[BelanjaYear], tahun: int) -> list[BelanjaChange]:
    """Realisation % of each jenis belanja (and the total) in the report year vs the year before.

    The change is in percentage points. A jenis absent in one of the two years has no change.
    """
    ini = next((y for y in years if y.tahun == tahun), None)
    lalu = next((y for y in years if y.tahun == tahun - 1), None)
    if ini is None and lalu is None:
        return []

    def pct(year: BelanjaYear | None, label: str) -> Num:
        if year is None:
            return None
        if label == JUMLAH:
            return year.total.persen
        return next((ln.persen for ln in year.lines if ln.label == label), None)

    labels = [j for j in JENIS_BELANJA
              if any(ln.label == j for y in (ini, lalu) if y for ln in y.lines)] + [JUMLAH]
    changes = []
    for label in labels:
        a, b = pct(lalu, label), pct(ini, label)
        changes.append(BelanjaChange(label, a, b, None if a is None or b is None else b - a))
    return changes


def pnbp_results(rows: Iterable[Pnbp]) -> list[PnbpResult]:
    """PNBP per year (oldest first): % of target (none without a target) and growth of realisasi."""
    rows = sorted(rows, key=lambda r: r.tahun)
    by_year = {r.tahun: r for r in rows}
    results = []
    for r in rows:
        value = persen(r.realisasi, r.target)
        prev = by_year.get(r.tahun - 1)
        growth = None
        if prev is not None and prev.realisasi:
            growth = (r.realisasi - prev.realisasi) / prev.realisasi * HUNDRED
        results.append(PnbpResult(r.tahun, r.target, r.realisasi, value,
                                  None if value is not None else ALASAN_TANPA_TARGET, growth))
    return results
