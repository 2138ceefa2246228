"""Charts: which ones exist for which data, what they show, and that Word can open them (native
chart parts with their data embedded)."""
from __future__ import annotations

import io
import zipfile
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from lkj_engine.compute.engine import compute
from lkj_engine.contract import formatting as fmt
from lkj_engine.render import charts, docx_chart
from lkj_engine.render.chart_spec import WIDTH_CM, ChartSpec
from lkj_engine.model.workbook import IKK, Identitas, Workbook
from lkj_engine.model.results import BelanjaYear, BudgetLine, IkkResult, PegawaiDimensi, Results
from tests.report_fixture import example_workbook

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _ikk(no: int, sasaran: str, kode: str, nama: str, satuan: str, target: str) -> IKK:
    return IKK(no, sasaran, kode, nama, satuan, "Positif", D(target))


def _line(label: str, pagu: str, realisasi: str, tahun: int) -> BudgetLine:
    p, r = D(pagu), D(realisasi)
    return BudgetLine(label, p, r, r / p * 100 if p else None, tahun=tahun)


def _year(tahun: int, rows: list[tuple[str, str, str]]) -> BelanjaYear:
    lines = [_line(label, p, r, tahun) for label, p, r in rows]
    return BelanjaYear(tahun, lines, _line("Jumlah", str(sum(l.pagu for l in lines)),
                                             str(sum(l.realisasi for l in lines)), tahun))


def make_results(
    ikk: bool = True, belanja: bool = True, pegawai: bool = True, tahun: int = 2025
) -> Results:
    """A Kanim's year as the engine would compute it (a seed's figures, one IKK not computable)."""
    identitas = Identitas(
        "Kantor Imigrasi Kelas III Non TPI Tanjung Lumut", "Kanim_Tanjung_Lumut", "Kanim", "Kalimantan Timur",
        tahun, "Nama Kepala", "Kepala Kantor", "Tanjung Lumut", date(tahun + 1, 1, 14),
    )
    s1, s2, s3 = ("Meningkatnya Layanan Keimigrasian di Kewilayahan",
                  "Optimalnya Penegakan Hukum Keimigrasian di Kewilayahan",
                  "Meningkatnya Pelaksanaan Reformasi Birokrasi di Lingkup Kewilayahan")
    ikk_rows = [
        (_ikk(1, s1, "IKK-1", "Indeks Kualitas Layanan Keimigrasian di Wilayah", "Indeks", "91"),
         D("96.35"), D("96.35") / D(91) * 100, None),
        (_ikk(2, s2, "IKK-2", "Indeks Penegakan Hukum Keimigrasian di Wilayah", "Indeks", "90.80"),
         D("60"), D(60) / D("90.80") * 100, None),
        (_ikk(2, s2, "IKK-3", "Persentase Penyelesaian Tindakan Administratif Keimigrasian", "%", "0"),
         D("0"), None, "target 0: capaian tidak dapat dihitung"),
        (_ikk(3, s3, "IKK-4", "Persentase Pelaksanaan Rencana Aksi RB", "%", "100"),
         D("91"), D("91"), None),
        (_ikk(3, s3, "IKK-5", "Indeks Kepuasan Unit Kerja Lingkup UPT Imigrasi terhadap Layanan "
              "Kesekretariatan", "Indeks", "3.51"),
         D("3.78"), D("3.78") / D("3.51") * 100, None),
    ]
    results_ikk = [IkkResult(i, r, False, c, a) for i, r, c, a in ikk_rows] if ikk else []
    years = [
        _year(tahun - 2, [("Belanja Pegawai", "98000000", "97000000")]),  # too old for the chart
        _year(tahun - 1, [("Belanja Pegawai", "118400000", "117950300"),
                          ("Belanja Barang", "1012300000", "955870120"),
                          ("Belanja Modal", "350000000", "349120000")]),
        _year(tahun, [("Belanja Pegawai", "126525000", "126225646"),
                      ("Belanja Barang", "1205761000", "1121758543"),
                      ("Belanja Modal", "2226541000", "2223319883")]),
    ] if belanja else []
    dims = [
        PegawaiDimensi("Jenis Kelamin", [("Laki-laki", 19), ("Perempuan", 10)], 29),
        PegawaiDimensi("Pendidikan", [("S2", 3), ("S1", 14), ("D3", 5), ("SMA/SMK", 7)], 29),
        PegawaiDimensi("Jabatan", [("Pejabat Struktural", 4), ("Jabatan Fungsional Tertentu", 11),
                                   ("Jabatan Fungsional Umum / Pelaksana", 14)], 29),
        PegawaiDimensi("Golongan", [], 0),  # declared but empty
    ] if pegawai else []
    workbook = Workbook(source=Path("contoh.xlsx"), identitas=identitas,
                        ikk=[r.ikk for r in results_ikk])
    total = years[-1].total if years else BudgetLine("Jumlah", D(0), None, None)
    return Results(
        workbook=workbook, sasaran=[], ikk=results_ikk, rata_capaian=None,
        rata_metode="rata-rata capaian sasaran", anggaran_rows=[], anggaran_total=total,
        belanja=years, belanja_perubahan=[], sumber_dana=[], pnbp=[], nka=[],
        pegawai=dims, pegawai_total=29 if pegawai else None,
    )



