"""The IKK sets, Satuan list and NKA weights are year-profile data: the profile decides, Python does not."""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

from lkj_engine.compute import nka as nk
from lkj_engine.contract import profile as profile_module
from lkj_engine.contract.profile import ProfileError, profile_for, read_profile
from lkj_engine.render.blank_workbook import write_template

from engine_factory import nka

OTHER_PROFILE = '''
periode = "2025-2029"
tahun_awal = 2025
tahun_akhir = 2029
kementerian = "Kementerian Uji Profil"
pedoman = "Peraturan Uji Profil Nomor 7 Tahun 2025"
satuan = ["Indeks", "%", "Unit Uji"]

[nka]
cro = "0.50"
penggunaan_sbk = "0.25"
efisiensi_sbk = "0.25"

[[kanim.ikk]]
sasaran_no = 1
sasaran = "Sasaran Uji"
kode = "IKK-9"
nama = "Indeks Uji Profil"
satuan = "Unit Uji"
polaritas = "Negatif"
target = { 2026 = "12.5" }

[[kanim.komponen]]
kode_ikk = "IKK-9"
kode = "U1"
nama = "Komponen uji"
bobot = "100"
faktor = "1"
maks_100 = "Tidak"
ket_pembilang = "Jumlah uji"
ket_penyebut = "Jumlah rencana uji"

[[kanim.anggaran]]
program = "Program Uji"
kegiatan = "Kegiatan Uji"
'''


@pytest.fixture
def other_profile(tmp_path: Path, monkeypatch) -> Path:
    """The shipped profiles replaced by one with other values, for every stage that asks for a year's profile."""
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "2025-2029.toml").write_text(OTHER_PROFILE, encoding="utf-8")
    monkeypatch.setattr(profile_module, "PROFILES", folder)
    return folder


def _rows(ws) -> list[dict]:
    headers = [c.value for c in ws[1]]
    return [dict(zip(headers, r)) for r in ws.iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]


def test_the_2025_kanim_set_is_the_pk_of_seed_000():
    profile, _ = profile_for(2025)
    ikk = profile.ikk_set("Kanim")
    assert [(i.kode, i.target[2025], i.satuan) for i in ikk] == [
        ("IKK-1", D("91"), "Indeks"), ("IKK-2", D("90.80"), "Indeks"), ("IKK-3.1", D("100"), "%"),
        ("IKK-3.2", D("3.51"), "Indeks")]
    assert ikk[0].nama == "Indeks Kualitas Layanan Keimigrasian di Wilayah"
    komponen = {(k.kode_ikk, k.kode): k for k in profile.komponen_set("Kanim")}
    assert komponen["IKK-1", "K1"].bobot == D(50) and komponen["IKK-1", "K1.D1"].bobot == D(70)
    assert komponen["IKK-2", "K5.D2"].faktor == "-1" and komponen["IKK-2", "K2"].maks_100 == "Ya"
    assert all(k.rekap_jajaran is None for k in komponen.values())  # a Kanim has no jajaran


def test_every_tree_of_both_sets_weighs_100_under_each_parent():
    profile, _ = profile_for(2025)
    for jenis in ("Kanim", "Kanwil"):
        sums: dict[tuple[str, str | None], D] = defaultdict(D)
        for k in profile.komponen_set(jenis):
            sums[k.kode_ikk, k.induk] += k.bobot
        assert sums and all(total == 100 for total in sums.values()), (jenis, dict(sums))


def test_the_kanwil_set_marks_its_regional_leaves_with_the_kanim_codes():
    profile, _ = profile_for(2025)
    kanim = {(k.kode_ikk, k.kode) for k in profile.komponen_set("Kanim")}
    kanwil = profile.komponen_set("Kanwil")
    assert [i.kode for i in profile.ikk_set("Kanwil")] == [i.kode for i in profile.ikk_set("Kanim")]
    leaves = [k for k in kanwil if k.ket_pembilang]
    regional = {(k.kode_ikk, k.kode) for k in leaves if k.rekap_jajaran == "Ya"}
    assert regional and regional <= kanim  # the lead sums leaf by (Kode IKK, Kode) over the Kanim
    assert {ikk for ikk, _ in regional} == {"IKK-1", "IKK-2"}  # the "… di Wilayah" indices
    assert ("IKK-1", "K2.D1") in regional and ("IKK-2", "K6.D2") in regional
    assert all(k.rekap_jajaran is None for k in kanwil if not k.ket_pembilang)  # parents are never summed
    assert [(a.program, a.kegiatan) for a in profile.indicator_set("Kanwil").anggaran][1][1] == \
        "Dukungan Manajemen dan Teknis Lainnya di Wilayah"


