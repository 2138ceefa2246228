"""The Kanwil's consolidation: regional leaves are hand sums, and everything follows from them."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from jajaran_factory import KANIM, KANWIL_NAMA, kanim_satker, kanim_workbook, kanwil_workbook
from lkj_engine.checks.jajaran import Candidate, check_consolidated, match_jajaran
from lkj_engine.compute.engine import compute
from lkj_engine.compute.jajaran import consolidate


@pytest.fixture(scope="module")
def regional():
    return consolidate(kanwil_workbook(), kanim_satker())


def leaf(results, kode):
    return next(x for x in results.jajaran.leaves if x.kode == kode)


def node(results, kode):
    return next(n for n in results.ikk[0].tree[0].children if n.kode == kode)


def test_layanan_leaf_is_the_sum_of_every_satker_layanan(regional):
    k1 = leaf(regional, "K1")
    # selesai = terbit + ditolak + batal per Kanim; the Kanwil has no Layanan rows: it gave nothing (None, never 0)
    assert k1.pembilang == (950 + 30 + 5) + (380 + 10 + 0) + (240 + 5 + 1)
    assert k1.penyebut == 1000 + 400 + 250
    assert [s.pembilang for s in k1.shares] == [None, 985, 390, 246]
    assert [s.satker for s in k1.shown_shares] == [s.satker for s in k1.shares[1:]]
    assert node(regional, "K1").pembilang == 1621 and node(regional, "K1").penyebut == 1650


def test_typed_ratio_leaf_adds_the_kanwil_own_share(regional):
    k2 = leaf(regional, "K2")
    assert (k2.pembilang, k2.penyebut) == (2 + 18 + 7 + 9, 4 + 20 + 10 + 12)
    assert k2.shares[0].satker == "Kanwil Nusa Kerapu" and (k2.shares[0].pembilang, k2.shares[0].penyebut) == (2, 4)


def test_a_kanwil_share_with_only_its_penyebut_makes_the_regional_leaf_not_computable():
    # a blank Pembilang beside a typed Penyebut would add 4 to the denominator only: 34 / 46
    kanwil = kanwil_workbook()
    k2 = next(k for k in kanwil.komponen if k.kode == "K2")
    k2.pembilang = None
    results = consolidate(kanwil, kanim_satker())

    found = leaf(results, "K2")
    assert (found.pembilang, found.penyebut) == (None, None)
    assert found.shares[0].alasan == "Kanwil Nusa Kerapu: komponen K2 belum lengkap (Pembilang kosong)"
    assert node(results, "K2").pembilang is None  # the index is not computable, never 34 / 46
    warned = [p for p in check_consolidated(kanwil, results) if p.kode == "jajaran-komponen-kosong"]
    assert len(warned) == 1 and "Pembilang kosong" in warned[0].message


def test_a_typed_zero_over_zero_of_the_kanwil_is_shown_a_blank_one_is_not(regional):
    assert [s.satker for s in leaf(regional, "K2").shown_shares][0] == "Kanwil Nusa Kerapu"  # typed 2 / 4
    kanwil = kanwil_workbook()
    k2 = next(k for k in kanwil.komponen if k.kode == "K2")
    k2.pembilang, k2.penyebut = D(0), D(0)
    typed = consolidate(kanwil, kanim_satker())
    assert leaf(typed, "K2").shown_shares[0].satker == "Kanwil Nusa Kerapu"
    k2.pembilang = k2.penyebut = None
    blank = consolidate(kanwil, kanim_satker())
    assert "Kanwil Nusa Kerapu" not in [s.satker for s in leaf(blank, "K2").shown_shares]
    assert (leaf(blank, "K2").pembilang, leaf(blank, "K2").penyebut) == (18 + 7 + 9, 20 + 10 + 12)


def test_typed_nilai_leaf_is_never_summed(regional):
    assert [x.kode for x in regional.jajaran.leaves] == ["K1", "K2"]
    assert node(regional, "K3").nilai == 80


def test_index_capaian_and_averages_follow_from_the_sums(regional):
    k1 = D(1621) / D(1650) * 100
    k2 = D(36) / D(46) * 100
    index = k1 * D(50) / 100 + k2 * D(30) / 100 + D(80) * D(20) / 100
    ikk1 = regional.ikk[0]
    assert ikk1.realisasi == index
    assert ikk1.capaian == index / 90 * 100
    assert regional.sasaran[0].rata_capaian == ikk1.capaian
    assert regional.rata_capaian == (ikk1.capaian + D(95)) / 2


def test_regional_differs_from_the_kanwil_alone():
    own = compute(kanwil_workbook())
    assert own.ikk[0].realisasi is None  # K1 has no Layanan at the Kanwil
    assert consolidate(kanwil_workbook(), kanim_satker()).ikk[0].realisasi is not None


def test_rekap_budget_pnbp_nka_are_hand_computations(regional):
    j = regional.jajaran
    pagu = 5_000_000 + sum(v[3][0][0] + v[3][1][0] for v in KANIM.values())
    realisasi = 4_800_000 + sum(v[3][0][1] + v[3][1][1] for v in KANIM.values())
    assert (j.anggaran_total.pagu, j.anggaran_total.realisasi) == (pagu, realisasi)
    assert j.anggaran_total.persen == D(realisasi) / D(pagu) * 100
    pnbp_2025 = next(p for p in j.pnbp if p.tahun == 2025)
    assert pnbp_2025.realisasi == 1000 + 340 + 260 and pnbp_2025.target == 900 + 350 + 220
    assert pnbp_2025.persen == D(1600) / D(1470) * 100
    assert "Kanwil Nusa Kerapu" not in pnbp_2025.per_satker  # no PNBP rows: not a zero
    assert [p.tahun for p in j.pnbp] == [2024, 2025]
    perencanaan = (D("95") + D("90.5") + D("88") + D("92")) / 4
    pelaksanaan = (D("97") + D("95.25") + D("91") + D("93.5")) / 4
    assert (j.nka_rata.perencanaan, j.nka_rata.pelaksanaan) == (perencanaan, pelaksanaan)
    # the Kanim typed no NKA: theirs is the mean of their two values
    assert j.nka_rata.nka == (D(96) + (D("90.5") + D("95.25")) / 2 + (D(88) + D(91)) / 2 + (D(92) + D("93.5")) / 2) / 4


def test_per_satker_tables_add_up(regional):
    j = regional.jajaran
    assert j.belanja_total.lines["Belanja Pegawai"].pagu == sum(
        b.lines["Belanja Pegawai"].pagu for b in j.belanja)
    assert j.belanja_total.total.pagu == j.anggaran_total.pagu
    assert j.pegawai == [("Kanwil Nusa Kerapu", 35), ("Kanim Batu Kerapu", 60), ("Kanim Teluk Sirip", 35),
                         ("Kanim Pulau Insang", 28)]
    assert j.pegawai_total == 158
    dokpal = j.layanan[0]
    assert [x.satker for x in dokpal.per_satker] == ["Kanim Batu Kerapu", "Kanim Teluk Sirip", "Kanim Pulau Insang"]
    assert dokpal.jumlah.diterima == 1650 and dokpal.jumlah.selesai == 1621
    per = j.ikk[0].per_satker
    assert per["Kanwil Nusa Kerapu"] is None and per["Kanim Batu Kerapu"] is not None
    assert j.ikk[0].regional == regional.ikk[0].capaian


def candidates(*workbooks):
    return [Candidate(wb.source, wb, compute(wb)) for wb in workbooks]


def test_match_pairs_jajaran_rows_ignoring_case_and_spaces():
    kanwil = kanwil_workbook(jajaran=["  " + n.upper() + " " for n in KANIM])
    me, *others = candidates(kanwil, *map(kanim_workbook, KANIM))
    match = match_jajaran(me, others)
    assert match.complete and [s.nama_singkat for s in match.kanim] == [v[0] for v in KANIM.values()]


def test_every_mismatch_is_named_with_its_file():
    batu, teluk, insang = KANIM
    kanwil = kanwil_workbook(jajaran=[batu, teluk, insang, "Kantor Imigrasi Kelas III Tanjung Hilang"])
    dup = kanim_workbook(batu)
    dup.source = dup.source.with_name("batu_kerapu_salinan.xlsx")
    me, *others = candidates(kanwil, kanim_workbook(batu), dup, kanim_workbook(teluk, tahun=2024),
                             kanim_workbook(insang, kanwil_induk="Kantor Wilayah Lain"))
    match = match_jajaran(me, others)
    assert not match.complete and match.kanim == []
    by_code = {p.kode: p for p in match.problems}
    assert set(by_code) == {"jajaran-tidak-ada", "jajaran-ganda", "jajaran-tahun-beda", "jajaran-kanwil-lain"}
    assert "Tanjung Hilang" in by_code["jajaran-tidak-ada"].message and by_code["jajaran-tidak-ada"].cell == "A5"
    assert "batu_kerapu_salinan.xlsx" in by_code["jajaran-ganda"].message
    assert by_code["jajaran-tahun-beda"].berkas == "kanim_teluk_sirip.xlsx"
    assert by_code["jajaran-tahun-beda"].sheet == "Identitas" and by_code["jajaran-tahun-beda"].cell == "B6"
    assert by_code["jajaran-kanwil-lain"].cell == "B11"
    assert all(p.level == "galat" for p in match.problems)
    assert len(match.kurang) == 4


def test_an_invalid_kanim_blocks_the_kanwil():
    batu, *_ = KANIM
    wb = kanim_workbook(batu)
    me = candidates(kanwil_workbook(jajaran=[batu]))[0]
    match = match_jajaran(me, [Candidate(wb.source, wb, None)])
    assert [p.kode for p in match.problems] == ["jajaran-tidak-valid"] and match.kurang == [batu]


def test_a_kanim_without_the_regional_leaf_is_an_error():
    kanim = kanim_satker()
    kanim[1].results.ikk[0].tree[0].children.pop(0)  # Teluk Sirip has no K1
    kanwil = kanwil_workbook()
    regional = consolidate(kanwil, kanim)
    assert leaf(regional, "K1").pembilang is None and regional.ikk[0].realisasi is None
    problems = check_consolidated(kanwil, regional)
    assert [(p.kode, p.berkas, p.level) for p in problems] == [
        ("jajaran-komponen-tidak-ada", "kanim_teluk_sirip.xlsx", "galat")]


def test_kanim_naming_this_kanwil_but_not_listed_is_a_warning():
    batu, teluk, _ = KANIM
    me, *others = candidates(kanwil_workbook(jajaran=[batu]), kanim_workbook(batu), kanim_workbook(teluk))
    match = match_jajaran(me, others)
    assert match.complete and [p.kode for p in match.problems] == ["jajaran-tidak-terdaftar"]
    assert KANWIL_NAMA  # the Kanim name the Kanwil by its Nama Satker


def test_kanwil_typed_count_on_a_layanan_leaf_is_its_own_share():
    kanwil = kanwil_workbook()
    k1 = next(k for k in kanwil.komponen if k.kode == "K1")
    k1.pembilang, k1.penyebut = D(9), D(10)  # the Kanwil served 10 applicants itself
    regional = consolidate(kanwil, kanim_satker())
    assert (leaf(regional, "K1").shares[0].pembilang, leaf(regional, "K1").shares[0].penyebut) == (9, 10)
    assert (leaf(regional, "K1").pembilang, leaf(regional, "K1").penyebut) == (1621 + 9, 1650 + 10)


def test_a_kanwil_report_takes_the_profiles_kanwil_wording():
    """The Aspek Strategis of a Kanwil speak of guiding its Kanim, not of issuing passports itself."""
    from lkj_engine.render.context import build_context

    kanwil = build_context(consolidate(kanwil_workbook(), kanim_satker()))["teks"]["aspek_butir"]
    kanim = build_context(compute(kanim_workbook(next(iter(KANIM)))))["teks"]["aspek_butir"]
    assert kanwil[0].startswith("Membina, membimbing dan mengendalikan pelaksanaan pelayanan keimigrasian")
    assert kanim[0].startswith("Memberikan pelayanan keimigrasian, yaitu penerbitan dokumen perjalanan")
    assert kanwil[-1].endswith(".") and kanwil[-2].endswith("; dan")
