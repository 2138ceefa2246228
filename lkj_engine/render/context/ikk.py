"""BAB III.A, one IKK: every string its analysis prints (figures, sentences, the clerk's analyses, risks)."""
from __future__ import annotations

from lkj_engine.contract import formatting as fmt
from lkj_engine.contract.schema import NEGATIF
from lkj_engine.model.results import IkkResult
from lkj_engine.model.workbook import Workbook
from lkj_engine.render.context.common import Clerk, because, pct, sign
from lkj_engine.render.context.komposit import composite_blocks, typed_over_components
from lkj_engine.render.context.perbandingan import (
    capaian_formula, jangka_menengah_context, riwayat_context, standar_nasional_context)
from lkj_engine.render.prose import Prose, Sentence, Strong


ANALISIS_FIELDS = (
    ("keberhasilan", "Analisis penyebab keberhasilan/kegagalan"),
    ("efisiensi", "Analisis atas efisiensi penggunaan sumber daya"),
    ("program", "Analisis program/kegiatan yang menunjang keberhasilan/kegagalan"),
    ("kendala", "Kendala yang dihadapi"),
    ("solusi", "Solusi dan rencana tindak lanjut"),
)


def ikk_context(r: IkkResult, huruf: str, wb: Workbook, clerk: Clerk) -> dict:
    ikk, tahun = r.ikk, wb.tahun
    k: dict = {
        "kode": ikk.kode,
        "nama": ikk.nama,
        "huruf": huruf,
        "target": fmt.with_unit(ikk.target, ikk.satuan),
        "target_angka": fmt.bare(ikk.target, ikk.satuan),
        "realisasi": fmt.with_unit(r.realisasi, ikk.satuan),
        "realisasi_angka": fmt.bare(r.realisasi, ikk.satuan),
        "capaian": pct(r.capaian),
        "alasan": because(r.capaian_alasan) if r.capaian is None else "",
    }
    k["rumus_capaian"] = capaian_formula(r, k["target_angka"], k["realisasi_angka"], k["capaian"])
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
    k["kalimat_polaritas"] = Sentence(
        f"Indikator ini diukur dalam satuan {ikk.satuan} dengan polaritas {ikk.polaritas.lower()} "
        f"({arah}).")
    k["komposit"] = bool(r.tree)
    k["blok"] = composite_blocks(r, wb) if r.tree else []
    k["realisasi_diketik"] = typed_over_components(r, k["realisasi"])
    k["riwayat"] = riwayat_context(r, k, tahun)
    k["jangka_menengah"] = jangka_menengah_context(r, k, tahun)
    k["standar_nasional"] = standar_nasional_context(r, k)

    analisis = next((a for a in wb.analisis if a.kode_ikk == ikk.kode), None)
    k["penjelasan"] = (clerk.prose(analisis.penjelasan, "Analisis IKK", "penjelasan", analisis.row)
                       if analisis else Prose(None))
    items = []
    if analisis:
        for field, judul in ANALISIS_FIELDS:
            body = clerk.prose(getattr(analisis, field), "Analisis IKK", field, analisis.row)
            if body:
                items.append({"nomor": f"{len(items) + 1})", "judul": judul, "isi": body, "field": field})
    k["analisis"] = items
    k["risiko_nomor"] = f"{len(items) + 1})"
    k["analisis_kosong"] = Sentence(
        f"Uraian analisis keberhasilan/kegagalan, efisiensi sumber daya, program penunjang, kendala "
        f"dan solusi untuk {ikk.nama} tidak tersedia.")
    k["solusi"] = next((i["isi"] for i in items if i["field"] == "solusi"), Prose(None))

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
    k["risiko_kosong"] = Sentence(f"Data manajemen risiko untuk {ikk.nama} tidak tersedia.")
    return k

