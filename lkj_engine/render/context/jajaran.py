"""The jajaran tables of a Kanwil's consolidated report: every row, JUMLAH and sentence as text.

`jajaran_context(results, charts)` returns the one key ``jajaran``: None for a Kanim (or a Kanwil
run without its Kanim), else the tables of seed 000 built correctly: staff per satker (BAB I),
capaian of every IKK per satker (III.A), the jajaran budget beside the Kanwil's own DIPA, budget by
jenis belanja and PNBP per satker (III.B), NKA per satker with the means (III.C), service data and
the regional leaves per satker (III.D). Every JUMLAH is the exact sum of the rows above it (rupiah
and counts are whole, so the printed rows add up to the printed JUMLAH) and every % of a JUMLAH is
computed from the sums by `compute.jajaran`, never averaged from the rows.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Callable, Iterable, Optional

from lkj_engine.compute.jajaran import belanja_jenis, layanan_persen, pertumbuhan, pnbp_satker, rasio
from lkj_engine.contract import formatting as fmt
from lkj_engine.contract.schema import JENIS_BELANJA
from lkj_engine.model.jajaran import Jajaran, LayananSatker, LeafShare, RegionalLeaf
from lkj_engine.model.results import BudgetLine, Results
from lkj_engine.render.context.cetak import printed
from lkj_engine.render.context.common import Clerk, chart, join_id, sign
from lkj_engine.render.context.jajaran_types import (
    JAnggaran, JajaranContext, JBaris, JBelanja, JBelanjaKelompok, JCapaian, JKomponen, JLayanan, JLayananBaris,
    JNka, JPegawai, JPenghargaan, JPnbp, JRingkas)
from lkj_engine.render.prose import Sentence, Strong
from lkj_engine.render.chart_spec import Figure

Num = Optional[Decimal]
KOSONG = "-"
# More satker than this and the capaian table (one column per satker) moves to a landscape page.
CAPAIAN_PORTRAIT_SATKER = 4
KETERANGAN = "Keterangan: tanda “-” berarti data tidak diisi oleh satuan kerja atau tidak dapat dihitung."


def persen(value: Num) -> str:
    return fmt.percent(value, missing=KOSONG)


def rupiah(value: Num) -> str:
    return fmt.money(value, missing=KOSONG)


def hitung(value: int | Decimal | None) -> str:
    """A count or a pembilang/penyebut: whole with thousands dots, otherwise 2 decimals."""
    if value is None:
        return KOSONG
    value = Decimal(value)
    return fmt.count(value) if value == value.to_integral_value() else fmt.number(value)


def skor(value: Num) -> str:
    return fmt.number(value, missing=KOSONG)


def _dec(value: int | None) -> Num:
    return None if value is None else Decimal(value)


def _differ(known: list[tuple[str, Decimal]], show: Callable[[Decimal], str]) -> bool:
    """At least two values known and not all printed alike (no "lowest" among equals)."""
    return len(known) >= 2 and len({show(v) for _, v in known}) > 1


def _extreme(items: Iterable[tuple[str, Num]], show: Callable[[Decimal], str],
             pick: Callable) -> tuple[str, Decimal] | None:
    """The satker (all of them when several print the same extreme) with the min / max known value."""
    known = [(n, v) for n, v in items if v is not None]
    if not _differ(known, show):
        return None
    value = pick(v for _, v in known)
    return join_id([n for n, v in known if show(v) == show(value)]), value


def lowest(items: Iterable[tuple[str, Num]], show: Callable[[Decimal], str] = persen
           ) -> tuple[str, Decimal] | None:
    """The satker with the lowest known value (every one printing it, on a tie); None with fewer than
    two values or when every value prints the same."""
    return _extreme(items, show, min)


def highest(items: Iterable[tuple[str, Num]], show: Callable[[Decimal], str] = persen
            ) -> tuple[str, Decimal] | None:
    return _extreme(items, show, max)


def _extreme_sentence(items: list[tuple[str, Num]], what: str, show: Callable[[Decimal], str]) -> Sentence:
    """``Persentase realisasi terendah terdapat pada X (a), tertinggi pada Y (b).``"""
    low, high = lowest(items, show), highest(items, show)
    if low is None or high is None:
        return Sentence()
    return Sentence(f"{what} terendah terdapat pada {low[0]} ({show(low[1])}), sedangkan yang tertinggi pada "
                    f"{high[0]} ({show(high[1])}).")


def keterangan(cells: Iterable[str]) -> str:
    """The "-" note, only under a table that prints a "-"."""
    return KETERANGAN if any(c == KOSONG for c in cells) else ""


def share_total(shares: list, whole) -> str:
    """A share column's JUMLAH: the sum of the shares as printed (100,01% when their rounding says so),
    so a reader who adds the column gets the printed total; the whole's own share when none is known."""
    known = [printed(s) for s in shares if s is not None]
    return persen(sum(known, Decimal(0)) if known else whole)


