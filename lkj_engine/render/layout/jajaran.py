"""The jajaran tables of a Kanwil's report, each under ``{%p if jajaran %}`` so a Kanim's report is unchanged.

One function per place seed 000 puts them: `pegawai_jajaran` (BAB I.B.3), `capaian_jajaran` (III.A),
`anggaran_jajaran` (III.B), `nka_jajaran` (III.C), `data_jajaran` (III.D). Numbers are right-aligned
("Teks Tabel Angka"), JUMLAH rows bold and shaded. A wide table sits between two marker paragraphs
(`landscape`): after rendering, `render.landscape` turns them into section breaks of a landscape
section. A table whose columns come from a loop (one per satker) carries `FIT_MARKER`, so the same
pass gives its first column room and shares the rest of the text width among the others.
Rows keep with the next (`together`: a short table moves whole; `GROUP`: a grouped table keeps each
group with its JUMLAH and breaks between groups), headers repeat, and the "-" note is printed only
when the context gives it (the table prints a "-").
"""
from __future__ import annotations

from lkj_engine.model.jajaran import RATA_IKK_LABEL
from lkj_engine.render.layout.builder import Builder, each
from lkj_engine.render.layout.ooxml import el

LANDSCAPE_START = "_lkjip_lanskap_mulai"
LANDSCAPE_END = "_lkjip_lanskap_selesai"
FIT_MARKER = "lkjip:kolom-per-satker"
MARKER_IDS = 880000  # bookmark ids of the markers, counted per template build (same build, same bytes)


def landscape(b: Builder, name: str) -> None:
    """An empty paragraph holding a hidden bookmark `name`; `render.landscape` makes it a section break."""
    para = b.p(style="Teks Tabel")
    ident = str(MARKER_IDS + sum(1 for _ in b.doc.element.body.iter(el("w:bookmarkStart").tag)) + 1)
    para._p.append(el("w:bookmarkStart", w_id=ident, w_name=name))
    para._p.append(el("w:bookmarkEnd", w_id=ident))


def _mark_fit(table) -> None:
    table._tbl.tblPr.append(el("w:tblDescription", w_val=FIT_MARKER))


def _merge_header(table, spans: list[tuple[int, int, int, int]]) -> None:
    """Merge header cells (row, col) → (row, col); only the first cell's text stays."""
    for r1, c1, r2, c2 in spans:
        merged = table.cell(r1, c1).merge(table.cell(r2, c2))
        for extra in merged.paragraphs[1:]:
            extra._p.getparent().remove(extra._p)


def note(b: Builder, key: str) -> None:
    """The "-" note of one table; its context gives "" when the table prints no "-"."""
    b.tag("{%p if " + key + " %}")
    b.p("{{ " + key + " }}", "Catatan")
    b.tag("{%p endif %}")


# A grouped table (group row, its rows, its JUMLAH; may run over a page): each group stays together,
# so a JUMLAH never sits alone, and the table breaks between groups.
GROUP = {1, 3}


def together(rows: int) -> set[int]:
    """Every row but the last keeps with the next: a short table moves whole, a JUMLAH never sits alone."""
    return set(range(rows - 1))


def total_table(b: Builder, headers: list[str], widths: list[float], loop: str, row: list[str],
                total: list[str], **options: object):
    """One row per item of `loop`, then the JUMLAH row (bold, shaded); the short table moves whole."""
    return b.table(headers, widths, [*each(loop, row), total], bold_rows={3}, shaded={3}, keep=together(4),
                   **options)


def grouped_table(b: Builder, headers: list[str], widths: list[float], groups: str, title: str, lines: str,
                  row: list[str], total: list[str]) -> None:
    """Per group of `groups`: its title row across the table, one row per item of `lines` (indented),
    its JUMLAH; each group stays together (`GROUP`)."""
    title_row = [title] + [""] * (len(headers) - 1)
    b.table(headers, widths, each(groups, title_row, *each(lines, row), total),
            aligns="l" + "r" * (len(headers) - 1), merges={1: [(0, len(headers) - 1)]}, shaded={1, 5},
            bold_rows={1, 5}, keep=GROUP, indent={3: [0]})


