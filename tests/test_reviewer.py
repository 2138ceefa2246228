"""Issue 11: what a Kanwil reviewer marks in red, one test per class, on workbooks built here.

Printed arithmetic (a change or a formula a reader redoes from the printed figures gives the printed
result), the analyses a)-h) with their own Analisis IKK columns and the survey fields, Narasi overrides
that replace only their own paragraph, words that match the data, lists that end with a full stop and
BAB IV's numbering 1./a./1).
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from docx.text.paragraph import Paragraph

from engine_factory import belanja, ikk, komponen, riwayat, workbook
from lkj_engine.compute.engine import compute
from lkj_engine.contract import formatting as fmt
from lkj_engine.contract.profile import shipped_profiles
from lkj_engine.contract.schema import BELUM_DIUKUR
from lkj_engine.model import workbook as model
from lkj_engine.render.context import build_context
from lkj_engine.render.context.teks import placeholders, teks_context
from report_fixture import blocks, chapter_text, example_workbook, heading_level, render, sections

D = Decimal
NUMBER = r"-?\d{1,3}(?:\.\d{3})*(?:,\d+)?"


def num(text: str) -> Decimal:
    """An Indonesian-printed number back to Decimal: ``1.234,56`` → 1234.56, ``+4,86`` → 4.86."""
    return D(text.strip().lstrip("+").replace(".", "").replace(",", "."))


def context_of(wb: model.Workbook) -> dict:
    return build_context(compute(wb), {}, [])


def ikk_context(ctx: dict, kode: str) -> dict:
    return next(k for k in ctx["ikk"] if k["kode"] == kode)


# ---------------------------------------------------------------- printed arithmetic

def test_belanja_change_is_the_difference_of_the_printed_percentages():
    """99,36% → 94,50% prints −4,86 (the full-precision change, −4,8657, would print −4,87)."""
    wb = workbook(belanja=[belanja(2024, "Belanja Barang", 18_357_445_000, 18_240_298_534),
                           belanja(2025, "Belanja Barang", 18_531_297_000, 17_511_356_551)],
                  ikk=[ikk("IKK-1", 90, 95)])
    rows = context_of(wb)["belanja"]["perubahan"]
    assert rows
    for row in rows:
        assert num(row["perubahan"]) == num(row["ini"].rstrip("%")) - num(row["lalu"].rstrip("%")), row
    assert [r["perubahan"] for r in rows if r["jenis"] == "Belanja Barang"] == ["-4,86"]


def test_year_on_year_changes_are_differences_of_the_printed_values():
    """Realisasi 95,456 → 99,554 prints 95,46 → 99,55: "naik sebesar 4,09 poin", not 4,10."""
    wb = workbook(ikk=[ikk("IKK-1", 91, "99.554")], riwayat=[riwayat("IKK-1", 2024, 91, "95.456")])
    k = ikk_context(context_of(wb), "IKK-1")
    text = k["riwayat"]["kalimat"].text
    assert "naik sebesar 4,09 poin, dari 95,46 (Indeks) menjadi 99,55 (Indeks)" in text
    change, lalu, ini = re.search(rf"Capaiannya naik sebesar ({NUMBER}) poin persentase, dari ({NUMBER})% "
                                  rf"menjadi ({NUMBER})%", text).groups()
    assert num(change) == num(ini) - num(lalu)


def test_gap_to_the_national_standard_is_the_difference_of_the_printed_values():
    wb = workbook(ikk=[ikk("IKK-1", 91, "99.554", standar_nasional="96.516")])
    kalimat = ikk_context(context_of(wb), "IKK-1")["standar_nasional"]["kalimat"].text
    sn, real, gap = re.search(rf"sebesar ({NUMBER}) \(Indeks\)\. Realisasi tahun ini sebesar ({NUMBER}) "
                              rf"\(Indeks\) berada di atas standar nasional dengan selisih ({NUMBER}) poin",
                              kalimat).groups()
    assert num(gap) == num(real) - num(sn) == D("3.03")


SUM_LINE = re.compile(rf"^(\S+) = ((?:\({NUMBER}% × {NUMBER}\)(?: \+ )?)+) = ({NUMBER})$")
TERM = re.compile(rf"\(({NUMBER})% × ({NUMBER})\)")
RATIO_LINE = re.compile(rf"= ({NUMBER}) / ({NUMBER}) × 100% = ({NUMBER})%$")
NEGATIVE_LINE = re.compile(rf"= \(2 × ({NUMBER}) − ({NUMBER})\) / ({NUMBER}) × 100% = ({NUMBER})%$")


def formula_lines(ctx: dict) -> list[str]:
    lines = []
    for k in ctx["ikk"]:
        for bl in k["blok"]:
            lines += bl["rumus"]
        lines += [k["rumus_capaian"], k["jangka_menengah"]["rumus"], k["standar_nasional"]["rumus"]]
    return [line for line in lines if line]


def as_printed(value: Decimal, printed: str) -> Decimal:
    """`value` rounded to as many places as `printed` shows."""
    places = len(printed.split(",")[1]) if "," in printed else 0
    return fmt.display_round(value, places)


def assert_lines_hold(lines: list[str]) -> int:
    """Every weighted sum and every ratio line gives its printed result from its printed operands."""
    checked = 0
    for line in lines:
        if m := SUM_LINE.match(line):
            total = sum((num(w) / 100 * num(v) for w, v in TERM.findall(m.group(2))), D(0))
            assert as_printed(total, m.group(3)) == num(m.group(3)), line
            checked += 1
        elif m := NEGATIVE_LINE.search(line):
            x, r, x2, h = m.groups()
            assert as_printed((2 * num(x) - num(r)) / num(x2) * 100, h) == num(h), line
            checked += 1
        elif m := RATIO_LINE.search(line):
            r, x, h = m.groups()
            assert as_printed(num(r) / num(x) * 100, h) == num(h), line
            checked += 1
    return checked


def test_formula_lines_add_up_as_printed_in_the_example():
    """The example's K2 = (70% × 99,42) + (30% × 99,41) printed 99,41: the line now holds as printed."""
    assert assert_lines_hold(formula_lines(context_of(example_workbook()))) >= 20


