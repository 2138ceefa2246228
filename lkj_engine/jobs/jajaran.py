"""The jajaran step of a run: a Kanwil's consolidated report, built after every input is built.

A Kanwil workbook that lists its Kanim (sheet Jajaran) is only loaded by `pipeline.build`
(status MENUNGGU). Once every input of the run is built, `build_kanwil` matches its Jajaran rows with
the Kanim among the run's outcomes, sums the regional figures, checks across offices and renders the
consolidated report and the rekap workbook. Anything missing in the jajaran is a galat of the Kanwil
(its report is not written); the Kanim's own reports are never held back by their Kanwil.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from lkj_engine.contract.problems import errors
from lkj_engine.jobs.pipeline import GAGAL, MENUNGGU, Outcome, discard, internal_error, stage_report


def candidates_of(outcomes: Sequence[Outcome]):
    """What the matching sees of every input: its file, workbook and (when valid) its own Results."""
    from lkj_engine.checks.jajaran import Candidate

    return [Candidate(o.berkas, o.workbook, o.results) for o in outcomes if o.workbook is not None]


def build_kanwil(outcome: Outcome, others: Sequence[Outcome], out_dir: Path,
                 run_id: str = "", template: Path | None = None) -> Outcome:
    """Consolidate a waiting Kanwil over the run's Kanim and stage its report (with the run's Word
    `template`, if any); never raises for a bug."""
    try:
        _build_kanwil(outcome, others, Path(out_dir), run_id, template)
    except Exception as exc:  # the Kanim reports are already written; this one fails alone
        discard(outcome)
        failed = internal_error(outcome.berkas, exc)
        failed.satker, failed.problems = outcome.satker, outcome.problems
        return failed
    except BaseException:
        discard(outcome)
        raise
    return outcome


def _build_kanwil(outcome: Outcome, others: Sequence[Outcome], out_dir: Path, run_id: str,
                  template: Path | None) -> None:
    from lkj_engine.checks.jajaran import Candidate, consolidated

    assert outcome.status == MENUNGGU and outcome.workbook is not None
    kanwil = outcome.workbook
    outcome.status = GAGAL
    match, results, problems = consolidated(Candidate(outcome.berkas, kanwil, None), candidates_of(others))
    outcome.problems += problems
    if results is None:
        outcome.message = (f"jajaran belum lengkap ({', '.join(match.kurang)}); laporan Kanwil tidak dibuat. "
                           "Laporan Kanim yang lengkap tetap dibuat.")
        return
    if errors(outcome.problems):
        outcome.message = f"{len(errors(outcome.problems))} galat pada jajaran; laporan Kanwil tidak dibuat."
        return
    label = kanwil.identitas.nama_singkat or kanwil.identitas.nama_satker
    for other in others:
        if other.berkas in match.fed:
            other.kanwil = label
    stage_report(outcome, results, out_dir, run_id, rekap=True, template=template)


def waiting(outcome: Outcome) -> bool:
    return outcome.status == MENUNGGU


def forget(outcomes: Sequence[Outcome]) -> None:
    """Drop what only the jajaran step needed, so a long run does not hold every workbook."""
    for o in outcomes:
        o.workbook = o.results = None