# ---------------------------------------------------------------- BAB I

def pegawai_jajaran(b: Builder) -> None:
    b.tag("{%p if jajaran %}")
    b.sentence("jajaran.pegawai.kalimat")
    b.caption("Tabel", 1, "Jumlah Pegawai per Satuan Kerja di Jajaran {{ jajaran.nama }} Tahun {{ tahun }}")
    total_table(b, ["No", "Satuan Kerja", "Jumlah Pegawai (orang)", "Porsi (%)"], [1.2, 8.3, 3.3, 2.7],
                "r in jajaran.pegawai.rows", ["{{ r.no }}", "{{ r.satker }}", "{{ r.jumlah }}", "{{ r.porsi }}"],
                ["Jumlah Jajaran", "", "{{ jajaran.pegawai.jumlah }}", "{{ jajaran.pegawai.porsi }}"],
                aligns="clrr", merges={3: [(0, 1)]})
    note(b, "jajaran.pegawai.keterangan")
    b.tag("{%p endif %}")


# ---------------------------------------------------------------- III.A

def capaian_jajaran(b: Builder) -> None:
    b.tag("{%p if jajaran %}")
    b.tag("{%p if jajaran.capaian.lanskap %}")
    landscape(b, LANDSCAPE_START)
    b.tag("{%p endif %}")
    b.p("Capaian setiap Indikator Kinerja Kegiatan pada masing-masing satuan kerja di jajaran {{ jajaran.nama }} "
        "disajikan pada tabel berikut, sehingga terlihat satuan kerja yang capaiannya masih di bawah capaian wilayah.")
    b.caption("Tabel", 3, "Capaian Indikator Kinerja Kegiatan per Satuan Kerja di Jajaran {{ jajaran.nama }} "
                          "Tahun {{ tahun }}")
    table = total_table(
        b, ["Indikator Kinerja Kegiatan", "Wilayah", "{%tc for n in jajaran.capaian.kolom %}", "{{ n }}",
            "{%tc endfor %}"], [5.5, 2.5, 2.5, 2.5, 2.5],
        "r in jajaran.capaian.rows",
        ["{{ r.nama }}", "{{ r.regional }}", "{%tc for v in r.nilai %}", "{{ v }}", "{%tc endfor %}"],
        [RATA_IKK_LABEL, "{{ jajaran.capaian.rata_regional }}", "{%tc for v in jajaran.capaian.rata %}",
         "{{ v }}", "{%tc endfor %}"],
        aligns="lrrrr")
    _mark_fit(table)
    note(b, "jajaran.capaian.keterangan")
    b.tag("{%p if jajaran.capaian.lanskap %}")
    landscape(b, LANDSCAPE_END)
    b.tag("{%p endif %}")
    b.sentences("jajaran.capaian.kalimat")
    b.optional_figure("jajaran.capaian.grafik", 3, "Rata-rata Capaian IKK Perjanjian Kinerja Kantor Wilayah per Satuan "
                      "Kerja di Jajaran Tahun {{ tahun }}")
    b.tag("{%p endif %}")


# ---------------------------------------------------------------- III.B

