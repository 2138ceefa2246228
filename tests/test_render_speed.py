"""The fast render path gives the same document as plain docxtpl, compiles the template once (per
process and on disk), survives a cache it cannot use, and is linear in a Data sheet's rows
(counted in Python calls, not timed)."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import jinja2
import pytest
from docxtpl import DocxTemplate
from lxml import etree

from lkj_engine.assets import WORD_TEMPLATE
from lkj_engine.compute.engine import compute
from lkj_engine.model.workbook import DataTable
from lkj_engine.render import charts, report, template_cache
from lkj_engine.render.context import build_context
from lkj_engine.render.prose import as_data
from lkj_engine.render.report_template import ReportTemplate
from tests.report_fixture import example_workbook, with_clerk_text

ROOT = Path(__file__).resolve().parent.parent


def _results(rows: int = 0, columns: int = 4):
    """The example, with the clerk's text (tabs, new lines, markup) and a Data sheet wider than the
    template's three columns, so docxtpl's grid fix and the listing pass both have work."""
    wb = with_clerk_text(example_workbook())
    if rows:
        wb.data_tables.append(DataTable(
            "Data Uji", "Uji", [f"Kolom {c}" for c in range(columns)],
            [[f"{r}\t{c}" if c == 1 else f"{r * c}" for c in range(columns)] for r in range(rows)]))
    return compute(wb)


def _render(template_class, env: jinja2.Environment, context: dict, fit_tables: bool) -> bytes:
    tpl = template_class(str(WORD_TEMPLATE))
    ready = as_data(report._place_images(tpl, context, []))
    tpl.render(ready, jinja_env=env, autoescape=True)
    report.finish(tpl.docx)
    if fit_tables:
        report.fit_table_cells(tpl.docx.element.find(report.W + "body"))
    return etree.tostring(tpl.docx.element)


def test_same_document_xml_as_plain_docxtpl(tmp_path: Path) -> None:
    results = _results(rows=25, columns=5)
    context = build_context(results, charts.make_charts(results), [])
    plain = _render(DocxTemplate, jinja2.Environment(undefined=jinja2.StrictUndefined), context, True)
    fast = _render(ReportTemplate, report.jinja_env(), context, False)
    assert fast == plain
    assert b"Kolom 4" in fast and b"<w:tab/>" in fast  # the wide table and a typed tab made it


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(template_cache.ENV_OVERRIDE, str(folder))
    monkeypatch.setattr(template_cache, "_memory", {})
    return folder


def _count_compiles(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    counts = {"jinja": 0, "patch": 0}
    compile_, patch = jinja2.Environment.compile, DocxTemplate.patch_xml

    def counting_compile(self, *args, **kwargs):
        counts["jinja"] += 1
        return compile_(self, *args, **kwargs)

    def counting_patch(self, xml):
        counts["patch"] += 1
        return patch(self, xml)

    monkeypatch.setattr(jinja2.Environment, "compile", counting_compile)
    monkeypatch.setattr(DocxTemplate, "patch_xml", counting_patch)
    return counts


def _text(docx: Path) -> bytes:
    with zipfile.ZipFile(docx) as z:
        return z.read("word/document.xml")


def test_template_compiled_once_per_process_then_from_disk(fresh_cache: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    counts = _count_compiles(monkeypatch)
    monkeypatch.setattr(report, "make_charts", lambda results: {})
    results = _results()
    report.render_report(results, [], tmp_path / "a.docx")
    first = dict(counts)
    assert first["jinja"] >= 1 and first["patch"] >= 1
    assert any(fresh_cache.glob("jinja-*")) and any(fresh_cache.glob("patch-*"))

    report.render_report(results, [], tmp_path / "b.docx")  # same process: memory
    assert counts == first

    monkeypatch.setattr(template_cache, "_memory", {})  # as a new process: disk only
    report.render_report(results, [], tmp_path / "c.docx")
    assert counts == first
    assert _text(tmp_path / "a.docx") == _text(tmp_path / "b.docx") == _text(tmp_path / "c.docx")


def test_damaged_or_unwritable_cache_only_costs_time(fresh_cache: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report, "make_charts", lambda results: {})
    results = _results()
    report.render_report(results, [], tmp_path / "good.docx")
    for entry in fresh_cache.iterdir():
        entry.write_bytes(b"\x00 not a cache entry")
    monkeypatch.setattr(template_cache, "_memory", {})
    report.render_report(results, [], tmp_path / "damaged.docx")

    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    monkeypatch.setenv(template_cache.ENV_OVERRIDE, str(blocker / "cache"))  # cannot be created
    monkeypatch.setattr(template_cache, "_memory", {})
    report.render_report(results, [], tmp_path / "unwritable.docx")
    assert _text(tmp_path / "good.docx") == _text(tmp_path / "damaged.docx") == _text(tmp_path / "unwritable.docx")


def test_cache_folder_is_outside_the_project(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(template_cache.ENV_OVERRIDE, raising=False)
    folder = template_cache.cache_dir().resolve()
    assert ROOT not in folder.parents and folder != ROOT
    assert "lkjip" in folder.parts


def test_fresh_process_uses_the_disk_cache(fresh_cache: Path, tmp_path: Path) -> None:
    """A new command skips the compilation: with Jinja's compiler broken, the render still works."""
    script = (
        "import sys, jinja2; from pathlib import Path\n"
        "from lkj_engine.render import charts, report\n"
        "from lkj_engine.compute.engine import compute\n"
        "from tests.report_fixture import example_workbook\n"
        "report.make_charts = lambda results: {}\n"
        "if sys.argv[1] == 'broken':\n"
        "    def refuse(*a, **k): raise RuntimeError('compiled again')\n"
        "    jinja2.Environment.compile = refuse\n"
        "report.render_report(compute(example_workbook()), [], Path(sys.argv[2]))\n"
    )
    env = {**__import__("os").environ, template_cache.ENV_OVERRIDE: str(fresh_cache)}
    run = lambda mode, out: subprocess.run([sys.executable, "-c", script, mode, str(out)], cwd=ROOT, env=env,
                                           capture_output=True, text=True)
    cold = run("broken", tmp_path / "cold.docx")
    assert cold.returncode != 0 and "compiled again" in cold.stderr  # proves the probe bites
    assert run("normal", tmp_path / "warm.docx").returncode == 0
    warm = run("broken", tmp_path / "again.docx")
    assert warm.returncode == 0, warm.stderr
    assert _text(tmp_path / "warm.docx") == _text(tmp_path / "again.docx")


def _python_calls(rows: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> int:
    """Python and builtin calls made by render_report (charts left out) for a Data sheet of `rows`."""
    monkeypatch.setattr(report, "make_charts", lambda results: {})
    results = _results(rows=rows)
    report.render_report(results, [], tmp_path / "warm.docx")  # compiled templates in memory
    count = 0

    def profile(frame, event, arg) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        report.render_report(results, [], tmp_path / f"rows{rows}.docx")
    finally:
        sys.setprofile(None)
    return count


def test_render_is_linear_in_data_rows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    base = _python_calls(0, monkeypatch, tmp_path)
    small = _python_calls(250, monkeypatch, tmp_path) - base
    large = _python_calls(1000, monkeypatch, tmp_path) - base
    assert small > 250  # each row costs some calls, so the probe measures the rows
    assert large <= 4.2 * small, (small, large)  # 4x the rows, about 4x the work
