"""The report's charts as PNG files, drawn from the engine's Results.

Printed reports are often copied in black and white, so every series is told apart by hatching and
grey level, never by colour alone, and every bar carries its value as text (formatted by
`formatting`, so a chart shows the same string as the tables). Figures are exactly the A4 text width
(16 cm) and are placed at that width, so a font size in points here is the printed size.
Titles live in the Word template's captions, not inside the images, to avoid saying it twice.

Speed: each figure is drawn once. Margins come from `chart_layout.fix_layout` (measured from the
texts, no constrained-layout passes), and the PNG is written with light compression (zlib level 1:
a few more kilobytes, a fraction of the time). matplotlib is imported only when a chart is drawn,
so the commands that draw none (`periksa`, `templat`) do not pay for it.
"""
from __future__ import annotations

import math
import re
import textwrap
from decimal import Decimal
from pathlib import Path
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterator

from lkj_engine.contract import formatting as fmt
from lkj_engine.model.results import BelanjaYear, IkkResult, PegawaiDimensi, Results
from lkj_engine.render.chart_layout import fix_layout

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

WIDTH_CM = 16.0  # A4 text width; the renderer places every chart at this width
DPI = 200
CM = 1 / 2.54
FONT_SIZE = 9  # points, printed size (never smaller)
SMALL_TITLE_SIZE = 9.5

# Grey levels and hatches: the two series of a pair must differ in both.
EDGE = "black"
PLAN_FACE = "white"  # target / pagu: white with diagonal hatching
PLAN_HATCH = "///"
ACTUAL_FACE = "0.40"  # realisasi: solid dark grey
SINGLE_FACE = "0.62"  # one-series charts (capaian, pegawai)
TEXT_GREY = "0.25"

STYLE = {
    "font.family": "DejaVu Sans",  # ships with matplotlib: same glyphs, same bytes on every machine
    "font.size": FONT_SIZE,
    "axes.titlesize": SMALL_TITLE_SIZE,
    "axes.titleweight": "bold",
    "axes.labelsize": FONT_SIZE,
    "xtick.labelsize": FONT_SIZE,
    "ytick.labelsize": FONT_SIZE,
    "legend.fontsize": FONT_SIZE,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.8,
    "hatch.linewidth": 0.8,
    "svg.hashsalt": "lkj_engine",
    "path.simplify": False,
}
PNG_COMPRESS_LEVEL = 1  # zlib level: the default (6) took a third of the chart time

def make_charts(results: Results, out_dir: Path) -> dict[str, Path]:
    """Write every chart that has data as `<key>.png` in out_dir; a chart without data is left out."""
    out_dir = Path(out_dir)
    paths: dict[str, Path] = {}
    with _style():  # drawing reads some settings only at save time
        figures = build_figures(results)
        if figures:
            out_dir.mkdir(parents=True, exist_ok=True)
        for key, fig in figures.items():
            path = out_dir / f"{key}.png"
            write_png(fig, path)
            paths[key] = path
    return paths


def write_png(fig: Figure, path: Path) -> None:
    """Draw the figure once and write it as PNG: one grey channel when every pixel is grey (the
    charts are drawn in greys only), so a quarter of the bytes to compress; RGB otherwise."""
    import numpy as np
    from PIL import Image

    fig.canvas.draw()
    rgba = np.asarray(fig.canvas.buffer_rgba())
    red = rgba[..., 0]
    if np.array_equal(red, rgba[..., 1]) and np.array_equal(red, rgba[..., 2]):
        image = Image.fromarray(np.ascontiguousarray(red), mode="L")
    else:
        image = Image.fromarray(np.ascontiguousarray(rgba[..., :3]), mode="RGB")
    image.save(path, format="PNG", compress_level=PNG_COMPRESS_LEVEL, dpi=(DPI, DPI))


_inside_style = False


