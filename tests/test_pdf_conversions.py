"""A run's PDFs on threads (jobs.conversions): one LibreOffice per worker, the one that just finished
takes the next report, a Kanwil is committed once with its own PDF, and an interrupted run kills
every converting LibreOffice at once and leaves no profile."""
from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest

from lkj_engine.jobs import pdf
from lkj_engine.jobs.batch import run_batch
from lkj_engine.jobs.conversions import Conversions
from lkj_engine.jobs.pipeline import BERHASIL, Outcome
from tests.conftest import ROOT

JAJARAN = ROOT / "input_templates" / "contoh_jajaran"
posix_only = pytest.mark.skipif(os.name == "nt", reason="fake LibreOffice is a shell script")


def _staged(folder: Path, name: str) -> Outcome:
    docx = folder / f".{name}.tmp.docx"
    docx.write_bytes(b"PK")
    return Outcome(berkas=folder / f"{name}.xlsx", status=BERHASIL, staged_docx=docx, target=folder / f"{name}.docx")


def test_the_libreoffice_that_just_finished_takes_the_next_report(tmp_path: Path, monkeypatch) -> None:
    """Reports that come one after another are all converted by the first LibreOffice: a second
    one is started only for a report that finds the first busy."""
    used: list[int] = []
    started: list[int] = []

    def fake_convert(self, docx, out_dir, name=None, sweep=None):
        used.append(id(self))
        target = Path(out_dir) / (Path(docx).stem + ".pdf")
        target.write_bytes(b"%PDF-1.4")
        return target

    monkeypatch.setattr(pdf.Converter, "convert", fake_convert)
    monkeypatch.setattr(pdf.Converter, "start", lambda self: started.append(id(self)))
    conversions = Conversions(2)
    try:
        conversions.start()
        for i in range(4):
            outcome = conversions.submit(_staged(tmp_path, f"LKjIP_K{i}_2025"), "").result(timeout=20)
            assert outcome.staged_pdf is not None and outcome.staged_pdf.is_file()
    finally:
        conversions.close()
    assert len(set(used)) == 1 and len(used) == 4
    assert started == used[:1]  # the run's start starts the first LibreOffice only


def test_a_kanwil_is_committed_once_with_its_pdf_after_every_kanim(tmp_path: Path, monkeypatch) -> None:
    """The Kanwil's place in the input order waits for its consolidation: even when its Kanim's PDFs
    are still being made as it is consolidated, it is committed once, after them, with its PDF."""
    from lkj_engine.jobs import batch

    commits: list[tuple[str, bool]] = []
    real_commit = batch.commit

    def commit(outcome, claimed=None):
        if outcome.status == BERHASIL:
            commits.append((outcome.target.name, outcome.staged_pdf is not None))
        return real_commit(outcome, claimed)

    def slow_convert(self, docx, out_dir, name=None, sweep=None):
        time.sleep(1.0)  # the Kanwil is consolidated while the last Kanim's PDF is made
        target = Path(out_dir) / (Path(docx).stem + ".pdf")
        target.write_bytes(b"%PDF-1.4 " + name.encode())
        return target

    monkeypatch.setattr(batch, "commit", commit)
    monkeypatch.setattr(pdf.Converter, "start", lambda self: None)
    monkeypatch.setattr(pdf.Converter, "convert", slow_convert)
    shown: list[str] = []
    counted: list[tuple[int, int]] = []

    def progress(done, total, outcome):
        shown.append(outcome.berkas.name)
        counted.append((done, total))

    outcomes = run_batch(sorted(JAJARAN.glob("*.xlsx")), tmp_path / "out", pdf=True, workers=2,
                         on_progress=progress)
    kanwil = "LKjIP_Kanwil_Nusa_Karang_2025.docx"
    assert [o.status for o in outcomes] == [BERHASIL] * 4
    assert [name for name, _ in commits] == [
        "LKjIP_Kanim_Batu_Kerapu_2025.docx", "LKjIP_Kanim_Pulau_Insang_2025.docx",
        "LKjIP_Kanim_Teluk_Sirip_2025.docx", kanwil]
    assert all(with_pdf for _, with_pdf in commits)
    assert (tmp_path / "out" / kanwil).with_suffix(".pdf").read_bytes() == b"%PDF-1.4 " + kanwil.replace(
        ".docx", ".pdf").encode()
    assert sorted(shown) == sorted(p.name for p in JAJARAN.glob("*.xlsx"))  # each said once
    assert shown[-1] == "contoh_kanwil_nusa_karang_2025.xlsx" and counted == [(1, 4), (2, 4), (3, 4), (4, 4)]


@posix_only
def test_closing_at_once_kills_every_converting_libreoffice_and_removes_the_profiles(tmp_path: Path,
                                                                                     monkeypatch) -> None:
    """Two plain LibreOffices hang, one per report, on threads of their own; closing at once (what
    an interrupted run does) kills both within seconds, starts nothing more, and removes both profiles."""
    pidfile = tmp_path / "pids"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\necho $$ >> {pidfile}\nexec sleep 600\n")
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "_uno_python", lambda soffice: None)
    monkeypatch.setattr(pdf, "find_soffice", lambda: fake)
    conversions = Conversions(2, timeout=300)
    futures = [conversions.submit(_staged(tmp_path, f"LKjIP_K{i}_2025"), "") for i in range(3)]
    deadline = time.monotonic() + 30
    while len(pidfile.read_text().split()) < 2 if pidfile.exists() else True:
        assert time.monotonic() < deadline, "the two LibreOffices never started"
        time.sleep(0.05)
    pids = [int(p) for p in pidfile.read_text().split()]
    profiles = [c._root for c in conversions._converters]
    began = time.monotonic()
    conversions.close(at_once=True)
    assert time.monotonic() - began < 10
    outcomes = [f.result(timeout=10) for f in futures]
    assert all(o.staged_pdf is None and o.problems for o in outcomes)  # each a PDF warning, none made
    assert len(pidfile.read_text().split()) == 2  # the third report started no LibreOffice
    for pid in pids:
        assert _gone(pid)
    assert all(root is not None and not root.exists() for root in profiles)
    assert threading.active_count() < 50


def _gone(pid: int, within: float = 5) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        status = Path(f"/proc/{pid}/status")
        if status.exists() and "zombie" in status.read_text():
            return True
        time.sleep(0.05)
    return False


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))


def test_no_temporary_folder_fails_each_pdf_with_a_warning_not_the_run(tmp_path: Path, monkeypatch) -> None:
    """LibreOffice's profile cannot be made (the temporary folder is gone or full): starting it at
    the run's start raises nothing, and each report's PDF fails with the pdf warning naming it."""
    import tempfile

    from lkj_engine.jobs.pipeline import stage_pdf

    monkeypatch.setattr(pdf, "_uno_python", lambda soffice: [sys.executable])
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tidak_ada"))
    converter = pdf.Converter(Path(sys.executable), timeout=5)
    try:
        converter.start()  # must not raise: the run goes on without PDFs
        outcome = _staged(tmp_path, "LKjIP_Kanim_Uji_2025")
        stage_pdf(outcome, converter)
    finally:
        converter.close()
    assert outcome.staged_pdf is None and outcome.status == BERHASIL
    assert [p.kode for p in outcome.problems] and "LKjIP_Kanim_Uji_2025.pdf" in outcome.problems[0].message
