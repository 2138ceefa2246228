"""`tahun-baru`: next year's workbook from this year's, so a clerk types only what changed.

From a valid workbook of year N it writes the workbook of year N+1 in the contract's layout
(`render.blank_workbook.write_template`):

- carried over: identity (Tahun + 1, signing date emptied), the IKK set and Komponen trees with their
  weights (targets, realisasi and counts emptied), the Layanan services (counts emptied), the DIPA
  activities (amounts emptied), the risk register (occurrences, treatment results and remarks
  emptied), staff, the office's Narasi (its analyses of year N, conclusions and saran emptied),
  innovations, pictures (the PK signed for year N+1 becomes the report year's; year N's PK and the
  BAB III.D pictures of year N's achievements are dropped) and the Jajaran list; Analisis IKK keeps one empty row per IKK;
- appended: a Riwayat IKK row of year N for every IKK with its target and its computed realisasi (the
  composite value, as `periksa --json` prints it), so next year's trend tables need no retyping;
- kept as "last year": year N's rows of Belanja, Sumber Dana, PNBP and NKA (older years dropped), with
  the labels of year N+1's rows to fill;
- dropped: Penghargaan and the `Data ...` tables (they belong to year N).

A workbook with errors is refused with its errors; an existing file is never overwritten.
"""
from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from lkj_engine.checks.year import profile_warning
from lkj_engine.compute.engine import compute
from lkj_engine.contract import schema
from lkj_engine.contract.problems import Problem, errors, warning
from lkj_engine.contract.profile import profile_for
from lkj_engine.jobs.new_file import check_target, write_new
from lkj_engine.model import workbook as model
from lkj_engine.model.results import Results
from lkj_engine.reading.loader import load_workbook
from lkj_engine.render.blank_workbook import write_template

YA, TIDAK = schema.YA_TIDAK
IMAGE_FIELDS = ("logo", "struktur_organisasi", "peta_wilayah")


@dataclass
class NextYear:
    """The outcome: `path` is None when the workbook was refused (its errors are in `problems`)."""

    source: Path
    tahun: int | None
    path: Path | None = None
    problems: list[Problem] = field(default_factory=list)
    riwayat: list[dict[str, Any]] = field(default_factory=list)  # the Riwayat IKK rows appended

    @property
    def ok(self) -> bool:
        return self.path is not None


def default_target(source: Path, tahun_baru: int) -> Path:
    """`<name>_<N+1>.xlsx` beside the input."""
    return source.with_name(f"{source.stem}_{tahun_baru}.xlsx")


def next_year(source: str | Path, target: str | Path | None = None) -> NextYear:
    """Write the workbook of year N+1 from the valid workbook `source` of year N.

    Raises `jobs.new_file.NotWritten` when the target exists or cannot be written there.
    """
    source = Path(source)
    if target is not None:
        check_target(Path(target))  # refused before the workbook is even read
    loaded = load_workbook(source)
    if loaded.workbook is None or errors(loaded.problems):
        return NextYear(source=source, tahun=None, problems=errors(loaded.problems) or loaded.problems)
    wb = loaded.workbook
    results = compute(wb)
    baru = wb.tahun + 1
    out = Path(target) if target else default_target(source, baru)
    content, riwayat = next_year_content(wb, results, out.parent)
    write_new(out, lambda staged: write_template(staged, content, tahun=baru, jenis=wb.identitas.jenis))
    problems = _carry_images(wb, out.parent)
    problems += _profile_notes(wb.tahun, baru)
    return NextYear(source=source, tahun=baru, path=out, problems=problems, riwayat=riwayat)


# ------------------------------------------------------------------------------------ content --