@contextmanager
def _style() -> Iterator[None]:
    """Matplotlib defaults plus STYLE, whatever the user's matplotlibrc says; global state untouched.
    Re-entered (make_charts around build_figures) it does nothing: resetting the style costs time."""
    global _inside_style
    if _inside_style:
        yield
        return
    import matplotlib
    import matplotlib.style

    with matplotlib.style.context("default"), matplotlib.rc_context(STYLE):
        _inside_style = True
        try:
            yield
        finally:
            _inside_style = False


def build_figures(results: Results) -> dict[str, Figure]:
    """The charts as matplotlib Figures (no file I/O), keyed like make_charts."""
    figures: dict[str, Figure] = {}
    with _style():
        if results.ikk:
            figures["ikk_target_realisasi"] = ikk_target_realisasi_figure(results.ikk)
        if any(r.capaian is not None for r in results.ikk):
            figures["ikk_capaian"] = ikk_capaian_figure(results.ikk)
        years = _belanja_years(results)
        if years:
            figures["belanja"] = belanja_figure(years)
        for dim in results.pegawai:
            if dim.rows:
                figures[pegawai_key(dim.dimensi)] = pegawai_figure(dim)
    return figures


# --- target vs realisasi --------------------------------------------------------------------------


def ikk_target_realisasi_figure(ikk: list[IkkResult]) -> Figure:
    """One small panel per IKK: their units differ (index 0-100, 1-4 scale, %), so no shared axis."""
    n = len(ikk)
    ncols = 1 if n == 1 else 2 if n <= 8 else 3  # 8 IKK in 2 columns still fit a page
    nrows = math.ceil(n / ncols)
    wrap = {1: 70, 2: 34, 3: 22}[ncols]
    titles = [_wrap(f"{r.ikk.kode} {r.ikk.nama} ({r.ikk.satuan})", wrap) for r in ikk]
    title_lines = max(t.count("\n") + 1 for t in titles)
    panel_cm = 3.4 + 0.42 * title_lines
    fig = _figure(nrows * panel_cm + 0.3)
    axes = fig.subplots(nrows, ncols, squeeze=False)
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    for ax, r, title in zip(axes.flat, ikk, titles):
        values = [r.ikk.target, r.realisasi]
        fmt_value = _unit_formatter(r.ikk.satuan)
        _bars(
            ax,
            positions=[0, 1],
            values=values,
            faces=[PLAN_FACE, ACTUAL_FACE],
            hatches=[PLAN_HATCH, ""],
            labels=[fmt_value(v) for v in values],
            width=0.6,
        )
        ax.set_xticks([0, 1], ["Target", "Realisasi"])
        ax.set_xlim((-1.9, 2.9) if ncols == 1 else (-0.7, 1.7))  # same bar width in a wide panel
        ax.set_title(title, loc="left", pad=6)
        _bare_value_axis(ax, "y")
        _value_limits(ax, "y", values)
    fix_layout(fig)
    return fig


def _unit_formatter(satuan: str) -> Callable[[Decimal | None], str]:
    """Bar labels as the tables print them: ``91,00%``, ``96,35``, ``1.250`` (a count of Dokumen)."""
    if satuan == "%":
        return fmt.percent
    return lambda v: fmt.bare(v, satuan)


# --- capaian --------------------------------------------------------------------------------------


def ikk_capaian_figure(ikk: list[IkkResult]) -> Figure:
    """Horizontal bars so the long IKK names read level; a capaian that cannot be computed is a gap
    with its words, never a 0 bar."""
    from matplotlib.ticker import FuncFormatter

    labels = [_wrap(f"{r.ikk.kode} {r.ikk.nama}", 34) for r in ikk]
    lines = sum(max(label.count("\n") + 1, 2) for label in labels)
    fig = _figure(1.6 + 0.42 * lines + 0.35 * len(ikk))
    ax = fig.subplots()
    values = [r.capaian for r in ikk]
    _single_series_rows(ax, values, [fmt.percent(v) for v in values], labels, width=0.6)
    _value_limits(ax, "x", values + [Decimal(100)], headroom=0.22)
    ax.axvline(100, color="black", linestyle=(0, (5, 3)), linewidth=1.0, zorder=1)
    if any(v is not None and v < 0 for v in values):
        ax.axvline(0, color="black", linewidth=0.8, zorder=1)  # the baseline, away from the spine
    ax.annotate(
        "Target " + fmt.percent(Decimal(100), places=0),
        xy=(100, 1),
        xycoords=("data", "axes fraction"),
        xytext=(0, 3),
        textcoords="offset points",
        ha="center",
        va="bottom",
    )
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: fmt.percent(Decimal(str(x)), places=0)))
    ax.set_xlabel("Capaian")
    fix_layout(fig)
    return fig