# ---------------------------------------------------------------- BAB I: staff

def _pegawai(j: Jajaran, nama: str, tahun: int) -> JPegawai:
    total = _dec(j.pegawai_total)
    shares = [rasio(_dec(n), total) for _, n in j.pegawai]
    rows = [{"no": str(i), "satker": s, "jumlah": hitung(n), "porsi": persen(share)}
            for i, ((s, n), share) in enumerate(zip(j.pegawai, shares), start=1)]
    known = [f"{s} sejumlah {fmt.count(n)} orang" for s, n in j.pegawai if n is not None]
    kalimat = Sentence()
    if known:
        kalimat = Sentence(f"Berdasarkan data pegawai di jajaran {nama} Tahun {tahun}, persebaran jumlah pegawai "
                           f"pada {join_id(known)}, sehingga seluruh jajaran didukung oleh ",
                           Strong(f"{fmt.words(j.pegawai_total)} orang"), " pegawai.")
    cells = [c for r in rows for c in (r["jumlah"], r["porsi"])] + [hitung(j.pegawai_total)]
    return {"rows": rows, "jumlah": hitung(j.pegawai_total), "porsi": share_total(shares, rasio(total, total)),
            "kalimat": kalimat, "keterangan": keterangan(cells)}


# ---------------------------------------------------------------- III.A: capaian per satker

def _capaian(results: Results, charts: dict[str, Figure]) -> JCapaian:
    j = results.jajaran
    names = j.nama_satker
    kanwil = names[0]
    rows = [{"nama": f"{r.kode} {r.nama}", "regional": persen(r.regional),
             "nilai": [persen(r.per_satker.get(n)) for n in names]} for r in j.ikk]
    rata = [j.rata_ikk.get(n) for n in names]
    summed = [r.kode for r in j.ikk if r.wilayah]
    own = [r.kode for r in j.ikk if not r.wilayah]
    parts = []
    if summed:
        parts.append(f"untuk {join_id(summed)} dihitung dari komponen yang dijumlahkan se-jajaran")
    if own:
        parts.append(f"untuk {join_id(own)} adalah capaian {kanwil} sendiri")
    kalimat = [Sentence(f"Kolom Wilayah memuat capaian yang dilaporkan pada tabel capaian di atas: {'; '.join(parts)}. "
                        "Kolom satuan kerja memuat capaian indikator dengan kode yang sama pada Perjanjian Kinerja "
                        "masing-masing satuan kerja. Baris rata-rata setiap kolom dihitung dari indikator pada tabel "
                        "ini saja, dengan cara yang sama seperti rata-rata capaian kinerja, sehingga dapat berbeda "
                        "dari rata-rata capaian kinerja pada laporan satuan kerja itu sendiri, yang juga menghitung "
                        "IKK lainnya.")]
    for r in j.ikk:
        low = lowest((n, r.per_satker.get(n)) for n in names if not (r.wilayah and n == kanwil))
        if low is not None:
            kalimat.append(Sentence(f"Pada {r.nama}, capaian terendah terdapat pada {low[0]} sebesar ",
                                    Strong(persen(low[1])), f", dibandingkan capaian wilayah {persen(r.regional)}."))
    low = lowest(zip(names, rata))
    if low is not None:
        kalimat.append(Sentence(f"Rata-rata capaian atas indikator tersebut terendah terdapat pada "
                                f"{low[0]}, yaitu ", Strong(persen(low[1])), "."))
    notes = []
    if summed:
        notes.append(f"tanda “-” pada kolom {kanwil} untuk {join_id(summed)} dan pada rata-ratanya: tidak berlaku, "
                     "karena angkanya adalah angka wilayah (jumlah se-jajaran)")
    # every other cell: the Wilayah column, the satker cells that apply, the satker averages
    others = [persen(r.regional) for r in j.ikk] + [persen(j.rata_wilayah)] + [
        persen(r.per_satker.get(n)) for r in j.ikk for n in names if not (r.wilayah and n == kanwil)] + [
        persen(v) for v in (rata[1:] if summed else rata)]
    if KOSONG in others:
        notes.append("tanda “-” lainnya: data tidak diisi atau tidak dapat dihitung")
    ket = ("Keterangan: " + "; ".join(notes) + ".") if notes else ""
    return {"kolom": names, "rows": rows, "rata_regional": persen(j.rata_wilayah),
            "rata": [persen(v) for v in rata], "kalimat": kalimat, "keterangan": ket,
            "lanskap": len(names) > CAPAIAN_PORTRAIT_SATKER, "grafik": chart(charts, "jajaran_capaian")}


