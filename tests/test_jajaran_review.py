"""What a Kanwil reviewer found in the consolidated report: the IKK table's average row over the IKK
shown, "lowest" only among values that differ, Faktor −1 leaves, the Kanwil's 0 / 0 service rows,
the "-" note only under a table that prints a "-", and the rekap's notes within the printed width."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal as D

import openpyxl
import pytest

from engine_factory import ikk
from jajaran_factory import KANIM, kanim_satker, kanim_workbook, kanwil_workbook
from lkj_engine.compute.engine import compute
from lkj_engine.compute.jajaran import consolidate, satker_of
from lkj_engine.contract import formatting as fmt
from lkj_engine.render.context.jajaran import KETERANGAN, jajaran_context, lowest
from lkj_engine.render.rekap_workbook import write_rekap
from docx.oxml.ns import qn
from report_fixture import all_text, chapter_text, render
from test_jajaran_report import captioned_tables, table

BATU = next(iter(KANIM))


def _satker_with_extra_ikk() -> list:
    """Kanim Batu Kerapu's PK also has IKK-5 (capaian 50%), which the Kanwil's table does not show."""
    out = []
    for nama in KANIM:
        wb = kanim_workbook(nama)
        if nama == BATU:
            wb = replace(wb, ikk=[*wb.ikk, ikk("IKK-5", 100, 50, sasaran_no=3, nama="Indikator lain")])
        out.append(satker_of(compute(wb), wb.source))
    return out


@pytest.fixture(scope="module")
def regional():
    return consolidate(kanwil_workbook(), _satker_with_extra_ikk())


def _ctx(results) -> dict:
    return jajaran_context(results)["jajaran"]


def test_average_row_is_over_the_ikk_shown(regional):
    j = regional.jajaran
    cap = _ctx(regional)["capaian"]
    batu = j.satker[1]
    shown = next(r for r in j.ikk if r.kode == "IKK-1").per_satker["Kanim Batu Kerapu"]
    # its own whole-PK average includes IKK-5 (50%); the row does not
    assert fmt.percent(batu.results.rata_capaian) != fmt.percent(shown)
    assert cap["rata"][1] == fmt.percent(shown)
    # the Wilayah column follows the same rule over the same rows: the regional average of Tabel 3.1
    assert cap["rata_regional"] == fmt.percent(regional.rata_capaian)
    # IKK-1 is regional: the Kanwil's own figure does not apply, so its column has no comparable average
    assert cap["rata"][0] == "-"
    text = " ".join(k.text for k in cap["kalimat"])
    assert "Rata-rata capaian atas indikator tersebut terendah terdapat pada Kanwil" not in text
    assert "tidak berlaku" in cap["keterangan"] and "IKK-1" in cap["keterangan"]
    # the Kanim's IKK-2 cells are "-" (not in their PK): that "-" is explained too
    assert "tanda “-” lainnya: data tidak diisi atau tidak dapat dihitung" in cap["keterangan"]


def test_no_other_dash_note_when_only_the_kanwil_regional_cells_are_dashes():
    satker = []
    for nama in KANIM:  # every Kanim also has IKK-2, so only the Kanwil's IKK-1 cell is "-"
        wb = kanim_workbook(nama)
        wb = replace(wb, ikk=[*wb.ikk, ikk("IKK-2", 100, 90, sasaran_no=2, nama="Indeks Reformasi Birokrasi")])
        satker.append(satker_of(compute(wb), wb.source))
    cap = _ctx(consolidate(kanwil_workbook(), satker))["capaian"]
    assert cap["keterangan"].startswith("Keterangan: tanda “-” pada kolom Kanwil Nusa Kerapu untuk IKK-1")
    assert "lainnya" not in cap["keterangan"]


def test_wilayah_note_says_which_ikk_are_summed(regional):
    note = _ctx(regional)["capaian"]["kalimat"][0].text
    assert "untuk IKK-1 dihitung dari komponen yang dijumlahkan se-jajaran" in note
    assert "untuk IKK-2 adalah capaian Kanwil Nusa Kerapu sendiri" in note


def test_rekap_and_chart_use_the_same_average_row(regional, tmp_path):
    path = tmp_path / "rekap.xlsx"
    write_rekap(regional, path)
    book = openpyxl.load_workbook(path)
    cap = _ctx(regional)["capaian"]
    last = [r for r in book["Capaian IKK"].iter_rows(min_row=4, values_only=True)
            if r[1] == "Rata-rata capaian IKK Perjanjian Kinerja Kantor Wilayah"]
    assert last[0][2:] == (float(fmt.display_round(regional.jajaran.rata_wilayah)), None,
                           *(float(fmt.display_round(regional.jajaran.rata_ikk[n]))
                             for n in regional.jajaran.nama_satker[1:]))
    assert fmt.percent(D(str(last[0][4]))) == cap["rata"][1]  # Kanim Batu Kerapu, as the report prints it
    ringkasan = {r[2]: r for r in book["Ringkasan"].iter_rows(min_row=4, values_only=True) if r[2]}
    assert ringkasan["Kanim Batu Kerapu"][14] == last[0][4]


def test_no_lowest_among_values_printed_alike():
    assert lowest([("A", D("100.001")), ("B", D("100.004"))]) is None  # both print 100,00%
    assert lowest([("A", D("99.5")), ("B", D("99.4")), ("C", D("99.4"))]) == ("B dan C", D("99.4"))


def _equal_k2_shares() -> list:
    out = []
    for nama in KANIM:
        wb = kanim_workbook(nama)
        tree = [replace(k, pembilang=D(3), penyebut=D(4)) if k.kode == "K2" else k for k in wb.komponen]
        wb = replace(wb, komponen=tree)
        out.append(satker_of(compute(wb), wb.source))
    return out


def test_leaf_with_equal_ratios_names_no_lowest():
    kanwil = kanwil_workbook()
    tree = [replace(k, pembilang=D(6), penyebut=D(8)) if k.kode == "K2" else k for k in kanwil.komponen]
    results = consolidate(replace(kanwil, komponen=tree), _equal_k2_shares())
    sentences = [s.text for s in _ctx(results)["komponen"][0]["kalimat"]]
    k2 = next(s for s in sentences if s.startswith("Komponen K2"))
    assert "75,00%" in k2 and "terendah" not in k2 and "tertinggi" not in k2


def test_faktor_minus_one_leaf_names_the_highest_ratio_as_the_weak_spot():
    kanwil = kanwil_workbook()
    tree = [replace(k, faktor=-1) if k.kode == "K2" else k for k in kanwil.komponen]
    results = consolidate(replace(kanwil, komponen=tree), kanim_satker())
    table = _ctx(results)["komponen"][0]
    leaf = next(x for x in table["leaves"] if x["judul"].startswith("K2"))
    # Σ 2+18+7+9 = 36 of 4+20+10+12 = 46 → 78,26%; the index takes it as −78,26, as the component table
    assert leaf["jumlah"]["rasio"] == "78,26%"
    assert leaf["judul"].endswith("Faktor −1: masuk perhitungan indeks sebagai -78,26")
    k2 = next(s.text for s in table["kalimat"] if s.text.startswith("Komponen K2"))
    assert "Rasio tertinggi (terburuk) terdapat pada Kanim Batu Kerapu (90,00%)" in k2
    assert "terendah" not in k2


def test_dash_note_only_under_a_table_that_prints_a_dash():
    results = consolidate(kanwil_workbook(), kanim_satker())
    ctx = _ctx(results)
    assert ctx["pegawai"]["keterangan"] == ""  # every satker gave its staff
    assert ctx["pnbp"]["keterangan"] == ""  # every Kanim with PNBP has targets and both years
    assert ctx["komponen"][0]["keterangan"] == ""  # the Kanwil's 0 / 0 service row is left out
    satker = kanim_satker()
    satker[2].results.pegawai_total = None
    ctx = _ctx(consolidate(kanwil_workbook(), satker))
    assert ctx["pegawai"]["keterangan"] == KETERANGAN


def test_rekap_notes_wrapped_within_the_table_width(tmp_path):
    path = tmp_path / "rekap.xlsx"
    write_rekap(consolidate(kanwil_workbook(), kanim_satker()), path)
    ws = openpyxl.load_workbook(path)["Ringkasan"]
    width = ws.max_column
    notes = [c for c in ws["A"] if isinstance(c.value, str) and c.value.startswith(("Baris Jajaran", "Satuan kerja"))]
    assert len(notes) == 2
    merged = {str(m) for m in ws.merged_cells.ranges}
    for cell in notes:
        assert f"A{cell.row}:{openpyxl.utils.get_column_letter(width)}{cell.row}" in merged
        assert cell.alignment.wrap_text
        assert ws.row_dimensions[cell.row].height >= 15
    # headers wrap at their words and long names in their cells: the sheet prints at a legible scale
    assert sum(ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in range(1, width + 1)) < 240


@pytest.fixture(scope="module")
def kanwil_doc(tmp_path_factory):
    out = tmp_path_factory.mktemp("kanwil_review") / "kanwil.docx"
    document, found = render(consolidate(kanwil_workbook(), kanim_satker()), out)
    assert found == []
    return document


def test_pnbp_section_speaks_of_the_jajaran_pnbp(kanwil_doc):
    text = chapter_text(kanwil_doc, "4. Penerimaan Negara Bukan Pajak (PNBP)", level=3)
    assert "tidak tersedia" not in text
    # Σ realisasi 2025 = 1.000 + 340 + 260; Σ target = 900 + 350 + 220 → 1.600 / 1.470 = 108,84%
    assert ("Realisasi PNBP seluruh jajaran tahun 2025 sebesar Rp1.600 atau 108,84% dari target Rp1.470" in text)
    assert "Kantor Wilayah Nusa Kerapu sendiri tidak mencatat" in text


def test_summary_and_conclusion_name_the_jajaran_budget_and_pnbp(kanwil_doc):
    # jajaran budget: Kanwil 5.000.000 / 4.800.000 + the Kanim's (pegawai + barang): 4.000.000 / 3.850.000,
    # 2.500.000 / 2.190.000, 1.900.000 / 1.830.000 → 13.400.000 / 12.670.000 = 94,55%
    budget = "berjumlah Rp13.400.000 dengan realisasi Rp12.670.000 atau 94,55%."
    pnbp = "yang dipungut oleh Kantor Imigrasi, sebesar Rp1.600 atau 108,84% dari target Rp1.470."
    for title in ("RINGKASAN EKSEKUTIF", "A. Kesimpulan"):
        text = chapter_text(kanwil_doc, title, level=1 if title.startswith("R") else 2)
        assert "Realisasi belanja DIPA Kantor Wilayah Nusa Kerapu sendiri (tanpa Kantor Imigrasi" in text, title
        assert budget in text, title
        assert pnbp in text, title
    conclusion = chapter_text(kanwil_doc, "A. Kesimpulan", level=2)
    assert "3.\tAnggaran seluruh jajaran" in conclusion  # after 1. the PK and 2. the Kanwil's own DIPA
    assert "4.\tRealisasi Penerimaan Negara Bukan Pajak (PNBP) seluruh jajaran" in conclusion


def _keeps(row) -> bool:
    return all(p.paragraph_format.keep_with_next for cell in row.cells for p in cell.paragraphs)


def test_table_rows_keep_together_and_headers_repeat(kanwil_doc):
    tables = captioned_tables(kanwil_doc)
    capaian = table(tables, "Capaian Indikator Kinerja Kegiatan per Satuan Kerja di Jajaran")
    body = capaian.rows[1:]
    assert all(_keeps(r) for r in body[:-1]) and not _keeps(body[-1])  # a short table moves whole
    assert capaian.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    komponen = table(tables, "Komponen Indeks Kualitas Layanan di Wilayah per Satuan Kerja")
    for row in komponen.rows[1:]:
        first = row.cells[0].text
        # a group (its heading and its satker rows) stays with its JUMLAH; the table breaks after a JUMLAH
        assert _keeps(row) == (first != "Jumlah Jajaran"), first


def test_no_dash_note_in_a_report_without_dashes_outside_the_ikk_table(kanwil_doc):
    assert KETERANGAN not in all_text(kanwil_doc)


def test_capaian_table_puts_the_jajaran_budget_beside_the_regional_ikk(kanwil_doc):
    """The regional IKK are the whole jajaran's, so Tabel 3.1 also prints the jajaran's budget
    (seed 000 C08), after the Kanwil's own DIPA row; the figures are those of the summary."""
    rows = [[c.text for c in r.cells] for r in table(captioned_tables(kanwil_doc), "Capaian Perjanjian Kinerja").rows]
    own, whole = rows[-2], rows[-1]
    assert own[0].startswith("Anggaran DIPA Kantor Wilayah sendiri")
    assert whole[0].startswith("Anggaran seluruh jajaran")
    assert whole[2:] == ["Rp13.400.000", "Rp12.670.000", "94,55%"]  # as in the summary test above


