"""Issue 13: every failure a clerk (or the clerk's PC) can cause is a coded Indonesian message naming
the sheet and cell, or the folder; never "kesalahan internal", never a half-written file; and
`periksa` finds everything `generate` would fail on."""
from __future__ import annotations

import copy
import errno
import os
import shutil
import struct
import zipfile
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from conftest import EXAMPLE
from example_content import edited, example_content, write
from lkj_engine.checks.document import check_document
from lkj_engine.cli import main as cli
from lkj_engine.contract.problems import errors
from lkj_engine.jobs import output
from lkj_engine.jobs.batch import generate
from lkj_engine.reading.loader import load_workbook
from lkj_engine.reading.pictures import BOMB_PIXELS, MAX_SIDE



@pytest.fixture(scope="module")
def content() -> dict:
    return example_content()






def cell_of(path: Path, kode: str) -> tuple[str | None, str | None]:
    """(sheet, cell) of the one error with `kode` that both periksa and generate report."""
    document = check_document(path)
    found = [g for g in document["galat"] if g["kode"] == kode]
    assert document["valid"] is False and len(found) == 1, document["galat"]
    return found[0]["sheet"], found[0]["sel"]


def generate_fails_cleanly(path: Path, out: Path, kode: str) -> None:
    outcome = generate(path, out)
    assert outcome.status == "gagal", outcome.message
    assert "kesalahan internal" not in outcome.message
    assert kode in {p.kode for p in errors(outcome.problems)}
    assert not out.exists() or list(out.iterdir()) == []


# --- numbers a report cannot hold ----------------------------------------------------------------

def test_a_target_of_0_000_1_is_an_error_naming_the_cell_and_the_accepted_range(tmp_path, content):
    ikk = copy.deepcopy(content["IKK"])
    ikk[0]["target"] = "0," + "0" * 30 + "1"
    path = write(tmp_path, edited(content, IKK=ikk))

    assert cell_of(path, "angka-di-luar-batas") == ("IKK", "G2")
    message = next(p.message for p in load_workbook(path).problems if p.kode == "angka-di-luar-batas")
    assert "0,000001" in message and "999.999.999.999.999.999" in message
    generate_fails_cleanly(path, tmp_path / "hasil", "angka-di-luar-batas")


def test_a_capaian_chained_beyond_what_can_be_printed_is_an_error_at_the_target(tmp_path, content):
    ikk = copy.deepcopy(content["IKK"])
    ikk.append({**ikk[-1], "kode": "IKK-9", "nama": "Indeks Uji", "target": Decimal(1), "realisasi": None})
    komponen = content["Komponen"] + [dict(kode_ikk="IKK-9", kode="K1", induk=None, nama="Rasio uji",
                                           bobot=Decimal(100), pembilang=Decimal("900000000000000000"),
                                           penyebut=Decimal("0.000001"))]
    path = write(tmp_path, edited(content, IKK=ikk, Komponen=komponen))
    assert load_workbook(path).valid  # every typed number is within the range: only the result is not

    sheet, cell = cell_of(path, "hasil-di-luar-batas")

    assert (sheet, cell) == ("IKK", f"G{len(ikk) + 1}")
    generate_fails_cleanly(path, tmp_path / "hasil", "hasil-di-luar-batas")
    assert cli.main(["periksa", str(path)]) == 1


# --- names a file system cannot hold -------------------------------------------------------------

def test_a_nama_singkat_too_long_for_a_file_name_is_an_error_at_its_cell(tmp_path, content):
    identitas = {**content["Identitas"], "nama_singkat": "Kanim " + "Batu Kerapu " * 20}
    path = write(tmp_path, edited(content, Identitas=identitas))

    sheet, cell = cell_of(path, "nama-singkat-terlalu-panjang")

    wb_cells = load_workbook(EXAMPLE).workbook.identitas_cells
    assert (sheet, cell) == ("Identitas", wb_cells["nama_singkat"])
    generate_fails_cleanly(path, tmp_path / "hasil", "nama-singkat-terlalu-panjang")


