"""A Kanwil and its jajaran among one run's inputs: who is whose, and what is wrong across offices.

`match_jajaran` pairs every row of the Kanwil's `Jajaran` sheet with the Kanim workbook whose
Identitas `Nama Satker` is the same (`compute.jajaran.name_key`: ignoring case, zero-width characters
and how the spaces are typed). Anything that would make the regional sums wrong (an office missing,
invalid, of another Tahun, of another Kanwil, given twice) is a galat of the Kanwil: its report is then
not written, and the message names the office, the file and what to do. So is a Jajaran sheet that is
empty or absent while Kanim of the run name the Kanwil as their Kanwil Induk: its report would silently
not be the consolidated one. The Kanim's own reports are not affected.

Every Kanwil waits for the run (`waits_for_jajaran`): only once the run's Kanim are known can it be told
whether a Kanwil without Jajaran rows is rightly reported on its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from lkj_engine.checks.consistency import check
from lkj_engine.compute.engine import compute
from lkj_engine.compute.jajaran import consolidate, name_key, satker_of
from lkj_engine.contract.problems import Problem, error, warning
from lkj_engine.model.jajaran import Satker
from lkj_engine.model.results import Results
from lkj_engine.model.workbook import Workbook

JAJARAN = "Jajaran"
IDENTITAS = "Identitas"


@dataclass
class Candidate:
    """One input of the run as the matching sees it (results None: the workbook has errors)."""

    berkas: Path
    workbook: Workbook | None
    results: Results | None


@dataclass
class Match:
    kanim: list[Satker] = field(default_factory=list)  # matched and valid, in Jajaran order
    kurang: list[str] = field(default_factory=list)  # Jajaran names not consolidated
    problems: list[Problem] = field(default_factory=list)
    fed: list[Path] = field(default_factory=list)  # the Kanim files that fed the Kanwil
    unlisted: list[Candidate] = field(default_factory=list)  # Kanim naming this Kanwil, not in Jajaran

    @property
    def complete(self) -> bool:
        return not self.kurang and not any(p.level == "galat" for p in self.problems)


def waits_for_jajaran(wb: Workbook | None) -> bool:
    """A Kanwil: its report waits for the run's Kanim, consolidated over those its Jajaran lists. One
    without Jajaran rows waits too, so that Kanim of the run naming it are never silently left out."""
    return wb is not None and name_key(wb.identitas.jenis) == "kanwil"


def _cell(wb: Workbook, field_name: str) -> str | None:
    return wb.identitas_cells.get(field_name)


def _names_of(kanwil: Workbook) -> set[str]:
    """How a Kanim's Kanwil Induk may name this Kanwil: its Nama Satker or its Nama Singkat."""
    return {name_key(kanwil.identitas.nama_satker), name_key(kanwil.identitas.nama_singkat)} - {""}


def _names_this_kanwil(kanim: Workbook, kanwil: Workbook) -> bool:
    induk = name_key(kanim.identitas.kanwil_induk)
    return not induk or induk in _names_of(kanwil)


def _calls_it_induk(kanim: Workbook, kanwil: Workbook) -> bool:
    """The Kanim's Kanwil Induk names this Kanwil (a blank Kanwil Induk names none)."""
    return name_key(kanim.identitas.kanwil_induk) in _names_of(kanwil)