def test_formula_lines_add_up_as_printed_for_awkward_values():
    """Children whose rounded values do not add up print with more places until the line holds."""
    wb = workbook(
        ikk=[ikk("IKK-1", 91), ikk("IKK-2", "3.51", "3.7849", polaritas="Negatif", satuan="Nilai")],
        komponen=[komponen("IKK-1", "K1", 50), komponen("IKK-1", "K2", 50),
                  komponen("IKK-1", "K1.D1", 70, "K1", pembilang=3911, penyebut=3934),
                  komponen("IKK-1", "K1.D2", 30, "K1", pembilang=3845, penyebut=3868),
                  komponen("IKK-1", "K2.D1", "33.33", "K2", pembilang=2, penyebut=3),
                  komponen("IKK-1", "K2.D2", "66.67", "K2", pembilang=1, penyebut=7)])
    ctx = context_of(wb)
    lines = formula_lines(ctx)
    assert any("99,415" in line for line in lines)  # printed to 3 places so that K1 adds up
    assert assert_lines_hold(lines) >= 5


# ---------------------------------------------------------------- the analyses a)-h)

def analysis_headings(doc, ikk_title: str) -> list[str]:
    found, inside = [], False
    for block in blocks(doc):
        if not isinstance(block, Paragraph) or not heading_level(block):
            continue
        level = heading_level(block)
        if level == 4:
            inside = block.text == ikk_title
        elif inside and level == 5:
            found.append(block.text[:2])
        elif level < 4:
            inside = False
    return found


def section_text(doc, title: str) -> str:
    """The text under one heading (to the next heading of any level)."""
    return "\n".join(next(s for s in sections(doc) if s["title"] == title)["text"])


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    """One IKK with every analysis column, one with none, and a survey-based one."""
    wb = workbook(ikk=[ikk("IKK-1", 91, "96.7", nama="Indeks Uji Lengkap"),
                       ikk("IKK-2", 90, 80, nama="Indeks Uji Kosong"),
                       ikk("IKK-3", "3.51", "3.84", nama="Indeks Kepuasan Uji", sasaran_no=2)])
    wb.analisis = [
        model.AnalisisIKK("IKK-1", keberhasilan="Penyebab keberhasilan.", kendala="Kendala utama.",
                          solusi="Solusi utama.", efisiensi_anggaran="Hemat anggaran.", efisiensi_sdm="Hemat SDM.",
                          efisiensi_aset="Hemat aset.", program="Program penunjang.",
                          uraian_target="Uraian target.", uraian_tahun_lalu="Uraian tahun lalu.",
                          uraian_jangka_menengah="Uraian Renstra.", uraian_standar_nasional="Uraian nasional.",
                          uraian_risiko="Uraian risiko.", row=2),
        model.AnalisisIKK("IKK-3", survei_dasar="surat Sekretaris Direktorat Jenderal Imigrasi Nomor IMI.1-PR.02.02-009",
                          survei_periode="Desember 2025", survei_responden=249,
                          survei_parameter="Kejelasan informasi\nKemudahan prosedur", row=3),
    ]
    out = tmp_path_factory.mktemp("analisis") / "analisis.docx"
    doc, _ = render(compute(wb), out)
    return doc


