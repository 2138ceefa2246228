"""Charts: which ones exist for which data, and that they are real PNGs of the report's width."""
from __future__ import annotations

import struct
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from lkj_engine.render import charts
from lkj_engine.model.workbook import IKK, Identitas, Workbook
from lkj_engine.model.results import BelanjaYear, BudgetLine, IkkResult, PegawaiDimensi, Results

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
WIDTH_PX = round(16 / 2.54 * 200)  # 16 cm at 200 dpi


def _ikk(no: int, sasaran: str, kode: str, nama: str, satuan: str, target: str) -> IKK:
    return IKK(no, sasaran, kode, nama, satuan, "Positif", D(target))


def _line(label: str, pagu: str, realisasi: str, tahun: int) -> BudgetLine:
    p, r = D(pagu), D(realisasi)
    return BudgetLine(label, p, r, r / p * 100 if p else None, tahun=tahun)


def _year(tahun: int, rows: list[tuple[str, str, str]]) -> BelanjaYear:
    lines = [_line(label, p, r, tahun) for label, p, r in rows]
    return BelanjaYear(tahun, lines, _line("Jumlah", str(sum(l.pagu for l in lines)),
                                             str(sum(l.realisasi for l in lines)), tahun))


def make_results(
    ikk: bool = True, belanja: bool = True, pegawai: bool = True, tahun: int = 2025
) -> Results:
    """A Kanim's year as the engine would compute it (Bontang-like figures, one IKK not computable)."""
    identitas = Identitas(
        "Kantor Imigrasi Kelas III Non TPI Bontang", "Kanim_Bontang", "Kanim", "Kalimantan Timur",
        tahun, "Nama Kepala", "Kepala Kantor", "Bontang", date(tahun + 1, 1, 14),
    )
    s1, s2, s3 = ("Meningkatnya Layanan Keimigrasian di Kewilayahan",
                  "Optimalnya Penegakan Hukum Keimigrasian di Kewilayahan",
                  "Meningkatnya Pelaksanaan Reformasi Birokrasi di Lingkup Kewilayahan")
    ikk_rows = [
        (_ikk(1, s1, "IKK-1", "Indeks Kualitas Layanan Keimigrasian di Wilayah", "Indeks", "91"),
         D("96.35"), D("96.35") / D(91) * 100, None),
        (_ikk(2, s2, "IKK-2", "Indeks Penegakan Hukum Keimigrasian di Wilayah", "Indeks", "90.80"),
         D("60"), D(60) / D("90.80") * 100, None),
        (_ikk(2, s2, "IKK-3", "Persentase Penyelesaian Tindakan Administratif Keimigrasian", "%", "0"),
         D("0"), None, "target 0: capaian tidak dapat dihitung"),
        (_ikk(3, s3, "IKK-4", "Persentase Pelaksanaan Rencana Aksi RB", "%", "100"),
         D("91"), D("91"), None),
        (_ikk(3, s3, "IKK-5", "Indeks Kepuasan Unit Kerja Lingkup UPT Imigrasi terhadap Layanan "
              "Kesekretariatan", "Indeks", "3.51"),
         D("3.78"), D("3.78") / D("3.51") * 100, None),
    ]
    results_ikk = [IkkResult(i, r, False, c, a) for i, r, c, a in ikk_rows] if ikk else []
    years = [
        _year(tahun - 2, [("Belanja Pegawai", "98000000", "97000000")]),  # too old for the chart
        _year(tahun - 1, [("Belanja Pegawai", "118400000", "117950300"),
                          ("Belanja Barang", "1012300000", "955870120"),
                          ("Belanja Modal", "350000000", "349120000")]),
        _year(tahun, [("Belanja Pegawai", "126525000", "126225646"),
                      ("Belanja Barang", "1205761000", "1121758543"),
                      ("Belanja Modal", "2226541000", "2223319883")]),
    ] if belanja else []
    dims = [
        PegawaiDimensi("Jenis Kelamin", [("Laki-laki", 19), ("Perempuan", 10)], 29),
        PegawaiDimensi("Pendidikan", [("S2", 3), ("S1", 14), ("D3", 5), ("SMA/SMK", 7)], 29),
        PegawaiDimensi("Jabatan", [("Pejabat Struktural", 4), ("Jabatan Fungsional Tertentu", 11),
                                   ("Jabatan Fungsional Umum / Pelaksana", 14)], 29),
        PegawaiDimensi("Golongan", [], 0),  # declared but empty
    ] if pegawai else []
    workbook = Workbook(source=Path("contoh.xlsx"), identitas=identitas,
                        ikk=[r.ikk for r in results_ikk])
    total = years[-1].total if years else BudgetLine("Jumlah", D(0), None, None)
    return Results(
        workbook=workbook, sasaran=[], ikk=results_ikk, rata_capaian=None,
        rata_metode="rata-rata capaian sasaran", anggaran_rows=[], anggaran_total=total,
        belanja=years, belanja_perubahan=[], sumber_dana=[], pnbp=[], nka=[],
        pegawai=dims, pegawai_total=29 if pegawai else None,
    )


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_all_charts_written_as_png_of_text_width(tmp_path: Path) -> None:
    paths = charts.make_charts(make_results(), tmp_path)
    assert set(paths) == {"ikk_target_realisasi", "ikk_capaian", "belanja",
                          "pegawai_jenis_kelamin", "pegawai_pendidikan", "pegawai_jabatan"}
    for key, path in paths.items():
        assert path == tmp_path / f"{key}.png" and path.is_file()
        width, height = png_size(path)
        assert width == WIDTH_PX
        assert 200 < height < 2000  # 2.5-25 cm: fits a page, not a sliver


