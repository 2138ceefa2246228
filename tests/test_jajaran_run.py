"""A Kanwil run over real files: the jajaran example, whole and with its offices going wrong."""
from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from conftest import ROOT
from test_cli import output, run

JAJARAN = ROOT / "input_templates" / "contoh_jajaran"
KANWIL = "contoh_kanwil_nusa_karang_2025.xlsx"
BATU, TELUK, INSANG = ("contoh_kanim_batu_kerapu_2025.xlsx", "contoh_kanim_teluk_sirip_2025.xlsx",
                       "contoh_kanim_pulau_insang_2025.xlsx")


def copy_example(dst: Path) -> Path:
    shutil.copytree(JAJARAN, dst)
    return dst


def set_identitas(path: Path, field: str, value) -> None:
    wb = openpyxl.load_workbook(path)
    for row in wb["Identitas"].iter_rows(min_row=2):
        if str(row[0].value).strip() == field:
            row[1].value = value
    wb.save(path)


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    folder = copy_example(tmp_path_factory.mktemp("jajaran") / "masuk")
    done = run(["periksa", "--json", str(folder)], cwd=folder.parent)
    assert done.returncode == 0, output(done)
    return {Path(d["berkas"]).name: d for d in json.loads(done.stdout)}


def test_periksa_json_carries_the_jajaran(checked):
    kanwil = checked[KANWIL]
    assert kanwil["valid"] and kanwil["jajaran_kurang"] == []
    # no own PNBP or Layanan: the consolidated report takes them from the jajaran, so no "sheet kosong"
    assert kanwil["peringatan"] == []
    assert [x["nama_singkat"] for x in kanwil["jajaran"]] == ["Kanim Batu Kerapu", "Kanim Teluk Sirip",
                                                              "Kanim Pulau Insang"]
    for entry in kanwil["jajaran"]:
        own = checked[Path(entry["berkas"]).name]
        assert entry["anggaran"] == own["anggaran"] and entry["ikk"][0]["capaian"] == own["ikk"][0]["capaian"]


def test_rekap_budget_is_the_kanwil_and_every_kanim(checked):
    docs = [checked[name] for name in (KANWIL, BATU, TELUK, INSANG)]
    pagu = sum(Decimal(str(d["anggaran"]["pagu"])) for d in docs)
    realisasi = sum(Decimal(str(d["anggaran"]["realisasi"])) for d in docs)
    rekap = checked[KANWIL]["rekap"]
    assert Decimal(str(rekap["anggaran"]["pagu"])) == pagu
    assert Decimal(str(rekap["anggaran"]["realisasi"])) == realisasi
    assert rekap["anggaran"]["persen"] == pytest.approx(float(realisasi / pagu * 100))
    pnbp_2025 = sum(Decimal(str(p["realisasi"])) for d in docs for p in d["pnbp"] if p["tahun"] == 2025)
    assert Decimal(str(next(p for p in rekap["pnbp"] if p["tahun"] == 2025)["realisasi"])) == pnbp_2025
    nka = [n for d in docs for n in d["nka"] if n["tahun"] == 2025]
    assert rekap["nka"]["perencanaan"] == pytest.approx(sum(n["perencanaan"] for n in nka) / len(nka))


def test_regional_leaves_sum_the_kanim_layanan(checked):
    def leaf(doc, ikk, kode):
        stack = list(next(i for i in doc["ikk"] if i["kode"] == ikk)["komponen"])
        while stack:
            node = stack.pop()
            if node["kode"] == kode:
                return node
            stack += node["komponen"]

    kanim = [checked[n] for n in (BATU, TELUK, INSANG)]
    regional = leaf(checked[KANWIL], "IKK-1", "K1.D1")
    assert regional["penyebut"] == sum(leaf(d, "IKK-1", "K1.D1")["penyebut"] for d in kanim)
    assert regional["pembilang"] == sum(leaf(d, "IKK-1", "K1.D1")["pembilang"] for d in kanim)
    own_kanwil_alone = run(["periksa", "--json", str(JAJARAN / KANWIL)], cwd=ROOT)
    alone = json.loads(own_kanwil_alone.stdout)
    assert own_kanwil_alone.returncode == 1 and not alone["valid"]
    assert {g["kode"] for g in alone["galat"]} == {"jajaran-tidak-ada"}
    assert len(alone["jajaran_kurang"]) == 3


