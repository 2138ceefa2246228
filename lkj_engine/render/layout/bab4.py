"""BAB IV PENUTUP (kesimpulan, saran) and the LAMPIRAN (the clerk's scans of the signed PK and other documents)."""
from __future__ import annotations

from lkj_engine.render.layout.builder import Builder
from lkj_engine.render.layout.ooxml import add_field


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
    """The signed documents as the clerk scanned them (Gambar sheet): the PK of the report year, of the
    next year, then the others, each picture on a page of its own under its caption; a PK without a
    scan is one sentence below the heading saying what belongs there (the PK's content is BAB II.B's
    table)."""
    b.h(1, "LAMPIRAN")
    b.paragraphs("teks.lampiran")
    # the sentences stay on the heading's page, never below another document's scan
    for key in ("lampiran_pk", "lampiran_pk_berikut"):
        b.tag(f"{{%p if not gambar.{key} %}}")
        b.paragraphs(f"teks.{key}_kosong")
        b.tag("{%p endif %}")
    for key in ("lampiran_pk", "lampiran_pk_berikut", "lampiran_lain"):
        b.tag(f"{{%p for f in gambar.{key} %}}")
        _page(b)
        b.tag("{%p endfor %}")


def _page(b: Builder) -> None:
    """One Lampiran page: "Lampiran n. <Judul>" at the top (a SEQ field, numbered after rendering so a
    picture left out leaves no gap), then the picture, scaled by the renderer to fill the page."""
    para = b.p(style="Caption")
    para.paragraph_format.page_break_before = True
    para.paragraph_format.keep_with_next = True
    para.add_run("Lampiran ")
    add_field(para, "SEQ Lampiran \\* ARABIC", "1")
    para.add_run(". {{ f.judul }}")
    b.p("{{ f.img }}", "Gambar")
