"""BAB II PERENCANAAN KINERJA: Rencana Strategis, risk register, Perjanjian Kinerja and its budget."""
from __future__ import annotations

from lkj_engine.render.layout.builder import Builder, each
from lkj_engine.render.layout.kegiatan import kegiatan_table


def bab2(b: Builder) -> None:
    b.h(1, "BAB II PERENCANAAN KINERJA")
    b.h(2, "A. Rencana Strategis")
    # A Narasi "Rencana Strategis" replaces the office's paragraph only: the ministry's visi, misi, tujuan
    # and values stay, so "Tujuan tersebut diturunkan..." below always has the tujuan to point at.
    b.narasi_or("rencana_strategis", "teks.renstra")
    b.paragraphs("teks.visi")
    b.numbered("teks.misi")
    b.paragraphs("teks.tujuan_pengantar")
    b.numbered("teks.tujuan")
    b.paragraphs("teks.nilai")
    b.h(3, "1. Sasaran Kegiatan dan Indikator Kinerja Kegiatan")
    b.p("{% for t in teks.sasaran_pengantar %}{{ t }} {% endfor %}Pada tahun {{ tahun }} terdapat "
        "{{ jumlah_sasaran }} Sasaran Kegiatan dengan {{ jumlah_ikk }} Indikator Kinerja Kegiatan, yaitu:")
    b.tag("{%p for s in sasaran %}")
    b.p("{{ s.no }}.\tSasaran Kegiatan {{ s.nama }}, dengan Indikator Kinerja Kegiatan:", "Daftar")
    b.tag("{%p for k in s.ikk %}")
    b.p("{{ k.huruf }}.\t{{ k.butir_pk }}", "Daftar 2")
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")
    b.figures("bab2", 2)
    b.h(3, "2. Manajemen Risiko")
    b.tag("{%p if risiko_register %}")
    b.p("Dalam rangka penerapan manajemen risiko yang terintegrasi pada periode Renstra {{ renstra }}, "
        "{{ satker.nama }} menyusun identifikasi risiko pada tingkat kegiatan sebagai bagian dari pengendalian "
        "dan evaluasi kinerja, sebagai berikut:")
    b.caption("Tabel", 2, "Manajemen Risiko {{ satker.nama }} Tahun {{ tahun }}")
    b.table(["No", "Indikasi Risiko", "Perlakuan Risiko", "Penanggung Jawab", "Indikator Keberhasilan"],
            [1.0, 4.2, 4.2, 2.8, 3.3],
            each("g in risiko_register", ["{{ g.ikk }}", "", "", "", ""],
                 *each("r in g.rows", ["{{ r.no }}", "{{ r.indikasi }}", "{{ r.perlakuan }}",
                                       "{{ r.penanggung_jawab }}", "{{ r.indikator_keberhasilan }}"])),
            aligns="cllll", merges={1: [(0, 4)]}, shaded={1}, bold_rows={1}, keep={1})
    b.tag("{%p else %}")
    b.sentence("kosong.risiko")
    b.tag("{%p endif %}")

    b.h(2, "B. Perjanjian Kinerja")
    b.paragraphs("teks.perjanjian_kinerja")
    b.p("Perjanjian Kinerja Tahun {{ tahun }} ditandatangani oleh {{ satker.jabatan_kepala }} selaku penerima "
        "amanah{% if satker.ada_atasan %} dan {{ satker.jabatan_atasan }} selaku pemberi amanah{% endif %}, "
        "dengan target kinerja sebagai berikut:")
    b.caption("Tabel", 2, "Perjanjian Kinerja {{ satker.nama }} Tahun {{ tahun }}")
    b.table(["Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target"], [5.0, 7.5, 3.0],
            each("s in sasaran", *each("k in s.ikk", ["{% vm %}{{ s.no }}. {{ s.nama }}", "{{ k.nama }}",
                                                       "{{ k.target }}"])),
            numbers=True, aligns="llr")
    b.tag("{%p if anggaran.ada %}")
    b.p("Pencapaian target tersebut didukung anggaran DIPA Tahun Anggaran {{ tahun }} sebagai berikut:")
    b.caption("Tabel", 2, "Anggaran Perjanjian Kinerja Tahun {{ tahun }}")
    kegiatan_table(b, pagu_only=True)
    b.tag("{%p endif %}")
    b.tag("{%p if belanja.dipa %}")
    b.p("{{r belanja.dipa }} {{r sumber_dana.kalimat }}")
    b.tag("{%p endif %}")

