"""A fictional Kanwil with three Kanim, built in Python, for the jajaran tests.

Kanwil Nusa Kerapu lists Kanim Batu Kerapu, Kanim Teluk Sirip and Kanim Pulau Insang. IKK-1 (a
regional service index) has a Layanan-sourced leaf K1 and a typed-ratio leaf K2, both Rekap Jajaran,
and a typed-Nilai leaf K3 that is the Kanwil's own; IKK-2 is the Kanwil's own (typed realisasi).
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from engine_factory import anggaran, belanja, identitas, ikk, komponen, layanan, nka, pegawai, pnbp, workbook
from lkj_engine.compute.engine import compute
from lkj_engine.compute.jajaran import satker_of
from lkj_engine.model.workbook import Jajaran, Workbook

DOKPAL = "Dokumen Perjalanan"
KANWIL_NAMA = "Kantor Wilayah Nusa Kerapu"
KANIM = {  # Nama Satker -> (Nama Singkat, Layanan (diterima, terbit, ditolak, batal), K2 (pembilang, penyebut),
    #                     belanja pegawai/barang (pagu, realisasi), PNBP (2024, 2025) (target, realisasi), NKA, staff)
    "Kantor Imigrasi Kelas II TPI Batu Kerapu": ("Kanim Batu Kerapu", (1000, 950, 30, 5), (18, 20),
                                                 ((3_000_000, 2_900_000), (1_000_000, 950_000)),
                                                 ((800, 780), (900, 1_000)), ("90.5", "95.25"), 60),
    "Kantor Imigrasi Kelas III Teluk Sirip": ("Kanim Teluk Sirip", (400, 380, 10, 0), (7, 10),
                                              ((2_000_000, 1_700_000), (500_000, 490_000)),
                                              ((300, 310), (350, 340)), ("88", "91"), 35),
    "Kantor Imigrasi Kelas III Pulau Insang": ("Kanim Pulau Insang", (250, 240, 5, 1), (9, 12),
                                               ((1_500_000, 1_450_000), (400_000, 380_000)),
                                               ((200, 190), (220, 260)), ("92", "93.5"), 28),
}


def regional_tree(kanwil_typed: bool = False) -> list:
    """IKK-1's tree; on the Kanwil K1 and K2 are Rekap Jajaran (typed K2 figures are its own share)."""
    rows = [
        komponen("IKK-1", "K", 100, nama="Indeks layanan"),
        komponen("IKK-1", "K1", 50, "K", sumber="Layanan Dokumen Perjalanan D1", nama="Penyelesaian paspor"),
        komponen("IKK-1", "K2", 30, "K", pembilang=2 if kanwil_typed else None,
                 penyebut=4 if kanwil_typed else None, nama="Pengawasan orang asing"),
        komponen("IKK-1", "K3", 20, "K", nilai=80, nama="Survei kepuasan"),
    ]
    return rows


def kanwil_workbook(kanwil_typed: bool = True, jajaran: list[str] | None = None) -> Workbook:
    tree = regional_tree(kanwil_typed)
    for k in tree:
        k.rekap_jajaran = k.kode in ("K1", "K2")
    names = list(KANIM) if jajaran is None else jajaran
    wb = workbook(
        ikk=[ikk("IKK-1", 90, nama="Indeks Kualitas Layanan di Wilayah"),
             ikk("IKK-2", 100, 95, sasaran_no=2, nama="Indeks Reformasi Birokrasi")],
        komponen=tree,
        anggaran=[anggaran("Dukungan manajemen", 5_000_000, 4_800_000)],
        belanja=[belanja(2025, "Belanja Pegawai", 4_000_000, 3_900_000),
                 belanja(2025, "Belanja Barang", 1_000_000, 900_000)],
        nka=[nka(2025, nilai_perencanaan="95", nilai_pelaksanaan="97", nka="96")],
        pegawai=[pegawai("Jenis Kelamin", "Laki-laki", 20), pegawai("Jenis Kelamin", "Perempuan", 15)],
        jajaran=[Jajaran(n, KANIM[n][0] if n in KANIM else None, row=i + 2) for i, n in enumerate(names)],
    )
    wb.identitas = replace(identitas(), nama_satker=KANWIL_NAMA, nama_singkat="Kanwil Nusa Kerapu", jenis="Kanwil")
    wb.source = Path("kanwil.xlsx")
    wb.identitas_cells = {"tahun": "B6", "kanwil_induk": "B11"}
    return wb


def kanim_workbook(nama_satker: str, tahun: int = 2025, kanwil_induk: str | None = KANWIL_NAMA) -> Workbook:
    singkat, (dit, ter, tol, bat), (p2, q2), ((pp, rp), (pb, rb)), ((t24, r24), (t25, r25)), (per, pel), staff = \
        KANIM[nama_satker]
    tree = regional_tree()
    tree[2].pembilang, tree[2].penyebut = Decimal(p2), Decimal(q2)
    wb = workbook(
        tahun=tahun,
        ikk=[ikk("IKK-1", 90, nama="Indeks Kualitas Layanan")],
        komponen=tree,
        layanan=[layanan(DOKPAL, "Paspor", dit, ter, tol, bat, sesuai_syarat=dit, tepat_waktu=ter)],
        anggaran=[anggaran("Layanan keimigrasian", pp + pb, rp + rb)],
        belanja=[belanja(tahun, "Belanja Pegawai", pp, rp), belanja(tahun, "Belanja Barang", pb, rb)],
        pnbp=[pnbp(tahun - 1, r24, t24), pnbp(tahun, r25, t25)],
        nka=[nka(tahun, nilai_perencanaan=per, nilai_pelaksanaan=pel)],
        pegawai=[pegawai("Jenis Kelamin", "Laki-laki", staff - 10), pegawai("Jenis Kelamin", "Perempuan", 10)],
    )
    wb.identitas = replace(identitas(tahun), nama_satker=nama_satker, nama_singkat=singkat,
                           kanwil_induk=kanwil_induk)
    wb.source = Path(f"{singkat.replace(' ', '_').lower()}.xlsx")
    wb.identitas_cells = {"tahun": "B6", "kanwil_induk": "B11"}
    return wb


def kanim_satker() -> list:
    return [satker_of(compute(wb), wb.source) for wb in map(kanim_workbook, KANIM)]
