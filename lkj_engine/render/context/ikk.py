"""BAB III.A, one IKK: every string its analysis prints, in the seeds' order a)-h).

a)-d) are computed (target, earlier years, Renstra, national standard) with the clerk's optional words
after each; e) keberhasilan/kegagalan with kendala and solusi, f) efisiensi (anggaran, SDM, aset),
g) program penunjang, h) manajemen risiko with its table are the clerk's Analisis IKK columns, and a part
whose columns are all empty says so in one sentence.
"""
from __future__ import annotations

from typing import TypedDict

from lkj_engine.contract import formatting as fmt
from lkj_engine.contract.schema import NEGATIF
from lkj_engine.model.results import IkkResult
from lkj_engine.model.workbook import AnalisisIKK, Risiko, Workbook
from lkj_engine.render.context.common import Clerk, because, join_id, pct, sign
from lkj_engine.render.context.komposit import (
    KompositBlok, RasioTunggal, composite_blocks, is_composite, single_ratio, typed_over_components)
from lkj_engine.render.context.perbandingan import (
    JangkaMenengah, Riwayat, StandarNasional, capaian_formula, jangka_menengah_context, riwayat_context,
    standar_nasional_context)
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


class BagianBlok(TypedDict):
    label: str  # printed above the text when the part has several columns ("" for the first)
    isi: Prose
    field: str


class Bagian(TypedDict):
    """e)-g): the clerk's non-empty columns of the part, and the sentence when there are none."""

    blok: list[BagianBlok]
    kosong: Sentence


class Uraian(TypedDict):
    """a)-d): the clerk's words after each computed comparison (printed only when given)."""

    target: Prose
    tahun_lalu: Prose
    jangka_menengah: Prose
    standar_nasional: Prose


class RisikoBaris(TypedDict):
    no: str
    indikasi: str
    perlakuan: str
    penanggung_jawab: str
    indikator_keberhasilan: str
    kejadian: str
    realisasi_perlakuan: str
    keterangan: str


class IkkAngka(TypedDict):
    """The IKK's figures, formatted once and reprinted by every chapter."""

    kode: str
    nama: str
    huruf: str
    target: str
    realisasi: str
    capaian: str
    alasan: str  # why the capaian cannot be computed, as a sentence; "" when it can


class IkkContext(IkkAngka):
    """Everything BAB III.A prints of one IKK, a) to h)."""

    rumus_capaian: str
    kalimat_capaian: Sentence
    penjelasan: Prose
    kalimat_polaritas: Sentence
    komposit: bool
    blok: list[KompositBlok]
    rasio: RasioTunggal
    survei: Sentence
    realisasi_diketik: Sentence
    riwayat: Riwayat
    jangka_menengah: JangkaMenengah
    standar_nasional: StandarNasional
    uraian: Uraian
    keberhasilan: Bagian
    efisiensi: Bagian
    program: Bagian
    solusi: Prose
    uraian_risiko: Prose
    risiko: list[RisikoBaris]
    risiko_kosong: Sentence


def _bagian(analisis: AnalisisIKK | None, key: str, nama: str, clerk: Clerk) -> Bagian:
    blok: list[BagianBlok] = []
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


def _kalimat_capaian(r: IkkResult, tahun: int, angka: IkkAngka) -> Sentence:
    """``Pada tahun …, IKK ditargetkan … sehingga capaian kinerjanya sebesar X atau melampaui target.``"""
    ikk = r.ikk
    awal = (f"Pada tahun {tahun}, {ikk.nama} ditargetkan sebesar {angka['target']} dan terealisasi sebesar "
            f"{angka['realisasi']}")
    if r.capaian is None:
        return Sentence(f"{awal}; capaian kinerjanya ", Strong(angka["capaian"]), f". {angka['alasan']}")
    state = {1: "melampaui target", 0: "tepat mencapai target", -1: "belum mencapai target"}[
        sign(r.capaian - 100)]
    return Sentence(f"{awal}, sehingga capaian kinerjanya sebesar ", Strong(angka["capaian"]), f" atau {state}.")


