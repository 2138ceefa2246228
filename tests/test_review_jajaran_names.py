"""Review: a Kanwil's jajaran as the clerk types it. Names pasted from Word (a non-breaking space, a double
space) still match their Kanim, and a Kanwil whose Jajaran sheet is empty or deleted while its Kanim are
in the same run is refused, naming each of them, instead of being reported silently unconsolidated."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from jajaran_factory import KANIM, KANWIL_NAMA, kanim_workbook, kanwil_workbook
from lkj_engine.checks.jajaran import Candidate, consolidated, match_jajaran
from lkj_engine.compute.engine import compute
from lkj_engine.compute.jajaran import name_key
from test_cli import output, run
from test_jajaran_run import BATU, INSANG, KANWIL, TELUK, copy_example

BATU_NAMA = "Kantor Imigrasi Kelas II TPI Batu Kerapu"  # the example's, as its Identitas has it
KANIM_FILES = {BATU: "Kantor Imigrasi Kelas II TPI Batu Kerapu", TELUK: "Kantor Imigrasi Kelas III TPI Teluk Sirip",
               INSANG: "Kantor Imigrasi Kelas III TPI Pulau Insang"}
KANIM_REPORTS = ["LKjIP_Kanim_Batu_Kerapu_2025.docx", "LKjIP_Kanim_Pulau_Insang_2025.docx",
                 "LKjIP_Kanim_Teluk_Sirip_2025.docx"]


def kanim_candidates(**kanwil_induk: str) -> list[Candidate]:
    """The factory's three Kanim as the run sees them (valid, with their own Results)."""
    found = []
    for nama in KANIM:
        wb = kanim_workbook(nama, kanwil_induk=kanwil_induk.get(KANIM[nama][0].split()[-1], KANWIL_NAMA))
        found.append(Candidate(wb.source, wb, compute(wb)))
    return found


def kanwil_candidate(wb) -> Candidate:
    return Candidate(wb.source, wb, None)


# --- Bug B: whitespace the clerk cannot see ---------------------------------------------------------

@pytest.mark.parametrize("typed", [
    "Kantor Imigrasi Kelas II\u00a0TPI Batu Kerapu",  # pasted from Word
    "Kantor Imigrasi Kelas II  TPI Batu Kerapu",  # a double space
    "Kantor Imigrasi Kelas II\tTPI\nBatu Kerapu",  # a tab, a line break in the cell
    "\u00a0KANTOR IMIGRASI KELAS II TPI BATU KERAPU\u202f",  # other case, narrow no-break space at the end
    "Kantor Imigrasi Kelas II \u00a0\u200bTPI Batu Kerapu",  # a mixed run with a zero-width space
])
def test_a_jajaran_name_matches_whatever_spaces_were_typed(typed):
    others = [n for n in KANIM if "Batu" not in n]
    match = match_jajaran(kanwil_candidate(kanwil_workbook(jajaran=[typed, *others])), kanim_candidates())
    assert match.kurang == [] and match.problems == [] and match.complete
    assert [s.nama_singkat for s in match.kanim] == ["Kanim Batu Kerapu", "Kanim Teluk Sirip", "Kanim Pulau Insang"]


def test_a_kanwil_induk_with_a_non_breaking_space_still_names_this_kanwil():
    kanim = kanim_candidates(Kerapu="Kantor Wilayah\u00a0Nusa  Kerapu")
    match = match_jajaran(kanwil_candidate(kanwil_workbook()), kanim)
    assert [p.kode for p in match.problems] == [] and len(match.fed) == 3


def test_names_that_differ_in_more_than_spacing_are_still_told_apart():
    typed = "Kantor Imigrasi Kelas II TPI BatuKerapu"  # a missing space is a different name
    others = [n for n in KANIM if "Batu" not in n]
    match = match_jajaran(kanwil_candidate(kanwil_workbook(jajaran=[typed, *others])), kanim_candidates())
    assert match.kurang == [typed]
    assert [(p.kode, p.where) for p in match.problems] == [("jajaran-tidak-ada", "Jajaran!A2"),
                                                           ("jajaran-tidak-terdaftar", "Sheet Jajaran")]
    assert match.problems[1].message.startswith(f"{BATU_NAMA} (kanim_batu_kerapu.xlsx) menyebut Kanwil ini")


