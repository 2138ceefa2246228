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

Every builder returns a `TypedDict` declared beside it (`anggaran_types`, `jajaran_types` for the two
long ones), and `ReportContext` is the whole: what the template may print, key by key. Jinja sees
plain dicts; tests/test_context_types.py checks the built dicts against these declarations.
"""
from __future__ import annotations

from typing import cast

from lkj_engine.contract.problems import Problem
from lkj_engine.contract.profile import profile_for
from lkj_engine.model.results import Results
from lkj_engine.render.context.anggaran import anggaran_chapter_context
from lkj_engine.render.context.anggaran_types import AnggaranGrafik, AnggaranKeys, AnggaranKosong
from lkj_engine.render.context.bab1 import Bab1Keys, Bab1Kosong, bab1_context
from lkj_engine.render.context.bab2 import Bab2Keys, Bab2Kosong, bab2_context
from lkj_engine.render.context.bab4 import Bab4Keys, bab4_context
from lkj_engine.render.context.capaian import CapaianGrafik, CapaianKeys, capaian_context
from lkj_engine.render.context.common import Clerk, ImageRef
from lkj_engine.render.context.identitas import (
    GambarContext, IdentitasKeys, NarasiContext, gambar_context, identitas_context, narasi_context)
from lkj_engine.render.context.jajaran import jajaran_context
from lkj_engine.render.context.jajaran_types import JajaranContext
from lkj_engine.render.context.lainnya import LainnyaKeys, LainnyaKosong, lainnya_context
from lkj_engine.render.context.teks import TeksContext, teks_context
from lkj_engine.render.chart_spec import Figure

__all__ = ["ImageRef", "ReportContext", "build_context"]


class Kosong(Bab1Kosong, Bab2Kosong, AnggaranKosong, LainnyaKosong):
    """The sentence printed in place of each table or text the workbook leaves empty, from every chapter."""


class Grafik(CapaianGrafik, AnggaranGrafik):
    """The charts outside the tables they belong to (a staff dimension's and the jajaran's are in their own)."""


class ReportContext(IdentitasKeys, TeksContext, CapaianKeys, NarasiContext, Bab1Keys, Bab2Keys, AnggaranKeys,
                    LainnyaKeys, Bab4Keys, GambarContext, JajaranContext):
    """Every key the Word template may print: each builder's own keys, and the two tables they share."""

    kosong: Kosong
    grafik: Grafik


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
                  warnings: list[Problem] | None = None) -> ReportContext:
    """Every string of the report, from the engine's results (and the charts' PNG paths).

    Warnings about the clerk's text (removed control characters) are appended to `warnings`.
    """
    charts = charts or {}
    warnings = warnings if warnings is not None else []
    wb = results.workbook
    clerk = Clerk(wb, warnings)
    identitas = identitas_context(wb, clerk)
    # the ministry and the Pedoman print only inside the profile's prose (teks), not as tags of their own
    nama_resmi = {key: identitas[key] for key in ("kementerian", "pedoman")}
    nama, tahun = identitas["satker"]["nama"], wb.identitas.tahun
    capaian = capaian_context(results, clerk, charts, identitas["satker"]["nama_singkat"])
    sasaran = capaian["sasaran"]
    profile, _ = profile_for(wb.identitas.tahun)
    return cast(ReportContext, merge(
        {key: value for key, value in identitas.items() if key not in nama_resmi},
        teks_context(profile, identitas, nama_resmi),
        capaian,
        narasi_context(clerk),
        bab1_context(results, nama, charts),
        bab2_context(sasaran),
        anggaran_chapter_context(results, nama, tahun, charts),
        lainnya_context(wb, clerk, consolidated=results.jajaran is not None),
        bab4_context(results, sasaran),
        gambar_context(wb, clerk),
        jajaran_context(results, charts),
    ))