def test_a_year_whose_targets_the_profile_does_not_list_leaves_target_for_the_clerk(tmp_path: Path):
    # the shipped profile knows the PK targets of 2025 only: a 2026 blank must not carry them as 2026's
    book = openpyxl.load_workbook(write_template(tmp_path / "kanim_2026.xlsx", tahun=2026))
    assert [(r["Kode IKK"], r["Target"]) for r in _rows(book["IKK"])] == [
        ("IKK-1", None), ("IKK-2", None), ("IKK-3.1", None), ("IKK-3.2", None)]
    petunjuk = " ".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
    assert "Ketik Target setiap IKK dari Perjanjian Kinerja 2026" in petunjuk
    book = openpyxl.load_workbook(write_template(tmp_path / "kanim_2025.xlsx", tahun=2025))
    assert [r["Target"] for r in _rows(book["IKK"])] == [91, 90.8, 100, 3.51]
    assert "Target sudah terisi sesuai Perjanjian Kinerja" in " ".join(
        str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)


def test_the_examples_in_the_notes_name_the_year_of_the_workbook(tmp_path: Path):
    book = openpyxl.load_workbook(write_template(tmp_path / "kanim_2027.xlsx", tahun=2027))
    notes = {(ws.title, c.coordinate): c.comment.text for ws in book.worksheets for c in ws[1] if c.comment}
    identitas = {r[0].value: r[2].value for r in book["Identitas"].iter_rows(min_row=2)}
    assert "mis. 2027." in identitas["Tahun"] and "mis. 14 Januari 2028." in identitas["Tanggal Penandatanganan"]
    assert "Tahun sebelumnya, mis. 2026." in notes["Riwayat IKK", "B1"]
    assert any("periode survei, mis. Desember 2027." in text for (sheet, _), text in notes.items()
               if sheet == "Analisis IKK")
    assert not any("{tahun" in text for text in [*notes.values(), *filter(None, identitas.values())])


def test_a_target_not_given_per_year_is_refused_with_the_file_and_row(tmp_path: Path):
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "2025-2029.toml").write_text(OTHER_PROFILE.replace('target = { 2026 = "12.5" }', 'target = "12.5"'),
                                           encoding="utf-8")
    with pytest.raises(ProfileError, match=r"2025-2029.toml \[kanim\].ikk #1.target: tulis per tahun"):
        read_profile(folder / "2025-2029.toml")


def test_shipped_nka_weights_and_satuan():
    profile, _ = profile_for(2027)
    assert (profile.nka_weights.cro, profile.nka_weights.penggunaan_sbk, profile.nka_weights.efisiensi_sbk) == (
        D("0.75"), D("0.10"), D("0.15"))
    assert profile.satuan == ("Indeks", "%", "Nilai", "Orang", "Dokumen", "Kegiatan")


def test_a_profile_with_other_values_changes_the_blank_workbook(other_profile: Path, tmp_path: Path):
    path = write_template(tmp_path / "uji.xlsx", tahun=2026)
    book = openpyxl.load_workbook(path)
    ikk = _rows(book["IKK"])
    assert [(r["Kode IKK"], r["Indikator Kinerja Kegiatan"], r["Satuan"], r["Polaritas"], r["Target"]) for r in ikk] \
        == [("IKK-9", "Indeks Uji Profil", "Unit Uji", "Negatif", 12.5)]
    assert [(r["Kode IKK"], r["Kode"], r["Bobot (%)"]) for r in _rows(book["Komponen"])] == [("IKK-9", "U1", 100)]
    assert [r["Kegiatan"] for r in _rows(book["Anggaran"])] == ["Kegiatan Uji"]
    assert _rows(book["Layanan"]) == []  # this profile lists no services
    satuan_col = [c.column_letter for c in book["IKK"][1] if c.value == "Satuan"][0]
    formulas = {dv.formula1 for dv in book["IKK"].data_validations.dataValidation if satuan_col in str(dv.sqref)}
    assert formulas == {'"Indeks,%,Unit Uji"'}
    assert [r["Kode IKK"] for r in _rows(book["Analisis IKK"])] == ["IKK-9"]


