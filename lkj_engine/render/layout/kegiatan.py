"""The two budget tables of the DIPA kegiatan.

`kegiatan_table`: the PK budget table (BAB II.B and the Lampiran's PK): one line per DIPA kegiatan under
its Program, the pagu of a kegiatan serving several sasaran summed into that one line.
`sasaran_kegiatan_table`: BAB III.B's realisation table, grouped by sasaran, where such a kegiatan has
one row under each sasaran with its share.
"""
from __future__ import annotations

from lkj_engine.render.layout.builder import Builder, each


def kegiatan_table(b: Builder, pagu_only: bool = True) -> None:
    """Kegiatan grouped under their Program (a shaded row), then the total.

    Only the pagu form exists (the realisation by kegiatan is `sasaran_kegiatan_table`); `pagu_only`
    stays for the callers that name it.
    """
    if not pagu_only:
        raise ValueError("realisasi per kegiatan dicetak oleh sasaran_kegiatan_table")
    b.table(["Program / Kegiatan", "Anggaran"], [11.5, 4.0],
            [["{%tr for r in anggaran.rows %}", ""],
             ["{%tr if r.program %}", ""],
             ["{{ r.label }}", ""],
             ["{%tr else %}", ""],
             ["{{ r.label }}", "{{ r.pagu }}"],
             ["{%tr endif %}", ""],
             ["{%tr endfor %}", ""],
             ["Jumlah", "{{ anggaran.total.pagu }}"]],
            aligns="lr", merges={2: [(0, 1)]}, shaded={2, 7}, bold_rows={2, 7}, indent={4: [0]}, keep={2})


def sasaran_kegiatan_table(b: Builder) -> None:
    """Pagu and realisasi per sasaran and kegiatan, in one table.

    The rule (issue 11): the per-sasaran and per-kegiatan realisation are one table, never two that
    repeat each other. Each sasaran's name spans its kegiatan rows; a "Jumlah Sasaran Kegiatan N" row
    follows only when the sasaran has more than one kegiatan (with one, the kegiatan row is the
    sasaran's figure); rows without a No Sasaran come last. Every Anggaran row is printed once, so each
    subtotal and the Jumlah add up as printed.
    """
    b.table(["Sasaran Kegiatan", "Kegiatan", "Pagu", "Realisasi", "%"], [3.7, 4.6, 3.0, 3.0, 1.5],
            [*each("g in anggaran.sasaran",
                   *each("r in g.rows", ["{% vm %}{{ g.judul }}", "{{ r.label }}", "{{ r.pagu }}",
                                         "{{ r.realisasi }}", "{{ r.persen }}"]),
                   ["{%tr if g.cetak_subtotal %}", "", "", "", ""],
                   ["{{ g.subtotal.label }}", "", "{{ g.subtotal.pagu }}", "{{ g.subtotal.realisasi }}",
                    "{{ g.subtotal.persen }}"],
                   ["{%tr endif %}", "", "", "", ""]),
             ["Jumlah", "", "{{ anggaran.total.pagu }}", "{{ anggaran.total.realisasi }}",
              "{{ anggaran.total.persen }}"]],
            numbers=True, aligns="llrrr", merges={5: [(0, 1)], 8: [(0, 1)]}, shaded={5, 8}, bold_rows={5, 8})