def next_year_content(wb: model.Workbook, results: Results, folder: Path) -> tuple[dict[str, Any], list[dict]]:
    """Every sheet of year N+1 as `write_template` takes it, and the Riwayat rows appended for year N."""
    n, baru = wb.tahun, wb.tahun + 1
    riwayat_baru = [dict(kode=r.ikk.kode, tahun=n, target=r.ikk.target, realisasi=r.realisasi) for r in results.ikk]
    codes = {r["kode"] for r in riwayat_baru}
    riwayat = [_fields(r, "kode", "tahun", "target", "realisasi", "status") for r in wb.riwayat
               if not (r.tahun >= n and r.kode in codes)]  # year N comes from this year's IKK now
    content: dict[str, Any] = {
        "Identitas": _identitas(wb, baru, folder),
        "IKK": [_fields(i, "sasaran_no", "sasaran", "kode", "nama", "satuan", "polaritas") for i in wb.ikk],
        "Komponen": _komponen(wb.komponen),
        "Layanan": [_fields(r, "kelompok", "jenis", "standar_waktu") for r in wb.layanan],
        "Riwayat IKK": riwayat + riwayat_baru,
        "Risiko": [_fields(r, "kode_ikk", "no", "indikasi", "perlakuan", "penanggung_jawab", "indikator_keberhasilan")
                   for r in wb.risiko],
        "Analisis IKK": [dict(kode_ikk=i.kode) for i in wb.ikk],
        "Anggaran": [_fields(r, "program", "kegiatan", "sasaran_no") for r in wb.anggaran],
        "Belanja": _last_year(wb.belanja, n) + _labels(baru, "jenis", [r.jenis for r in wb.belanja if r.tahun == n]
                                                         or list(schema.JENIS_BELANJA)),
        "Sumber Dana": _last_year(wb.sumber_dana, n) + _labels(
            baru, "sumber", [r.sumber for r in wb.sumber_dana if r.tahun == n] or list(schema.SUMBER_DANA)),
        "PNBP": _last_year(wb.pnbp, n) + [dict(tahun=baru)],
        "NKA": _last_year(wb.nka, n),
        "Pegawai": [_fields(r, "dimensi", "kategori", "jumlah") for r in wb.pegawai],
        "Narasi": _narasi(wb.narasi),
        "Inovasi": [_fields(r, "nama", "kepanjangan", "uraian") for r in wb.inovasi],
        "Penghargaan": [],
        "Gambar": _gambar(wb, folder),
        "Jajaran": [_fields(r, "nama_satker", "nama_singkat") for r in wb.jajaran],
    }
    return content, riwayat_baru


def _gambar(wb: model.Workbook, folder: Path) -> list[dict[str, Any]]:
    """The pictures, a year on: the PK signed for year N+1 (year N's "Tahun Berikut") is the new
    report year's PK; year N's own PK belongs to year N and is dropped, so the new workbook never
    prints last year's PK as this year's, and the check asks for next year's scan."""
    rows = []
    for g in wb.gambar:
        if g.bagian in (schema.LAMPIRAN_PK, "BAB III.D"):  # year N's PK; its achievements (award certificates)
            continue
        bagian = schema.LAMPIRAN_PK if g.bagian == schema.LAMPIRAN_PK_BERIKUT else g.bagian
        rows.append(dict(bagian=bagian, judul=g.judul, berkas=_file_name(g.berkas, wb, folder)))
    return rows


def _fields(item: Any, *names: str) -> dict[str, Any]:
    return {n: getattr(item, n) for n in names if getattr(item, n) is not None}


def _all_fields(item: Any) -> dict[str, Any]:
    return {f.name: getattr(item, f.name) for f in fields(item) if f.name != "row" and getattr(item, f.name) is not None}


def _last_year(rows: list, n: int) -> list[dict[str, Any]]:
    """Year N's rows as typed (they become "last year" in N+1's report); older years are dropped."""
    return [_all_fields(r) for r in rows if r.tahun == n]


def _labels(baru: int, key: str, values: list[str]) -> list[dict[str, Any]]:
    return [{"tahun": baru, key: v} for v in dict.fromkeys(values)]


def _identitas(wb: model.Workbook, baru: int, folder: Path) -> dict[str, Any]:
    values = _all_fields(wb.identitas)
    values["tahun"] = baru
    values.pop("tanggal_ttd", None)  # next year's report is signed on a date still to come
    for name in IMAGE_FIELDS:
        if name in values:
            values[name] = _file_name(values[name], wb, folder)
    return values


