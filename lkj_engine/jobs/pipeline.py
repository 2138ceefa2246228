"""One workbook end to end: load, compute, check, render into a temporary file, then rename.

The work is split in two steps so a batch stays safe when it runs in several processes:

- `build` (may run in a worker) does everything expensive and leaves the report as a hidden
  temporary file in the output folder (same folder, so the final rename is atomic);
- `commit` (always in the parent, in input order) checks that the report is not open in Word and
  that no earlier input of the same run already wrote the same name, then `os.replace`s it.

A failure or an interruption at any point removes the temporary files, so the output folder
never holds a half-written report. `batch.generate` is both steps for one file.
"""
from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from lkj_engine.contract.problems import Problem, errors, internal_reference, warning
from lkj_engine.jobs.pdf import libreoffice_lock
from lkj_engine.jobs.output import is_write_failure, pdf_failure, prepare_folder, write_failure

BERHASIL, GAGAL, DILEWATI = "berhasil", "gagal", "dilewati"
MENUNGGU = "menunggu"  # a Kanwil with a jajaran, built after its Kanim (jobs.jajaran); never final

_ILLEGAL = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


@dataclass
class Outcome:
    """What happened to one input; what the summary table and the exit status are made of."""

    berkas: Path
    satker: str | None = None
    status: str = GAGAL
    laporan: Path | None = None
    problems: list[Problem] = field(default_factory=list)
    pdf: Path | None = None
    message: str = ""
    rekap: Path | None = None  # a Kanwil's rekap workbook
    kanwil: str | None = None  # the Kanwil whose consolidated report this Kanim fed
    # Between build and commit: the staged files and where they go.
    target: Path | None = None
    staged_docx: Path | None = None
    staged_pdf: Path | None = None
    staged_rekap: Path | None = None
    rekap_target: Path | None = None
    # Between build and the jajaran step: what a Kanwil run matches and sums (dropped afterwards).
    workbook: object | None = None
    results: object | None = None

    @property
    def ok(self) -> bool:
        return self.status == BERHASIL

    @property
    def warning_count(self) -> int:
        return sum(1 for p in self.problems if p.level == "peringatan")


def _name_stem(nama_singkat: str) -> str:
    stem = _ILLEGAL.sub("", nama_singkat or "").strip()
    stem = re.sub(r"\s+", "_", stem)
    return re.sub(r"_+", "_", stem).strip("._ ") or "Satker"


def report_name(nama_singkat: str, tahun: int) -> str:
    """``LKjIP_<Nama_Singkat>_<Tahun>.docx``: spaces as ``_``, nothing Windows refuses in a name."""
    return f"LKjIP_{_name_stem(nama_singkat)}_{tahun}.docx"


def rekap_name(nama_singkat: str, tahun: int) -> str:
    """``Rekap_<Nama_Singkat>_<Tahun>.xlsx``, the Kanwil's rekap workbook beside its report."""
    return f"Rekap_{_name_stem(nama_singkat)}_{tahun}.xlsx"


def lock_files(target: Path) -> list[Path]:
    """Lock files Word (``~$`` + name, Word shortens long names) and LibreOffice leave beside an open file."""
    name = target.name
    stem_variants = {"~$" + name, "~$" + name[1:], "~$" + name[2:]}
    return [target.with_name(v) for v in sorted(stem_variants)] + [libreoffice_lock(target)]


def open_lock(target: Path) -> Path | None:
    """The lock file that says `target` is open in Word or LibreOffice, if any."""
    return next((lock for lock in lock_files(target) if lock.exists()), None)


def _locked_message(lock: Path, target: Path) -> str:
    program = "LibreOffice" if lock.name.startswith(".~lock.") else "Word"
    return (f"{target.name} sedang dibuka di {program} ({lock.name} ada di sampingnya): laporan tidak "
            f"ditimpa. Tutup berkas itu di {program} lalu jalankan lagi (jika tidak sedang dibuka, "
            f"hapus {lock.name}).")


def _satker_label(workbook) -> str | None:
    ident = getattr(workbook, "identitas", None)
    return (ident.nama_singkat or ident.nama_satker) if ident else None


def internal_error(path: Path, exc: BaseException) -> Outcome:
    """An unexpected exception as an outcome the clerk can pass on: file, type and message."""
    detail = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
    return Outcome(berkas=path, status=GAGAL,
                   message=f"kesalahan internal saat memproses {path.name} ({detail}; rujukan: "
                           f"{internal_reference(exc)}). Laporkan pesan ini kepada pengelola aplikasi.")


def discard(outcome: Outcome) -> None:
    """Remove whatever `build` staged and `commit` did not take."""
    for staged in (outcome.staged_docx, outcome.staged_pdf, outcome.staged_rekap):
        if staged is not None:
            try:
                staged.unlink(missing_ok=True)
            except OSError:
                pass
    outcome.staged_docx = outcome.staged_pdf = outcome.staged_rekap = None


