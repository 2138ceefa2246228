"""The jajaran step of a run: a Kanwil's consolidated report, built after every input is built.

A Kanwil workbook is only loaded by `pipeline.build` (status MENUNGGU). Once every input of the run
is built, `build_kanwil` matches its Jajaran rows with the Kanim among the run's outcomes, sums the
regional figures, checks across offices and renders the consolidated report and the rekap workbook.
Anything missing in the jajaran is a galat of the Kanwil (its report is not written), and so is an
empty or absent Jajaran sheet while Kanim of the run name the Kanwil as their Kanwil Induk. A Kanwil
without Jajaran rows and without its Kanim in the run gets its own report, as any satker. The Kanim's
own reports are never held back by their Kanwil.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from lkj_engine.contract.problems import errors
from lkj_engine.jobs.pipeline import GAGAL, MENUNGGU, Outcome, discard, internal_error, stage_report

if TYPE_CHECKING:
    from lkj_engine.checks.jajaran import Match
    from lkj_engine.model.workbook import Workbook


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
        outcome.message = _not_consolidated(match, kanwil)
        return
    gabungan = results.jajaran is not None
    if errors(outcome.problems):
        where = "pada jajaran" if gabungan else "di workbook"
        outcome.message = f"{len(errors(outcome.problems))} galat {where}; laporan Kanwil tidak dibuat."
        return
    label = kanwil.identitas.nama_singkat or kanwil.identitas.nama_satker
    for other in others:
        if other.berkas in match.fed:
            other.kanwil = label
    stage_report(outcome, results, out_dir, run_id, rekap=gabungan, template=template)


def _not_consolidated(match: Match, kanwil: Workbook) -> str:
    """The summary line of a Kanwil refused for its jajaran: what is missing, or why nothing was summed."""
    from lkj_engine.checks.jajaran import jajaran_sheet_state

    if match.kurang or kanwil.jajaran:
        return (f"jajaran belum lengkap ({', '.join(match.kurang)}); laporan Kanwil tidak dibuat. "
                "Laporan Kanim yang lengkap tetap dibuat.")
    naming = ", ".join(c.workbook.identitas.nama_singkat or c.workbook.identitas.nama_satker
                       for c in match.unlisted)
    return (f"sheet Jajaran {jajaran_sheet_state(kanwil)}, jadi laporan Kanwil tidak digabungkan dengan Kanim "
            f"yang menyebutnya sebagai Kanwil Induk ({naming}); laporan Kanwil tidak dibuat. Laporan Kanim "
            "tetap dibuat.")


def waiting(outcome: Outcome) -> bool:
    return outcome.status == MENUNGGU


def forget(outcomes: Sequence[Outcome]) -> None:
    """Drop what only the jajaran step needed, so a long run does not hold every workbook."""
    for o in outcomes:
        o.workbook = o.results = None
