"""`templat` and `tahun-baru` into a folder that refuses the file: an Indonesian galat naming the folder and
what to do, exit status 1, and no temporary file left behind (never "kesalahan internal")."""
from __future__ import annotations

import errno
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLE
from lkj_engine.cli.main import main
from test_cli import output, run

from example_content import IMAGES as PICTURES  # the pictures the example names

READ_ONLY = PermissionError(errno.EPERM, "Operation not permitted")
FULL = OSError(errno.ENOSPC, "No space left on device")


def source_in(folder: Path) -> Path:
    """The example workbook with its pictures in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in (EXAMPLE.name, *PICTURES):
        shutil.copy(EXAMPLE.parent / name, folder / name)
    return folder / EXAMPLE.name


def failing_write(monkeypatch, module: str, exc: OSError) -> None:
    """The workbook writer of `module` starts the staged file, then the folder refuses the rest."""
    def write(staged, *args, **kwargs):
        Path(staged).write_bytes(b"PK half a workbook")
        raise exc

    monkeypatch.setattr(f"lkj_engine.jobs.{module}.write_template", write)


def command(args: list[str], capsys) -> tuple[int, str]:
    """The command in this process, as the clerk types it: its exit status and everything it printed."""
    status = main(args)
    printed = capsys.readouterr()
    return status, " ".join((printed.out + printed.err).split())


def assert_clerk_message(text: str) -> None:
    assert "kesalahan internal" not in text and "Error" not in text and "Traceback" not in text, text


def test_templat_into_a_read_only_folder(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "ro"
    folder.mkdir()
    failing_write(monkeypatch, "blank", READ_ONLY)
    status, text = command(["templat", "-o", str(folder / "t.xlsx"), "--tahun", "2026"], capsys)
    assert status == 1
    assert text == (f"galat: folder {folder} tidak dapat ditulisi (hanya-baca atau tanpa izin menulis): t.xlsx tidak "
                    "dibuat. Pilih berkas di folder lain dengan -o BERKAS, mis. di folder Dokumen Anda, lalu "
                    "jalankan lagi.")
    assert list(folder.iterdir()) == []


def test_tahun_baru_on_a_full_disk(tmp_path, monkeypatch, capsys):
    source = source_in(tmp_path / "2025")
    out = tmp_path / "2026"
    out.mkdir()
    failing_write(monkeypatch, "next_year", FULL)
    status, text = command(["tahun-baru", str(source), "-o", str(out / "t3.xlsx")], capsys)
    assert status == 1
    assert text.startswith(f"galat: disk tempat folder {out} penuh: t3.xlsx tidak dapat ditulis. Kosongkan ruang disk")
    assert "-o BERKAS" in text
    assert_clerk_message(text)
    assert list(out.iterdir()) == []


def test_a_rename_refused_at_the_end_leaves_nothing(tmp_path, monkeypatch, capsys):
    import lkj_engine.jobs.new_file as new_file

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Access is denied", str(dst))

    monkeypatch.setattr(new_file.os, "replace", refuse)
    status, text = command(["templat", "-o", str(tmp_path / "t.xlsx")], capsys)
    assert status == 1 and text.startswith(f"galat: folder {tmp_path} tidak dapat ditulisi")
    assert list(tmp_path.iterdir()) == []


def test_another_os_error_is_still_said_in_indonesian(tmp_path, monkeypatch, capsys):
    failing_write(monkeypatch, "blank", OSError(errno.EIO, "Input/output error"))
    status, text = command(["templat", "-o", str(tmp_path / "t.xlsx")], capsys)
    assert status == 1
    assert text.startswith(f"galat: t.xlsx tidak dapat ditulis ke folder {tmp_path}") and "-o BERKAS" in text
    assert_clerk_message(text)
    assert list(tmp_path.iterdir()) == []


def test_pictures_that_cannot_be_copied_are_a_warning_the_workbook_is_written(tmp_path, monkeypatch, capsys):
    source = source_in(tmp_path / "2025")
    out = tmp_path / "2026"
    out.mkdir()

    def full(src, dst, *args, **kwargs):
        Path(dst).write_bytes(b"half a picture")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copy2", full)
    status, text = command(["tahun-baru", str(source), "-o", str(out / "kanim_2026.xlsx")], capsys)
    assert status == 0, text
    assert "Workbook tahun 2026 ditulis" in text
    assert f'berkas gambar "{PICTURES[0]}" tidak dapat disalin ke {out}' in text
    assert_clerk_message(text)
    assert [p.name for p in out.iterdir()] == ["kanim_2026.xlsx"]  # no half-copied picture


def _immutable(folder: Path) -> bool:
    """Make `folder` refuse new files even to root (chattr +i); False where that is not possible."""
    if shutil.which("chattr") is None:
        return False
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    return done.returncode == 0


@pytest.fixture
def immutable_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    if not _immutable(folder):
        pytest.skip("chattr +i is not available here")
    yield folder
    subprocess.run(["chattr", "-i", str(folder)], check=True)


@pytest.mark.parametrize("args", [["templat", "-o", "ro/t.xlsx", "--tahun", "2026"],
                                  ["tahun-baru", "2025/" + EXAMPLE.name, "-o", "ro/t3.xlsx"]])
def test_both_commands_into_a_folder_that_cannot_be_written(args, immutable_folder, tmp_path):
    source_in(tmp_path / "2025")
    done = run(args, cwd=tmp_path)
    text = output(done)
    assert done.returncode == 1, text
    name = Path(args[2 if args[0] == "templat" else 3]).name
    assert f"galat: folder ro tidak dapat ditulisi (hanya-baca atau tanpa izin menulis): {name} tidak dibuat" in text
    assert_clerk_message(text)
    assert list(immutable_folder.iterdir()) == []
