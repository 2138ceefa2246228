"""BAB I PENDAHULUAN: latar belakang, tugas dan fungsi, struktur, SDM, wilayah, maksud, aspek, isu, sistematika."""
from __future__ import annotations

from lkj_engine.render.layout.builder import Builder
from lkj_engine.render.layout.rujukan import PEDOMAN, SAKIP
from lkj_engine.render.layout.jajaran import pegawai_jajaran


def bab1(b: Builder) -> None:
    b.h(1, "BAB I PENDAHULUAN")
    b.h(2, "A. Latar Belakang")

    def latar() -> None:
        b.p(f"Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) sebagaimana diatur dalam {SAKIP} "
            "mewajibkan setiap instansi pemerintah mempertanggungjawabkan pelaksanaan tugas, fungsi dan "
            "penggunaan anggarannya melalui laporan kinerja yang disusun setiap tahun.")
        b.p("{{ satker.nama }} sebagai {% if satker.kanwil %}instansi vertikal{% else %}Unit Pelaksana "
            "Teknis{% endif %} Direktorat Jenderal Imigrasi pada {{ kementerian }} yang melaksanakan "
            "pelayanan dan penegakan hukum keimigrasian di wilayah kerjanya wajib mempertanggungjawabkan "
            "amanat yang diberikan. Sebagai wujud pertanggungjawaban tersebut disusunlah Laporan Kinerja "
            "Instansi Pemerintah (LKjIP) Tahun {{ tahun }}.")
        b.p("Laporan kinerja ini merupakan bentuk akuntabilitas kinerja, sarana evaluasi pencapaian target "
            "yang telah direncanakan, pengendalian pelaksanaan kegiatan, serta bahan masukan untuk perbaikan "
            "kualitas pelayanan publik keimigrasian di masa mendatang. Melalui laporan ini {{ satker.nama }} "
            "menunjukkan komitmen terhadap prinsip tata kelola pemerintahan yang baik, transparan dan "
            "akuntabel.")

    b.narasi_or("latar_belakang", latar)

    b.h(2, "B. Tugas, Fungsi dan Struktur Organisasi")
    b.h(3, "1. Tugas dan Fungsi")

    def tugas() -> None:
        b.p("{{ satker.nama }} merupakan {% if satker.kanwil %}instansi vertikal Direktorat Jenderal Imigrasi "
            "di Provinsi {{ satker.provinsi }}{% else %}Unit Pelaksana Teknis Direktorat Jenderal Imigrasi"
            "{% if satker.kanwil_induk %} di bawah {{ satker.kanwil_induk }}{% endif %}{% endif %} yang "
            "melaksanakan sebagian tugas dan fungsi {{ kementerian }} di bidang keimigrasian. Sesuai "
            "Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian sebagaimana terakhir diubah dengan "
            "Undang-Undang Nomor 63 Tahun 2024, fungsi keimigrasian yang dilaksanakan meliputi:")
        b.items(["1.\tPelayanan keimigrasian;", "2.\tPenegakan hukum keimigrasian;",
                 "3.\tPengamanan negara; dan", "4.\tFasilitasi pembangunan kesejahteraan masyarakat."])

    b.narasi_or("tugas_dan_fungsi", tugas)
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
            [["{%tr for r in d.rows %}", ""], ["{{ r.kategori }}", "{{ r.jumlah }}"], ["{%tr endfor %}", ""],
             ["Jumlah", "{{ d.total }}"]], aligns="lr", bold_rows={3}, shaded={3})
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
    b.tag("{%p if peta %}")
    b.figure("peta", 1, "Peta Wilayah Kerja {{ satker.nama }}")
    b.tag("{%p endif %}")
    b.figures("bab1", 1)

    b.h(2, "C. Maksud dan Tujuan")

    def maksud() -> None:
        b.p("Maksud penyusunan Laporan Kinerja {{ satker.nama }} Tahun {{ tahun }} adalah memberikan "
            "informasi kepada pimpinan, pemangku kepentingan dan masyarakat mengenai pelaksanaan Perjanjian "
            "Kinerja serta pengelolaan anggaran selama tahun {{ tahun }}. Adapun tujuan penyusunannya adalah:")
        b.items(["1.\tMemberikan informasi kinerja yang terukur kepada pemberi mandat atas kinerja yang telah "
                 "dan seharusnya dicapai; dan",
                 "2.\tMenjadi sarana perbaikan berkesinambungan bagi {{ satker.nama }} untuk meningkatkan "
                 "kinerjanya."])

    b.narasi_or("maksud_dan_tujuan", maksud)

    b.h(2, "D. Aspek Strategis")

    def aspek() -> None:
        b.p("{{ satker.nama }} merupakan perpanjangan tangan Direktorat Jenderal Imigrasi dalam menjalankan "
            "fungsi keimigrasian di wilayah kerjanya. Beberapa aspek strategis keberadaannya adalah:")
        b.items([
            "1.\tMemberikan pelayanan keimigrasian, yaitu penerbitan dokumen perjalanan Republik Indonesia bagi "
            "warga negara Indonesia serta pemberian, perpanjangan dan alih status izin tinggal bagi orang asing "
            "yang memenuhi syarat;",
            "2.\tMelakukan pengawasan terhadap keberadaan dan kegiatan orang asing serta penegakan hukum "
            "keimigrasian, baik secara preventif maupun represif, guna menjaga kedaulatan dan keamanan negara;",
            "3.\tMengatur dan mengawasi lalu lintas orang yang masuk atau keluar wilayah Indonesia sesuai "
            "ketentuan peraturan perundang-undangan; dan",
            "4.\tMelaksanakan tata kelola pemerintahan yang baik melalui reformasi birokrasi, pembangunan Zona "
            "Integritas, penerapan Sistem Pemerintahan Berbasis Elektronik, dan inovasi pelayanan publik.",
        ])

    b.narasi_or("aspek_strategis", aspek)
    b.tag("{%p if inovasi %}")
    b.p("Inovasi yang dijalankan {{ satker.nama }} pada tahun {{ tahun }} antara lain:")
    b.tag("{%p for x in inovasi %}")
    b.bullet("{{ x.label }}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")

    b.h(2, "E. Isu Strategis")
    b.tag("{%p if narasi.isu_strategis %}")
    b.p("{{p narasi.isu_strategis }}")
    b.tag("{%p else %}")
    b.sentence("kosong.isu_strategis")
    b.tag("{%p endif %}")

    b.h(2, "F. Sistematika Laporan")
    b.p(f"Sistematika Laporan Kinerja {{{{ satker.nama }}}} Tahun {{{{ tahun }}}} berpedoman pada {PEDOMAN}, "
        "sebagai berikut:")
    b.items([
        "1.\tBAB I PENDAHULUAN, berisi latar belakang, tugas, fungsi dan struktur organisasi, maksud dan "
        "tujuan, aspek strategis, isu strategis, serta sistematika laporan.",
        "2.\tBAB II PERENCANAAN KINERJA, berisi ikhtisar Rencana Strategis dan Perjanjian Kinerja Tahun "
        "{{ tahun }}.",
        "3.\tBAB III AKUNTABILITAS KINERJA, berisi capaian kinerja setiap Sasaran Kegiatan beserta "
        "analisisnya (perbandingan target dan realisasi, perbandingan dengan tahun sebelumnya, dengan target "
        "jangka menengah dan standar nasional, analisis keberhasilan/kegagalan, efisiensi sumber daya, dan "
        "manajemen risiko), realisasi anggaran, capaian kinerja anggaran, serta capaian lainnya.",
        "4.\tBAB IV PENUTUP, berisi simpulan atas capaian kinerja dan saran untuk peningkatan kinerja.",
        "5.\tLAMPIRAN, berisi Perjanjian Kinerja Tahun {{ tahun }} dan dokumen pendukung lainnya.",
    ])

