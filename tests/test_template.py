"""The blank workbook: written from the schema, made for a clerk, and the committed files are current."""
from __future__ import annotations

import importlib.util
import subprocess
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from conftest import BLANK, EXAMPLE, ROOT, soffice
from lkj_engine.contract import schema
from lkj_engine.contract.problems import errors
from lkj_engine.render.blank_workbook import INPUT_ROWS, Formatted, write_template
from lkj_engine.reading.loader import load_workbook


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    return write_template(tmp_path_factory.mktemp("templat") / "templat.xlsx", tahun=2025)


@pytest.fixture(scope="module")
def book(fresh):
    return openpyxl.load_workbook(fresh)


def _content(path: Path) -> dict:
    """What a clerk sees: every sheet's values, formats, notes, drop-downs, frozen panes."""
    wb = openpyxl.load_workbook(path)
    out = {"sheets": wb.sheetnames}
    for ws in wb:
        cells = {c.coordinate: (c.value, c.number_format) for row in ws.iter_rows() for c in row
                 if c.value is not None or c.row <= 2}
        notes = {c.coordinate: c.comment.text for row in ws.iter_rows(max_row=1) for c in row if c.comment}
        validations = sorted((str(dv.sqref), dv.formula1) for dv in ws.data_validations.dataValidation)
        out[ws.title] = (cells, notes, validations, ws.freeze_panes, ws.max_row)
    return out