def match_jajaran(kanwil: Candidate, inputs: Sequence[Candidate]) -> Match:
    """Pair the Kanwil's Jajaran rows with the Kanim among `inputs` and name every mismatch."""
    assert kanwil.workbook is not None
    wb = kanwil.workbook
    me = kanwil.berkas.name
    kanim_inputs = [c for c in inputs if c.workbook is not None and c.berkas != kanwil.berkas
                    and name_key(c.workbook.identitas.jenis) == "kanim"]
    match = Match()
    listed = set()
    for row in wb.jajaran:
        name = row.nama_satker.strip()
        listed.add(name_key(name))
        where = wb.cell(JAJARAN, "nama_satker", row.row)
        found = [c for c in kanim_inputs if name_key(c.workbook.identitas.nama_satker) == name_key(name)]
        if not found:
            match.kurang.append(name)
            match.problems.append(error(JAJARAN, where, (
                f"{name} tercantum di sheet Jajaran tetapi workbook-nya tidak ada di antara berkas yang diproses "
                f"(dicocokkan dengan Nama Satker di sheet Identitas tiap workbook). Letakkan workbook {name} di "
                "folder yang sama lalu jalankan lagi, atau periksa ejaan Nama Satker di kedua workbook. Laporan "
                "Kanwil tidak dibuat tanpa seluruh jajaran."), kode="jajaran-tidak-ada", berkas=me))
            continue
        if len(found) > 1:
            files = ", ".join(c.berkas.name for c in found)
            match.kurang.append(name)
            match.problems.append(error(JAJARAN, where, (
                f"{name} diberikan dua kali ({files}): angkanya akan terhitung ganda. Sisakan satu workbook "
                f"{name} di antara berkas yang diproses lalu jalankan lagi."), kode="jajaran-ganda", berkas=me))
            continue
        c = found[0]
        k = c.workbook
        if c.results is None:
            match.kurang.append(name)
            match.problems.append(error(JAJARAN, where, (
                f"workbook {name} ({c.berkas.name}) masih bergalat, jadi angkanya tidak dapat dijumlahkan. "
                f"Perbaiki galat di {c.berkas.name} (lihat daftarnya) lalu jalankan lagi."),
                kode="jajaran-tidak-valid", berkas=me))
            continue
        if k.tahun != wb.tahun:
            match.kurang.append(name)
            match.problems.append(error(IDENTITAS, _cell(k, "tahun"), (
                f"workbook {name} ({c.berkas.name}) untuk Tahun {k.tahun}, laporan Kanwil untuk Tahun {wb.tahun}: "
                f"angka tahun yang berbeda tidak dijumlahkan. Gunakan workbook {name} tahun {wb.tahun}."),
                kode="jajaran-tahun-beda", berkas=c.berkas.name))
            continue
        if not _names_this_kanwil(k, wb):
            match.kurang.append(name)
            match.problems.append(error(IDENTITAS, _cell(k, "kanwil_induk"), (
                f"workbook {name} ({c.berkas.name}) menyebut Kanwil Induk '{k.identitas.kanwil_induk}', bukan "
                f"{wb.identitas.nama_satker}. Perbaiki Kanwil Induk di {c.berkas.name}, atau hapus {name} dari "
                "sheet Jajaran bila memang bukan jajaran Kanwil ini."), kode="jajaran-kanwil-lain",
                berkas=c.berkas.name))
            continue
        same = next((s for s in [wb.identitas.nama_singkat, *(x.nama_singkat for x in match.kanim)]
                     if name_key(s) == name_key(k.identitas.nama_singkat)), None)
        if same is not None:  # the jajaran tables, the rekap and the charts name each column by it
            match.kurang.append(name)
            match.problems.append(error(IDENTITAS, _cell(k, "nama_singkat"), (
                f"workbook {name} ({c.berkas.name}) memakai Nama Singkat '{k.identitas.nama_singkat}', sama dengan "
                f"satuan kerja lain di jajaran ini ('{same}'): kolom tabel jajaran tidak dapat dibedakan. Beri "
                f"setiap satuan kerja Nama Singkat sendiri."), kode="jajaran-nama-singkat-sama", berkas=c.berkas.name))
            continue
        match.kanim.append(satker_of(c.results, c.berkas))
        match.fed.append(c.berkas)
    match.unlisted = [c for c in kanim_inputs if name_key(c.workbook.identitas.nama_satker) not in listed
                      and _calls_it_induk(c.workbook, wb)]
    if not wb.jajaran and match.unlisted:
        match.problems.append(_no_jajaran(kanwil, match.unlisted))
        return match
    for c in match.unlisted:
        match.problems.append(warning(JAJARAN, None, (
            f"{c.workbook.identitas.nama_satker} ({c.berkas.name}) menyebut Kanwil ini sebagai Kanwil Induk "
            "tetapi tidak tercantum di sheet Jajaran, sehingga tidak ikut dijumlahkan. Tambahkan ke sheet "
            "Jajaran bila termasuk jajaran."), kode="jajaran-tidak-terdaftar", berkas=me))
    return match


def jajaran_sheet_state(wb: Workbook) -> str:
    """How a Kanwil without Jajaran rows lacks them, as the clerk is told: "kosong" or "tidak ada"."""
    return "kosong" if JAJARAN in wb.empty_sheets or JAJARAN in wb.columns else "tidak ada"