def shown(spec: ChartSpec) -> dict:
    """What the written chart part shows: categories, each series' values (None: no point) and labels."""
    space, xlsx = docx_chart.chart_xml(spec)
    categories = [pt.findtext(f"{C}v") for pt in next(space.iter(f"{C}cat")).iter(f"{C}pt")]
    series = []
    for ser in space.iter(f"{C}ser"):
        cache = ser.find(f"{C}val").find(f".//{C}numCache")
        count = int(cache.find(f"{C}ptCount").get("val"))
        values: list = [None] * count
        for pt in cache.iter(f"{C}pt"):
            values[int(pt.get("idx"))] = float(pt.findtext(f"{C}v"))
        labels = {int(d.find(f"{C}idx").get("val")): "\n".join(
            "".join(t.text for t in p.iter(f"{A}t")) for p in d.iter(f"{A}p")) for d in ser.iter(f"{C}dLbl")}
        series.append({"values": values, "labels": [labels.get(i, "") for i in range(count)]})
    title = "".join(t.text for t in space.find(f"{C}chart").iterfind(f"{C}title//{A}t"))
    return {"categories": categories, "series": series, "title": title, "xlsx": xlsx}


def test_all_charts_exist_at_text_width() -> None:
    figures = charts.make_charts(make_results())
    assert set(figures) == {"ikk_target_realisasi", "ikk_capaian", "belanja",
                            "pegawai_jenis_kelamin", "pegawai_pendidikan", "pegawai_jabatan"}
    for key, figure in figures.items():
        for spec in figure.panels:
            assert spec.width_cm in (WIDTH_CM, round(WIDTH_CM / 2 - 0.05, 2)), key
            assert 2.5 < spec.height_cm < 24, key  # fits a page, not a sliver
    assert len(figures["ikk_target_realisasi"].panels) == 5  # one panel per IKK


def test_each_key_follows_its_data() -> None:
    no_ikk = charts.make_charts(make_results(ikk=False))
    assert "ikk_target_realisasi" not in no_ikk and "ikk_capaian" not in no_ikk
    assert "belanja" in no_ikk
    assert set(charts.make_charts(make_results(belanja=False, pegawai=False))) == {"ikk_target_realisasi",
                                                                                  "ikk_capaian"}
    assert charts.make_charts(make_results(ikk=False, belanja=False, pegawai=False)) == {}


def test_capaian_chart_absent_when_no_capaian_computable() -> None:
    results = make_results(belanja=False, pegawai=False)
    for r in results.ikk:
        r.capaian, r.capaian_alasan = None, "target 0"
    assert set(charts.make_charts(results)) == {"ikk_target_realisasi"}


def test_belanja_only_report_year_and_previous_on_one_scale() -> None:
    results = make_results(ikk=False, pegawai=False)
    panels = charts.make_charts(results)["belanja"].panels
    assert [p.title for p in panels] == ["Tahun 2024 (miliar rupiah)", "Tahun 2025 (miliar rupiah)"]
    assert len({p.value_range() for p in panels}) == 1  # the same scale: the years compare
    results.belanja = results.belanja[:1]  # only 2023: nothing to compare with the report year
    assert charts.make_charts(results) == {}


def test_labels_are_the_printed_strings_and_a_gap_is_explained() -> None:
    """The texts shown are the report's formatted strings; the uncomputable capaian draws no bar and its
    category says why."""
    figures = charts.make_charts(make_results())
    capaian = shown(figures["ikk_capaian"].panels[0])
    assert capaian["series"][0]["labels"] == ["105,88%", "66,08%", "", "91,00%", "107,69%"]
    assert capaian["series"][0]["values"][2] is None
    assert capaian["categories"][2] == ("Persentase Penyelesaian Tindakan Administratif Keimigrasian "
                                        "(capaian tidak dapat dihitung)")
    belanja = shown(figures["belanja"].panels[1])  # 2025
    assert belanja["series"][0]["labels"][2] == "2,23"  # Belanja Modal pagu, in miliar
    assert belanja["series"][1]["labels"][1] == "1,12\n(93,03%)"  # Belanja Barang realisasi and its %
    panel = shown(figures["ikk_target_realisasi"].panels[4])
    assert panel["series"][0]["labels"] == ["3,51", "3,78"]
    assert panel["title"].startswith("Indeks Kepuasan Unit Kerja")
    assert shown(figures["pegawai_jenis_kelamin"].panels[0])["series"][0]["labels"] == ["19", "10"]


def test_charts_name_indicators_as_the_pk_does_never_by_internal_code() -> None:
    for key, figure in charts.make_charts(make_results()).items():
        for spec in figure.panels:
            texts = [spec.title, *spec.categories]
            assert not any("IKK-" in t for t in texts), (key, texts)


