"""Composite indices from the Komponen tree, with seed 000's worked examples recomputed exactly."""
from __future__ import annotations

from decimal import Decimal as D

from lkj_engine.compute import komposit
from lkj_engine.contract import schema
from lkj_engine.compute.engine import compute
from lkj_engine.contract.formatting import number

from engine_factory import ikk, komponen, layanan, workbook

EPS = D("1e-9")
DOKPAL = "Dokumen Perjalanan"
ITSK = "Izin Tinggal dan Status Keimigrasian"


def walk(tree):
    for node in tree:
        yield node
        yield from walk(node.children)


def find(tree, kode):
    return next(n for n in walk(tree) if n.kode == kode)


def kualitas_layanan_tree(sumber: bool = True) -> list:
    """IKK-1 of seed 000: X = 50% K1 + 50% K2, Ki = 70% D1 + 30% D2."""
    rows = [komponen("IKK-1", "K1", 50), komponen("IKK-1", "K2", 50)]
    if sumber:
        rows += [komponen("IKK-1", "K1.D1", 70, "K1", sumber="Layanan Dokumen Perjalanan D1"),
                 komponen("IKK-1", "K1.D2", 30, "K1", sumber="Layanan Dokumen Perjalanan D2"),
                 komponen("IKK-1", "K2.D1", 70, "K2", sumber="Layanan Izin Tinggal D1"),
                 komponen("IKK-1", "K2.D2", 30, "K2", sumber="Layanan Izin Tinggal D2")]
    else:  # the seed's own (terbit-only) numerators typed in
        rows += [komponen("IKK-1", "K1.D1", 70, "K1", pembilang=84275, penyebut=92184),
                 komponen("IKK-1", "K1.D2", 30, "K1", pembilang=84275, penyebut=84275),
                 komponen("IKK-1", "K2.D1", 70, "K2", pembilang=45820, penyebut=46054),
                 komponen("IKK-1", "K2.D2", 30, "K2", pembilang=45820, penyebut=45820)]
    return rows


# seed 000 Tabel 3.2-3.5 (passports, and the 9 stay-permit services)
SEED_000_LAYANAN = [
    layanan(DOKPAL, "Paspor", 92184, terbit=84275, ditolak=3393, batal=4516, sesuai_syarat=84275, tepat_waktu=84275),
] + [
    layanan(ITSK, jenis, t + d, terbit=t, ditolak=d, sesuai_syarat=t, tepat_waktu=t)
    for jenis, t, d in [("Perpanjangan ITK", 24866, 216), ("Alih status ITAS ke ITAP", 89, 0), ("VOA", 18288, 14),
                        ("Alih Status ITK-ITAS", 746, 2), ("Perpanjangan ITAS", 1524, 2),
                        ("Perpanjangan ITAP", 64, 0), ("Affidavit", 70, 0), ("SKIM", 2, 0), ("MREP", 171, 0)]
]


def test_sumber_names_match_the_schema():
    assert set(komposit.SUMBER_LAYANAN) == set(schema.SUMBER_KOMPONEN)
    assert {k for k, _ in komposit.SUMBER_LAYANAN.values()} == set(schema.KELOMPOK_LAYANAN)
    for sumber, (kelompok, dimensi) in komposit.SUMBER_LAYANAN.items():
        assert sumber.endswith(dimensi) and sumber.split()[1] == kelompok.split()[0]  # "Layanan Izin ..."


def test_k1_seed_000_from_layanan_uses_the_pedoman_definition_of_completed():
    tree = komposit.build_tree("IKK-1", kualitas_layanan_tree(), SEED_000_LAYANAN)
    d1 = find(tree, "K1.D1")
    # completed = terbit + ditolak + batal sistem = 84.275 + 3.393 + 4.516 = 92.184 = received
    assert (d1.pembilang, d1.penyebut) == (D(92184), D(92184))
    assert d1.nilai == D(100) and d1.jenis == "rasio" and d1.sumber == "Layanan Dokumen Perjalanan D1"
    assert "terbit + ditolak + batal sistem" in d1.ket_pembilang
    assert find(tree, "K1.D2").nilai == D(100)
    assert find(tree, "K1").nilai == D(100)
    k2d1 = find(tree, "K2.D1")
    assert (k2d1.pembilang, k2d1.penyebut) == (D(46054), D(46054))
    assert komposit.tree_value(tree) == (D(100), None)


def test_k1_seed_000_typed_terbit_only_gives_the_seeds_91_42():
    tree = komposit.build_tree("IKK-1", kualitas_layanan_tree(sumber=False), [])
    d1 = find(tree, "K1.D1")
    assert abs(d1.nilai - D(84275) / D(92184) * 100) < EPS
    assert str(d1.nilai).startswith("91.4204")
    k1 = find(tree, "K1")
    assert abs(k1.nilai - (D("0.7") * D(84275) / D(92184) * 100 + 30)) < EPS
    assert str(k1.nilai).startswith("93.9942")
    assert number(k1.nilai) == "93,99"
    # K2 and X at full precision (seed-notes C19/C20: 99,644 and 96,819)
    k2 = find(tree, "K2")
    assert number(k2.nilai) == "99,64"
    x, _ = komposit.tree_value(tree)
    assert abs(x - (k1.nilai + k2.nilai) / 2) < EPS
    assert number(x) == "96,82"


