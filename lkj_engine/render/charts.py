"""The report's charts, described from the engine's Results (`chart_spec`); `docx_chart` writes them.

Native Word charts rather than pictures: the clerk can edit them in Word (their data is embedded),
they stay sharp in print and in the PDF, and describing one costs microseconds where drawing a PNG
cost a tenth of a second. Indicators are named as the PK names them (the IKK's name, never the
internal "IKK-n" code). Every bar's text is the string the tables print; a value that cannot be
computed draws no bar and says so beside its category, never a 0 bar.

Sizes: a chart is placed at its width and height in cm; heights grow with the lines its longest
texts take (`chart_spec.text_lines`), so a long IKK name or many indicators get room instead of
crowding the renderer.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from lkj_engine.contract import formatting as fmt
from lkj_engine.model.results import BelanjaYear, IkkResult, PegawaiDimensi, Results
from lkj_engine.render.chart_spec import (HALF_WIDTH_CM, LINE_CM, MAX_PANEL_CM, NAME_SHARE, WIDTH_CM, ChartSpec, Figure, Series,
                                         text_lines)



def make_charts(results: Results) -> dict[str, Figure]:
    """Every chart that has data, keyed as the context looks them up; a chart without data is left out."""
    figures: dict[str, Figure] = {}
    if results.ikk:
        figures["ikk_target_realisasi"] = ikk_target_realisasi_figure(results.ikk)
    if any(r.capaian is not None for r in results.ikk):
        figures["ikk_capaian"] = Figure(ikk_capaian_chart(results.ikk))
    years = _belanja_years(results)
    if years:
        figures["belanja"] = belanja_figure(years)
    for dim in results.pegawai:
        if dim.rows:
            figures[pegawai_key(dim.dimensi)] = Figure(pegawai_chart(dim))
    return figures


# --- target vs realisasi --------------------------------------------------------------------------


def ikk_target_realisasi_figure(ikk: list[IkkResult]) -> Figure:
    """One small panel per IKK, two to a line: their units differ (index, 1-4 scale, %), so no
    shared axis. Panels of one line share the height of its longest title."""
    width = WIDTH_CM if len(ikk) == 1 else HALF_WIDTH_CM
    titles = [f"{r.ikk.nama} ({r.ikk.satuan})" for r in ikk]
    title_lines = [text_lines(t, width - 0.4, bold=True) for t in titles]
    panels = []
    for i, (r, title) in enumerate(zip(ikk, titles)):
        pair = title_lines[i - i % 2: i - i % 2 + 2]
        label = _unit_formatter(r.ikk.satuan)
        values = (r.ikk.target, r.realisasi)
        categories = ("Target", "Realisasi" if r.realisasi is not None else f"Realisasi ({fmt.NOT_COMPUTABLE})")
        panels.append(ChartSpec(
            categories=categories,
            series=(Series("Nilai", values, tuple(label(v) if v is not None else "" for v in values),
                           "tunggal", point_looks=("rencana", "realisasi")),),
            width_cm=width, height_cm=4.6 + LINE_CM * max(pair), title=title,
        ))
    return Figure(tuple(panels))


def _unit_formatter(satuan: str):
    """Bar labels as the tables print them: ``91,00%``, ``96,35``, ``1.250`` (a count of Dokumen)."""
    if satuan == "%":
        return fmt.percent
    return lambda v: fmt.bare(v, satuan)


# --- capaian --------------------------------------------------------------------------------------


def ikk_capaian_chart(ikk: list[IkkResult]) -> tuple[ChartSpec, ...]:
    """Horizontal bars so the long IKK names read level, with the 100 % target as a gridline."""
    names = [r.ikk.nama if r.capaian is not None else f"{r.ikk.nama} (capaian {fmt.NOT_COMPUTABLE})"
             for r in ikk]
    values = tuple(r.capaian for r in ikk)
    return horizontal_chart(names, (Series("Capaian", values, tuple(fmt.percent(v) if v is not None else ""
                                                                    for v in values), "tunggal"),),
                            value_axis="persen")


def horizontal_chart(names: list[str], series: tuple[Series, ...], value_axis=None, legend: bool = False,
                     title: str = "") -> tuple[ChartSpec, ...]:
    """Bars across the text width, one category per name, each row as tall as its name wraps; a
    chart taller than a page is split into panels of consecutive rows on one value scale."""
    name_cm = WIDTH_CM * NAME_SHARE
    rows = [LINE_CM * (max(text_lines(n, name_cm), len(series)) + 0.8) for n in names]
    extra = (0.9 if value_axis else 0.3) + (0.8 if legend else 0)
    whole = _horizontal(names, series, rows, value_axis, legend, title, extra)
    low, high = whole.value_range()
    groups, used = [[]], 0.0
    for i, row in enumerate(rows):
        if groups[-1] and used + row + extra + 1.6 > MAX_PANEL_CM:
            groups.append([])
            used = 0.0
        groups[-1].append(i)
        used += row
    if len(groups) == 1:
        return (whole,)
    return tuple(replace(_horizontal([names[i] for i in g], tuple(_part(s, g) for s in series), [rows[i] for i in g],
                                     value_axis, legend, title if k == 0 else "", extra), value_min=low, value_max=high)
                 for k, g in enumerate(groups))


def _horizontal(names, series, rows, value_axis, legend, title, extra) -> ChartSpec:
    return ChartSpec(categories=tuple(names), series=series, width_cm=WIDTH_CM,
                     height_cm=round(1.0 + extra + (LINE_CM * 1.5 if title else 0) + sum(rows), 2),
                     horizontal=True, title=title, legend=legend, value_axis=value_axis)


def _part(s: Series, rows: list[int]) -> Series:
    """The rows of one panel of a split chart."""
    return replace(s, values=tuple(s.values[i] for i in rows), labels=tuple(s.labels[i] for i in rows),
                   point_looks=tuple(s.point_looks[i] for i in rows) if s.point_looks else ())


# --- belanja --------------------------------------------------------------------------------------


def _belanja_years(results: Results) -> list[BelanjaYear]:
    """The report year and the year before, those that have spending lines, oldest first."""
    tahun = results.workbook.tahun
    return [b for b in results.belanja if b.tahun in (tahun - 1, tahun) and b.lines]


def belanja_figure(years: list[BelanjaYear]) -> Figure:
    """One panel per year on the same rupiah scale, so the two years compare at a glance."""
    top = max([line.pagu for b in years for line in b.lines]
              + [line.realisasi for b in years for line in b.lines if line.realisasi is not None])
    panels = []
    for year in years:
        pagu = Series("Pagu", tuple(_miliar(line.pagu) for line in year.lines),
                      tuple(fmt.miliar(line.pagu) for line in year.lines), "rencana")
        real = Series("Realisasi (dan % realisasi)", tuple(_miliar(line.realisasi) for line in year.lines),
                      tuple("" if line.realisasi is None else f"{fmt.miliar(line.realisasi)}\n({fmt.percent(line.persen)})"
                            for line in year.lines), "realisasi")
        names = [line.label for line in year.lines]
        name_lines = max(text_lines(n, WIDTH_CM / max(len(names), 2) - 0.5) for n in names)
        panels.append(ChartSpec(categories=tuple(names), series=(pagu, real), width_cm=WIDTH_CM,
                                height_cm=round(6.0 + LINE_CM * name_lines, 2),
                                title=f"Tahun {year.tahun} (miliar rupiah)", legend=True,
                                value_max=_miliar(top) * Decimal("1.25"), value_min=Decimal(0)))
    return Figure(tuple(panels))


def _miliar(value: Decimal | None) -> Decimal | None:
    """Bar length in billions of rupiah (labels come from `fmt.miliar`)."""
    return None if value is None else Decimal(value) / fmt.MILIAR


# --- pegawai --------------------------------------------------------------------------------------


def pegawai_key(dimensi: str) -> str:
    """``pegawai_jenis_kelamin``: the chart key of a Pegawai dimension (the context looks it up)."""
    return "pegawai_" + re.sub(r"[^0-9a-z]+", "_", dimensi.casefold()).strip("_")


def pegawai_chart(dim: PegawaiDimensi) -> tuple[ChartSpec, ...]:
    """Counts per category, in the clerk's order (age bands and ranks have a natural order)."""
    counts = tuple(Decimal(n) for _, n in dim.rows)
    return horizontal_chart([k for k, _ in dim.rows],
                            (Series("Jumlah pegawai", counts, tuple(fmt.count(n) for n in counts), "tunggal"),),
                            title=f"Jumlah pegawai: {fmt.count(dim.total)} orang")
