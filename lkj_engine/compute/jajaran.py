"""A Kanwil's consolidated figures: regional leaves summed over its jajaran, then the usual engine.

`consolidate(kanwil, kanim)` takes the Kanwil's workbook and its Kanim's, already matched and valid
(checks.jajaran does the matching), and returns the Kanwil's `Results` in which every
`Rekap Jajaran = Ya` leaf holds the jajaran's sums, so the tree, capaian, averages and every sentence
follow from them, plus the per-satker tables (`Results.jajaran`). Pure: no I/O, no problems raised;
a share that cannot be summed is a reason (`alasan`) the checks turn into a message.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Sequence

from lkj_engine.compute import anggaran, capaian, komposit
from lkj_engine.compute.engine import compute
from lkj_engine.contract import schema
from lkj_engine.contract.schema import JENIS_BELANJA, KELOMPOK_LAYANAN
from lkj_engine.model.jajaran import (IkkPerSatker, Jajaran, LayananKelompok, LayananSatker, LeafShare, PnbpYear,
                                      RegionalLeaf, Satker, SatkerBelanja, SatkerNka)
from lkj_engine.model.results import BudgetLine, Node, Results
from lkj_engine.model.workbook import Komponen, Num, Workbook

JUMLAH = anggaran.JUMLAH


# How two offices' names (and codes) are compared: as the contract compares headers, ignoring case,
# zero-width characters and how the spaces were typed (a non-breaking space pasted from Word, a
# double space, a line break in the cell), so the clerk never sees two names that look alike refused.
name_key = schema.normalize_header


def _find_node(results: Results, kode_ikk: str, kode: str) -> Node | None:
    """The evaluated node of (Kode IKK, Kode) in a satker's own trees."""
    for r in results.ikk:
        if name_key(r.ikk.kode) != name_key(kode_ikk):
            continue
        stack = list(r.tree)
        while stack:
            node = stack.pop()
            if name_key(node.kode) == name_key(kode):
                return node
            stack.extend(node.children)
    return None


def _own_share(nama: str, k: Komponen, mine: Node | None) -> LeafShare:
    """The Kanwil's own figures of a regional leaf: typed, else from its own Layanan. Both blank: it
    adds nothing (a Kanwil rarely has crossings or applicants of its own). One of the two blank: the
    share is incomplete, and so is the regional sum (adding a Penyebut without its Pembilang would
    lower the ratio silently)."""
    def figure(typed: Num, resolved: Num) -> Num:
        return typed if typed is not None else resolved

    pembilang = figure(k.pembilang, mine.pembilang if mine else None)
    penyebut = figure(k.penyebut, mine.penyebut if mine else None)
    if (pembilang is None) != (penyebut is None):
        kosong = "Pembilang" if pembilang is None else "Penyebut"
        return LeafShare(nama, None, None, f"{nama}: komponen {k.kode} belum lengkap ({kosong} kosong)")
    return LeafShare(nama, pembilang, penyebut)


def regional_leaves(kanwil: Workbook, own: Results, kanim: Sequence[Satker]) -> list[RegionalLeaf]:
    """Every regional leaf of the Kanwil: its own figures (a blank adds nothing) plus each Kanim's, exactly."""
    parents = {(name_key(k.kode_ikk), name_key(k.induk)) for k in kanwil.komponen if k.induk}
    leaves = []
    for k in kanwil.komponen:
        if not k.rekap_jajaran or k.nilai is not None or (name_key(k.kode_ikk), name_key(k.kode)) in parents:
            continue
        mine = _find_node(own, k.kode_ikk, k.kode)
        shares = [_own_share(kanwil.identitas.nama_singkat, k, mine)]
        for satker in kanim:
            node = _find_node(satker.results, k.kode_ikk, k.kode)
            if node is None:
                alasan = f"{satker.nama_singkat} tidak memiliki komponen {k.kode} pada IKK {k.kode_ikk}"
            elif node.jenis == "nilai":
                alasan = f"{satker.nama_singkat} mengisi Nilai komponen {k.kode}, bukan Pembilang dan Penyebut"
            elif node.pembilang is None or node.penyebut is None:
                alasan = f"{satker.nama_singkat}: komponen {k.kode} belum lengkap ({node.alasan})"
            else:
                alasan = None
            shares.append(LeafShare(satker.nama_singkat, None if alasan else node.pembilang,
                                    None if alasan else node.penyebut, alasan, komponen_ada=node is not None))
        missing = next((s.alasan for s in shares if s.alasan), None)
        leaves.append(RegionalLeaf(
            kode_ikk=k.kode_ikk, kode=k.kode, nama=k.nama, shares=shares,
            pembilang=None if missing else sum((s.pembilang for s in shares if s.pembilang is not None), Decimal(0)),
            penyebut=None if missing else sum((s.penyebut for s in shares if s.penyebut is not None), Decimal(0)),
            alasan=missing,
            ket_pembilang=(mine.ket_pembilang if mine else None) or k.ket_pembilang,
            ket_penyebut=(mine.ket_penyebut if mine else None) or k.ket_penyebut,
            faktor=k.faktor, from_layanan=k.sumber in komposit.SUMBER_LAYANAN,
        ))
    return leaves