def test_every_ikk_has_the_analyses_a_to_h_in_order(analysed):
    for title in ("a. Indikator Kinerja Kegiatan Indeks Uji Lengkap", "b. Indikator Kinerja Kegiatan Indeks Uji Kosong",
                  "a. Indikator Kinerja Kegiatan Indeks Kepuasan Uji"):
        assert analysis_headings(analysed, title) == ["a)", "b)", "c)", "d)", "e)", "f)", "g)", "h)"], title


def test_each_analysis_prints_its_own_column(analysed):
    full = chapter_text(analysed, "a. Indikator Kinerja Kegiatan Indeks Uji Lengkap", level=4)
    order = ["Uraian target.", "Uraian tahun lalu.", "Uraian Renstra.", "Uraian nasional.",
             "Penyebab keberhasilan.", "Kendala utama.", "Solusi utama.", "Hemat anggaran.", "Hemat SDM.",
             "Hemat aset.", "Program penunjang.", "Uraian risiko."]
    positions = [full.index(text) for text in order]
    assert positions == sorted(positions), "each column prints in its own analysis, in order a)-h)"
    assert "Efisiensi di bidang pengelolaan aset" in full
    clerk_parts = full.split("e) Analisis keberhasilan")[1]
    assert "tidak tersedia" not in clerk_parts  # every part e)-h) has its text: no "empty" sentence


def test_an_empty_analysis_says_so_in_one_sentence(analysed):
    empty = chapter_text(analysed, "b. Indikator Kinerja Kegiatan Indeks Uji Kosong", level=4)
    for heading in ("e) Analisis keberhasilan/kegagalan serta alternatif solusi", "f) Analisis atas efisiensi sumber daya",
                    "g) Analisis program/kegiatan yang menunjang keberhasilan/kegagalan", "h) Analisis manajemen risiko"):
        part = empty.split(heading, 1)[1].strip().split("\n")[0]
        assert part.endswith("tidak tersedia."), (heading, part)


def test_survey_fields_print_in_the_survey_ikk_analysis(analysed):
    text = chapter_text(analysed, "a. Indikator Kinerja Kegiatan Indeks Kepuasan Uji", level=4)
    a = text.split("a) Perbandingan target", 1)[1].split("b) Perbandingan")[0]
    assert "survei periode Desember 2025" in a
    assert "Nomor IMI.1-PR.02.02-009" in a
    assert "2 (dua) parameter, yaitu Kejelasan informasi dan Kemudahan prosedur" in a
    assert "diperoleh nilai 3,84 (Indeks) dengan total responden sebanyak 249 (dua ratus empat puluh sembilan) orang" in a


def test_the_national_figure_gets_its_own_table():
    wb = workbook(ikk=[ikk("IKK-1", 100, "86.92", satuan="%", standar_nasional=89)])
    wb.ikk[0].target_standar_nasional = D(100)
    rows = ikk_context(context_of(wb), "IKK-1")["standar_nasional"]["tabel"]
    assert [(r["uraian"], r["target"], r["realisasi"], r["capaian"]) for r in rows] == [
        ("Nasional", "100,00%", "89,00%", "89,00%"), ("Kanim Batu Kerapu", "100,00%", "86,92%", "86,92%")]
    wb.ikk[0].target_standar_nasional = None
    assert ikk_context(context_of(wb), "IKK-1")["standar_nasional"]["tabel"] == []


# ---------------------------------------------------------------- Narasi overrides

@pytest.fixture(scope="module")
def overridden(tmp_path_factory):
    wb = example_workbook()
    wb.narasi = [n for n in wb.narasi if n.bagian not in ("Rencana Strategis", "Kata Pengantar", "Tugas dan Fungsi")]
    wb.narasi += [model.Narasi("Rencana Strategis", "Renstra kantor dalam satu kalimat.", row=60),
                  model.Narasi("Kata Pengantar", "Pengantar dari kepala kantor.", row=61),
                  model.Narasi("Tugas dan Fungsi", "Tugas kantor menurut kepala kantor.", row=62)]
    doc, _ = render(compute(wb), tmp_path_factory.mktemp("narasi") / "narasi.docx")
    return doc


