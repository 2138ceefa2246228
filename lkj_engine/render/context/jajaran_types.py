"""The records of `jajaran_context`: what a Kanwil's per-satker tables print, every cell as text.

Declared apart from the builders only because `jajaran` is long already; one class per table or row.
"""
from __future__ import annotations

from typing import TypedDict

from lkj_engine.render.prose import Sentence
from lkj_engine.render.chart_spec import Figure


class JPegawaiBaris(TypedDict):
    no: str
    satker: str
    jumlah: str
    porsi: str


class JPegawai(TypedDict):
    """BAB I: staff per satker."""

    rows: list[JPegawaiBaris]
    jumlah: str
    porsi: str
    kalimat: Sentence
    keterangan: str


class JCapaianBaris(TypedDict):
    nama: str
    regional: str
    nilai: list[str]  # one per satker, in the order of `JCapaian.kolom`


class JCapaian(TypedDict):
    """III.A: the capaian of every IKK per satker (one column per satker)."""

    kolom: list[str]
    rows: list[JCapaianBaris]
    rata_regional: str
    rata: list[str]
    kalimat: list[Sentence]
    keterangan: str
    lanskap: bool
    grafik: Figure | None


class JBaris(TypedDict):
    """A budget line: pagu, realisasi and its %."""

    pagu: str
    realisasi: str
    persen: str


class JAnggaranJumlah(JBaris):
    porsi: str


class JAnggaranBaris(JAnggaranJumlah):
    satker: str


class JAnggaran(TypedDict):
    """III.B: the jajaran's budget beside the Kanwil's own DIPA."""

    rows: list[JAnggaranBaris]
    jumlah: JAnggaranJumlah
    kalimat: list[Sentence]
    grafik: Figure | None


class JBelanjaBaris(JBaris):
    label: str


class JBelanjaKelompok(TypedDict):
    judul: str
    lines: list[JBelanjaBaris]
    jumlah: JBelanjaBaris


class JBelanja(TypedDict):
    """III.B: budget by jenis belanja, one group per satker, then the jajaran's."""

    ada: bool
    kelompok: list[JBelanjaKelompok]
    kalimat: list[Sentence]


class JPnbpBaris(TypedDict):
    satker: str
    nilai: list[str]  # last year's target, realisasi, %; this year's; the growth


class JPnbp(TypedDict):
    ada: bool
    lalu: str
    ini: str
    rows: list[JPnbpBaris]
    jumlah: list[str]
    kalimat: list[Sentence]
    keterangan: str


class JNkaRata(TypedDict):
    perencanaan: str
    pelaksanaan: str
    nka: str


class JNkaBaris(JNkaRata):
    satker: str


class JNka(TypedDict):
    """III.C: NKA per satker with the means."""

    ada: bool
    rows: list[JNkaBaris]
    rata: JNkaRata
    kalimat: list[Sentence]


class JLayananBaris(TypedDict):
    satker: str
    diterima: str
    selesai: str
    sesuai_syarat: str
    tepat_waktu: str
    d1: str
    d2: str


class JLayanan(TypedDict):
    """III.D: one service group's data per satker."""

    kelompok: str
    rows: list[JLayananBaris]
    jumlah: JLayananBaris
    kalimat: list[Sentence]


class JKomponenJumlah(TypedDict):
    pembilang: str
    penyebut: str
    rasio: str


class JKomponenBaris(JKomponenJumlah):
    satker: str


class JKomponenLeaf(TypedDict):
    judul: str
    rows: list[JKomponenBaris]
    jumlah: JKomponenJumlah


class JKomponen(TypedDict):
    """III.D: one IKK's regional leaves per satker."""

    kode: str
    judul: str
    leaves: list[JKomponenLeaf]
    kalimat: list[Sentence]
    keterangan: str


class JRingkas(TypedDict):
    """The Ringkasan's and BAB IV's jajaran sentences, with their numbers in BAB IV's list."""

    anggaran: Sentence
    pnbp: Sentence
    no_anggaran: str
    no_pnbp: str


class JPenghargaan(TypedDict):
    """III.D.2: one award of a Kanim in the report year, as its own report prints it."""

    satker: str
    tahun: str
    penghargaan: str
    pemberi: str
    uraian: str


class JajaranTabel(TypedDict):
    """Every jajaran table of a Kanwil's consolidated report."""

    nama: str
    kanim: str
    pegawai: JPegawai
    capaian: JCapaian
    anggaran: JAnggaran
    belanja: JBelanja
    pnbp: JPnbp
    nka: JNka
    layanan: list[JLayanan]
    komponen: list[JKomponen]
    penghargaan: list[JPenghargaan]
    ringkas: JRingkas


class JajaranContext(TypedDict):
    jajaran: JajaranTabel | None  # None for a Kanim, or a Kanwil run without its Kanim