def regional_workbook(kanwil: Workbook, leaves: Iterable[RegionalLeaf]) -> Workbook:
    """The Kanwil's workbook with each regional leaf's Pembilang/Penyebut set to the jajaran's sums.

    The Sumber is dropped on those leaves: their figures are already resolved, per satker."""
    sums = {(name_key(x.kode_ikk), name_key(x.kode)): x for x in leaves}
    komponen: list[Komponen] = []
    for k in kanwil.komponen:
        leaf = sums.get((name_key(k.kode_ikk), name_key(k.kode)))
        if leaf is None:
            komponen.append(k)
            continue
        komponen.append(replace(k, pembilang=leaf.pembilang, penyebut=leaf.penyebut, sumber=None,
                                ket_pembilang=leaf.ket_pembilang, ket_penyebut=leaf.ket_penyebut))
    return replace(kanwil, komponen=komponen)


def _total(values: Iterable):
    """Σ of the counts given (a satker without the figure is left out); None when none was given:
    a JUMLAH of nothing is not 0."""
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _report_year_belanja(results: Results, nama: str) -> SatkerBelanja:
    year = next((y for y in results.belanja if y.tahun == results.workbook.tahun), None)
    lines = {j: next((ln for ln in year.lines if ln.label == j), None) if year else None for j in JENIS_BELANJA}
    return SatkerBelanja(nama, lines, year.total if year else None)


def _belanja_total(rows: Sequence[SatkerBelanja]) -> SatkerBelanja:
    def total(lines: list[BudgetLine]) -> BudgetLine | None:
        return anggaran.total_line(lines) if lines else None

    by_jenis = {j: total([r.lines[j] for r in rows if r.lines[j] is not None]) for j in JENIS_BELANJA}
    return SatkerBelanja(JUMLAH, by_jenis, total([r.total for r in rows if r.total is not None]))


def _pnbp_years(satker: Sequence[Satker], tahun: int) -> list[PnbpYear]:
    years = []
    for year in (tahun - 1, tahun):
        per_satker: dict[str, tuple[Num, Num]] = {}
        for s in satker:
            row = next((p for p in s.results.pnbp if p.tahun == year), None)
            if row is not None:
                per_satker[s.nama_singkat] = (row.target, row.realisasi)
        if not per_satker:
            continue
        targets = [t for t, _ in per_satker.values()]
        target = None if any(t is None for t in targets) else sum(targets, Decimal(0))
        realisasi = sum((r for _, r in per_satker.values()), Decimal(0))
        years.append(PnbpYear(year, per_satker, target, realisasi, anggaran.persen(realisasi, target)))
    return years


def _nka(satker: Sequence[Satker], tahun: int) -> tuple[list[SatkerNka], SatkerNka]:
    rows = []
    for s in satker:
        n = next((x for x in s.results.nka if x.tahun == tahun), None)
        if n is not None:
            rows.append(SatkerNka(s.nama_singkat, n.perencanaan, n.pelaksanaan, n.nka))
    mean = SatkerNka("Rata-rata", capaian.average(r.perencanaan for r in rows),
                     capaian.average(r.pelaksanaan for r in rows), capaian.average(r.nka for r in rows))
    return rows, mean


def _layanan(satker: Sequence[Satker]) -> list[LayananKelompok]:
    groups = []
    for kelompok in KELOMPOK_LAYANAN:
        per_satker = []
        for s in satker:
            rows = [r for r in s.results.workbook.layanan if r.kelompok == kelompok]
            if not rows:
                continue
            selesai = [_total((r.terbit, r.ditolak, r.batal)) for r in rows]
            per_satker.append(LayananSatker(s.nama_singkat, _total(r.diterima for r in rows), _total(selesai),
                                            _total(r.sesuai_syarat for r in rows),
                                            _total(r.tepat_waktu for r in rows)))
        if not per_satker:
            continue

        def column(name: str) -> int | None:
            return _total(getattr(x, name) for x in per_satker)

        jumlah = LayananSatker(JUMLAH, column("diterima"), column("selesai"), column("sesuai_syarat"),
                               column("tepat_waktu"))
        groups.append(LayananKelompok(kelompok, per_satker, jumlah))
    return groups


def _ikk_per_satker(regional: Results, satker: Sequence[Satker], leaves: Sequence[RegionalLeaf]
                    ) -> list[IkkPerSatker]:
    summed = {name_key(x.kode_ikk) for x in leaves}
    rows = []
    for r in regional.ikk:
        per = {}
        for s in satker:
            own = next((x for x in s.results.ikk if name_key(x.ikk.kode) == name_key(r.ikk.kode)), None)
            per[s.nama_singkat] = own.capaian if own else None
        rows.append(IkkPerSatker(r.ikk.kode, r.ikk.nama, r.capaian, per, sasaran_no=r.ikk.sasaran_no,
                                 wilayah=name_key(r.ikk.kode) in summed))
    return rows