def test_count_targets_are_labelled_like_the_tables() -> None:
    results = make_results(belanja=False, pegawai=False)
    results.ikk = [IkkResult(_ikk(1, "Sasaran", "IKK-9", "Jumlah Paspor Terbit", "Dokumen", "1250"),
                             D(1300), False, D(104))]
    panel = charts.make_charts(results)["ikk_target_realisasi"].panels[0]
    assert panel.series[0].labels == ("1.250", "1.300")


def test_example_charts_show_the_computed_numbers() -> None:
    """The example through the engine: every bar's value and label is the engine's, in the chart part
    and in the workbook embedded for Word's "Edit Data"."""
    from openpyxl import load_workbook

    results = compute(example_workbook())
    figures = charts.make_charts(results)
    for spec, r in zip(figures["ikk_target_realisasi"].panels, results.ikk):
        got = shown(spec)
        assert got["series"][0]["values"] == [float(r.ikk.target), float(r.realisasi)]
        assert got["series"][0]["labels"] == [fmt.percent(v) if r.ikk.satuan == "%" else fmt.bare(v, r.ikk.satuan)
                                              for v in (r.ikk.target, r.realisasi)]
    got = shown(figures["ikk_capaian"].panels[0])
    assert got["categories"] == [r.ikk.nama for r in results.ikk]
    assert got["series"][0]["values"] == [float(r.capaian) for r in results.ikk]
    assert got["series"][0]["labels"] == [fmt.percent(r.capaian) for r in results.ikk]
    sheet = load_workbook(io.BytesIO(got["xlsx"])).active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == \
        pytest.approx([float(r.capaian) for r in results.ikk], rel=1e-14)  # Excel keeps 15 digits
    years = [b for b in results.belanja if b.tahun in (results.workbook.tahun - 1, results.workbook.tahun)]
    for spec, year in zip(figures["belanja"].panels, years):
        got = shown(spec)
        assert got["series"][0]["values"] == pytest.approx([float(l.pagu / fmt.MILIAR) for l in year.lines])
        assert got["series"][1]["labels"] == [f"{fmt.miliar(l.realisasi)}\n({fmt.percent(l.persen)})"
                                              for l in year.lines]
    for dim in results.pegawai:
        if dim.rows:
            got = shown(figures[charts.pegawai_key(dim.dimensi)].panels[0])
            assert got["series"][0]["values"] == [float(n) for _, n in dim.rows]


def test_every_chart_text_is_9_points_and_grey_print_tells_the_series_apart() -> None:
    for key, figure in charts.make_charts(make_results()).items():
        space, _ = docx_chart.chart_xml(figure.panels[0])
        sizes = {int(r.get("sz")) for r in space.iter(f"{A}defRPr", f"{A}rPr") if r.get("sz")}
        assert sizes == {900}, key
        if key == "belanja":
            pagu, real = space.iter(f"{C}ser")
            assert pagu.find(f"{C}spPr/{A}pattFill") is not None  # hatched
            assert real.find(f"{C}spPr/{A}solidFill/{A}srgbClr").get("val") == "666666"


def test_report_holds_native_charts_word_can_open(tmp_path: Path) -> None:
    """Each chart is a chart part related from the document, with its workbook; repeated renders give
    the same chart parts byte for byte."""
    from lkj_engine.render.report import render_report

    results = compute(example_workbook())
    parts = []
    for n in (1, 2):
        out = tmp_path / f"{n}.docx"
        render_report(results, [], out)
        with zipfile.ZipFile(out) as z:
            names = z.namelist()
            types = z.read("[Content_Types].xml").decode()
            rels = z.read("word/_rels/document.xml.rels").decode()
            parts.append({n_: z.read(n_) for n_ in names if n_.startswith(("word/charts/", "word/embeddings/"))})
    chart_names = sorted(n_ for n_ in parts[0] if n_.endswith(".xml") and "/_rels/" not in n_)
    assert len(chart_names) == 4 + 5 + 1 + 2  # 4 pegawai, 5 IKK panels, capaian, 2 belanja years
    assert "drawingml.chart+xml" in types and rels.count("relationships/chart") == len(chart_names)
    assert all(f"word/charts/_rels/{n_.rsplit('/', 1)[1]}.rels" in parts[0] for n_ in chart_names)
    assert parts[0] == parts[1]


def test_a_chart_that_cannot_be_written_costs_only_that_chart(tmp_path: Path, monkeypatch) -> None:
    from lkj_engine.render.report import render_report

    def broken(spec):
        raise ValueError("rusak")

    monkeypatch.setattr(docx_chart, "chart_xml", broken)
    found = render_report(compute(example_workbook()), [], tmp_path / "r.docx")
    assert found and {p.kode for p in found} == {"grafik-gagal"}  # said, one line per distinct chart
    with zipfile.ZipFile(tmp_path / "r.docx") as z:
        assert not [n for n in z.namelist() if n.startswith("word/charts/")]
