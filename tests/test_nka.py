"""Nilai Kinerja Anggaran: official values printed, recomputed where possible, blanks not applicable."""
from __future__ import annotations

from decimal import Decimal as D

from lkj_engine.compute import nka as nk
from lkj_engine.contract.formatting import number

from engine_factory import nka


def test_nilai_perencanaan_95_from_cro_100_sbk_50_efisiensi_100():
    # seed 000 C75 (a Kanwil, 2025)
    assert nk.nilai_perencanaan(D(100), D(50), D(100)) == D("95.00")
    assert number(nk.nilai_perencanaan(D(100), D(50), D(100))) == "95,00"
    # C76 (2024, not printed) and seed 002 §4.8 (CRO 38,65 with both SBK at 0)
    assert nk.nilai_perencanaan(D(100), D(100), D("46.5")) == D("91.975")
    assert nk.nilai_perencanaan(D("38.65"), D(0), D(0)) == D("28.9875")


def test_perencanaan_needs_all_three_components():
    assert nk.nilai_perencanaan(D(100), None, D(100)) is None


def test_nka_official_values_and_recomputed_mean():
    (r,) = nk.nka_results([nka(2025, cro=100, penggunaan_sbk=50, efisiensi_sbk=100, revisi_dipa=100, deviasi=100,
                               penyerapan=90, kontraktual=None, tagihan=100, up_tup=100, capaian_output=100,
                               nilai_pelaksanaan="97.78", nka="96.39")])
    assert r.perencanaan == D("95.00") and r.perencanaan_hitung == D("95.00")
    assert r.pelaksanaan == D("97.78")
    assert r.nka == D("96.39")  # the official value as typed
    assert r.nka_hitung == D("96.39")  # C78: (95,00 + 97,78) / 2
    assert r.komponen_pelaksanaan["Belanja Kontraktual"] is None  # blank = not applicable, never 0
    assert r.komponen_pelaksanaan["Penyerapan Anggaran"] == D(90)
    assert list(r.komponen_pelaksanaan) == [  # the clerk's headers, in the order of the IKPA table
        "Revisi DIPA", "Deviasi Halaman III DIPA", "Penyerapan Anggaran", "Belanja Kontraktual",
        "Penyelesaian Tagihan", "Pengelolaan UP dan TUP", "Dispensasi SPM", "Capaian Output"]
    assert r.komponen_perencanaan == {"CRO": D(100), "Penggunaan SBK": D(50), "Efisiensi SBK": D(100)}


def test_typed_perencanaan_is_printed_even_when_it_differs():
    (r,) = nk.nka_results([nka(2025, cro=100, penggunaan_sbk=50, efisiensi_sbk=100, nilai_perencanaan=94)])
    assert r.perencanaan == D(94) and r.perencanaan_hitung == D("95.00")
    assert r.pelaksanaan is None and r.nka is None and r.nka_hitung is None


def test_nka_falls_back_to_recomputed_when_not_typed_and_years_are_sorted():
    rows = nk.nka_results([nka(2025, nilai_perencanaan="28.99", nilai_pelaksanaan="77.91"), nka(2024)])
    assert [r.tahun for r in rows] == [2024, 2025]
    assert rows[1].nka == D("53.45")  # seed 002 §4.8: (28,99 + 77,91) / 2
    assert rows[0].perencanaan is None and rows[0].nka is None


def test_ikpa_recomputed_from_its_components_without_the_blank_ones():
    # seed 000 C77: 97,78 = 88 / 90 with the 2024+ weights; Belanja Kontraktual blank leaves the denominator
    (r,) = nk.nka_results([nka(2025, revisi_dipa=100, deviasi=100, penyerapan=90, kontraktual=None, tagihan=100,
                               up_tup=100, dispensasi_spm=0, capaian_output=100, nilai_pelaksanaan="97.78")])
    assert r.pelaksanaan_hitung == D(88) / D(90) * 100 and number(r.pelaksanaan_hitung) == "97,78"
    # the example Kanim 2024: every component typed, Σ weight = 100
    (full,) = nk.nka_results([nka(2024, revisi_dipa=100, deviasi="96.12", penyerapan="98.4", kontraktual=100,
                                  tagihan=100, up_tup=100, dispensasi_spm=0, capaian_output=100)])
    assert number(full.pelaksanaan_hitung) == "99,10"


def test_ikpa_with_a_dispensation_or_no_component_is_not_recomputed():
    (disp,) = nk.nka_results([nka(2025, revisi_dipa=100, deviasi=100, penyerapan=100, tagihan=100, up_tup=100,
                                  dispensasi_spm=2, capaian_output=100, nilai_pelaksanaan="99.50")])
    assert disp.pelaksanaan_hitung is None and disp.pelaksanaan == D("99.50")
    (bare,) = nk.nka_results([nka(2025, nilai_pelaksanaan="99.50")])
    assert bare.pelaksanaan_hitung is None