def penegakan_hukum(typed_rounded: bool = False) -> list:
    """IKK-2 of seed 000 §4.3: X = Σ Ki·Wi, weights 20/20/20/10/10/20, negative components in K5."""
    if typed_rounded:  # the seed's rounded intermediates typed as values (D1 "33", D2 "-161", D3 "-241")
        i1d1 = komponen("IKK-2", "K1.I1.D1", 40, "K1.I1", nilai=33)
        k5d2 = komponen("IKK-2", "K5.D2", 5, "K5", nilai=-161)
        k5d3 = komponen("IKK-2", "K5.D3", 5, "K5", nilai=-241)
    else:
        i1d1 = komponen("IKK-2", "K1.I1.D1", 40, "K1.I1", pembilang=1, penyebut=3)
        k5d2 = komponen("IKK-2", "K5.D2", 5, "K5", pembilang=4107, penyebut=2537, faktor=-1)
        k5d3 = komponen("IKK-2", "K5.D3", 5, "K5", pembilang=140, penyebut=58, faktor=-1)
    return [
        komponen("IKK-2", "K1", 20),
        komponen("IKK-2", "K1.I1", 30, "K1"),
        i1d1,
        komponen("IKK-2", "K1.I1.D2", 60, "K1.I1", pembilang=0, penyebut=5),
        komponen("IKK-2", "K1.I2", 70, "K1", pembilang=161, penyebut=161),
        komponen("IKK-2", "K2", 20, pembilang=263, penyebut=250, maks_100=True),
        komponen("IKK-2", "K3", 20, pembilang=95, penyebut=95, maks_100=True),
        komponen("IKK-2", "K4", 10, pembilang=30, penyebut=30),
        komponen("IKK-2", "K5", 10),
        komponen("IKK-2", "K5.D1", 45, "K5", pembilang=3, penyebut=3),
        k5d2, k5d3,
        komponen("IKK-2", "K5.D4", 45, "K5", pembilang=15, penyebut=10),  # 150: no cap
        komponen("IKK-2", "K6", 20),
        komponen("IKK-2", "K6.D1", 60, "K6", pembilang=361853, penyebut=361853),
        komponen("IKK-2", "K6.D2", 40, "K6", pembilang=135, penyebut=135),
    ]


def test_penegakan_hukum_seed_000_at_full_precision():
    tree = komposit.build_tree("IKK-2", penegakan_hukum(), [])
    d2 = find(tree, "K5.D2")
    assert d2.nilai == -D(4107) / D(2537) * 100 and d2.faktor == -1
    assert number(d2.nilai) == "-161,88"
    assert number(find(tree, "K5.D3").nilai) == "-241,38"
    assert find(tree, "K5.D4").nilai == D(150) and not find(tree, "K5.D4").dibatasi
    k5 = find(tree, "K5")
    expected_k5 = D(45) + D("0.05") * (-D(4107) / D(2537) * 100) + D("0.05") * (-D(140) / D(58) * 100) + D("67.5")
    assert abs(k5.nilai - expected_k5) < EPS
    assert str(k5.nilai).startswith("92.3368")  # the seed prints 91,95 (it wrote -8,5 for -8,05)
    # K1 = 30% I1 + 70% I2 with I1 = 40% x (1/3 x 100) + 60% x 0 = 13,33...: K1 = 74 exactly
    assert abs(find(tree, "K1.I1").nilai - D(40) / 3) < EPS
    assert abs(find(tree, "K1").nilai - D(74)) < EPS
    k2 = find(tree, "K2")
    assert k2.nilai == D(100) and k2.dibatasi and k2.nilai_mentah == D("105.2")
    x, alasan = komposit.tree_value(tree)
    assert alasan is None
    assert abs(x - (D("0.2") * 74 + 20 + 20 + 10 + D("0.1") * expected_k5 + 20)) < EPS
    assert str(x).startswith("94.03368")
    assert number(x) == "94,03"


def test_penegakan_hukum_with_the_seeds_rounded_intermediates_gives_94_032():
    # seed-notes C38/C40: with K1 = 73,96 and the corrected K5 = 92,40, X = 94,032
    tree = komposit.build_tree("IKK-2", penegakan_hukum(typed_rounded=True), [])
    assert find(tree, "K1").nilai == D("73.96")
    assert find(tree, "K5").nilai == D("92.40")
    x, _ = komposit.tree_value(tree)
    assert x == D("94.032")
    assert find(tree, "K5.D2").jenis == "nilai"


