"""BAB III.A, one IKK: every string its analysis prints, in the seeds' order a)-h).

a)-d) are computed (target, earlier years, Renstra, national standard) with the clerk's optional words
after each; e) keberhasilan/kegagalan with kendala and solusi, f) efisiensi (anggaran, SDM, aset),
g) program penunjang, h) manajemen risiko with its table are the clerk's Analisis IKK columns, and a part
whose columns are all empty says so in one sentence.
"""
from __future__ import annotations

from lkj_engine.contract import formatting as fmt
from lkj_engine.contract.schema import NEGATIF
from lkj_engine.model.results import IkkResult
from lkj_engine.model.workbook import AnalisisIKK, Workbook
from lkj_engine.render.context.common import Clerk, because, join_id, pct, sign
from lkj_engine.render.context.komposit import composite_blocks, is_composite, single_ratio, typed_over_components
from lkj_engine.render.context.perbandingan import (
    capaian_formula, jangka_menengah_context, riwayat_context, standar_nasional_context)
from lkj_engine.render.prose import Prose, Sentence, Strong


# The analyses after the computed comparisons a)-d), as the 2025 seeds structure them: each part
# lists the Analisis IKK columns that feed it (label printed above a column's text when the part has
# several), and what prints when all of them are empty.
BAGIAN = {
    "keberhasilan": (("keberhasilan", ""), ("kendala", "Kendala yang dihadapi"),
                     ("solusi", "Alternatif solusi dan rencana tindak lanjut")),
    "efisiensi": (("efisiensi", ""), ("efisiensi_anggaran", "Efisiensi di bidang anggaran"),
                  ("efisiensi_sdm", "Efisiensi di bidang sumber daya manusia"),
                  ("efisiensi_aset", "Efisiensi di bidang pengelolaan aset")),
    "program": (("program", ""),),
}
KOSONG = {
    "keberhasilan": "Uraian penyebab keberhasilan/kegagalan dan alternatif solusi untuk {nama} tidak tersedia.",
    "efisiensi": "Uraian efisiensi sumber daya (anggaran, sumber daya manusia, aset) untuk {nama} tidak tersedia.",
    "program": "Uraian program/kegiatan yang menunjang keberhasilan/kegagalan {nama} tidak tersedia.",
}
# a)-d): the clerk's words after the computed comparison (printed only when given)
URAIAN = ("uraian_target", "uraian_tahun_lalu", "uraian_jangka_menengah", "uraian_standar_nasional")


def _bagian(analisis: AnalisisIKK | None, key: str, nama: str, clerk: Clerk) -> dict:
    blok = []
    if analisis is not None:
        for field, label in BAGIAN[key]:
            isi = clerk.prose(getattr(analisis, field), "Analisis IKK", field, analisis.row)
            if isi:
                blok.append({"label": label, "isi": isi, "field": field})
    return {"blok": blok, "kosong": Sentence(KOSONG[key].format(nama=nama))}


def _survei(analisis: AnalisisIKK | None, realisasi: str, clerk: Clerk) -> Sentence:
    """Survey-based IKK (the ILK): the survey's basis, period, parameters and respondents (seed 000)."""
    if analisis is None:
        return Sentence()
    dasar = clerk.text(analisis.survei_dasar, "Analisis IKK", "survei_dasar", analisis.row)
    periode = clerk.text(analisis.survei_periode, "Analisis IKK", "survei_periode", analisis.row)
    teks_parameter = clerk.text(analisis.survei_parameter, "Analisis IKK", "survei_parameter", analisis.row)
    parameter = [line.strip().lstrip("-").strip() for line in (teks_parameter or "").splitlines()]
    parameter = [x for x in parameter if x]
    responden = analisis.survei_responden
    if not (dasar or periode or parameter or responden is not None):
        return Sentence()
    parts = ["Realisasi indikator ini diperoleh dari survei"]
    if periode:
        parts.append(f" periode {periode}")
    if dasar:
        parts.append(f" yang dilaksanakan berdasarkan {dasar.rstrip('.')}")
    parts.append(".")
    if parameter:
        # a parameter holding a comma ("pengaduan, masukan dan saran") needs ";" between the parameters
        daftar = (("; ".join(parameter[:-1]) + "; dan " + parameter[-1]) if len(parameter) > 1
                  and any("," in x for x in parameter) else join_id(parameter))
        parts.append(f" Survei mengukur {fmt.words(len(parameter))} parameter, yaitu {daftar}.")
    parts.append(" Dari survei tersebut diperoleh nilai ")
    parts.append(Strong(realisasi))
    if responden is not None:
        parts.append(f" dengan total responden sebanyak {fmt.words(responden)} orang")
    parts.append(".")
    return Sentence(*parts)


def _mentions_polarity(penjelasan: Prose) -> bool:
    """The clerk's explanation already states the polarity: the report does not say it twice."""
    return "polaritas" in penjelasan.text.casefold()


