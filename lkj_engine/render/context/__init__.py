"""Results → the render context: every string the Word template prints, formatted once.

Each figure becomes text here, through `formatting` only, and the same string object is reused
wherever the report prints it (the capaian of an IKK in the capaian table, in its analysis, in the
Ringkasan and in BAB IV). Data-driven sentences (trend words, above/below the national standard,
PNBP without a target, counts with words) are built here too. A value the engine could not
compute prints as its reason, never as 0, ``None`` or ``nan``. Nothing here touches files:
images are passed on as `ImageRef` and placed by `report`.

One builder per part of the report, composed by `build_context`: `identitas` (cover, signatures,
year profile, pictures), `teks` (the profile's boilerplate prose), `capaian` (sasaran and IKK, with
`ikk`, `komposit`, `perbandingan` for the analyses), `bab1`, `bab2`, `anggaran` (BAB II budget,
III.B-C), `lainnya` (III.D), `bab4`, `jajaran` (a Kanwil's per-satker tables). Each returns its own
top-level keys; the shared ``kosong`` and ``grafik`` tables are merged.
"""
from __future__ import annotations


from lkj_engine.contract.problems import Problem
from lkj_engine.contract.profile import profile_for
from lkj_engine.model.results import Results
from lkj_engine.render.context.anggaran import anggaran_chapter_context
from lkj_engine.render.context.bab1 import bab1_context
from lkj_engine.render.context.bab2 import bab2_context
from lkj_engine.render.context.bab4 import bab4_context
from lkj_engine.render.context.capaian import capaian_context
from lkj_engine.render.context.common import Clerk, ImageRef
from lkj_engine.render.context.identitas import gambar_context, identitas_context, narasi_context
from lkj_engine.render.context.jajaran import jajaran_context
from lkj_engine.render.context.lainnya import lainnya_context
from lkj_engine.render.context.teks import teks_context
from lkj_engine.render.chart_spec import Figure

__all__ = ["ImageRef", "build_context"]

# Keys several builders contribute to: merged one level deep instead of overwritten.
SHARED = ("kosong", "grafik")


def merge(*parts: dict) -> dict:
    """One context from the builders' parts; a top-level key given twice is a bug, not an override."""
    context: dict = {key: {} for key in SHARED}
    for part in parts:
        for key, value in part.items():
            if key in SHARED:
                clash = context[key].keys() & value.keys()
            elif key in context:
                clash = {key}
            else:
                clash = set()
            if clash:
                raise ValueError(f"context key given twice: {sorted(clash)}")
            if key in SHARED:
                context[key].update(value)
            else:
                context[key] = value
    return context


def build_context(results: Results, charts: dict[str, Figure] | None = None,
                  warnings: list[Problem] | None = None) -> dict:
    """Every string of the report, from the engine's results (and the charts' PNG paths).

    Warnings about the clerk's text (removed control characters) are appended to `warnings`.
    """
    charts = charts or {}
    warnings = warnings if warnings is not None else []
    wb = results.workbook
    clerk = Clerk(wb, warnings)
    identitas = identitas_context(wb, clerk)
    # the ministry and the Pedoman print only inside the profile's prose (teks), not as tags of their own
    nama_resmi = {key: identitas.pop(key) for key in ("kementerian", "pedoman")}
    nama, tahun = identitas["satker"]["nama"], wb.identitas.tahun
    capaian = capaian_context(results, clerk, charts, identitas["satker"]["nama_singkat"])
    sasaran = capaian["sasaran"]
    profile, _ = profile_for(wb.identitas.tahun)
    return merge(
        identitas,
        teks_context(profile, identitas, nama_resmi),
        capaian,
        narasi_context(clerk),
        bab1_context(results, nama, charts),
        bab2_context(sasaran),
        anggaran_chapter_context(results, nama, tahun, charts),
        lainnya_context(wb, clerk),
        bab4_context(results, sasaran),
        gambar_context(wb, clerk),
        jajaran_context(results, charts),
    )
