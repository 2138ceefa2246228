"""Cross-table checks: a consistent workbook is silent; a deliberately inconsistent one produces each
warning, naming the sheet and the cell (columns in schema order, header on row 1)."""
from __future__ import annotations

import pytest

from lkj_engine.checks.consistency import check
from lkj_engine.compute.engine import compute
from pathlib import Path

from lkj_engine.contract.schema import LAMPIRAN_PK, LAMPIRAN_PK_BERIKUT
from lkj_engine.model.workbook import AnalisisIKK, Gambar, Inovasi, Narasi, Penghargaan, Risiko

from engine_factory import anggaran, belanja, ikk, komponen, layanan, nka, pegawai, pnbp, riwayat, sumber_dana, workbook

DOKPAL = "Dokumen Perjalanan"
ITSK = "Izin Tinggal dan Status Keimigrasian"


def analisis(kode: str, text: str | None = "Uraian analisis.") -> AnalisisIKK:
    return AnalisisIKK(kode, penjelasan=text)


def common_sheets(**over) -> dict:
    rows = dict(
        riwayat=[riwayat("IKK-1", 2024, 90, 95)],
        risiko=[Risiko("IKK-1", "Risiko layanan")],
        pnbp=[pnbp(2025, 1000000, 900000)],
        narasi=[Narasi("Saran", "Teks saran.")],
        inovasi=[Inovasi("INOV")],
        penghargaan=[Penghargaan("WBK")],
        gambar=[Gambar(LAMPIRAN_PK, "PK 2025", Path("pk_2025.png")), Gambar(LAMPIRAN_PK_BERIKUT, "PK 2026", Path("pk_2026.png"))],
    )
    rows.update(over)
    return rows


def consistent_workbook(nka_rows: list | None = None):
    return workbook(
        ikk=[ikk("IKK-1", 91, sasaran_no=1), ikk("IKK-2", 100, 95, sasaran_no=2, satuan="%")],
        komponen=[komponen("IKK-1", "K1", 100),
                  komponen("IKK-1", "K1.D1", 70, "K1", sumber="Layanan Dokumen Perjalanan D1"),
                  komponen("IKK-1", "K1.D2", 30, "K1", sumber="Layanan Dokumen Perjalanan D2")],
        layanan=[layanan(DOKPAL, "Paspor", 1000, terbit=900, ditolak=50, batal=10, sesuai_syarat=900,
                         tepat_waktu=880)],
        anggaran=[anggaran("Layanan", 1000, 900, 1), anggaran("Dukungan", 500, 450, 2)],
        belanja=[belanja(2025, "Belanja Pegawai", 400, 380), belanja(2025, "Belanja Barang", 1100, 970),
                 belanja(2024, "Belanja Barang", 900, 800)],
        sumber_dana=[sumber_dana(2025, "RM", 1000, 900), sumber_dana(2025, "PNBP", 500, 450)],
        pegawai=[pegawai("Jabatan", "Struktural", 4), pegawai("Jabatan", "Pelaksana", 6),
                 pegawai("Jenis Kelamin", "Laki-laki", 7), pegawai("Jenis Kelamin", "Perempuan", 3)],
        nka=nka_rows or [nka(2025, cro=100, penggunaan_sbk=50, efisiensi_sbk=100, nilai_perencanaan=95,
                             nilai_pelaksanaan="97.78", nka="96.39")],
        analisis=[analisis("IKK-1"), analisis("IKK-2")],
        **common_sheets(),
    )


def test_a_consistent_workbook_has_no_warning():
    wb = consistent_workbook()
    assert check(wb, compute(wb)) == []


