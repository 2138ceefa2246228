"""BAB III.A, one IKK: its analyses a)-h) inside the template's ``for k in s.ikk`` loop, in the order the
2025 seeds use: a) target, b) earlier years, c) Renstra/RPJMN, d) national standard, e) keberhasilan/
kegagalan and solutions, f) efisiensi sumber daya, g) program penunjang, h) manajemen risiko."""
from __future__ import annotations

from lkj_engine.render.layout.builder import Builder, each


def _uraian(b: Builder, key: str) -> None:
    """The clerk's own words after a computed comparison (Analisis IKK ``Uraian …``), when given."""
    b.tag(f"{{%p if k.uraian.{key} %}}")
    b.p(f"{{{{p k.uraian.{key} }}}}")
    b.tag("{%p endif %}")


def _clerk_part(b: Builder, key: str) -> None:
    """e)-g): the part's Analisis IKK columns (a label over each when it has several), or one sentence."""
    b.tag(f"{{%p if k.{key}.blok %}}")
    b.tag(f"{{%p for bl in k.{key}.blok %}}")
    b.tag("{%p if bl.label %}")
    b.p("{{ bl.label }}", "Judul Blok")
    b.tag("{%p endif %}")
    b.p("{{p bl.isi }}")
    b.tag("{%p endfor %}")
    b.tag("{%p else %}")
    b.sentence(f"k.{key}.kosong")
    b.tag("{%p endif %}")


def ikk_analysis(b: Builder) -> None:
    """The analyses a)-h) of one IKK (inside ``for k in s.ikk``)."""
    b.h(4, "{{ k.huruf }}. Indikator Kinerja Kegiatan {{ k.nama }}")
    b.tag("{%p if k.penjelasan %}")
    b.p("{{p k.penjelasan }}")
    b.tag("{%p endif %}")
    b.tag("{%p if k.kalimat_polaritas %}")  # empty when the clerk's explanation states the polarity
    b.sentence("k.kalimat_polaritas")
    b.tag("{%p endif %}")

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
            each("r in t.rows", ["{{ r.jenis }}", "{{ r.standar }}", "{{ r.diterima }}", "{{ r.terbit }}",
                                 "{{ r.ditolak }}", "{{ r.batal }}", "{{ r.sesuai_syarat }}", "{{ r.tepat_waktu }}"]),
            aligns="lcrrrrrr")
    b.tag("{%p endfor %}")
    b.caption("Tabel", 3, "{{ bl.tabel_judul }}")
    b.table(["Kode", "Komponen", "Data", "Nilai", "Bobot"], [2.0, 5.1, 5.0, 1.9, 1.5],
            each("r in bl.rows", ["{{ r.kode }}", "{{ r.nama }}", "{{ r.data }}", "{{ r.nilai }}", "{{ r.bobot }}"]),
            aligns="cllrr")
    b.tag("{%p for f in bl.rumus %}")
    b.p("{{ f }}", "Rumus")
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")
    b.tag("{%p elif k.rasio.rumus %}")  # a single ratio is a percentage, not an index
    b.sentence("k.rasio.kalimat")
    b.p("{{ k.rasio.rumus }}", "Rumus")
    b.tag("{%p endif %}")
    b.tag("{%p if k.realisasi_diketik %}")
    b.sentence("k.realisasi_diketik")
    b.tag("{%p endif %}")
    b.tag("{%p if k.survei %}")
    b.sentence("k.survei")
    b.tag("{%p endif %}")
    b.p("Capaian dihitung dengan membandingkan realisasi terhadap target:")
    b.p("{{ k.rumus_capaian }}", "Rumus")
    b.sentence("k.kalimat_capaian")
    _uraian(b, "target")

    b.h(5, "b) Perbandingan realisasi dan capaian dengan tahun sebelumnya")
    b.tag("{%p if k.riwayat.rows %}")
    b.caption("Tabel", 3, "{{ k.riwayat.judul }}")
    b.table(["Tahun", "Target", "Realisasi", "Capaian"], [2.5, 4.3, 4.3, 4.4],
            each("r in k.riwayat.rows", ["{{ r.tahun }}", "{{ r.target }}", "{{ r.realisasi }}", "{{ r.capaian }}"]),
            aligns="crrr")
    b.tag("{%p endif %}")
    b.sentence("k.riwayat.kalimat")
    _uraian(b, "tahun_lalu")

    b.h(5, "c) Perbandingan realisasi dengan target jangka menengah (Renstra/RPJMN)")
    b.tag("{%p if k.jangka_menengah.rumus %}")
    b.p("{{ k.jangka_menengah.rumus }}", "Rumus")
    b.tag("{%p endif %}")
    b.sentence("k.jangka_menengah.kalimat")
    _uraian(b, "jangka_menengah")

    b.h(5, "d) Perbandingan realisasi dengan standar nasional")
    b.tag("{%p if k.standar_nasional.tabel %}")
    b.caption("Tabel", 3, "Perbandingan Realisasi {{ k.nama }} dengan Standar Nasional")
    b.table(["Uraian", "Target", "Realisasi", "Capaian"], [5.5, 3.3, 3.3, 3.4],
            each("r in k.standar_nasional.tabel",
                 ["{{ r.uraian }}", "{{ r.target }}", "{{ r.realisasi }}", "{{ r.capaian }}"]),
            aligns="lrrr")
    b.tag("{%p endif %}")
    b.tag("{%p if k.standar_nasional.rumus %}")
    b.p("{{ k.standar_nasional.rumus }}", "Rumus")
    b.tag("{%p endif %}")
    b.sentence("k.standar_nasional.kalimat")
    _uraian(b, "standar_nasional")

    b.h(5, "e) Analisis keberhasilan/kegagalan serta alternatif solusi")
    _clerk_part(b, "keberhasilan")
    b.h(5, "f) Analisis atas efisiensi sumber daya")
    _clerk_part(b, "efisiensi")
    b.h(5, "g) Analisis program/kegiatan yang menunjang keberhasilan/kegagalan")
    _clerk_part(b, "program")

    b.h(5, "h) Analisis manajemen risiko")
    b.tag("{%p if k.uraian_risiko %}")
    b.p("{{p k.uraian_risiko }}")
    b.tag("{%p endif %}")
    b.tag("{%p if k.risiko %}")
    b.p("Realisasi penanganan risiko {{ k.nama }} selama tahun {{ tahun }} adalah sebagai berikut:")
    b.caption("Tabel", 3, "Realisasi Manajemen Risiko {{ k.nama }}")
    b.table(["No", "Indikasi Risiko", "Jumlah Kejadian", "Perlakuan Risiko", "Realisasi Perlakuan",
             "Keterangan"], [0.9, 3.5, 1.9, 3.3, 3.3, 2.6],
            each("r in k.risiko", ["{{ r.no }}", "{{ r.indikasi }}", "{{ r.kejadian }}", "{{ r.perlakuan }}",
                                   "{{ r.realisasi_perlakuan }}", "{{ r.keterangan }}"]),
            aligns="clrlll")
    b.tag("{%p elif not k.uraian_risiko %}")
    b.sentence("k.risiko_kosong")
    b.tag("{%p endif %}")
