"""Who reports and when: the cover, Kata Pengantar and signature strings, the year profile's ministry and
Pedoman (unless Identitas overrides them), the Identitas pictures and the Gambar sheet's placements."""
from __future__ import annotations

from pathlib import Path
from typing import TypedDict

from lkj_engine.contract import formatting as fmt
from lkj_engine.contract.profile import profile_for
from lkj_engine.contract.schema import (
    JENIS_SATKER, LAMPIRAN_LAIN, LAMPIRAN_PK, LAMPIRAN_PK_BERIKUT, NARASI_BAGIAN)
from lkj_engine.model.workbook import Workbook
from lkj_engine.render.context.common import Clerk, ImageRef, image, slug
from lkj_engine.render.context.perbandingan import renstra
from lkj_engine.render.prose import Prose

_, KANWIL = JENIS_SATKER

# Gambar sheet "Bagian" -> context key of the place in the report.
GAMBAR_BAGIAN = {
    "BAB I": "bab1",
    "BAB II": "bab2",
    "BAB III.A": "bab3a",
    "BAB III.B": "bab3b",
    "BAB III.C": "bab3c",
    "BAB III.D": "bab3d",
    LAMPIRAN_PK: "lampiran_pk",
    LAMPIRAN_PK_BERIKUT: "lampiran_pk_berikut",
    LAMPIRAN_LAIN: "lampiran_lain",
}

IDENTITAS_TEKS = ("nama_satker", "nama_singkat", "provinsi", "kanwil_induk", "alamat", "telepon", "email",
                  "laman", "nama_kepala", "nip_kepala", "jabatan_kepala", "nama_atasan", "jabatan_atasan",
                  "tempat_ttd")


class SatkerTeks(TypedDict):
    """The office as the cover, Kata Pengantar and signatures print it (Identitas fields cleaned, "" if blank)."""

    nama_satker: str
    nama_singkat: str
    provinsi: str
    kanwil_induk: str
    alamat: str
    telepon: str
    email: str
    laman: str
    nama_kepala: str
    nip_kepala: str
    jabatan_kepala: str
    nama_atasan: str
    jabatan_atasan: str
    tempat_ttd: str
    nama: str
    nama_kapital: str
    kanwil: bool
    tempat_tanggal: str
    nip_baris: str
    ada_atasan: bool
    kanwil_induk_kapital: str


class IdentitasKeys(TypedDict):
    """Year, office and pictures, as the report prints them."""

    tahun: str
    tahun_lalu: str
    tahun_depan: str
    kementerian_kapital: str
    renstra: str
    satker: SatkerTeks
    nama_singkat: str
    logo: ImageRef | None
    struktur: ImageRef | None
    peta: ImageRef | None


class IdentitasContext(IdentitasKeys):
    """`kementerian` and `pedoman` feed the profile's prose only (`teks`), not a tag of their own."""

    kementerian: str
    pedoman: str


class NarasiContext(TypedDict):
    narasi: dict[str, Prose]  # by slug of the schema's NARASI_BAGIAN


class GambarFoto(TypedDict):
    img: ImageRef | None
    judul: str


class GambarTempat(TypedDict):
    """The Gambar sheet's pictures by place (the values of GAMBAR_BAGIAN)."""

    bab1: list[GambarFoto]
    bab2: list[GambarFoto]
    bab3a: list[GambarFoto]
    bab3b: list[GambarFoto]
    bab3c: list[GambarFoto]
    bab3d: list[GambarFoto]
    lampiran_pk: list[GambarFoto]
    lampiran_pk_berikut: list[GambarFoto]
    lampiran_lain: list[GambarFoto]


class GambarContext(TypedDict):
    gambar: GambarTempat


def satker_context(wb: Workbook, clerk: Clerk) -> SatkerTeks:
    """The office's names, address and signatories, cleaned once."""
    idn = wb.identitas
    ident = {f: clerk.identitas(f) for f in IDENTITAS_TEKS}
    nama = ident["nama_satker"] or ""
    return {
        **{k: (v or "") for k, v in ident.items()},
        "nama": nama,
        "nama_kapital": nama.upper(),
        "kanwil": idn.jenis == KANWIL,
        "tempat_tanggal": f"{ident['tempat_ttd'] or ''}, {fmt.long_date(idn.tanggal_ttd)}",
        "nip_baris": f"NIP {ident['nip_kepala']}" if ident["nip_kepala"] else "",
        "ada_atasan": bool(ident["jabatan_atasan"]),
        "kanwil_induk_kapital": (ident["kanwil_induk"] or "").upper(),
    }


def identitas_context(wb: Workbook, clerk: Clerk) -> IdentitasContext:
    """Year, office, ministry, Pedoman and the Identitas pictures."""
    idn = wb.identitas
    tahun = idn.tahun
    profile, _ = profile_for(tahun)  # the ministry and the Pedoman of the year, unless Identitas says otherwise
    kementerian = clerk.identitas("kementerian") or profile.kementerian
    satker = satker_context(wb, clerk)
    cells = wb.identitas_cells
    return {
        "tahun": str(tahun),
        "tahun_lalu": str(tahun - 1),
        "tahun_depan": str(tahun + 1),
        "kementerian": kementerian,
        "kementerian_kapital": kementerian.upper(),
        "pedoman": clerk.identitas("pedoman") or profile.pedoman,
        "renstra": renstra(tahun),
        "satker": satker,
        "nama_singkat": satker["nama_singkat"],
        "logo": image(wb, idn.logo, "logo", "Identitas", cells.get("logo")),
        "struktur": image(wb, idn.struktur_organisasi, "foto", "Identitas", cells.get("struktur_organisasi")),
        "peta": image(wb, idn.peta_wilayah, "foto", "Identitas", cells.get("peta_wilayah")),
    }


def narasi_context(clerk: Clerk) -> NarasiContext:
    """The clerk's Narasi blocks by slug (``rencana_strategis``); an empty one is falsy in the template."""
    return {"narasi": {slug(b): clerk.narasi(b) for b in NARASI_BAGIAN}}


def gambar_context(wb: Workbook, clerk: Clerk) -> GambarContext:
    """The Gambar sheet's pictures, by the place of the report they belong to."""
    places: dict[str, list[GambarFoto]] = {key: [] for key in GAMBAR_BAGIAN.values()}
    for g in wb.gambar:
        key = GAMBAR_BAGIAN.get(g.bagian)
        if key is None:
            continue
        judul = clerk.text(g.judul, "Gambar", "judul", g.row) or Path(g.berkas).stem
        kind = "lampiran" if key.startswith("lampiran") else "foto"  # a Lampiran page is filled
        places[key].append({
            "img": image(wb, g.berkas, kind, "Gambar", wb.cell("Gambar", "berkas", g.row)),
            "judul": judul,
        })
    return {"gambar": GambarTempat(**places)}
