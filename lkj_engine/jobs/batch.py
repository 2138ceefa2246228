"""Many workbooks in one run: parallel workers, commits in input order, a progress callback.

Workers only *build* (load, compute, render into a temporary file); the parent *commits* (renames)
in input order as soon as every earlier input is done. A Kanwil that lists its jajaran waits until
every input is built, then the parent consolidates it over the Kanim of the run (jobs.jajaran). So the summary and the files on disk are the
same whatever order the workers finish in, and two inputs that would write the same report name
are caught instead of silently overwriting each other. Workers are started with "spawn" on every
platform: that is what Windows does, so the code path the clerks run is the one the tests run.

A worker that dies (out of memory, say; LibreOffice never runs in one) breaks the whole pool and
every file still in it. Those files are built again one at a time, each in a fresh worker of its
own (not in the parent: the file that killed a worker would kill the command and its summary), so
only the file that really kills its worker fails. Whatever a dead worker staged is swept at the end.

Stopping (Ctrl+C, SIGTERM turned into an exception by the cli) ends the workers at once instead of
letting them finish their report, then removes every temporary file of the run. Workers that
outlive a parent killed outright notice it themselves (jobs.lifetime), remove the run's temporary
files and exit; a run that left files anyway (no worker alive) has them removed by the next run in
that folder.
"""
from __future__ import annotations

import atexit
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import warnings
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable, Sequence

from lkj_engine.jobs.jajaran import build_kanwil, forget, waiting
from lkj_engine.jobs.lifetime import (parent_probe, remove_stale_folders, run_token, skip_last_collection, stale_run,
                                      watch_parent)
from lkj_engine.jobs.pipeline import (BERHASIL, GAGAL, Outcome, build, building, commit, discard, internal_error,
                                      staged_pattern)

Finished = Callable[[int, Outcome], None]
OnProgress = Callable[[int, int, Outcome], None]  # (done, total, outcome just finished)

PARALLEL_FROM = 3  # fewer files are not worth starting worker processes for
DEFAULT_WORKERS = 2


def default_workers() -> int:
    return max(1, min(DEFAULT_WORKERS, os.cpu_count() or 1))