def test_capaian_chart_leaves_out_the_kanwil_bar_that_does_not_apply(regional):
    """On regional IKK the Kanwil's own average is "-" in Tabel 3.2 (explained below it); the chart
    shows the Wilayah and each Kanim, with the numbers of the table's average row."""
    from lkj_engine.render.jajaran_charts import capaian_chart

    (spec,) = capaian_chart(regional)  # one panel
    assert spec.categories == ("Wilayah (regional)", *(s.nama_singkat for s in regional.jajaran.satker[1:]))
    cap = _ctx(regional)["capaian"]
    assert list(spec.series[0].labels) == [cap["rata_regional"], *cap["rata"][1:]]


def test_the_kanim_awards_of_the_report_year_are_the_jajaran_awards(tmp_path):
    """BAB III.D.2 of the Kanwil lists each Kanim's awards of the report year (seed 000), after its own;
    an award of an earlier year stays in that Kanim's own report."""
    from lkj_engine.model.workbook import Penghargaan

    satker = []
    for i, nama in enumerate(KANIM):
        wb = kanim_workbook(nama)
        if i == 0:
            wb = replace(wb, penghargaan=[Penghargaan("Predikat WBK", 2025, "Kementerian PANRB", "Zona Integritas.", 2),
                                          Penghargaan("Juara lomba 2024", 2024, "Kanwil", None, 3)])
        satker.append(satker_of(compute(wb), wb.source))
    regional = consolidate(kanwil_workbook(), satker)
    assert _ctx(regional)["penghargaan"] == [{"satker": "Kanim Batu Kerapu", "tahun": "2025",
                                              "penghargaan": "Predikat WBK", "pemberi": "Kementerian PANRB",
                                              "uraian": "Zona Integritas."}]
    document, found = render(regional, tmp_path / "kanwil.docx")
    rows = [[c.text for c in r.cells] for r in table(captioned_tables(document), "Kantor Imigrasi di Jajaran").rows]
    assert rows == [["Satuan Kerja", "Tahun", "Penghargaan", "Pemberi", "Uraian"],
                    ["Kanim Batu Kerapu", "2025", "Predikat WBK", "Kementerian PANRB", "Zona Integritas."]]


def test_regional_component_sentence_states_the_ratio_without_dari(regional):
    """A ratio above 100% ("299 dari 283") read wrong; the sentence prints pembilang ÷ penyebut = %."""
    texts = [k.text for table_ in _ctx(regional)["komponen"] for k in table_["kalimat"]]
    assert "Komponen K1 Penyelesaian paspor se-jajaran: 1.621 ÷ 1.650 = 98,24%." in texts[0]
    assert all(re.search(r"se-jajaran: [\d.]+ ÷ [\d.]+ = [\d.,]+%", t) for t in texts) and len(texts) == 2
