"""`templat --tahun N --jenis Kanim|Kanwil`: the blank workbook of that year and kind, from the year profile."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from lkj_engine.contract.profile import default_report_year, profile_for
from lkj_engine.jobs.blank import write_blank
from lkj_engine.jobs.new_file import NotWritten

from test_cli import output, run


def _rows(ws) -> list[dict]:
    headers = [c.value for c in ws[1]]
    return [dict(zip(headers, r)) for r in ws.iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]


def _identitas(book) -> dict:
    return {r[0]: r[1] for r in book["Identitas"].iter_rows(min_row=2, values_only=True) if r[0]}


def test_templat_2026_kanwil_gives_the_kanwil_set_with_its_regional_leaves(tmp_path: Path):
    done = run(["templat", "--tahun", "2026", "--jenis", "Kanwil"], tmp_path)
    assert done.returncode == 0, output(done)
    path = tmp_path / "template_lkjip_kanwil_2026.xlsx"
    assert path.is_file() and "template_lkjip_kanwil_2026.xlsx" in output(done)
    book = openpyxl.load_workbook(path)
    assert book["Petunjuk"]["A1"].value == "Petunjuk Pengisian Workbook LKjIP 2026 (Kantor Wilayah)"
    assert book.properties.title == "Workbook LKjIP Kanwil 2026"
    assert (_identitas(book)["Tahun"], _identitas(book)["Jenis Satker"]) == (2026, "Kanwil")
    assert book.sheetnames[-1] == "Jajaran" and _rows(book["Jajaran"]) == []  # to fill: the Kanim under it

    profile, _ = profile_for(2026)
    ikk = _rows(book["IKK"])
    assert [(r["Kode IKK"], r["Sasaran Kegiatan"]) for r in ikk] == [(i.kode, i.sasaran)
                                                                     for i in profile.ikk_set("Kanwil")]
    assert ikk[2]["Sasaran Kegiatan"] == "Meningkatnya Pelayanan Reformasi Birokrasi di Lingkup UPT Imigrasi"
    komponen = _rows(book["Komponen"])
    regional = {(r["Kode IKK"], r["Kode"]) for r in komponen if r["Rekap Jajaran"] == "Ya"}
    assert regional == {(k.kode_ikk, k.kode) for k in profile.komponen_set("Kanwil") if k.rekap_jajaran == "Ya"}
    assert ("IKK-1", "K1.D1") in regional and ("IKK-2", "K5.D4") in regional and ("IKK-3.1", "RA") not in regional
    assert _rows(book["Layanan"]) == []  # a Kanwil's services are its Kanim's: nothing pre-filled
    assert [r["Tahun"] for r in _rows(book["Belanja"])] == [2025] * 3 + [2026] * 3
    assert [r["Kegiatan"] for r in _rows(book["Anggaran"])][1] == "Dukungan Manajemen dan Teknis Lainnya di Wilayah"


def test_templat_2026_kanim_says_its_year_and_has_no_jajaran(tmp_path: Path):
    blank = write_blank(tahun=2026, folder=tmp_path)
    assert blank.path == tmp_path / "template_lkjip_2026.xlsx" and blank.problems == []
    book = openpyxl.load_workbook(blank.path)
    assert book["Petunjuk"]["A1"].value == "Petunjuk Pengisian Workbook LKjIP 2026"
    petunjuk = " ".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
    assert "Indikator Kinerja Kegiatan (IKK) 2026 beserta komponen" in petunjuk and " 2025 beserta" not in petunjuk
    assert "Jajaran" not in book.sheetnames
    assert [r["Tahun"] for r in _rows(book["PNBP"])] == [2025, 2026]
    assert [r["Kode IKK"] for r in _rows(book["IKK"])] == ["IKK-1", "IKK-2", "IKK-3.1", "IKK-3.2"]
    assert len(_rows(book["Layanan"])) == 10
    with pytest.raises(NotWritten, match="sudah ada dan tidak ditimpa"):
        write_blank(tahun=2026, folder=tmp_path)


def test_a_year_outside_every_profile_takes_the_nearest_and_warns_at_identitas_tahun(tmp_path: Path):
    done = run(["templat", "--tahun", "2031", "-o", "t.xlsx"], tmp_path)
    assert done.returncode == 0, output(done)
    assert "Identitas!B11: Tahun 2031 di luar periode profil tahun yang tersedia; dipakai profil terdekat 2025-2029" \
        in output(done)
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert book["Identitas"]["A11"].value == "Tahun" and book["Identitas"]["B11"].value == 2031


def test_templat_refuses_a_wrong_kind_and_a_wrong_year(tmp_path: Path):
    wrong = run(["templat", "--jenis", "Kanpus"], tmp_path)
    assert wrong.returncode == 2 and "pilihan tidak sah" in output(wrong)
    year = run(["templat", "--tahun", "25"], tmp_path)
    assert year.returncode == 2 and "bukan tahun laporan" in output(year)
    lower = run(["templat", "--jenis", "kanwil", "--tahun", "2027"], tmp_path)  # as a clerk types it
    assert lower.returncode == 0 and (tmp_path / "template_lkjip_kanwil_2027.xlsx").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["template_lkjip_kanwil_2027.xlsx"]


def test_the_default_year_is_the_one_just_ended_and_in_december_the_one_about_to_end():
    import datetime

    assert default_report_year(datetime.date(2027, 1, 10)) == 2026  # the report due this January
    assert default_report_year(datetime.date(2026, 11, 30)) == 2025
    assert default_report_year(datetime.date(2026, 12, 1)) == 2026  # offices prepare it in December
