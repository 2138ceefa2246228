"""Inputs that once cost the clerk a whole report or a whole batch: each now fails alone, says where,
and leaves nothing behind (review items 4, 5, 6, 7, 9, 17, 24)."""
from __future__ import annotations

import copy
import dataclasses
import io
import os
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from conftest import EXAMPLE
from example_content import edited, example_content, write
from lkj_engine.cli import main as cli
from lkj_engine.model import workbook as model
from lkj_engine.contract import schema
from lkj_engine.reading.cells import ParseError, display_text, parse_cell
from lkj_engine.contract.problems import errors
from lkj_engine.reading.loader import load_workbook



@pytest.fixture(scope="module")
def content() -> dict:
    return example_content()






def ikk_row(content: dict, kode: str) -> tuple[int, dict]:
    rows = content["IKK"]
    index = next(i for i, r in enumerate(rows) if r["kode"] == kode)
    return index, rows[index]


# --- 4. a picture Word cannot hold costs only that picture -----------------------------------------

def jpeg_without_jfif(path: Path) -> Path:
    """A valid JPEG (Pillow reads it) without the JFIF/Exif header python-docx looks for."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "blue").save(buffer, "JPEG")
    data = buffer.getvalue()
    assert data[2:4] == b"\xff\xe0"  # SOI, then the APP0 (JFIF) segment: drop it
    length = int.from_bytes(data[4:6], "big")
    path.write_bytes(data[:2] + data[4 + length:])
    with Image.open(path) as im:
        assert im.format == "JPEG"
    return path


def test_pictures_python_docx_cannot_place_are_refused_with_a_warning(tmp_path):
    from lkj_engine.render.context import ImageRef
    from lkj_engine.render.report import _image_size

    webp = tmp_path / "foto.webp"
    Image.new("RGB", (200, 100), "red").save(webp, "WEBP")
    for path in (webp, jpeg_without_jfif(tmp_path / "pindai.jpg")):
        message = _image_size(ImageRef(path, "foto", "Gambar", "C3"))
        assert isinstance(message, str), path
        assert path.name in message and "PNG atau JPEG" in message and "tidak dicetak" in message
    png = tmp_path / "foto.png"
    Image.new("RGB", (200, 100), "red").save(png)
    assert not isinstance(_image_size(ImageRef(png, "foto")), str)


def test_a_webp_picture_leaves_the_report_written_with_a_warning_at_its_cell(tmp_path):
    from docx import Document

    from lkj_engine.compute.engine import compute
    from lkj_engine.render.report import render_report

    webp = tmp_path / "foto.webp"
    Image.new("RGB", (200, 100), "red").save(webp, "WEBP")
    wb = load_workbook(EXAMPLE).workbook
    wb.gambar.append(model.Gambar("BAB III.D", "Foto Kegiatan WebP", webp, row=9))
    out = tmp_path / "laporan.docx"

    found = render_report(compute(wb), [], out)

    assert out.is_file()
    about = [p for p in found if "foto.webp" in p.message]
    assert len(about) == 1 and about[0].level == "peringatan"
    assert (about[0].sheet, about[0].cell) == ("Gambar", wb.cell("Gambar", "berkas", 9))
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Foto Kegiatan WebP" not in text  # the figure goes with its caption
    assert "Piagam Penghargaan Predikat WBK" in text  # the example's own picture is still printed


# --- 5. a worker that dies costs only its own file, and leaves no temporary file ------------------

FAKE_SOFFICE = """#!/bin/sh
# LibreOffice stand-in: for the report of "Kanim Mogok" it kills the process that called it (as an
# out-of-memory kill would); for any other report it writes a small PDF.
out=""; doc=""
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) out="$2"; shift ;;
    *.docx) doc="$1" ;;
  esac
  shift
