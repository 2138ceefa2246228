"""The two jajaran charts of a Kanwil's report: budget realisation and capaian per satker.

Drawn with the helpers of `charts` (same width, fonts, greys and hatches, values as text beside
each bar, formatted by `formatting`), horizontally so that long satker names read level and a
Kanwil with many Kanim still fits. `make_jajaran_charts` writes ``jajaran_anggaran.png`` and
``jajaran_capaian.png``; a report without jajaran gets none.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from lkj_engine.contract import formatting as fmt
from lkj_engine.model.jajaran import Jajaran
from lkj_engine.model.results import Results
from lkj_engine.render.chart_layout import fix_layout
from lkj_engine.render.charts import (ACTUAL_FACE, DPI, EDGE, PLAN_FACE, PLAN_HATCH, SINGLE_FACE, _bars, _figure,
                                      _style, _value_limits, _wrap)

JUTA = Decimal(10) ** 6
WILAYAH = "Wilayah (regional)"


def _scale(values: list[Decimal]) -> tuple[Decimal, str]:
    """Miliar rupiah for real budgets; juta for a small office, so no bar reads 0,00."""
    return (fmt.MILIAR, "Miliar rupiah") if max(values, default=0) >= fmt.MILIAR else (JUTA, "Juta rupiah")


def anggaran_figure(j: Jajaran) -> Figure:
    """Pagu (hatched) and realisasi (dark, with its %) of every satker, the first satker on top."""
    n = len(j.anggaran)
    unit, label = _scale([line.pagu for _, line in j.anggaran])
    fig = _figure(2.2 + 1.15 * n)
    ax = fig.subplots()
    positions, values, faces, hatches, labels = [], [], [], [], []
    for i, (_, line) in enumerate(j.anggaran):
        row = n - 1 - i
        real = None if line.realisasi is None else line.realisasi / unit
        positions += [row + 0.19, row - 0.19]
        values += [line.pagu / unit, real]
        faces += [PLAN_FACE, ACTUAL_FACE]
        hatches += [PLAN_HATCH, ""]
        labels += [fmt.number(line.pagu / unit),
                   fmt.NOT_COMPUTABLE if real is None else f"{fmt.number(real)} ({fmt.percent(line.persen)})"]
    _bars(ax, positions=positions, values=values, faces=faces, hatches=hatches, labels=labels, width=0.36,
          horizontal=True)
    ax.set_yticks(range(n)[::-1], [_wrap(s, 24) for s, _ in j.anggaran])
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_xlabel(label)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: fmt.number(Decimal(str(x)), 1)))
    _value_limits(ax, "x", [v for v in values if v is not None], headroom=0.38)
    legend = fig.legend(handles=[Patch(facecolor=PLAN_FACE, edgecolor=EDGE, hatch=PLAN_HATCH, label="Pagu"),
                                 Patch(facecolor=ACTUAL_FACE, edgecolor=EDGE, label="Realisasi (dan % realisasi)")],
                        loc="upper right", ncols=2, frameon=False, borderaxespad=0)
    fix_layout(fig, legend)
    return fig


def capaian_figure(results: Results) -> Figure:
    """The Wilayah column's average capaian (hatched) above each satker's, all over the IKK of Tabel 3.2
    (`Jajaran.rata_ikk`), with the 100% line; the Kanwil's own bar is "tidak berlaku" on regional IKK."""
    j = results.jajaran
    names = [WILAYAH, *j.nama_satker]
    values = [j.rata_wilayah, *(j.rata_ikk.get(n) for n in j.nama_satker)]
    regional = any(r.wilayah for r in j.ikk)
    labels = [fmt.percent(v) if v is not None or not (i == 1 and regional) else "tidak berlaku"
              for i, v in enumerate(values)]
    n = len(names)
    fig = _figure(2.0 + 0.75 * n)
    ax = fig.subplots()
    positions = list(range(n))[::-1]
    _bars(ax, positions=positions, values=values, faces=[PLAN_FACE] + [SINGLE_FACE] * (n - 1),
          hatches=[PLAN_HATCH] + [""] * (n - 1), labels=labels, width=0.6, horizontal=True)
    ax.set_yticks(positions, [_wrap(s, 24) for s in names])
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(-0.6, n - 0.4)
    _value_limits(ax, "x", [v for v in values if v is not None] + [Decimal(100)], headroom=0.22)
    ax.axvline(100, color="black", linestyle=(0, (5, 3)), linewidth=1.0, zorder=1)
    ax.annotate("Target " + fmt.percent(Decimal(100), places=0), xy=(100, 1), xycoords=("data", "axes fraction"),
                xytext=(0, 3), textcoords="offset points", ha="center", va="bottom")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: fmt.percent(Decimal(str(x)), places=0)))
    ax.set_xlabel("Rata-rata capaian kinerja")
    fix_layout(fig)
    return fig


def build_jajaran_figures(results: Results) -> dict[str, Figure]:
    j = results.jajaran
    figures: dict[str, Figure] = {}
    if j is None:
        return figures
    with _style():
        if j.anggaran:
            figures["jajaran_anggaran"] = anggaran_figure(j)
        if j.rata_wilayah is not None or any(v is not None for v in j.rata_ikk.values()):
            figures["jajaran_capaian"] = capaian_figure(results)
    return figures


def make_jajaran_charts(results: Results, out_dir: Path) -> dict[str, Path]:
    """Write the jajaran charts as `<key>.png` in out_dir (none for a report without jajaran)."""
    out_dir = Path(out_dir)
    paths: dict[str, Path] = {}
    with _style():
        figures = build_jajaran_figures(results)
        if figures:
            out_dir.mkdir(parents=True, exist_ok=True)
        for key, fig in figures.items():
            path = out_dir / f"{key}.png"
            fig.savefig(path, dpi=DPI, metadata={"Software": None})
            paths[key] = path
    return paths
