"""Year profiles: the workbook's Tahun picks the period's file; outside every period, the nearest one."""
from __future__ import annotations

from pathlib import Path

from lkj_engine.contract.profile import profile_for, shipped_profiles


def _write(folder: Path, awal: int, akhir: int, kementerian: str) -> None:
    (folder / f"{awal}-{akhir}.toml").write_text(
        f'periode = "{awal}-{akhir}"\ntahun_awal = {awal}\ntahun_akhir = {akhir}\n'
        f'kementerian = "{kementerian}"\npedoman = "Pedoman {awal}"\n', encoding="utf-8")


def test_the_shipped_profile_covers_2025_to_2029():
    for tahun in (2025, 2027, 2029):
        profile, holds = profile_for(tahun)
        assert holds and profile.periode == "2025-2029"
        assert profile.kementerian == "Kementerian Imigrasi dan Pemasyarakatan"


def test_a_year_outside_every_period_takes_the_nearest_and_says_so(tmp_path: Path):
    _write(tmp_path, 2020, 2024, "Kementerian Lama")
    _write(tmp_path, 2025, 2029, "Kementerian Baru")
    assert [p.periode for p in shipped_profiles(tmp_path)] == ["2020-2024", "2025-2029"]
    assert profile_for(2023, tmp_path) == (shipped_profiles(tmp_path)[0], True)
    nearest, holds = profile_for(2031, tmp_path)
    assert (nearest.kementerian, holds) == ("Kementerian Baru", False)
    nearest, holds = profile_for(2018, tmp_path)
    assert (nearest.kementerian, holds) == ("Kementerian Lama", False)


def test_identitas_overrides_replace_the_profile_ministry_and_pedoman(tmp_path: Path):
    """Kementerian / Pedoman LKjIP typed in Identitas print instead of the profile's, on cover and in the text."""
    import dataclasses

    from lkj_engine.compute.engine import compute
    from report_fixture import all_text, example_workbook, render

    wb = example_workbook()
    profile, _ = profile_for(wb.tahun)
    plain, _ = render(compute(wb), tmp_path / "profil.docx")
    assert profile.kementerian.upper() in all_text(plain) and profile.pedoman in all_text(plain)

    wb.identitas = dataclasses.replace(wb.identitas, kementerian="Kementerian Uji Coba",
                                       pedoman="Peraturan Uji Nomor 1 Tahun 2030 tentang Pedoman Uji")
    doc, _ = render(compute(wb), tmp_path / "ganti.docx")
    text = all_text(doc)
    assert "KEMENTERIAN UJI COBA" in text
    assert text.count("Peraturan Uji Nomor 1 Tahun 2030 tentang Pedoman Uji") >= 3  # Kata Pengantar, BAB I, BAB IV
    assert profile.pedoman not in text and profile.kementerian.upper() not in text