def anggaran_jajaran(b: Builder) -> None:
    b.tag("{%p if jajaran %}")
    b.h(3, "5. Realisasi Anggaran dan PNBP Jajaran")
    b.p("Selain DIPA {{ satker.nama }} sendiri yang diuraikan di atas, berikut realisasi anggaran seluruh satuan "
        "kerja di jajaran, yaitu Kantor Wilayah dan {{ jajaran.kanim }} Kantor Imigrasi di bawahnya.")
    b.caption("Tabel", 3, "Realisasi Anggaran Jajaran {{ jajaran.nama }} (DIPA Kantor Wilayah dan Kantor Imigrasi) "
                          "Tahun {{ tahun }}")
    total_table(b, ["Satuan Kerja", "Pagu", "Realisasi", "%", "Porsi Pagu Jajaran"], [5.2, 3.3, 3.3, 1.7, 2.0],
                "r in jajaran.anggaran.rows",
                ["{{ r.satker }}", "{{ r.pagu }}", "{{ r.realisasi }}", "{{ r.persen }}", "{{ r.porsi }}"],
                ["Jumlah Jajaran", "{{ jajaran.anggaran.jumlah.pagu }}", "{{ jajaran.anggaran.jumlah.realisasi }}",
                 "{{ jajaran.anggaran.jumlah.persen }}", "{{ jajaran.anggaran.jumlah.porsi }}"],
                aligns="lrrrr")
    b.sentences("jajaran.anggaran.kalimat")
    b.optional_figure("jajaran.anggaran.grafik", 3,
                      "Pagu dan Realisasi Anggaran per Satuan Kerja di Jajaran Tahun {{ tahun }}")

    b.tag("{%p if jajaran.belanja.ada %}")
    b.caption("Tabel", 3, "Realisasi Anggaran Jajaran menurut Jenis Belanja per Satuan Kerja Tahun {{ tahun }}")
    grouped_table(b, ["Jenis Belanja", "Pagu", "Realisasi", "%"], [6.5, 3.6, 3.6, 1.8],
                  "g in jajaran.belanja.kelompok", "{{ g.judul }}", "x in g.lines",
                  ["{{ x.label }}", "{{ x.pagu }}", "{{ x.realisasi }}", "{{ x.persen }}"],
                  ["{{ g.jumlah.label }}", "{{ g.jumlah.pagu }}", "{{ g.jumlah.realisasi }}", "{{ g.jumlah.persen }}"])
    b.sentences("jajaran.belanja.kalimat")
    b.tag("{%p endif %}")

    b.tag("{%p if jajaran.pnbp.ada %}")
    landscape(b, LANDSCAPE_START)
    b.caption("Tabel", 3, "Target dan Realisasi PNBP per Satuan Kerja di Jajaran Tahun {{ jajaran.pnbp.lalu }} "
                          "dan {{ jajaran.pnbp.ini }}")
    header = ["Satuan Kerja", "Tahun {{ jajaran.pnbp.lalu }}", "", "", "Tahun {{ jajaran.pnbp.ini }}", "", "",
              "Pertumbuhan Realisasi"]
    cells = ["{{ r.nilai[%d] }}" % i for i in range(7)]
    jumlah = ["{{ jajaran.pnbp.jumlah[%d] }}" % i for i in range(7)]
    table = total_table(b, header, [4.6, 3.2, 3.4, 1.9, 3.2, 3.4, 1.9, 2.6],
                        "r in jajaran.pnbp.rows", ["{{ r.satker }}", *cells], ["Jumlah Jajaran", *jumlah],
                        header_rows=[header, ["", "Target", "Realisasi", "%", "Target", "Realisasi", "%", ""]],
                        aligns="lrrrrrrr")
    _merge_header(table, [(0, 1, 0, 3), (0, 4, 0, 6), (0, 0, 1, 0), (0, 7, 1, 7)])
    note(b, "jajaran.pnbp.keterangan")
    b.sentences("jajaran.pnbp.kalimat")
    landscape(b, LANDSCAPE_END)
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")


# ---------------------------------------------------------------- III.C

