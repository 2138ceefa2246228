"""Where LibreOffice spends its time on one report, and what two LibreOffices at once would give.

    python3 tools/libreoffice_stages.py LAPORAN.docx [--ulang 5] [--sekaligus 2] [--tanpa-grafik]

Run it with a Python that has LibreOffice's ``uno`` module (LibreOffice's own Python, or on
Debian/Ubuntu the system ``python3`` with ``python3-uno``); it prints, for the report converted
--ulang times in one running LibreOffice the way ``--pdf`` does (lkj_engine/jobs/pdf_scripts.py:
open, refresh the fields, update the lists, write the PDF), the median seconds of each stage. With
--sekaligus N it then starts N LibreOffices side by side, each converting --ulang copies, and prints
the wall time (the slowest of them) against one LibreOffice converting N x --ulang; each LibreOffice
runs in a process of its own, as it would beside the workers. The first conversion of each
LibreOffice (a warm-up) is left out of the times.
--tanpa-grafik also times a copy of the report with its charts left out (what the native Word charts
cost LibreOffice). Plain Python 3.6 code, as LibreOffice's Python can be old.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


class Office:
    """One headless LibreOffice with a profile of its own, driven through UNO."""

    def __init__(self, root):
        self.pipe = "lkjip_stages_" + uuid.uuid4().hex
        profile = uno.systemPathToFileUrl(os.path.join(root, "profile"))
        self.proc = subprocess.Popen(
            ["soffice", "-env:UserInstallation=" + profile, "--headless", "--invisible", "--norestore",
             "--nolockcheck", "--nodefault", "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(1200):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                break
            except Exception:
                time.sleep(0.1)
        else:
            raise SystemExit("LibreOffice tidak siap")
        self.desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)

    def convert(self, docx, pdf):
        """Seconds of each stage: open, fields, lists, PDF."""
        t0 = time.perf_counter()
        doc = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(docx), "_blank", 0,
                                                (prop("Hidden", True), prop("UpdateDocMode", 0)))
        t1 = time.perf_counter()
        doc.getTextFields().refresh()
        t2 = time.perf_counter()
        indexes = doc.getDocumentIndexes()  # Daftar Isi last, as pdf_scripts.UNO_SERVER does
        found = [indexes.getByIndex(i) for i in range(indexes.getCount())]
        for index in sorted(found, key=lambda x: x.supportsService("com.sun.star.text.ContentIndex")):
            index.update()
        doc.refresh()
        t3 = time.perf_counter()
        doc.storeToURL(uno.systemPathToFileUrl(pdf), (prop("FilterName", "writer_pdf_Export"),))
        t4 = time.perf_counter()
        doc.close(True)
        return t1 - t0, t2 - t1, t3 - t2, t4 - t3

    def close(self):
        try:
            self.desktop.terminate()
        except Exception:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


_CHART = re.compile(rb"<w:drawing>(?:(?!</w:drawing>).)*?drawingml/2006/chart(?:(?!</w:drawing>).)*?</w:drawing>",
                    re.DOTALL)


def without_charts(docx, target):
    """A copy of the report whose chart drawings are left out (the chart parts stay, unused)."""
    with zipfile.ZipFile(docx) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            data = zin.read(name)
            zout.writestr(name, _CHART.sub(b"", data) if name == "word/document.xml" else data)
    return target


def report_stages(label, stages):
    names = ("buka .docx", "perbarui field", "perbarui daftar", "tulis PDF")
    print(label)
    for name, values in zip(names, zip(*stages)):
        print("  %-16s %.2f s" % (name, statistics.median(values)))
    print("  %-16s %.2f s" % ("satu laporan", statistics.median(sum(s) for s in stages)))


def run(docx, root, count, out=None):
    """Convert `count` + 1 times (the first is a warm-up) in a new LibreOffice; the stage times."""
    os.makedirs(root, exist_ok=True)
    docx = shutil.copy(docx, os.path.join(root, os.path.basename(docx)))  # a LibreOffice locks what it opens
    office = Office(root)
    try:
        office.convert(docx, os.path.join(root, "warm-up.pdf"))
        start = time.perf_counter()
        stages = [office.convert(docx, os.path.join(root, "%d.pdf" % i)) for i in range(count)]
        if out is not None:
            out.append(time.perf_counter() - start)
        return stages
    finally:
        office.close()


def main():
    parser = argparse.ArgumentParser(description="Tahap-tahap LibreOffice untuk satu laporan.")
    parser.add_argument("docx")
    parser.add_argument("--ulang", type=int, default=5)
    parser.add_argument("--sekaligus", type=int, default=0, help="jumlah LibreOffice yang berjalan bersamaan")
    parser.add_argument("--tanpa-grafik", action="store_true", help="juga salinan laporan tanpa grafik")
    parser.add_argument("--waktu-saja", action="store_true", help=argparse.SUPPRESS)
    ns = parser.parse_args()
    docx = os.path.abspath(ns.docx)
    root = tempfile.mkdtemp(prefix="lkjip_stages_")
    try:
        if ns.waktu_saja:  # one of the side-by-side LibreOffices: its wall time only
            wall = []
            run(docx, os.path.join(root, "a"), ns.ulang, wall)
            print("%.3f" % wall[0])
            return 0
        report_stages(os.path.basename(docx), run(docx, os.path.join(root, "a"), ns.ulang))
        if ns.tanpa_grafik:
            bare = without_charts(docx, os.path.join(root, "tanpa_grafik.docx"))
            report_stages("tanpa grafik", run(bare, os.path.join(root, "d"), ns.ulang))
        if ns.sekaligus > 1:
            one = []
            run(docx, os.path.join(root, "b"), ns.sekaligus * ns.ulang, one)
            # side by side: one process per LibreOffice (a UNO bridge per process), started together
            command = [sys.executable, os.path.abspath(__file__), docx, "--ulang", str(ns.ulang), "--waktu-saja"]
            procs = [subprocess.Popen(command, stdout=subprocess.PIPE, universal_newlines=True)
                     for _ in range(ns.sekaligus)]
            walls = [float(p.communicate()[0].split()[-1]) for p in procs]
            print("%d laporan, satu LibreOffice: %.2f s; %d LibreOffice sekaligus: %.2f s"
                  % (ns.sekaligus * ns.ulang, one[0], ns.sekaligus, max(walls)))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