def _no_jajaran(kanwil: Candidate, naming: Sequence[Candidate]) -> Problem:
    """A galat: with its Kanim in the run, a Kanwil without Jajaran rows would be reported unconsolidated."""
    wb = kanwil.workbook
    assert wb is not None
    offices = "; ".join(f"{c.workbook.identitas.nama_satker} ({c.berkas.name})" for c in naming)
    if jajaran_sheet_state(wb) == "kosong":
        where, state = wb.cell(JAJARAN, "nama_satker", 2), "sheet Jajaran kosong (tidak ada baris Kanim)"
        fix = "Isi sheet Jajaran"
    else:
        where, state = None, "sheet Jajaran tidak ada di workbook Kanwil ini"
        fix = "Salin sheet Jajaran dari templat Kanwil (templat --jenis Kanwil), isi"
    return error(JAJARAN, where, (
        f"{state}, padahal {len(naming)} workbook Kanim di antara berkas yang diproses menyebut Kanwil ini "
        f"sebagai Kanwil Induk: {offices}. Laporan Kanwil ini tidak digabungkan dengan jajarannya (hanya angka "
        f"Kanwil sendiri), jadi tidak dibuat. {fix} dengan Nama Satker dan Nama Singkat setiap Kanim jajaran "
        "lalu jalankan lagi; bila yang dimaksud memang laporan Kanwil tanpa jajaran, proses workbook Kanwil "
        "ini tanpa workbook Kanim-nya."), kode="jajaran-kosong", berkas=kanwil.berkas.name)


def consolidated(kanwil: Candidate, inputs: Sequence[Candidate]) -> tuple[Match, Results | None, list[Problem]]:
    """A Kanwil over the run's inputs: matched, summed and checked, the one path of the report and periksa.

    The Results are None while the jajaran is incomplete (the problems say why); a Kanwil without
    Jajaran rows whose Kanim are not in the run gets its own Results, as any satker (`jajaran` None)."""
    assert kanwil.workbook is not None
    match = match_jajaran(kanwil, inputs)
    problems = list(match.problems)
    if not match.complete:
        return match, None, problems
    if not kanwil.workbook.jajaran:
        own = compute(kanwil.workbook)
        return match, own, problems + check(kanwil.workbook, own)
    results = consolidate(kanwil.workbook, match.kanim, berkas=kanwil.berkas)
    problems += check(results.workbook, results) + check_consolidated(kanwil.workbook, results)
    return match, results, problems


def check_consolidated(kanwil: Workbook, results: Results) -> list[Problem]:
    """After the sums: regional leaves a Kanim could not contribute to, and figures counted twice."""
    jajaran = results.jajaran
    if jajaran is None:
        return []
    me = kanwil.source.name
    rows = {(name_key(k.kode_ikk), name_key(k.kode)): k.row for k in kanwil.komponen}
    found: list[Problem] = []
    for leaf in jajaran.leaves:
        where = kanwil.cell("Komponen", "kode", rows.get((name_key(leaf.kode_ikk), name_key(leaf.kode)), 0))
        for share in leaf.shares:
            if share.alasan is None:
                continue
            satker = next((s for s in jajaran.satker if s.nama_singkat == share.satker), None)
            berkas = satker.berkas.name if satker and satker.berkas else me
            text = (f"komponen rekap jajaran {leaf.kode} (IKK {leaf.kode_ikk}) tidak dapat dijumlahkan: "
                    f"{share.alasan}. ")
            if not share.komponen_ada:
                found.append(error("Komponen", where, text + (
                    f"Tambahkan komponen {leaf.kode} dengan Kode IKK {leaf.kode_ikk} di sheet Komponen {berkas}, "
                    "atau isi Rekap Jajaran = Tidak di Kanwil."), kode="jajaran-komponen-tidak-ada", berkas=berkas))
            else:
                found.append(warning("Komponen", where, text + "Nilai wilayahnya tidak dapat dihitung.",
                                     kode="jajaran-komponen-kosong", berkas=berkas))
    found += _layanan_counted_twice(kanwil, jajaran.satker[1:])
    return found


def _layanan_counted_twice(kanwil: Workbook, kanim: Sequence[Satker]) -> list[Problem]:
    """A Kanwil Layanan row equal to its Kanim's total was likely typed as the regional figure."""
    found = []
    for row in kanwil.layanan:
        same = [r.diterima for s in kanim for r in s.results.workbook.layanan
                if name_key(r.kelompok) == name_key(row.kelompok) and name_key(r.jenis) == name_key(row.jenis)]
        total = sum(v for v in same if v is not None)
        if same and total and row.diterima == total:
            found.append(warning("Layanan", kanwil.cell("Layanan", "diterima", row.row), (
                f"Diterima {row.jenis} Kanwil ({row.diterima}) sama dengan jumlah seluruh Kanim: bila itu angka "
                "wilayah, kosongkan baris ini. Layanan Kanwil dihitung sebagai layanan Kanwil sendiri dan "
                "dijumlahkan dengan Kanim, sehingga angka wilayah di sini terhitung dua kali."),
                kode="jajaran-layanan-ganda", berkas=kanwil.source.name))
    return found