def test_rencana_strategis_override_keeps_visi_misi_tujuan(overridden):
    text = section_text(overridden, "A. Rencana Strategis")
    assert text.startswith("Renstra kantor dalam satu kalimat.")
    for kept in ("Visi Kementerian Imigrasi dan Pemasyarakatan adalah", "dengan misi:", "dijabarkan ke dalam tujuan",
                 "PRIMA"):
        assert kept in text, kept
    assert "Rencana Strategis (Renstra) adalah dokumen perencanaan" not in text  # the default paragraph is replaced
    after = section_text(overridden, "1. Sasaran Kegiatan dan Indikator Kinerja Kegiatan")
    assert after.startswith("Tujuan tersebut diturunkan")


def test_an_override_replaces_its_block_and_keeps_the_others(overridden):
    assert section_text(overridden, "KATA PENGANTAR").startswith("Pengantar dari kepala kantor.")
    assert "Puji dan syukur" not in section_text(overridden, "KATA PENGANTAR")
    latar = section_text(overridden, "A. Latar Belakang")
    assert latar.startswith("Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)")  # not overridden: default
    tugas = section_text(overridden, "1. Tugas dan Fungsi")
    assert tugas.startswith("Tugas kantor menurut kepala kantor.")
    assert "Pengamanan negara; dan" in tugas and "Fasilitasi pembangunan kesejahteraan masyarakat." in tugas


# ---------------------------------------------------------------- words that match the data

def test_a_single_ratio_is_not_called_a_composite_index():
    wb = workbook(ikk=[ikk("IKK-3.1", 100, satuan="%")],
                  komponen=[komponen("IKK-3.1", "RA", 100, pembilang=139, penyebut=152)])
    wb.komponen[0].ket_pembilang, wb.komponen[0].ket_penyebut = "Rencana aksi terlaksana", "Rencana aksi"
    k = ikk_context(context_of(wb), "IKK-3.1")
    assert not k["komposit"] and k["blok"] == []
    assert k["rasio"]["rumus"] == "Realisasi = 139 / 152 × 100% = 91,45%"
    assert "Rencana aksi terlaksana sebanyak 139" in k["rasio"]["kalimat"].text


def test_polarity_is_stated_once():
    wb = workbook(ikk=[ikk("IKK-1", 5, "3.2", satuan="%", polaritas="Negatif"), ikk("IKK-2", 5, 4, satuan="%")])
    wb.analisis = [model.AnalisisIKK("IKK-1", penjelasan="Polaritasnya negatif: makin rendah makin baik.", row=2)]
    ctx = context_of(wb)
    assert not ikk_context(ctx, "IKK-1")["kalimat_polaritas"]  # the clerk said it
    assert "polaritas positif" in ikk_context(ctx, "IKK-2")["kalimat_polaritas"].text  # nobody did: the tool says it


def test_a_year_before_the_indicator_existed_is_marked_not_compared():
    rows = [riwayat("IKK-1", 2023, 90, 93), riwayat("IKK-1", 2024)]
    rows[1].status = BELUM_DIUKUR
    wb = workbook(ikk=[ikk("IKK-1", 91, 96)], riwayat=rows)
    r = ikk_context(context_of(wb), "IKK-1")["riwayat"]
    assert [row["realisasi"] for row in r["rows"]] == ["93,00 (Indeks)", "belum diukur", "96,00 (Indeks)"]
    assert "belum diukur pada tahun 2024" in r["kalimat"].text
    assert "naik" not in r["kalimat"].text and "turun" not in r["kalimat"].text


def test_the_e_monev_heading_has_e_monev_content(tmp_path):
    wb = workbook(ikk=[ikk("IKK-1", 91, 96)])
    wb.narasi = [model.Narasi("E-Performance", "Semua pegawai mengisi E-Performance.", row=2)]
    doc, _ = render(compute(wb), tmp_path / "e.docx")
    text = section_text(doc, "3. E-Performance dan E-Monev")
    assert "Semua pegawai mengisi E-Performance." in text and "E-Monev" in text


def test_every_heading_has_content(tmp_path):
    """Nothing typed but the PK: every heading still has something under it before the next heading."""
    doc, _ = render(compute(workbook(ikk=[ikk("IKK-1", 91, 96)])), tmp_path / "kosong.docx")
    secs = sections(doc)
    for i, sec in enumerate(secs[1:], start=1):
        below = secs[i + 1] if i + 1 < len(secs) else None
        has_sub = below is not None and below["level"] > sec["level"]
        own = [t for t in sec["text"] if t.strip()] or sec["tables"]
        assert own or has_sub, f"heading without content: {sec['title']!r}"