done
[ -n "$doc" ] && [ -n "$out" ] || exit 1
case "$doc" in *Kanim_Mogok_*) kill -9 $PPID; sleep 5; exit 9 ;; esac
printf '%%PDF-1.4 uji\\n' > "$out/$(basename "$doc" .docx).pdf"
"""


@pytest.mark.skipif(os.name == "nt", reason="the stand-in LibreOffice is a shell script")
def test_a_worker_dying_fails_only_its_file_and_leaves_no_temporary_file(tmp_path, monkeypatch, content):
    from lkj_engine.jobs.batch import run_batch
    from lkj_engine.jobs.pipeline import report_name

    soffice = tmp_path / "bin" / "soffice"
    soffice.parent.mkdir()
    soffice.write_text(FAKE_SOFFICE)
    soffice.chmod(0o755)
    monkeypatch.setenv("LKJIP_SOFFICE", str(soffice))
    names = ["Kanim Satu", "Kanim Mogok", "Kanim Tiga"]
    files = [write(tmp_path / "masuk", edited(content, Identitas={**content["Identitas"], "nama_singkat": nama}),
                   f"kanim_{i}.xlsx")
             for i, nama in enumerate(names, start=1)]
    out = tmp_path / "hasil"

    outcomes = run_batch(files, out, pdf=True, workers=2)

    # only the PDF is lost (issue 13): the report of Kanim Mogok is kept, its PDF failure named
    assert [o.status for o in outcomes] == ["berhasil", "berhasil", "berhasil"]
    assert [p.kode for p in outcomes[1].problems if p.kode.startswith("pdf-")] == ["pdf-libreoffice-berhenti"]
    assert report_name("Kanim Mogok", 2025).replace(".docx", ".pdf") in outcomes[1].message
    assert "BrokenProcessPool" not in outcomes[1].message
    expected = [report_name("Kanim Mogok", 2025)]
    for nama in ("Kanim Satu", "Kanim Tiga"):
        docx = report_name(nama, 2025)
        expected += [docx, docx.replace(".docx", ".pdf")]
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)  # no .tmp, no PDF for Mogok
    assert outcomes[0].laporan == out / report_name("Kanim Satu", 2025)


# --- 6. a Komponen row without Kode is one error at its cell -----------------------------------------

def test_komponen_row_with_induk_but_no_kode_alone_in_its_ikk_is_one_error_at_its_cell(tmp_path, content):
    row = dict(kode_ikk="IKK-3.2", kode=None, induk="X", nama="Anak", bobot=Decimal(100))
    path = write(tmp_path, edited(content, Komponen=content["Komponen"] + [row]))

    result = load_workbook(path)

    found = errors(result.problems)
    assert len(found) == 1, [str(p) for p in found]
    assert found[0].sheet == "Komponen" and "Kode wajib diisi" in found[0].message
    assert found[0].cell == f"B{1 + len(content['Komponen']) + 1}"
    assert not any("tidak dapat dibaca" in p.message for p in result.problems)


# --- 7. numbers with many digits: exact, or "terlalu besar" at the cell ------------------------------

def test_a_number_too_large_is_a_parse_error_not_a_crash():
    for text in ("1" * 30, "1" * 29 + ",5", "1.000.000.000.000.000.000", "Rp 99.999.999.999.999.999.999"):
        with pytest.raises(ParseError, match="angka terlalu besar"):
            parse_cell(text, "angka")
    with pytest.raises(ParseError, match="angka terlalu besar"):
        parse_cell(1e300, "rupiah")


def test_long_numbers_are_kept_exactly_not_rounded_to_28_digits():
    assert parse_cell("999.999.999.999.999.999", "rupiah") == Decimal("999999999999999999")
    value = parse_cell("123456789012345678,12345678901234567", "angka")
    assert value == Decimal("123456789012345678.12345678901234567")
    assert "E" not in str(value)
    assert parse_cell("-0," + "1" * 35, "angka") == Decimal("-0." + "1" * 35)
    tiny = Decimal("0." + "1" * 35)
    assert parse_cell(tiny, "persen", number_format="0.00%") == Decimal("11." + "1" * 33)
    assert parse_cell("86,9200", "persen") == Decimal("86.92")


def test_a_data_sheet_number_too_large_to_format_is_shown_as_its_digits():
    assert display_text(1e20) == "100.000.000.000.000.000.000"
    assert display_text(10**30) == "1" + "0" * 30
    assert display_text(float("inf")) == "Infinity"


def test_a_thirty_digit_pagu_is_an_error_at_its_cell(tmp_path, content):
    anggaran = copy.deepcopy(content["Anggaran"])
    anggaran[0]["pagu"] = "1" * 30
    path = write(tmp_path, edited(content, Anggaran=anggaran))

    result = load_workbook(path)

    found = errors(result.problems)
    assert len(found) == 1, [str(p) for p in found]
    letter = result_letter("Anggaran", "pagu")
    assert (found[0].sheet, found[0].cell) == ("Anggaran", f"{letter}2")
    assert "angka terlalu besar" in found[0].message


def result_letter(sheet: str, field: str) -> str:
    from openpyxl.utils import get_column_letter

    spec = schema.sheet(sheet)
    return get_column_letter(1 + [c.field for c in spec.columns].index(field))


# --- 9. periksa prints the figures the report prints ---------------------------------------------

def test_periksa_table_rounds_like_the_report_not_like_the_json_floats(tmp_path, content, capsys):
    ikk = copy.deepcopy(content["IKK"])
    index, row = ikk_row({"IKK": ikk}, "IKK-3.2")
    ikk[index] = {**row, "target": Decimal(100), "realisasi": "100,00499999999999999"}
    path = write(tmp_path, edited(content, IKK=ikk))

    code = cli.main(["periksa", str(path)])

    shown = capsys.readouterr().out
    assert code == 0, shown
    line = next(line for line in shown.splitlines() if "IKK-3.2" in line)
    assert "100,00%" in line and "100,01" not in line  # the float 100.005 would print 100,01
    from lkj_engine.render.context import build_context
    from lkj_engine.compute.engine import compute

    report = build_context(compute(load_workbook(path).workbook))
    assert next(r for r in report["ikk"] if r["kode"] == "IKK-3.2")["capaian"] == "100,00%"


# --- 17. a file whose check failed still gives the whole JSON document ---------------------------

def test_failed_document_has_every_key_of_a_checked_one(tmp_path):
    from lkj_engine.checks.document import build_document, failed_document
    from lkj_engine.compute.engine import compute

    loaded = load_workbook(EXAMPLE)
    good = build_document(EXAMPLE, loaded, compute(loaded.workbook), [])
    failed = failed_document(tmp_path / "rusak.xlsx", "kesalahan internal")
    assert set(failed) == set(good) and {"sumber_dana", "rata_metode"} <= set(failed)
    assert failed["valid"] is False and failed["galat"] == [{"kode": "kesalahan-internal", "sheet": None,
                                                             "sel": None, "pesan": "kesalahan internal"}]


# --- 24. one map from table sheet to Workbook attribute and row class -----------------------------

def test_every_table_sheet_has_its_workbook_list_and_row_class():
    tables = {s.name for s in schema.SHEETS if not s.is_fields}
    assert set(model.ROW_TABLES) == tables
    workbook_fields = {f.name for f in dataclasses.fields(model.Workbook)}
    for name, table in model.ROW_TABLES.items():
        assert table.attribute in workbook_fields, name
        row_fields = {f.name for f in dataclasses.fields(table.row_class)}
        assert {c.field for c in schema.sheet(name).columns} & row_fields, name
