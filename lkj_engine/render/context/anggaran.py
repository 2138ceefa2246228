"""Budget context (BAB II PK budget and DIPA paragraph, BAB III.B realisation, III.C NKA): rows, totals, sentences."""
from __future__ import annotations


from lkj_engine.compute.anggaran import JUMLAH
from lkj_engine.contract import formatting as fmt
from lkj_engine.contract.schema import normalize_header
from lkj_engine.model.results import BudgetLine, Results
from lkj_engine.render.context.anggaran_types import (
    AnggaranBab, AnggaranBaris, AnggaranContext, AnggaranSasaran, BarisAnggaran, BelanjaContext, NkaContext, PnbpContext,
    SumberDanaContext)
from lkj_engine.render.context.cetak import printed_change
from lkj_engine.render.context.common import chart, join_id, pct, sign, trend
from lkj_engine.render.prose import Sentence, Strong
from lkj_engine.render.chart_spec import Figure

TIDAK_BERLAKU = "tidak berlaku"


def line_context(line: BudgetLine) -> BarisAnggaran:
    return {
        "label": line.label,
        "pagu": fmt.money(line.pagu),
        "realisasi": fmt.money(line.realisasi),
        "persen": pct(line.persen),
        "blokir": fmt.money(line.blokir) if line.blokir else "-",
    }


def _pk_rows(results: Results) -> list[AnggaranBaris]:
    """The PK budget table: a header row per Program, then its kegiatan (one line per DIPA kegiatan)."""
    rows: list[AnggaranBaris] = []
    program = None
    for line in results.anggaran_kegiatan:
        key = normalize_header(line.program)  # as compute grouped them
        if key != program or not rows:
            program = key
            rows.append({"program": True, "label": line.program or "Program", "pagu": "", "realisasi": "",
                         "persen": ""})
        rows.append({"program": False, **line_context(line)})
    return rows


def _sasaran_label(no: int | None) -> str:
    return f"Sasaran Kegiatan {no}" if no is not None else "kegiatan tanpa Sasaran Kegiatan"


def _groups(results: Results) -> list[AnggaranSasaran]:
    """BAB III.B's one realisation table, grouped by sasaran (the rule: `sasaran_kegiatan_table`).

    A group's subtotal row is printed only when the sasaran has more than one kegiatan: with one, its
    kegiatan row already is the subtotal. Every row is printed once, so each subtotal and the Jumlah are
    the sums of the rows printed above them (whole rupiah, summed exactly in compute).
    """
    groups = []
    for g in results.anggaran_sasaran:
        if g.no is None:
            judul = "Tanpa Sasaran Kegiatan"
        else:
            judul = f"{g.no}. {g.nama}" if g.nama else f"Sasaran Kegiatan {g.no}"
        groups.append({"judul": judul, "rows": [line_context(x) for x in g.lines],
                       "subtotal": {**line_context(g.total), "label": f"Jumlah {_sasaran_label(g.no)}"},
                       "cetak_subtotal": len(g.lines) > 1})
    return groups


def _split_sentences(results: Results) -> list[Sentence]:
    """Why a kegiatan is one line of the PK table and several of the realisation table: its split."""
    sentences = []
    for line in results.anggaran_kegiatan:
        nos = [x.sasaran_no for x in line.bagian]
        if len(set(nos)) < 2:  # one row, or one kegiatan typed twice for one sasaran: nothing split
            continue
        serves = join_id(list(dict.fromkeys(_sasaran_label(no) for no in nos)))
        parts = join_id([f"{fmt.money(x.pagu)} untuk {_sasaran_label(x.sasaran_no)}" for x in line.bagian])
        sentences.append(Sentence(
            f"Kegiatan {line.label} mendukung {serves}. Pada tabel anggaran Perjanjian Kinerja kegiatan ini "
            f"dicantumkan satu kali dengan pagu {fmt.money(line.pagu)}, yang terbagi atas {parts}."))
    return sentences


def _without_budget(results: Results) -> Sentence:
    """The sasaran the realisation table cannot show, so a reader does not look for them."""
    missing = [s for s in results.sasaran if s.pagu is None]
    if not missing or not results.anggaran_rows:
        return Sentence()
    names = join_id([f"Sasaran Kegiatan {s.no} ({s.nama})" for s in missing])
    verb = "tidak memiliki" if len(missing) == 1 else "masing-masing tidak memiliki"
    return Sentence(f"{names} {verb} kegiatan DIPA tersendiri, sehingga tidak tercantum pada tabel di atas.")


