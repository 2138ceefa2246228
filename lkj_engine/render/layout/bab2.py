"""BAB II PERENCANAAN KINERJA: Rencana Strategis, risk register, Perjanjian Kinerja and its budget."""
from __future__ import annotations

from lkj_engine.render.layout.builder import Builder
from lkj_engine.render.layout.kegiatan import kegiatan_table
from lkj_engine.render.layout.rujukan import PANRB


def bab2(b: Builder) -> None:
    b.h(1, "BAB II PERENCANAAN KINERJA")
    b.h(2, "A. Rencana Strategis")

    def renstra() -> None:
        b.p("Rencana Strategis (Renstra) adalah dokumen perencanaan lima tahunan yang memuat tujuan, sasaran, "
            "arah kebijakan, strategi, target kinerja dan kerangka pendanaan. Sesuai Peraturan Presiden Nomor 80 "
            "Tahun 2025 tentang Penyusunan Rencana Strategis dan Rencana Kerja Kementerian/Lembaga, Renstra "
            "merupakan penjabaran Rencana Pembangunan Jangka Menengah Nasional (RPJMN) 2025-2029. Renstra "
            "{{ satker.nama }} mengacu pada Peraturan Menteri Imigrasi dan Pemasyarakatan Nomor 11 Tahun 2025 "
            "tentang Rencana Strategis Kementerian Imigrasi dan Pemasyarakatan Tahun 2025-2029 dan Rencana "
            "Strategis Direktorat Jenderal Imigrasi Tahun 2025-2029.")
        b.p("Visi {{ kementerian }} adalah “Terwujudnya Penegakan Hukum dan Pelayanan Keimigrasian dan "
            "Pemasyarakatan yang Berintegritas, Berkeadilan, serta Mendukung Keamanan Nasional yang Tangguh "
            "Menuju Indonesia Emas 2045”, dengan misi:")
        b.items(["1.\tMewujudkan penegakan hukum dan pelayanan bidang keimigrasian dan pemasyarakatan yang "
                 "berintegritas dan berkeadilan; dan",
                 "2.\tMewujudkan tata kelola penyelenggaraan keimigrasian dan pemasyarakatan yang modern, "
                 "profesional, dan berintegritas."])
        b.p("Visi dan misi tersebut dijabarkan ke dalam tujuan berikut:")
        b.items(["1.\tMeningkatkan kualitas penegakan dan pelayanan hukum bidang keimigrasian dan "
                 "pemasyarakatan dalam rangka menjaga tegaknya kedaulatan negara serta mewujudkan reintegrasi "
                 "sosial, dengan indikator Indeks penegakan dan pelayanan hukum bidang Imigrasi dan "
                 "Pemasyarakatan; dan",
                 "2.\tMeningkatkan kualitas sistem keimigrasian dan pemasyarakatan yang modern, terintegrasi, "
                 "dan akuntabel melalui pengembangan kompetensi dan profesionalisme sumber daya manusia, dengan "
                 "indikator Indeks Reformasi Birokrasi Kementerian Imigrasi dan Pemasyarakatan."])
        b.p("Dalam pelaksanaan tugas dan fungsi, seluruh satuan kerja di lingkungan {{ kementerian }} "
            "berpegang pada nilai utama PRIMA: Profesional, Responsif, Integritas, Modern, dan Akuntabel.")

    b.narasi_or("rencana_strategis", renstra)
    b.h(3, "1. Sasaran Kegiatan dan Indikator Kinerja Kegiatan")
    b.p("Tujuan tersebut diturunkan menjadi Sasaran Program Direktorat Jenderal Imigrasi dan selanjutnya "
        "menjadi Sasaran Kegiatan {{ satker.nama }}. Pada tahun {{ tahun }} terdapat {{ jumlah_sasaran }} "
        "Sasaran Kegiatan dengan {{ jumlah_ikk }} Indikator Kinerja Kegiatan, yaitu:")
    b.tag("{%p for s in sasaran %}")
    b.p("{{ s.no }}.\tSasaran Kegiatan {{ s.nama }}, dengan Indikator Kinerja Kegiatan:", "Daftar")
    b.tag("{%p for k in s.ikk %}")
    b.p("{{ k.huruf }}.\t{{ k.nama }} dengan target {{ k.target }};", "Daftar 2")
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
            [["{%tr for g in risiko_register %}", "", "", "", ""],
             ["{{ g.ikk }}", "", "", "", ""],
             ["{%tr for r in g.rows %}", "", "", "", ""],
             ["{{ r.no }}", "{{ r.indikasi }}", "{{ r.perlakuan }}", "{{ r.penanggung_jawab }}",
              "{{ r.indikator_keberhasilan }}"],
             ["{%tr endfor %}", "", "", "", ""],
             ["{%tr endfor %}", "", "", "", ""]],
            aligns="cllll", merges={1: [(0, 4)]}, shaded={1}, bold_rows={1}, keep={1})
    b.tag("{%p else %}")
    b.sentence("kosong.risiko")
    b.tag("{%p endif %}")

    b.h(2, "B. Perjanjian Kinerja")
    b.p(f"Berdasarkan {PANRB}, Perjanjian Kinerja adalah lembar/dokumen yang berisikan penugasan dari pimpinan "
        "instansi yang lebih tinggi kepada pimpinan instansi yang lebih rendah untuk melaksanakan "
        "program/kegiatan yang disertai dengan indikator kinerja. Melalui perjanjian kinerja terwujud komitmen "
        "penerima amanah dan kesepakatan antara penerima dan pemberi amanah atas kinerja terukur berdasarkan "
        "tugas, fungsi dan wewenang serta sumber daya yang tersedia.")
    b.p("Perjanjian Kinerja Tahun {{ tahun }} ditandatangani oleh {{ satker.jabatan_kepala }} selaku penerima "
        "amanah{% if satker.ada_atasan %} dan {{ satker.jabatan_atasan }} selaku pemberi amanah{% endif %}, "
        "dengan target kinerja sebagai berikut:")
    b.caption("Tabel", 2, "Perjanjian Kinerja {{ satker.nama }} Tahun {{ tahun }}")
    b.table(["Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target"], [5.0, 7.5, 3.0],
            [["{%tr for s in sasaran %}", "", ""], ["{%tr for k in s.ikk %}", "", ""],
             ["{% vm %}{{ s.no }}. {{ s.nama }}", "{{ k.nama }}", "{{ k.target }}"],
             ["{%tr endfor %}", "", ""], ["{%tr endfor %}", "", ""]],
            numbers=True, aligns="llr")
    b.tag("{%p if anggaran.ada %}")
    b.p("Pencapaian target tersebut didukung anggaran DIPA Tahun Anggaran {{ tahun }} sebagai berikut:")
    b.caption("Tabel", 2, "Anggaran Perjanjian Kinerja Tahun {{ tahun }}")
    kegiatan_table(b, pagu_only=True)
    b.tag("{%p endif %}")
    b.tag("{%p if belanja.dipa %}")
    b.p("{{r belanja.dipa }} {{r sumber_dana.kalimat }}")
    b.tag("{%p endif %}")