def test_a_nama_singkat_of_100_characters_still_gives_its_report(tmp_path, content):
    identitas = {**content["Identitas"], "nama_singkat": "K" * 100}
    path = write(tmp_path, edited(content, Identitas=identitas))

    outcome = generate(path, tmp_path / "hasil")

    assert outcome.status == "berhasil", outcome.message
    assert outcome.laporan.name == f"LKjIP_{'K' * 100}_2025.docx"


# --- the output folder --------------------------------------------------------------------------

def test_an_output_folder_under_a_file_is_a_message_naming_it(tmp_path):
    blocker = tmp_path / "laporan.txt"
    blocker.write_text("bukan folder")
    out = blocker / "hasil"

    outcome = generate(EXAMPLE, out)

    assert outcome.status == "gagal" and "kesalahan internal" not in outcome.message
    assert str(out) in outcome.message
    assert {p.kode for p in outcome.problems} & {"folder-hasil-tidak-dapat-dibuat", "folder-hasil-bukan-folder"}


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_output_folder_is_a_message_naming_it(tmp_path):
    out = tmp_path / "hasil"
    out.mkdir()
    out.chmod(0o555)
    try:
        outcome = generate(EXAMPLE, out)
    finally:
        out.chmod(0o755)
    assert outcome.status == "gagal"
    assert [p.kode for p in outcome.problems if p.level == "galat"] == ["folder-hasil-tidak-dapat-ditulis"]
    assert list(out.iterdir()) == []


def test_a_read_only_drive_found_by_the_probe_is_a_message_naming_the_folder(tmp_path, monkeypatch):
    out = tmp_path / "hasil"
    real_open = Path.open

    def read_only(self, mode="r", *args, **kwargs):
        if "w" in mode and self.parent == out:
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_open(self, mode, *args, **kwargs)
    monkeypatch.setattr(Path, "open", read_only)

    outcome = generate(EXAMPLE, out)

    assert outcome.status == "gagal"
    problem = next(p for p in outcome.problems if p.level == "galat")
    assert problem.kode == "folder-hasil-tidak-dapat-ditulis" and str(out) in problem.message
    assert list(out.iterdir()) == []


def test_a_nearly_full_drive_is_found_before_rendering(tmp_path, monkeypatch):
    monkeypatch.setattr(output.shutil, "disk_usage", lambda path: shutil._ntuple_diskusage(10**9, 10**9 - 30_000, 30_000))

    outcome = generate(EXAMPLE, tmp_path / "hasil")

    assert outcome.status == "gagal"
    assert [p.kode for p in outcome.problems if p.level == "galat"] == ["disk-penuh"]
    assert str(tmp_path / "hasil") in outcome.message
    assert list((tmp_path / "hasil").iterdir()) == []


def test_a_drive_filling_up_while_the_report_is_written_leaves_nothing_behind(tmp_path, monkeypatch):
    from lkj_engine.render import report

    def half_written(results, problems, target, *args, **kwargs):
        Path(target).write_bytes(b"PK\x03\x04 setengah")
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(report, "render_report", half_written)

    outcome = generate(EXAMPLE, tmp_path / "hasil")

    assert outcome.status == "gagal" and "kesalahan internal" not in outcome.message
    assert [p.kode for p in outcome.problems if p.level == "galat"] == ["disk-penuh"]
    assert list((tmp_path / "hasil").iterdir()) == []


def test_write_failures_are_told_apart():
    folder = Path("laporan")
    assert output.write_failure(OSError(errno.ENAMETOOLONG, "x"), folder, "a.docx").kode == "nama-berkas-terlalu-panjang"
    assert output.write_failure(OSError(errno.ENOSPC, "x"), folder, "a.docx").kode == "disk-penuh"
    assert output.write_failure(PermissionError(errno.EACCES, "x"), folder, "a.docx").kode == \
        "folder-hasil-tidak-dapat-ditulis"
    assert not output.is_write_failure(OSError(errno.EIO, "x"))


