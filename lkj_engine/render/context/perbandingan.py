"""BAB III.A a)-d) of one IKK: the capaian formula, earlier years, the medium-term target, the national standard."""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, TypedDict

from lkj_engine.contract.profile import profile_for
from lkj_engine.contract import formatting as fmt
from lkj_engine.contract.schema import BELUM_DIUKUR, NEGATIF
from lkj_engine.model.results import IkkResult
from lkj_engine.model.workbook import Workbook
from lkj_engine.render.context.cetak import measure_text, printed_change, ratio_places
from lkj_engine.render.context.common import difference, pct, reason, sign, trend
from lkj_engine.render.prose import Sentence

if TYPE_CHECKING:  # the IKK's own strings these comparisons reprint; `ikk` imports this module
    from lkj_engine.render.context.ikk import IkkAngka

BELUM = "belum diukur"


class RiwayatBaris(TypedDict):
    tahun: str
    target: str
    realisasi: str
    capaian: str


class Riwayat(TypedDict):
    """b): the earlier years' table (this year last) and the sentence comparing the last two."""

    rows: list[RiwayatBaris]
    judul: str
    kalimat: Sentence


class JangkaMenengah(TypedDict):
    rumus: str
    kalimat: Sentence


class NasionalBaris(TypedDict):
    uraian: str
    target: str
    realisasi: str
    capaian: str


class StandarNasional(TypedDict):
    rumus: str
    tabel: list[NasionalBaris]
    kalimat: Sentence


def ratio_formula(name: str, acuan_nama: str, realisasi: Decimal, acuan: Decimal, hasil: Decimal,
                  polaritas: str, satuan: str) -> str:
    """``name = Realisasi / acuan × 100% = R / X × 100% = hasil`` (the negative-polarity form when it
    applies), with the realisasi printed to as many places as the line needs to hold as printed."""
    places = ratio_places(realisasi, acuan, hasil, polaritas, satuan)
    r, x, h = measure_text(realisasi, satuan, places), fmt.bare(acuan, satuan), fmt.percent(hasil)
    if polaritas == NEGATIF:
        return (f"{name} = (2 × {acuan_nama} − Realisasi) / {acuan_nama} × 100% = "
                f"(2 × {x} − {r}) / {x} × 100% = {h}")
    return f"{name} = Realisasi / {acuan_nama} × 100% = {r} / {x} × 100% = {h}"


def capaian_formula(r: IkkResult) -> str:
    if r.capaian is None:
        return f"Capaian tidak dapat dihitung: {reason(r.capaian_alasan)}."
    return ratio_formula("Capaian", "Target", r.realisasi, r.ikk.target, r.capaian, r.ikk.polaritas,
                         r.ikk.satuan)


def _belum_diukur(wb: Workbook, kode: str) -> set[int]:
    """Years a Riwayat row marks "Belum diukur": the indicator did not exist yet."""
    return {x.tahun for x in wb.riwayat if x.kode == kode and x.status == BELUM_DIUKUR}


def riwayat_context(r: IkkResult, k: IkkAngka, wb: Workbook) -> Riwayat:
    """b): earlier years side by side; changes are differences of the printed values."""
    tahun, satuan, nama = wb.tahun, r.ikk.satuan, r.ikk.nama
    belum = _belum_diukur(wb, r.ikk.kode)
    rows: list[RiwayatBaris] = []
    for y in r.riwayat:
        if y.tahun in belum:
            rows.append({"tahun": str(y.tahun), "target": "-", "realisasi": BELUM, "capaian": "-"})
        else:
            rows.append({"tahun": str(y.tahun), "target": fmt.with_unit(y.target, satuan, "-"),
                         "realisasi": fmt.with_unit(y.realisasi, satuan, "-"), "capaian": pct(y.capaian)})
    if not rows:
        return {"rows": [], "judul": "", "kalimat": Sentence(
            f"Data target dan realisasi {nama} pada tahun-tahun sebelumnya tidak tersedia, "
            "sehingga perbandingan antartahun belum dapat disajikan.")}
    rows.append({"tahun": str(tahun), "target": k["target"], "realisasi": k["realisasi"],
                 "capaian": k["capaian"]})
    judul = f"Perbandingan Realisasi dan Capaian {nama} Tahun {r.riwayat[0].tahun}-{tahun}"
    prev = r.riwayat[-1]
    if prev.tahun in belum:
        mulai = min((y.tahun for y in r.riwayat if y.tahun > max(belum)), default=tahun)
        return {"rows": rows, "judul": judul, "kalimat": Sentence(
            f"{nama} belum diukur pada tahun {prev.tahun}"
            + (f" dan baru diukur sejak tahun {mulai}" if mulai != tahun else f"; tahun {tahun} adalah tahun "
               "pertama pengukurannya")
            + f", sehingga realisasi tahun {tahun} tidak dibandingkan dengan tahun {prev.tahun}.")}
    parts: list[str] = []
    delta = printed_change(r.realisasi, prev.realisasi, satuan)
    if delta is None:
        parts.append(f"Realisasi {nama} tahun {tahun} tidak dapat dibandingkan dengan tahun "
                     f"{prev.tahun} karena salah satu realisasinya tidak tersedia.")
    else:
        word = trend(delta)
        change = "" if word == "tetap" else f" sebesar {difference(delta, satuan)}"
        parts.append(f"Dibandingkan tahun {prev.tahun}, realisasi {nama} {word}{change}, dari "
                     f"{fmt.with_unit(prev.realisasi, satuan)} menjadi {k['realisasi']} pada tahun {tahun}.")
    delta_capaian = printed_change(r.capaian, prev.capaian)
    if delta_capaian is not None:
        word = trend(delta_capaian)
        change = "" if word == "tetap" else f" sebesar {fmt.number(abs(delta_capaian))} poin persentase"
        parts.append(f" Capaiannya {word}{change}, dari {pct(prev.capaian)} menjadi {k['capaian']}.")
    return {"rows": rows, "judul": judul, "kalimat": Sentence(*parts)}


