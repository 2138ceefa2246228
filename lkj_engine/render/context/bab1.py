"""BAB I PENDAHULUAN: the staff composition (sentences, tables or charts) and the chapter's empty-data sentences.

The boilerplate prose of BAB I is in the template; the clerk's Narasi blocks come from `narasi_context`.
"""
from __future__ import annotations

from typing import TypedDict

from lkj_engine.contract import formatting as fmt
from lkj_engine.model.results import Results
from lkj_engine.render.charts import pegawai_key
from lkj_engine.render.context.common import chart, join_id
from lkj_engine.render.prose import Sentence
from lkj_engine.render.chart_spec import Figure


class PegawaiBaris(TypedDict):
    kategori: str
    jumlah: str


class PegawaiDimensi(TypedDict):
    dimensi: str
    rows: list[PegawaiBaris]
    total: str
    kalimat: Sentence
    grafik: Figure | None
    judul: str


class PegawaiContext(TypedDict):
    ada: bool
    dimensi: list[PegawaiDimensi]
    kalimat: Sentence


class Bab1Kosong(TypedDict):
    pegawai: Sentence
    isu_strategis: Sentence
    sejarah: Sentence


class Bab1Keys(TypedDict):
    pegawai: PegawaiContext


class Bab1Context(Bab1Keys):
    kosong: Bab1Kosong


def pegawai_context(results: Results, nama: str, charts: dict[str, Figure]) -> PegawaiContext:
    """Staff composition per dimension: a sentence, and a chart (or, without one, a table)."""
    dims: list[PegawaiDimensi] = []
    for d in results.pegawai:
        parts = [f"{kat} sebanyak {fmt.words(n)} orang" for kat, n in d.rows]
        dims.append({
            "dimensi": d.dimensi,
            "rows": [{"kategori": kat, "jumlah": fmt.count(n)} for kat, n in d.rows],
            "total": fmt.count(d.total),
            "kalimat": Sentence(f"Menurut {d.dimensi.lower()}, pegawai {nama} terdiri atas {join_id(parts)}."),
            "grafik": chart(charts, pegawai_key(d.dimensi)),
            "judul": f"Komposisi Pegawai {nama} menurut {d.dimensi}",
        })
    total = Sentence()
    if results.pegawai_total is not None:
        total = Sentence(f"{nama} didukung oleh sumber daya manusia sejumlah {fmt.words(results.pegawai_total)} "
                         "orang pegawai.")
    return {"ada": bool(dims), "dimensi": dims, "kalimat": total}


def bab1_context(results: Results, nama: str, charts: dict[str, Figure]) -> Bab1Context:
    """BAB I's data-driven parts (the prose is the profile's, `teks`)."""
    return {
        "pegawai": pegawai_context(results, nama, charts),
        "kosong": {
            "pegawai": Sentence("Data komposisi pegawai tidak tersedia."),
            "isu_strategis": Sentence("Uraian isu strategis tidak tersedia."),
            "sejarah": Sentence("Uraian sejarah dan wilayah kerja tidak tersedia."),
        },
    }
