"""BAB IV PENUTUP (kesimpulan, saran) and the LAMPIRAN (the PK table, signatures, the clerk's scans)."""
from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm

from lkj_engine.render.layout.builder import Builder
from lkj_engine.render.layout.kegiatan import kegiatan_table
from lkj_engine.render.layout.ooxml import TEXT_W_CM


def bab4(b: Builder) -> None:
    b.h(1, "BAB IV PENUTUP")
    b.h(2, "A. Kesimpulan")
    b.paragraphs("teks.kesimpulan")
    b.p("1.\tCapaian Perjanjian Kinerja Tahun {{ tahun }}:", "Daftar")
    b.tag("{%p for s in kesimpulan.sasaran %}")
    # numbering 1. / a. / 1) as the Pedoman's headings: the PK, each sasaran, each IKK
    b.p("{{ s.huruf }}.\t{{r s.kalimat }}", "Daftar 2")
    b.tag("{%p for i in s.ikk %}")
    b.p("{{ loop.index }})\t{{r i }}", "Daftar 3")
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")
    b.p("{{r rata_kalimat }}", "Daftar Lanjut")
    b.p("2.\t{{r anggaran.kalimat }}", "Daftar")
    b.tag("{%p if pnbp.ringkas %}")
    b.p("3.\t{{r pnbp.ringkas }}", "Daftar")
    b.tag("{%p endif %}")
    b.tag("{%p if jajaran %}")  # a Kanwil's consolidated report: the jajaran's budget and PNBP too
    b.p("{{ jajaran.ringkas.no_anggaran }}.\t{{r jajaran.ringkas.anggaran }}", "Daftar")
    b.tag("{%p if jajaran.ringkas.pnbp %}")
    b.p("{{ jajaran.ringkas.no_pnbp }}.\t{{r jajaran.ringkas.pnbp }}", "Daftar")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")
    b.tag("{%p if narasi.kesimpulan %}")
    b.p("{{p narasi.kesimpulan }}")
    b.tag("{%p endif %}")
    b.h(2, "B. Saran")
    b.tag("{%p if narasi.saran %}")
    b.p("{{p narasi.saran }}")
    b.tag("{%p else %}")
    b.paragraphs("teks.saran")
    b.tag("{%p for x in saran.solusi %}")
    b.p("{{ loop.index }}. {{ x.ikk }}", "Judul Blok")  # a numbered title over the clerk's solution
    b.p("{{p x.isi }}")
    b.tag("{%p endfor %}")
    b.tag("{%p for x in saran.default %}")
    b.p("{{r x }}", "List Bullet")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.paragraphs("teks.penutup")


def lampiran(b: Builder) -> None:
    b.h(1, "LAMPIRAN")
    b.paragraphs("teks.lampiran")
    b.p("PERJANJIAN KINERJA TAHUN {{ tahun }}", "Sampul")
    b.p("{{ satker.nama_kapital }}", "Sampul")
    b.p(style="Teks Tabel")
    b.table(["No", "Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target"], [1.0, 5.0, 6.5, 3.0],
            [["{%tr for s in sasaran %}", "", "", ""], ["{%tr for k in s.ikk %}", "", "", ""],
             ["{% vm %}{{ s.no }}", "{% vm %}{{ s.nama }}", "{{ k.nama }}", "{{ k.target }}"],
             ["{%tr endfor %}", "", "", ""], ["{%tr endfor %}", "", "", ""]],
            numbers=True, aligns="cllr")
    b.tag("{%p if anggaran.ada %}")
    kegiatan_table(b, pagu_only=True)
    b.tag("{%p endif %}")
    # signatures: one row per line so both names sit on the same line
    b.p(style="Teks Tabel")
    lines = [("{% if satker.ada_atasan %}Pihak Kedua,{% endif %}", "Pihak Pertama,"),
             ("{{ satker.jabatan_atasan }}", "{{ satker.jabatan_kepala }}"),
             ("", ""),
             ("{{ satker.nama_atasan }}", "{{ satker.nama_kepala }}"),
             ("", "{{ satker.nip_baris }}")]
    sig = b.doc.add_table(rows=len(lines), cols=2)
    sig.alignment = WD_TABLE_ALIGNMENT.CENTER
    sig.autofit = False
    for row, pair in zip(sig.rows, lines):
        if pair == ("", ""):
            row.height = Cm(2.2)
        for cell, text in zip(row.cells, pair):
            cell.width = Cm(TEXT_W_CM / 2)
            para = cell.paragraphs[0]
            para.style = b.doc.styles["Teks Tabel Tengah"]
            if text:
                para.add_run(text).bold = text.startswith("{{ satker.nama")
    b.p()
    b.tag("{%p if gambar.lampiran %}")
    b.tag("{%p for f in gambar.lampiran %}")
    b.p("{{ f.img }}", "Gambar")
    b.p("Lampiran {{ loop.index }}. {{ f.judul }}", "Teks Tabel Tengah")
    b.tag("{%p endfor %}")
    b.tag("{%p else %}")
    b.sentence("kosong.lampiran")
    b.tag("{%p endif %}")

