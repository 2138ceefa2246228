"""Who reports and when: the cover, Kata Pengantar and signature strings, the year profile's ministry and
Pedoman (unless Identitas overrides them), the Identitas pictures and the Gambar sheet's placements."""
from __future__ import annotations

from pathlib import Path

from lkj_engine.contract import formatting as fmt
from lkj_engine.contract.profile import profile_for
from lkj_engine.contract.schema import (
    JENIS_SATKER, LAMPIRAN_LAIN, LAMPIRAN_PK, LAMPIRAN_PK_BERIKUT, NARASI_BAGIAN)
from lkj_engine.model.workbook import Workbook
from lkj_engine.render.context.common import Clerk, image, slug
from lkj_engine.render.context.perbandingan import renstra

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


def satker_context(wb: Workbook, clerk: Clerk) -> dict:
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


def identitas_context(wb: Workbook, clerk: Clerk) -> dict:
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


def narasi_context(clerk: Clerk) -> dict:
    """The clerk's Narasi blocks by slug (``rencana_strategis``); an empty one is falsy in the template."""
    return {"narasi": {slug(b): clerk.narasi(b) for b in NARASI_BAGIAN}}


def gambar_context(wb: Workbook, clerk: Clerk) -> dict:
    """The Gambar sheet's pictures, by the place of the report they belong to."""
    places: dict[str, list[dict]] = {key: [] for key in GAMBAR_BAGIAN.values()}
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
    return {"gambar": places}