def test_one_name_key_for_names_and_codes():
    assert name_key("Kantor\u00a0Imigrasi  Kelas\tII\r\nTPI ") == "kantor imigrasi kelas ii tpi"
    assert name_key("K1\u200b.D1") == name_key(" k1.d1 ") == "k1.d1"
    assert name_key(None) == name_key("\u00a0 ") == ""


def test_periksa_of_a_folder_matches_a_jajaran_pasted_from_word(tmp_path):
    folder = copy_example(tmp_path / "masuk")
    wb = openpyxl.load_workbook(folder / KANWIL)
    assert wb["Jajaran"]["A2"].value == BATU_NAMA
    wb["Jajaran"]["A2"] = BATU_NAMA.replace("II TPI", "II\u00a0TPI")
    wb["Jajaran"]["A3"] = wb["Jajaran"]["A3"].value.replace(" Teluk", "  Teluk")
    wb.save(folder / KANWIL)
    done = run(["periksa", "--json", str(folder)], cwd=tmp_path)
    assert done.returncode == 0, output(done)
    kanwil = next(d for d in json.loads(done.stdout) if d["berkas"].endswith(KANWIL))
    assert kanwil["valid"] and kanwil["galat"] == [] and kanwil["jajaran_kurang"] == []
    assert [x["nama_singkat"] for x in kanwil["jajaran"]] == ["Kanim Batu Kerapu", "Kanim Teluk Sirip",
                                                              "Kanim Pulau Insang"]


# --- Bug A: an empty or deleted Jajaran sheet with its Kanim in the run -----------------------------

def kanwil_without_jajaran(sheet: str):
    wb = kanwil_workbook(jajaran=[])
    if sheet == "kosong":
        wb.empty_sheets.append("Jajaran")
    else:
        del wb.columns["Jajaran"]
    return wb


@pytest.mark.parametrize("sheet, where, says", [
    ("kosong", "Jajaran!A2", "sheet Jajaran kosong"),
    ("tidak ada", "Sheet Jajaran", "sheet Jajaran tidak ada di workbook Kanwil ini"),
])
def test_kanim_naming_a_kanwil_without_jajaran_rows_refuse_its_report(sheet, where, says):
    match, results, problems = consolidated(kanwil_candidate(kanwil_without_jajaran(sheet)), kanim_candidates())
    assert results is None and not match.complete
    assert [(p.kode, p.level, p.where, p.berkas) for p in problems] == [("jajaran-kosong", "galat", where,
                                                                         "kanwil.xlsx")]
    message = problems[0].message
    assert message.startswith(says) and "tidak digabungkan dengan jajarannya" in message
    for nama, (singkat, *_) in KANIM.items():
        assert f"{nama} ({singkat.replace(' ', '_').lower()}.xlsx)" in message
    assert "3 workbook Kanim" in message


def test_only_the_kanim_that_name_this_kanwil_are_listed():
    kanim = kanim_candidates(Sirip="Kantor Wilayah Tanjung Lain", Insang="")  # another Kanwil; left blank
    _, results, problems = consolidated(kanwil_candidate(kanwil_without_jajaran("kosong")), kanim)
    assert results is None and [p.kode for p in problems] == ["jajaran-kosong"]
    assert "1 workbook Kanim" in problems[0].message and "Batu Kerapu" in problems[0].message
    assert "Teluk Sirip" not in problems[0].message and "Pulau Insang" not in problems[0].message


def test_a_kanwil_without_jajaran_and_without_its_kanim_is_its_own_report():
    kanim = kanim_candidates(Kerapu="Kantor Wilayah Tanjung Lain", Sirip="Kantor Wilayah Tanjung Lain",
                             Insang="Kantor Wilayah Tanjung Lain")
    wb = kanwil_without_jajaran("kosong")
    match, results, problems = consolidated(kanwil_candidate(wb), kanim)
    assert match.complete and match.fed == [] and results is not None
    assert results.jajaran is None  # not consolidated over a jajaran of none
    assert results.rata_capaian == compute(wb).rata_capaian
    assert "jajaran-kosong" not in {p.kode for p in problems}


