"""BAB III AKUNTABILITAS KINERJA: the chapter's order, and A. Capaian Kinerja (the capaian table, then
each sasaran with the analyses of its IKK). B-C and D live in their own modules."""
from __future__ import annotations

from lkj_engine.render.layout.bab3_anggaran import capaian_kinerja_anggaran, realisasi_anggaran
from lkj_engine.render.layout.bab3_ikk import ikk_analysis
from lkj_engine.render.layout.bab3_lainnya import capaian_lainnya
from lkj_engine.render.layout.builder import Builder, each
from lkj_engine.render.layout.jajaran import capaian_jajaran


def bab3(b: Builder) -> None:
    b.h(1, "BAB III AKUNTABILITAS KINERJA")
    capaian_kinerja(b)
    realisasi_anggaran(b)
    capaian_kinerja_anggaran(b)
    capaian_lainnya(b)


def capaian_kinerja(b: Builder) -> None:
    b.h(2, "A. Capaian Kinerja")
    b.paragraphs("teks.pengukuran")
    b.p("Target dan capaian {{ jumlah_ikk }} Indikator Kinerja Kegiatan pada {{ jumlah_sasaran }} Sasaran "
        "Kegiatan tahun {{ tahun }} disajikan pada tabel berikut:")
    b.caption("Tabel", 3, "Capaian Perjanjian Kinerja {{ satker.nama }} Tahun {{ tahun }}")
    b.table(["Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target", "Realisasi", "Capaian"],
            [3.3, 4.3, 3.0, 3.0, 1.9],
            [*each("s in sasaran",
                   *each("k in s.ikk", ["{% vm %}{{ s.no }}. {{ s.nama }}", "{{ k.nama }}", "{{ k.target }}",
                                        "{{ k.realisasi }}", "{{ k.capaian }}"]),
                   ["Rata-rata capaian Sasaran Kegiatan {{ s.no }}", "", "", "", "{{ s.rata }}"]),
             ["Rata-rata capaian kinerja", "", "", "", "{{ rata_capaian }}"],
             ["Anggaran{% if jajaran %} DIPA Kantor Wilayah sendiri{% endif %} (pagu, realisasi, "
              "persentase realisasi)", "", "{{ anggaran.total.pagu }}",
              "{{ anggaran.total.realisasi }}", "{{ anggaran.total.persen }}"],
             # the regional IKK above are the whole jajaran's, so is the budget beside them (seed 000)
             ["{%tr if jajaran %}", "", "", "", ""],
             ["Anggaran seluruh jajaran: DIPA Kantor Wilayah dan Kantor Imigrasi (pagu, realisasi, "
              "persentase realisasi)", "", "{{ jajaran.anggaran.jumlah.pagu }}", "{{ jajaran.anggaran.jumlah.realisasi }}",
              "{{ jajaran.anggaran.jumlah.persen }}"],
             ["{%tr endif %}", "", "", "", ""]],
            numbers=True, aligns="llrrr", merges={4: [(0, 3)], 6: [(0, 3)], 7: [(0, 1)], 9: [(0, 1)]},
            shaded={4, 6, 7, 9}, bold_rows={4, 6, 7, 9})
    b.p("Keterangan: {{ rata_metode }}", "Catatan")
    b.tag("{%p if catatan_capaian %}")
    b.tag("{%p for c in catatan_capaian %}")
    b.p("{{r c }}", "Catatan")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.sentence("rata_kalimat")
    b.optional_figure("grafik.ikk_target_realisasi", 3,
                      "Target dan Realisasi Indikator Kinerja Kegiatan Tahun {{ tahun }}")
    b.optional_figure("grafik.ikk_capaian", 3, "Capaian Indikator Kinerja Kegiatan Tahun {{ tahun }}")

    capaian_jajaran(b)

    b.tag("{%p for s in sasaran %}")
    b.h(3, "{{ s.no }}. Sasaran Kegiatan {{ s.nama }}")
    b.sentence("s.intro")
    b.tag("{%p for k in s.ikk %}")
    ikk_analysis(b)
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")
    b.figures("bab3a", 3)

