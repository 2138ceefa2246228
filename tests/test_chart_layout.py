"""Charts drawn once with measured margins: no text overlaps another or leaves the figure, even on a
crowded chart; the bars and labels show the numbers the engine computed; matplotlib stays unloaded
until a chart is drawn."""
from __future__ import annotations

import subprocess
import sys
from decimal import Decimal as D
from itertools import combinations
from pathlib import Path

import pytest

from lkj_engine.compute.engine import compute
from lkj_engine.contract import formatting as fmt
from lkj_engine.model.results import IkkResult, PegawaiDimensi
from lkj_engine.render import charts
from tests.report_fixture import example_workbook
from tests.test_charts import _ikk, _line, _year, make_results

ROOT = Path(__file__).resolve().parent.parent
LONG = ("Persentase Penyelesaian Tindak Lanjut Hasil Pengawasan dan Penindakan Keimigrasian terhadap "
        "Warga Negara Asing di Wilayah Kerja")


def drawn_texts(fig) -> list[tuple[str, object]]:
    """(text, window extent) of every text the drawn figure shows."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    found = []

    def add(text) -> None:
        if text.get_visible() and text.get_text().strip():
            found.append((text.get_text(), text.get_window_extent(renderer)))

    for ax in fig.axes:
        if not ax.get_visible():
            continue
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks():
                if low - 1e-9 <= tick.get_loc() <= high + 1e-9 and tick.label1.get_visible():
                    add(tick.label1)
            add(axis.label)
        for title in (ax.title, ax._left_title, ax._right_title):
            add(title)
        for text in ax.texts:
            add(text)
    for legend in fig.legends:
        for text in legend.get_texts():
            add(text)
    return found


def assert_no_overlap(fig) -> None:
    texts = drawn_texts(fig)
    assert len(texts) >= 5
    box = fig.bbox
    for text, extent in texts:
        assert box.x0 <= extent.x0 and extent.x1 <= box.x1 and box.y0 <= extent.y0 and extent.y1 <= box.y1, \
            f"{text!r} leaves the figure"
    for (a, ea), (b, eb) in combinations(texts, 2):
        assert not ea.overlaps(eb), f"{a!r} overlaps {b!r}"


def crowded_results():
    """Nine IKK (three columns of panels) with long names, one not computable, negative capaian,
    three budget lines per year and a long Pegawai dimension."""
    results = make_results()
    rows = []
    for i in range(9):
        satuan = ["%", "Indeks", "Dokumen"][i % 3]
        ikk = _ikk(i + 1, f"Sasaran {i // 3}", f"IKK-{i + 1}", LONG, satuan, str(90 + i))
        capaian = None if i == 4 else D(-35) if i == 7 else D(100 + 7 * i)
        rows.append(IkkResult(ikk, D(88 + i), False, capaian, "target 0" if capaian is None else None))
    results.ikk = rows
    results.pegawai = [PegawaiDimensi("Golongan", [(f"Golongan {g} / Pengatur Muda Tingkat I", 3 + n)
                                                   for n, g in enumerate(["II/a", "II/b", "II/c", "III/a",
                                                                          "III/b", "III/c", "IV/a", "IV/b"])],
                                      60)]
    results.belanja[-1] = _year(2025, [("Belanja Pegawai", "9126525000", "9126225646"),
                                       ("Belanja Barang", "9205761000", "9121758543"),
                                       ("Belanja Modal", "9226541000", "9223319883")])
    return results


@pytest.mark.parametrize("key", ["ikk_target_realisasi", "ikk_capaian", "belanja", "pegawai_golongan"])
def test_crowded_chart_texts_never_overlap(key: str) -> None:
    with charts._style():
        figure = charts.build_figures(crowded_results())[key]
        assert_no_overlap(figure)


def test_example_charts_texts_never_overlap() -> None:
    with charts._style():
        for figure in charts.build_figures(make_results()).values():
            assert_no_overlap(figure)


def test_figures_have_no_layout_engine_so_they_are_drawn_once() -> None:
    for key, figure in charts.build_figures(make_results()).items():
        assert figure.get_layout_engine() is None, key


def test_bars_and_labels_show_the_computed_numbers() -> None:
    """The example workbook through the engine: every bar's length and label is the engine's value."""
    results = compute(example_workbook())
    figures = charts.build_figures(results)

    panels = figures["ikk_target_realisasi"].axes
    for ax, r in zip(panels, results.ikk):
        shown = [fmt.percent(v) if r.ikk.satuan == "%" else fmt.bare(v, r.ikk.satuan)
                 for v in (r.ikk.target, r.realisasi)]
        assert [t.get_text() for t in ax.texts] == shown
        assert [p.get_height() for p in ax.patches] == [float(r.ikk.target), float(r.realisasi)]

    ax = figures["ikk_capaian"].axes[0]
    computable = [r for r in results.ikk if r.capaian is not None]
    assert [p.get_width() for p in ax.patches] == [float(r.capaian) for r in computable]
    assert [t.get_text() for t in ax.texts if t.get_text() != "Target 100%"] == \
        [fmt.percent(r.capaian) for r in results.ikk]

    years = [b for b in results.belanja if b.tahun in (results.workbook.tahun - 1, results.workbook.tahun)]
    for ax, year in zip(figures["belanja"].axes, years):
        heights = [p.get_height() for p in ax.patches]
        expected = []
        for line in year.lines:
            expected += [float(line.pagu / fmt.MILIAR), float(line.realisasi / fmt.MILIAR)]
        assert heights == pytest.approx(expected, rel=1e-12)
        labels = [t.get_text() for t in ax.texts]
        assert labels[1::2] == [f"{fmt.miliar(l.realisasi)}\n{fmt.percent(l.persen)}" for l in year.lines]

    for dim in results.pegawai:
        if dim.rows:
            ax = figures[charts.pegawai_key(dim.dimensi)].axes[0]
            assert [p.get_width() for p in ax.patches] == [float(n) for _, n in dim.rows]
            assert [t.get_text() for t in ax.texts] == [fmt.count(D(n)) for _, n in dim.rows]


def test_png_is_one_grey_channel_at_report_width(tmp_path: Path) -> None:
    from PIL import Image

    paths = charts.make_charts(make_results(), tmp_path)
    for key, path in paths.items():
        with Image.open(path) as image:
            assert image.mode == "L", key  # grey charts: one channel, a quarter of the bytes
            assert image.size[0] == round(16 / 2.54 * 200)
            assert round(image.info["dpi"][0]) == 200


def test_matplotlib_not_imported_until_a_chart_is_drawn() -> None:
    code = ("import sys; import lkj_engine.render.charts, lkj_engine.render.context; "
            "print('matplotlib' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_jajaran_charts_texts_stay_inside_and_never_overlap() -> None:
    """The Kanwil's per-satker charts (budget, capaian) use the same measured margins: the satker names
    on the left were cut off when they relied on a layout engine the charts no longer have."""
    from jajaran_factory import kanim_satker, kanwil_workbook
    from lkj_engine.compute.jajaran import consolidate
    from lkj_engine.render import jajaran_charts

    figures = jajaran_charts.build_jajaran_figures(consolidate(kanwil_workbook(), kanim_satker()))
    assert set(figures) == {"jajaran_anggaran", "jajaran_capaian"}
    for figure in figures.values():
        assert_no_overlap(figure)
