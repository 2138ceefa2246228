"""BAB III.A, one IKK: its analyses a)-e) inside the template's ``for k in s.ikk`` loop."""
from __future__ import annotations

from lkj_engine.render.layout.builder import Builder


def ikk_analysis(b: Builder) -> None:
    """The five analyses a)-e) of one IKK (inside ``for k in s.ikk``)."""
    b.h(4, "{{ k.huruf }}. Indikator Kinerja Kegiatan {{ k.nama }}")
    b.tag("{%p if k.penjelasan %}")
    b.p("{{p k.penjelasan }}")
    b.tag("{%p endif %}")
    b.sentence("k.kalimat_polaritas")

    b.h(5, "a) Perbandingan target dan realisasi kinerja tahun {{ tahun }}")
    b.tag("{%p if k.komposit %}")
    b.p("Realisasi indikator ini merupakan indeks komposit yang dihitung dari komponen-komponennya. "
        "Nilai setiap komponen induk adalah jumlah dari nilai komponen di bawahnya dikalikan bobotnya, "
        "dengan perhitungan sebagai berikut.")
    b.tag("{%p for bl in k.blok %}")
    b.p("{{ bl.judul }}", "Judul Blok")
    b.tag("{%p for t in bl.layanan %}")
    b.caption("Tabel", 3, "{{ t.judul }}")
    b.table(["Jenis Layanan", "Standar Waktu", "Diterima", "Terbit", "Ditolak", "Batal Sistem",
             "Sesuai Syarat", "Tepat Waktu"], [3.6, 1.7, 1.7, 1.7, 1.6, 1.7, 1.7, 1.8],
            [["{%tr for r in t.rows %}", "", "", "", "", "", "", ""],
             ["{{ r.jenis }}", "{{ r.standar }}", "{{ r.diterima }}", "{{ r.terbit }}", "{{ r.ditolak }}",
              "{{ r.batal }}", "{{ r.sesuai_syarat }}", "{{ r.tepat_waktu }}"],
             ["{%tr endfor %}", "", "", "", "", "", "", ""]],
            aligns="lcrrrrrr")
    b.tag("{%p endfor %}")
    b.caption("Tabel", 3, "{{ bl.tabel_judul }}")
    b.table(["Kode", "Komponen", "Data", "Nilai", "Bobot"], [2.0, 5.1, 5.0, 1.9, 1.5],
            [["{%tr for r in bl.rows %}", "", "", "", ""],
             ["{{ r.kode }}", "{{ r.nama }}", "{{ r.data }}", "{{ r.nilai }}", "{{ r.bobot }}"],
             ["{%tr endfor %}", "", "", "", ""]],
            aligns="cllrr")
    b.tag("{%p for f in bl.rumus %}")
    b.p("{{ f }}", "Rumus")
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")
    b.tag("{%p if k.realisasi_diketik %}")
    b.sentence("k.realisasi_diketik")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")
    b.p("Capaian dihitung dengan membandingkan realisasi terhadap target:")
    b.p("{{ k.rumus_capaian }}", "Rumus")
    b.sentence("k.kalimat_capaian")

    b.h(5, "b) Perbandingan realisasi dan capaian dengan tahun sebelumnya")
    b.tag("{%p if k.riwayat.rows %}")
    b.caption("Tabel", 3, "{{ k.riwayat.judul }}")
    b.table(["Tahun", "Target", "Realisasi", "Capaian"], [2.5, 4.3, 4.3, 4.4],
            [["{%tr for r in k.riwayat.rows %}", "", "", ""],
             ["{{ r.tahun }}", "{{ r.target }}", "{{ r.realisasi }}", "{{ r.capaian }}"],
             ["{%tr endfor %}", "", "", ""]],
            aligns="crrr")
    b.tag("{%p endif %}")
    b.sentence("k.riwayat.kalimat")

    b.h(5, "c) Perbandingan realisasi dengan target jangka menengah")
    b.tag("{%p if k.jangka_menengah.rumus %}")
    b.p("{{ k.jangka_menengah.rumus }}", "Rumus")
    b.tag("{%p endif %}")
    b.sentence("k.jangka_menengah.kalimat")

    b.h(5, "d) Perbandingan realisasi dengan standar nasional")
    b.tag("{%p if k.standar_nasional.rumus %}")
    b.p("{{ k.standar_nasional.rumus }}", "Rumus")
    b.tag("{%p endif %}")
    b.sentence("k.standar_nasional.kalimat")

    b.h(5, "e) Analisis keberhasilan/kegagalan, efisiensi sumber daya, program penunjang, kendala dan solusi")
    b.tag("{%p if k.analisis %}")
    b.tag("{%p for a in k.analisis %}")
    b.p("{{ a.nomor }} {{ a.judul }}", "Judul Blok")
    b.p("{{p a.isi }}")
    b.tag("{%p endfor %}")
    b.tag("{%p else %}")
    b.sentence("k.analisis_kosong")
    b.tag("{%p endif %}")
    b.p("{{ k.risiko_nomor }} Analisis manajemen risiko", "Judul Blok")
    b.tag("{%p if k.risiko %}")
    b.p("Realisasi penanganan risiko {{ k.nama }} selama tahun {{ tahun }} adalah sebagai berikut:")
    b.caption("Tabel", 3, "Realisasi Manajemen Risiko {{ k.nama }}")
    b.table(["No", "Indikasi Risiko", "Jumlah Kejadian", "Perlakuan Risiko", "Realisasi Perlakuan",
             "Keterangan"], [0.9, 3.5, 1.9, 3.3, 3.3, 2.6],
            [["{%tr for r in k.risiko %}", "", "", "", "", ""],
             ["{{ r.no }}", "{{ r.indikasi }}", "{{ r.kejadian }}", "{{ r.perlakuan }}",
              "{{ r.realisasi_perlakuan }}", "{{ r.keterangan }}"],
             ["{%tr endfor %}", "", "", "", "", ""]],
            aligns="clclll")
    b.tag("{%p else %}")
    b.sentence("k.risiko_kosong")
    b.tag("{%p endif %}")