def anggaran_context(results: Results, nama: str, tahun: int) -> AnggaranContext:
    total = results.anggaran_total
    t = line_context(total)
    if not results.anggaran_rows:
        t = {**t, "pagu": "-", "realisasi": "-", "persen": "-"}
        kalimat = Sentence(f"Data realisasi anggaran {nama} tahun {tahun} tidak tersedia.")
    else:
        dipa = f"DIPA {nama} sendiri (tanpa Kantor Imigrasi di jajarannya)" if results.jajaran else nama
        kalimat = Sentence(f"Realisasi belanja {dipa} tahun {tahun} adalah sebesar ",
                           Strong(t["realisasi"]), " atau ", Strong(t["persen"]),
                           " dari total anggaran ", Strong(t["pagu"]), ".")
    return {"total": t, "rows": _pk_rows(results), "sasaran": _groups(results), "kalimat": kalimat,
            "terbagi": _split_sentences(results), "tanpa_anggaran": _without_budget(results),
            "ada": bool(results.anggaran_rows)}


def by_year(years, tahun: int):
    ini = next((y for y in years if y.tahun == tahun), None)
    lalu = next((y for y in years if y.tahun == tahun - 1), None)
    return ini, lalu


def belanja_context(results: Results, nama: str, tahun: int) -> BelanjaContext:
    years = [
        {"tahun": str(y.tahun), "lines": [line_context(x) for x in y.lines], "total": line_context(y.total)}
        for y in results.belanja
    ]
    ini, lalu = by_year(results.belanja, tahun)
    perubahan = [
        {"jenis": c.jenis, "lalu": pct(c.persen_lalu), "ini": pct(c.persen_ini),
         "perubahan": fmt.points(printed_change(c.persen_ini, c.persen_lalu))}
        for c in results.belanja_perubahan
    ]
    kalimat = []
    if ini is not None:
        parts = [f"Berdasarkan jenis belanja, realisasi tahun {tahun} terdiri atas "]
        parts.append(join_id([f"{x.label} sebesar {fmt.money(x.realisasi)} ({pct(x.persen)} dari pagu "
                              f"{fmt.money(x.pagu)})" for x in ini.lines]) + ".")
        kalimat.append(Sentence(*parts))
        low = [x for x in ini.lines if x.persen is not None]
        if len(low) > 1:
            lowest = min(low, key=lambda x: x.persen)
            kalimat.append(Sentence(f"Persentase realisasi terendah terdapat pada {lowest.label}, yaitu "
                                    f"{pct(lowest.persen)}."))
    yoy = Sentence()
    jumlah = next((c for c in results.belanja_perubahan if c.jenis == JUMLAH), None)
    if lalu is not None and jumlah is not None and jumlah.perubahan is not None:
        word = {1: "lebih tinggi dibandingkan", -1: "lebih rendah dibandingkan", 0: "sama dengan"}[
            sign(printed_change(jumlah.persen_ini, jumlah.persen_lalu))]
        yoy = Sentence(
            f"Persentase realisasi belanja tahun {tahun} sebesar {pct(jumlah.persen_ini)} {word} "
            f"tahun {tahun - 1} yang sebesar {pct(jumlah.persen_lalu)} (realisasi "
            f"{fmt.money(lalu.total.realisasi)} dari pagu {fmt.money(lalu.total.pagu)}).")
        kalimat.append(yoy)
    elif results.belanja and lalu is None:
        kalimat.append(Sentence(f"Data belanja tahun {tahun - 1} tidak tersedia, sehingga perbandingan "
                                "realisasi dengan tahun sebelumnya belum dapat disajikan."))
    blokir = []
    if ini is not None:
        for x in ini.lines:
            if x.blokir:
                blokir.append(f"{x.label} sebesar {fmt.money(x.blokir)} atau "
                              f"{fmt.percent(x.persen_blokir) if x.persen_blokir is not None else fmt.NOT_COMPUTABLE}"
                              f" dari pagu {x.label}")
    if blokir:
        blokir_kalimat = Sentence(f"Pada tahun {tahun} terdapat blokir anggaran (efisiensi) pada "
                                  + join_id(blokir) + ".")
    elif ini is not None:
        blokir_kalimat = Sentence(f"Tidak terdapat blokir anggaran (efisiensi) yang dicatat pada tahun {tahun}.")
    else:
        blokir_kalimat = Sentence()
    dipa = Sentence()
    if ini is not None:
        dipa = Sentence(
            f"Pelaksanaan kegiatan pada {nama} sesuai dengan DIPA Tahun Anggaran {tahun} memperoleh dukungan "
            f"anggaran sebesar {fmt.money(ini.total.pagu)}. Adapun alokasi anggarannya terdiri atas "
            + join_id([f"{x.label.lower()} sebesar {fmt.money(x.pagu)}" for x in ini.lines]) + ".")
    return {"tahun": years, "perubahan": perubahan, "ada": bool(results.belanja),
            "ada_perubahan": bool(perubahan), "kalimat": kalimat, "yoy": yoy,
            "blokir": blokir_kalimat, "dipa": dipa, "tahun_lalu": str(tahun - 1), "tahun_ini": str(tahun)}