def staged_pattern(run_id: str = "") -> str:
    """Glob of the temporary files one run stages (every run's without `run_id`), to sweep them up."""
    return f".LKjIP_*.{run_id}*.tmp.*"


def build(path: Path, out_dir: Path, run_id: str = "", template: Path | None = None) -> Outcome:
    """Everything up to the rename; never raises for a bad workbook or a bug (KeyboardInterrupt does).

    `template`: a Word template already accepted by `check_word_template` (the command line's
    --templat-word), used instead of the workbook's own Identitas "Templat Word"."""
    global _building
    path = Path(path)
    outcome = Outcome(berkas=path)
    _building = outcome
    try:
        _build(outcome, Path(out_dir), run_id, template)
    except Exception as exc:  # one bad file must not stop a Kanwil's batch
        discard(outcome)
        failed = internal_error(path, exc)
        failed.satker, failed.problems = outcome.satker, outcome.problems
        return failed
    except BaseException:
        discard(outcome)
        raise
    finally:
        _building = None
    return outcome


_building: Outcome | None = None  # what `build` is staging in this process, for a worker told to stop


def building() -> Outcome | None:
    """The outcome `build` is working on in this process (its staged files are this process's)."""
    return _building


def _build(outcome: Outcome, out_dir: Path, run_id: str, template: Path | None) -> None:
    from lkj_engine.checks.consistency import check
    from lkj_engine.checks.jajaran import waits_for_jajaran
    from lkj_engine.compute.engine import compute
    from lkj_engine.reading.loader import load_workbook

    loaded = load_workbook(outcome.berkas)
    outcome.problems = list(loaded.problems)
    outcome.workbook = loaded.workbook
    if not loaded.valid or loaded.workbook is None:
        count = len(errors(outcome.problems))
        outcome.satker = _satker_label(loaded.workbook)
        outcome.message = f"{count} galat di workbook; laporan tidak dibuat."
        return
    workbook = loaded.workbook
    outcome.satker = _satker_label(workbook)
    if waits_for_jajaran(workbook):  # consolidated once every input is built (jobs.jajaran)
        outcome.status = MENUNGGU
        return
    results = compute(workbook)
    outcome.problems += check(workbook, results)
    if errors(outcome.problems):  # a figure the report cannot print: said at its cell, nothing written
        outcome.message = f"{len(errors(outcome.problems))} galat di workbook; laporan tidak dibuat."
        return
    stage_report(outcome, results, out_dir, run_id, template=template)
    # kept for a Kanwil of the same run; its free Data tables are never summed, so they are not sent back
    workbook.data_tables = []
    outcome.results = results


class WordTemplateRefused(Exception):
    """A Word template given for a whole run does not fit the report; nothing of the run was done."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def check_word_template(template: Path) -> Path:
    """`template` when its tags are the report's; raises WordTemplateRefused naming the tags otherwise."""
    from lkj_engine.render.template_tags import word_template_problems

    problems = word_template_problems(Path(template))
    if problems:
        raise WordTemplateRefused(problems)
    return Path(template)


def identitas_template(workbook) -> tuple[Path | None, list[Problem]]:
    """The Word template the workbook's Identitas "Templat Word" names (relative to the workbook's
    folder) and why it cannot be used; (None, []) when the field is empty."""
    typed = getattr(workbook.identitas, "templat_word", None)
    if not typed:
        return None, []
    from lkj_engine.render.template_tags import word_template_problems

    path = Path(typed)
    if not path.is_absolute():
        path = Path(workbook.source).parent / path
    return path, word_template_problems(path, "Identitas", workbook.identitas_cells.get("templat_word"))


def stage_report(outcome: Outcome, results, out_dir: Path, run_id: str, rekap: bool = False,
                 template: Path | None = None) -> None:
    """Render the report (and a Kanwil's rekap workbook) into temporary files beside their targets,
    with `template` (already checked), else the workbook's Identitas "Templat Word", else the default."""
    workbook = results.workbook
    if template is None:
        template, refused = identitas_template(workbook)
        if refused:
            outcome.problems += refused
            outcome.message = f"{len(refused)} galat di workbook (templat Word); laporan tidak dibuat."
            return
    outcome.target = out_dir / report_name(workbook.identitas.nama_singkat, workbook.tahun)
    problem = prepare_folder(out_dir, outcome.target.name)
    if problem is not None:
        outcome.status = GAGAL
        outcome.problems.append(problem)
        outcome.message = problem.message
        return
    lock = open_lock(outcome.target)
    if lock is not None:  # checked again at commit; skipping here saves the rendering
        outcome.status, outcome.message = DILEWATI, _locked_message(lock, outcome.target)
        return

    from lkj_engine.render.report import render_report

    token = run_id + secrets.token_hex(4)
    outcome.staged_docx = out_dir / f".{outcome.target.stem}.{token}.tmp.docx"
    try:
        outcome.problems += render_report(results, list(outcome.problems), outcome.staged_docx,
                                          template=template) or []
        if rekap:
            from lkj_engine.render.rekap_workbook import write_rekap

            outcome.rekap_target = out_dir / rekap_name(workbook.identitas.nama_singkat, workbook.tahun)
            outcome.staged_rekap = out_dir / f".{outcome.target.stem}.{token}.tmp.rekap.xlsx"
            write_rekap(results, outcome.staged_rekap)
    except OSError as exc:
        if not is_write_failure(exc):
            raise
        discard(outcome)
        outcome.status = GAGAL
        problem = write_failure(exc, out_dir, outcome.target.name)
        outcome.problems.append(problem)
        outcome.message = problem.message
        return
    outcome.status = BERHASIL


