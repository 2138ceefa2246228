"""How fast and how big: one report, a Kanwil batch with 1 and 2 workers, and the plain-docxtpl floor.

    python tools/benchmark.py [--n 6] [--ulang 3]

Scenarios (the example workbook input_templates/contoh_kanim_2025.xlsx):

- one report in this process (`pipeline.generate`), after one warm-up run: time is the median of
  --ulang runs; memory is the tracemalloc peak of Python allocations during one run;
- one report through the command (a new process, so Python start-up and imports count): what a
  clerk waits for;
- a batch of N copies (each with its own Nama Singkat, so N distinct reports) through the command
  with --pekerja 1 and --pekerja 2;
- the floor: the same Word template rendered by plain docxtpl with a context computed beforehand
  (`context.build_context` once, charts included), timing only
  ``DocxTemplate(template).render(context).save(path)``.

Memory of a command run is the maximum resident set size of the largest process involved (the
command or one of its workers; `resource.getrusage(RUSAGE_CHILDREN)`). Where the `resource` module
does not exist (Windows) that column shows "-". No external package is needed.
"""
from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

EXAMPLE = ROOT / "input_templates" / "contoh_kanim_2025.xlsx"
GENERATE = ROOT / "generate.py"

# Run a command and print the max RSS (KiB on Linux, bytes on macOS) of its largest process.
_RSS_WRAPPER = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
if done.returncode != 0:
    sys.stderr.write(done.stderr.decode("utf-8", "replace"))
    sys.exit(done.returncode)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def copy_as_office(src: Path, dst: Path, old: str, new: str) -> None:
    """The example with another Nama Singkat, changed in the xlsx's XML (cached values kept)."""
    pattern = re.compile(r"(<t(?: [^>]*)?>)" + re.escape(_escape(old)) + r"(</t>)")
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.endswith(".xml"):
                data = pattern.sub(lambda m: m.group(1) + _escape(new) + m.group(2),
                                   data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)


def run_command(args: list[str], cwd: Path) -> tuple[float, float | None]:
    """(seconds, MB of the largest process or None) of `python generate.py ARGS`."""
    command = [sys.executable, str(GENERATE), *args]
    try:
        import resource  # noqa: F401  (POSIX only)
        wrapped = [sys.executable, "-c", _RSS_WRAPPER, *command]
    except ImportError:
        wrapped = None
    start = time.perf_counter()
    done = subprocess.run(wrapped or command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"perintah gagal ({done.returncode}): {' '.join(args)}\n{done.stderr}")
    if not wrapped:
        return seconds, None
    raw = int(done.stdout.strip().splitlines()[-1])
    return seconds, raw / (1024 * 1024) if sys.platform == "darwin" else raw / 1024


def timed(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def peak_mb(fn) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    finally:
        tracemalloc.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description="Waktu dan memori pembuatan laporan LKjIP.")
    parser.add_argument("--n", type=int, default=6, help="jumlah salinan untuk skenario batch (bawaan 6)")
    parser.add_argument("--ulang", type=int, default=3, help="pengulangan untuk median waktu (bawaan 3)")
    ns = parser.parse_args()

    from docxtpl import DocxTemplate

    from lkj_engine.jobs import pipeline
    from lkj_engine.render.charts import make_charts
    from lkj_engine.checks.consistency import check
    from lkj_engine.render.context import build_context
    from lkj_engine.compute.engine import compute
    from lkj_engine.render.prose import as_data
    from lkj_engine.assets import WORD_TEMPLATE as TEMPLATE
    from lkj_engine.render.report import _place_images
    from lkj_engine.reading.loader import load_workbook

    rows: list[tuple[str, float, float | None]] = []
    with tempfile.TemporaryDirectory(prefix="lkjip_bench_") as tmp_name:
        tmp = Path(tmp_name)

        # one report, in process
        def one() -> None:
            outcome = pipeline.generate(EXAMPLE, tmp / "satu")
            if outcome.status != "berhasil":
                raise SystemExit(f"contoh gagal: {outcome.message}")

        one()  # warm-up: imports, matplotlib's font cache
        single = timed(one, ns.ulang)
        rows.append(("Satu laporan (dalam proses)", single, peak_mb(one)))

        # the floor: plain docxtpl with a context computed beforehand
        loaded = load_workbook(EXAMPLE)
        results = compute(loaded.workbook)
        problems = list(loaded.problems) + check(loaded.workbook, results)
        charts = make_charts(results, tmp / "grafik")
        context = build_context(results, charts, list(problems))

        def floor() -> float:
            """Seconds spent in DocxTemplate(...), .render(...) and .save(...) only."""
            start = time.perf_counter()
            tpl = DocxTemplate(str(TEMPLATE))
            paused = time.perf_counter()
            ready = as_data(_place_images(tpl, context, []))  # docxtpl needs images bound to tpl
            resumed = time.perf_counter()
            tpl.render(ready, autoescape=True)
            tpl.save(str(tmp / "lantai.docx"))
            return time.perf_counter() - start - (resumed - paused)

        floor()
        floor_time = statistics.median(floor() for _ in range(ns.ulang))
        rows.append(("Lantai: docxtpl saja (konteks siap)", floor_time, peak_mb(floor)))

        # through the command, new processes
        seconds, rss = run_command([str(EXAMPLE), "-o", str(tmp / "cli1")], tmp)
        rows.append(("Satu laporan (perintah, proses baru)", seconds, rss))

        folder = tmp / "batch"
        folder.mkdir()
        old = loaded.workbook.identitas.nama_singkat
        for i in range(1, ns.n + 1):
            copy_as_office(EXAMPLE, folder / f"kanim_{i:02d}.xlsx", old, f"{old} {i}")
        for workers in (1, 2):
            seconds, rss = run_command([str(folder), "-o", str(tmp / f"batch{workers}"),
                                        "--pekerja", str(workers)], tmp)
            made = len(list((tmp / f"batch{workers}").glob("LKjIP_*.docx")))
            if made != ns.n:
                raise SystemExit(f"batch dengan {workers} pekerja menulis {made} dari {ns.n} laporan")
            rows.append((f"Batch {ns.n} salinan, {workers} pekerja", seconds, rss))

    width = max(len(r[0]) for r in rows)
    print(f"{'Skenario':<{width}}  {'Waktu (s)':>9}  {'Memori puncak (MB)':>18}")
    print("-" * (width + 31))
    for name, seconds, mb in rows:
        shown = "-" if mb is None else f"{mb:.1f}"
        print(f"{name:<{width}}  {seconds:>9.2f}  {shown:>18}")
    print()
    print(f"Rasio satu laporan / lantai docxtpl: {single / floor_time:.2f}x")
    print("Memori: dalam proses = puncak alokasi Python (tracemalloc); perintah = RSS maksimum proses "
          "terbesar (perintah atau salah satu pekerjanya).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