SUMBER_LABEL = {"RM": "Rupiah Murni (RM)", "PNBP": "Penerimaan Negara Bukan Pajak (PNBP)"}


def sumber_dana_context(results: Results, tahun: int) -> SumberDanaContext:
    years = [
        {"tahun": str(y.tahun), "lines": [{**line_context(x), "label": SUMBER_LABEL.get(x.label, x.label)}
                                          for x in y.lines],
         "total": line_context(y.total)}
        for y in results.sumber_dana
    ]
    ini, _ = by_year(results.sumber_dana, tahun)
    kalimat = Sentence()
    if ini is not None:
        kalimat = Sentence("Berdasarkan sumber dananya, anggaran tahun "
                           f"{tahun} berasal dari "
                           + join_id([f"{SUMBER_LABEL.get(x.label, x.label)} sebesar {fmt.money(x.pagu)}"
                                      for x in ini.lines]) + ".")
    return {"tahun": years, "ada": bool(years), "kalimat": kalimat}


def pnbp_context(results: Results, nama: str, tahun: int) -> PnbpContext:
    rows = [
        {"tahun": str(p.tahun), "target": fmt.money(p.target) if p.target else "tidak ada target",
         "realisasi": fmt.money(p.realisasi),
         "persen": pct(p.persen) if p.target else "-",
         "pertumbuhan": fmt.points(p.pertumbuhan) + "%" if p.pertumbuhan is not None else "-"}
        for p in results.pnbp
    ]
    ini, lalu = by_year(results.pnbp, tahun)
    kalimat = Sentence()
    ringkas = Sentence()
    if ini is not None:
        real = fmt.money(ini.realisasi)
        if ini.target and ini.persen is not None:
            ringkas = Sentence(f"Realisasi Penerimaan Negara Bukan Pajak (PNBP) {nama} tahun {tahun} sebesar ",
                               Strong(real), " atau ", Strong(fmt.percent(ini.persen)),
                               f" dari target sebesar {fmt.money(ini.target)}.")
        else:
            ringkas = Sentence(f"Realisasi Penerimaan Negara Bukan Pajak (PNBP) {nama} tahun {tahun} sebesar ",
                               Strong(real), f"; pada tahun {tahun} tidak ditetapkan target PNBP, sehingga "
                               "persentase capaiannya tidak dihitung.")
        kalimat = ringkas
        if lalu is not None and ini.pertumbuhan is not None:
            word = trend(ini.pertumbuhan)
            kalimat = kalimat + Sentence(
                f" Dibandingkan tahun {tahun - 1} sebesar {fmt.money(lalu.realisasi)}, realisasi PNBP "
                + ("tetap." if word == "tetap" else f"{word} sebesar {fmt.percent(abs(ini.pertumbuhan))}."))
    return {"rows": rows, "ada": bool(rows), "kalimat": kalimat, "ringkas": ringkas}