def _risiko(wb: Workbook, kode: str, clerk: Clerk) -> list[RisikoBaris]:
    """The IKK's Risiko rows in the clerk's numbering (rows without a number last); a blank cell prints "-"."""
    risks = sorted((x for x in wb.risiko if x.kode_ikk == kode),
                   key=lambda x: (x.no if x.no is not None else 10**6, x.row))

    def teks(x: Risiko, field: str) -> str:
        return clerk.text(getattr(x, field), "Risiko", field, x.row) or "-"

    return [
        {
            "no": str(x.no) if x.no is not None else str(i),
            "indikasi": teks(x, "indikasi"),
            "perlakuan": teks(x, "perlakuan"),
            "penanggung_jawab": teks(x, "penanggung_jawab"),
            "indikator_keberhasilan": teks(x, "indikator_keberhasilan"),
            "kejadian": fmt.count(x.jumlah_kejadian) if x.jumlah_kejadian is not None else "-",
            "realisasi_perlakuan": teks(x, "realisasi_perlakuan"),
            "keterangan": teks(x, "keterangan"),
        }
        for i, x in enumerate(risks, start=1)
    ]


def ikk_context(r: IkkResult, huruf: str, wb: Workbook, clerk: Clerk, nama_singkat: str = "") -> IkkContext:
    ikk, tahun = r.ikk, wb.tahun
    angka: IkkAngka = {
        "kode": ikk.kode,
        "nama": ikk.nama,
        "huruf": huruf,
        "target": fmt.with_unit(ikk.target, ikk.satuan),
        "realisasi": fmt.with_unit(r.realisasi, ikk.satuan),
        "capaian": pct(r.capaian),
        "alasan": because(r.capaian_alasan) if r.capaian is None else "",
    }
    arah = ("semakin tinggi realisasi semakin baik" if ikk.polaritas != NEGATIF
            else "semakin rendah realisasi semakin baik")
    analisis = next((a for a in wb.analisis if a.kode_ikk == ikk.kode), None)

    def prose(field: str) -> Prose:
        return clerk.prose(getattr(analisis, field), "Analisis IKK", field, analisis.row) if analisis else Prose(None)

    # the clerk's cells in the order the report prints them, so their warnings come in that order too
    penjelasan = prose("penjelasan")
    survei = _survei(analisis, angka["realisasi"], clerk)
    uraian: Uraian = {
        "target": prose("uraian_target"),
        "tahun_lalu": prose("uraian_tahun_lalu"),
        "jangka_menengah": prose("uraian_jangka_menengah"),
        "standar_nasional": prose("uraian_standar_nasional"),
    }
    bagian = {key: _bagian(analisis, key, ikk.nama, clerk) for key in BAGIAN}
    uraian_risiko = prose("uraian_risiko")
    komposit = is_composite(r)
    return {
        **angka,
        "rumus_capaian": capaian_formula(r),
        "kalimat_capaian": _kalimat_capaian(r, tahun, angka),
        "penjelasan": penjelasan,
        "kalimat_polaritas": Sentence() if _mentions_polarity(penjelasan) else Sentence(
            f"Indikator ini diukur dalam satuan {ikk.satuan} dengan polaritas {ikk.polaritas.lower()} "
            f"({arah})."),
        "komposit": komposit,
        "blok": composite_blocks(r, wb) if komposit else [],
        "rasio": single_ratio(r),
        "survei": survei,
        "realisasi_diketik": typed_over_components(r, angka["realisasi"]),
        "riwayat": riwayat_context(r, angka, wb),
        "jangka_menengah": jangka_menengah_context(r, angka, tahun),
        "standar_nasional": standar_nasional_context(r, angka, nama_singkat),
        "uraian": uraian,
        "keberhasilan": bagian["keberhasilan"],
        "efisiensi": bagian["efisiensi"],
        "program": bagian["program"],
        "solusi": next((b["isi"] for b in bagian["keberhasilan"]["blok"] if b["field"] == "solusi"), Prose(None)),
        "uraian_risiko": uraian_risiko,
        "risiko": _risiko(wb, ikk.kode, clerk),
        "risiko_kosong": Sentence(f"Uraian dan data manajemen risiko untuk {ikk.nama} tidak tersedia."),
    }
