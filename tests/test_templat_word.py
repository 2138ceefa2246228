"""A Kanwil's own Word template (issue 11): `--templat-word FILE.docx` or Identitas "Templat Word"
renders with a restyled copy of the committed template; a copy that lost a tag of the report or holds
one the report does not know is refused before any workbook is read, naming the tag, exit status 1,
nothing written. Copies are built in the test from the committed template, editing its XML parts only
(python-docx could split the runs of a tag)."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from conftest import EXAMPLE
from example_content import edited, example_content, write
from lkj_engine.assets import WORD_TEMPLATE
from lkj_engine.cli.main import main
from lkj_engine.jobs.batch import generate
from lkj_engine.jobs.pipeline import WordTemplateRefused
from lkj_engine.render.template_tags import word_template_problems

FONT = "Courier New"
TAG = "{{ satker.nama_kapital }}"  # printed once, on the cover


def _copy(path: Path, part: str, edit) -> Path:
    """The committed template with one part's XML edited by `edit` (text -> text)."""
    with zipfile.ZipFile(WORD_TEMPLATE) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == part:
                text = data.decode("utf-8")
                edited_text = edit(text)
                assert edited_text != text, "the edit changed nothing"
                data = edited_text.encode("utf-8")
            dst.writestr(item, data)
    return path


def restyled(path: Path) -> Path:
    """Heading 1 in another font: the Kanwil's restyling, done on styles.xml alone."""
    def heading_font(xml: str) -> str:
        start = xml.index('w:styleId="Heading1"')
        end = xml.index("</w:style>", start)
        block = re.sub(r'w:(ascii|hAnsi|cs|eastAsia)="[^"]*"', rf'w:\1="{FONT}"', xml[start:end])
        return xml[:start] + block + xml[end:]
    return _copy(path, "word/styles.xml", heading_font)


def without_tag(path: Path) -> Path:
    def drop(xml: str) -> str:
        assert xml.count(TAG) == 1
        return xml.replace(TAG, "")
    return _copy(path, "word/document.xml", drop)


def with_unknown_tag(path: Path) -> Path:
    return _copy(path, "word/document.xml", lambda xml: xml.replace(TAG, TAG + "{{ tidak_ada }}", 1))


def _heading_fonts(docx: Path) -> str | None:
    return Document(str(docx)).styles["Heading 1"].font.name


def test_a_restyled_copy_renders_and_the_report_has_its_style(tmp_path, capsys):
    copy = restyled(tmp_path / "templat_kanwil.docx")
    assert word_template_problems(copy) == []
    out = tmp_path / "hasil"

    assert main([str(EXAMPLE), "-o", str(out), "--templat-word", str(copy)]) == 0, capsys.readouterr()

    reports = list(out.glob("*.docx"))
    assert len(reports) == 1
    assert _heading_fonts(reports[0]) == FONT
    assert _heading_fonts(WORD_TEMPLATE) != FONT


@pytest.mark.parametrize("make, named", [(without_tag, TAG), (with_unknown_tag, "{{ tidak_ada }}")],
                         ids=["tag-hilang", "tag-tidak-dikenal"])
def test_a_copy_with_other_tags_is_refused_before_any_work(tmp_path, capsys, make, named):
    copy = make(tmp_path / "templat_kanwil.docx")
    out = tmp_path / "hasil"
    missing_workbook = tmp_path / "belum_ada.xlsx"  # never read: the template is refused first

    status = main([str(missing_workbook), "-o", str(out), "--templat-word", str(copy)])

    printed = capsys.readouterr()
    text = re.sub(r"\s+", " ", printed.out + printed.err)
    assert status == 1
    assert named in text and copy.name in text
    assert "belum_ada.xlsx" not in text  # no workbook was looked at
    assert not out.exists() or not any(out.iterdir())
    [problem] = word_template_problems(copy)
    assert problem.kode == "templat-word-tidak-cocok" and problem.level == "galat"


def test_the_library_refuses_the_copy_before_reading_a_workbook(tmp_path):
    copy = with_unknown_tag(tmp_path / "templat_kanwil.docx")
    with pytest.raises(WordTemplateRefused) as refused:
        generate(tmp_path / "belum_ada.xlsx", tmp_path / "hasil", template=copy)
    assert [p.kode for p in refused.value.problems] == ["templat-word-tidak-cocok"]
    assert not (tmp_path / "hasil").exists()


@pytest.fixture(scope="module")
def content() -> dict:
    return example_content()


def _with_identitas_template(folder: Path, content: dict, name: str) -> Path:
    identitas = dict(content["Identitas"], templat_word=name)
    return write(folder, edited(content, Identitas=identitas))


def test_identitas_names_a_copy_relative_to_the_workbook(tmp_path, content):
    (tmp_path / "templat").mkdir()
    restyled(tmp_path / "templat" / "kanwil.docx")
    path = _with_identitas_template(tmp_path, content, "templat/kanwil.docx")

    outcome = generate(path, tmp_path / "hasil")

    assert outcome.status == "berhasil", outcome.message
    assert _heading_fonts(outcome.laporan) == FONT


def test_a_refused_identitas_copy_fails_that_workbook_at_its_cell_and_the_option_wins(tmp_path, content):
    with_unknown_tag(tmp_path / "kanwil.docx")
    path = _with_identitas_template(tmp_path, content, "kanwil.docx")

    outcome = generate(path, tmp_path / "hasil")

    assert outcome.status == "gagal"
    [problem] = [p for p in outcome.problems if p.kode == "templat-word-tidak-cocok"]
    assert problem.sheet == "Identitas" and re.fullmatch(r"B\d+", problem.cell or "")
    assert "{{ tidak_ada }}" in problem.message
    assert not any((tmp_path / "hasil").glob("*.docx"))

    good = restyled(tmp_path / "baik.docx")
    outcome = generate(path, tmp_path / "hasil", template=good)  # the command line's option wins
    assert outcome.status == "berhasil", outcome.message
    assert _heading_fonts(outcome.laporan) == FONT


def test_a_missing_or_damaged_template_is_named(tmp_path):
    [missing] = word_template_problems(tmp_path / "tidak_ada.docx")
    assert missing.kode == "templat-word-tidak-ada"
    (tmp_path / "bukan.docx").write_text("bukan dokumen Word")
    [damaged] = word_template_problems(tmp_path / "bukan.docx")
    assert damaged.kode == "templat-word-rusak" and "bukan.docx" in damaged.message
    broken = _copy(tmp_path / "rusak.docx", "word/document.xml", lambda xml: xml.replace("{%p endif %}", "", 1))
    [structure] = word_template_problems(broken)
    assert structure.kode == "templat-word-rusak"


def test_a_jajaran_run_renders_every_report_with_the_copy(tmp_path, capsys):
    """The Kanim reports (built in worker processes) and the Kanwil's consolidated one."""
    copy = restyled(tmp_path / "templat_kanwil.docx")
    out = tmp_path / "hasil"

    status = main([str(EXAMPLE.parent / "contoh_jajaran"), "-o", str(out), "--templat-word", str(copy)])

    assert status == 0, capsys.readouterr()
    reports = sorted(out.glob("*.docx"))
    assert len(reports) == 4 and any("Kanwil" in r.name for r in reports)
    assert [_heading_fonts(r) for r in reports] == [FONT] * 4
