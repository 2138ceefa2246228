"""One workbook end to end: load, compute, check, render into a temporary file, then rename.

The work is split in two steps so a batch stays safe when it runs in several processes:

- `build` (may run in a worker) does everything expensive and leaves the report as a hidden
  temporary file in the output folder (same folder, so the final rename is atomic);
- `commit` (always in the parent, in input order) checks that the report is not open in Word and
  that no earlier input of the same run already wrote the same name, then `os.replace`s it.

A failure or an interruption at any point removes the temporary files, so the output folder
never holds a half-written report. `generate` is both steps for one file.
"""
from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from lkj_engine.contract.problems import Problem, errors, warning

BERHASIL, GAGAL, DILEWATI = "berhasil", "gagal", "dilewati"

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
    # Between build and commit: the staged files and where they go.
    target: Path | None = None
    staged_docx: Path | None = None
    staged_pdf: Path | None = None

    @property
    def ok(self) -> bool:
        return self.status == BERHASIL

    @property
    def warning_count(self) -> int:
        return sum(1 for p in self.problems if p.level == "peringatan")


def report_name(nama_singkat: str, tahun: int) -> str:
    """``LKjIP_<Nama_Singkat>_<Tahun>.docx``: spaces as ``_``, nothing Windows refuses in a name."""
    stem = _ILLEGAL.sub("", nama_singkat or "").strip()
    stem = re.sub(r"\s+", "_", stem)
    stem = re.sub(r"_+", "_", stem).strip("._ ") or "Satker"
    return f"LKjIP_{stem}_{tahun}.docx"


def lock_files(target: Path) -> list[Path]:
    """Lock files Word (``~$`` + name, Word shortens long names) and LibreOffice leave beside an open file."""
    name = target.name
    stem_variants = {"~$" + name, "~$" + name[1:], "~$" + name[2:]}
    return [target.with_name(v) for v in sorted(stem_variants)] + [target.with_name(f".~lock.{name}#")]


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
                   message=f"kesalahan internal saat memproses {path.name} ({detail}). "
                           "Laporkan pesan ini kepada pengelola aplikasi.")


def discard(outcome: Outcome) -> None:
    """Remove whatever `build` staged and `commit` did not take."""
    for staged in (outcome.staged_docx, outcome.staged_pdf):
        if staged is not None:
            try:
                staged.unlink(missing_ok=True)
            except OSError:
                pass
    outcome.staged_docx = outcome.staged_pdf = None


def staged_pattern(run_id: str) -> str:
    """Glob of the temporary files one run stages, to sweep them up after an interruption."""
    return f".LKjIP_*.{run_id}*.tmp.*"


def build(path: Path, out_dir: Path, pdf: bool = False, run_id: str = "") -> Outcome:
    """Everything up to the rename; never raises for a bad workbook or a bug (KeyboardInterrupt does)."""
    path = Path(path)
    outcome = Outcome(berkas=path)
    try:
        _build(outcome, Path(out_dir), pdf, run_id)
    except Exception as exc:  # one bad file must not stop a Kanwil's batch
        discard(outcome)
        failed = internal_error(path, exc)
        failed.satker, failed.problems = outcome.satker, outcome.problems
        return failed
    except BaseException:
        discard(outcome)
        raise
    return outcome


def _build(outcome: Outcome, out_dir: Path, pdf: bool, run_id: str) -> None:
    from lkj_engine.checks.consistency import check
    from lkj_engine.compute.engine import compute
    from lkj_engine.reading.loader import load_workbook

    loaded = load_workbook(outcome.berkas)
    outcome.problems = list(loaded.problems)
    if not loaded.valid or loaded.workbook is None:
        count = len(errors(outcome.problems))
        outcome.satker = _satker_label(loaded.workbook)
        outcome.message = f"{count} galat di workbook; laporan tidak dibuat."
        return
    workbook = loaded.workbook
    outcome.satker = _satker_label(workbook)
    results = compute(workbook)
    outcome.problems += check(workbook, results)

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        outcome.message = f"folder hasil {out_dir} tidak dapat dibuat ({exc.strerror or exc})."
        return
    outcome.target = out_dir / report_name(workbook.identitas.nama_singkat, workbook.tahun)
    lock = open_lock(outcome.target)
    if lock is not None:  # checked again at commit; skipping here saves the rendering
        outcome.status, outcome.message = DILEWATI, _locked_message(lock, outcome.target)
        return

    from lkj_engine.render.report import render_report

    token = run_id + secrets.token_hex(4)
    outcome.staged_docx = out_dir / f".{outcome.target.stem}.{token}.tmp.docx"
    outcome.problems += render_report(results, list(outcome.problems), outcome.staged_docx) or []
    if pdf:
        from lkj_engine.jobs.pdf import ConverterDied
        try:
            stage_pdf(outcome)
        except ConverterDied as exc:  # as when a worker dies: the file fails, nothing is left
            discard(outcome)
            outcome.message = (f"proses yang membuat laporan {outcome.berkas.name} berhenti mendadak "
                               f"({exc}); laporan tidak dibuat.")
            return
    outcome.status = BERHASIL


def stage_pdf(outcome: Outcome, converter=None) -> None:
    """The staged report's PDF beside it, through `converter` (a run's one LibreOffice) or one of
    its own; a failure is a warning on the outcome, the .docx stays. `ConverterDied` (the process
    running LibreOffice was killed) is raised: the caller fails the file as if its worker died."""
    from lkj_engine.jobs.pdf import Converter, ConverterDied, PdfError

    assert outcome.staged_docx is not None
    name = outcome.target.with_suffix(".pdf").name if outcome.target else None
    try:
        if converter is None:
            with Converter() as own:
                outcome.staged_pdf = own.convert(outcome.staged_docx, outcome.staged_docx.parent, name)
        else:
            outcome.staged_pdf = converter.convert(outcome.staged_docx, outcome.staged_docx.parent, name)
    except ConverterDied:
        raise
    except PdfError as exc:
        outcome.problems.append(warning(None, None, str(exc)))
        outcome.message = str(exc)


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
        outcome.staged_docx = None
        outcome.laporan = target
        if claimed is not None:
            claimed[key] = outcome.berkas
        if outcome.staged_pdf is not None:
            pdf_target = target.with_suffix(".pdf")
            try:
                os.replace(outcome.staged_pdf, pdf_target)
                outcome.staged_pdf = None
                outcome.pdf = pdf_target
            except PermissionError:
                text = f"{pdf_target.name} tidak dapat ditimpa (sedang dibuka?); PDF tidak diperbarui."
                outcome.problems.append(warning(None, None, text))
                outcome.message = text
        return outcome
    finally:
        discard(outcome)


def generate(path: Path, out_dir: Path, pdf: bool = False) -> Outcome:
    """One input end to end; the report is either complete at its final name or absent."""
    outcome = build(path, out_dir, pdf)
    try:
        return commit(outcome, {})
    except BaseException:
        discard(outcome)
        raise
