"""BAB III.B Realisasi Anggaran (kegiatan, jenis belanja, sumber dana, PNBP) and III.C Capaian Kinerja
Anggaran (NKA)."""
from __future__ import annotations

from lkj_engine.render.layout.builder import Builder, each
from lkj_engine.render.layout.kegiatan import sasaran_kegiatan_table
from lkj_engine.render.layout.jajaran import anggaran_jajaran, nka_jajaran


def realisasi_anggaran(b: Builder) -> None:
    """III.B. Its first part is one table by sasaran and kegiatan (`sasaran_kegiatan_table`), not a
    per-sasaran table beside a per-kegiatan one that repeats it, then a sentence per kegiatan split over
    several sasaran (why the PK table shows it once) and one naming the sasaran without a kegiatan."""
    b.h(2, "B. Realisasi Anggaran")
    b.paragraphs("teks.realisasi_anggaran")
    b.h(3, "1. Realisasi Anggaran per Sasaran dan Kegiatan")
    b.tag("{%p if anggaran.ada %}")
    b.caption("Tabel", 3, "Realisasi Anggaran per Sasaran Kegiatan dan Kegiatan Tahun {{ tahun }}")
    sasaran_kegiatan_table(b)
    b.sentence("anggaran.kalimat")
    b.sentences("anggaran.terbagi")
    b.tag("{%p if anggaran.tanpa_anggaran %}")
    b.sentence("anggaran.tanpa_anggaran")
    b.tag("{%p endif %}")
    b.tag("{%p else %}")
    b.sentence("kosong.anggaran")
    b.tag("{%p endif %}")

    b.h(3, "2. Realisasi Anggaran menurut Jenis Belanja")
    b.tag("{%p if belanja.ada %}")
    b.caption("Tabel", 3, "Realisasi Anggaran menurut Jenis Belanja")
    b.table(["Jenis Belanja", "Pagu", "Realisasi", "%", "Blokir"], [4.3, 3.2, 3.2, 1.6, 3.2],
            each("y in belanja.tahun",
                 ["Tahun {{ y.tahun }}", "", "", "", ""],
                 *each("x in y.lines", ["{{ x.label }}", "{{ x.pagu }}", "{{ x.realisasi }}", "{{ x.persen }}",
                                        "{{ x.blokir }}"]),
                 ["Jumlah {{ y.tahun }}", "{{ y.total.pagu }}", "{{ y.total.realisasi }}", "{{ y.total.persen }}",
                  "{{ y.total.blokir }}"]),
            aligns="lrrrr", merges={1: [(0, 4)]}, shaded={1, 5}, bold_rows={1, 5}, keep={1})
    b.tag("{%p if belanja.ada_perubahan %}")
    b.caption("Tabel", 3, "Perbandingan Persentase Realisasi menurut Jenis Belanja Tahun {{ belanja.tahun_lalu }} "
              "dan {{ belanja.tahun_ini }}")
    b.table(["Jenis Belanja", "% Realisasi {{ belanja.tahun_lalu }}", "% Realisasi {{ belanja.tahun_ini }}",
             "Perubahan (poin persentase)"], [5.5, 3.3, 3.3, 3.4],
            [["{%tr for c in belanja.perubahan %}", "", "", ""],
             ["{{ c.jenis }}", "{{ c.lalu }}", "{{ c.ini }}", "{{ c.perubahan }}"],
             ["{%tr endfor %}", "", "", ""]],
            aligns="lrrr")
    b.tag("{%p endif %}")
    b.sentences("belanja.kalimat")
    b.sentence("belanja.blokir")
    b.tag("{%p if grafik.belanja %}")
    b.figure("grafik.belanja", 3, "Pagu dan Realisasi Anggaran menurut Jenis Belanja")
    b.tag("{%p endif %}")
    b.tag("{%p else %}")
    b.sentence("kosong.belanja")
    b.tag("{%p endif %}")
    b.tag("{%p if narasi.analisis_anggaran %}")
    b.p("{{p narasi.analisis_anggaran }}")
    b.tag("{%p endif %}")

    b.h(3, "3. Anggaran menurut Sumber Dana")
    b.tag("{%p if sumber_dana.ada %}")
    b.caption("Tabel", 3, "Pagu dan Realisasi Anggaran menurut Sumber Dana")
    b.table(["Sumber Dana", "Pagu", "Realisasi", "%"], [6.3, 3.6, 3.6, 2.0],
            [["{%tr for y in sumber_dana.tahun %}", "", "", ""],
             ["Tahun {{ y.tahun }}", "", "", ""],
             ["{%tr for x in y.lines %}", "", "", ""],
             ["{{ x.label }}", "{{ x.pagu }}", "{{ x.realisasi }}", "{{ x.persen }}"],
             ["{%tr endfor %}", "", "", ""],
             ["Jumlah {{ y.tahun }}", "{{ y.total.pagu }}", "{{ y.total.realisasi }}", "{{ y.total.persen }}"],
             ["{%tr endfor %}", "", "", ""]],
            aligns="lrrr", merges={1: [(0, 3)]}, shaded={1, 5}, bold_rows={1, 5}, keep={1})
    b.sentence("sumber_dana.kalimat")
    b.tag("{%p else %}")
    b.sentence("kosong.sumber_dana")
    b.tag("{%p endif %}")

    b.h(3, "4. Penerimaan Negara Bukan Pajak (PNBP)")
    b.tag("{%p if pnbp.ada %}")
    b.paragraphs("teks.pnbp")
    b.caption("Tabel", 3, "Target dan Realisasi Penerimaan Negara Bukan Pajak")
    b.table(["Tahun", "Target", "Realisasi", "Capaian", "Pertumbuhan"], [2.0, 4.0, 4.0, 2.5, 3.0],
            [["{%tr for r in pnbp.rows %}", "", "", "", ""],
             ["{{ r.tahun }}", "{{ r.target }}", "{{ r.realisasi }}", "{{ r.persen }}", "{{ r.pertumbuhan }}"],
             ["{%tr endfor %}", "", "", "", ""]],
            aligns="crrrr")
    b.sentence("pnbp.kalimat")
    b.tag("{%p else %}")
    b.sentence("kosong.pnbp")
    b.tag("{%p endif %}")
    b.tag("{%p if narasi.analisis_pnbp %}")
    b.p("{{p narasi.analisis_pnbp }}")
    b.tag("{%p endif %}")
    anggaran_jajaran(b)
    b.figures("bab3b", 3)