def renstra(tahun: int) -> str:
    """The Renstra/RPJMN period of a year, as its year profile names it."""
    return profile_for(tahun)[0].periode


def jangka_menengah_context(r: IkkResult, k: IkkAngka, tahun: int) -> JangkaMenengah:
    ikk = r.ikk
    if ikk.target_jm is None:
        return {"rumus": "", "kalimat": Sentence(
            f"Target jangka menengah (Renstra) untuk {ikk.nama} tahun {tahun} tidak tersedia, "
            "sehingga perbandingan dengan target jangka menengah belum dapat disajikan.")}
    tjm = fmt.with_unit(ikk.target_jm, ikk.satuan)
    if r.vs_jangka_menengah is None:
        return {"rumus": "", "kalimat": Sentence(
            f"Target jangka menengah {ikk.nama} untuk tahun {tahun} sebesar {tjm}; perbandingannya "
            f"dengan realisasi tidak dapat dihitung ({reason(r.vs_jangka_menengah_alasan)}).")}
    persen = fmt.percent(r.vs_jangka_menengah)
    rumus = ratio_formula("Capaian terhadap target jangka menengah", "Target Jangka Menengah", r.realisasi,
                          ikk.target_jm, r.vs_jangka_menengah, ikk.polaritas, ikk.satuan)
    state = {1: "telah melampaui", 0: "tepat memenuhi", -1: "belum mencapai"}[
        sign(r.vs_jangka_menengah - 100)]
    kalimat = Sentence(
        f"Target jangka menengah {ikk.nama} untuk tahun {tahun} dalam Rencana Strategis {renstra(tahun)} "
        f"sebesar {tjm}. Dengan realisasi {k['realisasi']}, capaian terhadap target jangka menengah "
        f"sebesar {persen}, sehingga realisasi tahun {tahun} {state} target jangka menengah.")
    return {"rumus": rumus, "kalimat": kalimat}


def standar_nasional_context(r: IkkResult, k: IkkAngka, nama_satker: str) -> StandarNasional:
    ikk = r.ikk
    if ikk.standar_nasional is None:
        return {"rumus": "", "tabel": [], "kalimat": Sentence(
            f"Tidak terdapat standar nasional yang ditetapkan untuk {ikk.nama}, sehingga "
            "perbandingan dengan standar nasional tidak dilakukan.")}
    sn = fmt.with_unit(ikk.standar_nasional, ikk.satuan)
    if r.vs_standar_nasional is None:
        return {"rumus": "", "tabel": [], "kalimat": Sentence(
            f"Standar nasional {ikk.nama} sebesar {sn}; perbandingannya dengan realisasi tidak dapat "
            f"dihitung ({reason(r.vs_standar_nasional_alasan)}).")}
    persen = fmt.percent(r.vs_standar_nasional)
    rumus = ratio_formula("Capaian terhadap standar nasional", "Standar Nasional", r.realisasi,
                          ikk.standar_nasional, r.vs_standar_nasional, ikk.polaritas, ikk.satuan)
    selisih = printed_change(r.realisasi, ikk.standar_nasional, ikk.satuan)
    s = sign(selisih)
    if s == 0:
        posisi = "sama dengan standar nasional"
    else:
        posisi = (f"{'di atas' if s > 0 else 'di bawah'} standar nasional dengan selisih "
                  f"{difference(selisih, ikk.satuan)}")
    kalimat = (f"Standar nasional {ikk.nama} sebesar {sn}. Realisasi tahun ini sebesar {k['realisasi']} "
               f"berada {posisi}")
    if ikk.polaritas == NEGATIF and s:
        kalimat += (", yang untuk indikator berpolaritas negatif berarti "
                    + ("lebih buruk" if s > 0 else "lebih baik") + " dari standar")
    kalimat += f", dengan capaian terhadap standar nasional sebesar {persen}."
    return {"rumus": rumus, "tabel": _tabel_nasional(r, k, nama_satker), "kalimat": Sentence(kalimat)}


def _tabel_nasional(r: IkkResult, k: IkkAngka, nama_satker: str) -> list[NasionalBaris]:
    """The national figure's own row (target, realisasi, capaian) beside the office's, when the national
    target is typed (seed 000, Tabel 3.14)."""
    ikk = r.ikk
    if ikk.target_standar_nasional is None:
        return []
    return [
        {"uraian": "Nasional", "target": fmt.with_unit(ikk.target_standar_nasional, ikk.satuan),
         "realisasi": fmt.with_unit(ikk.standar_nasional, ikk.satuan), "capaian": pct(r.capaian_standar_nasional)},
        {"uraian": nama_satker, "target": k["target"], "realisasi": k["realisasi"], "capaian": k["capaian"]},
    ]