@pytest.fixture(params=["kosong", "tidak ada"])
def folder_without_jajaran(request, tmp_path) -> tuple[Path, str]:
    """The jajaran example with the Kanwil's Jajaran rows deleted, or its whole Jajaran sheet."""
    folder = copy_example(tmp_path / "masuk")
    wb = openpyxl.load_workbook(folder / KANWIL)
    if request.param == "kosong":
        wb["Jajaran"].delete_rows(2, 3)
    else:
        del wb["Jajaran"]
    wb.save(folder / KANWIL)
    return folder, request.param


def test_the_run_writes_the_kanim_reports_and_says_why_the_kanwil_is_not(folder_without_jajaran, tmp_path):
    folder, sheet = folder_without_jajaran
    out = tmp_path / "hasil"
    done = run([str(folder), "-o", str(out)], cwd=tmp_path)
    text = output(done)
    assert done.returncode == 1, text
    assert sorted(p.name for p in out.iterdir()) == KANIM_REPORTS
    assert f"GAGAL {KANWIL}: sheet Jajaran {sheet}, jadi laporan Kanwil tidak digabungkan" in text
    assert "(Kanim Batu Kerapu, Kanim Pulau Insang, Kanim Teluk Sirip); laporan Kanwil tidak dibuat" in text
    for berkas, nama in KANIM_FILES.items():
        assert f"{nama} ({berkas})" in text
    assert "3 berhasil, 1 gagal" in text and "kesalahan internal" not in text


def test_periksa_of_the_folder_says_it_at_the_jajaran_sheet(folder_without_jajaran, tmp_path):
    folder, sheet = folder_without_jajaran
    done = run(["periksa", "--json", str(folder)], cwd=tmp_path)
    assert done.returncode == 1, output(done)
    documents = {Path(d["berkas"]).name: d for d in json.loads(done.stdout)}
    kanwil = documents[KANWIL]
    assert not kanwil["valid"] and [g["kode"] for g in kanwil["galat"]] == ["jajaran-kosong"]
    assert (kanwil["galat"][0]["sheet"], kanwil["galat"][0]["sel"]) == ("Jajaran", "A2" if sheet == "kosong" else None)
    assert all(documents[name]["valid"] for name in KANIM_FILES)


def test_the_kanwil_alone_with_an_empty_jajaran_still_gets_its_own_report(tmp_path):
    folder = copy_example(tmp_path / "masuk")
    wb = openpyxl.load_workbook(folder / KANWIL)
    wb["Jajaran"].delete_rows(2, 3)
    wb.save(folder / KANWIL)
    out = tmp_path / "hasil"
    done = run([str(folder / KANWIL), "-o", str(out)], cwd=tmp_path)
    assert done.returncode == 0, output(done)
    assert [p.name for p in out.iterdir()] == ["LKjIP_Kanwil_Nusa_Karang_2025.docx"]
    text = output(done)
    assert "1 berhasil, 0 gagal" in text and "tidak digabungkan" not in text


def test_two_kanim_with_one_nama_singkat_are_refused_naming_the_second():
    # the jajaran tables, the rekap and the charts name each satker's column by its Nama Singkat
    kanim = kanim_candidates()
    teluk = next(c for c in kanim if "Teluk" in c.workbook.identitas.nama_satker)
    teluk.workbook.identitas = replace(teluk.workbook.identitas, nama_singkat="Kanim  batu kerapu")
    teluk.workbook.identitas_cells = {**teluk.workbook.identitas_cells, "nama_singkat": "B3"}

    match = match_jajaran(kanwil_candidate(kanwil_workbook()), kanim)

    [problem] = [p for p in match.problems if p.kode == "jajaran-nama-singkat-sama"]
    assert (problem.sheet, problem.cell, problem.berkas) == ("Identitas", "B3", teluk.berkas.name)
    assert "'Kanim Batu Kerapu'" in problem.message
    assert not match.complete and match.kurang == [teluk.workbook.identitas.nama_satker]
