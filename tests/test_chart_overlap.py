"""Chart texts never overlap, however many indicators and however long their names, as LibreOffice
lays the native charts out for the PDF: the charts are written into a document, converted, and every
word's box on the page is read back (`pdftotext -bbox`). Every word of every label must be there too
(a renderer that skips a label it cannot fit would pass an overlap test)."""
from __future__ import annotations

import re
from collections import Counter
import shutil
import subprocess
from decimal import Decimal as D
from html import unescape
from itertools import combinations
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.shared import Cm

from lkj_engine.model.results import IkkResult, PegawaiDimensi
from lkj_engine.render import charts, docx_chart, jajaran_charts
from lkj_engine.render.chart_spec import WIDTH_CM
from tests.conftest import soffice
from tests.test_charts import _ikk, _year, make_results

pytestmark = pytest.mark.skipif(soffice() is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice dan pdftotext diperlukan")
WORDS = ("Persentase Penyelesaian Tindak Lanjut Hasil Pengawasan dan Penindakan Keimigrasian terhadap Warga "
         "Negara Asing di Wilayah Kerja Kantor Imigrasi Kelas Satu")


def long_name(i: int) -> str:
    """A 150-character IKK name of ordinary words, told apart by its number."""
    return f"Nomor {i + 1} {WORDS} dan Seterusnya Sampai Akhir"[:150].rstrip()


def results_with(n: int):
    """n IKK of 150-character names, with one capaian not computable and one far above 100 %."""
    results = make_results()
    rows = []
    for i in range(n):
        satuan = ["%", "Indeks", "Dokumen"][i % 3]
        ikk = _ikk(i + 1, f"Sasaran {i // 3}", f"IKK-{i + 1}", long_name(i), satuan, str(90 + i))
        capaian = None if i == 1 else D(250) if i == 2 else D(100 + 7 * i)
        rows.append(IkkResult(ikk, D(88 + i), False, capaian, "target 0" if capaian is None else None))
    results.ikk = rows
    results.pegawai = [PegawaiDimensi("Golongan", [(f"Golongan {g} / Pengatur Muda Tingkat I", 3 + k)
                                                   for k, g in enumerate(["II/a", "II/b", "II/c", "III/a",
                                                                          "III/b", "III/c", "IV/a", "IV/b"])], 60)]
    results.belanja[-1] = _year(2025, [("Belanja Pegawai", "9126525000", "9126225646"),
                                       ("Belanja Barang", "9205761000", "9121758543"),
                                       ("Belanja Modal", "9226541000", "9223319883")])
    return results


def figures_of(results) -> dict:
    from tests.jajaran_factory import kanim_satker, kanwil_workbook
    from lkj_engine.compute.jajaran import consolidate

    return {**charts.make_charts(results),
            **jajaran_charts.make_jajaran_charts(consolidate(kanwil_workbook(), kanim_satker()))}


def write_document(figures: dict, path: Path) -> list[list[str]]:
    """Each figure on its own page of an A4 document with the template's text width; the texts each
    page must show."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm((21 - WIDTH_CM) / 2)
    section.top_margin = section.bottom_margin = Cm(1.5)
    expected = []
    for i, (key, figure) in enumerate(figures.items()):
        paragraph = doc.add_paragraph()
        if i:
            paragraph.paragraph_format.page_break_before = True
        for n, spec in enumerate(figure.panels):
            xml = docx_chart.add_chart(doc.part, spec, 100 * i + n + 1)
            paragraph._p.append(parse_xml(f'<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                                          f'2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/'
                                          f'2006/wordprocessingDrawing">{xml}</w:r>'))
        expected.append([t for spec in figure.panels
                         for t in (spec.title, *spec.categories, *(l for s in spec.series for l in s.labels)) if t])
    doc.save(path)
    return expected


def pdf_words(pdf: Path) -> list[list[tuple[str, float, float, float, float]]]:
    """(word, xMin, yMin, xMax, yMax) per page, as pdftotext places them."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        pages.append([(unescape(m.group(5)), float(m.group(1)), float(m.group(2)), float(m.group(3)),
                       float(m.group(4)))
                      for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                                           r'yMax="([\d.]+)">(.*?)</word>', page)])
    return pages


def overlap(a, b) -> bool:
    """Boxes that share width and more than a third of a line's height: pdftotext's boxes are the
    font's full height (11,7 pt for 9-point text set 10,5 pt apart), so the lines of one wrapped
    label always share a sliver."""
    across = min(a[3], b[3]) - max(a[1], b[1])
    down = min(a[4], b[4]) - max(a[2], b[2])
    return across > 0.5 and down > min(a[4] - a[2], b[4] - b[2]) / 3


@pytest.mark.parametrize("n", [2, 5, 12])
def test_chart_texts_never_overlap_with_long_names(tmp_path: Path, n: int) -> None:
    figures = figures_of(results_with(n))
    expected = write_document(figures, tmp_path / "grafik.docx")
    subprocess.run([soffice(), f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(tmp_path / "grafik.docx")],
                   capture_output=True, timeout=180, check=True)
    pages = pdf_words(tmp_path / "grafik.pdf")
    # a figure may run on over pages (twelve IKK panels do) but no chart is taller than a page
    assert all(spec.height_cm < 25 for f in figures.values() for spec in f.panels)
    assert len(pages) >= len(figures)
    for number, words in enumerate(pages, 1):
        for a, b in combinations(words, 2):
            assert not overlap(a, b), f"page {number}: {a[0]!r} overlaps {b[0]!r}"
        for a in words:
            assert 0 <= a[1] and a[3] <= 595.5 and 0 <= a[2] and a[4] <= 842.5, f"page {number}: {a[0]!r} off it"
    shown = Counter(w[0] for words in pages for w in words)
    wanted = Counter(word for texts in expected for text in texts for word in text.split())
    missing = {word: n - shown[word] for word, n in wanted.items() if shown[word] < n}
    assert not missing, f"words of labels not shown (how many times): {missing}"
