"""The PK's sasaran and IKK with their capaian, formatted once and printed in every chapter: the Ringkasan
list, BAB II's PK table, BAB III.A's capaian table and analyses, BAB IV's conclusion."""
from __future__ import annotations

from typing import TypedDict

from lkj_engine.contract import formatting as fmt
from lkj_engine.model.results import Results
from lkj_engine.render.context.cetak import punctuated
from lkj_engine.render.context.common import HURUF, Clerk, because, chart, pct, sebesar
from lkj_engine.render.context.ikk import IkkContext, ikk_context
from lkj_engine.render.prose import Sentence, Strong
from lkj_engine.render.chart_spec import Figure


class IkkPk(IkkContext):
    """An IKK as every chapter prints it: its BAB III.A strings and its line in BAB II's PK list."""

    butir_pk: str


class SasaranContext(TypedDict):
    no: str
    nama: str
    ikk: list[IkkPk]
    jumlah_ikk: str
    rata: str
    rata_alasan: str
    ringkasan: Sentence
    intro: Sentence


class CapaianGrafik(TypedDict):
    ikk_target_realisasi: Figure | None
    ikk_capaian: Figure | None


class CapaianKeys(TypedDict):
    jumlah_sasaran: str
    jumlah_ikk: str
    sasaran: list[SasaranContext]
    ikk: list[IkkPk]
    rata_capaian: str
    catatan_capaian: list[Sentence]
    rata_metode: str
    rata_kalimat: Sentence


class CapaianContext(CapaianKeys):
    grafik: CapaianGrafik


def sasaran_context(results: Results, clerk: Clerk, nama_singkat: str) -> list[SasaranContext]:
    """Each sasaran with its IKK contexts (a., b., …), average and the sentences that list them."""
    wb = results.workbook
    sasaran: list = []  # each one completed below: its Ringkasan line and intro need all of them
    for s in results.sasaran:
        items = [ikk_context(r, HURUF[i % 26], wb, clerk, nama_singkat) for i, r in enumerate(s.ikk)]
        sasaran.append({
            "no": str(s.no),
            "nama": s.nama,
            "ikk": items,
            "jumlah_ikk": fmt.words(len(items)),
            "rata": pct(s.rata_capaian),
            "rata_alasan": because(s.rata_alasan) if s.rata_capaian is None else "",
        })
    for s, ringkasan in zip(sasaran, punctuated([_ringkasan(s) for s in sasaran])):
        s["ringkasan"] = ringkasan
    # BAB II lists every IKK under its sasaran: one list, so only the very last item ends with "."
    flat = [k for s in sasaran for k in s["ikk"]]
    for k, line in zip(flat, punctuated([f"{k['nama']} dengan target {k['target']}" for k in flat], dan=False)):
        k["butir_pk"] = line
    for s in sasaran:
        s["intro"] = Sentence(
            f"Sasaran Kegiatan {s['nama']} diukur dengan {s['jumlah_ikk']} Indikator Kinerja Kegiatan, "
            "dengan rata-rata capaian ", *sebesar(s["rata"]), ".")
    return sasaran


def _ringkasan(s: SasaranContext) -> Sentence:
    """The Ringkasan Eksekutif's line of one sasaran: its IKK and their capaian."""
    names = [f"{k['nama']} dengan capaian " for k in s["ikk"]]
    parts: list = [f"Sasaran Kegiatan {s['nama']} memiliki {s['jumlah_ikk']} Indikator Kinerja "
                   "Kegiatan berupa "]
    for i, (k, label) in enumerate(zip(s["ikk"], names)):
        if i:
            parts.append(" serta " if i == len(names) - 1 else ", ")
        parts += [label, Strong(k["capaian"])]
    return Sentence(*parts)


def capaian_context(results: Results, clerk: Clerk, charts: dict[str, Figure], nama_singkat: str
                    ) -> CapaianContext:
    """Sasaran, IKK, the overall average with its notes, and the capaian charts."""
    sasaran = sasaran_context(results, clerk, nama_singkat)
    ikk_all = [k for s in sasaran for k in s["ikk"]]
    rata = pct(results.rata_capaian)
    catatan = [Sentence(f"{k['nama']}: {k['alasan']}") for k in ikk_all if k["alasan"]]
    catatan += [Sentence(f"Rata-rata Sasaran Kegiatan {s['no']}: {s['rata_alasan']}") for s in sasaran
                if s["rata_alasan"]]
    return {
        "jumlah_sasaran": fmt.words(len(sasaran)),
        "jumlah_ikk": fmt.words(len(ikk_all)),
        "sasaran": sasaran,
        "ikk": ikk_all,
        "rata_capaian": rata,
        "catatan_capaian": catatan,
        "rata_metode": results.rata_metode,
        "rata_kalimat": Sentence("Dari seluruh sasaran kegiatan yang ditetapkan, diperoleh rata-rata capaian "
                                 "kinerja sebesar ", Strong(rata), "."),
        "grafik": {
            "ikk_target_realisasi": chart(charts, "ikk_target_realisasi"),
            "ikk_capaian": chart(charts, "ikk_capaian"),
        },
    }