def _komponen(rows: list[model.Komponen]) -> list[dict[str, Any]]:
    """The trees with their weights; the figures (Pembilang, Penyebut, Nilai) are emptied."""
    parents = {(k.kode_ikk, k.induk) for k in rows if k.induk}
    out = []
    for k in rows:
        row = _fields(k, "kode_ikk", "kode", "induk", "nama", "bobot", "ket_pembilang", "ket_penyebut", "sumber")
        if (k.kode_ikk, k.kode) not in parents:  # a leaf: its factor and cap as the clerk chose them
            row["faktor"] = str(k.faktor)
            row["maks_100"] = YA if k.maks_100 else TIDAK
        if k.rekap_jajaran:
            row["rekap_jajaran"] = YA
        out.append(row)
    return out


# Narasi sections that analyse or conclude year N: their text would print as year N+1's, so only
# the section is kept (empty); the office's descriptions (history, tasks, strategy) are carried.
NARASI_TAHUNAN = ("Analisis Anggaran", "Analisis PNBP", "Analisis NKA", "E-Performance", "E-Monev",
                  "Kesimpulan", "Saran")


def _narasi(rows: list[model.Narasi]) -> list[dict[str, Any]]:
    """The office's texts as written (year N's analyses emptied), then an empty row for every other section."""
    carried = [_fields(r, "bagian") if r.bagian in NARASI_TAHUNAN else _fields(r, "bagian", "teks") for r in rows]
    present = {r.bagian for r in rows}
    return carried + [dict(bagian=b) for b in schema.NARASI_BAGIAN if b not in present]


def _file_name(path: Path, wb: model.Workbook, folder: Path) -> str:
    """A picture's name as the new workbook must write it: relative to its own folder when possible."""
    base = wb.source.resolve().parent
    try:
        return str(Path(path).resolve().relative_to(base))
    except ValueError:
        return str(path)


def _carry_images(wb: model.Workbook, folder: Path) -> list[Problem]:
    """Pictures beside the old workbook are copied beside the new one when it lives elsewhere."""
    base = wb.source.resolve().parent
    if folder.resolve() == base:
        return []
    problems = []
    paths = [getattr(wb.identitas, n) for n in IMAGE_FIELDS] + [g.berkas for g in wb.gambar]
    for path in (Path(p) for p in paths if p is not None):
        try:
            relative = path.resolve().relative_to(base)
        except ValueError:
            continue  # an absolute path elsewhere is still valid from the new folder
        copy = folder / relative
        if path.is_file() and not copy.exists():
            problems += _copy_image(path, copy, relative)
        elif not path.is_file():
            problems.append(warning(None, None, f'berkas gambar "{relative}" tidak ada di {base}; salin ke '
                                                f"{folder} sebelum membuat laporan", kode="gambar-tidak-disalin"))
    return problems


def _copy_image(path: Path, copy: Path, relative: Path) -> list[Problem]:
    """Copy one picture beside the new workbook; a folder or disk that refuses it is a warning, the
    workbook itself is already written."""
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, copy)
    except OSError:
        with contextlib.suppress(OSError):
            copy.unlink(missing_ok=True)  # no half-copied picture
        return [warning(None, None, f'berkas gambar "{relative}" tidak dapat disalin ke {copy.parent} (folder '
                                    "hanya-baca atau disk penuh?); salin sendiri ke sana sebelum membuat laporan",
                        kode="gambar-gagal-disalin")]
    return []


def _profile_notes(n: int, baru: int) -> list[Problem]:
    """Warn when year N+1 falls in another profile (a new Renstra): the carried IKK set may be outdated."""
    problems = []
    found = profile_warning(baru)
    if found:
        problems.append(found)
    lama, baru_profile = profile_for(n)[0], profile_for(baru)[0]
    if lama.periode != baru_profile.periode:
        problems.append(warning("IKK", None,
                                f"Tahun {baru} masuk periode {baru_profile.periode}, sedangkan tahun {n} periode "
                                f"{lama.periode}: IKK dan Komponen yang dibawa dari tahun {n} mungkin sudah "
                                f"berubah; bandingkan dengan templat tahun {baru} (templat --tahun {baru})",
                                kode="periode-profil-berubah"))
    return problems


__all__ = ["NextYear", "next_year", "next_year_content", "default_target"]