def nka_context(results: Results, nama: str, tahun: int) -> NkaContext:
    years = results.nka  # oldest first

    def score(value) -> str:
        return fmt.number(value) if value is not None else TIDAK_BERLAKU

    perencanaan = [
        {"tahun": str(n.tahun), "nilai": [score(v) for v in n.komponen_perencanaan.values()],
         "total": score(n.perencanaan)}
        for n in years
    ]
    labels = list(years[0].komponen_pelaksanaan) if years else []
    by_year = {n.tahun: n for n in years}

    def column(year: int) -> list[str]:
        """The IKPA components of one year, then Nilai Kinerja Pelaksanaan; "-" for a year not typed."""
        n = by_year.get(year)
        if n is None:
            return ["-"] * (len(labels) + 1)
        return [score(v) for v in n.komponen_pelaksanaan.values()] + [score(n.pelaksanaan)]

    pelaksanaan = [
        {"komponen": label, "lalu": lalu, "ini": ini}
        for label, lalu, ini in zip(labels + ["Nilai Kinerja Pelaksanaan"], column(tahun - 1), column(tahun))
    ]
    ringkasan = [
        {"tahun": str(n.tahun), "perencanaan": score(n.perencanaan), "pelaksanaan": score(n.pelaksanaan),
         "nka": score(n.nka)}
        for n in years
    ]
    ini = next((n for n in years if n.tahun == tahun), None)
    kalimat = Sentence()
    if ini is not None:
        kalimat = Sentence(
            "Berdasarkan aplikasi monitoring dan evaluasi kinerja anggaran Kementerian Keuangan, diperoleh "
            "Nilai Kinerja Perencanaan Anggaran sebesar ", Strong(score(ini.perencanaan)),
            " dan Nilai Kinerja Pelaksanaan Anggaran sebesar ", Strong(score(ini.pelaksanaan)),
            f" sehingga Nilai Kinerja Anggaran {nama} pada tahun {tahun} adalah sebesar ",
            Strong(score(ini.nka)), ".")
    return {"ada": bool(years),
            "perencanaan_header": list(years[0].komponen_perencanaan) if years else [],
            "perencanaan": perencanaan, "pelaksanaan": pelaksanaan, "ringkasan": ringkasan,
            "kalimat": kalimat}


def _pnbp_kosong(results: Results, nama: str, tahun: int) -> Sentence:
    """What III.B.4 says without the office's own PNBP rows: in a Kanwil's consolidated report, the
    jajaran's PNBP (collected by its Kantor Imigrasi; per satker in the jajaran table below)."""
    j = results.jajaran
    ini = next((y for y in j.pnbp if y.tahun == tahun), None) if j else None
    if ini is None:
        return Sentence("Data Penerimaan Negara Bukan Pajak (PNBP) tidak tersedia.")
    head = (f"{nama} sendiri tidak mencatat Penerimaan Negara Bukan Pajak (PNBP); PNBP di wilayahnya dipungut "
            f"oleh Kantor Imigrasi di jajaran. Realisasi PNBP seluruh jajaran tahun {tahun} sebesar ")
    rincian = "; rinciannya per satuan kerja disajikan pada bagian 5 (Realisasi Anggaran dan PNBP Jajaran)."
    if ini.persen is None:
        return Sentence(head, Strong(fmt.money(ini.realisasi)), " (tidak setiap satuan kerja memiliki target, "
                        "sehingga persentase jajaran tidak dihitung)" + rincian)
    return Sentence(head, Strong(fmt.money(ini.realisasi)), " atau ", Strong(fmt.percent(ini.persen)),
                    f" dari target {fmt.money(ini.target)}" + rincian)


def anggaran_chapter_context(results: Results, nama: str, tahun: int, charts: dict[str, Figure]) -> AnggaranBab:
    """Everything the budget parts of BAB II and BAB III.B-C print (and the Ringkasan's budget line)."""
    return {
        "anggaran": anggaran_context(results, nama, tahun),
        "belanja": belanja_context(results, nama, tahun),
        "sumber_dana": sumber_dana_context(results, tahun),
        "pnbp": pnbp_context(results, nama, tahun),
        "nka": nka_context(results, nama, tahun),
        "grafik": {"belanja": chart(charts, "belanja")},
        "kosong": {
            "anggaran": Sentence("Data realisasi anggaran per kegiatan tidak tersedia."),
            "belanja": Sentence("Data realisasi anggaran menurut jenis belanja tidak tersedia."),
            "sumber_dana": Sentence("Data anggaran menurut sumber dana tidak tersedia."),
            "pnbp": _pnbp_kosong(results, nama, tahun),
            "nka": Sentence("Data Nilai Kinerja Anggaran tidak tersedia."),
        },
    }
