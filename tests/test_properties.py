"""Invariants of the engine, for any input (hypothesis)."""
from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given, settings, strategies as st

from lkj_engine.compute import capaian
from lkj_engine.compute import komposit
from lkj_engine.compute.anggaran import persen
from lkj_engine.compute.engine import compute
from lkj_engine.contract.formatting import display_round
from lkj_engine.model.results import Node

from engine_factory import anggaran, belanja, ikk, pegawai, sumber_dana, workbook

EPS = D("1e-9")
values = st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False, allow_infinity=False)
positive = st.decimals(min_value=D("0.01"), max_value=10**6, places=4, allow_nan=False, allow_infinity=False)
rupiah = st.integers(min_value=0, max_value=10**11).map(D)
pagu = st.integers(min_value=1, max_value=10**11).map(D)
JENIS = ("Belanja Pegawai", "Belanja Barang", "Belanja Modal")


@given(values, positive)
def test_positive_capaian_is_realisasi_over_target(r, t):
    value, alasan = capaian.capaian(r, t, "Positif")
    assert alasan is None
    assert abs(value - r / t * 100) < EPS


@given(values, positive)
def test_negative_capaian_mirrors_positive_around_100(r, t):
    pos, _ = capaian.capaian(r, t, "Positif")
    neg, _ = capaian.capaian(r, t, "Negatif")
    assert abs(pos + neg - 200) < EPS


@given(values)
def test_zero_target_is_never_a_number(r):
    assert capaian.capaian(r, D(0), "Positif")[0] is None
    assert capaian.capaian(r, D(0), "Negatif")[0] is None


def weights(n: int):
    """n integer weights that add up to 100."""
    return st.lists(st.integers(0, 100), min_size=n - 1, max_size=n - 1).map(
        lambda cuts: [b - a for a, b in zip([0] + sorted(cuts), sorted(cuts) + [100])])


@st.composite
def children(draw):
    n = draw(st.integers(1, 6))
    ws = draw(weights(n))
    vs = draw(st.lists(st.decimals(-300, 300, places=3, allow_nan=False), min_size=n, max_size=n))
    return [Node(kode=f"D{i}", nama="d", bobot=D(w), nilai=v) for i, (w, v) in enumerate(zip(ws, vs))]


@given(children())
def test_weighted_sum_of_weights_adding_to_100_stays_between_the_children(kids):
    total, alasan = komposit.weighted_sum(kids)
    assert alasan is None
    assert total == sum((k.nilai * k.bobot / 100 for k in kids), D(0))
    weighted = [k.nilai for k in kids if k.bobot]
    assert min(weighted) - EPS <= total <= max(weighted) + EPS


budget_rows = st.lists(st.tuples(st.sampled_from(JENIS), pagu, rupiah), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(budget_rows, st.lists(st.tuples(pagu, rupiah, st.integers(1, 3)), min_size=1, max_size=6),
       st.lists(st.tuples(st.sampled_from(("RM", "PNBP")), pagu, rupiah), min_size=1, max_size=4),
       st.lists(st.tuples(st.sampled_from(("Jabatan", "Usia")), st.integers(0, 500)), min_size=1, max_size=8),
       st.lists(st.tuples(st.integers(1, 3), positive, values), min_size=1, max_size=6))
def test_every_printed_total_is_computed_from_unrounded_parts(bel, ang, sd, peg, ikks):
    wb = workbook(
        ikk=[ikk(f"I{i}", t, r, sasaran_no=s) for i, (s, t, r) in enumerate(ikks)],
        belanja=[belanja(2025, j, p, r) for j, p, r in bel],
        anggaran=[anggaran(f"k{i}", p, r, s) for i, (p, r, s) in enumerate(ang)],
        sumber_dana=[sumber_dana(2025, s, p, r) for s, p, r in sd],
        pegawai=[pegawai(d, f"c{i}", n) for i, (d, n) in enumerate(peg)],
    )
    res = compute(wb)

    def assert_total(total, parts):
        p = sum((x.pagu for x in parts), D(0))
        r = sum((x.realisasi for x in parts), D(0))
        assert (total.pagu, total.realisasi) == (p, r)
        assert total.persen == persen(r, p)  # from the exact sums, not from the parts' rounded %
        # the printed total % is the exact one rounded once (it may differ from Σ of rounded parts)
        assert display_round(total.persen) == display_round(r / p * 100)

    (year,) = res.belanja
    assert_total(year.total, year.lines)
    (year,) = res.sumber_dana
    assert_total(year.total, year.lines)
    assert_total(res.anggaran_total, res.anggaran_rows)
    for s in res.sasaran:
        linked = [ln for ln in res.anggaran_rows if ln.sasaran_no == s.no]
        if linked:
            assert s.pagu == sum((ln.pagu for ln in linked), D(0))
            assert s.persen_anggaran == persen(s.realisasi_anggaran, s.pagu)
    for d in res.pegawai:
        assert d.total == sum(n for _, n in d.rows)
    # the overall average is the mean of the unrounded sasaran averages
    known = [s.rata_capaian for s in res.sasaran if s.rata_capaian is not None]
    assert res.rata_capaian == sum(known, D(0)) / len(known)
    for s in res.sasaran:
        caps = [r.capaian for r in s.ikk]
        assert s.rata_capaian == sum(caps, D(0)) / len(caps)
