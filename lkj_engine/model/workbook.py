"""The clerk's workbook as typed Python objects: what the loader produces and the engine reads.

Every row keeps its Excel row number so the checks can point the clerk at a cell (``Belanja!D4``);
`Workbook.cell()` turns a (sheet, field, row) into that reference using the columns the loader found.
Numbers are `Decimal`; a blank cell is `None`, never 0.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple, Optional

Num = Optional[Decimal]


@dataclass
class Identitas:
    nama_satker: str
    nama_singkat: str
    jenis: str  # "Kanim" / "Kanwil"
    provinsi: str
    tahun: int
    nama_kepala: str
    jabatan_kepala: str
    tempat_ttd: str
    tanggal_ttd: date
    kanwil_induk: str | None = None
    alamat: str | None = None
    telepon: str | None = None
    email: str | None = None
    laman: str | None = None
    nip_kepala: str | None = None
    nama_atasan: str | None = None
    jabatan_atasan: str | None = None
    logo: Path | None = None
    struktur_organisasi: Path | None = None
    peta_wilayah: Path | None = None
    kementerian: str | None = None  # overrides the year profile's ministry name
    pedoman: str | None = None  # overrides the year profile's Pedoman citation
    templat_word: str | None = None  # a Kanwil's restyled Word template, relative to the workbook


@dataclass
class IKK:
    sasaran_no: int
    sasaran: str
    kode: str
    nama: str
    satuan: str
    polaritas: str  # "Positif" / "Negatif"
    target: Decimal
    realisasi: Num = None  # None when computed from Komponen
    target_jm: Num = None
    standar_nasional: Num = None
    target_standar_nasional: Num = None  # the national target, when standar_nasional is a national realisasi
    row: int = 0


@dataclass
class RiwayatIKK:
    kode: str
    tahun: int
    target: Num = None
    realisasi: Num = None
    status: str | None = None  # schema.BELUM_DIUKUR: the indicator did not exist that year
    row: int = 0


@dataclass
class Komponen:
    kode_ikk: str
    kode: str
    nama: str
    bobot: Decimal  # 0-100, relative to its parent
    induk: str | None = None
    pembilang: Num = None
    penyebut: Num = None
    nilai: Num = None
    faktor: int = 1
    maks_100: bool = False
    ket_pembilang: str | None = None
    ket_penyebut: str | None = None
    sumber: str | None = None
    rekap_jajaran: bool = False  # Kanwil only: summed over the jajaran (design.md, contract v2)
    row: int = 0


@dataclass
class Layanan:
    kelompok: str
    jenis: str
    diterima: int
    standar_waktu: int | None = None
    terbit: int | None = None
    ditolak: int | None = None
    batal: int | None = None
    sesuai_syarat: int | None = None
    tepat_waktu: int | None = None
    row: int = 0


@dataclass
class Anggaran:
    program: str
    kegiatan: str
    pagu: Decimal
    realisasi: Decimal
    sasaran_no: int | None = None
    row: int = 0


@dataclass
class Belanja:
    tahun: int
    jenis: str
    pagu: Decimal
    realisasi: Decimal
    blokir: Num = None
    row: int = 0


@dataclass
class SumberDana:
    tahun: int
    sumber: str
    pagu: Decimal
    realisasi: Num = None
    row: int = 0


@dataclass
class Pnbp:
    tahun: int
    realisasi: Decimal
    target: Num = None
    row: int = 0


@dataclass
class Nka:
    tahun: int
    cro: Num = None
    penggunaan_sbk: Num = None
    efisiensi_sbk: Num = None
    nilai_perencanaan: Num = None
    revisi_dipa: Num = None
    deviasi: Num = None
    penyerapan: Num = None
    kontraktual: Num = None
    tagihan: Num = None
    up_tup: Num = None
    dispensasi_spm: Num = None
    capaian_output: Num = None
    nilai_pelaksanaan: Num = None
    nka: Num = None
    row: int = 0


@dataclass
class Pegawai:
    dimensi: str
    kategori: str
    jumlah: int
    row: int = 0


@dataclass
class Risiko:
    kode_ikk: str
    indikasi: str
    no: int | None = None
    perlakuan: str | None = None
    penanggung_jawab: str | None = None
    indikator_keberhasilan: str | None = None
    jumlah_kejadian: int | None = None
    realisasi_perlakuan: str | None = None
    keterangan: str | None = None
    row: int = 0


@dataclass
class AnalisisIKK:
    kode_ikk: str
    penjelasan: str | None = None
    keberhasilan: str | None = None
    efisiensi: str | None = None
    program: str | None = None
    kendala: str | None = None
    solusi: str | None = None
    uraian_target: str | None = None  # a)-d): the clerk's words after the computed comparison
    uraian_tahun_lalu: str | None = None
    uraian_jangka_menengah: str | None = None
    uraian_standar_nasional: str | None = None
    efisiensi_anggaran: str | None = None  # f) by resource
    efisiensi_sdm: str | None = None
    efisiensi_aset: str | None = None
    uraian_risiko: str | None = None  # h), above the Risiko table
    survei_dasar: str | None = None  # survey-based IKK (ILK): the letter that ordered the survey
    survei_periode: str | None = None
    survei_responden: int | None = None
    survei_parameter: str | None = None  # one parameter per line
    row: int = 0


@dataclass
class Narasi:
    bagian: str
    teks: str | None = None
    row: int = 0


@dataclass
class Inovasi:
    nama: str
    kepanjangan: str | None = None
    uraian: str | None = None
    row: int = 0


@dataclass
class Penghargaan:
    penghargaan: str
    tahun: int | None = None
    pemberi: str | None = None
    uraian: str | None = None
    row: int = 0


@dataclass
class Gambar:
    bagian: str
    judul: str
    berkas: Path
    row: int = 0


@dataclass
class Jajaran:
    """A Kanim (UPT) under a Kanwil, as the Kanwil's Jajaran sheet names it."""

    nama_satker: str
    nama_singkat: str | None = None
    row: int = 0