def run_batch(files: list[Path], out_dir: Path, pdf: bool = False, workers: int | None = None,
              on_progress: OnProgress | None = None, template: Path | None = None,
              pdf_timeout: int | None = None) -> list[Outcome]:
    """Build and commit every file; outcomes in input order. No temp file is left, whatever happens.

    `on_progress(done, total, outcome)` is called as each file finishes, so a caller can show
    progress; the library itself never prints. `template`: a Kanwil's restyled Word template for
    every report, checked before anything is read (WordTemplateRefused). `pdf_timeout`: seconds
    LibreOffice may take per report (jobs.pdf.TIMEOUT_SECONDS when None)."""
    if template is not None:
        from lkj_engine.jobs.pipeline import check_word_template
        template = check_word_template(template)
    workers = default_workers() if workers is None else max(1, workers)
    parallel = len(files) >= PARALLEL_FROM and workers > 1
    run_id = run_token()
    _sweep(out_dir, "", stale_run)
    remove_stale_folders()
    # With --pdf, one LibreOffice per worker for the whole run, driven from this process on threads of
    # its own: workers build the .docx only, and each built report is converted while the workers
    # (or, one file after another, this process) go on with the next ones.
    conversions = None
    if pdf:
        from lkj_engine.jobs.conversions import Conversions
        conversions = Conversions(min(workers, len(files)) if parallel else 1, pdf_timeout)
    outcomes: list[Outcome | None] = [None] * len(files)  # final (PDF made), in input order
    built: list[Outcome | None] = [None] * len(files)  # as built, for a Kanwil (its Kanim's PDFs may be in the making)
    pending: list[Outcome] = []  # built, not yet committed (to clean up on interruption)
    try:
        if conversions is not None:
            conversions.start()  # now: their start-up overlaps the building of the first reports
        claimed: dict[str, Path] = {}
        converting: dict[int, Future] = {}
        deferred: set[int] = set()  # a Kanwil's place: committed after every Kanim, once consolidated
        next_commit = 0
        done = 0

        def convert(outcome: Outcome) -> Future | None:
            """A built report handed to the run's LibreOffices (with --pdf); a PDF that fails is a
            warning on the outcome, its .docx is still committed."""
            if conversions is not None and outcome.status == BERHASIL and outcome.staged_docx is not None:
                return conversions.submit(outcome, run_id)
            return None

        def complete(index: int, outcome: Outcome) -> None:
            """A report done (PDF included): said, and committed with every earlier one that is done."""
            nonlocal next_commit, done
            outcomes[index] = outcome
            if not waiting(outcome):  # a Kanwil counts once consolidated
                done += 1
                if on_progress is not None:
                    on_progress(done, len(files), outcome)
            while next_commit < len(files) and outcomes[next_commit] is not None:
                if next_commit not in deferred:
                    ready = outcomes[next_commit]
                    outcomes[next_commit] = _safe_commit(ready, claimed)
                    pending.remove(ready)
                next_commit += 1

        def collect(block: bool) -> None:
            """Complete the reports whose PDF is made (`block`: every one, waiting in input order)."""
            for index in sorted(converting):
                if block or converting[index].done():
                    complete(index, _result(converting.pop(index)))

        def finished(index: int, outcome: Outcome) -> None:
            pending.append(outcome)
            built[index] = outcome
            if waiting(outcome):
                deferred.add(index)
            future = convert(outcome)
            if future is None:
                complete(index, outcome)
            else:
                converting[index] = future
            collect(block=False)

        if parallel:
            _run_parallel(files, out_dir, run_id, min(workers, len(files)), finished, template)
        else:
            for index, path in enumerate(files):
                finished(index, build(path, out_dir, run_id, template))
        kanim = [o for o in built if o is not None]
        kanwils = []
        for index, outcome in enumerate(built):  # every Kanwil, once all its Kanim are built
            if outcome is not None and waiting(outcome):
                collect(block=False)  # the Kanim whose PDF is made are said before the consolidation
                kanwil = build_kanwil(outcome, kanim, out_dir, run_id, template)
                pending.remove(outcome)
                pending.append(kanwil)
                kanwils.append((index, kanwil, convert(kanwil)))
        collect(block=True)  # every Kanim committed before its Kanwil, as without --pdf
        for index, kanwil, future in kanwils:
            if future is not None:
                kanwil = _result(future)
            outcomes[index] = _safe_commit(kanwil, claimed)
            pending.remove(kanwil)
            done += 1
            if on_progress is not None:
                on_progress(done, len(files), outcomes[index])
        forget(kanim)
    except BaseException:
        if conversions is not None:
            conversions.close(at_once=True)  # before discarding: no thread converts a discarded report
        for outcome in pending:
            discard(outcome)
        raise
    finally:  # also what a dead worker staged but never handed over
        if conversions is not None:
            conversions.close()
        _sweep(out_dir, run_id)
    return [o for o in outcomes if o is not None]


def _result(future: Future) -> Outcome:
    """The future's outcome, waited for in short steps: on Windows a plain `result()` cannot be
    interrupted by Ctrl+C until the conversion ends."""
    while not wait([future], timeout=0.5).done:
        pass
    return future.result()


def generate(path: Path, out_dir: Path, pdf: bool = False, template: Path | None = None) -> Outcome:
    """One input end to end; the report is either complete at its final name or absent.

    The same path as a batch of one (a Kanwil that lists its jajaran fails here, naming each
    missing Kanim: they must be among the inputs of one `run_batch`)."""
    return run_batch([Path(path)], out_dir, pdf=pdf, workers=1, template=template)[0]


def _safe_commit(outcome: Outcome, claimed: dict[str, Path]) -> Outcome:
    try:
        return commit(outcome, claimed)
    except Exception as exc:
        discard(outcome)
        failed = internal_error(outcome.berkas, exc)
        failed.satker, failed.problems = outcome.satker, outcome.problems
        return failed


def _run_parallel(files: list[Path], out_dir: Path, run_id: str, workers: int,
                  finished: Finished, template: Path | None = None) -> None:
    lost = _run_pool(files, range(len(files)), out_dir, run_id, workers, finished, template)
    for index in lost:  # the pool broke: each file again in a worker of its own, one at a time
        if _run_pool(files, [index], out_dir, run_id, 1, finished, template):
            finished(index, worker_died(files[index]))