def capaian_kinerja_anggaran(b: Builder) -> None:
    b.h(2, "C. Capaian Kinerja Anggaran")
    b.paragraphs("teks.nka")
    b.numbered("teks.nka_komponen")
    b.paragraphs("teks.nka_penutup")
    b.tag("{%p if nka.ada %}")
    b.caption("Tabel", 3, "Nilai Kinerja Perencanaan Anggaran")
    b.table(["Tahun", "{{ nka.perencanaan_header[0] }}", "{{ nka.perencanaan_header[1] }}",
             "{{ nka.perencanaan_header[2] }}", "Nilai Kinerja Perencanaan"], [2.3, 3.0, 3.3, 3.3, 3.6],
            [["{%tr for n in nka.perencanaan %}", "", "", "", ""],
             ["{{ n.tahun }}", "{{ n.nilai[0] }}", "{{ n.nilai[1] }}", "{{ n.nilai[2] }}", "{{ n.total }}"],
             ["{%tr endfor %}", "", "", "", ""]],
            aligns="crrrr")
    b.caption("Tabel", 3, "Nilai Kinerja Pelaksanaan Anggaran (IKPA)")
    b.table(["Komponen IKPA", "{{ tahun_lalu }}", "{{ tahun }}"], [8.5, 3.5, 3.5],
            [["{%tr for c in nka.pelaksanaan %}", "", ""],
             ["{{ c.komponen }}", "{{ c.lalu }}", "{{ c.ini }}"],
             ["{%tr endfor %}", "", ""]],
            aligns="lrr")
    b.caption("Tabel", 3, "Nilai Kinerja Anggaran")
    b.table(["Tahun", "Nilai Kinerja Perencanaan", "Nilai Kinerja Pelaksanaan", "Nilai Kinerja Anggaran"],
            [2.5, 4.3, 4.3, 4.4],
            [["{%tr for n in nka.ringkasan %}", "", "", ""],
             ["{{ n.tahun }}", "{{ n.perencanaan }}", "{{ n.pelaksanaan }}", "{{ n.nka }}"],
             ["{%tr endfor %}", "", "", ""]],
            aligns="crrr")
    b.sentence("nka.kalimat")
    b.tag("{%p else %}")
    b.sentence("kosong.nka")
    b.tag("{%p endif %}")
    nka_jajaran(b)
    b.tag("{%p if narasi.analisis_nka %}")
    b.p("{{p narasi.analisis_nka }}")
    b.tag("{%p endif %}")
    b.figures("bab3c", 3)

