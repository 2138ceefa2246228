"""How fast and how big: each stage of one report, the floors it is measured against, batches, PDF.

    python tools/benchmark.py [--ulang 5] [--n 8] [--n-pdf 6] [--tanpa-pdf] [--baris 5000,20000]

Everything runs on the example workbook input_templates/contoh_kanim_2025.xlsx and this folder's
code (the project root goes first on the import path, whatever is installed). Times are medians of
--ulang runs (at least 5 for figures worth quoting; the machine is noisy).

Floors, the least any implementation on this stack could cost:

- bare import of the stack: a new Python process importing every third-party package the command
  needs (pandas, openpyxl, docxtpl/python-docx/Jinja2, Pillow, babel, num2words, rich, and python-pptx's chart
  writer with XlsxWriter), and nothing of ours;
- plain docxtpl: the same Word template rendered by docxtpl alone with a context computed
  beforehand (``DocxTemplate(template).render(context).save(path)``);
- one openpyxl read of the workbook (``openpyxl.load_workbook``, saved values).

Stages of one report, in this process after a warm-up: read, compute + checks, charts, context,
and the rest of `render_report` (docxtpl, captions/contents/table widths, save). Commands run as
new processes, so start-up and imports count: one report, a batch of --n copies with 1 and 2
workers, and --n-pdf copies with and without --pdf, beside one LibreOffice start (``soffice
--headless --convert-to pdf`` of an empty document with a fresh profile). --baris times one report with a
``Data`` sheet of that many rows (in process, from the typed workbook, so the reader is not part of
it), and runs the command on the example with a sheet ``Data Besar`` of the same rows. Memory of a
command is the maximum RSS of its largest process (POSIX only; "-" elsewhere); in process it is the
tracemalloc peak of one run.

Every new process runs with Python's bytecode cache, as on a clerk's computer (pip compiles the
packages it installs; Python caches our modules on the first run): a development shell that sets
PYTHONDONTWRITEBYTECODE would otherwise make each command compile this package again (0,15 s)
while the floor's packages come compiled. The cache goes to a temporary PYTHONPYCACHEPREFIX,
filled by a warm-up run, so the checkout is left as it was.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout, not an installed copy of the package

EXAMPLE = ROOT / "input_templates" / "contoh_kanim_2025.xlsx"
GENERATE = ROOT / "generate.py"

STACK_IMPORT = ("import pandas, numpy, openpyxl, docxtpl, docx, jinja2, PIL.Image, babel.numbers, "
                "num2words, rich.console, rich.table, xlsxwriter, pptx.chart.xmlwriter, pptx.chart.chart, "
                "pptx.chart.data")

# Run a command and print the max RSS (KiB on Linux, bytes on macOS) of its largest process.
_RSS_WRAPPER = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
if done.returncode != 0:
    sys.stderr.write(done.stderr.decode("utf-8", "replace"))
    sys.exit(done.returncode)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

Row = tuple[str, float, "float | None"]

# new processes: bytecode cached (see the module docstring); the prefix is set in main()
PROCESS_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


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


DATA_HEADER = ("No", "Jenis", "Jumlah", "Keterangan")


def data_rows(count: int) -> list[list[str]]:
    return [[str(i), f"Paspor jenis {i % 7}", f"{i * 3}", "selesai"] for i in range(count)]


def with_data_sheet(src: Path, dst: Path, count: int) -> None:
    """The example with a sheet ``Data Besar`` of `count` rows (header in row 1, as the blank's)."""
    import openpyxl

    book = openpyxl.load_workbook(src)
    sheet = book.create_sheet("Data Besar")
    sheet.append(list(DATA_HEADER))
    for no, jenis, jumlah, keterangan in data_rows(count):  # the numbers typed as numbers
        sheet.append([int(no), jenis, int(jumlah), keterangan])
    book.save(dst)


def run_process(command: list[str], cwd: Path) -> tuple[float, float | None]:
    """(seconds, MB of the largest process or None) of one command."""
    try:
        import resource  # noqa: F401  (POSIX only)
        wrapped = [sys.executable, "-c", _RSS_WRAPPER, *command]
    except ImportError:
        wrapped = None
    start = time.perf_counter()
    done = subprocess.run(wrapped or command, cwd=cwd, capture_output=True, text=True, env=PROCESS_ENV)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"perintah gagal ({done.returncode}): {' '.join(command)}\n{done.stderr}")
    if not wrapped:
        return seconds, None
    raw = int(done.stdout.strip().splitlines()[-1])
    return seconds, raw / (1024 * 1024) if sys.platform == "darwin" else raw / 1024