# --- pictures ------------------------------------------------------------------------------------

def png_claiming(path: Path, width: int, height: int) -> Path:
    """A tiny PNG whose header claims `width` × `height` pixels (a decompression bomb's shape)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 16))
                     + chunk(b"IEND", b""))
    return path


def test_a_decompression_bomb_picture_is_refused_at_its_cell(tmp_path, content):
    gambar = content["Gambar"] + [{"bagian": "BAB III.D", "judul": "Foto Bom", "berkas": "bom.png"}]
    path = write(tmp_path, edited(content, Gambar=gambar))
    png_claiming(tmp_path / "bom.png", 20_000, 20_000)
    assert 20_000 * 20_000 > BOMB_PIXELS

    assert cell_of(path, "gambar-terlalu-besar") == ("Gambar", f"C{len(gambar) + 1}")
    generate_fails_cleanly(path, tmp_path / "hasil", "gambar-terlalu-besar")


def test_a_large_photo_is_embedded_scaled_down(tmp_path, content):
    gambar = content["Gambar"] + [{"bagian": "BAB III.D", "judul": "Foto Besar", "berkas": "besar.jpg"}]
    path = write(tmp_path, edited(content, Gambar=gambar))
    Image.new("RGB", (7000, 5000), "navy").save(tmp_path / "besar.jpg", quality=40)

    outcome = generate(path, tmp_path / "hasil")

    assert outcome.status == "berhasil", outcome.message
    with zipfile.ZipFile(outcome.laporan) as zf:
        sizes = []
        for name in zf.namelist():
            if name.startswith("word/media/"):
                with Image.open(zf.open(name)) as im:
                    sizes.append(im.size)
    assert (MAX_SIDE, round(5000 * MAX_SIDE / 7000)) in sizes
    assert max(max(s) for s in sizes) <= MAX_SIDE


def test_a_picture_that_is_not_a_picture_leaves_the_report_with_a_warning_at_its_cell(tmp_path, content):
    gambar = content["Gambar"] + [{"bagian": "BAB III.D", "judul": "Bukan Foto", "berkas": "catatan.png"}]
    path = write(tmp_path, edited(content, Gambar=gambar))
    (tmp_path / "catatan.png").write_text("ini teks, bukan gambar")

    outcome = generate(path, tmp_path / "hasil")

    assert outcome.status == "berhasil", outcome.message
    about = [p for p in outcome.problems if "catatan.png" in p.message]
    assert len(about) == 1 and about[0].level == "peringatan"
    assert (about[0].sheet, about[0].cell) == ("Gambar", f"C{len(gambar) + 1}")


@pytest.mark.parametrize("name", ["../rahasia.png", "/etc/rahasia.png", "C:\\Users\\tu\\rahasia.png",
                                  "gambar/../../rahasia.png"])
def test_a_picture_from_outside_the_workbook_folder_is_refused_at_its_cell(tmp_path, content, name):
    gambar = content["Gambar"] + [{"bagian": "BAB III.D", "judul": "Foto Luar", "berkas": name}]
    path = write(tmp_path / "masuk", edited(content, Gambar=gambar))
    Image.new("RGB", (20, 20), "red").save(tmp_path / "rahasia.png")

    assert cell_of(path, "gambar-di-luar-folder") == ("Gambar", f"C{len(gambar) + 1}")


def test_a_picture_in_a_folder_below_the_workbook_is_accepted(tmp_path, content):
    gambar = content["Gambar"] + [{"bagian": "BAB III.D", "judul": "Foto Sub", "berkas": "foto/kegiatan.png"}]
    path = write(tmp_path, edited(content, Gambar=gambar))
    (tmp_path / "foto").mkdir()
    Image.new("RGB", (20, 20), "red").save(tmp_path / "foto" / "kegiatan.png")

    result = load_workbook(path)

    assert result.valid, [str(p) for p in result.problems]
    assert result.workbook.gambar[-1].berkas == tmp_path.resolve() / "foto" / "kegiatan.png"
