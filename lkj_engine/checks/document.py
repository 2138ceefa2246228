"""The `periksa --json` document of design.md: problems and every figure, unrounded.

`build_document` only reads what it is given (no I/O); `check_document` is the one call that loads
a file, computes when it is valid, runs the checks and builds the document. `check_many` does it for
every input of a command, so a Kanwil checked with its Kanim gets the JSON version 2 keys
(`jajaran`, `jajaran_kurang`, `rekap`) and its regional figures, exactly as the report would.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from lkj_engine.checks.consistency import check
from lkj_engine.checks.jajaran import Candidate, consolidated, waits_for_jajaran
from lkj_engine.compute.engine import compute
from lkj_engine.contract.formatting import json_number
from lkj_engine.contract.problems import Problem, error, errors, internal_reference, warnings
from lkj_engine.model.jajaran import Jajaran
from lkj_engine.model.results import BudgetLine, IkkResult, Node, Results
from lkj_engine.reading.loader import LoadResult, load_workbook


def _node(n: Node) -> dict[str, Any]:
    return {
        "kode": n.kode, "nama": n.nama, "bobot": json_number(n.bobot), "jenis": n.jenis,
        "nilai": json_number(n.nilai), "alasan": n.alasan,
        "pembilang": json_number(n.pembilang), "penyebut": json_number(n.penyebut),
        "faktor": n.faktor, "maks_100": n.maks_100, "dibatasi": n.dibatasi,
        "nilai_mentah": json_number(n.nilai_mentah), "sumber": n.sumber,
        "komponen": [_node(c) for c in n.children],
    }


def _ikk(r: IkkResult) -> dict[str, Any]:
    i = r.ikk
    return {
        "kode": i.kode, "sasaran_no": i.sasaran_no, "sasaran": i.sasaran, "nama": i.nama, "satuan": i.satuan,
        "polaritas": i.polaritas, "target": json_number(i.target), "realisasi": json_number(r.realisasi),
        "capaian": json_number(r.capaian), "capaian_alasan": r.capaian_alasan,
        "realisasi_dari_komponen": r.realisasi_dari_komponen,
        "realisasi_komponen": json_number(r.realisasi_komponen),
        "riwayat": [{"tahun": p.tahun, "target": json_number(p.target), "realisasi": json_number(p.realisasi),
                     "capaian": json_number(p.capaian)} for p in r.riwayat],
        "vs_jangka_menengah": json_number(r.vs_jangka_menengah),
        "vs_jangka_menengah_alasan": r.vs_jangka_menengah_alasan,
        "vs_standar_nasional": json_number(r.vs_standar_nasional),
        "vs_standar_nasional_alasan": r.vs_standar_nasional_alasan,
        "komponen": [_node(n) for n in r.tree],
    }


def _line(ln: BudgetLine) -> dict[str, Any]:
    return {"pagu": json_number(ln.pagu), "realisasi": json_number(ln.realisasi), "persen": json_number(ln.persen)}


def _sasaran_nos(ln: BudgetLine) -> list[int]:
    """The sasaran a PK line's kegiatan serves (its rows' No Sasaran, first-seen order, blanks left out)."""
    nos = [x.sasaran_no for x in ln.bagian] if ln.bagian else [ln.sasaran_no]
    return list(dict.fromkeys(no for no in nos if no is not None))


def _figures(results: Results) -> dict[str, Any]:
    return {
        "ikk": [_ikk(r) for r in results.ikk],
        "sasaran": [{"no": s.no, "nama": s.nama, "rata_capaian": json_number(s.rata_capaian),
                     "rata_alasan": s.rata_alasan} for s in results.sasaran],
        "rata_capaian": json_number(results.rata_capaian),
        "rata_metode": results.rata_metode,
        "anggaran": _line(results.anggaran_total),
        # the PK table's lines (one per DIPA kegiatan, split rows summed) and BAB III.B's groups by sasaran
        "anggaran_kegiatan": [{"program": ln.program, "kegiatan": ln.label, **_line(ln),
                               "sasaran_no": _sasaran_nos(ln)} for ln in results.anggaran_kegiatan],
        "anggaran_sasaran": [{"no": g.no, "nama": g.nama, **_line(g.total), "kegiatan": len(g.lines)}
                             for g in results.anggaran_sasaran],
        "belanja": [{"tahun": y.tahun, "jenis": ln.label, **_line(ln)} for y in results.belanja for ln in y.lines],
        "sumber_dana": [{"tahun": y.tahun, "sumber": ln.label, **_line(ln)}
                        for y in results.sumber_dana for ln in y.lines],
        "pnbp": [{"tahun": p.tahun, "target": json_number(p.target), "realisasi": json_number(p.realisasi),
                  "persen": json_number(p.persen), "pertumbuhan": json_number(p.pertumbuhan)}
                 for p in results.pnbp],
        "nka": [{"tahun": n.tahun, "perencanaan": json_number(n.perencanaan),
                 "pelaksanaan": json_number(n.pelaksanaan), "nka": json_number(n.nka),
                 "perencanaan_hitung": json_number(n.perencanaan_hitung), "nka_hitung": json_number(n.nka_hitung),
                 "pelaksanaan_hitung": json_number(n.pelaksanaan_hitung)}
                for n in results.nka],
    }


EMPTY_FIGURES: dict[str, Any] = {
    "ikk": [], "sasaran": [], "rata_capaian": None, "rata_metode": None, "anggaran": None,
    "anggaran_kegiatan": [], "anggaran_sasaran": [],
    "belanja": [], "sumber_dana": [], "pnbp": [], "nka": [],
}


def build_document(path: str | Path, load_result: LoadResult, results: Results | None, problems: list[Problem]) -> dict:
    """The design.md JSON object for one file. `problems` holds every problem (loader and checks)."""
    wb = load_result.workbook
    satker = None
    if wb is not None:
        ident = wb.identitas
        satker = {"nama": ident.nama_satker, "nama_singkat": ident.nama_singkat, "jenis": ident.jenis,
                  "tahun": ident.tahun}
    galat = errors(problems)
    return {
        "berkas": str(path),
        "valid": not galat,
        "galat": [p.as_json() for p in galat],
        "peringatan": [p.as_json() for p in warnings(problems)],
        "satker": satker,
        **(_figures(results) if results is not None else dict(EMPTY_FIGURES)),
    }


def failed_document(path: str | Path, message: str) -> dict:
    """The document of a file whose check itself failed (a bug): same shape as every other one.

    One galat `kesalahan-internal` carrying `message`, so a program reading `periksa --json` for a
    Kanwil's batch still gets one complete object per file.
    """
    problems = [error(None, None, message, kode="kesalahan-internal")]
    return build_document(path, LoadResult(None, problems), None, problems)


def _checked(path: str | Path, alone: bool = True) -> tuple[LoadResult, list[Problem], Results | None]:
    """Load, compute when valid, check. A Kanwil is only loaded unless it is checked `alone`: its
    figures are the consolidated ones (or, without Jajaran rows, its own), known once its Kanim are."""
    loaded = load_workbook(path)
    problems = list(loaded.problems)
    results = None
    if loaded.valid and loaded.workbook is not None and (alone or not waits_for_jajaran(loaded.workbook)):
        results = compute(loaded.workbook)
        problems += check(loaded.workbook, results)
    return loaded, problems, results


def check_with_results(path: str | Path) -> tuple[dict, Results | None]:
    """Load, compute when valid, check: the document and the exact Results it was built from.

    `periksa` prints its text table from the Results, as the report does (the document's JSON floats
    could round differently by 0,01); the Results are None when the workbook is not valid.
    """
    loaded, problems, results = _checked(path)
    return build_document(path, loaded, results, problems), results


def check_document(path: str | Path) -> dict:
    """The whole of `periksa --json` for one file."""
    return check_with_results(path)[0]


SATKER_FIGURES = ("anggaran", "belanja", "pnbp", "nka", "ikk")  # a jajaran entry's figures, as version 1's


def _jajaran_keys(jajaran: Jajaran | None, kurang: list[str], listed: list[str]) -> dict[str, Any]:
    """The version 2 keys of a Kanwil run with its jajaran (design.md, "The JSON, version 2")."""
    entries = []
    rekap = None
    if jajaran is not None:
        for s in jajaran.satker[1:]:
            figures = _figures(s.results)
            entries.append({"berkas": str(s.berkas) if s.berkas else None, "nama": s.nama,
                            "nama_singkat": s.nama_singkat, "valid": True,
                            **{name: figures[name] for name in SATKER_FIGURES}, "pegawai": s.results.pegawai_total})
        rekap = {
            "anggaran": _line(jajaran.anggaran_total),
            "pnbp": [{"tahun": p.tahun, "target": json_number(p.target), "realisasi": json_number(p.realisasi),
                      "persen": json_number(p.persen)} for p in jajaran.pnbp],
            "nka": {"perencanaan": json_number(jajaran.nka_rata.perencanaan),
                    "pelaksanaan": json_number(jajaran.nka_rata.pelaksanaan),
                    "nka": json_number(jajaran.nka_rata.nka)},
        }
    for name in listed:
        if name in kurang:
            entries.append({"berkas": None, "nama": name, "nama_singkat": None, "valid": False,
                            **EMPTY_FIGURES_OF_SATKER, "pegawai": None})
    return {"jajaran": entries, "jajaran_kurang": list(kurang), "rekap": rekap}


EMPTY_FIGURES_OF_SATKER = {name: EMPTY_FIGURES[name] for name in SATKER_FIGURES}


def check_many(paths: list[Path]) -> list[tuple[dict, Results | None]]:
    """Every input of one command, in order: its document and the Results it was built from.

    A Kanwil whose Jajaran sheet lists Kanim is consolidated over the Kanim among `paths`; it is
    not valid while one of them is missing or invalid (the galat names each one), nor when its
    Jajaran sheet is empty while Kanim among `paths` name it as their Kanwil Induk."""
    checked: list[tuple[dict, Results | None]] = []
    state: list[tuple[Path, LoadResult, list[Problem], Results | None] | None] = []
    for path in paths:
        try:
            state.append((Path(path), *_checked(path, alone=False)))
            checked.append(({}, None))  # filled below
        except Exception as exc:  # noqa: BLE001 - one file's bug must not hide the others' results
            state.append(None)
            checked.append((failed_document(path, (
                f"kesalahan internal saat memeriksa {Path(path).name} ({type(exc).__name__}: {exc}; rujukan: "
                f"{internal_reference(exc)}). Laporkan pesan ini kepada pengelola aplikasi.")), None))
    candidates = [Candidate(item[0], item[1].workbook, item[3]) for item in state
                  if item is not None and item[1].workbook is not None]
    for index, item in enumerate(state):
        if item is None:
            continue
        path, loaded, problems, results = item
        extra: dict[str, Any] = {}
        if loaded.valid and waits_for_jajaran(loaded.workbook):
            kanwil = loaded.workbook
            match, results, found = consolidated(Candidate(path, kanwil, None), candidates)
            problems += found
            listed = [row.nama_satker.strip() for row in kanwil.jajaran]
            if listed:  # a Kanwil without Jajaran rows is a version 1 document (its galat says why, if any)
                extra = _jajaran_keys(results.jajaran if results else None, match.kurang, listed)
        document = build_document(path, loaded, results, problems)
        document.update(extra)
        checked[index] = (document, results)
    return checked
