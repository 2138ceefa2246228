"""Budget figures against the seeds' tables (with the seeds' own arithmetic errors corrected)."""
from __future__ import annotations

from decimal import Decimal as D

from lkj_engine.compute import anggaran as ang
from lkj_engine.compute.engine import compute
from lkj_engine.contract.formatting import display_round, money, percent, points

from engine_factory import anggaran, belanja, ikk, pnbp, sumber_dana, workbook

PEG, BRG, MOD = "Belanja Pegawai", "Belanja Barang", "Belanja Modal"


def test_seed_002_jenis_belanja_table():
    years = ang.belanja_years([
        belanja(2025, MOD, 2226541000, 2223319883),  # listed out of order on purpose
        belanja(2025, PEG, 126525000, 126225646),
        belanja(2025, BRG, 1205761000, 1121758543),
    ])
    (y,) = years
    assert [ln.label for ln in y.lines] == [PEG, BRG, MOD]
    assert [display_round(ln.persen) for ln in y.lines] == [D("99.76"), D("93.03"), D("99.86")]
    assert display_round(y.total.persen) == D("97.54")
    assert y.total.pagu == D(3558827000) and y.total.realisasi == D(3471304072)
    assert money(y.total.realisasi) == "Rp3.471.304.072"


def test_seed_000_tabel_3_19_per_kanim_with_the_correct_bima_total():
    kanim = {
        "Kanim A": [(7100768000, 7062241455), (11039417000, 8565610150), (3062685000, 3027125489)],
        "Kanim B": [(2910186000, 2885977452), (3988869000, 3967627339), (1239883000, 1238298031)],
        "Kanim C": [(2790986000, 2731715630), (6043421000, 4388839232), (462461000, 434061000)],
    }
    expected = {
        "Kanim A": ["99.46", "77.59", "98.84", "87.98"],
        "Kanim B": ["99.17", "99.47", "99.87", "99.42"],
        "Kanim C": ["97.88", "72.62", "93.86", "81.26"],
    }
    totals = {}
    for name, rows in kanim.items():
        (y,) = ang.belanja_years([belanja(2025, j, p, r) for j, (p, r) in zip((PEG, BRG, MOD), rows)])
        got = [display_round(ln.persen) for ln in y.lines] + [display_round(y.total.persen)]
        assert got == [D(v) for v in expected[name]], name
        totals[name] = y.total
    assert totals["Kanim C"].realisasi == D(7554615862)  # the seed prints 7.554.615.922 (C69)
    assert totals["Kanim C"].pagu == D(9296868000)
    assert totals["Kanim A"].realisasi == D(18654977094)


def test_seed_000_belanja_change_blokir_and_sumber_dana():
    wb = workbook(
        belanja=[belanja(2024, BRG, 2871515000, 2871452475),
                 belanja(2025, PEG, 1650644000, 1602009873),
                 belanja(2025, BRG, 3765212000, 2972865047, blokir=787146000),
                 belanja(2025, MOD, 1798419000, 1798418985)],
        sumber_dana=[sumber_dana(2025, "PNBP", 5098954000), sumber_dana(2025, "RM", 2115321000)],
    )
    res = compute(wb)
    y2024, y2025 = res.belanja
    assert (y2024.tahun, y2025.tahun) == (2024, 2025)
    assert percent(y2025.total.persen) == "88,34%"
    assert y2025.total.realisasi == D(6373293905)
    barang = y2025.lines[1]
    assert percent(barang.persen_blokir) == "20,91%"  # C65 prints "21%"
    assert y2025.total.blokir == D(787146000) and y2024.total.blokir is None
    changes = {c.jenis: c for c in res.belanja_perubahan}
    assert list(changes) == [PEG, BRG, MOD, "Jumlah"]
    assert changes[PEG].persen_lalu is None and changes[PEG].perubahan is None
    assert points(changes["Jumlah"].perubahan) == "-11,66"  # C64: (-)11.66 poin
    assert changes["Jumlah"].perubahan == y2025.total.persen - y2024.total.persen
    (sd,) = res.sumber_dana
    assert [ln.label for ln in sd.lines] == ["RM", "PNBP"]
    assert sd.total.pagu == D(7214275000) and sd.total.realisasi is None and sd.total.persen is None


def test_seed_000_anggaran_per_sasaran_and_total_from_rows():
    wb = workbook(
        ikk=[ikk("IKK-1", 91, "96.70", sasaran_no=1), ikk("IKK-2", "90.80", "93.99", sasaran_no=2),
             ikk("IKK-3.1", 100, "86.92", sasaran_no=3), ikk("IKK-3.2", "3.51", "3.84", sasaran_no=3)],
        anggaran=[anggaran("Layanan Keimigrasian", 971284000, 601944000, 1),
                  anggaran("Penegakan Hukum", 2299251000, 1881172121, 2),
                  anggaran("Dukungan Manajemen", 3943740000, 3901419877, 3)],
    )
    res = compute(wb)
    assert [percent(s.persen_anggaran) for s in res.sasaran] == ["61,97%", "81,82%", "98,93%"]
    assert res.sasaran[2].pagu == D(3943740000)  # the two RB IKK share it: not added twice
    assert res.anggaran_total.pagu == D(7214275000)
    assert res.anggaran_total.realisasi == D(6384535998)  # C57: the seed prints 6.373.293.905
    assert res.anggaran_total.tahun == 2025
    assert [ln.row for ln in res.anggaran_rows] == [2, 3, 4]


def test_sasaran_rows_split_across_kegiatan_are_summed():
    lines = ang.anggaran_lines([anggaran("a", 100, 50, 1), anggaran("b", 300, 250, 1), anggaran("c", 10, 1, None)])
    per = ang.per_sasaran(ang.sasaran_groups(lines, {}))
    assert list(per) == [1]
    assert (per[1].pagu, per[1].realisasi, per[1].persen) == (D(400), D(300), D(75))


def test_pnbp_percent_growth_and_no_target():
    res = ang.pnbp_results([pnbp(2025, 99758048090, 58932779000), pnbp(2024, 81251195706, 21987521000)])
    assert [p.tahun for p in res] == [2024, 2025]
    assert percent(res[1].persen) == "169,27%"  # C72
    assert percent(res[0].persen) == "369,53%"  # C73
    assert percent(res[1].pertumbuhan) == "22,78%"
    assert res[0].pertumbuhan is None
    (baru,) = ang.pnbp_results([pnbp(2025, 6933050000, 0)])  # seed 002: a new office, target Rp0
    assert baru.persen is None and baru.persen_alasan == "belum memiliki target PNBP"
    (blank,) = ang.pnbp_results([pnbp(2025, 6933050000)])
    assert blank.persen is None and "belum memiliki target" in blank.persen_alasan


def test_zero_pagu_has_no_percentage():
    ln = ang.line("x", D(0), D(0))
    assert ln.persen is None and percent(ln.persen) == "tidak dapat dihitung"