def test_each_key_follows_its_data(tmp_path: Path) -> None:
    no_ikk = charts.make_charts(make_results(ikk=False), tmp_path / "a")
    assert "ikk_target_realisasi" not in no_ikk and "ikk_capaian" not in no_ikk
    assert "belanja" in no_ikk

    no_money = charts.make_charts(make_results(belanja=False, pegawai=False), tmp_path / "b")
    assert set(no_money) == {"ikk_target_realisasi", "ikk_capaian"}


def test_capaian_chart_absent_when_no_capaian_computable(tmp_path: Path) -> None:
    results = make_results(belanja=False, pegawai=False)
    for r in results.ikk:
        r.capaian, r.capaian_alasan = None, "target 0"
    assert set(charts.make_charts(results, tmp_path)) == {"ikk_target_realisasi"}


def test_belanja_only_report_year_and_previous(tmp_path: Path) -> None:
    results = make_results(ikk=False, pegawai=False)
    figure = charts.build_figures(results)["belanja"]
    assert [ax.get_title(loc="left") for ax in figure.axes] == ["Tahun 2024", "Tahun 2025"]
    results.belanja = results.belanja[:1]  # only 2023: nothing to compare with the report year
    assert charts.make_charts(results, tmp_path) == {}
    assert not tmp_path.joinpath("belanja.png").exists()


def test_new_office_single_year_budget(tmp_path: Path) -> None:
    results = make_results(ikk=False, pegawai=False)
    results.belanja = results.belanja[-1:]
    paths = charts.make_charts(results, tmp_path)
    assert list(paths) == ["belanja"]
    one_year_height = png_size(paths["belanja"])[1]
    two_years = charts.make_charts(make_results(ikk=False, pegawai=False), tmp_path / "two")
    assert png_size(two_years["belanja"])[1] > one_year_height


def test_empty_results_no_error_no_files(tmp_path: Path) -> None:
    out = tmp_path / "kosong"
    assert charts.make_charts(make_results(ikk=False, belanja=False, pegawai=False), out) == {}
    assert not out.exists()


def test_repeated_runs_give_identical_bytes(tmp_path: Path) -> None:
    first = charts.make_charts(make_results(), tmp_path / "1")
    second = charts.make_charts(make_results(), tmp_path / "2")
    for key in first:
        assert first[key].read_bytes() == second[key].read_bytes(), key


def test_labels_are_indonesian_strings_and_gap_is_explained() -> None:
    """The texts drawn are the report's formatted strings; the uncomputable capaian is words, no bar."""
    figures = charts.build_figures(make_results())
    capaian_ax = figures["ikk_capaian"].axes[0]
    texts = [t.get_text() for t in capaian_ax.texts]
    assert "105,88%" in texts and "66,08%" in texts and "107,69%" in texts and "91,00%" in texts
    assert "tidak dapat dihitung" in texts
    assert "Target 100%" in texts
    assert len(capaian_ax.patches) == 4  # five IKK, one without a bar

    belanja_texts = [t.get_text() for ax in figures["belanja"].axes for t in ax.texts]
    assert "2,23" in belanja_texts  # Belanja Modal 2025 pagu, in miliar
    assert "1,12\n93,03%" in belanja_texts  # Belanja Barang 2025 realisasi and its %
    assert "0,96\n94,43%" in belanja_texts  # Belanja Barang 2024

    panel_texts = [t.get_text() for t in figures["ikk_target_realisasi"].axes[4].texts]
    assert panel_texts == ["3,51", "3,78"]
    gender_texts = [t.get_text() for t in figures["pegawai_jenis_kelamin"].axes[0].texts]
    assert gender_texts == ["19", "10"]


def test_pegawai_keys_are_the_ones_the_context_looks_up(tmp_path: Path) -> None:
    keys = set(charts.make_charts(make_results(ikk=False, belanja=False), tmp_path))
    assert keys == {charts.pegawai_key(d) for d in ("Jenis Kelamin", "Pendidikan", "Jabatan")}  # Golongan: empty
    assert charts.pegawai_key("Jenis Kelamin") == "pegawai_jenis_kelamin"


def test_count_targets_are_labelled_like_the_tables() -> None:
    # review item 10: a Dokumen IKK read "1.250,00" on its bars but "1.250 Dokumen" in the tables
    results = make_results(belanja=False, pegawai=False)
    results.ikk = [IkkResult(_ikk(1, "Sasaran", "IKK-9", "Jumlah Paspor Terbit", "Dokumen", "1250"),
                             D(1300), False, D(104))]
    panel = charts.build_figures(results)["ikk_target_realisasi"].axes[0]
    assert [t.get_text() for t in panel.texts] == ["1.250", "1.300"]


@pytest.mark.parametrize("n", [1, 7])
def test_any_number_of_ikk(tmp_path: Path, n: int) -> None:
    results = make_results(belanja=False, pegawai=False)
    results.ikk = (results.ikk * 2)[:n]
    paths = charts.make_charts(results, tmp_path)
    assert png_size(paths["ikk_target_realisasi"])[0] == WIDTH_PX


def test_every_text_at_least_9_points() -> None:
    """Figures are placed at their own width, so a size in points is the printed size."""
    for key, fig in charts.build_figures(make_results()).items():
        fig.canvas.draw()
        texts = [t for t in fig.findobj(lambda a: hasattr(a, "get_fontsize") and hasattr(a, "get_text"))
                 if t.get_text()]
        assert texts, key
        assert min(t.get_fontsize() for t in texts) >= 9, key