# ---------------------------------------------------------------- III.B: budget and PNBP

def _line(line: BudgetLine | None) -> JBaris:
    if line is None:
        return {"pagu": KOSONG, "realisasi": KOSONG, "persen": KOSONG}
    return {"pagu": rupiah(line.pagu), "realisasi": rupiah(line.realisasi), "persen": persen(line.persen)}


def _anggaran(j: Jajaran, nama: str, tahun: int, charts: dict[str, Figure]) -> JAnggaran:
    total = j.anggaran_total
    kanwil = j.satker[0].nama_singkat
    rows = []
    shares = [rasio(line.pagu, total.pagu) for _, line in j.anggaran]
    for (satker, line), share in zip(j.anggaran, shares):
        label = f"{satker} (DIPA Kantor Wilayah)" if satker == kanwil else satker
        rows.append({"satker": label, **_line(line), "porsi": persen(share)})
    jumlah_kanim = len(j.satker) - 1
    own = j.anggaran[0][1]
    kalimat = [Sentence(
        f"Anggaran jajaran {nama} tahun {tahun}, yaitu DIPA Kantor Wilayah ditambah DIPA "
        f"{fmt.words(jumlah_kanim)} Kantor Imigrasi di bawahnya, berjumlah ", Strong(rupiah(total.pagu)),
        " dengan realisasi ", Strong(rupiah(total.realisasi)), " atau ", Strong(persen(total.persen)),
        f". Jumlah ini berbeda dengan DIPA {kanwil} sendiri sebesar {rupiah(own.pagu)} (realisasi "
        f"{rupiah(own.realisasi)} atau {persen(own.persen)}) yang diuraikan pada bagian sebelumnya.")]
    kalimat.append(_extreme_sentence([(s, ln.persen) for s, ln in j.anggaran], "Persentase realisasi anggaran",
                                     persen))
    return {"rows": rows, "jumlah": {**_line(total), "porsi": share_total(shares, rasio(total.pagu, total.pagu))},
            "kalimat": [k for k in kalimat if k], "grafik": chart(charts, "jajaran_anggaran")}


def _belanja(j: Jajaran, tahun: int) -> JBelanja:
    """Grouped like the Kanwil's own jenis-belanja table: one group per satker, then the jajaran's."""
    def group(judul: str, lines: dict[str, BudgetLine | None], total: BudgetLine | None, jumlah: str
              ) -> JBelanjaKelompok:
        return {"judul": judul,
                "lines": [{"label": jenis, **_line(lines[jenis])} for jenis in JENIS_BELANJA
                          if lines.get(jenis) is not None],
                "jumlah": {"label": jumlah, **_line(total)}}

    t = j.belanja_total
    groups = [group(b.satker, b.lines, b.total, f"Jumlah {b.satker}") for b in j.belanja if b.total is not None]
    groups.append(group("Jajaran (seluruh satuan kerja)", t.lines, t.total, "Jumlah Jajaran"))
    parts = [f"{jenis} sebesar {rupiah(t.lines[jenis].realisasi)} ({persen(t.lines[jenis].persen)} dari pagu "
             f"{rupiah(t.lines[jenis].pagu)})" for jenis in belanja_jenis(j)]
    kalimat = [Sentence(f"Menurut jenis belanja, realisasi anggaran seluruh jajaran tahun {tahun} terdiri atas "
                        f"{join_id(parts)}.")] if parts else []
    per_jenis = [(f"{jenis} {b.satker}", b.lines[jenis].persen) for jenis in belanja_jenis(j) for b in j.belanja
                 if b.lines.get(jenis) is not None]
    low = lowest(per_jenis)
    if low is not None:
        kalimat.append(Sentence(f"Persentase realisasi terendah menurut jenis belanja terdapat pada {low[0]}, "
                                f"yaitu {persen(low[1])}."))
    return {"ada": t.total is not None, "kelompok": groups, "kalimat": kalimat}


