"""The command as a clerk and a Kanwil run it: a real process, started from a foreign folder.

Every run goes through `cli_runner.run()` (re-exported here for the other command tests), which also
asserts that no Python traceback reached the user.
Reports are rendered a handful of times only (module-scoped fixtures share them).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cli_runner import environment, finish, output, run, start
from conftest import BLANK, EXAMPLE, soffice
from lkj_engine.jobs import batch
from lkj_engine.jobs.inputs import expand_inputs
from lkj_engine.jobs.pipeline import lock_files, report_name

__all__ = ["finish", "output", "run", "start"]  # used by the other command tests


def example_report_name() -> str:
    from lkj_engine.reading.loader import load_workbook

    wb = load_workbook(EXAMPLE).workbook
    return report_name(wb.identitas.nama_singkat, wb.tahun)


def nama_singkat_of(path: Path) -> str:
    from lkj_engine.reading.loader import load_workbook

    return load_workbook(path).workbook.identitas.nama_singkat


def copy_as_office(src: Path, dst: Path, nama_singkat: str) -> Path:
    """A byte-level copy of the example with another Nama Singkat (so its report has its own name).

    The zip is rewritten member by member and only the exact string is replaced, so cached formula
    values and everything else the clerk typed stay as they are.
    """
    old = nama_singkat_of(src)
    pattern = re.compile(r"(<t(?: [^>]*)?>)" + re.escape(escape_xml(old)) + r"(</t>)")
    replaced = 0
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.endswith(".xml"):
                text, n = pattern.subn(lambda m: m.group(1) + escape_xml(nama_singkat) + m.group(2),
                                       data.decode("utf-8"))
                replaced += n
                data = text.encode("utf-8")
            zout.writestr(item, data)
    assert replaced, f"Nama Singkat {old!r} not found as a cell string in {src}"
    assert nama_singkat_of(dst) == nama_singkat
    return dst


def escape_xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def stray_files(folder: Path) -> list[str]:
    """Temporary or partial files a run must never leave behind."""
    return sorted(p.name for p in folder.iterdir() if ".tmp" in p.name or p.name.startswith("."))


# --- one file ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def single(tmp_path_factory):
    """`python generate.py <example>` run from an unrelated folder."""
    cwd = tmp_path_factory.mktemp("satu")
    return cwd, run([str(EXAMPLE)], cwd)


def test_one_file_writes_the_report_into_hasil(single):
    cwd, done = single
    assert done.returncode == 0, output(done)
    report = cwd / "hasil" / example_report_name()
    assert report.is_file()
    assert report.name.endswith("_2025.docx") and " " not in report.name
    assert [p.name for p in (cwd / "hasil").iterdir()] == [report.name]  # nothing else, no temp file
    from docx import Document

    assert len(Document(str(report)).paragraphs) > 50
    text = output(done)
    assert "berhasil" in text and "1 berhasil, 0 gagal, 0 dilewati dari 1 berkas" in text


def test_second_run_gives_the_same_files(single, tmp_path):
    cwd, _ = single
    again = run([str(EXAMPLE), "-o", str(tmp_path / "lagi")], cwd)
    assert again.returncode == 0
    assert [p.name for p in (tmp_path / "lagi").iterdir()] == [example_report_name()]
    with zipfile.ZipFile(cwd / "hasil" / example_report_name()) as first, \
            zipfile.ZipFile(tmp_path / "lagi" / example_report_name()) as second:
        assert first.namelist() == second.namelist()
        for member in first.namelist():  # the zip's own timestamps may differ, the content may not
            assert first.read(member) == second.read(member), member


# --- a Kanwil's folder -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kanwil(tmp_path_factory):
    """Five offices (copies of the example), one corrupt file, plus what a folder must skip."""
    cwd = tmp_path_factory.mktemp("kanwil")
    folder = cwd / "Workbook Kanim"  # a space, as on a clerk's PC
    folder.mkdir()
    for image in EXAMPLE.parent.glob("contoh_*.png"):  # each office keeps its pictures beside it
        shutil.copy(image, folder / image.name)
    names = []
    for i in range(1, 6):
        nama = f"Kanim Uji {i}"
        copy_as_office(EXAMPLE, folder / f"kanim_{i}.xlsx", nama)
        names.append(report_name(nama, 2025))
    (folder / "rusak.xlsx").write_bytes(b"PK\x03\x04 ini bukan workbook yang utuh")
    (folder / "~$kanim_1.xlsx").write_bytes(b"lock")  # Excel's lock file: skipped
    shutil.copy(BLANK, folder / "template_lkjip_2025.xlsx")  # the blank template: skipped
    (folder / "catatan.txt").write_text("bukan workbook")
    done = run([str(folder), "-o", "laporan kanwil"], cwd)
    return cwd, folder, names, done


def test_folder_makes_five_reports_and_names_the_corrupt_file(kanwil):
    cwd, _, names, done = kanwil
    out = cwd / "laporan kanwil"
    assert done.returncode == 1, output(done)
    assert sorted(p.name for p in out.iterdir()) == sorted(names)  # no file for rusak, no temp
    text = output(done)
    assert "rusak.xlsx" in text and "GAGAL rusak.xlsx" in text
    assert "5 berhasil, 1 gagal, 0 dilewati dari 6 berkas" in text
    assert "template_lkjip_2025.xlsx dilewati" in text


def test_folder_summary_lists_files_in_name_order(kanwil):
    _, _, _, done = kanwil
    rows = [line for line in done.stdout.splitlines() if re.search(r"kanim_\d\.xlsx|rusak\.xlsx", line)
            and "dilewati" not in line and "GAGAL" not in line]
    order = [re.search(r"(kanim_\d|rusak)\.xlsx", line).group(1) for line in rows]
    assert order == ["kanim_1", "kanim_2", "kanim_3", "kanim_4", "kanim_5", "rusak"]


# --- a report open in Word ---------------------------------------------------------------------

def test_report_open_in_word_is_not_overwritten_and_the_rest_is_done(single, tmp_path):
    cwd, _ = single
    out = tmp_path / "hasil"
    out.mkdir()
    name = example_report_name()
    existing = out / name
    shutil.copy(cwd / "hasil" / name, existing)
    os.utime(existing, (1_700_000_000, 1_700_000_000))
    before = existing.read_bytes()
    (out / ("~$" + name)).write_bytes(b"Word lock")
    other = copy_as_office(EXAMPLE, tmp_path / "lain.xlsx", "Kanim Lain")
    same_file_again = os.path.relpath(EXAMPLE, tmp_path)  # the example named twice: done once

    done = run([str(EXAMPLE), same_file_again, str(other), "-o", str(out)], tmp_path)

    assert done.returncode == 1, output(done)
    assert existing.read_bytes() == before and existing.stat().st_mtime == 1_700_000_000
    assert (out / report_name("Kanim Lain", 2025)).is_file()
    text = output(done)
    assert "dilewati" in text and "Word" in text and "Tutup" in text
    assert "1 berhasil, 0 gagal, 1 dilewati dari 2 berkas" in text
    assert stray_files(out) == []


# --- PDF ---------------------------------------------------------------------------------------

@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) tidak terpasang")
def test_pdf_with_libreoffice(tmp_path):
    done = run([str(EXAMPLE), "--pdf"], tmp_path)
    assert done.returncode == 0, output(done)
    pdf = tmp_path / "hasil" / example_report_name().replace(".docx", ".pdf")
    assert pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-"
    assert (tmp_path / "hasil" / example_report_name()).is_file()
    assert stray_files(tmp_path / "hasil") == []
    if shutil.which("pdftotext"):  # the contents list was updated: its lines end in page numbers
        text = subprocess.run(["pdftotext", "-l", "8", str(pdf), "-"], capture_output=True, text=True).stdout
        assert re.search(r"BAB I PENDAHULUAN\s*\.{5,}\s*\d+", text), text[:3000]


def test_pdf_without_libreoffice_still_writes_the_docx(tmp_path):
    bare = tmp_path / "bin"
    bare.mkdir()
    try:
        (bare / "python").symlink_to(sys.executable)
    except OSError:  # Windows without symlink rights: an empty PATH proves the same
        pass
    env = environment(drop=("LKJIP_SOFFICE", "ProgramFiles", "ProgramFiles(x86)", "ProgramW6432", "LOCALAPPDATA"),
                      PATH=str(bare))
    done = run([str(EXAMPLE), "--pdf"], tmp_path, env=env)
    assert done.returncode == 0, output(done)
    out = tmp_path / "hasil"
    assert sorted(p.name for p in out.iterdir()) == [example_report_name()]
    text = output(done)
    assert "LibreOffice tidak ditemukan" in text and "libreoffice.org" in text


def test_libreoffice_is_looked_for_where_windows_installs_it(tmp_path, monkeypatch):
    from lkj_engine.jobs import pdf

    monkeypatch.setenv("ProgramFiles", str(tmp_path / "pf"))
    monkeypatch.setenv("ProgramFiles(x86)", str(tmp_path / "pf86"))
    candidates = pdf._windows_candidates()
    assert tmp_path / "pf" / "LibreOffice" / "program" / "soffice.exe" in candidates
    assert tmp_path / "pf86" / "LibreOffice" / "program" / "soffice.exe" in candidates
    custom = tmp_path / "lo" / "soffice.exe"
    custom.parent.mkdir()
    custom.write_bytes(b"")
    monkeypatch.setenv("LKJIP_SOFFICE", str(custom))
    assert pdf.find_soffice() == custom


# --- wrong calls, missing files ----------------------------------------------------------------

WRONG_CALLS = {  # case: (arguments, exit status, what stderr says)
    "opsi tidak dikenal": ([str(EXAMPLE), "--tidak-ada"], 2,
                           ["kesalahan: argumen tidak dikenal: --tidak-ada", "penggunaan:"]),
    "tanpa argumen": ([], 2, ["argumen berikut wajib diisi: BERKAS_ATAU_FOLDER", "penggunaan:"]),
}


@pytest.mark.parametrize("case", list(WRONG_CALLS))
def test_a_wrong_call_exits_2_in_indonesian(case, tmp_path):
    args, status, phrases = WRONG_CALLS[case]
    done = run(args, tmp_path)
    assert done.returncode == status
    for phrase in phrases:
        assert phrase in done.stderr
    assert "usage:" not in done.stderr
    assert not (tmp_path / "hasil").exists()


def test_help_is_indonesian(tmp_path):
    done = run(["--help"], tmp_path)
    assert done.returncode == 0
    for phrase in ("penggunaan:", "opsi:", "tampilkan bantuan ini lalu keluar", "periksa", "templat",
                   "Status keluar"):
        assert phrase in done.stdout
    assert "usage:" not in done.stdout and "show this help" not in done.stdout


def test_missing_path_is_an_error_line_and_exit_1(tmp_path):
    done = run(["tidak_ada.xlsx"], tmp_path)
    assert done.returncode == 1
    assert "tidak_ada.xlsx: berkas atau folder tidak ditemukan" in output(done)


# --- periksa, templat --------------------------------------------------------------------------

def test_periksa_json_prints_the_design_document(tmp_path):
    done = run(["periksa", str(EXAMPLE), "--json"], tmp_path)
    assert done.returncode == 0, output(done)
    doc = json.loads(done.stdout)
    for key in ("berkas", "valid", "galat", "peringatan", "satker", "ikk", "sasaran", "rata_capaian",
                "anggaran", "belanja", "pnbp", "nka"):
        assert key in doc
    assert doc["valid"] is True and doc["galat"] == []
    assert doc["satker"]["tahun"] == 2025 and doc["ikk"]


def test_periksa_json_of_two_files_is_a_list_and_a_corrupt_one_is_invalid(tmp_path):
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"bukan excel")
    done = run(["periksa", "--json", str(EXAMPLE), str(bad)], tmp_path)
    assert done.returncode == 1
    docs = json.loads(done.stdout)
    assert [d["valid"] for d in docs] == [True, False]
    assert docs[1]["galat"] and docs[1]["galat"][0]["pesan"]


def test_periksa_prints_problems_and_capaian(tmp_path):
    done = run(["periksa", str(EXAMPLE)], tmp_path)
    assert done.returncode == 0
    assert "valid" in done.stdout and "Rata-rata capaian kinerja" in done.stdout


def test_a_console_that_cannot_show_the_characters_does_not_crash(tmp_path):
    """A plain Windows cmd window: cp437/cp850, no UTF-8."""
    workbook = copy_as_office(EXAMPLE, tmp_path / "kanim Łódź é.xlsx", "Kanim Łódź ✓")
    env = environment(PYTHONIOENCODING="ascii")
    done = run(["periksa", str(workbook)], tmp_path, env=env)
    assert done.returncode == 0 and "kanim ??d? ?.xlsx: valid" in done.stdout
    as_json = run(["periksa", "--json", str(workbook)], tmp_path, env=env)
    assert json.loads(as_json.stdout)["satker"]["nama_singkat"] == "Kanim Łódź ✓"


def test_templat_writes_a_workbook_and_never_overwrites(tmp_path):
    done = run(["templat", "-o", "x.xlsx"], tmp_path)
    assert done.returncode == 0, output(done)
    import openpyxl

    names = openpyxl.load_workbook(tmp_path / "x.xlsx").sheetnames
    assert names[0] == "Petunjuk" and "Identitas" in names and "IKK" in names
    again = run(["templat", "-o", "x.xlsx"], tmp_path)
    assert again.returncode == 1 and "tidak ditimpa" in output(again)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.xlsx"]


def test_templat_default_name_in_current_folder(tmp_path):
    done = run(["templat"], tmp_path)
    assert done.returncode == 0, output(done)
    import datetime

    today = datetime.date.today()
    year = today.year if today.month == 12 else today.year - 1  # last year's report; in December this year's
    assert (tmp_path / f"template_lkjip_{year}.xlsx").is_file()


# --- the pieces, in-process (fast) -------------------------------------------------------------

def test_report_name_is_safe_on_windows():
    assert report_name("Kanim Tanjung Lumut", 2025) == "LKjIP_Kanim_Tanjung_Lumut_2025.docx"
    assert report_name('Kanim  "TPI" Batam: I?', 2025) == "LKjIP_Kanim_TPI_Batam_I_2025.docx"
    assert report_name("Kanim A/B\\C*<>|", 2025) == "LKjIP_Kanim_ABC_2025.docx"
    assert report_name("", 2024) == "LKjIP_Satker_2024.docx"


def test_lock_files_cover_word_short_names_and_libreoffice(tmp_path):
    names = {p.name for p in lock_files(tmp_path / "LKjIP_Kanim_X_2025.docx")}
    assert {"~$LKjIP_Kanim_X_2025.docx", "~$jIP_Kanim_X_2025.docx",
            ".~lock.LKjIP_Kanim_X_2025.docx#"} <= names


def test_expand_inputs_folder_rules_and_dedupe(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("b.xlsx", "A.xlsx", "~$b.xlsx", "template_lkjip_2025.xlsx", "c.xls", "d.txt"):
        (folder / name).write_bytes(b"x")
    (folder / "sub").mkdir()
    (folder / "sub" / "e.xlsx").write_bytes(b"x")
    found = expand_inputs([folder, folder / "b.xlsx", tmp_path / "in" / ".." / "in" / "A.xlsx",
                           tmp_path / "nope.xlsx"])
    assert [p.name for p in found.files] == ["A.xlsx", "b.xlsx"]
    assert len(found.errors) == 1 and "nope.xlsx" in found.errors[0]
    # the lock file, the blank template and the old-format workbook, said out loud
    assert len(found.notes) == 3
    assert any("c.xls dilewati: berkas Excel lama (.xls), bukan .xlsx" in n for n in found.notes)
    empty = tmp_path / "kosong"
    empty.mkdir()
    assert expand_inputs([empty]).errors[0].endswith("tidak ada berkas .xlsx di folder ini.")
    for name in ("laporan.xlsm", "laporan.xls", "~$laporan.xlsm"):
        (empty / name).write_bytes(b"x")
    assert expand_inputs([empty]).errors[0].endswith(
        "tidak ada berkas .xlsx di folder ini (yang ada: laporan.xls, laporan.xlsm; simpan sebagai Excel Workbook "
        ".xlsx).")


def test_a_crash_while_rendering_leaves_nothing_and_says_kesalahan_internal(tmp_path, monkeypatch):
    import lkj_engine.render.report as report

    def broken(results, problems, out_path, *args, **kwargs):
        Path(out_path).write_bytes(b"half a docx")
        raise ValueError("rusak di tengah jalan")

    monkeypatch.setattr(report, "render_report", broken)
    outcome = batch.generate(EXAMPLE, tmp_path)
    assert outcome.status == "gagal" and outcome.laporan is None
    assert "kesalahan internal" in outcome.message and "ValueError: rusak di tengah jalan" in outcome.message
    assert EXAMPLE.name in outcome.message
    assert list(tmp_path.iterdir()) == []


def test_an_interrupt_while_rendering_leaves_nothing(tmp_path, monkeypatch):
    import lkj_engine.render.report as report

    def interrupted(results, problems, out_path, *args, **kwargs):
        Path(out_path).write_bytes(b"half a docx")
        raise KeyboardInterrupt

    monkeypatch.setattr(report, "render_report", interrupted)
    with pytest.raises(KeyboardInterrupt):
        batch.generate(EXAMPLE, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_two_inputs_with_the_same_report_name_do_not_overwrite_each_other(tmp_path, monkeypatch):
    from lkj_engine.jobs.batch import run_batch

    import lkj_engine.render.report as report

    def tiny(results, problems, out_path, *args, **kwargs):  # the rendering is not under test here
        Path(out_path).write_text(results.workbook.source.name)
        return []

    monkeypatch.setattr(report, "render_report", tiny)
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    shutil.copy(EXAMPLE, first)
    shutil.copy(EXAMPLE, second)
    outcomes = run_batch([first, second], tmp_path / "out", workers=1)
    assert [o.status for o in outcomes] == ["berhasil", "gagal"]
    assert "sudah ditulis dari a.xlsx" in outcomes[1].message
    assert (tmp_path / "out" / example_report_name()).read_text() == "a.xlsx"
    assert [p.name for p in (tmp_path / "out").iterdir()] == [example_report_name()]


def test_the_command_spares_the_interpreter_its_last_collection_once():
    """The command (generate.py, `lkjip`) and each batch worker register gc.freeze to run at exit,
    once however often it is asked for: the last collection cost about 0,3 s of every command and
    freed nothing that mattered. `main` called in-process (as these tests do) registers nothing."""
    code = ("import atexit, gc\n"
            "from lkj_engine.jobs import lifetime\n"
            "from lkj_engine.cli.main import main\n"
            "before = atexit._ncallbacks()\n"
            "main(['periksa', 'input_templates/contoh_kanim_2025.xlsx'])\n"
            "by_main = lifetime._skipping\n"
            "before = atexit._ncallbacks()\n"
            "lifetime.skip_last_collection(); lifetime.skip_last_collection()\n"
            "once = atexit._ncallbacks() - before\n"
            "frozen_before = gc.get_freeze_count()\n"
            "atexit._run_exitfuncs()\n"
            "print('HASIL', by_main, once, frozen_before, gc.get_freeze_count() > 0)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parent.parent,
                          capture_output=True, text=True, timeout=120)
    result = [line.split()[1:] for line in done.stdout.splitlines() if line.startswith("HASIL ")]
    assert result == [["False", "1", "0", "True"]], done.stdout + done.stderr