def broken_jajaran(folder: Path) -> Path:
    """The example with one Kanim of another Tahun, one naming another Kanwil, one duplicated, one missing."""
    set_identitas(folder / TELUK, "Tahun", 2024)
    set_identitas(folder / INSANG, "Kanwil Induk", "Kantor Wilayah Direktorat Jenderal Imigrasi Tanjung Lain")
    shutil.copyfile(folder / BATU, folder / "salinan_batu_kerapu.xlsx")
    wb = openpyxl.load_workbook(folder / KANWIL)
    wb["Jajaran"].append(["Kantor Imigrasi Kelas III Tanjung Hilang", "Kanim Tanjung Hilang"])
    wb.save(folder / KANWIL)
    return folder


def test_periksa_names_every_broken_office_with_its_file(tmp_path):
    folder = broken_jajaran(copy_example(tmp_path / "masuk"))
    done = run(["periksa", "--json", str(folder)], cwd=tmp_path)
    assert done.returncode == 1
    kanwil = next(d for d in json.loads(done.stdout) if d["berkas"].endswith(KANWIL))
    galat = {g["kode"]: g for g in kanwil["galat"]}
    assert set(galat) == {"jajaran-tidak-ada", "jajaran-ganda", "jajaran-tahun-beda", "jajaran-kanwil-lain"}
    assert galat["jajaran-tahun-beda"]["berkas"] == TELUK and galat["jajaran-tahun-beda"]["sheet"] == "Identitas"
    assert galat["jajaran-kanwil-lain"]["berkas"] == INSANG
    assert "salinan_batu_kerapu.xlsx" in galat["jajaran-ganda"]["pesan"]
    assert galat["jajaran-tidak-ada"]["sel"] == "A5" and "Tanjung Hilang" in galat["jajaran-tidak-ada"]["pesan"]
    assert len(kanwil["jajaran_kurang"]) == 4 and kanwil["rekap"] is None
    text = output(run(["periksa", str(folder)], cwd=tmp_path))
    for phrase in ("Tanjung Hilang", "tidak ada di antara berkas", "diberikan dua kali", "untuk Tahun 2024",
                   "Tanjung Lain", "belum ada:"):
        assert phrase in text, phrase


def test_a_broken_jajaran_writes_the_kanim_reports_but_not_the_kanwil(tmp_path):
    folder = broken_jajaran(copy_example(tmp_path / "masuk"))
    for name in (BATU, TELUK, "salinan_batu_kerapu.xlsx"):  # one Kanim report is enough to show it
        (folder / name).unlink()
    out = tmp_path / "hasil"
    done = run([str(folder), "-o", str(out)], cwd=tmp_path)
    text = output(done)
    assert done.returncode == 1, text
    assert sorted(p.name for p in out.iterdir()) == ["LKjIP_Kanim_Pulau_Insang_2025.docx"]
    for phrase in ("TPI Batu Kerapu tercantum di sheet Jajaran", "Tanjung Lain", INSANG, "laporan Kanwil tidak dibuat"):
        assert phrase in text, phrase


@pytest.fixture(scope="module")
def full_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("jajaran_lengkap")
    out = base / "hasil"
    done = run([str(JAJARAN), "-o", str(out), "--pekerja", "2"], cwd=base)
    return done, out


def test_the_whole_jajaran_writes_every_report_and_the_rekap(full_run):
    done, out = full_run
    assert done.returncode == 0, output(done)
    assert sorted(p.name for p in out.iterdir()) == [
        "LKjIP_Kanim_Batu_Kerapu_2025.docx", "LKjIP_Kanim_Pulau_Insang_2025.docx",
        "LKjIP_Kanim_Teluk_Sirip_2025.docx", "LKjIP_Kanwil_Nusa_Karang_2025.docx",
        "Rekap_Kanwil_Nusa_Karang_2025.xlsx"]
    rows = [line for line in done.stdout.splitlines() if "Kanim" in line and "│" in line]
    assert rows and all("Kanwil Nusa Karang" in line for line in rows if line.split("│")[2].strip())


def test_rekap_workbook_holds_the_numbers_periksa_computes(full_run, checked):
    _, out = full_run
    book = openpyxl.load_workbook(out / "Rekap_Kanwil_Nusa_Karang_2025.xlsx")
    values = [c for row in book["Anggaran"].iter_rows(values_only=True) for c in row]
    rekap = checked[KANWIL]["rekap"]["anggaran"]
    assert rekap["pagu"] in values and rekap["realisasi"] in values
    assert all(not (isinstance(c, str) and c.startswith("=")) for ws in book for row in ws.iter_rows(values_only=True)
               for c in row)