def ikk_context(r: IkkResult, huruf: str, wb: Workbook, clerk: Clerk, nama_singkat: str = "") -> dict:
    ikk, tahun = r.ikk, wb.tahun
    k: dict = {
        "kode": ikk.kode,
        "nama": ikk.nama,
        "huruf": huruf,
        "target": fmt.with_unit(ikk.target, ikk.satuan),
        "realisasi": fmt.with_unit(r.realisasi, ikk.satuan),
        "capaian": pct(r.capaian),
        "alasan": because(r.capaian_alasan) if r.capaian is None else "",
    }
    k["rumus_capaian"] = capaian_formula(r)
    if r.capaian is None:
        state = "belum dapat dinilai"
    else:
        state = {1: "melampaui target", 0: "tepat mencapai target", -1: "belum mencapai target"}[
            sign(r.capaian - 100)]
    arah = ("semakin tinggi realisasi semakin baik" if ikk.polaritas != NEGATIF
            else "semakin rendah realisasi semakin baik")
    if r.capaian is None:
        k["kalimat_capaian"] = Sentence(
            f"Pada tahun {tahun}, {ikk.nama} ditargetkan sebesar {k['target']} dan terealisasi sebesar "
            f"{k['realisasi']}; capaian kinerjanya ", Strong(k["capaian"]), f". {k['alasan']}")
    else:
        k["kalimat_capaian"] = Sentence(
            f"Pada tahun {tahun}, {ikk.nama} ditargetkan sebesar {k['target']} dan terealisasi sebesar "
            f"{k['realisasi']}, sehingga capaian kinerjanya sebesar ", Strong(k["capaian"]),
            f" atau {state}.")

    analisis = next((a for a in wb.analisis if a.kode_ikk == ikk.kode), None)
    k["penjelasan"] = (clerk.prose(analisis.penjelasan, "Analisis IKK", "penjelasan", analisis.row)
                       if analisis else Prose(None))
    k["kalimat_polaritas"] = Sentence() if _mentions_polarity(k["penjelasan"]) else Sentence(
        f"Indikator ini diukur dalam satuan {ikk.satuan} dengan polaritas {ikk.polaritas.lower()} "
        f"({arah}).")
    k["komposit"] = is_composite(r)
    k["blok"] = composite_blocks(r, wb) if k["komposit"] else []
    k["rasio"] = single_ratio(r)
    k["survei"] = _survei(analisis, k["realisasi"], clerk)
    k["realisasi_diketik"] = typed_over_components(r, k["realisasi"])
    k["riwayat"] = riwayat_context(r, k, wb)
    k["jangka_menengah"] = jangka_menengah_context(r, k, tahun)
    k["standar_nasional"] = standar_nasional_context(r, k, nama_singkat)
    k["uraian"] = {
        field.removeprefix("uraian_"): (clerk.prose(getattr(analisis, field), "Analisis IKK", field, analisis.row)
                                        if analisis else Prose(None))
        for field in URAIAN
    }
    for key in BAGIAN:
        k[key] = _bagian(analisis, key, ikk.nama, clerk)
    k["solusi"] = next((b["isi"] for b in k["keberhasilan"]["blok"] if b["field"] == "solusi"), Prose(None))
    k["uraian_risiko"] = (clerk.prose(analisis.uraian_risiko, "Analisis IKK", "uraian_risiko", analisis.row)
                          if analisis else Prose(None))

    risks = sorted((x for x in wb.risiko if x.kode_ikk == ikk.kode),
                   key=lambda x: (x.no if x.no is not None else 10**6, x.row))
    k["risiko"] = [
        {
            "no": str(x.no) if x.no is not None else str(i),
            "indikasi": clerk.text(x.indikasi, "Risiko", "indikasi", x.row) or "-",
            "perlakuan": clerk.text(x.perlakuan, "Risiko", "perlakuan", x.row) or "-",
            "penanggung_jawab": clerk.text(x.penanggung_jawab, "Risiko", "penanggung_jawab", x.row) or "-",
            "indikator_keberhasilan": clerk.text(x.indikator_keberhasilan, "Risiko",
                                                 "indikator_keberhasilan", x.row) or "-",
            "kejadian": fmt.count(x.jumlah_kejadian) if x.jumlah_kejadian is not None else "-",
            "realisasi_perlakuan": clerk.text(x.realisasi_perlakuan, "Risiko", "realisasi_perlakuan",
                                              x.row) or "-",
            "keterangan": clerk.text(x.keterangan, "Risiko", "keterangan", x.row) or "-",
        }
        for i, x in enumerate(risks, start=1)
    ]
    k["risiko_kosong"] = Sentence(f"Uraian dan data manajemen risiko untuk {ikk.nama} tidak tersedia.")
    return k

