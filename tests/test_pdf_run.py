"""`--pdf` for a whole run: one LibreOffice per worker, each started once, converts every report
while the next ones are built; a LibreOffice that hangs on one report is killed (with its children)
after that report's time limit and the report is named."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lkj_engine.jobs import pdf
from lkj_engine.jobs.batch import run_batch
from tests.conftest import EXAMPLE, soffice

ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(os.name == "nt", reason="fake LibreOffice is a shell script")


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # a zombie still answers; it is dead for our purpose
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "zombie" in status.read_text()


def _wait_pid(pidfile: Path) -> int:
    for _ in range(100):
        if pidfile.exists() and pidfile.read_text().strip():
            return int(pidfile.read_text().split()[0])
        time.sleep(0.05)
    raise AssertionError("fake LibreOffice never started")


@posix_only
def test_hung_plain_libreoffice_is_killed_and_the_report_named(tmp_path: Path, monkeypatch) -> None:
    pidfile = tmp_path / "pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\necho $$ > {pidfile}\nexec sleep 600\n")
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "_uno_python", lambda soffice: None)
    docx = tmp_path / "laporan.docx"
    docx.write_bytes(b"PK")
    start = time.monotonic()
    with pdf.Converter(fake, timeout=2) as converter:
        with pytest.raises(pdf.PdfError) as caught:
            converter.convert(docx, tmp_path, "LKjIP_Kanim_Uji_2025.pdf")
    assert time.monotonic() - start < 30
    assert "LKjIP_Kanim_Uji_2025.pdf" in str(caught.value) and "2 detik" in str(caught.value)
    assert "dihentikan" in str(caught.value)
    assert _gone(_wait_pid(pidfile))
    assert not (tmp_path / "laporan.pdf").exists()


HUNG_SERVER = """
import os, sys, time, urllib.parse, urllib.request
profile = urllib.request.url2pathname(urllib.parse.urlparse(sys.argv[-1]).path)
open(os.path.join(os.path.dirname(profile), "server.pid"), "w").write(str(os.getpid()))
print('{"ok": true}', flush=True)  # ready
for line in sys.stdin:
    time.sleep(600)  # hangs on the first report