@dataclass
class DataTable:
    """A free `Data ...` sheet: printed as a captioned table in BAB III.D."""

    sheet: str
    title: str  # the sheet name without "Data "
    headers: list[str]
    rows: list[list[str]]  # cell text as the clerk sees it
    # the typed number of each cell of `rows` that can be added up (not a percent, not a year or code
    # column); None for text, blanks and those; empty when built by hand (nothing is then checked)
    amounts: list[list[Num]] = field(default_factory=list)
    letters: list[str] = field(default_factory=list)  # the Excel column of each header
    row_numbers: list[int] = field(default_factory=list)  # the Excel row of each of `rows`

    def cell(self, row: int, column: int) -> str:
        """The Excel reference of `rows[row][column]` (``E9``), or "" when unknown."""
        if column < len(self.letters) and row < len(self.row_numbers):
            return f"{self.letters[column]}{self.row_numbers[row]}"
        return ""


# First cells that make a Data table's row a total (compared without case and spaces at the ends).
TOTAL_LABELS = frozenset({"jumlah", "total", "jumlah total", "total keseluruhan", "jumlah keseluruhan"})


def is_total_label(text: object) -> bool:
    """True for a row's first cell reading "Jumlah", "TOTAL", "Jumlah:" (the row a clerk sums into)."""
    if not isinstance(text, str):
        return False
    return " ".join(text.strip().rstrip(":").split()).lower() in TOTAL_LABELS


class RowTable(NamedTuple):
    """Where one table sheet's rows go: the `Workbook` attribute and the class of one row."""

    attribute: str
    row_class: type


# Sheet name -> its rows' place in `Workbook`; the loader fills these generically from the schema.
ROW_TABLES: dict[str, RowTable] = {
    "IKK": RowTable("ikk", IKK),
    "Riwayat IKK": RowTable("riwayat", RiwayatIKK),
    "Komponen": RowTable("komponen", Komponen),
    "Layanan": RowTable("layanan", Layanan),
    "Anggaran": RowTable("anggaran", Anggaran),
    "Belanja": RowTable("belanja", Belanja),
    "Sumber Dana": RowTable("sumber_dana", SumberDana),
    "PNBP": RowTable("pnbp", Pnbp),
    "NKA": RowTable("nka", Nka),
    "Pegawai": RowTable("pegawai", Pegawai),
    "Risiko": RowTable("risiko", Risiko),
    "Analisis IKK": RowTable("analisis", AnalisisIKK),
    "Narasi": RowTable("narasi", Narasi),
    "Inovasi": RowTable("inovasi", Inovasi),
    "Penghargaan": RowTable("penghargaan", Penghargaan),
    "Gambar": RowTable("gambar", Gambar),
    "Jajaran": RowTable("jajaran", Jajaran),
}


@dataclass
class Workbook:
    """Everything the clerk typed, parsed and validated."""

    source: Path
    identitas: Identitas
    ikk: list[IKK]
    riwayat: list[RiwayatIKK] = field(default_factory=list)
    komponen: list[Komponen] = field(default_factory=list)
    layanan: list[Layanan] = field(default_factory=list)
    anggaran: list[Anggaran] = field(default_factory=list)
    belanja: list[Belanja] = field(default_factory=list)
    sumber_dana: list[SumberDana] = field(default_factory=list)
    pnbp: list[Pnbp] = field(default_factory=list)
    nka: list[Nka] = field(default_factory=list)
    pegawai: list[Pegawai] = field(default_factory=list)
    risiko: list[Risiko] = field(default_factory=list)
    analisis: list[AnalisisIKK] = field(default_factory=list)
    narasi: list[Narasi] = field(default_factory=list)
    inovasi: list[Inovasi] = field(default_factory=list)
    penghargaan: list[Penghargaan] = field(default_factory=list)
    gambar: list[Gambar] = field(default_factory=list)
    jajaran: list[Jajaran] = field(default_factory=list)
    data_tables: list[DataTable] = field(default_factory=list)
    # sheet name -> field -> column letter, as found in this file (columns may be reordered)
    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    # Identitas field -> A1 reference of its Nilai cell (the sheet is key/value, not a table)
    identitas_cells: dict[str, str] = field(default_factory=dict)
    # sheet names (as declared) that exist but hold no data rows
    empty_sheets: list[str] = field(default_factory=list)

    def cell(self, sheet: str, field_name: str, row: int) -> str | None:
        """A1 reference of a field in a row, e.g. ``D4``; None if the column is absent."""
        letter = self.columns.get(sheet, {}).get(field_name)
        return f"{letter}{row}" if letter and row else None

    @property
    def tahun(self) -> int:
        return self.identitas.tahun
