"""The `periksa --json` document of design.md, built from a Workbook made in Python."""
from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from lkj_engine.checks.consistency import check
from lkj_engine.checks.document import build_document
from lkj_engine.compute.engine import compute
from lkj_engine.contract.problems import error, warning
from lkj_engine.reading.loader import LoadResult

from engine_factory import anggaran, belanja, ikk, komponen, layanan, nka, pnbp, sumber_dana, workbook


def loaded(wb, problems=()) -> LoadResult:
    return LoadResult(wb, list(problems))


def example_workbook():
    return workbook(
        ikk=[ikk("IKK-1", 91, sasaran_no=1, nama="Indeks Kualitas Layanan Keimigrasian di Wilayah"),
             ikk("IKK-2", 5, "3.2", sasaran_no=1, polaritas="Negatif", satuan="%"),
             ikk("IKK-3", 0, 0, sasaran_no=2, satuan="%")],
        komponen=[komponen("IKK-1", "K1", 100),
                  komponen("IKK-1", "K1.D1", 70, "K1", pembilang=84275, penyebut=92184),
                  komponen("IKK-1", "K1.D2", 30, "K1", sumber="Layanan Dokumen Perjalanan D2")],
        layanan=[layanan("Dokumen Perjalanan", "Paspor", 92184, terbit=84275, sesuai_syarat=84275, tepat_waktu=84275)],
        anggaran=[anggaran("Layanan", 971284000, 601944000, 1)],
        belanja=[belanja(2024, "Belanja Barang", 2871515000, 2871452475),
                 belanja(2025, "Belanja Barang", 971284000, 601944000)],
        sumber_dana=[sumber_dana(2025, "RM", 971284000, 601944000)],
        pnbp=[pnbp(2025, 6933050000)],
        nka=[nka(2025, cro=100, penggunaan_sbk=50, efisiensi_sbk=100, nilai_pelaksanaan="97.78")],
    )


def test_document_has_the_design_keys_and_unrounded_numbers():
    wb = example_workbook()
    res = compute(wb)
    problems = [warning("IKK", "G4", "target 0", kode="target-nol")] + check(wb, res)
    doc = build_document("contoh.xlsx", loaded(wb), res, problems)
    json.dumps(doc)  # serialisable as is
    for key in ("berkas", "valid", "galat", "peringatan", "satker", "ikk", "sasaran", "rata_capaian", "anggaran",
                "belanja", "pnbp", "nka"):
        assert key in doc
    assert doc["berkas"] == "contoh.xlsx" and doc["valid"] is True and doc["galat"] == []
    assert {"kode": "target-nol", "sheet": "IKK", "sel": "G4", "pesan": "target 0"} in doc["peringatan"]
    assert doc["satker"] == {"nama": "Kantor Imigrasi Kelas II TPI Batu Kerapu", "nama_singkat": "Kanim Batu Kerapu",
                             "jenis": "Kanim", "tahun": 2025}
    i1, i2, i3 = doc["ikk"]
    assert set(i1) >= {"kode", "sasaran_no", "sasaran", "nama", "satuan", "polaritas", "target", "realisasi",
                       "capaian"}
    k1 = float(D("0.7") * D(84275) / D(92184) * 100 + 30)
    assert i1["realisasi"] == pytest.approx(k1, abs=1e-9) and i1["realisasi"] != round(k1, 2)  # unrounded
    assert i1["capaian"] == pytest.approx(k1 / 91 * 100, abs=1e-9)
    assert i1["komponen"][0]["kode"] == "K1" and i1["komponen"][0]["komponen"][1]["sumber"].endswith("D2")
    assert i2["capaian"] == 136 and i2["polaritas"] == "Negatif"
    assert i3["capaian"] is None and "target bernilai 0" in i3["capaian_alasan"]
    assert doc["sasaran"][0]["no"] == 1 and doc["sasaran"][1]["rata_capaian"] is None
    assert doc["rata_capaian"] == pytest.approx((k1 / 91 * 100 + 136) / 2, abs=1e-9)
    assert "rata-rata dari rata-rata" in doc["rata_metode"]
    assert doc["anggaran"]["pagu"] == 971284000 and isinstance(doc["anggaran"]["pagu"], int)
    assert doc["anggaran"]["persen"] == pytest.approx(601944000 / 971284000 * 100)
    assert [(b["tahun"], b["jenis"]) for b in doc["belanja"]] == [(2024, "Belanja Barang"), (2025, "Belanja Barang")]
    assert doc["pnbp"] == [{"tahun": 2025, "target": None, "realisasi": 6933050000, "persen": None,
                            "pertumbuhan": None}]
    assert doc["nka"][0]["perencanaan"] == 95 and doc["nka"][0]["pelaksanaan"] == pytest.approx(97.78)
    assert doc["nka"][0]["nka"] == pytest.approx(96.39)