def nka_jajaran(b: Builder) -> None:
    b.tag("{%p if jajaran %}")
    b.tag("{%p if jajaran.nka.ada %}")
    b.p("Nilai Kinerja Anggaran setiap satuan kerja di jajaran {{ jajaran.nama }} tahun {{ tahun }} dan rata-ratanya "
        "adalah sebagai berikut.")
    b.caption("Tabel", 3, "Nilai Kinerja Anggaran per Satuan Kerja di Jajaran {{ jajaran.nama }} Tahun {{ tahun }}")
    total_table(b, ["Satuan Kerja", "Nilai Kinerja Perencanaan", "Nilai Kinerja Pelaksanaan",
                    "Nilai Kinerja Anggaran"], [5.5, 3.3, 3.3, 3.4], "r in jajaran.nka.rows",
                ["{{ r.satker }}", "{{ r.perencanaan }}", "{{ r.pelaksanaan }}", "{{ r.nka }}"],
                ["Rata-rata Jajaran", "{{ jajaran.nka.rata.perencanaan }}", "{{ jajaran.nka.rata.pelaksanaan }}",
                 "{{ jajaran.nka.rata.nka }}"],
                aligns="lrrr")
    b.sentences("jajaran.nka.kalimat")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")


# ---------------------------------------------------------------- III.D

def data_jajaran(b: Builder) -> None:
    b.tag("{%p if jajaran %}")
    b.h(3, "5. Data Layanan dan Komponen Indeks per Satuan Kerja")
    b.p("Data masukan indeks regional dari setiap satuan kerja di jajaran {{ jajaran.nama }} tahun {{ tahun }} "
        "disajikan pada tabel-tabel berikut; baris Jumlah adalah angka yang dipakai dalam perhitungan indeks wilayah.")
    b.tag("{%p for g in jajaran.layanan %}")
    b.caption("Tabel", 3, "Data Layanan {{ g.kelompok }} per Satuan Kerja Tahun {{ tahun }}")
    total_table(b, ["Satuan Kerja", "Diterima", "Diselesaikan (terbit, ditolak, batal)", "Sesuai Persyaratan",
                    "Tepat Waktu", "% Selesai", "% Tepat Waktu"],
                [3.3, 2.1, 2.4, 2.3, 2.0, 1.7, 1.7], "r in g.rows",
                ["{{ r.satker }}", "{{ r.diterima }}", "{{ r.selesai }}", "{{ r.sesuai_syarat }}",
                 "{{ r.tepat_waktu }}", "{{ r.d1 }}", "{{ r.d2 }}"],
                ["{{ g.jumlah.satker }}", "{{ g.jumlah.diterima }}", "{{ g.jumlah.selesai }}",
                 "{{ g.jumlah.sesuai_syarat }}", "{{ g.jumlah.tepat_waktu }}", "{{ g.jumlah.d1 }}",
                 "{{ g.jumlah.d2 }}"],
                aligns="lrrrrrr")
    b.p("Keterangan: Diselesaikan = terbit + ditolak + batal sistem; Sesuai Persyaratan = permohonan yang "
        "diterima dan memenuhi persyaratan; Tepat Waktu = diselesaikan dalam standar waktu layanan.", "Catatan")
    b.sentences("g.kalimat")
    b.tag("{%p endfor %}")
    b.tag("{%p for t in jajaran.komponen %}")
    b.caption("Tabel", 3, "{{ t.judul }}")
    grouped_table(b, ["Satuan Kerja", "Pembilang", "Penyebut", "Pembilang ÷ Penyebut"], [6.5, 3.2, 3.2, 2.6],
                  "leaf in t.leaves", "{{ leaf.judul }}", "r in leaf.rows",
                  ["{{ r.satker }}", "{{ r.pembilang }}", "{{ r.penyebut }}", "{{ r.rasio }}"],
                  ["Jumlah Jajaran", "{{ leaf.jumlah.pembilang }}", "{{ leaf.jumlah.penyebut }}",
                   "{{ leaf.jumlah.rasio }}"])
    note(b, "t.keterangan")
    b.sentences("t.kalimat")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")


__all__ = ["anggaran_jajaran", "capaian_jajaran", "data_jajaran", "nka_jajaran", "pegawai_jajaran",
           "LANDSCAPE_START", "LANDSCAPE_END", "FIT_MARKER"]
