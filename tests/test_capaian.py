"""Capaian, averages and comparisons (domain.md §4), with the seeds' figures recomputed correctly."""
from __future__ import annotations

from decimal import Decimal as D

from lkj_engine.compute import capaian
from lkj_engine.compute.engine import compute
from lkj_engine.contract.formatting import display_round, percent, points

from engine_factory import ikk, riwayat, workbook


def test_positive_capaian_above_100_percent_is_not_capped():
    # seed 000 C01: Indeks Kualitas Layanan 96,70 against 91 prints 106,26% (the seed prints "106%")
    value, alasan = capaian.capaian(D("96.70"), D("91"), "Positif")
    assert alasan is None
    assert value == D("96.70") / D(91) * 100
    assert percent(value) == "106,26%"


def test_negative_polarity_capaian():
    # lower is better: 3,2% complaints against a 5% ceiling -> (2 x 5 - 3,2) / 5 x 100 = 136%
    value, _ = capaian.capaian(D("3.2"), D("5"), "Negatif")
    assert value == D("136")
    # a realisasi above the ceiling scores below 100
    value, _ = capaian.capaian(D("6"), D("5"), "Negatif")
    assert value == D("80")


def test_zero_over_zero_is_not_computable_and_never_zero():
    value, alasan = capaian.capaian(D(0), D(0), "Positif")
    assert value is None
    assert "target bernilai 0" in alasan
    assert percent(value) == "tidak dapat dihitung"


def test_missing_realisasi_is_not_computable():
    value, alasan = capaian.capaian(None, D(91), "Positif")
    assert value is None and "realisasi" in alasan


def test_overall_average_is_the_mean_of_sasaran_averages_seed_000():
    # seed 000 Tabel 3.1 with the correct realisasi of the Penegakan Hukum index (93,99, C02)
    wb = workbook(ikk=[
        ikk("IKK-1", 91, "96.70", sasaran_no=1),
        ikk("IKK-2", "90.80", "93.99", sasaran_no=2),
        ikk("IKK-3.1", 100, "86.92", sasaran_no=3, satuan="%"),
        ikk("IKK-3.2", "3.51", "3.84", sasaran_no=3),
    ])
    res = compute(wb)
    c = [r.capaian for r in res.ikk]
    assert [percent(v) for v in c] == ["106,26%", "103,51%", "86,92%", "109,40%"]
    assert percent(res.sasaran[2].rata_capaian) == "98,16%"  # C06
    expected = (c[0] + c[1] + (c[2] + c[3]) / 2) / 3
    assert res.rata_capaian == expected
    assert percent(res.rata_capaian) == "102,65%"  # C07: "102,647" at full precision
    assert res.rata_capaian != sum(c) / 4  # the mean of all IKK is a different (unchosen) figure
    assert "rata-rata dari rata-rata capaian setiap Sasaran Kegiatan" in res.rata_metode


def test_average_skips_not_computable_capaian():
    wb = workbook(ikk=[
        ikk("A", 100, 90, sasaran_no=1),
        ikk("B", 0, 5, sasaran_no=1),  # target 0: not computable, not averaged as 0
        ikk("C", 0, 0, sasaran_no=2),
    ])
    res = compute(wb)
    assert res.sasaran[0].rata_capaian == D(90)
    assert res.sasaran[1].rata_capaian is None
    assert "tidak dapat dihitung" in res.sasaran[1].rata_alasan
    assert res.rata_capaian == D(90)


def test_earlier_years_change_and_medium_term_and_national_standard():
    # seed 000 IKK ILK: 3,84 vs 3,90 in 2024; RPJMN 3,55 (C51: 108,17%); national 3,82 (C52: 100,52%)
    wb = workbook(
        ikk=[ikk("ILK", "3.51", "3.84", target_jm="3.55", standar_nasional="3.82")],
        riwayat=[riwayat("ILK", 2024, "3.50", "3.90"), riwayat("ILK", 2023, "3.40", "3.60"),
                 riwayat("ILK", 2025, "3.51", "3.84")],  # the report year itself is not an earlier year
    )
    r = compute(wb).ikk[0]
    assert [p.tahun for p in r.riwayat] == [2023, 2024]
    assert r.riwayat[1].capaian == D("3.90") / D("3.50") * 100
    assert r.perubahan_realisasi == D("-0.06")
    assert r.perubahan_capaian == r.capaian - r.riwayat[1].capaian
    assert points(r.perubahan_capaian) == "-2,03"  # 109,40 - 111,43
    assert percent(r.vs_jangka_menengah) == "108,17%"
    assert percent(r.vs_standar_nasional) == "100,52%"
    assert r.selisih_standar_nasional == D("0.02")
    assert r.vs_jangka_menengah_alasan is None and r.vs_standar_nasional_alasan is None


def test_versus_negative_polarity_uses_the_polarity_formula():
    # realisasi 3,2% against a national standard of 4%: (2 x 4 - 3,2) / 4 x 100 = 120%
    assert capaian.ratio_by_polarity(D("3.2"), D(4), "Negatif", "standar nasional") == (D(120), None)
    assert capaian.ratio_by_polarity(D("3.2"), None, "Negatif", "standar nasional") == (
        None, "standar nasional belum diisi")


def test_medium_term_and_national_comparisons_that_cannot_be_computed_say_why():
    # review item 8: a reference of 0 used to lose its reason; a missing realisasi is named as such
    wb = workbook(ikk=[ikk("NOL", 90, 95, target_jm=0, standar_nasional=0),
                       ikk("KOSONG", 90, target_jm=92, standar_nasional=93)])
    nol, kosong = compute(wb).ikk
    assert nol.vs_jangka_menengah is None and nol.vs_jangka_menengah_alasan == "target jangka menengah bernilai 0"
    assert nol.vs_standar_nasional is None and nol.vs_standar_nasional_alasan == "standar nasional bernilai 0"
    assert kosong.vs_standar_nasional_alasan == (
        "realisasi tidak dapat dihitung: realisasi belum diisi dan IKK tidak memiliki komponen")
    assert kosong.vs_jangka_menengah_alasan == kosong.vs_standar_nasional_alasan


def test_earlier_year_capaian_uses_the_ikk_polarity():
    wb = workbook(ikk=[ikk("NEG", 5, "3.2", polaritas="Negatif", satuan="%")],
                  riwayat=[riwayat("NEG", 2024, 5, 4)])
    r = compute(wb).ikk[0]
    assert r.riwayat[0].capaian == D(120)
    assert display_round(r.perubahan_capaian) == D("16.00")  # 136 - 120
