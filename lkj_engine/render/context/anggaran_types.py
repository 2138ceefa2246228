"""The records of `anggaran_chapter_context`: the budget tables and sentences of BAB II and BAB III.B-C.

Declared apart from the builders so that `anggaran` stays a readable size; one class per table or row.
"""
from __future__ import annotations

from typing import NotRequired, TypedDict

from lkj_engine.render.prose import Sentence
from lkj_engine.render.chart_spec import Figure


class BarisAnggaran(TypedDict):
    """A budget line as printed: pagu, realisasi, its %, the blokir ("-" without one)."""

    label: str
    pagu: str
    realisasi: str
    persen: str
    blokir: str


class AnggaranBaris(TypedDict):
    """A row of the per-kegiatan table: a program's heading row (no blokir cell) or one of its lines."""

    program: bool
    label: str
    pagu: str
    realisasi: str
    persen: str
    blokir: NotRequired[str]


class AnggaranSasaran(TypedDict):
    """A sasaran's group of BAB III.B's realisation table: its kegiatan rows and their subtotal."""

    judul: str
    rows: list[BarisAnggaran]
    subtotal: BarisAnggaran
    cetak_subtotal: bool


class AnggaranContext(TypedDict):
    total: BarisAnggaran
    rows: list[AnggaranBaris]
    sasaran: list[AnggaranSasaran]
    kalimat: Sentence
    terbagi: list[Sentence]  # a DIPA kegiatan serving several sasaran: its split
    tanpa_anggaran: Sentence  # the sasaran with no kegiatan of their own
    ada: bool


class TahunAnggaran(TypedDict):
    tahun: str
    lines: list[BarisAnggaran]
    total: BarisAnggaran


class BelanjaPerubahan(TypedDict):
    jenis: str
    lalu: str
    ini: str
    perubahan: str


class BelanjaContext(TypedDict):
    tahun: list[TahunAnggaran]
    perubahan: list[BelanjaPerubahan]
    ada: bool
    ada_perubahan: bool
    kalimat: list[Sentence]
    yoy: Sentence
    blokir: Sentence
    dipa: Sentence
    tahun_lalu: str
    tahun_ini: str


class SumberDanaContext(TypedDict):
    tahun: list[TahunAnggaran]
    ada: bool
    kalimat: Sentence


class PnbpBaris(TypedDict):
    tahun: str
    target: str
    realisasi: str
    persen: str
    pertumbuhan: str


class PnbpContext(TypedDict):
    rows: list[PnbpBaris]
    ada: bool
    kalimat: Sentence
    ringkas: Sentence


class NkaPerencanaan(TypedDict):
    tahun: str
    nilai: list[str]  # one per component, in the order of `NkaContext.perencanaan_header`
    total: str


class NkaPelaksanaan(TypedDict):
    komponen: str
    lalu: str
    ini: str


class NkaRingkasan(TypedDict):
    tahun: str
    perencanaan: str
    pelaksanaan: str
    nka: str


class NkaContext(TypedDict):
    ada: bool
    perencanaan_header: list[str]
    perencanaan: list[NkaPerencanaan]
    pelaksanaan: list[NkaPelaksanaan]
    ringkasan: list[NkaRingkasan]
    kalimat: Sentence


class AnggaranGrafik(TypedDict):
    belanja: Figure | None


class AnggaranKosong(TypedDict):
    anggaran: Sentence
    belanja: Sentence
    sumber_dana: Sentence
    pnbp: Sentence
    nka: Sentence


class AnggaranKeys(TypedDict):
    """The budget parts of BAB II and BAB III.B-C."""

    anggaran: AnggaranContext
    belanja: BelanjaContext
    sumber_dana: SumberDanaContext
    pnbp: PnbpContext
    nka: NkaContext


class AnggaranBab(AnggaranKeys):
    grafik: AnggaranGrafik
    kosong: AnggaranKosong