"""


@posix_only
def test_hung_uno_libreoffice_is_killed_and_the_next_report_gets_a_new_one(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(pdf, "_uno_python", lambda soffice: [sys.executable])
    monkeypatch.setattr(pdf, "_UNO_SERVER", HUNG_SERVER)
    monkeypatch.setattr(pdf, "_convert_plain", lambda *a, **k: pytest.fail("a hung report is not retried"))
    docx = tmp_path / "laporan.docx"
    docx.write_bytes(b"PK")
    with pdf.Converter(Path(sys.executable), timeout=2) as converter:
        with pytest.raises(pdf.PdfError, match="LKjIP_A_2025.pdf.*dihentikan"):
            converter.convert(docx, tmp_path, "LKjIP_A_2025.pdf")
        profile_dir = converter._profile.parent
        first = int((profile_dir / "server.pid").read_text())
        assert _gone(first)
        (profile_dir / "server.pid").unlink()
        with pytest.raises(pdf.PdfError, match="LKjIP_B_2025.pdf"):
            converter.convert(docx, tmp_path, "LKjIP_B_2025.pdf")
        second = int((profile_dir / "server.pid").read_text())
    assert second != first and _gone(second)


SLOW_SERVER = """
import os, sys, time, urllib.parse, urllib.request
profile = urllib.request.url2pathname(urllib.parse.urlparse(sys.argv[-1]).path)
open(os.path.join(os.path.dirname(profile), "server.pid"), "w").write(str(os.getpid()))
time.sleep(600)  # never gets ready
"""


@posix_only
def test_libreoffice_started_and_never_used_is_ended_at_once(tmp_path: Path, monkeypatch) -> None:
    """Every report of a --pdf run failed: the LibreOffice started with the run is killed, not
    waited for (its start-up could take a minute)."""
    monkeypatch.setattr(pdf, "_uno_python", lambda soffice: [sys.executable])
    monkeypatch.setattr(pdf, "_UNO_SERVER", SLOW_SERVER)
    converter = pdf.Converter(Path(sys.executable), timeout=2)
    converter.start()
    profile_dir = converter._profile.parent
    server = _wait_pid(profile_dir / "server.pid")
    began = time.monotonic()
    converter.close()
    assert time.monotonic() - began < 5
    assert _gone(server) and not profile_dir.exists()


@posix_only
def test_libreoffice_that_never_gets_ready_gives_way_to_a_plain_conversion(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(pdf, "_uno_python", lambda soffice: [sys.executable])
    monkeypatch.setattr(pdf, "_UNO_SERVER", SLOW_SERVER)
    monkeypatch.setattr(pdf, "START_SECONDS", 1)
    plain: list[Path] = []

    def fake_plain(soffice, docx, out_dir, profile, timeout, name, sweep=None, running=None):
        plain.append(docx)
        (Path(out_dir) / (Path(docx).stem + ".pdf")).write_bytes(b"%PDF-1.4 uji")

    monkeypatch.setattr(pdf, "_convert_plain", fake_plain)
    docx = tmp_path / "laporan.docx"
    docx.write_bytes(b"PK")
    with pdf.Converter(Path(sys.executable), timeout=2) as converter:
        converter.start()
        server = _wait_pid(converter._profile.parent / "server.pid")
        made = converter.convert(docx, tmp_path, "LKjIP_A_2025.pdf")
        assert made.read_bytes() == b"%PDF-1.4 uji" and plain == [docx.resolve()]
        assert _gone(server)


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) tidak terpasang")
@posix_only
def test_batch_pdf_starts_one_libreoffice_per_worker_not_per_report(tmp_path: Path, monkeypatch) -> None:
    log = tmp_path / "starts.log"
    wrapper = tmp_path / "lo" / "soffice"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\necho "$*" >> {log}\nexec {shutil.which("soffice")} "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("LKJIP_SOFFICE", str(wrapper))
    outcomes = run_batch(_fake_reports(tmp_path, 3), tmp_path / "out", pdf=True, workers=2)
    assert [o.status for o in outcomes] == ["berhasil"] * 3
    assert all(o.pdf is not None and o.pdf.read_bytes()[:5] == b"%PDF-" for o in outcomes)
    assert 1 <= len(log.read_text().splitlines()) <= 2  # at most one per worker, never one per report
    if shutil.which("pdftotext"):  # contents lists updated: their lines end in page numbers
        text = subprocess.run(["pdftotext", "-l", "8", str(outcomes[2].pdf), "-"], capture_output=True,
                              text=True).stdout
        assert "BAB I PENDAHULUAN" in text and "Kanim Batu Kerapu 3" in text
        import re
        assert re.search(r"BAB I PENDAHULUAN\s*\.{5,}\s*\d+", text), text[:2000]
        _assert_contents_page_numbers(outcomes[2].pdf)
    assert not list((tmp_path / "out").glob(".*tmp*"))


def test_libreoffice_starts_before_the_first_report_is_built(tmp_path: Path, monkeypatch) -> None:
    """Its start-up (about 2 s) overlaps the building, instead of delaying the first PDF."""
    from lkj_engine.jobs import batch

    events: list[str] = []

    def fake_convert(self, docx: Path, out_dir: Path, name: str | None = None, sweep: Path | None = None) -> Path:
        events.append("pdf")
        target = Path(out_dir) / (Path(docx).stem + ".pdf")
        target.write_bytes(b"%PDF-1.4 uji")
        return target

    real_build = batch.build
    monkeypatch.setattr(pdf.Converter, "start", lambda self: events.append("libreoffice"))
    monkeypatch.setattr(pdf.Converter, "convert", fake_convert)
    monkeypatch.setattr(batch, "build", lambda *a, **k: (events.append("build"), real_build(*a, **k))[1])
    outcomes = run_batch([EXAMPLE], tmp_path / "out", pdf=True, workers=1)
    assert [o.status for o in outcomes] == ["berhasil"]
    assert outcomes[0].pdf is not None and outcomes[0].pdf.read_bytes() == b"%PDF-1.4 uji"
    assert events == ["libreoffice", "build", "pdf"]


def _fake_reports(tmp_path: Path, count: int) -> list[Path]:
    sys.path.insert(0, str(ROOT / "tools"))
    from benchmark import copy_as_office

    inputs = tmp_path / "in"
    inputs.mkdir()
    files = []
    for i in range(1, count + 1):
        files.append(inputs / f"k{i}.xlsx")
        copy_as_office(EXAMPLE, files[-1], "Kanim Batu Kerapu", f"Kanim Batu Kerapu {i}")
    return files


def test_two_workers_convert_two_reports_at_once(tmp_path: Path, monkeypatch) -> None:
    """Each conversion waits at a barrier for a second one: a run that converted one report after
    another would break it (after 20 s) and fail here. The reports are committed in input order,
    each with its own PDF."""
    import threading

    barrier = threading.Barrier(2, timeout=20)
    threads: set[str] = set()

    def fake_convert(self, docx: Path, out_dir: Path, name: str | None = None, sweep: Path | None = None) -> Path:
        threads.add(threading.current_thread().name)
        barrier.wait()
        target = Path(out_dir) / (Path(docx).stem + ".pdf")
        target.write_bytes(b"%PDF-1.4 " + name.encode())
        return target

    monkeypatch.setattr(pdf.Converter, "start", lambda self: None)
    monkeypatch.setattr(pdf.Converter, "convert", fake_convert)
    outcomes = run_batch(_fake_reports(tmp_path, 4), tmp_path / "out", pdf=True, workers=2)
    assert [o.status for o in outcomes] == ["berhasil"] * 4
    assert [o.pdf.read_bytes() for o in outcomes] == [
        f"%PDF-1.4 LKjIP_Kanim_Batu_Kerapu_{i}_2025.pdf".encode() for i in range(1, 5)]
    assert len(threads) == 2 and threading.main_thread().name not in threads


def test_interrupted_run_kills_a_converting_libreoffice_and_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    """Ctrl+C while the first report is converted on its thread and the second is built: the
    LibreOffice is closed at once (killed), the conversion in progress ends, no other starts, and
    nothing of the run is left in the output folder."""
    import threading

    converting, released = threading.Event(), threading.Event()
    converted: list[str] = []
    closed: list[bool] = []

    def fake_convert(self, docx: Path, out_dir: Path, name: str | None = None, sweep: Path | None = None) -> Path:
        converted.append(name)
        (Path(out_dir) / (Path(docx).stem + ".pdf")).write_bytes(b"%PDF-1.4 separuh")
        converting.set()
        released.wait(20)  # until LibreOffice is killed
        raise pdf.PdfError("LibreOffice berhenti mendadak.")

    def fake_close(self, at_once: bool = False) -> None:
        closed.append(at_once)
        released.set()

    from lkj_engine.jobs import batch

    real_build = batch.build

    def build(path, *args, **kwargs):
        if path.name == "k2.xlsx":
            assert converting.wait(20)
            raise KeyboardInterrupt
        return real_build(path, *args, **kwargs)

    monkeypatch.setattr(pdf.Converter, "start", lambda self: None)
    monkeypatch.setattr(pdf.Converter, "convert", fake_convert)
    monkeypatch.setattr(pdf.Converter, "close", fake_close)
    monkeypatch.setattr(batch, "build", build)
    shown: list[object] = []
    began = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        run_batch(_fake_reports(tmp_path, 3), tmp_path / "out", pdf=True, workers=1,
                  on_progress=lambda done, total, outcome: shown.append(outcome))
    assert time.monotonic() - began < 15
    assert closed and closed[0] is True  # killed, not waited for
    assert converted == ["LKjIP_Kanim_Batu_Kerapu_1_2025.pdf"] and not shown
    assert list((tmp_path / "out").iterdir()) == []


def _assert_contents_page_numbers(pdf_path: Path) -> None:
    """Every chapter-level line of Daftar Isi names the page number printed in the footer of the page
    where that heading stands (front matter in roman numerals included: the lists of tables and
    figures fill more than one page once updated, which moves the pages after them)."""
    import re

    pages = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True,
                           text=True).stdout.split("\f")
    lines = [[line.strip() for line in page.splitlines() if line.strip()] for page in pages]
    toc_page = next(i for i, page in enumerate(lines) if "DAFTAR ISI" in page[:3])
    entries = [m.groups() for line in lines[toc_page]
               if (m := re.match(r"^([A-Z][A-Z ]+?)\.{3,}\s*([ivxlc]+|\d+)$", line))]
    assert len(entries) >= 8, lines[toc_page]  # the front matter, BAB I-IV and LAMPIRAN
    for title, number in entries:
        where = next(i for i, page in enumerate(lines) if title in page[:4])  # a heading is a line of its own
        assert lines[where][-1] == number, (title, number, lines[where][-1])
