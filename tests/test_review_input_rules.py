"""Input a clerk can produce that used to pass silently or crash (review of 3 December): a subtotal
row among the services, a Komponen chain hundreds deep, a negative weight or target, an Excel
error value in a text cell. Each is an error at its cell, never a wrong report or "kesalahan internal"."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from conftest import EXAMPLE
from example_content import edited, example_content, write
from lkj_engine.cli import main as cli
from lkj_engine.contract.problems import errors
from lkj_engine.reading.crosscheck import MAX_DEPTH
from lkj_engine.reading.loader import load_workbook


@pytest.fixture(scope="module")
def content() -> dict:
    return example_content()


def refused_with(path, kode: str):
    """The errors of `kode`, which must be the workbook's only errors: the rule found the mistake, and
    nothing else in the otherwise valid example is blamed for it."""
    result = load_workbook(path)
    assert {p.kode for p in errors(result.problems)} == {kode}, [(p.kode, p.cell, p.message) for p in result.problems]
    assert not result.valid
    return [p for p in errors(result.problems) if p.kode == kode]


def test_a_subtotal_row_among_the_services_is_an_error_at_its_jenis(tmp_path, content):
    rows = list(content["Layanan"])
    subtotal = dict(rows[0], jenis="Jumlah Dokumen Perjalanan", diterima=32528, terbit=31662)
    rows.insert(4, subtotal)  # Excel row 6
    path = write(tmp_path, edited(content, Layanan=rows))

    [problem] = refused_with(path, "baris-jumlah-di-layanan")

    assert (problem.sheet, problem.cell) == ("Layanan", "B6")
    assert "terhitung dua kali" in problem.message


def chain(depth: int) -> list[dict]:
    """IKK-3.1 as one component under another, `depth` levels below the top one."""
    rows = [dict(kode_ikk="IKK-3.1", kode="C0", nama="Komponen 0", bobot=Decimal(100))]
    for i in range(1, depth + 1):
        rows.append(dict(kode_ikk="IKK-3.1", kode=f"C{i}", induk=f"C{i - 1}", nama=f"Komponen {i}", bobot=Decimal(100)))
    rows[-1].update(pembilang=Decimal(139), penyebut=Decimal(152))
    return rows


def test_a_komponen_chain_deeper_than_the_limit_is_one_error_at_the_first_row_too_deep(tmp_path, content):
    others = [k for k in content["Komponen"] if k["kode_ikk"] != "IKK-3.1"]
    komponen = others + chain(MAX_DEPTH + 2)  # C0 is level 1, so C8 is the first of level 9
    path = write(tmp_path, edited(content, Komponen=komponen))

    found = refused_with(path, "komponen-terlalu-dalam")

    assert [(p.sheet, p.cell) for p in found] == [("Komponen", f"C{len(others) + 2 + MAX_DEPTH}")]
    assert f"komponen C{MAX_DEPTH} berada {MAX_DEPTH + 1} tingkat di bawah IKK-3.1" in found[0].message


def test_a_chain_of_six_hundred_is_one_message_from_the_command_not_an_internal_error(tmp_path, content, capsys):
    komponen = [k for k in content["Komponen"] if k["kode_ikk"] != "IKK-3.1"] + chain(600)
    path = write(tmp_path / "in", edited(content, Komponen=komponen))

    code = cli.main([str(path), "-o", str(tmp_path / "out")])

    out = capsys.readouterr().out
    assert code == 1
    assert out.count("tingkat di bawah IKK-3.1") == 1 and "kesalahan internal" not in out
    assert not list((tmp_path / "out").glob("*.docx"))
    assert [p.kode for p in errors(load_workbook(path).problems)] == ["komponen-terlalu-dalam"]


def test_a_chain_within_the_limit_still_computes(tmp_path, content):
    komponen = [k for k in content["Komponen"] if k["kode_ikk"] != "IKK-3.1"] + chain(MAX_DEPTH - 1)  # levels 1-8
    result = load_workbook(write(tmp_path, edited(content, Komponen=komponen)))

    assert result.valid, [(p.kode, p.cell, p.message) for p in errors(result.problems)]


def test_a_negative_target_is_an_error_at_its_cell(tmp_path, content):
    ikk = [dict(r) for r in content["IKK"]]
    ikk[0]["target"] = Decimal(-91)
    [problem] = refused_with(write(tmp_path, edited(content, IKK=ikk)), "angka-negatif")

    assert (problem.sheet, problem.cell) == ("IKK", "G2")
    assert "Target -91,00 tidak boleh negatif" in problem.message


def test_a_negative_weight_that_makes_the_siblings_add_up_is_still_an_error(tmp_path, content):
    komponen = [dict(k) for k in content["Komponen"]]
    siblings = [i for i, k in enumerate(komponen) if k["kode_ikk"] == "IKK-1" and not k.get("induk")]
    komponen[siblings[0]]["bobot"], komponen[siblings[1]]["bobot"] = Decimal(170), Decimal(-70)
    found = refused_with(write(tmp_path, edited(content, Komponen=komponen)), "angka-negatif")

    assert [(p.sheet, p.cell) for p in found] == [("Komponen", f"E{siblings[1] + 2}")]


def test_an_excel_error_value_in_a_text_cell_is_an_error_not_a_paragraph(tmp_path, content):
    narasi = [dict(n) for n in content["Narasi"]]
    narasi[0]["teks"] = "#N/A"  # openpyxl stores it as the error value Excel would have cached
    [problem] = refused_with(write(tmp_path, edited(content, Narasi=narasi)), "galat-excel")

    assert (problem.sheet, problem.cell) == ("Narasi", "B2")
    assert "#N/A" in problem.message


@pytest.mark.parametrize("title", ["Data-Paspor", "DataPaspor", "Data_Paspor"])
def test_a_data_table_named_without_the_space_is_a_warning_naming_the_sheet(tmp_path, title):
    book = openpyxl.load_workbook(EXAMPLE)
    book["Data Paspor"].title = title
    book.save(tmp_path / "kanim.xlsx")

    result = load_workbook(tmp_path / "kanim.xlsx")

    found = [p for p in result.problems if p.kode == "nama-sheet-data-keliru"]
    assert [(p.sheet, p.level) for p in found] == [(title, "peringatan")]
    assert '"Data Paspor"' in found[0].message
    assert [t.title for t in result.workbook.data_tables] == ["Perlintasan"]  # the misnamed one is not printed


def test_excels_lock_file_named_directly_points_to_the_workbook(tmp_path):
    lock = tmp_path / "~$kanim.xlsx"
    lock.write_bytes(b"\x0bAndi Pratama" + b"\x00" * 150)  # what Excel writes there: the user's name

    found = refused_with(lock, "berkas-kunci-excel")

    assert '"kanim.xlsx"' in found[0].message and "berkas kunci Excel" in found[0].message


def test_an_excel_error_in_a_column_the_contract_does_not_read_is_left_alone(tmp_path):
    book = openpyxl.load_workbook(EXAMPLE)
    book["IKK"]["Q2"] = "#DIV/0!"  # the clerk's own helper column, beyond the contract's
    book["Data Paspor"]["D3"] = "#DIV/0!"  # a Data table prints every cell
    book.save(tmp_path / "kanim.xlsx")

    result = load_workbook(tmp_path / "kanim.xlsx")

    assert [(p.sheet, p.cell) for p in errors(result.problems)] == [("Data Paspor", "D3")]
    assert errors(result.problems)[0].kode == "galat-excel"