def _pnbp(j: Jajaran, tahun: int) -> JPnbp:
    lalu = next((y for y in j.pnbp if y.tahun == tahun - 1), None)
    ini = next((y for y in j.pnbp if y.tahun == tahun), None)

    def year_cells(year, satker: str | None) -> list[str]:
        if year is None:
            return [KOSONG] * 3
        if satker is None:
            return [rupiah(year.target), rupiah(year.realisasi), persen(year.persen)]
        target, real = year.per_satker.get(satker, (None, None))
        return [rupiah(target), rupiah(real), persen(rasio(real, target))]

    def real(year, satker: str) -> Num:
        return year.per_satker.get(satker, (None, None))[1] if year else None

    rows = [{"satker": s, "nilai": year_cells(lalu, s) + year_cells(ini, s)
             + [persen(pertumbuhan(real(ini, s), real(lalu, s)))]} for s in pnbp_satker(j)]
    jumlah = year_cells(lalu, None) + year_cells(ini, None) + [
        persen(pertumbuhan(ini.realisasi if ini else None, lalu.realisasi if lalu else None))]
    kalimat = []
    if ini is not None:
        if ini.persen is not None:
            first = Sentence(f"Realisasi PNBP seluruh jajaran tahun {tahun} sebesar ", Strong(rupiah(ini.realisasi)),
                             " atau ", Strong(persen(ini.persen)), f" dari target {rupiah(ini.target)}.")
        else:
            first = Sentence(f"Realisasi PNBP seluruh jajaran tahun {tahun} sebesar ", Strong(rupiah(ini.realisasi)),
                             "; tidak setiap satuan kerja memiliki target, sehingga persentase jajaran tidak dihitung.")
        growth = pertumbuhan(ini.realisasi, lalu.realisasi if lalu else None)
        if growth is not None:
            word = {1: "naik", -1: "turun", 0: "tetap"}[sign(growth)]
            first = first + Sentence(f" Dibandingkan tahun {tahun - 1} sebesar {rupiah(lalu.realisasi)}, realisasi "
                                     + ("tetap." if word == "tetap" else f"{word} {persen(abs(growth))}."))
        kalimat.append(first)
        extreme = _extreme_sentence([(s, rasio(real(ini, s), ini.per_satker.get(s, (None, None))[0]))
                                     for s in pnbp_satker(j)], f"Persentase capaian PNBP tahun {tahun}", persen)
        if extreme:
            kalimat.append(extreme)
    cells = [c for r in rows for c in r["nilai"]] + jumlah
    return {"ada": bool(j.pnbp), "lalu": str(tahun - 1), "ini": str(tahun), "rows": rows, "jumlah": jumlah,
            "kalimat": kalimat, "keterangan": keterangan(cells)}


# ---------------------------------------------------------------- III.C: NKA

def _nka(j: Jajaran, tahun: int) -> JNka:
    rows = [{"satker": n.satker, "perencanaan": skor(n.perencanaan), "pelaksanaan": skor(n.pelaksanaan),
             "nka": skor(n.nka)} for n in j.nka]
    m = j.nka_rata
    kalimat = []
    if rows:
        kalimat.append(Sentence(
            f"Rata-rata Nilai Kinerja Perencanaan Anggaran {fmt.words(len(rows))} satuan kerja di jajaran tahun "
            f"{tahun} sebesar ", Strong(skor(m.perencanaan)), ", rata-rata Nilai Kinerja Pelaksanaan Anggaran sebesar ",
            Strong(skor(m.pelaksanaan)), ", dan rata-rata Nilai Kinerja Anggaran sebesar ", Strong(skor(m.nka)), "."))
        extreme = _extreme_sentence([(n.satker, n.nka) for n in j.nka], "Nilai Kinerja Anggaran", skor)
        if extreme:
            kalimat.append(extreme)
    return {"ada": bool(rows), "rows": rows,
            "rata": {"perencanaan": skor(m.perencanaan), "pelaksanaan": skor(m.pelaksanaan), "nka": skor(m.nka)},
            "kalimat": kalimat}