def test_citations_are_whole(tmp_path):
    """Every citation the profile's prose names prints with its whole title (PP 45/2024 included)."""
    profile = shipped_profiles()[-1]
    wb = example_workbook()
    wb.narasi = [n for n in wb.narasi if n.bagian != "Rencana Strategis"]  # its paragraph cites the Renstra
    doc, _ = render(compute(wb), tmp_path / "contoh.docx")
    text = "\n".join(p.text for p in doc.paragraphs)
    used = set().union(*(placeholders(line) for entry in profile.data["teks"].values() if isinstance(entry, list)
                         for line in entry))
    for key, title in profile.data["rujukan"].items():
        if key in used:
            assert title in text, key
    assert ("Peraturan Pemerintah Nomor 45 Tahun 2024 tentang Jenis dan Tarif atas Jenis Penerimaan Negara Bukan "
            "Pajak yang Berlaku pada Kementerian Hukum dan Hak Asasi Manusia") in text


def test_every_profile_placeholder_is_known():
    wb = example_workbook()
    for profile in shipped_profiles():
        wb.identitas.tahun = profile.tahun_awal
        teks = build_context(compute(wb), {}, [])["teks"]
        assert teks, profile.periode
        assert not any("{" in line for entry in teks.values() for line in entry), profile.periode


def test_a_profile_without_prose_falls_back_to_the_newest_one():
    """A period added with its IKK but no [teks] still fills every paragraph the template prints."""
    from dataclasses import replace
    ctx = context_of(example_workbook())
    bare = replace(shipped_profiles()[-1], periode="2020-2024", tahun_awal=2020, tahun_akhir=2024, data={})
    identitas = {k: ctx[k] for k in ("satker", "tahun", "tahun_depan", "renstra")}
    names = {"kementerian": "Kementerian Hukum dan Hak Asasi Manusia", "pedoman": "Pedoman Lama"}
    teks = teks_context(bare, identitas, names)["teks"]
    assert teks.keys() == ctx["teks"].keys()
    assert "Pedoman Lama" in teks["kata_pengantar"][1]


def test_boilerplate_citations_live_in_the_profile_not_in_code():
    layout = Path(__file__).resolve().parent.parent / "lkj_engine" / "render" / "layout"
    code = "\n".join(p.read_text(encoding="utf-8") for p in layout.glob("*.py"))
    for citation in ("Nomor 29 Tahun 2014", "Nomor 53 Tahun 2014", "Nomor 45 Tahun 2024", "Nomor 80 Tahun 2025",
                     "Terwujudnya Penegakan Hukum", "PRIMA"):
        assert citation not in code, citation


# ---------------------------------------------------------------- lists and numbering

LIST_STYLES = {"Daftar", "Daftar 2", "Daftar 3", "List Bullet", "List Bullet 2", "Daftar Lanjut"}


def list_runs(doc) -> list[list[str]]:
    """Consecutive list paragraphs (numbered or bulleted) of the body."""
    runs, current = [], []
    for block in blocks(doc):
        if isinstance(block, Paragraph) and block.style is not None and block.style.name in LIST_STYLES:
            if block.text.strip():
                current.append(block.text.strip())
            continue
        if current:
            runs.append(current)
        current = []
    return runs + ([current] if current else [])


def test_every_list_ends_with_a_full_stop(tmp_path):
    wb = workbook(ikk=[ikk("IKK-1", 91, 96), ikk("IKK-2", 90, 80), ikk("IKK-3", 100, 95, sasaran_no=2)])
    wb.inovasi = [model.Inovasi("SATU", "Inovasi Satu", row=2), model.Inovasi("DUA", row=3)]
    doc, _ = render(compute(wb), tmp_path / "daftar.docx")
    runs = list_runs(doc)
    assert len(runs) >= 8
    for run in runs:
        assert run[-1].endswith("."), run[-1]
        assert all(item.rstrip().endswith((";", "; dan", ".", ":")) for item in run), run


def test_bab4_numbering_follows_1_a_1(tmp_path):
    wb = workbook(ikk=[ikk("IKK-1", 91, 96), ikk("IKK-2", 90, 80), ikk("IKK-3", 100, 95, sasaran_no=2)])
    doc, _ = render(compute(wb), tmp_path / "bab4.docx")
    marks, inside = [], False
    for block in blocks(doc):
        if isinstance(block, Paragraph):
            if heading_level(block):
                inside = block.text == "A. Kesimpulan"
            elif inside and block.style.name in LIST_STYLES and "\t" in block.text:
                marks.append((block.style.name, block.text.split("\t")[0]))
    assert marks[:6] == [("Daftar", "1."), ("Daftar 2", "a."), ("Daftar 3", "1)"), ("Daftar 3", "2)"),
                         ("Daftar 2", "b."), ("Daftar 3", "1)")]
