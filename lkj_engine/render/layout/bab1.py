"""BAB I PENDAHULUAN: latar belakang, tugas dan fungsi, struktur, SDM, wilayah, maksud, aspek, isu, sistematika."""
from __future__ import annotations

from lkj_engine.render.layout.builder import Builder, each
from lkj_engine.render.layout.jajaran import pegawai_jajaran


def bab1(b: Builder) -> None:
    b.h(1, "BAB I PENDAHULUAN")
    b.h(2, "A. Latar Belakang")
    b.narasi_or("latar_belakang", "teks.latar_belakang")

    b.h(2, "B. Tugas, Fungsi dan Struktur Organisasi")
    b.h(3, "1. Tugas dan Fungsi")
    b.narasi_or("tugas_dan_fungsi", "teks.tugas")
    # the statutory functions are not the clerk's paragraph: a Narasi "Tugas dan Fungsi" keeps them
    b.paragraphs("teks.fungsi_pengantar")
    b.numbered("teks.fungsi")
    b.h(3, "2. Struktur Organisasi")
    b.tag("{%p if struktur %}")
    b.p("Struktur organisasi {{ satker.nama }} digambarkan sebagai berikut.").paragraph_format.keep_with_next = True
    b.figure("struktur", 1, "Struktur Organisasi {{ satker.nama }}")
    b.tag("{%p else %}")
    b.p("Bagan struktur organisasi {{ satker.nama }} tidak disertakan dalam laporan ini.")
    b.tag("{%p endif %}")
    b.h(3, "3. Sumber Daya Manusia")
    b.tag("{%p if pegawai.ada %}")
    b.sentence("pegawai.kalimat")
    b.tag("{%p for d in pegawai.dimensi %}")
    b.sentence("d.kalimat")
    b.tag("{%p if d.grafik %}")
    b.figure("d.grafik", 1, "{{ d.judul }}")
    b.tag("{%p else %}")
    b.caption("Tabel", 1, "{{ d.judul }}")
    b.table(["{{ d.dimensi }}", "Jumlah (orang)"], [10.0, 4.0],
            [*each("r in d.rows", ["{{ r.kategori }}", "{{ r.jumlah }}"]), ["Jumlah", "{{ d.total }}"]],
            aligns="lr", bold_rows={3}, shaded={3})
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p else %}")
    b.sentence("kosong.pegawai")
    b.tag("{%p endif %}")
    pegawai_jajaran(b)
    b.h(3, "4. Sejarah dan Wilayah Kerja")
    b.tag("{%p if narasi.sejarah_dan_wilayah_kerja %}")
    b.p("{{p narasi.sejarah_dan_wilayah_kerja }}")
    b.tag("{%p elif not peta %}")
    b.sentence("kosong.sejarah")
    b.tag("{%p endif %}")
    b.optional_figure("peta", 1, "Peta Wilayah Kerja {{ satker.nama }}")
    b.figures("bab1", 1)

    b.h(2, "C. Maksud dan Tujuan")

    def maksud() -> None:
        b.paragraphs("teks.maksud")
        b.numbered("teks.tujuan_laporan")

    b.narasi_or("maksud_dan_tujuan", maksud)

    b.h(2, "D. Aspek Strategis")

    def aspek() -> None:
        b.paragraphs("teks.aspek")
        b.numbered("teks.aspek_butir")

    b.narasi_or("aspek_strategis", aspek)
    b.tag("{%p if inovasi %}")
    b.p("Inovasi yang dijalankan {{ satker.nama }} pada tahun {{ tahun }} antara lain:")
    b.tag("{%p for x in inovasi %}")
    b.bullet("{{ x.butir }}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")

    b.h(2, "E. Isu Strategis")
    b.tag("{%p if narasi.isu_strategis %}")
    b.p("{{p narasi.isu_strategis }}")
    b.tag("{%p else %}")
    b.sentence("kosong.isu_strategis")
    b.tag("{%p endif %}")

    b.h(2, "F. Sistematika Laporan")
    b.paragraphs("teks.sistematika_pengantar")
    b.numbered("teks.sistematika")