# ---------------------------------------------------------------- III.D: services and regional leaves

def _layanan_row(x: LayananSatker, label: str) -> JLayananBaris:
    d1, d2 = layanan_persen(x)
    return {"satker": label, "diterima": hitung(x.diterima), "selesai": hitung(x.selesai),
            "sesuai_syarat": hitung(x.sesuai_syarat), "tepat_waktu": hitung(x.tepat_waktu), "d1": persen(d1),
            "d2": persen(d2)}


def _layanan(j: Jajaran, tahun: int) -> list[JLayanan]:
    groups: list[JLayanan] = []
    for g in j.layanan:
        d1, _ = layanan_persen(g.jumlah)
        kalimat = []
        if d1 is not None:
            kalimat.append(Sentence(f"Se-jajaran, {hitung(g.jumlah.selesai)} dari {hitung(g.jumlah.diterima)} "
                                    f"permohonan layanan {g.kelompok} tahun {tahun} telah diselesaikan (",
                                    Strong(persen(d1)), ")."))
        extreme = _extreme_sentence([(x.satker, layanan_persen(x)[0]) for x in g.per_satker],
                                    "Persentase penyelesaian permohonan", persen)
        if extreme:
            kalimat.append(extreme)
        groups.append({"kelompok": g.kelompok, "rows": [_layanan_row(x, x.satker) for x in g.per_satker],
                       "jumlah": _layanan_row(g.jumlah, "Jumlah"), "kalimat": kalimat})
    return groups


def _komponen_sentence(leaf: RegionalLeaf, shares: list[LeafShare], total: Decimal) -> Sentence:
    ratios = [(s.satker, rasio(s.pembilang, s.penyebut)) for s in shares]
    if leaf.faktor < 0:
        sentence = Sentence(f"Komponen {leaf.kode} {leaf.nama} se-jajaran: {hitung(leaf.pembilang)} ÷ "
                            f"{hitung(leaf.penyebut)} = {persen(total)}; komponen ini berfaktor −1, sehingga masuk "
                            f"perhitungan indeks sebagai {fmt.number(-total)} dan rasio yang lebih rendah lebih baik.")
        high = highest(ratios)
        if high is not None:
            sentence = sentence + Sentence(f" Rasio tertinggi (terburuk) terdapat pada {high[0]} ({persen(high[1])}).")
        return sentence
    # "a ÷ b", not "a dari b": a ratio may exceed 100% (299 supervisions of 283 planned)
    sentence = Sentence(f"Komponen {leaf.kode} {leaf.nama} se-jajaran: {hitung(leaf.pembilang)} ÷ "
                        f"{hitung(leaf.penyebut)} = {persen(total)}.")
    low = lowest(ratios)
    if low is not None:
        sentence = sentence + Sentence(f" Rasio terendah terdapat pada {low[0]} ({persen(low[1])}).")
    return sentence


def _komponen(results: Results, tahun: int) -> list[JKomponen]:
    """One table per IKK with regional leaves: a group row per leaf, its satker rows, its JUMLAH."""
    tables: list[JKomponen] = []
    names = {r.ikk.kode: r.ikk.nama for r in results.ikk}
    for leaf in results.jajaran.leaves:
        if not tables or tables[-1]["kode"] != leaf.kode_ikk:
            tables.append({"kode": leaf.kode_ikk, "judul": f"Komponen {names.get(leaf.kode_ikk, leaf.kode_ikk)} per "
                                                           f"Satuan Kerja Tahun {tahun}", "leaves": [], "kalimat": [],
                           "keterangan": ""})
        ket = " / ".join(x for x in (leaf.ket_pembilang, leaf.ket_penyebut) if x)
        shares = leaf.shown_shares
        rows = [{"satker": s.satker, "pembilang": hitung(s.pembilang), "penyebut": hitung(s.penyebut),
                 "rasio": persen(rasio(s.pembilang, s.penyebut))} for s in shares]
        total = rasio(leaf.pembilang, leaf.penyebut)
        judul = f"{leaf.kode} {leaf.nama}" + (f" ({ket})" if ket else "")
        if leaf.faktor < 0:
            judul += " — Faktor −1" + (f": masuk perhitungan indeks sebagai {fmt.number(-total)}"
                                       if total is not None else "")
        jumlah = {"pembilang": hitung(leaf.pembilang), "penyebut": hitung(leaf.penyebut), "rasio": persen(total)}
        tables[-1]["leaves"].append({"judul": judul, "rows": rows, "jumlah": jumlah})
        cells = [c for r in rows for c in (r["pembilang"], r["penyebut"], r["rasio"])] + list(jumlah.values())
        tables[-1]["keterangan"] = tables[-1]["keterangan"] or keterangan(cells)
        if total is not None:
            tables[-1]["kalimat"].append(_komponen_sentence(leaf, shares, total))
    return tables


