"""Build `Workbook` objects in Python for the engine tests, with rows and column letters like a real file.

Columns follow the schema's order (A, B, C ...) with the header in row 1, so a row built here at
position i sits on Excel row i + 2 and `wb.cell("Belanja", "pagu", 3)` is "C3", as the loader would
report it for the blank template.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from lkj_engine.model import workbook as model
from lkj_engine.contract import schema
from lkj_engine.model.workbook import IKK, Anggaran, Belanja, Komponen, Layanan, Nka, Pegawai, Pnbp, RiwayatIKK, SumberDana, Workbook

D = Decimal

ATTR_OF_SHEET = {
    "IKK": "ikk", "Riwayat IKK": "riwayat", "Komponen": "komponen", "Layanan": "layanan",
    "Anggaran": "anggaran", "Belanja": "belanja", "Sumber Dana": "sumber_dana", "PNBP": "pnbp", "NKA": "nka",
    "Pegawai": "pegawai", "Risiko": "risiko", "Analisis IKK": "analisis", "Narasi": "narasi",
    "Inovasi": "inovasi", "Penghargaan": "penghargaan", "Gambar": "gambar",
}


def column_letters(sheet_name: str) -> dict[str, str]:
    """field -> column letter for a sheet laid out in schema order."""
    return {c.field: chr(ord("A") + i) for i, c in enumerate(schema.sheet(sheet_name).columns)}


def identitas(tahun: int = 2025) -> model.Identitas:
    return model.Identitas(
        nama_satker="Kantor Imigrasi Kelas II TPI Batu Kerapu", nama_singkat="Kanim Batu Kerapu", jenis="Kanim",
        provinsi="Nusa Kerapu", tahun=tahun, nama_kepala="Budi Santoso", jabatan_kepala="Kepala Kantor",
        tempat_ttd="Batu Kerapu", tanggal_ttd=date(tahun + 1, 1, 14),
    )


def workbook(tahun: int = 2025, empty: tuple[str, ...] = (), absent: tuple[str, ...] = (), **rows) -> Workbook:
    """A Workbook whose rows get Excel row numbers 2, 3, ... per sheet (unless given).

    `empty` sheets exist with headers only; `absent` sheets are not in the file at all. Every other
    declared sheet exists (so it is neither reported empty nor absent when it has rows).
    """
    for attr, items in rows.items():
        for i, item in enumerate(items):
            if not getattr(item, "row", 0):
                item.row = i + 2
    wb = Workbook(source=Path("uji.xlsx"), identitas=identitas(tahun), ikk=rows.pop("ikk", []), **rows)
    for sheet in schema.SHEETS:
        if sheet.is_fields or sheet.name in absent:
            continue
        wb.columns[sheet.name] = column_letters(sheet.name)
        if sheet.name in empty:
            wb.empty_sheets.append(sheet.name)
    return wb


def ikk(kode: str, target, realisasi=None, *, sasaran_no: int = 1, polaritas: str = "Positif",
        satuan: str = "Indeks", target_jm=None, standar_nasional=None, nama: str | None = None) -> IKK:
    return IKK(sasaran_no=sasaran_no, sasaran=f"Sasaran {sasaran_no}", kode=kode, nama=nama or f"Indikator {kode}",
               satuan=satuan, polaritas=polaritas, target=D(str(target)),
               realisasi=None if realisasi is None else D(str(realisasi)),
               target_jm=None if target_jm is None else D(str(target_jm)),
               standar_nasional=None if standar_nasional is None else D(str(standar_nasional)))


def komponen(kode_ikk: str, kode: str, bobot, induk: str | None = None, *, pembilang=None, penyebut=None,
             nilai=None, faktor: int = 1, maks_100: bool = False, sumber: str | None = None,
             nama: str | None = None) -> Komponen:
    def dec(v):
        return None if v is None else D(str(v))
    return Komponen(kode_ikk=kode_ikk, kode=kode, nama=nama or f"Komponen {kode}", bobot=D(str(bobot)), induk=induk,
                    pembilang=dec(pembilang), penyebut=dec(penyebut), nilai=dec(nilai), faktor=faktor,
                    maks_100=maks_100, sumber=sumber)


def layanan(kelompok: str, jenis: str, diterima: int, terbit=None, ditolak=None, batal=None,
            sesuai_syarat=None, tepat_waktu=None) -> Layanan:
    return Layanan(kelompok=kelompok, jenis=jenis, diterima=diterima, terbit=terbit, ditolak=ditolak, batal=batal,
                   sesuai_syarat=sesuai_syarat, tepat_waktu=tepat_waktu)


def belanja(tahun: int, jenis: str, pagu, realisasi, blokir=None) -> Belanja:
    return Belanja(tahun, jenis, D(str(pagu)), D(str(realisasi)), None if blokir is None else D(str(blokir)))


def sumber_dana(tahun: int, sumber: str, pagu, realisasi=None) -> SumberDana:
    return SumberDana(tahun, sumber, D(str(pagu)), None if realisasi is None else D(str(realisasi)))


def anggaran(kegiatan: str, pagu, realisasi, sasaran_no: int | None = None, program: str = "Program") -> Anggaran:
    return Anggaran(program, kegiatan, D(str(pagu)), D(str(realisasi)), sasaran_no)


def pnbp(tahun: int, realisasi, target=None) -> Pnbp:
    return Pnbp(tahun, D(str(realisasi)), None if target is None else D(str(target)))


def nka(tahun: int, **values) -> Nka:
    return Nka(tahun, **{k: None if v is None else D(str(v)) for k, v in values.items()})


def pegawai(dimensi: str, kategori: str, jumlah: int) -> Pegawai:
    return Pegawai(dimensi, kategori, jumlah)


def riwayat(kode: str, tahun: int, target=None, realisasi=None) -> RiwayatIKK:
    return RiwayatIKK(kode, tahun, None if target is None else D(str(target)),
                      None if realisasi is None else D(str(realisasi)))