def test_ikk_realisasi_comes_from_the_tree_when_blank():
    wb = workbook(ikk=[ikk("IKK-2", "90.80")], komponen=penegakan_hukum())
    r = compute(wb).ikk[0]
    assert r.realisasi_dari_komponen
    assert str(r.realisasi).startswith("94.03368")
    assert abs(r.capaian - r.realisasi / D("90.80") * 100) < EPS
    assert [n.kode for n in r.tree] == ["K1", "K2", "K3", "K4", "K5", "K6"]


def test_typed_realisasi_wins_but_the_tree_is_kept():
    wb = workbook(ikk=[ikk("IKK-2", "90.80", "93.99")], komponen=penegakan_hukum())
    r = compute(wb).ikk[0]
    assert not r.realisasi_dari_komponen and r.realisasi == D("93.99")
    assert len(r.tree) == 6
    # the tree keeps its own value, for its formula block (review item 1)
    assert str(r.realisasi_komponen).startswith("94.03368") and r.realisasi_komponen_alasan is None


def test_zero_over_zero_is_none_and_propagates_naming_the_component():
    rows = [komponen("X", "K1", 50, pembilang=5, penyebut=5),
            komponen("X", "K2", 50),
            komponen("X", "K2.D1", 40, "K2", pembilang=0, penyebut=0),
            komponen("X", "K2.D2", 60, "K2", pembilang=1, penyebut=1)]
    tree = komposit.build_tree("X", rows, [])
    leaf = find(tree, "K2.D1")
    assert leaf.nilai is None and "0/0" in leaf.alasan
    assert find(tree, "K2").nilai is None
    assert "K2.D1" in find(tree, "K2").alasan
    value, alasan = komposit.tree_value(tree)
    assert value is None and "K2.D1" in alasan and "0/0" in alasan
    assert [n.kode for n in komposit.blocking_leaves(tree)] == ["K2.D1"]
    wb = workbook(ikk=[ikk("X", 90)], komponen=rows)
    r = compute(wb).ikk[0]
    assert r.realisasi is None and r.capaian is None
    assert "K2.D1" in r.capaian_alasan


def test_weight_zero_child_does_not_block_its_parent():
    # a Non-TPI office: K6 has weight 0 and nothing to count (seed 002)
    rows = [komponen("X", "K1", 100, pembilang=6, penyebut=6),
            komponen("X", "K6", 0, pembilang=0, penyebut=0)]
    tree = komposit.build_tree("X", rows, [])
    assert komposit.tree_value(tree) == (D(100), None)
    assert komposit.blocking_leaves(tree) == []


def test_missing_inputs_have_reasons():
    rows = [komponen("X", "A", 25), komponen("X", "B", 25, pembilang=1), komponen("X", "C", 25, penyebut=2),
            komponen("X", "D", 25, pembilang=1, penyebut=0)]
    tree = komposit.build_tree("X", rows, [])
    assert [n.alasan for n in tree] == ["Nilai, atau Pembilang dan Penyebut, belum diisi", "Penyebut belum diisi",
                                        "Pembilang belum diisi", "Penyebut bernilai 0"]
    assert all(n.nilai is None for n in tree)


def test_sumber_without_layanan_rows_or_with_blank_counts():
    rows = [komponen("X", "D1", 50, sumber="Layanan Izin Tinggal D1"),
            komponen("X", "D2", 50, sumber="Layanan Dokumen Perjalanan D2")]
    lay = [layanan(DOKPAL, "Paspor", 100, terbit=90, sesuai_syarat=90)]  # Tepat Waktu blank
    tree = komposit.build_tree("X", rows, lay)
    assert "tidak memuat baris kelompok Izin Tinggal" in tree[0].alasan
    assert "Tepat Waktu kosong" in tree[1].alasan


def test_layanan_blank_ditolak_counts_as_none_and_d2_uses_sesuai_syarat():
    lay = [layanan(DOKPAL, "Paspor", 7630, terbit=6858, ditolak=17, batal=396, sesuai_syarat=6858, tepat_waktu=6823),
           layanan(DOKPAL, "Pas Lintas Batas", 0)]
    f1 = komposit.layanan_figures("Layanan Dokumen Perjalanan D1", lay)
    assert (f1.pembilang, f1.penyebut) == (D(7271), D(7630))  # seed 002: 95,29%, not the printed 89,88%
    assert number(f1.pembilang / f1.penyebut * 100) == "95,29"
    f2 = komposit.layanan_figures("Layanan Dokumen Perjalanan D2", lay)
    assert (f2.pembilang, f2.penyebut) == (D(6823), D(6858))


def test_a_loop_of_induk_is_left_out_not_an_endless_recursion():
    rows = [komponen("X", "K1", 100, pembilang=1, penyebut=1),
            komponen("X", "A", 50, "B"), komponen("X", "B", 50, "A")]
    tree = komposit.build_tree("X", rows, [])
    assert [n.kode for n in tree] == ["K1"]
