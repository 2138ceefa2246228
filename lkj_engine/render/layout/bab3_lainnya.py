"""BAB III.D Capaian Lainnya: inovasi, penghargaan, E-Performance, the clerk's `Data …` tables."""
from __future__ import annotations

from lkj_engine.render.layout.builder import Builder
from lkj_engine.render.layout.jajaran import data_jajaran


def capaian_lainnya(b: Builder) -> None:
    b.h(2, "D. Capaian Lainnya")
    b.p("Selain capaian kinerja di atas, berikut capaian lain {{ satker.nama }} pada tahun {{ tahun }}.")
    b.h(3, "1. Inovasi")
    b.tag("{%p if inovasi %}")
    b.caption("Tabel", 3, "Inovasi {{ satker.nama }} Tahun {{ tahun }}")
    b.table(["No", "Inovasi", "Uraian"], [1.0, 4.8, 9.7],
            [["{%tr for x in inovasi %}", "", ""], ["{{ loop.index }}", "{{ x.label }}", "{{ x.uraian }}"],
             ["{%tr endfor %}", "", ""]], aligns="cll")
    b.tag("{%p else %}")
    b.sentence("kosong.inovasi")
    b.tag("{%p endif %}")
    b.h(3, "2. Penghargaan")
    b.tag("{%p if penghargaan %}")
    b.caption("Tabel", 3, "Penghargaan yang Diterima {{ satker.nama }}")
    b.table(["Tahun", "Penghargaan", "Pemberi", "Uraian"], [1.6, 4.6, 3.6, 5.7],
            [["{%tr for x in penghargaan %}", "", "", ""],
             ["{{ x.tahun }}", "{{ x.penghargaan }}", "{{ x.pemberi }}", "{{ x.uraian }}"],
             ["{%tr endfor %}", "", "", ""]], aligns="clll")
    b.tag("{%p else %}")
    b.sentence("kosong.penghargaan")
    b.tag("{%p endif %}")
    b.tag("{%p if jajaran and jajaran.penghargaan %}")
    b.p("Penghargaan yang diterima Kantor Imigrasi di jajaran {{ satker.nama }} pada tahun {{ tahun }} "
        "disajikan pada tabel berikut.")
    b.caption("Tabel", 3, "Penghargaan yang Diterima Kantor Imigrasi di Jajaran {{ satker.nama }} Tahun {{ tahun }}")
    b.table(["Satuan Kerja", "Tahun", "Penghargaan", "Pemberi", "Uraian"], [2.8, 1.4, 4.0, 3.2, 4.1],
            [["{%tr for x in jajaran.penghargaan %}", "", "", "", ""],
             ["{{ x.satker }}", "{{ x.tahun }}", "{{ x.penghargaan }}", "{{ x.pemberi }}", "{{ x.uraian }}"],
             ["{%tr endfor %}", "", "", "", ""]], aligns="lclll")
    b.tag("{%p endif %}")
    # the heading names two applications: each gets its own text, or one sentence saying it is missing
    b.h(3, "3. E-Performance dan E-Monev")
    for key in ("e_performance", "e_monev"):
        b.tag(f"{{%p if narasi.{key} %}}")
        b.p(f"{{{{p narasi.{key} }}}}")
        b.tag("{%p else %}")
        b.sentence(f"kosong.{key}")
        b.tag("{%p endif %}")
    b.h(3, "4. Capaian Output Lainnya")
    b.tag("{%p if data_tabel %}")
    b.p("Data capaian output {{ satker.nama }} tahun {{ tahun }} disajikan pada tabel-tabel berikut.")
    b.tag("{%p for t in data_tabel %}")
    b.caption("Tabel", 3, "{{ t.judul }}")
    b.table(["{%tc for h in t.headers %}", "{{ h }}", "{%tc endfor %}"], [5.17, 5.16, 5.17],
            [["{%tr for row in t.rows %}", "", ""], ["{%tc for c in row %}", "{{ c }}", "{%tc endfor %}"],
             ["{%tr endfor %}", "", ""]], aligns="lll")
    b.tag("{%p endfor %}")
    b.tag("{%p else %}")
    b.sentence("kosong.data_tabel")
    b.tag("{%p endif %}")
    data_jajaran(b)
    b.figures("bab3d", 3)

