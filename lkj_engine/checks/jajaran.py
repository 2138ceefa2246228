"""A Kanwil and its jajaran among one run's inputs: who is whose, and what is wrong across offices.

`match_jajaran` pairs every row of the Kanwil's `Jajaran` sheet with the Kanim workbook whose
Identitas `Nama Satker` is the same (ignoring case and surrounding spaces). Anything that would make
the regional sums wrong (an office missing, invalid, of another Tahun, of another Kanwil, given
twice) is a galat of the Kanwil: its report is then not written, and the message names the office,
the file and what to do. The Kanim's own reports are not affected.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from lkj_engine.checks.consistency import check
from lkj_engine.compute.jajaran import consolidate, satker_of
from lkj_engine.contract import schema
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

    @property
    def complete(self) -> bool:
        return not self.kurang and not any(p.level == "galat" for p in self.problems)


def key(text: str | None) -> str:
    """How two offices' names are compared: case, surrounding spaces and invisible characters do not count."""
    return schema.without_invisible(text or "").strip().casefold()


def has_jajaran(wb: Workbook | None) -> bool:
    """A Kanwil whose report is the consolidated one: it lists at least one Kanim."""
    return wb is not None and key(wb.identitas.jenis) == "kanwil" and bool(wb.jajaran)


def _cell(wb: Workbook, field_name: str) -> str | None:
    return wb.identitas_cells.get(field_name)


def _names_of(kanwil: Workbook) -> set[str]:
    """How a Kanim's Kanwil Induk may name this Kanwil: its Nama Satker or its Nama Singkat."""
    return {key(kanwil.identitas.nama_satker), key(kanwil.identitas.nama_singkat)}


def _names_this_kanwil(kanim: Workbook, kanwil: Workbook) -> bool:
    induk = key(kanim.identitas.kanwil_induk)
    return not induk or induk in _names_of(kanwil)


def match_jajaran(kanwil: Candidate, inputs: Sequence[Candidate]) -> Match:
    """Pair the Kanwil's Jajaran rows with the Kanim among `inputs` and name every mismatch."""
    assert kanwil.workbook is not None
    wb = kanwil.workbook
    me = kanwil.berkas.name
    kanim_inputs = [c for c in inputs if c.workbook is not None and c.berkas != kanwil.berkas
                    and key(c.workbook.identitas.jenis) == "kanim"]
    match = Match()
    listed = set()
    for row in wb.jajaran:
        name = row.nama_satker.strip()
        listed.add(key(name))
        where = wb.cell(JAJARAN, "nama_satker", row.row)
        found = [c for c in kanim_inputs if key(c.workbook.identitas.nama_satker) == key(name)]
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
        match.kanim.append(satker_of(c.results, c.berkas))
        match.fed.append(c.berkas)
    for c in kanim_inputs:
        if key(c.workbook.identitas.nama_satker) not in listed and key(c.workbook.identitas.kanwil_induk) in \
                _names_of(wb):
            match.problems.append(warning(JAJARAN, None, (
                f"{c.workbook.identitas.nama_satker} ({c.berkas.name}) menyebut Kanwil ini sebagai Kanwil Induk "
                "tetapi tidak tercantum di sheet Jajaran, sehingga tidak ikut dijumlahkan. Tambahkan ke sheet "
                "Jajaran bila termasuk jajaran."), kode="jajaran-tidak-terdaftar", berkas=me))
    return match


def consolidated(kanwil: Candidate, inputs: Sequence[Candidate]) -> tuple[Match, Results | None, list[Problem]]:
    """A Kanwil over the run's inputs: matched, summed and checked, the one path of the report and periksa.

    The Results are None while the jajaran is incomplete (the problems say why)."""
    assert kanwil.workbook is not None
    match = match_jajaran(kanwil, inputs)
    problems = list(match.problems)
    if not match.complete:
        return match, None, problems
    results = consolidate(kanwil.workbook, match.kanim, berkas=kanwil.berkas)
    problems += check(results.workbook, results) + check_consolidated(kanwil.workbook, results)
    return match, results, problems


def check_consolidated(kanwil: Workbook, results: Results) -> list[Problem]:
    """After the sums: regional leaves a Kanim could not contribute to, and figures counted twice."""
    jajaran = results.jajaran
    if jajaran is None:
        return []
    me = kanwil.source.name
    rows = {(key(k.kode_ikk), key(k.kode)): k.row for k in kanwil.komponen}
    found: list[Problem] = []
    for leaf in jajaran.leaves:
        where = kanwil.cell("Komponen", "kode", rows.get((key(leaf.kode_ikk), key(leaf.kode)), 0))
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
                if key(r.kelompok) == key(row.kelompok) and key(r.jenis) == key(row.jenis)]
        total = sum(v for v in same if v is not None)
        if same and total and row.diterima == total:
            found.append(warning("Layanan", kanwil.cell("Layanan", "diterima", row.row), (
                f"Diterima {row.jenis} Kanwil ({row.diterima}) sama dengan jumlah seluruh Kanim: bila itu angka "
                "wilayah, kosongkan baris ini. Layanan Kanwil dihitung sebagai layanan Kanwil sendiri dan "
                "dijumlahkan dengan Kanim, sehingga angka wilayah di sini terhitung dua kali."),
                kode="jajaran-layanan-ganda", berkas=kanwil.source.name))
    return found