@pytest.fixture(scope="module")
def warnings():
    wb = workbook(
        ikk=[ikk("IKK-1", 91, sasaran_no=1),                     # IKK row 2
             ikk("IKK-2", 90, sasaran_no=1),                     # row 3: a composite with 0/0
             ikk("IKK-3", 100, 80, sasaran_no=2, satuan="%"),    # row 4: typed beside a tree (loader's)
             ikk("IKK-4", 100, 90, sasaran_no=2, satuan="%"),    # row 5: Analisis row without text
             ikk("IKK-5", 100, 90, sasaran_no=2, satuan="%")],   # row 6: no Analisis row at all
        komponen=[komponen("IKK-1", "K1", 100),                                                   # row 2
                  komponen("IKK-1", "K1.D1", 70, "K1", sumber="Layanan Dokumen Perjalanan D1",
                           pembilang=84275),                                                      # row 3
                  komponen("IKK-1", "K1.D2", 30, "K1", sumber="Layanan Dokumen Perjalanan D2"),  # row 4
                  komponen("IKK-2", "K1", 100, pembilang=0, penyebut=0),                         # row 5
                  komponen("IKK-3", "RA", 90, pembilang=10, penyebut=10)],  # row 6: weight 90 (loader's)
        layanan=[layanan(DOKPAL, "Paspor", 92184, terbit=84275, ditolak=3393, batal=4516, sesuai_syarat=84275,
                         tepat_waktu=84275),
                 layanan(ITSK, "Perpanjangan ITK", 100, terbit=90, ditolak=20, sesuai_syarat=120, tepat_waktu=130)],
        anggaran=[anggaran("Layanan", 1000, 900, 1), anggaran("Penegakan", 500, 600, 2)],
        belanja=[belanja(2025, "Belanja Pegawai", 400, 500), belanja(2025, "Belanja Barang", 1000, 1000)],
        sumber_dana=[sumber_dana(2025, "RM", 1500, 1499)],
        pegawai=[pegawai("Jabatan", "Struktural", 6), pegawai("Jabatan", "Pelaksana", 4),
                 pegawai("Jenis Kelamin", "Laki-laki", 7), pegawai("Jenis Kelamin", "Perempuan", 3),
                 pegawai("Usia", "< 30 tahun", 5), pegawai("Usia", ">= 30 tahun", 4)],
        nka=[nka(2025, cro=100, penggunaan_sbk=50, efisiensi_sbk=100, nilai_perencanaan=94, deviasi=110,
                 nilai_pelaksanaan="97.78", nka="96.39")],
        analisis=[analisis("IKK-1"), analisis("IKK-2"), analisis("IKK-3"), analisis("IKK-4", None)],
        empty=("Inovasi",), absent=("Penghargaan",),
        **common_sheets(inovasi=[], penghargaan=[]),
    )
    found = check(wb, compute(wb))
    assert all(p.level == "peringatan" for p in found)
    return found


def at(found, sheet, cell):
    hits = [p for p in found if p.sheet == sheet and p.cell == cell]
    assert hits, f"no warning at {sheet}!{cell}: {[str(p) for p in found]}"
    return " | ".join(p.message for p in hits)


def test_budget_totals_differ_between_sheets(warnings):
    msg = at(warnings, "Belanja", "C2")
    assert "pagu tahun 2025" in msg and "Rp1.400" in msg and "Rp1.500" in msg and "sheet Anggaran" in msg
    msg = at(warnings, "Sumber Dana", "D2")
    assert "realisasi" in msg and "Rp1.499" in msg and "selisih Rp1" in msg


def test_realisasi_above_pagu(warnings):
    assert "Penegakan (Rp600) lebih besar dari pagunya (Rp500)" in at(warnings, "Anggaran", "E3")
    assert "Belanja Pegawai 2025" in at(warnings, "Belanja", "D2")


def test_typed_komponen_differs_from_layanan(warnings):
    msg = at(warnings, "Komponen", "F3")
    assert "K1.D1" in msg and "84.275" in msg and "92.184" in msg and "Layanan" in msg


def test_layanan_counts_that_exceed_what_they_can(warnings):
    assert "Terbit + Ditolak + Batal Sistem = 110" in at(warnings, "Layanan", "D3")
    assert "Sesuai Syarat (120) lebih besar dari permohonan Diterima (100)" in at(warnings, "Layanan", "H3")
    assert "Tepat Waktu (130) lebih besar dari Sesuai Syarat (120)" in at(warnings, "Layanan", "I3")


def test_pegawai_dimensions_with_different_totals(warnings):
    msg = at(warnings, "Pegawai", "C6")
    assert "Usia = 9" in msg and "10" in msg


def test_nka_differs_from_recomputed_and_component_out_of_range(warnings):
    assert "diketik 94,00" in at(warnings, "NKA", "E2") and "95,00" in at(warnings, "NKA", "E2")
    assert "96,39" in at(warnings, "NKA", "O2") and "95,89" in at(warnings, "NKA", "O2")
    assert "Deviasi Halaman III DIPA 2025 = 110,00" in at(warnings, "NKA", "G2")
    # the only IKPA component typed is Deviasi (110): the weighted mean of what is typed is 110,00
    assert "Nilai Pelaksanaan (IKPA) 2025 diketik 97,78" in at(warnings, "NKA", "N2")
    assert "= 110,00" in at(warnings, "NKA", "N2")