# --- belanja --------------------------------------------------------------------------------------


def _belanja_years(results: Results) -> list[BelanjaYear]:
    """The report year and the year before, those that have spending lines, oldest first."""
    tahun = results.workbook.tahun
    return [b for b in results.belanja if b.tahun in (tahun - 1, tahun) and b.lines]


def belanja_figure(years: list[BelanjaYear]) -> Figure:
    """One row per year with the same rupiah scale, so the two years compare at a glance."""
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter

    fig = _figure(1.2 + 5.0 * len(years))
    axes = fig.subplots(len(years), 1, squeeze=False, sharey=True)[:, 0]
    top = max(
        [_miliar(line.pagu) for b in years for line in b.lines]
        + [_miliar(line.realisasi) for b in years for line in b.lines if line.realisasi is not None]
    )
    for ax, year in zip(axes, years):
        positions: list[float] = []
        values: list[Decimal | None] = []
        labels: list[str] = []
        for i, line in enumerate(year.lines):
            positions += [i - 0.19, i + 0.19]
            values += [_miliar(line.pagu), _miliar(line.realisasi)]
            realisasi_label = fmt.miliar(line.realisasi)
            if line.realisasi is not None:
                realisasi_label += "\n" + fmt.percent(line.persen)
            labels += [fmt.miliar(line.pagu), realisasi_label]
        _bars(
            ax,
            positions=positions,
            values=values,
            faces=[PLAN_FACE, ACTUAL_FACE] * len(year.lines),
            hatches=[PLAN_HATCH, ""] * len(year.lines),
            labels=labels,
            width=0.36,
        )
        ax.set_xticks(range(len(year.lines)), [line.label for line in year.lines])
        ax.tick_params(axis="x", length=0)
        ax.set_xlim(-0.6, max(len(year.lines), 3) - 0.4)
        ax.set_title(f"Tahun {year.tahun}", loc="left", pad=6)
        ax.set_ylabel("Miliar rupiah")
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: fmt.number(Decimal(str(y)), 1)))
        _value_limits(ax, "y", [top], headroom=0.32)
    legend = fig.legend(
        handles=[
            Patch(facecolor=PLAN_FACE, edgecolor=EDGE, hatch=PLAN_HATCH, label="Pagu"),
            Patch(facecolor=ACTUAL_FACE, edgecolor=EDGE, label="Realisasi (dan % realisasi)"),
        ],
        loc="upper right",
        ncols=2,
        frameon=False,
        borderaxespad=0,
    )
    fix_layout(fig, legend)
    return fig


def _miliar(value: Decimal | None) -> Decimal | None:
    """Bar length on the "Miliar rupiah" axis (labels come from `fmt.miliar`)."""
    return None if value is None else Decimal(value) / fmt.MILIAR


# --- pegawai --------------------------------------------------------------------------------------


def pegawai_key(dimensi: str) -> str:
    """``pegawai_jenis_kelamin``: the chart key of a Pegawai dimension (the context looks it up)."""
    return "pegawai_" + re.sub(r"[^0-9a-z]+", "_", dimensi.casefold()).strip("_")


