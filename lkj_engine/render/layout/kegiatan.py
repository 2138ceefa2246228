"""The Program/Kegiatan budget table, printed in BAB II (pagu), BAB III.B (realisasi) and the Lampiran."""
from __future__ import annotations

from lkj_engine.render.layout.builder import Builder


def kegiatan_table(b: Builder, pagu_only: bool) -> None:
    """Kegiatan grouped under their Program (a shaded row), then the total."""
    if pagu_only:
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
    else:
        b.table(["Program / Kegiatan", "Pagu", "Realisasi", "%"], [7.3, 3.2, 3.2, 1.8],
                [["{%tr for r in anggaran.rows %}", "", "", ""],
                 ["{%tr if r.program %}", "", "", ""],
                 ["{{ r.label }}", "", "", ""],
                 ["{%tr else %}", "", "", ""],
                 ["{{ r.label }}", "{{ r.pagu }}", "{{ r.realisasi }}", "{{ r.persen }}"],
                 ["{%tr endif %}", "", "", ""],
                 ["{%tr endfor %}", "", "", ""],
                 ["Jumlah", "{{ anggaran.total.pagu }}", "{{ anggaran.total.realisasi }}",
                  "{{ anggaran.total.persen }}"]],
                numbers=True, aligns="lrrr", merges={2: [(0, 3)]}, shaded={2, 7}, bold_rows={2, 7},
                indent={4: [0]}, keep={2})