# ---------------------------------------------------------------- Ringkasan Eksekutif and BAB IV

def _ringkas(results: Results, nama: str, tahun: int) -> JRingkas:
    """The jajaran's budget and PNBP in one sentence each, beside the Kanwil's own DIPA sentence;
    `no_*`: their numbers in BAB IV's list (after the PK, the own DIPA and the own PNBP, if any)."""
    j = results.jajaran
    t = j.anggaran_total
    anggaran = Sentence(
        f"Anggaran seluruh jajaran {nama} tahun {tahun}, yaitu DIPA Kantor Wilayah ditambah DIPA "
        f"{fmt.words(len(j.satker) - 1)} Kantor Imigrasi di bawahnya, berjumlah ", Strong(rupiah(t.pagu)),
        " dengan realisasi ", Strong(rupiah(t.realisasi)), " atau ", Strong(persen(t.persen)), ".")
    ini = next((y for y in j.pnbp if y.tahun == tahun), None)
    pnbp = Sentence()
    if ini is not None:
        pnbp = Sentence(f"Realisasi Penerimaan Negara Bukan Pajak (PNBP) seluruh jajaran {nama} tahun {tahun}, "
                        "yang dipungut oleh Kantor Imigrasi, sebesar ", Strong(rupiah(ini.realisasi)))
        pnbp = pnbp + (Sentence(" atau ", Strong(persen(ini.persen)), f" dari target {rupiah(ini.target)}.")
                       if ini.persen is not None else
                       Sentence("; tidak setiap satuan kerja memiliki target, sehingga persentase jajaran tidak "
                                "dihitung."))
    first = 4 if any(p.tahun == tahun for p in results.pnbp) else 3
    return {"anggaran": anggaran, "pnbp": pnbp, "no_anggaran": str(first), "no_pnbp": str(first + 1)}


# ---------------------------------------------------------------- the whole key

def _penghargaan(j: Jajaran, tahun: int) -> list[JPenghargaan]:
    """The awards each Kanim records for the report year (or without a year), after the Kanwil's own:
    the Kanwil reports the awards of its jajaran (seed 000, "Penghargaan di jajaran"). The text is
    cleaned as in the Kanim's own report; its warnings were already given there, once."""
    rows: list[JPenghargaan] = []
    for s in j.satker[1:]:
        wb = s.results.workbook
        clerk = Clerk(wb, [])
        for x in wb.penghargaan:
            if x.tahun not in (None, tahun):
                continue
            rows.append({"satker": s.nama_singkat, "tahun": str(x.tahun) if x.tahun else "-",
                         "penghargaan": clerk.text(x.penghargaan, "Penghargaan", "penghargaan", x.row) or "",
                         "pemberi": clerk.text(x.pemberi, "Penghargaan", "pemberi", x.row) or "-",
                         "uraian": clerk.text(x.uraian, "Penghargaan", "uraian", x.row) or "-"})
    return rows


def jajaran_context(results: Results, charts: dict[str, Figure] | None = None) -> JajaranContext:
    """``{"jajaran": None}`` for a report without jajaran, else every jajaran table of the report."""
    j = results.jajaran
    if j is None:
        return {"jajaran": None}
    charts = charts or {}
    ident = results.workbook.identitas
    nama, tahun = ident.nama_satker, ident.tahun
    return {"jajaran": {
        "nama": nama,
        "kanim": fmt.words(len(j.satker) - 1),
        "pegawai": _pegawai(j, nama, tahun),
        "capaian": _capaian(results, charts),
        "anggaran": _anggaran(j, nama, tahun, charts),
        "belanja": _belanja(j, tahun),
        "pnbp": _pnbp(j, tahun),
        "nka": _nka(j, tahun),
        "layanan": _layanan(j, tahun),
        "komponen": _komponen(results, tahun),
        "penghargaan": _penghargaan(j, tahun),
        "ringkas": _ringkas(results, nama, tahun),
    }}
