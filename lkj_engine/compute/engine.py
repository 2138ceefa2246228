"""`compute(workbook) -> Results`: every figure of the report, computed once, exactly, without I/O.

The renderer and the JSON only read the Results; each number they print comes from here, so the
same figure can never appear with two values in two chapters.
"""
from __future__ import annotations

from lkj_engine.compute import anggaran
from lkj_engine.compute import capaian
from lkj_engine.compute import komposit
from lkj_engine.compute import nka
from lkj_engine.compute import pegawai
from lkj_engine.model.workbook import IKK, Workbook
from lkj_engine.model.results import IkkResult, Results, SasaranResult


def ikk_result(ikk: IKK, wb: Workbook) -> IkkResult:
    """Realisasi (typed, else from the Komponen tree), capaian and the comparisons of one IKK."""
    tree = komposit.build_tree(ikk.kode, wb.komponen, wb.layanan)
    nilai_komponen, alasan_komponen = komposit.tree_value(tree) if tree else (None, None)
    if ikk.realisasi is not None:
        realisasi, dari_komponen, alasan_realisasi = ikk.realisasi, False, None
    elif tree:
        realisasi, dari_komponen, alasan_realisasi = nilai_komponen, True, alasan_komponen
    else:
        realisasi, dari_komponen = None, False
        alasan_realisasi = "realisasi belum diisi dan IKK tidak memiliki komponen"

    def versus(acuan, nama: str):
        return capaian.ratio_by_polarity(realisasi, acuan, ikk.polaritas, nama, alasan_realisasi)

    value, alasan = capaian.capaian(realisasi, ikk.target, ikk.polaritas, alasan_realisasi)
    vs_jm, vs_jm_alasan = versus(ikk.target_jm, "target jangka menengah")
    vs_sn, vs_sn_alasan = versus(ikk.standar_nasional, "standar nasional")
    riwayat = capaian.year_points(ikk, wb.riwayat, wb.tahun)
    latest = riwayat[-1] if riwayat else None
    return IkkResult(
        ikk=ikk,
        realisasi=realisasi,
        realisasi_dari_komponen=dari_komponen,
        capaian=value,
        capaian_alasan=alasan,
        tree=tree,
        realisasi_komponen=nilai_komponen,
        realisasi_komponen_alasan=alasan_komponen,
        riwayat=riwayat,
        perubahan_realisasi=capaian.change(realisasi, latest.realisasi if latest else None),
        perubahan_capaian=capaian.change(value, latest.capaian if latest else None),
        vs_jangka_menengah=vs_jm,
        vs_jangka_menengah_alasan=vs_jm_alasan,
        vs_standar_nasional=vs_sn,
        vs_standar_nasional_alasan=vs_sn_alasan,
        selisih_standar_nasional=capaian.change(realisasi, ikk.standar_nasional),
        capaian_standar_nasional=capaian.ratio_by_polarity(
            ikk.standar_nasional, ikk.target_standar_nasional, ikk.polaritas)[0],
    )


def sasaran_results(ikk_results: list[IkkResult], budget: dict) -> list[SasaranResult]:
    """IKK grouped by No Sasaran (ascending), each with its average capaian and its budget."""
    groups: dict[int, list[IkkResult]] = {}
    for r in ikk_results:
        groups.setdefault(r.ikk.sasaran_no, []).append(r)
    result = []
    for no in sorted(groups):
        members = groups[no]
        rata, alasan = capaian.sasaran_average([r.capaian for r in members])
        line = budget.get(no)
        result.append(SasaranResult(
            no=no, nama=members[0].ikk.sasaran, ikk=members, rata_capaian=rata, rata_alasan=alasan,
            pagu=line.pagu if line else None,
            realisasi_anggaran=line.realisasi if line else None,
            persen_anggaran=line.persen if line else None,
        ))
    return result


def compute(wb: Workbook) -> Results:
    """Every figure of the report from the clerk's workbook."""
    ikk_results = [ikk_result(i, wb) for i in wb.ikk]
    anggaran_rows = anggaran.anggaran_lines(wb.anggaran)
    names: dict[int, str] = {}
    for i in wb.ikk:
        names.setdefault(i.sasaran_no, i.sasaran)  # the first spelling, as the sasaran's own name
    groups = anggaran.sasaran_groups(anggaran_rows, names)
    sasaran = sasaran_results(ikk_results, anggaran.per_sasaran(groups))
    belanja = anggaran.belanja_years(wb.belanja)
    dims = pegawai.dimensions(wb.pegawai)
    return Results(
        workbook=wb,
        sasaran=sasaran,
        ikk=ikk_results,
        rata_capaian=capaian.overall_average([s.rata_capaian for s in sasaran]),
        rata_metode=capaian.RATA_METODE,
        anggaran_rows=anggaran_rows,
        anggaran_total=anggaran.total_line(anggaran_rows, tahun=wb.tahun),
        anggaran_kegiatan=anggaran.per_kegiatan(anggaran_rows),
        anggaran_sasaran=groups,
        belanja=belanja,
        belanja_perubahan=anggaran.belanja_changes(belanja, wb.tahun),
        sumber_dana=anggaran.sumber_dana_years(wb.sumber_dana),
        pnbp=anggaran.pnbp_results(wb.pnbp),
        nka=nka.nka_results(wb.nka),
        pegawai=dims,
        pegawai_total=pegawai.total(dims),
    )