def test_ikpa_that_follows_from_its_components_gives_no_warning_and_one_that_does_not_names_its_cell():
    components = dict(revisi_dipa=100, deviasi=100, penyerapan=90, tagihan=100, up_tup=100, dispensasi_spm=0,
                      capaian_output=100)  # Belanja Kontraktual blank: 88 / 90 = 97,78 (seed 000 C77)
    for typed, expected in (("97.78", []), ("98.30", ["NKA!N2"])):
        wb = consistent_workbook([nka(2025, cro=100, penggunaan_sbk=50, efisiensi_sbk=100, nilai_perencanaan=95,
                                      nilai_pelaksanaan=typed, nka=str((95 + float(typed)) / 2), **components)])
        found = [p for p in check(wb, compute(wb)) if p.kode == "nilai-pelaksanaan-berbeda"]
        assert [f"{p.sheet}!{p.cell}" for p in found] == expected
        assert all("97,78" in p.message and "OMSPAN" in p.message for p in found)


def test_ikk_without_analisis_text(warnings):
    assert "IKK-4" in at(warnings, "Analisis IKK", "B5")
    assert "IKK-5 belum memiliki baris di sheet Analisis IKK" in at(warnings, "IKK", "C6")


def test_empty_and_absent_optional_sheets(warnings):
    assert "Sheet Inovasi kosong" in at(warnings, "Inovasi", None)
    assert "Sheet Penghargaan tidak ada" in at(warnings, "Penghargaan", None)


def test_composite_that_cannot_be_computed_says_which_component_and_what_to_type(warnings):
    msg = at(warnings, "Komponen", "G5")
    assert "IKK-2" in msg and "K1" in msg and "0/0" in msg and "isi kolom Nilai" in msg
    assert "realisasi IKK ini tidak dapat dihitung" in msg


def test_weights_and_a_typed_realisasi_beside_its_tree_are_left_to_the_loader(warnings):
    # The loader reports both (weights off by more than 0,01 as an error, a typed Realisasi beside
    # Komponen rows as a warning at that cell); the checks repeated them on the same cells (item 18).
    assert not [p for p in warnings if (p.sheet, p.cell) in (("Komponen", "E6"), ("IKK", "H4"))]


def test_weights_in_thirds_that_the_loader_accepts_give_no_warning():
    # review item 11: 33,33 + 33,33 + 33,33 = 99,99 is within the loader's 0,01 tolerance
    wb = workbook(ikk=[ikk("IKK-1", 91)],
                  komponen=[komponen("IKK-1", kode, "33.33", pembilang=9, penyebut=10) for kode in ("A", "B", "C")],
                  analisis=[analisis("IKK-1")], **common_sheets())
    assert check(wb, compute(wb)) == []


def test_a_missing_pk_scan_is_a_warning_on_the_gambar_sheet_naming_its_year():
    wb = consistent_workbook()
    wb.gambar = [g for g in wb.gambar if g.bagian != LAMPIRAN_PK_BERIKUT]
    found = check(wb, compute(wb))
    assert [(p.sheet, p.cell, p.kode) for p in found] == [("Gambar", None, "lampiran-pk-kosong")]
    assert "Lampiran PK Tahun Berikut" in found[0].message and "Perjanjian Kinerja Tahun 2026" in found[0].message


def test_each_warning_names_a_sheet(warnings):
    assert all(p.sheet for p in warnings)
    assert len(warnings) == len({(p.sheet, p.cell, p.message) for p in warnings})


def test_typed_value_on_a_parent_is_reported_as_ignored():
    wb = workbook(ikk=[ikk("IKK-1", 91)],
                  komponen=[komponen("IKK-1", "K1", 100, nilai=95),
                            komponen("IKK-1", "K1.D1", 100, "K1", pembilang=9, penyebut=10)],
                  analisis=[analisis("IKK-1")], **common_sheets())
    found = check(wb, compute(wb))
    assert "K1 memiliki anak komponen" in at(found, "Komponen", "H2")
    assert len(found) == 1


def test_missing_sumber_figures_point_at_the_sumber_cell():
    wb = workbook(ikk=[ikk("IKK-1", 91)], komponen=[komponen("IKK-1", "D1", 100, sumber="Layanan Izin Tinggal D1")],
                  analisis=[analisis("IKK-1")], **common_sheets())
    found = check(wb, compute(wb))
    msg = at(found, "Komponen", "M2")
    assert "tidak memuat baris kelompok Izin Tinggal" in msg and "sheet Layanan" in msg