def test_a_profile_with_other_values_changes_the_nka_weights(other_profile: Path):
    (r,) = nk.nka_results([nka(2025, cro=100, penggunaan_sbk=50, efisiensi_sbk=100)])
    assert r.perencanaan_hitung == D("87.50")  # 0,50·100 + 0,25·50 + 0,25·100, not the shipped 95,00
    assert nk.nilai_perencanaan(D(100), D(50), D(100), tahun=2025) == D("87.50")


def test_the_nka_weights_follow_the_year_of_each_row(tmp_path: Path, monkeypatch):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "2025-2029.toml").write_text(OTHER_PROFILE, encoding="utf-8")
    (folder / "2020-2024.toml").write_text(OTHER_PROFILE.replace('"2025-2029"', '"2020-2024"')
                                           .replace("tahun_awal = 2025", "tahun_awal = 2020")
                                           .replace("tahun_akhir = 2029", "tahun_akhir = 2024")
                                           .replace('cro = "0.50"', 'cro = "0.70"')
                                           .replace('penggunaan_sbk = "0.25"', 'penggunaan_sbk = "0.20"')
                                           .replace('efisiensi_sbk = "0.25"', 'efisiensi_sbk = "0.10"'), encoding="utf-8")
    monkeypatch.setattr(profile_module, "PROFILES", folder)
    old, new = nk.nka_results([nka(2025, cro=100, penggunaan_sbk=50, efisiensi_sbk=100),
                               nka(2024, cro=100, penggunaan_sbk=50, efisiensi_sbk=100)])
    assert (old.tahun, old.perencanaan_hitung) == (2024, D("90.00"))  # 70 + 10 + 10
    assert (new.tahun, new.perencanaan_hitung) == (2025, D("87.50"))  # 50 + 12,5 + 25


def test_a_float_weight_is_refused_with_the_file_and_row(tmp_path: Path):
    path = tmp_path / "2025-2029.toml"
    path.write_text(OTHER_PROFILE.replace('bobot = "100"', "bobot = 100.0"), encoding="utf-8")
    with pytest.raises(ProfileError, match=r"2025-2029.toml \[kanim\].komponen #1.bobot"):
        read_profile(path)
    path.write_text(OTHER_PROFILE.replace('kode = "U1"', 'kode = "U1"\nbobbot = "1"'), encoding="utf-8")
    with pytest.raises(ProfileError, match="kunci tidak dikenal bobbot"):
        read_profile(path)


def test_overlapping_periods_are_refused(tmp_path: Path):
    (tmp_path / "2025-2029.toml").write_text(OTHER_PROFILE, encoding="utf-8")
    (tmp_path / "2028-2032.toml").write_text(OTHER_PROFILE.replace("tahun_awal = 2025", "tahun_awal = 2028")
                                             .replace("tahun_akhir = 2029", "tahun_akhir = 2032"), encoding="utf-8")
    with pytest.raises(ProfileError, match="tumpang tindih"):
        profile_for(2026, tmp_path)


def test_a_profile_with_another_ministry_and_pedoman_changes_the_report(tmp_path: Path, monkeypatch):
    """The shipped profile with only its ministry and Pedoman changed: the report prints those, not the shipped."""
    from lkj_engine.compute.engine import compute
    from report_fixture import all_text, example_workbook, render

    shipped, _ = profile_for(2025)
    folder = tmp_path / "profiles"
    folder.mkdir()
    text = shipped.source.read_text(encoding="utf-8")
    text = text.replace(f'kementerian = "{shipped.kementerian}"', 'kementerian = "Kementerian Uji Profil"')
    text = text.replace(f'pedoman = "{shipped.pedoman}"', 'pedoman = "Peraturan Uji Profil Nomor 7 Tahun 2025"')
    (folder / shipped.source.name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(profile_module, "PROFILES", folder)
    doc, _ = render(compute(example_workbook()), tmp_path / "uji.docx")
    printed = all_text(doc)
    assert "KEMENTERIAN UJI PROFIL" in printed
    assert printed.count("Peraturan Uji Profil Nomor 7 Tahun 2025") >= 3  # Kata Pengantar, BAB I.F, BAB IV
    assert shipped.pedoman not in printed and shipped.kementerian.upper() not in printed