def _load_build_script():
    spec = importlib.util.spec_from_file_location("build_workbooks", ROOT / "input_templates" / "build_workbooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_template_is_what_write_template_writes(fresh):
    assert _content(BLANK) == _content(fresh)


def test_committed_example_is_what_the_build_script_writes(tmp_path):
    module = _load_build_script()
    path = write_template(tmp_path / "contoh.xlsx", module.example_content())
    assert _content(EXAMPLE) == _content(path)


def test_sheet_order_follows_the_report(book):
    assert book.sheetnames == [schema.PETUNJUK] + [s.name for s in schema.sheets_for("Kanim")]


def test_headers_notes_and_frozen_row(book):
    for spec in (s.for_year(2025) for s in schema.sheets_for("Kanim")):
        ws = book[spec.name]
        assert ws.freeze_panes == "A2", spec.name
        for c, col in enumerate(spec.columns, start=1):
            cell = ws.cell(1, c)
            assert cell.value == col.header
            assert cell.font.b and cell.fill.fgColor.rgb.endswith("1F4E78")
            assert col.help in cell.comment.text


def test_input_cells_are_marked(book):
    for spec in schema.sheets_for("Kanim"):
        if spec.is_fields:
            continue
        ws = book[spec.name]
        for c in range(1, len(spec.columns) + 1):
            for r in (2, INPUT_ROWS + 1):
                cell = ws.cell(r, c)
                assert cell.fill.fgColor.rgb.endswith("FFF6C7") and cell.border.left.style == "thin", \
                    (spec.name, cell.coordinate)
    ws = book["Identitas"]
    assert all(ws.cell(r, 2).fill.fgColor.rgb.endswith("FFF6C7") for r in range(2, len(schema.IDENTITAS.fields) + 2))


def test_drop_downs_for_every_closed_choice(book):
    for spec in schema.sheets_for("Kanim"):
        if spec.is_fields:
            continue
        ws = book[spec.name]
        found = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
        for c, col in enumerate(spec.columns, start=1):
            if col.kind in ("pilihan", "yatidak"):
                letter = openpyxl.utils.get_column_letter(c)
                assert found[f"{letter}2:{letter}{INPUT_ROWS + 1}"] == '"' + ",".join(col.choices) + '"'
    identitas = {str(dv.sqref): dv.formula1 for dv in book["Identitas"].data_validations.dataValidation}
    jenis_row = 2 + [f.field for f in schema.IDENTITAS.fields].index("jenis")
    assert identitas[f"B{jenis_row}"] == '"Kanim,Kanwil"'


def test_drop_down_lists_fit_excels_limit(book):
    # Excel rejects (and offers to "repair") a list validation longer than 255 characters.
    for ws in book.worksheets:
        for dv in ws.data_validations.dataValidation:
            assert len(dv.formula1) <= 255, (ws.title, dv.formula1)
    # a comma inside a choice would split it in two in the drop-down list
    for spec in schema.sheets_for("Kanim"):
        for col in (*spec.columns, *spec.fields):
            assert all("," not in choice for choice in col.choices), (spec.name, col.choices)


def test_number_formats(book):
    expected = {"rupiah": "#,##0", "bulat": "#,##0", "angka": "#,##0.00", "persen": "#,##0.00", "teks": "@"}
    for spec in schema.sheets_for("Kanim"):
        for c, col in enumerate(spec.columns, start=1):
            if col.kind in expected and not spec.is_fields:
                assert book[spec.name].cell(5, c).number_format == expected[col.kind], (spec.name, col.header)
    assert book["IKK"]["C2"].number_format == "@"  # Kode IKK stays text
    rows = {f.field: r for r, f in enumerate(schema.IDENTITAS.fields, start=2)}
    ws = book["Identitas"]
    assert ws.cell(rows["nip_kepala"], 2).number_format == "@"
    assert ws.cell(rows["telepon"], 2).number_format == "@"
    assert "mmmm" in ws.cell(rows["tanggal_ttd"], 2).number_format


def test_identitas_labels_and_explanations(book):
    ws = book["Identitas"]
    for r, field in enumerate(schema.IDENTITAS.for_year(2025).fields, start=2):
        assert ws.cell(r, 1).value == field.label
        assert field.help in ws.cell(r, 3).value
        assert ws.cell(r, 3).value.startswith("Wajib.") == field.required
    assert ws.cell(2 + [f.field for f in schema.IDENTITAS.fields].index("tahun"), 2).value == 2025
    assert "mis. 2025" in ws.cell(2 + [f.field for f in schema.IDENTITAS.fields].index("tahun"), 3).value
    assert "mis. 14 Januari 2026" in ws.cell(2 + [f.field for f in schema.IDENTITAS.fields].index("tanggal_ttd"), 3).value


def test_petunjuk_explains_every_sheet_and_the_rules(book):
    ws = book[schema.PETUNJUK]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    for spec in schema.sheets_for("Kanim"):
        assert spec.help in text and spec.chapter in text
    for phrase in ("KUNING", "1.234.567", "86,92%", "14 Januari 2026", "SEL KOSONG BUKAN NOL", "'Data '",
                   "generate.py"):
        assert phrase in text
    assert ws.column_dimensions["B"].width >= 100
    assert ws["B3"].alignment.wrap_text


def test_indicator_set_2025_is_prefilled(book):
    ws = book["IKK"]
    rows = [[ws.cell(r, c).value for c in (1, 3, 5, 6, 7)] for r in range(2, 6)]
    assert rows == [[1, "IKK-1", "Indeks", "Positif", 91], [2, "IKK-2", "Indeks", "Positif", 90.8],
                    [3, "IKK-3.1", "%", "Positif", 100], [3, "IKK-3.2", "Indeks", "Positif", 3.51]]
    assert ws["D5"].value == "Indeks Kepuasan Unit Kerja Lingkup UPT Imigrasi terhadap Layanan Kesekretariatan " \
                             "di UPT Masing-Masing"


def test_komponen_trees_are_prefilled_with_weights_summing_to_100(book):
    ws = book["Komponen"]
    rows = [dict(zip(("ikk", "kode", "induk", "nama", "bobot", "p", "q", "nilai", "faktor", "maks", "kp", "kq",
                      "sumber"), [c.value for c in row])) for row in ws.iter_rows(min_row=2) if row[0].value]
    siblings = defaultdict(Decimal)
    for r in rows:
        siblings[(r["ikk"], r["induk"])] += Decimal(str(r["bobot"]))
    assert set(siblings.values()) == {Decimal(100)}
    by_code = {(r["ikk"], r["kode"]): r for r in rows}
    assert {k for k, _ in siblings} == {"IKK-1", "IKK-2", "IKK-3.1"}
    assert [r["kode"] for r in rows if r["ikk"] == "IKK-2" and r["induk"] is None] == \
        ["K1", "K2", "K3", "K4", "K5", "K6"]
    assert [by_code[("IKK-2", k)]["bobot"] for k in ("K1", "K2", "K3", "K4", "K5", "K6")] == [20, 20, 20, 10, 10, 20]
    assert by_code[("IKK-2", "K5.D2")]["faktor"] == "-1" and by_code[("IKK-2", "K5.D3")]["faktor"] == "-1"
    assert by_code[("IKK-2", "K2")]["maks"] == "Ya" and by_code[("IKK-2", "K3")]["maks"] == "Ya"
    assert by_code[("IKK-2", "K1.I1.D2")]["induk"] == "K1.I1" and by_code[("IKK-2", "K1.I1.D2")]["bobot"] == 60
    assert by_code[("IKK-1", "K2.D1")]["sumber"] == "Layanan Izin Tinggal D1"
    # every leaf explains its numerator and denominator, so the clerk types only numbers
    parents = {(r["ikk"], r["induk"]) for r in rows}
    for r in rows:
        if (r["ikk"], r["kode"]) not in parents:
            assert r["kp"] and r["kq"], r["kode"]
            assert r["p"] is None and r["q"] is None and r["nilai"] is None


def test_layanan_and_narasi_are_prefilled(book):
    layanan = [book["Layanan"].cell(r, 2).value for r in range(2, 12)]
    assert {"Paspor Elektronik", "Perpanjangan ITK", "Alih Status ITK ke ITAS"} <= set(layanan)
    narasi = [book["Narasi"].cell(r, 1).value for r in range(2, 2 + len(schema.NARASI_BAGIAN))]
    assert narasi == list(schema.NARASI_BAGIAN)


def test_blank_template_loads_with_only_what_the_clerk_must_fill(fresh):
    result = load_workbook(fresh)
    assert not result.valid
    for problem in errors(result.problems):
        assert "wajib diisi" in problem.message or "Realisasi IKK-3.2 kosong" in problem.message, str(problem)
    assert not any(p.sheet == "Komponen" for p in result.problems)  # the prefilled trees are valid


def test_example_values_keep_their_formats(tmp_path):
    path = write_template(tmp_path / "x.xlsx", {
        "IKK": [dict(sasaran_no=1, sasaran="S", kode="A", nama="N", satuan="%", polaritas="Negatif",
                     target=Decimal("5"), realisasi=Formatted(0.032, "0.00%"))],
        "Belanja": [dict(tahun=2025, jenis="Belanja Modal", pagu="Rp 1.250.000.000,-", realisasi=Decimal(7))],
        "Data Uji": {"headers": ["Nama", "Jumlah"], "rows": [["a", 1234]]},
    })
    wb = openpyxl.load_workbook(path)
    assert (wb["IKK"]["H2"].value, wb["IKK"]["H2"].number_format) == (0.032, "0.00%")
    assert (wb["Belanja"]["C2"].value, wb["Belanja"]["C2"].number_format) == ("Rp 1.250.000.000,-", "@")
    assert wb.sheetnames[-1] == "Data Uji" and wb["Data Uji"]["B2"].value == 1234
    loaded = load_workbook(path)
    assert loaded.workbook is None  # Identitas is empty, but the typed cells parse:
    assert not any(p.sheet in ("IKK", "Belanja") and "bukan" in p.message for p in loaded.problems)


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) tidak terpasang; CI memasangnya")
def test_template_opens_in_libreoffice(tmp_path):
    subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{tmp_path / 'profil'}", "--headless",
         "--convert-to", "xlsx", "--outdir", str(tmp_path / "hasil"), str(BLANK)],
        check=True, capture_output=True, timeout=180,
    )
    converted = openpyxl.load_workbook(tmp_path / "hasil" / BLANK.name)
    original = openpyxl.load_workbook(BLANK)
    assert converted.sheetnames == original.sheetnames
    for name in original.sheetnames:
        assert [c.value for c in converted[name][1]] == [c.value for c in original[name][1]], name
    assert len(converted["IKK"].data_validations.dataValidation) == len(original["IKK"].data_validations.dataValidation)