def median_process(make_command: Callable[[int], list[str]], cwd: Path, repeat: int,
                   before: Callable[[int], None] | None = None) -> tuple[float, float | None]:
    """Median seconds and the largest memory over `repeat` runs (`before(i)` prepares run i)."""
    samples, rss = [], []
    for i in range(repeat):
        if before:
            before(i)
        seconds, mb = run_process(make_command(i), cwd)
        samples.append(seconds)
        if mb is not None:
            rss.append(mb)
    return statistics.median(samples), max(rss) if rss else None


def timed(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def peak_mb(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    finally:
        tracemalloc.stop()


def decimal_id(value: float, places: int) -> str:
    """A figure the Indonesian way (decimal comma), as every figure of the README is written."""
    return f"{value:.{places}f}".replace(".", ",")


def generate_command(*args: str) -> list[str]:
    return [sys.executable, str(GENERATE), *args]


def main() -> int:
    parser = argparse.ArgumentParser(description="Waktu dan memori pembuatan laporan LKjIP.")
    parser.add_argument("--ulang", type=int, default=5, help="pengulangan untuk median waktu (bawaan 5)")
    parser.add_argument("--n", type=int, default=8, help="jumlah salinan untuk skenario batch (bawaan 8)")
    parser.add_argument("--n-pdf", type=int, default=6, help="jumlah salinan untuk skenario --pdf (bawaan 6)")
    parser.add_argument("--tanpa-pdf", action="store_true", help="lewati skenario --pdf")
    parser.add_argument("--baris", default="5000,20000",
                        help="jumlah baris sheet Data untuk uji skala, dipisah koma; kosong = lewati")
    ns = parser.parse_args()
    repeat = max(1, ns.ulang)

    from docxtpl import DocxTemplate

    from lkj_engine.assets import WORD_TEMPLATE
    from lkj_engine.checks.consistency import check
    from lkj_engine.compute.engine import compute
    from lkj_engine.jobs import batch
    from lkj_engine.model.workbook import DataTable
    from lkj_engine.reading.loader import load_workbook
    from lkj_engine.render import report
    from lkj_engine.render.charts import make_charts
    from lkj_engine.render.context import build_context
    from lkj_engine.render.prose import as_data

    rows: list[Row] = []
    figures: dict[str, float] = {}

    def add(key: str, name: str, seconds: float, mb: float | None = None) -> None:
        figures[key] = seconds
        rows.append((name, seconds, mb))

    with tempfile.TemporaryDirectory(prefix="lkjip_bench_") as tmp_name:
        tmp = Path(tmp_name)
        PROCESS_ENV["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        run_process(generate_command(str(EXAMPLE), "-o", str(tmp / "warm-up")), tmp)  # fills the cache

        # ---- floors
        seconds, mb = median_process(lambda _i: [sys.executable, "-c", STACK_IMPORT], tmp, repeat)
        add("import", "Lantai: impor paket saja (proses baru)", seconds, mb)

        import openpyxl
        openpyxl.load_workbook(EXAMPLE)
        add("openpyxl", "Lantai: satu kali baca openpyxl", timed(lambda: openpyxl.load_workbook(EXAMPLE), repeat))

        loaded = load_workbook(EXAMPLE)
        results = compute(loaded.workbook)
        problems = list(loaded.problems) + check(loaded.workbook, results)
        charts = make_charts(results)
        context = build_context(results, charts, list(problems))

        def floor() -> float:
            """Seconds spent in DocxTemplate(...), .render(...) and .save(...) only."""
            start = time.perf_counter()
            tpl = DocxTemplate(str(WORD_TEMPLATE))
            paused = time.perf_counter()
            ready = as_data(report._place_images(tpl, context, []))  # images must be bound to tpl
            resumed = time.perf_counter()
            tpl.render(ready, autoescape=True)
            tpl.save(str(tmp / "lantai.docx"))
            return time.perf_counter() - start - (resumed - paused)

        floor()
        add("docxtpl", "Lantai: docxtpl saja (konteks siap)", statistics.median(floor() for _ in range(repeat)),
            peak_mb(floor))

        # ---- stages of one report, in process
        def one() -> None:
            outcome = batch.generate(EXAMPLE, tmp / "satu")
            if outcome.status != "berhasil":
                raise SystemExit(f"contoh gagal: {outcome.message}")

        one()  # warm-up: imports, the template cache
        add("inproc", "Satu laporan (dalam proses)", timed(one, repeat), peak_mb(one))
        add("s_read", "  tahap: baca workbook", timed(lambda: load_workbook(EXAMPLE), repeat))
        add("s_compute", "  tahap: hitung + periksa",
            timed(lambda: check(loaded.workbook, compute(loaded.workbook)), repeat))
        add("s_charts", "  tahap: grafik", timed(lambda: make_charts(results), repeat))
        add("s_context", "  tahap: konteks", timed(lambda: build_context(results, charts, []), repeat))
        whole_render = timed(lambda: report.render_report(results, problems, tmp / "r.docx"), repeat)
        add("s_docx", "  tahap: docx (render, daftar isi, simpan)",
            max(whole_render - figures["s_charts"] - figures["s_context"], 0.0))

        # ---- commands, new processes
        seconds, mb = median_process(lambda i: generate_command(str(EXAMPLE), "-o", str(tmp / f"cli{i}")),
                                     tmp, repeat)
        add("command", "Satu laporan (perintah, proses baru)", seconds, mb)

        folder = tmp / "batch"
        folder.mkdir()
        old = loaded.workbook.identitas.nama_singkat
        for i in range(1, max(ns.n, ns.n_pdf) + 1):
            copy_as_office(EXAMPLE, folder / f"kanim_{i:02d}.xlsx", old, f"{old} {i}")
        pictures = sorted(EXAMPLE.parent.glob("contoh_*.png"))  # the example's logo and pictures

        def with_pictures(target: Path) -> None:
            for picture in pictures:
                shutil.copy(picture, target / picture.name)
        with_pictures(folder)

        def batch_folder(count: int) -> Path:
            sub = tmp / f"batch_{count}"
            if not sub.exists():
                sub.mkdir()
                for f in sorted(folder.glob("*.xlsx"))[:count]:
                    shutil.copy(f, sub / f.name)
                with_pictures(sub)
            return sub

        for workers in (1, 2):
            out = tmp / f"out_b{workers}"
            seconds, mb = median_process(
                lambda i: generate_command(str(batch_folder(ns.n)), "-o", str(out / str(i)),
                                           "--pekerja", str(workers)), tmp, repeat)
            made = len(list((out / "0").glob("LKjIP_*.docx")))
            if made != ns.n:
                raise SystemExit(f"batch dengan {workers} pekerja menulis {made} dari {ns.n} laporan")
            add(f"batch{workers}", f"Batch {ns.n} salinan, {workers} pekerja", seconds, mb)

        from lkj_engine.jobs.pdf import find_soffice
        soffice = find_soffice()
        if not ns.tanpa_pdf and soffice is not None:
            from docx import Document
            blank = tmp / "kosong.docx"
            Document().save(str(blank))

            def lo_start(i: int) -> list[str]:
                profile = (tmp / f"lo_profile_{i}").resolve().as_uri()
                return [str(soffice), f"-env:UserInstallation={profile}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(tmp / f"lo_out_{i}"), str(blank)]
            add("lo_start", "LibreOffice: sekali mulai (profil baru, dokumen kosong)",
                median_process(lo_start, tmp, repeat)[0])
            src = batch_folder(ns.n_pdf)
            for pdf in (False, True):
                out = tmp / f"out_pdf{int(pdf)}"
                seconds, mb = median_process(
                    lambda i: generate_command(str(src), "-o", str(out / str(i)), "--pekerja", "2",
                                               *(["--pdf"] if pdf else [])), tmp, repeat)
                if pdf and len(list((out / "0").glob("LKjIP_*.pdf"))) != ns.n_pdf:
                    raise SystemExit("batch --pdf tidak menulis semua PDF")
                add(f"pdf{int(pdf)}", f"Batch {ns.n_pdf} salinan, 2 pekerja" + (", --pdf" if pdf else ""),
                    seconds, mb)

        # ---- a large Data sheet: as the clerk runs it (the command on a workbook with that sheet), and
        # the render alone, whose cost per 1.000 rows shows it stays linear in table rows
        counts = sorted(int(c) for c in ns.baris.split(",") if c.strip())
        for count in counts:
            book = tmp / f"data_{count}.xlsx"
            with_data_sheet(EXAMPLE, book, count)
            seconds, mb = median_process(lambda i: generate_command(str(book), "-o", str(tmp / f"data{count}_{i}")),
                                         tmp, min(repeat, 3))
            add(f"cmd_rows{count}", f"Perintah: workbook dengan sheet Data {count} baris", seconds, mb)
        for count in counts:
            workbook = load_workbook(EXAMPLE).workbook
            workbook.data_tables.append(DataTable("Data Besar", "Besar", list(DATA_HEADER), data_rows(count)))
            big = compute(workbook)

            def render_big() -> None:
                report.render_report(big, [], tmp / "besar.docx")
            add(f"rows{count}", f"Render dalam proses, tabel Data {count} baris", timed(render_big, min(repeat, 3)),
                peak_mb(render_big))

    width = max(len(r[0]) for r in rows)
    print(f"| {'Skenario':<{width}} | {'Waktu (s)':>9} | {'Memori puncak (MB)':>18} |")
    print(f"|{'-' * (width + 2)}|{'-' * 10}:|{'-' * 19}:|")
    for name, seconds, mb in rows:
        shown = "-" if mb is None else decimal_id(mb, 1)
        print(f"| {name:<{width}} | {decimal_id(seconds, 2):>9} | {shown:>18} |")
    print()
    ratios = [("perintah / impor paket", "command", "import", 1.6),
              ("dalam proses / docxtpl saja", "inproc", "docxtpl", 2.0),
              (f"batch {ns.n} (2 pekerja) / satu laporan (perintah)", "batch2", "command", 4.5)]
    lines = [(name, figures[a] / figures[b], target) for name, a, b, target in ratios]
    if "pdf1" in figures:
        lines.append((f"batch {ns.n_pdf} --pdf / (tanpa --pdf + satu mulai LibreOffice)",
                      figures["pdf1"] / (figures["pdf0"] + figures["lo_start"]), 1.5))
    if len(counts) >= 2:
        lines.append((f"perintah dengan sheet Data {counts[-1]} baris / {counts[0]} baris",
                      figures[f"cmd_rows{counts[-1]}"] / figures[f"cmd_rows{counts[0]}"], 3.0))
    for name, value, target in lines:
        print(f"Rasio {name}: {decimal_id(value, 2)}× (sasaran ≤ {decimal_id(target, 1)}×)")
    if len(counts) >= 2:  # without the command's fixed cost: 4x the rows, at most 4x the time when linear
        print(f"Rasio render dalam proses {counts[-1]} baris / {counts[0]} baris: "
              f"{decimal_id(figures[f'rows{counts[-1]}'] / figures[f'rows{counts[0]}'], 2)}× "
              f"(linear: paling banyak {counts[-1] / counts[0]:g}×)")
    print(f"Render tanpa sheet Data: {decimal_id(whole_render, 2)} s")
    for count in counts:  # linear: the same cost per row at every size
        per_1000 = (figures[f"rows{count}"] - whole_render) / count * 1000
        print(f"Render: {decimal_id(per_1000, 3)} s per 1.000 baris Data di atasnya (pada {count} baris)")
    print(f"Median dari {repeat} kali (perintah dan render dengan sheet Data besar: {min(repeat, 3)} kali). "
          "Memori: dalam proses = puncak alokasi Python (tracemalloc); perintah = "
          "RSS maksimum proses terbesar (perintah atau salah satu pekerjanya).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