def stage_pdf(outcome: Outcome, converter, run_id: str = "") -> None:
    """The staged report's PDF beside it, through `converter` (one of the run's LibreOffices,
    jobs.pdf.Converter, lent by jobs.conversions). Any failure (LibreOffice missing, hung, crashed,
    a full disk) is a warning naming the report: the .docx stays and is committed, and no partial
    PDF is left. `run_id`: the run whose staged files LibreOffice's watcher sweeps if the command is
    killed while it converts."""
    from lkj_engine.jobs.pdf import PdfError

    assert outcome.staged_docx is not None
    folder = outcome.staged_docx.parent
    name = (outcome.target or outcome.staged_docx).with_suffix(".pdf").name
    sweep = folder / staged_pattern(run_id) if run_id else outcome.staged_docx
    try:
        outcome.staged_pdf = converter.convert(outcome.staged_docx, folder, name, sweep=sweep)
    except (PdfError, OSError) as exc:
        try:
            outcome.staged_docx.with_suffix(".pdf").unlink(missing_ok=True)  # what LibreOffice began
        except OSError:
            pass
        problem = pdf_failure(exc, folder, name)
        outcome.problems.append(problem)
        outcome.message = problem.message


def _place_beside(outcome: Outcome, staged: Path, target: Path, if_open: Problem) -> bool:
    """Rename a file that goes with the report (its PDF, a Kanwil's rekap); an open one is `if_open`."""
    try:
        os.replace(staged, target)
        return True
    except PermissionError:
        outcome.problems.append(if_open)
        outcome.message = if_open.message
        return False


def _still_open(target: Path, what: str) -> str:
    return f"{target.name} tidak dapat ditimpa (sedang dibuka?); {what} tidak diperbarui."


def commit(outcome: Outcome, claimed: dict[str, Path] | None = None) -> Outcome:
    """Rename the staged report into place, unless it is open or this run already wrote that name."""
    if outcome.status != BERHASIL or outcome.staged_docx is None or outcome.target is None:
        discard(outcome)
        return outcome
    target = outcome.target
    key = os.path.normcase(os.path.abspath(target))
    try:
        if claimed is not None and key in claimed:
            outcome.status = GAGAL
            outcome.message = (f"{target.name} sudah ditulis dari {claimed[key].name} pada proses ini "
                               "(Nama Singkat dan Tahun di sheet Identitas sama); laporan tidak ditimpa.")
            return outcome
        lock = open_lock(target)
        if lock is not None:
            outcome.status, outcome.message = DILEWATI, _locked_message(lock, target)
            return outcome
        try:
            os.replace(outcome.staged_docx, target)
        except PermissionError:
            outcome.status = DILEWATI
            outcome.message = (f"{target.name} tidak dapat ditimpa (sedang dibuka program lain?). "
                               "Tutup berkas itu lalu jalankan lagi.")
            return outcome
        except OSError as exc:
            if not is_write_failure(exc):
                raise
            outcome.status = GAGAL
            problem = write_failure(exc, target.parent, target.name)
            outcome.problems.append(problem)
            outcome.message = problem.message
            return outcome
        outcome.staged_docx = None
        outcome.laporan = target
        if claimed is not None:
            claimed[key] = outcome.berkas
        if outcome.staged_rekap is not None and outcome.rekap_target is not None:
            if _place_beside(outcome, outcome.staged_rekap, outcome.rekap_target, warning(
                    None, None, _still_open(outcome.rekap_target, "rekap"), kode="rekap-terbuka")):
                outcome.staged_rekap, outcome.rekap = None, outcome.rekap_target
        if outcome.staged_pdf is not None:
            pdf_target = target.with_suffix(".pdf")
            if _place_beside(outcome, outcome.staged_pdf, pdf_target, warning(
                    None, None, _still_open(pdf_target, "PDF"), kode="pdf-tidak-dapat-ditimpa")):
                outcome.staged_pdf, outcome.pdf = None, pdf_target
        return outcome
    finally:
        discard(outcome)
