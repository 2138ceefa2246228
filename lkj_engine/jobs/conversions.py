"""A run's PDFs: one LibreOffice per worker, each started once, converting beside the building.

LibreOffice converts one document at a time and a report costs it about 1,5 s (its native charts
half of that), more than building the report. One LibreOffice for a batch of two workers made the
PDFs the run's bottleneck: the workers finished and waited while it converted report after
report. So a run keeps as many LibreOffices as it has workers (one when the files are built one
after another), each with its own profile and started once (jobs.pdf.Converter), and hands each
built report to the first that is free, on a thread of the command: the command's own work
(committing, the next report of a sequential run, a Kanwil's consolidation) goes on meanwhile.
A report's PDF failing (hung, crashed, full disk) stays a warning on that report (pipeline.stage_pdf).
"""
from __future__ import annotations

import queue
from concurrent.futures import Future, ThreadPoolExecutor

from lkj_engine.jobs.pdf import TIMEOUT_SECONDS, Converter
from lkj_engine.jobs.pipeline import Outcome, stage_pdf


class Conversions:
    """`size` LibreOffices for one run; `close` (always, also when the run is interrupted) ends them."""

    def __init__(self, size: int, timeout: int | None = None) -> None:
        self._converters = [Converter(timeout=timeout or TIMEOUT_SECONDS) for _ in range(max(1, size))]
        # last in, first out: the LibreOffice that just finished takes the next report, so a second
        # one starts only when a report finds every started one busy
        self._free: queue.LifoQueue[Converter] = queue.LifoQueue()
        for converter in reversed(self._converters):
            self._free.put(converter)
        self._threads = ThreadPoolExecutor(max_workers=len(self._converters), thread_name_prefix="lkjip-pdf")

    def start(self) -> None:
        """Start the first LibreOffice now: its start-up overlaps the building of the first reports.
        The others start when a report finds the first one busy (a run whose LibreOffice keeps up
        needs no second), and a LibreOffice idle since its start never outlives a killed command
        with its profile left behind: whatever runs LibreOffice watches the command."""
        self._converters[0].start()

    def submit(self, outcome: Outcome, run_id: str) -> Future[Outcome]:
        """The staged report's PDF made by the first free LibreOffice; the future gives the outcome
        back once its PDF is staged (or its failure is a warning on it)."""
        def convert() -> Outcome:
            converter = self._free.get()
            try:
                stage_pdf(outcome, converter, run_id)
            finally:
                self._free.put(converter)
            return outcome

        return self._threads.submit(convert)

    def close(self, at_once: bool = False) -> None:
        """End every LibreOffice and remove its profile. `at_once` (the run was interrupted): kill
        them first, so a conversion in progress ends now, then wait for the threads."""
        if at_once:
            for converter in self._converters:
                converter.close(at_once=True)
        self._threads.shutdown(wait=True, cancel_futures=True)
        for converter in self._converters:  # again: removes what a thread began while they closed
            converter.close(at_once=at_once)
