"""`--pdf` when LibreOffice cannot make the PDF (issue 13): a full disk, a hung or a crashing LibreOffice.

The good .docx is always kept and committed; the PDF's failure is a warning with its own code naming
the report (and the folder, for a full disk); no partial PDF, lock file, profile or process is left.
Fake LibreOffices are shell scripts put where LKJIP_SOFFICE points, each with a `python` beside it
that cannot drive it through UNO, so the plain ``--convert-to`` path runs them.
"""
from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from conftest import EXAMPLE
from lkj_engine.jobs import pdf
from lkj_engine.jobs.pipeline import Outcome, stage_pdf
from test_cli import example_report_name, output, run
from test_interrupt import alive, leftovers, profiles

posix_only = pytest.mark.skipif(os.name == "nt", reason="fake LibreOffice is a shell script")

# The plain path calls: soffice -env:... --headless ... --convert-to pdf --outdir DIR DOCX
_ARGS = 'out=""; for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; docx="$a"; done\n'
FULL_DISK = ("#!/bin/sh\n" + _ARGS + 'stem=$(basename "$docx" .docx)\nprintf "%%PDF-1.7 sepotong" > "$out/$stem.pdf"\n'
             'touch "$(dirname "$docx")/.~lock.$(basename "$docx")#"\n'
             'echo "Error: Please verify input parameters... (SfxBaseModel::impl_store: '
             'No space left on device)" >&2\nexit 1\n')
HUNG = "#!/bin/sh\necho $$ >> {pidfile}\nexec sleep 600\n"
CRASH = "#!/bin/sh\n" + _ARGS + 'stem=$(basename "$docx" .docx)\nprintf "%%PDF-1.7" > "$out/$stem.pdf"\nkill -SEGV $$\n'


def fake_libreoffice(folder: Path, script: str) -> Path:
    folder.mkdir()
    soffice = folder / "soffice"
    soffice.write_text(script)
    (folder / "python").write_text("#!/bin/sh\nexit 1\n")  # no UNO: the plain path
    for path in (soffice, folder / "python"):
        path.chmod(0o755)
    return soffice


def environment(tmp: Path, soffice: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "PYTHONWARNINGS")}
    env.update(TMPDIR=str(tmp), LKJIP_SOFFICE=str(soffice), **extra)
    return env


def staged(folder: Path) -> Outcome:
    """A report as a batch has it between build and commit: its staged .docx in the output folder."""
    folder.mkdir(exist_ok=True)
    docx = folder / ".LKjIP_Kanim_Uji_2025.a1b2c3p1-0badcafe.tmp.docx"
    docx.write_bytes(b"PK not really a docx")
    return Outcome(berkas=EXAMPLE, status="berhasil", staged_docx=docx, target=folder / "LKjIP_Kanim_Uji_2025.docx")


def codes(outcome: Outcome) -> list[str]:
    return [p.kode for p in outcome.problems]


@posix_only
def test_full_disk_keeps_the_docx_and_names_the_folder(tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    soffice = fake_libreoffice(tmp_path / "lo", FULL_DISK)
    out = tmp_path / "hasil"
    done = run([str(EXAMPLE), "-o", str(out), "--pdf"], tmp_path, env=environment(tmp, soffice))
    assert done.returncode == 0, output(done)  # the report was made; the PDF is a warning
    assert sorted(p.name for p in out.iterdir()) == [example_report_name()]  # no partial PDF, no lock
    text = output(done)
    assert "penuh" in text and str(out.resolve()) in text and example_report_name().replace(".docx", ".pdf") in text
    assert profiles(tmp) == []


def test_full_disk_while_writing_is_pdf_disk_penuh_with_the_folder(tmp_path):
    class FullDisk:
        def convert(self, docx: Path, folder: Path, name: str, sweep: Path | None = None) -> Path:
            (folder / (docx.stem + ".pdf")).write_bytes(b"%PDF-1.7 sepotong")
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(folder / (docx.stem + ".pdf")))

    outcome = staged(tmp_path / "hasil")
    stage_pdf(outcome, FullDisk())
    assert codes(outcome) == ["pdf-disk-penuh"]
    assert str(tmp_path / "hasil") in outcome.problems[0].message
    assert outcome.staged_pdf is None and outcome.staged_docx.is_file() and outcome.status == "berhasil"
    assert leftovers(tmp_path / "hasil") == [outcome.staged_docx.name]  # the .docx only, to be committed


@posix_only
def test_full_disk_said_by_libreoffice_is_pdf_disk_penuh(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "_uno_python", lambda soffice: None)
    outcome = staged(tmp_path / "hasil")
    with pdf.Converter(fake_libreoffice(tmp_path / "lo", FULL_DISK)) as converter:
        stage_pdf(outcome, converter)
    assert codes(outcome) == ["pdf-disk-penuh"]
    assert leftovers(tmp_path / "hasil") == [outcome.staged_docx.name]  # no partial PDF, no lock file


@posix_only
def test_hung_libreoffice_is_killed_after_batas_pdf_and_named(tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    pidfile = tmp_path / "soffice.pid"
    soffice = fake_libreoffice(tmp_path / "lo", HUNG.format(pidfile=pidfile))
    out = tmp_path / "hasil"
    began = time.monotonic()
    done = run([str(EXAMPLE), "-o", str(out), "--pdf", "--batas-pdf", "2"], tmp_path, env=environment(tmp, soffice))
    assert time.monotonic() - began < 120
    assert done.returncode == 0, output(done)
    assert sorted(p.name for p in out.iterdir()) == [example_report_name()]
    text = output(done)
    assert example_report_name().replace(".docx", ".pdf") in text and "2 detik" in text and "dihentikan" in text
    assert "PDF tidak dibuat untuk 1 laporan" in text  # in the summary, beside the totals
    assert not alive(int(pidfile.read_text().split()[0]))
    assert profiles(tmp) == []


@posix_only
def test_the_time_limit_also_comes_from_lkjip_batas_pdf(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "_uno_python", lambda soffice: None)
    pidfile = tmp_path / "soffice.pid"
    outcome = staged(tmp_path / "hasil")
    with pdf.Converter(fake_libreoffice(tmp_path / "lo", HUNG.format(pidfile=pidfile)), timeout=1) as converter:
        stage_pdf(outcome, converter)
    assert codes(outcome) == ["pdf-batas-waktu"]
    assert not alive(int(pidfile.read_text().split()[0]))
    done = run([str(EXAMPLE), "-o", str(tmp_path / "x"), "--pdf"], tmp_path,
               env=environment(tmp_path, tmp_path / "lo" / "soffice", LKJIP_BATAS_PDF="sebentar"))
    assert done.returncode == 2 and "LKJIP_BATAS_PDF" in output(done)
    assert not (tmp_path / "x").exists()


@posix_only
def test_crashing_libreoffice_keeps_the_docx(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "_uno_python", lambda soffice: None)
    outcome = staged(tmp_path / "hasil")
    with pdf.Converter(fake_libreoffice(tmp_path / "lo", CRASH)) as converter:
        stage_pdf(outcome, converter)
    assert codes(outcome) == ["pdf-libreoffice-berhenti"]
    assert outcome.staged_docx.is_file() and outcome.status == "berhasil"
    assert leftovers(tmp_path / "hasil") == [outcome.staged_docx.name]
