"""BAB III.A a)-d) of one IKK: the capaian formula, earlier years, the medium-term target, the national standard."""
from __future__ import annotations

from lkj_engine.contract import formatting as fmt
from lkj_engine.contract.schema import NEGATIF
from lkj_engine.model.results import IkkResult
from lkj_engine.render.context.common import difference, pct, reason, sign, trend
from lkj_engine.render.prose import Sentence


def ratio_formula(name: str, acuan: str, realisasi: str, nilai_acuan: str, hasil: str, polaritas: str) -> str:
    """``name = Realisasi / acuan × 100% = … = hasil``, with the negative-polarity form when it applies."""
    if polaritas == NEGATIF:
        return (f"{name} = (2 × {acuan} − Realisasi) / {acuan} × 100% = "
                f"(2 × {nilai_acuan} − {realisasi}) / {nilai_acuan} × 100% = {hasil}")
    return f"{name} = Realisasi / {acuan} × 100% = {realisasi} / {nilai_acuan} × 100% = {hasil}"


def capaian_formula(r: IkkResult, target: str, realisasi: str, capaian: str) -> str:
    if r.capaian is None:
        return f"Capaian tidak dapat dihitung: {reason(r.capaian_alasan)}."
    return ratio_formula("Capaian", "Target", realisasi, target, capaian, r.ikk.polaritas)


def riwayat_context(r: IkkResult, k: dict, tahun: int) -> dict:
    satuan = r.ikk.satuan
    rows = [
        {"tahun": str(y.tahun), "target": fmt.with_unit(y.target, satuan, "-"),
         "realisasi": fmt.with_unit(y.realisasi, satuan, "-"), "capaian": pct(y.capaian)}
        for y in r.riwayat
    ]
    if not rows:
        return {"rows": [], "kalimat": Sentence(
            f"Data target dan realisasi {r.ikk.nama} pada tahun-tahun sebelumnya tidak tersedia, "
            "sehingga perbandingan antartahun belum dapat disajikan.")}
    rows.append({"tahun": str(tahun), "target": k["target"], "realisasi": k["realisasi"],
                 "capaian": k["capaian"]})
    prev = r.riwayat[-1]
    parts: list[str] = []
    if r.perubahan_realisasi is None:
        parts.append(f"Realisasi {r.ikk.nama} tahun {tahun} tidak dapat dibandingkan dengan tahun "
                     f"{prev.tahun} karena salah satu realisasinya tidak tersedia.")
    else:
        word = trend(r.perubahan_realisasi)
        change = "" if word == "tetap" else f" sebesar {difference(r.perubahan_realisasi, satuan)}"
        parts.append(f"Dibandingkan tahun {prev.tahun}, realisasi {r.ikk.nama} {word}{change}, dari "
                     f"{fmt.with_unit(prev.realisasi, satuan)} menjadi {k['realisasi']} pada tahun "
                     f"{tahun}.")
    if r.perubahan_capaian is not None:
        word = trend(r.perubahan_capaian)
        change = "" if word == "tetap" else f" sebesar {fmt.number(abs(r.perubahan_capaian))} poin persentase"
        parts.append(f" Capaiannya {word}{change}, dari {pct(prev.capaian)} "
                     f"menjadi {k['capaian']}.")
    first = r.riwayat[0].tahun
    judul = f"Perbandingan Realisasi dan Capaian {r.ikk.nama} Tahun {first}-{tahun}"
    return {"rows": rows, "judul": judul, "kalimat": Sentence(*parts)}


def renstra(tahun: int) -> str:
    """The five-year Renstra/RPJMN period of a year: ``2025-2029`` (periods start 2020, 2025, ...)."""
    awal = tahun - (tahun - 2020) % 5
    return f"{awal}-{awal + 4}"


def jangka_menengah_context(r: IkkResult, k: dict, tahun: int) -> dict:
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
    rumus = ratio_formula("Capaian terhadap target jangka menengah", "Target Jangka Menengah",
                           k["realisasi_angka"], fmt.bare(ikk.target_jm, ikk.satuan), persen, ikk.polaritas)
    state = {1: "telah melampaui", 0: "tepat memenuhi", -1: "belum mencapai"}[
        sign(r.vs_jangka_menengah - 100)]
    kalimat = Sentence(
        f"Target jangka menengah {ikk.nama} untuk tahun {tahun} dalam Rencana Strategis {renstra(tahun)} "
        f"sebesar {tjm}. Dengan realisasi {k['realisasi']}, capaian terhadap target jangka menengah "
        f"sebesar {persen}, sehingga realisasi tahun {tahun} {state} target jangka menengah.")
    return {"rumus": rumus, "kalimat": kalimat}


def standar_nasional_context(r: IkkResult, k: dict) -> dict:
    ikk = r.ikk
    if ikk.standar_nasional is None:
        return {"rumus": "", "kalimat": Sentence(
            f"Tidak terdapat standar nasional yang ditetapkan untuk {ikk.nama}, sehingga "
            "perbandingan dengan standar nasional tidak dilakukan.")}
    sn = fmt.with_unit(ikk.standar_nasional, ikk.satuan)
    if r.vs_standar_nasional is None:
        return {"rumus": "", "kalimat": Sentence(
            f"Standar nasional {ikk.nama} sebesar {sn}; perbandingannya dengan realisasi tidak dapat "
            f"dihitung ({reason(r.vs_standar_nasional_alasan)}).")}
    persen = fmt.percent(r.vs_standar_nasional)
    rumus = ratio_formula("Capaian terhadap standar nasional", "Standar Nasional", k["realisasi_angka"],
                           fmt.bare(ikk.standar_nasional, ikk.satuan), persen, ikk.polaritas)
    s = sign(r.selisih_standar_nasional)
    if s == 0:
        posisi = "sama dengan standar nasional"
    else:
        posisi = (f"{'di atas' if s > 0 else 'di bawah'} standar nasional dengan selisih "
                  f"{difference(r.selisih_standar_nasional, ikk.satuan)}")
    kalimat = (f"Standar nasional {ikk.nama} sebesar {sn}. Realisasi tahun ini sebesar {k['realisasi']} "
               f"berada {posisi}")
    if ikk.polaritas == NEGATIF and s:
        kalimat += (", yang untuk indikator berpolaritas negatif berarti "
                    + ("lebih buruk" if s > 0 else "lebih baik") + " dari standar")
    kalimat += f", dengan capaian terhadap standar nasional sebesar {persen}."
    return {"rumus": rumus, "kalimat": Sentence(kalimat)}

