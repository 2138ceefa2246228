"""The two jajaran charts of a Kanwil's report: budget realisation and capaian per satker.

Described like the other charts (`charts`, `chart_spec`): horizontal, so long satker names read
level and a Kanwil with many Kanim still fits; values as the tables print them beside each bar.
A report without jajaran gets none.
"""
from __future__ import annotations

from decimal import Decimal

from lkj_engine.contract import formatting as fmt
from lkj_engine.model.jajaran import RATA_IKK_LABEL, Jajaran
from lkj_engine.model.results import Results
from lkj_engine.render.chart_spec import Figure, Series
from lkj_engine.render.charts import horizontal_chart

JUTA = Decimal(10) ** 6
WILAYAH = "Wilayah (regional)"


def _scale(values: list[Decimal]) -> tuple[Decimal, str]:
    """Miliar rupiah for real budgets; juta for a small office, so no bar reads 0,00."""
    return (fmt.MILIAR, "miliar rupiah") if max(values, default=0) >= fmt.MILIAR else (JUTA, "juta rupiah")


def anggaran_chart(j: Jajaran):
    """Pagu (hatched) and realisasi (dark, with its %) of every satker, the first satker on top."""
    unit, label = _scale([line.pagu for _, line in j.anggaran])
    lines = [line for _, line in j.anggaran]
    pagu = Series("Pagu", tuple(line.pagu / unit for line in lines),
                  tuple(fmt.number(line.pagu / unit) for line in lines), "rencana")
    real = Series("Realisasi (dan % realisasi)",
                  tuple(None if line.realisasi is None else line.realisasi / unit for line in lines),
                  tuple("" if line.realisasi is None else f"{fmt.number(line.realisasi / unit)} ({fmt.percent(line.persen)})"
                        for line in lines), "realisasi")
    names = [s if line.realisasi is not None else f"{s} (realisasi {fmt.NOT_COMPUTABLE})" for s, line in j.anggaran]
    return horizontal_chart(names, (pagu, real), legend=True, title=f"Dalam {label}")


def capaian_chart(results: Results):
    """The Wilayah column's average capaian (hatched) above each satker's, all over the IKK of Tabel 3.2
    (`Jajaran.rata_ikk`), with the 100 % gridline. The Kanwil's own average does not apply when the
    table has regional IKK (Tabel 3.2 prints "-" and says why): its bar is left out rather than drawn
    as an empty row; any other missing average is labelled not computable."""
    j = results.jajaran
    regional = any(r.wilayah for r in j.ikk)
    pairs = [(WILAYAH, j.rata_wilayah), *((n, j.rata_ikk.get(n)) for n in j.nama_satker)]
    if regional and pairs[1][1] is None:
        del pairs[1]
    shown = [n if v is not None else f"{n} ({fmt.NOT_COMPUTABLE})" for n, v in pairs]
    values = tuple(v for _, v in pairs)
    series = Series(RATA_IKK_LABEL, values,
                    tuple(fmt.percent(v) if v is not None else "" for v in values), "tunggal",
                    point_looks=("rencana",) + ("tunggal",) * (len(values) - 1))
    return horizontal_chart(shown, (series,), value_axis="persen")


def make_jajaran_charts(results: Results) -> dict[str, Figure]:
    """The jajaran charts keyed as the context looks them up (none for a report without jajaran)."""
    j = results.jajaran
    figures: dict[str, Figure] = {}
    if j is None:
        return figures
    if j.anggaran:
        figures["jajaran_anggaran"] = Figure(anggaran_chart(j))
    if j.rata_wilayah is not None or any(v is not None for v in j.rata_ikk.values()):
        figures["jajaran_capaian"] = Figure(capaian_chart(results))
    return figures