def column_average(rows: Sequence[IkkPerSatker], values: Sequence[Num]) -> Num:
    """The report's rata-rata (mean of the sasaran means, unknown capaian skipped) over the IKK shown."""
    groups: dict[int, list[Num]] = {}
    for row, value in zip(rows, values):
        groups.setdefault(row.sasaran_no, []).append(value)
    return capaian.overall_average([capaian.sasaran_average(groups[no])[0] for no in sorted(groups)])


def rata_ikk(rows: Sequence[IkkPerSatker], satker: Sequence[Satker]) -> tuple[Num, dict[str, Num]]:
    """The "Rata-rata capaian kinerja" row of the IKK-per-satker table: every column over the same IKK.

    A satker's own whole-PK average would not be comparable (a Kanim's PK has IKK the Kanwil does
    not show); the Kanwil's own column has none when an IKK shown is regional (its own figure of such
    an IKK does not apply), so it is left out rather than averaged over fewer IKK."""
    wilayah = column_average(rows, [r.regional for r in rows])
    per: dict[str, Num] = {}
    for i, s in enumerate(satker):
        if i == 0 and any(r.wilayah for r in rows):
            per[s.nama_singkat] = None
        else:
            per[s.nama_singkat] = column_average(rows, [r.per_satker.get(s.nama_singkat) for r in rows])
    return wilayah, per


def satker_of(results: Results, berkas: Path | None = None) -> Satker:
    ident = results.workbook.identitas
    return Satker(ident.nama_satker, ident.nama_singkat, ident.jenis, results, berkas)


def consolidate(kanwil: Workbook, kanim: Sequence[Satker], berkas: Path | None = None) -> Results:
    """The Kanwil's Results over its jajaran (`kanim`: each Kanim's own Results, in Jajaran order)."""
    own = compute(kanwil)
    leaves = regional_leaves(kanwil, own, kanim)
    results = compute(regional_workbook(kanwil, leaves))
    satker = [satker_of(own, berkas), *kanim]
    tahun = kanwil.tahun
    per_anggaran = [(s.nama_singkat, s.results.anggaran_total) for s in satker]
    belanja = [_report_year_belanja(s.results, s.nama_singkat) for s in satker]
    nka_rows, nka_mean = _nka(satker, tahun)
    pegawai = [(s.nama_singkat, s.results.pegawai_total) for s in satker]
    ikk_rows = _ikk_per_satker(results, satker, leaves)
    rata_wilayah, rata_per = rata_ikk(ikk_rows, satker)
    results.jajaran = Jajaran(
        satker=satker,
        leaves=leaves,
        anggaran=per_anggaran,
        anggaran_total=anggaran.total_line([ln for _, ln in per_anggaran], tahun=tahun),
        belanja=belanja,
        belanja_total=_belanja_total(belanja),
        pnbp=_pnbp_years(satker, tahun),
        nka=nka_rows,
        nka_rata=nka_mean,
        layanan=_layanan(satker),
        pegawai=pegawai,
        pegawai_total=_total(n for _, n in pegawai),
        ikk=ikk_rows,
        rata_ikk=rata_per,
        rata_wilayah=rata_wilayah,
    )
    return results


# ---------------------------------------------------------------- per-satker ratios of the jajaran tables
# The report and the rekap workbook print these beside each satker's figures; both call the same
# functions, so a percentage is computed once and never from rounded parts.

def rasio(bagian: Num, keseluruhan: Num) -> Num:
    """bagian ÷ keseluruhan × 100 (a leaf's Pembilang ÷ Penyebut, a satker's share of the JUMLAH);
    None when either is unknown or the whole is 0."""
    return anggaran.persen(bagian, keseluruhan)


def layanan_persen(row: LayananSatker) -> tuple[Num, Num]:
    """(completed ÷ received, on time ÷ met the requirements) × 100 of one satker or the JUMLAH."""
    def dec(value: int | None) -> Num:
        return None if value is None else Decimal(value)

    return rasio(dec(row.selesai), dec(row.diterima)), rasio(dec(row.tepat_waktu), dec(row.sesuai_syarat))


def pertumbuhan(ini: Num, lalu: Num) -> Num:
    """Growth of a realisation against the year before, in %; None without last year's figure or when it is 0."""
    if ini is None or lalu is None or lalu == 0:
        return None
    return (ini - lalu) / lalu * Decimal(100)


def pnbp_satker(jajaran: Jajaran) -> list[str]:
    """The satker with a PNBP row in any year, in jajaran order (the Kanwil first)."""
    return [n for n in jajaran.nama_satker if any(n in y.per_satker for y in jajaran.pnbp)]


def belanja_jenis(jajaran: Jajaran) -> list[str]:
    """The jenis belanja at least one satker has (a column no satker fills is left out of the tables)."""
    return [j for j in JENIS_BELANJA if jajaran.belanja_total.lines.get(j) is not None]
