"""BAB IV PENUTUP: the conclusion's list of capaian and the recommendations."""
from __future__ import annotations

from typing import TypedDict

from lkj_engine.model.results import Results
from lkj_engine.render.context.cetak import punctuated
from lkj_engine.render.context.capaian import SasaranContext
from lkj_engine.render.context.common import HURUF, sebesar, sign
from lkj_engine.render.prose import Prose, Sentence


class KesimpulanSasaran(TypedDict):
    sasaran: str
    no: str
    huruf: str
    ikk: list[Sentence]
    kalimat: Sentence


class Kesimpulan(TypedDict):
    sasaran: list[KesimpulanSasaran]


class SaranSolusi(TypedDict):
    ikk: str
    isi: Prose


class Saran(TypedDict):
    solusi: list[SaranSolusi]
    default: list[Sentence]


class Bab4Keys(TypedDict):
    kesimpulan: Kesimpulan
    saran: Saran


def kesimpulan_context(sasaran: list[SasaranContext]) -> Kesimpulan:
    """BAB IV A's list, numbered 1. (the PK), a. (each sasaran), 1) (each IKK): every sub-list ends with "."."""
    return {"sasaran": [
        {
            "sasaran": s["nama"],
            "no": s["no"],
            "huruf": HURUF[i % 26],
            "ikk": punctuated([Sentence(f"{k['nama']} dengan capaian ", *sebesar(k["capaian"]))
                               for k in s["ikk"]]),
            "kalimat": Sentence(f"Pada Sasaran Kegiatan “{s['nama']}” terdapat {s['jumlah_ikk']} Indikator "
                                "Kinerja Kegiatan dengan rata-rata capaian ", *sebesar(s["rata"]), ", yaitu:"),
        }
        for i, s in enumerate(sasaran)
    ]}


def saran_context(results: Results, sasaran: list[SasaranContext]) -> Saran:
    """The clerk's solutions per IKK; for an IKK without one, a default recommendation from its capaian."""
    tahun = results.workbook.identitas.tahun
    pairs = [(r, k) for s_res, s in zip(results.sasaran, sasaran) for r, k in zip(s_res.ikk, s["ikk"])]
    default = []
    for r, k in pairs:
        if k["solusi"]:
            continue
        if r.capaian is None:
            default.append(Sentence(
                f"Melengkapi data {k['nama']} agar capaian kinerjanya dapat dihitung dan dievaluasi."))
        elif sign(r.capaian - 100) < 0:
            default.append(Sentence(
                f"Meningkatkan upaya pencapaian target {k['nama']}, yang pada tahun {tahun} baru mencapai "
                f"{k['capaian']}, dengan menindaklanjuti kendala yang telah diidentifikasi."))
        else:
            default.append(Sentence(
                f"Mempertahankan capaian {k['nama']} sebesar {k['capaian']} dan menjadikannya dasar "
                "penetapan target yang lebih menantang pada tahun berikutnya."))
    solusi = [{"ikk": k["nama"], "isi": k["solusi"]} for _, k in pairs if k["solusi"]]
    return {"solusi": solusi, "default": default}


def bab4_context(results: Results, sasaran: list[SasaranContext]) -> Bab4Keys:
    """BAB IV's conclusion and recommendations (the Lampiran's sentences for a missing PK scan are the
    profile's ``teks.lampiran_pk_kosong`` and ``teks.lampiran_pk_berikut_kosong``)."""
    return {
        "kesimpulan": kesimpulan_context(sasaran),
        "saran": saran_context(results, sasaran),
    }
