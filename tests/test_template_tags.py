"""The Word template and the render context agree: every tag is provided, every key is used, and a
tag naming nothing raises instead of printing an empty string (StrictUndefined)."""
from __future__ import annotations

import zipfile
from pathlib import Path

import jinja2
import pytest

from lkj_engine.compute.engine import compute
from lkj_engine.render.charts import make_charts
from lkj_engine.render.context import build_context
from lkj_engine.assets import WORD_TEMPLATE as TEMPLATE
from lkj_engine.render.report import render_report
from report_fixture import example_workbook
from jajaran_factory import kanim_satker, kanwil_workbook
from lkj_engine.compute.jajaran import consolidate
from lkj_engine.render.jajaran_charts import make_jajaran_charts
from lkj_engine.render.template_tags import EACH, Path_, template_paths

# Top-level context keys the template does not print, with the reason they stay.
UNUSED_ON_PURPOSE: dict[str, str] = {
    "ikk": "flat list of every IKK (the template walks sasaran[].ikk); test_robustness reads one "
           "IKK's printed capaian from it",
}
# Lists the example workbook leaves empty, so the paths below them cannot be checked on it.
EMPTY_IN_EXAMPLE: dict[str, str] = {
    "catatan_capaian": "every capaian of the example can be computed",
    "gambar.bab1": "the example has no Gambar rows", "gambar.bab2": "the example has no Gambar rows",
    "gambar.bab3a": "the example has no Gambar rows", "gambar.bab3b": "the example has no Gambar rows",
    "gambar.bab3c": "the example has no Gambar rows", "gambar.lampiran_pk": "the example has no PK scan",
    "gambar.lampiran_pk_berikut": "the example has no PK scan", "gambar.lampiran_lain": "the example has no Lampiran rows",
    "saran.default": "every IKK of the example has a solusi, so no default saran",
    "anggaran.terbagi": "no kegiatan of the example serves two sasaran (tests/test_budget_tables.py has one)",
    "jajaran.penghargaan": "the factory's Kanim have no award (tests/test_jajaran_review.py gives one one)",
}


def _resolve(value: object, path: Path_, where: str = "") -> tuple[list[str], int]:
    """(missing steps, times the whole path was reached) of `path` below `value`, looked up as
    Jinja does (key or index, then attribute). An empty list hides nothing; it only reaches nothing."""
    if not path:
        return [], 1
    step, rest = path[0], path[1:]
    if step == EACH:
        if not isinstance(value, (list, tuple)):
            return [f"{where}: not a list"], 0
        found = [_resolve(v, rest, f"{where}[{i}]") for i, v in enumerate(value)]
        return [m for miss, _ in found for m in miss], sum(n for _, n in found)
    here = f"{where}[{step}]" if isinstance(step, int) else f"{where}.{step}".lstrip(".")
    if isinstance(step, int) and isinstance(value, (list, tuple)) and -len(value) <= step < len(value):
        return _resolve(value[step], rest, here)
    if isinstance(value, dict) and step in value:
        return _resolve(value[step], rest, here)
    if isinstance(step, str) and not isinstance(value, dict) and hasattr(value, step):
        return _resolve(getattr(value, step), rest, here)
    return [here], 0


def _unchecked(path: Path_) -> bool:
    """Whether the path lies below a list EMPTY_IN_EXAMPLE names."""
    name = ".".join(str(s) for s in path).replace(".[]", "[]")
    return any(name.startswith(prefix + "[]") for prefix in EMPTY_IN_EXAMPLE)


@pytest.fixture(scope="module")
def context(tmp_path_factory) -> dict:
    """The example's context; the Kanwil-only key `jajaran` (None for a Kanim) from a Kanwil run."""
    results = compute(example_workbook())
    charts = make_charts(results)
    kanim = build_context(results, charts, [])
    assert kanim["jajaran"] is None
    regional = consolidate(kanwil_workbook(), kanim_satker())
    charts = {**make_charts(regional), **make_jajaran_charts(regional)}
    return {**kanim, "jajaran": build_context(regional, charts, [])["jajaran"]}


def test_walker_sees_loops_and_attributes() -> None:
    """The parser resolves loop variables to their list, so the coverage checks below mean something."""
    paths = template_paths()
    assert ("satker", "nama") in paths
    assert ("sasaran", EACH, "ikk", EACH, "capaian") in paths
    assert not any(p[0] in {"s", "k", "x", "r", "loop"} for p in paths)


def test_every_template_tag_is_in_the_context(context: dict) -> None:
    missing, unreached = [], []
    for path in sorted(template_paths(), key=str):
        miss, reached = _resolve(context, path)
        missing += miss
        if not reached and not miss and not _unchecked(path):
            unreached.append(path)
    assert missing == []
    assert unreached == [], "paths below lists the example leaves empty: list them in EMPTY_IN_EXAMPLE"


def test_every_context_key_is_used_by_the_template(context: dict) -> None:
    used = {p[0] for p in template_paths()}
    unused = sorted(set(context) - used - set(UNUSED_ON_PURPOSE))
    assert unused == []
    assert not set(UNUSED_ON_PURPOSE) & used, "an exception listed as unused is used after all"


def test_typo_in_a_tag_raises(tmp_path: Path) -> None:
    """A misspelled tag fails the render loudly instead of leaving a blank in the report."""
    broken = tmp_path / "typo.docx"
    with zipfile.ZipFile(TEMPLATE) as src, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert "satker.nama_kapital" in text
                text = text.replace("satker.nama_kapital", "satker.nama_kapitl", 1)
                data = text.encode("utf-8")
            dst.writestr(item, data)
    results = compute(example_workbook())
    with pytest.raises(jinja2.UndefinedError, match="nama_kapitl"):
        render_report(results, [], tmp_path / "out.docx", template=broken)
    assert not (tmp_path / "out.docx").exists()
