"""A batch stopped from outside (issue 13): SIGTERM as Ctrl+C, SIGKILL of the parent, with and without --pdf.

Each test starts the real command on copies of the example (tests/test_cli.py's runner), waits until
the first report is being staged (its temporary file appears; no fixed sleeps), notes every process
the command started, signals it, and then asserts what the clerk would check: the exit status, no
process of the run left, no temporary file in the output folder, no LibreOffice profile left.
"""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from conftest import EXAMPLE
from test_cli import copy_as_office, finish, output, start

posix_only = pytest.mark.skipif(os.name == "nt" or not Path("/proc").is_dir(),
                                reason="signals and /proc as on Linux")


def descendants(pid: int) -> list[int]:
    """Every living process below `pid` (read from /proc: psutil is not installed)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its reaper is dead for our purpose)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def all_gone(pids: list[int], within: float) -> list[int]:
    """The pids still alive after waiting up to `within` seconds."""
    deadline = time.monotonic() + within
    while True:
        left = [pid for pid in pids if alive(pid)]
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.1)


def wait_for(folder: Path, pattern: str, proc, within: float = 300) -> None:
    deadline = time.monotonic() + within
    while not list(folder.glob(pattern)):
        assert proc.poll() is None, f"the run ended before {pattern} appeared: {proc.communicate()}"
        assert time.monotonic() < deadline, f"{pattern} never appeared in {folder}"
        time.sleep(0.02)


def leftovers(folder: Path) -> list[str]:
    """What a run must never leave in its output folder: temporary reports and LibreOffice lock files."""
    return sorted(p.name for p in folder.iterdir() if ".tmp" in p.name or p.name.startswith("."))


def profiles(tmp: Path) -> list[str]:
    """LibreOffice profiles (``lkjip_lo_*``) in the run's system temporary folder."""
    return sorted(p.name for p in tmp.glob("lkjip_lo_*"))


def temporary(tmp: Path) -> list[str]:
    """Everything the run left in its system temporary folder (profiles, LibreOffice's and the
    workers' temporary files)."""
    return sorted(p.name for p in tmp.iterdir())


def inputs(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(1, count + 1):
        copy_as_office(EXAMPLE, folder / f"kanim_{i}.xlsx", f"Kanim Uji {i}")
    return folder


def hung_libreoffice(folder: Path) -> tuple[Path, Path]:
    """A soffice that never answers (writes its pid), with a `python` beside it that cannot drive it
    through UNO, so the plain `--convert-to` path runs it. Returns (soffice, its pid file)."""
    folder.mkdir()
    pidfile = folder / "soffice.pid"
    soffice = folder / "soffice"
    soffice.write_text(f"#!/bin/sh\necho $$ >> {pidfile}\nexec sleep 600\n")
    (folder / "python").write_text("#!/bin/sh\nexit 1\n")
    for script in (soffice, folder / "python"):
        script.chmod(0o755)
    return soffice, pidfile


def environment(tmp: Path, soffice: Path | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "PYTHONWARNINGS")}
    env["TMPDIR"] = str(tmp)  # where LibreOffice's profile goes: checked afterwards
    if soffice is not None:
        env["LKJIP_SOFFICE"] = str(soffice)
    return env


@pytest.fixture
def run_dirs(tmp_path: Path) -> tuple[Path, Path, Path]:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    return inputs(tmp_path / "in", 4), tmp_path / "out", tmp


@posix_only
def test_sigterm_stops_the_batch_like_ctrl_c(run_dirs):
    folder, out, tmp = run_dirs
    proc = start([str(folder), "-o", str(out), "--pekerja", "2"], folder.parent, env=environment(tmp))
    wait_for(out, ".LKjIP_*.tmp.docx", proc)
    started = descendants(proc.pid)
    assert len(started) >= 2  # the workers (and multiprocessing's resource tracker)
    proc.send_signal(signal.SIGTERM)
    done = finish(proc, timeout=60)
    assert done.returncode == 143, output(done)
    assert "Dihentikan (SIGTERM)" in output(done)
    assert all_gone(started, within=5) == []
    assert leftovers(out) == []
    assert temporary(tmp) == []


@posix_only
def test_killed_parent_takes_its_workers_and_their_files_along(run_dirs):
    folder, out, tmp = run_dirs
    proc = start([str(folder), "-o", str(out), "--pekerja", "2"], folder.parent, env=environment(tmp))
    wait_for(out, ".LKjIP_*.tmp.docx", proc)
    started = descendants(proc.pid)
    proc.kill()
    proc.communicate(timeout=60)
    assert all_gone(started, within=5) == []
    assert leftovers(out) == []
    assert temporary(tmp) == []


@posix_only
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_stopped_while_libreoffice_converts_leaves_no_libreoffice(tmp_path, how):
    folder, out, tmp = inputs(tmp_path / "in", 3), tmp_path / "out", tmp_path / "tmp"
    tmp.mkdir()
    soffice, pidfile = hung_libreoffice(tmp_path / "lo")
    proc = start([str(folder), "-o", str(out), "--pdf", "--batas-pdf", "300"], tmp_path,
                 env=environment(tmp, soffice))
    wait_for(pidfile.parent, pidfile.name, proc)  # LibreOffice is converting the first report
    deadline = time.monotonic() + 120
    while len(pidfile.read_text().split()) < 2:  # and a second one (two workers), the second report
        assert proc.poll() is None and time.monotonic() < deadline, "no second LibreOffice"
        time.sleep(0.05)
    assert profiles(tmp)  # their profiles exist while they run
    started = descendants(proc.pid)
    converting = [int(pid) for pid in pidfile.read_text().split()]
    assert set(converting) <= set(started)
    proc.send_signal(how)
    if how == signal.SIGTERM:
        done = finish(proc, timeout=60)
        assert done.returncode == 143, output(done)
    else:
        proc.communicate(timeout=60)
    assert all_gone(started, within=8) == []
    assert temporary(tmp) == []
    assert leftovers(out) == []


def test_a_later_run_removes_what_a_dead_run_left(tmp_path):
    """A run that died with no child left to clean up (one file, killed): the next run in that
    folder removes its temporary files, and never those of a run still going."""
    from lkj_engine.jobs import batch

    out = tmp_path / "out"
    out.mkdir()
    dead_pid = 2 ** 22 + 12345  # above Linux's pid_max default range: no such process
    dead = out / f".LKjIP_Kanim_Uji_2025.a1b2c3p{dead_pid}-0badcafe.tmp.docx"
    dead_lock = out / f".~lock.{dead.name}#"
    living = out / f".LKjIP_Kanim_Uji_2025.a1b2c3p{os.getppid()}-0badcafe.tmp.docx"
    for path in (dead, dead_lock, living):
        path.write_bytes(b"PK")
    batch.run_batch([], out)
    assert sorted(p.name for p in out.iterdir()) == [living.name]