def _run_pool(files: list[Path], indices: Sequence[int], out_dir: Path, run_id: str,
              workers: int, finished: Finished, template: Path | None = None) -> list[int]:
    """Build `indices` in a process pool; returns those lost because a worker died (pool broken)."""
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_start,
                               initargs=(str(out_dir), run_id))
    futures: dict[Future, int] = {}
    lost: list[int] = []
    try:
        for index in indices:
            futures[pool.submit(build, files[index], out_dir, run_id, template)] = index
        remaining = set(futures)
        while remaining:  # in short steps: on Windows Ctrl+C cannot interrupt a wait without a timeout
            done, remaining = wait(remaining, timeout=0.5, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=futures.__getitem__):
                index = futures[future]
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    lost.append(index)
                    continue
                except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be sent back
                    outcome = internal_error(files[index], exc)
                finished(index, outcome)
    except BaseException:  # stopped: the workers now, not after the report each is building
        _stop_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return sorted(lost)


def worker_died(path: Path) -> Outcome:
    """The file whose worker died even when it ran alone: it, not its neighbours, is the cause.
    (LibreOffice never runs in a worker: a PDF that fails is a warning on its report, not this.)"""
    return Outcome(berkas=path, status=GAGAL,
                   message=f"proses yang membuat laporan {path.name} berhenti mendadak (kehabisan memori?); "
                           "laporan tidak dibuat. Coba jalankan berkas ini sendiri; bila terulang, laporkan "
                           "kepada pengelola aplikasi.")


def _worker_start(out_dir: str, run_id: str) -> None:
    """Workers leave Ctrl+C to the parent, which stops the batch and cleans up (no worker traceback),
    and end with it: told to stop (SIGTERM) or finding it gone, they remove what they staged."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    skip_last_collection()  # the pool's end waits for its workers to exit
    if not sys.warnoptions:
        warnings.simplefilter("ignore")  # as the parent does: library chatter is not for the clerk
    # the render's temporary files (charts) in a folder of this worker's, removed however it ends
    global _worker_tmp
    try:
        _worker_tmp = tempfile.mkdtemp(prefix=f"lkjip_pekerja_{os.getpid()}_")
        tempfile.tempdir = _worker_tmp
    except OSError:  # a full temporary disk: the render says so itself, in the system's folder
        pass
    parent = os.getppid()
    watch_parent(parent, lambda parent_gone: _worker_exit(Path(out_dir), run_id, parent_gone))
    gone = parent_probe(parent)
    atexit.register(_worker_end, Path(out_dir), run_id, gone)


def _worker_end(out_dir: Path, run_id: str, parent_gone: Callable[[], bool]) -> None:
    """A worker's normal end: its temporary folder; and, as an idle worker may end on the closed
    pipe of a killed parent before its watcher runs, the run's files when the parent is gone."""
    _remove_worker_tmp()
    if parent_gone():
        _sweep(out_dir, run_id)


def _worker_exit(out_dir: Path, run_id: str, parent_gone: bool) -> None:
    """This worker's staged files, and every file of the run when no parent is left to sweep them."""
    current = building()
    if current is not None:
        discard(current)
    if parent_gone:
        _sweep(out_dir, run_id)
    _remove_worker_tmp()
    os._exit(1)


_worker_tmp: str | None = None  # this worker's own temporary folder (never the system's)


def _remove_worker_tmp() -> None:
    if _worker_tmp is not None and os.path.basename(_worker_tmp).startswith("lkjip_pekerja_"):
        shutil.rmtree(_worker_tmp, ignore_errors=True)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """SIGTERM every worker (each removes its staged files) and wait for them; SIGKILL the slow ones."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public API before 3.14
    for process in processes:
        try:
            process.terminate()
        except (OSError, ValueError):
            pass
    for process in processes:
        try:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join(timeout=5)
        except (OSError, ValueError, AssertionError):
            pass


def _sweep(out_dir: Path, run_id: str, which: Callable[[str], bool] = lambda name: True) -> None:
    """Temporary files of this run a worker staged but the parent never received; with `run_id` ""
    and `which`, those of any run that `which` says are left over (`lifetime.stale_run`)."""
    try:  # with the lock files LibreOffice leaves beside a staged report it was converting when killed
        leftovers = [p for pattern in (staged_pattern(run_id), f".~lock.{staged_pattern(run_id)}#")
                     for p in Path(out_dir).glob(pattern) if which(p.name)]
    except OSError:
        return
    for leftover in leftovers:
        try:
            leftover.unlink()
        except OSError:
            pass
