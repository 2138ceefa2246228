"""Front matter: cover, Kata Pengantar, Daftar Isi/Tabel/Gambar, Ringkasan Eksekutif."""
from __future__ import annotations

from lkj_engine.render.layout.builder import Builder, toc


def cover(b: Builder) -> None:
    b.p(style="Sampul")
    b.p("LAPORAN KINERJA INSTANSI PEMERINTAH", "Title")
    b.p("(LKjIP)", "Sampul")
    b.p("TAHUN {{ tahun }}", "Sampul")
    b.p(style="Sampul")
    b.tag("{%p if logo %}")
    b.p("{{ logo }}", "Gambar")
    b.tag("{%p endif %}")
    b.p(style="Sampul")
    b.p("{{ satker.nama_kapital }}", "Title")
    b.tag("{%p if satker.kanwil_induk %}")
    b.p("{{ satker.kanwil_induk_kapital }}", "Sampul")
    b.tag("{%p endif %}")
    b.p("{{ kementerian_kapital }}", "Sampul")
    b.p("REPUBLIK INDONESIA", "Sampul")
    b.p(style="Sampul")
    b.p("{{ satker.alamat }}", "Teks Tabel Tengah")
    b.p("{% if satker.telepon %}Telepon {{ satker.telepon }}{% endif %}{% if satker.telepon and satker.email %}"
        " · {% endif %}{% if satker.email %}Surel {{ satker.email }}{% endif %}{% if satker.laman %}"
        " · {{ satker.laman }}{% endif %}", "Teks Tabel Tengah")


def kata_pengantar(b: Builder) -> None:
    b.h(1, "KATA PENGANTAR")
    b.narasi_or("kata_pengantar", "teks.kata_pengantar")
    b.p()
    b.p("{{ satker.tempat_tanggal }}", "Tanda Tangan")
    b.p("{{ satker.jabatan_kepala }},", "Tanda Tangan")
    for _ in range(3):
        b.p(style="Tanda Tangan")
    b.p("{{ satker.nama_kepala }}", "Tanda Tangan", bold=True)
    b.tag("{%p if satker.nip_baris %}")
    b.p("{{ satker.nip_baris }}", "Tanda Tangan")
    b.tag("{%p endif %}")


def daftar(b: Builder) -> None:
    b.h(1, "DAFTAR ISI")
    toc(b, 'TOC \\o "1-3" \\h \\z \\u', "Daftar isi diperbarui otomatis saat dokumen dibuka di Word.")
    b.h(1, "DAFTAR TABEL")
    toc(b, 'TOC \\h \\z \\c "Tabel"', "Daftar tabel diperbarui otomatis saat dokumen dibuka di Word.")
    b.h(1, "DAFTAR GAMBAR")
    toc(b, 'TOC \\h \\z \\c "Gambar"', "Daftar gambar diperbarui otomatis saat dokumen dibuka di Word.")


def ringkasan(b: Builder) -> None:
    b.h(1, "RINGKASAN EKSEKUTIF")
    b.paragraphs("teks.ringkasan")
    b.p("Dalam Perjanjian Kinerja Tahun {{ tahun }}, {{ satker.nama }} menetapkan {{ jumlah_sasaran }} "
        "Sasaran Kegiatan dengan {{ jumlah_ikk }} Indikator Kinerja Kegiatan. {{r rata_kalimat }} "
        "Rinciannya sebagai berikut:")
    b.tag("{%p for s in sasaran %}")
    b.p("{{ s.no }}.\t{{r s.ringkasan }}", "Daftar")
    b.tag("{%p endfor %}")
    b.p("{{r anggaran.kalimat }} {{r belanja.yoy }}")
    b.tag("{%p if pnbp.ringkas %}")
    b.sentence("pnbp.ringkas")
    b.tag("{%p endif %}")
    b.tag("{%p if jajaran %}")  # a Kanwil's consolidated report: the jajaran's budget and PNBP too
    b.sentence("jajaran.ringkas.anggaran")
    b.tag("{%p if jajaran.ringkas.pnbp %}")
    b.sentence("jajaran.ringkas.pnbp")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")
    b.tag("{%p if inovasi %}")
    b.p("Dalam rangka peningkatan layanan kepada masyarakat, pada tahun {{ tahun }} {{ satker.nama }} "
        "menjalankan inovasi berikut:")
    b.tag("{%p for x in inovasi %}")
    b.bullet("{{ x.butir }}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.p("Capaian tersebut menjadi dasar bagi {{ satker.nama }} untuk terus meningkatkan kinerja pada tahun "
        "{{ tahun_depan }}.")