def test_invalid_document_has_errors_and_empty_figures():
    doc = build_document("rusak.xlsx", loaded(None), None,
                         [error("IKK", "G5", "\"sembilan puluh\" bukan angka", kode="angka-tidak-terbaca")])
    assert doc["valid"] is False
    assert doc["galat"] == [{"kode": "angka-tidak-terbaca", "sheet": "IKK", "sel": "G5",
                             "pesan": "\"sembilan puluh\" bukan angka"}]
    assert doc["satker"] is None and doc["ikk"] == [] and doc["rata_capaian"] is None
    assert doc["belanja"] == [] and doc["pnbp"] == [] and doc["nka"] == []
    json.dumps(doc)


def test_check_document_on_the_committed_example(example_path):
    if not example_path.exists():
        pytest.skip("the example workbook is not in the tree yet")
    from lkj_engine.checks.document import check_document

    doc = check_document(example_path)
    assert doc["valid"] is True, doc["galat"]
    json.dumps(doc)
    assert doc["satker"]["tahun"] == 2025
    assert doc["ikk"] and all(i["capaian"] is not None for i in doc["ikk"])
    assert doc["anggaran"]["pagu"] > 0


def test_example_figures_agree_with_a_hand_calculation(example_path):
    """IKK-1 from the example's Layanan sheet, recomputed here with fractions, and the budget total."""
    if not example_path.exists():
        pytest.skip("the example workbook is not in the tree yet")
    from fractions import Fraction as F

    from lkj_engine.checks.document import check_document
    from lkj_engine.reading.loader import load_workbook

    wb = load_workbook(example_path).workbook
    doc = check_document(example_path)

    def kelompok(name):
        rows = [r for r in wb.layanan if r.kelompok == name]
        selesai = sum((r.terbit or 0) + (r.ditolak or 0) + (r.batal or 0) for r in rows)
        d1 = F(selesai, sum(r.diterima for r in rows)) * 100
        d2 = F(sum(r.tepat_waktu for r in rows), sum(r.sesuai_syarat for r in rows)) * 100
        return F(7, 10) * d1 + F(3, 10) * d2

    x = (kelompok("Dokumen Perjalanan") + kelompok("Izin Tinggal dan Status Keimigrasian")) / 2
    (i1,) = [i for i in doc["ikk"] if i["kode"] == "IKK-1"]
    assert i1["realisasi"] == pytest.approx(float(x), abs=1e-9)
    assert i1["capaian"] == pytest.approx(float(x / F(str(i1["target"])) * 100), abs=1e-9)
    pagu = sum(a.pagu for a in wb.anggaran)
    realisasi = sum(a.realisasi for a in wb.anggaran)
    assert doc["anggaran"]["pagu"] == pagu and doc["anggaran"]["realisasi"] == realisasi
    assert doc["anggaran"]["persen"] == pytest.approx(float(realisasi / pagu * 100), abs=1e-9)
