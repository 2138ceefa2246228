"""What the clerk sees of a batch: the progress bar while it runs, then the summary table."""
from __future__ import annotations

import os
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from lkj_engine.jobs.batch import OnProgress
from lkj_engine.jobs.pipeline import BERHASIL, DILEWATI, GAGAL, Outcome


def progress_bar(console: Console, total: int) -> tuple[Progress, OnProgress]:
    """A rich progress bar (shown only for more than one file) and the callback that advances it."""
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=console, disable=total <= 1, transient=False)
    task: TaskID = progress.add_task("Membuat laporan", total=total)

    def advance(done: int, total: int, outcome: Outcome) -> None:
        progress.update(task, completed=done, description=f"Selesai: {escape(outcome.berkas.name)}")

    return progress, advance


# --- the summary -----------------------------------------------------------------------------

_STATUS_STYLE = {BERHASIL: "green", GAGAL: "bold red", DILEWATI: "yellow"}
_STATUS_LABEL = {BERHASIL: "berhasil", GAGAL: "GAGAL", DILEWATI: "dilewati"}


def display_path(path: Path | None) -> str:
    """Relative to the current folder when it is below it (shorter in a cmd window), else absolute."""
    if path is None:
        return "-"
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def _located(problem, outcome: Outcome) -> str:
    """A problem, with its file when it is in another workbook than the one it is listed under."""
    if problem.berkas and problem.berkas != outcome.berkas.name:
        return f"{problem.berkas}, {problem}"
    return str(problem)


def _pdf_failed(outcome: Outcome) -> bool:
    return any((p.kode or "").startswith("pdf-") and p.kode != "pdf-tidak-dapat-ditimpa" for p in outcome.problems)


def print_summary(outcomes: list[Outcome], console: Console, show_warnings: bool | None = None) -> None:
    """The table a Kanwil reads, then every failure with its sheet!cell, then the totals."""
    if show_warnings is None:
        show_warnings = len(outcomes) == 1
    table = Table(title="Ringkasan", title_justify="left", show_lines=False)
    table.add_column("Berkas", overflow="fold")
    table.add_column("Satker", overflow="fold")
    table.add_column("Hasil")
    table.add_column("Laporan", overflow="fold")
    table.add_column("Peringatan", justify="right")
    jajaran = any(o.kanwil or o.rekap for o in outcomes)
    if jajaran:  # which Kanim fed which Kanwil's consolidated report
        table.add_column("Kanwil", overflow="fold")
    for o in outcomes:
        laporan = display_path(o.laporan)
        for extra in (o.pdf, o.rekap):
            if extra is not None:
                laporan += "\n" + display_path(extra)
        if o.pdf is None and _pdf_failed(o):  # the .docx is there; say at once that its PDF is not
            laporan += "\nPDF tidak dibuat (lihat Catatan)"
        row = [Text(o.berkas.name), Text(o.satker or "-"),
               Text(_STATUS_LABEL[o.status], style=_STATUS_STYLE[o.status]), Text(laporan), str(o.warning_count)]
        if jajaran:
            row.append(Text(o.kanwil or ("gabungan jajaran" if o.rekap else "-")))
        table.add_row(*row)
    console.print(table)

    for o in outcomes:
        errs = [p for p in o.problems if p.level == "galat" and p.message != o.message]
        if o.status == BERHASIL and not o.message and not (show_warnings and o.warning_count):
            continue
        head = {BERHASIL: "Catatan", GAGAL: "GAGAL", DILEWATI: "DILEWATI"}[o.status]
        console.print(Text(f"{head} {o.berkas.name}" + (f": {o.message}" if o.message else ""),
                           style=_STATUS_STYLE[o.status] if o.status != BERHASIL else ""), soft_wrap=True)
        for problem in errs:
            console.print(Text(f"  galat      {_located(problem, o)}"), soft_wrap=True)
        if show_warnings:
            for problem in o.problems:
                if problem.level == "peringatan" and problem.message != o.message:
                    console.print(Text(f"  peringatan {_located(problem, o)}"), soft_wrap=True)

    ok = sum(o.status == BERHASIL for o in outcomes)
    failed = sum(o.status == GAGAL for o in outcomes)
    skipped = sum(o.status == DILEWATI for o in outcomes)
    warned = sum(o.warning_count for o in outcomes)
    no_pdf = sum(o.status == BERHASIL and o.pdf is None and _pdf_failed(o) for o in outcomes)
    console.print(Text(f"{ok} berhasil, {failed} gagal, {skipped} dilewati dari {len(outcomes)} berkas."
                       + (f" PDF tidak dibuat untuk {no_pdf} laporan (.docx-nya ada)." if no_pdf else "")),
                  soft_wrap=True)
    if warned and not show_warnings:
        console.print(Text("Untuk melihat peringatan sebuah berkas: python generate.py periksa BERKAS"),
                      soft_wrap=True)