def pegawai_figure(dim: PegawaiDimensi) -> Figure:
    """Counts per category, in the clerk's order (age bands and ranks have a natural order)."""
    labels = [_wrap(k, 30) for k, _ in dim.rows]
    lines = sum(label.count("\n") + 1 for label in labels)
    fig = _figure(1.5 + 0.5 * lines + 0.25 * len(labels))
    ax = fig.subplots()
    counts = [Decimal(n) for _, n in dim.rows]
    _single_series_rows(ax, counts, [fmt.count(n) for n in counts], labels, width=0.62)
    _bare_value_axis(ax, "x")
    _value_limits(ax, "x", counts, headroom=0.15)
    ax.set_xlabel(f"Jumlah pegawai: {fmt.count(dim.total)} orang")
    fix_layout(fig)
    return fig


# --- shared drawing helpers -----------------------------------------------------------------------


def _figure(height_cm: float) -> Figure:
    """A figure of the fixed A4 text width, without a layout engine (see `chart_layout`)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width_px = round(WIDTH_CM * CM * DPI)  # 1260 px: whole pixels, so matplotlib never truncates
    height_px = round(height_cm * CM * DPI)
    fig = Figure(figsize=(width_px / DPI, height_px / DPI), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig



def _single_series_rows(ax, values: list, value_labels: list[str], row_labels: list[str], width: float) -> None:
    """Horizontal bars of one series, first row on top, labelled at the bar end."""
    positions = list(range(len(values)))[::-1]
    _bars(ax, positions=positions, values=values, faces=[SINGLE_FACE] * len(values),
          hatches=[""] * len(values), labels=value_labels, width=width, horizontal=True)
    ax.set_yticks(positions, row_labels)
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(-0.6, len(values) - 0.4)

def _bars(
    ax: Axes,
    positions: list[float],
    values: list[Decimal | None],
    faces: list[str],
    hatches: list[str],
    labels: list[str],
    width: float,
    horizontal: bool = False,
) -> None:
    """Bars with their value as text beyond the bar's end; a None value draws no bar, only its text."""
    for pos, value, face, hatch, label in zip(positions, values, faces, hatches, labels):
        length = 0.0 if value is None else float(value)
        if value is not None:
            if horizontal:
                ax.barh(pos, length, height=width, color=face, edgecolor=EDGE, hatch=hatch, linewidth=0.8, zorder=2)
            else:
                ax.bar(pos, length, width=width, color=face, edgecolor=EDGE, hatch=hatch, linewidth=0.8, zorder=2)
        # white backing keeps a label legible where it crosses a reference line
        style = {"bbox": {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"}, "zorder": 3}
        if value is None:
            style.update(fontstyle="italic", color=TEXT_GREY)
        if value is None and not horizontal:
            label = label.replace(" ", "\n", 1)  # "tidak\ndapat dihitung" fits a narrow bar slot
        sign = -1 if length < 0 else 1
        if horizontal:
            ax.annotate(
                label, xy=(length, pos), xytext=(4 * sign, 0), textcoords="offset points",
                ha="left" if sign > 0 else "right", va="center", **style,
            )
        else:
            ax.annotate(
                label, xy=(pos, length), xytext=(0, 3 * sign), textcoords="offset points",
                ha="center", va="bottom" if sign > 0 else "top", linespacing=1.1, **style,
            )


def _value_limits(ax: Axes, axis: str, values: list[Decimal | None], headroom: float = 0.25) -> None:
    """Bars start at zero; room beyond the longest bar for its label."""
    numbers = [float(v) for v in values if v is not None] or [1.0]
    high = max(max(numbers), 0.0)
    low = min(min(numbers), 0.0)
    span = (high - low) or 1.0
    limits = (low - (span * headroom if low < 0 else 0), high + span * headroom)
    (ax.set_xlim if axis == "x" else ax.set_ylim)(*limits)


def _bare_value_axis(ax: Axes, axis: str) -> None:
    """Direct labels carry the values, so the value axis keeps only its zero line."""
    from matplotlib.ticker import FixedLocator

    if axis == "y":
        ax.yaxis.set_major_locator(FixedLocator([]))
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="x", length=0)
    else:
        ax.xaxis.set_major_locator(FixedLocator([]))
        ax.spines["bottom"].set_visible(False)


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(" ".join(text.split()), width)) or text
