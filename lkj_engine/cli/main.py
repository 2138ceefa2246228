"""The command line (`python generate.py ...`): argument parsing and printing, nothing else.

Four commands share one entry point; the default one needs no command word, because a clerk
types (or drags onto jalankan.bat) just the workbook:

    python generate.py FILE_OR_FOLDER ... [-o DIR] [--pdf [--batas-pdf DETIK]] [--pekerja N] [--templat-word FILE.docx]
    python generate.py periksa FILE ... [--json]
    python generate.py templat [--tahun N] [--jenis Kanim|Kanwil] [-o FILE]
    python generate.py tahun-baru WORKBOOK [-o FILE]

Exit status (design.md): 0 every input produced its report (warnings allowed, a PDF that failed
included), 1 any input failed or was skipped, or Ctrl+C; 2 a wrong call; 128 + N when stopped by
signal N (143 for SIGTERM, 129 for SIGHUP), after the same clean-up as Ctrl+C. Every message is
Indonesian, argparse's own included, and no Python traceback ever reaches the clerk.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from lkj_engine.jobs.lifetime import skip_last_collection

if TYPE_CHECKING:
    from lkj_engine.model.results import Results

PROG = "python generate.py"
DEFAULT_OUT = "hasil"

# argparse's own strings (Python 3.11 msgids) in Indonesian; anything missing stays English.
_ARGPARSE_ID = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen",
    "options": "opsi",
    "optional arguments": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "expected one argument": "harus diikuti satu nilai",
    "expected at most one argument": "paling banyak diikuti satu nilai",
    "expected at least one argument": "harus diikuti paling sedikit satu nilai",
    "invalid %(type)s value: %(value)r": "nilai tidak sah: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": "opsi ambigu: %(option)s bisa berarti %(matches)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ignored explicit argument %r": "nilai %r tidak dipakai",
    "one of the arguments %s is required": "salah satu argumen ini wajib: %s",
    "unexpected option string: %s": "opsi tidak terduga: %s",
}


@contextlib.contextmanager
def _indonesian_argparse() -> Iterator[None]:
    """argparse looks its strings up through module globals at call time; swap them for our run."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = lambda text: _ARGPARSE_ID.get(text, text)  # type: ignore[attr-defined]
    argparse.ngettext = lambda singular, plural, n: (  # type: ignore[attr-defined]
        "harus diikuti %s nilai" if singular == "expected %s argument" else (singular if n == 1 else plural))
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: kesalahan: {message}\nBantuan: {PROG} --help\n")


class Stopped(KeyboardInterrupt):
    """SIGTERM/SIGHUP as Ctrl+C: every clean-up path written for Ctrl+C runs for it too."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[None]:
    """SIGTERM (Task Manager, `kill`) and SIGHUP (terminal closed) stop the run as Ctrl+C does;
    the handlers before are back afterwards (`main` may run inside another program)."""
    def stop(signum: int, frame: object) -> None:
        signal.signal(signum, signal.SIG_IGN)  # a second signal must not cut the clean-up short
        raise Stopped(signum)

    saved = {}
    for name in ("SIGTERM", "SIGHUP", "SIGBREAK"):
        if hasattr(signal, name):
            with contextlib.suppress(OSError, ValueError):  # ValueError: not the main thread
                saved[getattr(signal, name)] = signal.signal(getattr(signal, name), stop)
    try:
        yield
    finally:
        for signum, handler in saved.items():
            with contextlib.suppress(OSError, ValueError, TypeError):
                signal.signal(signum, handler)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} bukan bilangan bulat") from None
    if value < 1:
        raise argparse.ArgumentTypeError("paling sedikit 1")
    return value


_STATUS_HELP = """\
Status keluar:
  0  semua berkas menghasilkan laporan (peringatan boleh ada)
  1  ada berkas yang gagal atau dilewati (misalnya laporan sedang dibuka di Word), atau Ctrl+C
  2  perintah salah tulis
  143  dihentikan dengan SIGTERM (mis. kill); tidak ada berkas sementara yang tertinggal"""


def _generate_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Membuat draf Laporan Kinerja (LKjIP, .docx) dari workbook Excel satker.\n"
                    "Satu berkas, beberapa berkas, atau folder (semua .xlsx di dalamnya).",
        epilog="Perintah lain:\n"
               f"  {PROG} periksa BERKAS ... [--json]   periksa workbook tanpa membuat laporan\n"
               f"  {PROG} templat [--tahun N] [--jenis Kanim|Kanwil] [-o BERKAS]\n"
               "                                         tulis workbook kosong untuk diisi\n"
               f"  {PROG} tahun-baru WORKBOOK [-o BERKAS]\n"
               "                                         workbook tahun berikutnya dari workbook tahun ini\n\n"
               f"Contoh:\n  {PROG} input_templates/contoh_kanim_2025.xlsx\n"
               f"  {PROG} folder_kanim -o laporan --pdf\n\n" + _STATUS_HELP)
    parser.add_argument("inputs", nargs="+", metavar="BERKAS_ATAU_FOLDER",
                        help="workbook .xlsx atau folder berisi workbook")
    parser.add_argument("-o", "--output", metavar="FOLDER", default=DEFAULT_OUT,
                        help=f"folder tujuan laporan (bawaan: {DEFAULT_OUT}/)")
    parser.add_argument("--pdf", action="store_true",
                        help="buat juga PDF dengan LibreOffice (jika terpasang)")
    parser.add_argument("--pekerja", type=_positive_int, metavar="N", default=None,
                        help="jumlah proses paralel untuk 3 berkas atau lebih (bawaan: 2)")
    parser.add_argument("--batas-pdf", type=_positive_int, metavar="DETIK", default=None,
                        help=f"batas waktu LibreOffice per laporan dengan --pdf (bawaan: {_pdf_timeout_default()} "
                             "detik; juga variabel LKJIP_BATAS_PDF)")
    parser.add_argument("--templat-word", metavar="BERKAS.docx", default=None,
                        help="salinan templat Word yang diubah gayanya (Kanwil) untuk semua laporan; "
                             "mengalahkan isian Identitas Templat Word")
    return parser


def _pdf_timeout_default() -> int:
    from lkj_engine.jobs.pdf import TIMEOUT_SECONDS

    return TIMEOUT_SECONDS


def _periksa_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=f"{PROG} periksa", formatter_class=argparse.RawDescriptionHelpFormatter,
                     description="Memeriksa workbook (galat dan peringatan) tanpa membuat laporan.",
                     epilog="Status keluar: 0 semua workbook valid, 1 ada galat, 2 perintah salah tulis.")
    parser.add_argument("inputs", nargs="+", metavar="BERKAS", help="workbook .xlsx atau folder")
    parser.add_argument("--json", action="store_true",
                        help="cetak hasil pemeriksaan dan angka-angkanya sebagai JSON")
    return parser


def _year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} bukan tahun") from None
    if not 2000 <= value <= 2100:
        raise argparse.ArgumentTypeError(f"{value} bukan tahun laporan yang masuk akal (2000-2100)")
    return value


def _templat_parser() -> argparse.ArgumentParser:
    from lkj_engine.contract.profile import default_report_year
    from lkj_engine.contract.schema import JENIS_SATKER

    tahun = default_report_year()
    parser = _Parser(prog=f"{PROG} templat",
                     description="Menulis workbook kosong (dengan sheet Petunjuk) untuk diisi satker, berisi IKK "
                                 "dan komponennya menurut profil tahun itu.")
    parser.add_argument("--tahun", type=_year, metavar="N", default=tahun,
                        help=f"tahun laporan (bawaan: tahun lalu; di bulan Desember tahun berjalan: {tahun})")
    parser.add_argument("--jenis", type=lambda t: next((j for j in JENIS_SATKER if j.casefold() == t.casefold()), t),
                        choices=JENIS_SATKER, default=JENIS_SATKER[0],
                        help=f"jenis satker: {' atau '.join(JENIS_SATKER)} (bawaan: {JENIS_SATKER[0]})")
    parser.add_argument("-o", "--output", metavar="BERKAS", default=None,
                        help="nama berkas tujuan (bawaan: template_lkjip_<TAHUN>.xlsx, untuk Kanwil "
                             "template_lkjip_kanwil_<TAHUN>.xlsx, di folder ini)")
    return parser


def _tahun_baru_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=f"{PROG} tahun-baru", formatter_class=argparse.RawDescriptionHelpFormatter,
                     description="Membuat workbook tahun berikutnya dari workbook tahun ini yang sudah valid: "
                                 "identitas, IKK dan komponennya, risiko, pegawai, narasi, inovasi dan gambar "
                                 "dibawa; target, realisasi dan angka dikosongkan; realisasi tahun ini masuk "
                                 "sheet Riwayat IKK; Belanja, Sumber Dana, PNBP dan NKA tahun ini disimpan "
                                 "sebagai tahun lalu.",
                     epilog="Berkas yang sudah ada tidak pernah ditimpa. Status keluar: 0 ditulis, 1 tidak "
                            "ditulis (galat di workbook, berkas sudah ada), 2 perintah salah tulis.")
    parser.add_argument("workbook", metavar="WORKBOOK", help="workbook .xlsx tahun ini (sudah valid)")
    parser.add_argument("-o", "--output", metavar="BERKAS", default=None,
                        help="nama berkas tujuan (bawaan: <nama>_<tahun+1>.xlsx di samping workbook)")
    return parser


def _setup_streams() -> None:
    """A plain Windows cmd window (cp437/cp850) must never crash on a character it cannot show."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]


def _console(stderr: bool = False) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else 120
    return Console(file=stream, highlight=False, emoji=False, width=width)


def command() -> int:
    """`main` as the clerk runs it (generate.py, the `lkjip` script): a process of its own, which
    then ends without the interpreter's last garbage collection (jobs.lifetime)."""
    skip_last_collection()
    return main()


def main(argv: Sequence[str] | None = None) -> int:
    _setup_streams()
    if not sys.warnoptions:
        warnings.simplefilter("ignore")  # library deprecation chatter is not for the clerk
    args = list(sys.argv[1:] if argv is None else argv)
    err = _console(stderr=True)
    try:
        with _indonesian_argparse(), _stop_on_signals():
            if args and args[0] == "periksa":
                return _periksa(_periksa_parser().parse_args(args[1:]))
            if args and args[0] == "templat":
                return _templat(_templat_parser().parse_args(args[1:]))
            if args and args[0] == "tahun-baru":
                return _tahun_baru(_tahun_baru_parser().parse_args(args[1:]))
            return _generate(_generate_parser().parse_args(args))
    except SystemExit as exc:  # argparse: --help (0) or a wrong call (2)
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except Stopped as stopped:
        name = signal.Signals(stopped.signum).name
        err.print(Text(f"Dihentikan ({name}). Tidak ada laporan setengah jadi yang tertinggal."))
        return 128 + stopped.signum
    except KeyboardInterrupt:
        err.print(Text("Dibatalkan. Tidak ada laporan setengah jadi yang tertinggal."))
        return 1
    except Exception as exc:  # the last net: a message, never a traceback
        err.print(Text(f"kesalahan internal: {type(exc).__name__}: {exc}. "
                       "Laporkan pesan ini kepada pengelola aplikasi."), soft_wrap=True)
        return 1


def _expand(inputs: list[str], err: Console):
    from lkj_engine.jobs.inputs import expand_inputs

    found = expand_inputs(inputs)
    for line in found.errors:
        err.print(Text(f"galat: {line}"), soft_wrap=True)
    return found


def _generate(ns: argparse.Namespace) -> int:
    from lkj_engine.cli.summary import print_summary, progress_bar
    from lkj_engine.jobs.batch import run_batch
    from lkj_engine.jobs.pipeline import BERHASIL

    out, err = _console(), _console(stderr=True)
    template = None
    if ns.templat_word:  # refused before any workbook is read
        from lkj_engine.jobs.pipeline import WordTemplateRefused, check_word_template
        try:
            template = check_word_template(Path(ns.templat_word))
        except WordTemplateRefused as exc:
            for problem in exc.problems:
                err.print(Text(f"galat: {problem.message}"), soft_wrap=True)
            return 1
    found = _expand(ns.inputs, err)
    for note in found.notes:
        out.print(Text(note), soft_wrap=True)
    if not found.files:
        err.print(Text("Tidak ada workbook untuk diproses."))
        return 1
    out_dir = Path(ns.output)
    pdf_timeout = ns.batas_pdf or _pdf_timeout_env(err)
    if pdf_timeout == 0:
        return 2
    progress, advance = progress_bar(err, len(found.files))
    with progress:
        outcomes = run_batch(found.files, out_dir, pdf=ns.pdf, workers=ns.pekerja, on_progress=advance,
                             template=template, pdf_timeout=pdf_timeout)
    print_summary(outcomes, out)
    all_ok = all(o.status == BERHASIL for o in outcomes) and not found.errors
    return 0 if all_ok else 1


def _pdf_timeout_env(err: Console) -> int | None:
    """LKJIP_BATAS_PDF when set (None when not; 0, after a message, when it is not a whole number)."""
    from lkj_engine.jobs.pdf import TIMEOUT_ENV

    text = os.environ.get(TIMEOUT_ENV, "").strip()
    if not text:
        return None
    try:
        return _positive_int(text)
    except argparse.ArgumentTypeError as exc:
        err.print(Text(f"kesalahan: variabel {TIMEOUT_ENV}={text!r}: {exc}; isi dengan jumlah detik, mis. 120"),
                  soft_wrap=True)
        return 0


def _periksa(ns: argparse.Namespace) -> int:
    from lkj_engine.checks.document import check_many

    out, err = _console(), _console(stderr=True)
    found = _expand(ns.inputs, err)
    checked = check_many(found.files)
    documents = [document for document, _ in checked]
    if ns.json:
        payload = documents[0] if len(documents) == 1 else documents
        encoding = (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "")
        text = json.dumps(payload, ensure_ascii=encoding != "utf8", indent=2)
        sys.stdout.write(text + "\n")
    else:
        for document, results in checked:
            _print_check(document, results, out)
    valid = all(d.get("valid") for d in documents)
    return 0 if documents and valid and not found.errors else 1


def _print_check(document: dict, results: Results | None, out: Console) -> None:
    """Problems from the document; figures from the Decimal results, formatted as the report does."""
    from lkj_engine.contract import formatting

    galat, peringatan = document.get("galat", []), document.get("peringatan", [])
    name = Path(document.get("berkas", "")).name
    state = "valid" if document.get("valid") else "TIDAK VALID"
    out.print(Text(f"{name}: {state} ({len(galat)} galat, {len(peringatan)} peringatan)",
                   style="green" if document.get("valid") else "bold red"), soft_wrap=True)
    for level, items in (("galat", galat), ("peringatan", peringatan)):
        for item in items:
            where = f"{item['sheet']}!{item['sel']}" if item.get("sheet") and item.get("sel") else (
                f"Sheet {item['sheet']}" if item.get("sheet") else "Berkas")
            out.print(Text(f"  {level:<10} {where}: {item['pesan']}"), soft_wrap=True)
    if "jajaran" in document:
        fed = ", ".join(x["nama_singkat"] for x in document["jajaran"] if x["valid"])
        kurang = ", ".join(document["jajaran_kurang"])
        out.print(Text(f"  Laporan gabungan jajaran: {fed or '-'}" + (f"; belum ada: {kurang}" if kurang else "")),
                  soft_wrap=True)
    if results is None or not results.ikk or not document.get("valid"):
        return  # an invalid workbook's figures may not even be printable
    table = Table(title_justify="left")
    for header in ("Kode", "Indikator", "Target", "Realisasi", "Capaian"):
        table.add_column(header, overflow="fold")
    for r in results.ikk:
        table.add_row(Text(r.ikk.kode), Text(r.ikk.nama), formatting.number(r.ikk.target),
                      formatting.number(r.realisasi), formatting.percent(r.capaian))
    out.print(table)
    out.print(Text(f"Rata-rata capaian kinerja: {formatting.percent(results.rata_capaian)}"))


def _print_problems(problems, out: Console) -> None:
    for p in problems:
        out.print(Text(f"  {p.level:<10} {p.where}: {p.message}"), soft_wrap=True)


def _templat(ns: argparse.Namespace) -> int:
    from lkj_engine.jobs.blank import write_blank
    from lkj_engine.jobs.new_file import NotWritten

    out, err = _console(), _console(stderr=True)
    try:
        blank = write_blank(Path(ns.output) if ns.output else None, tahun=ns.tahun, jenis=ns.jenis)
    except NotWritten as exc:
        err.print(Text(f"galat: {exc}"), soft_wrap=True)
        return 1
    _print_problems(blank.problems, out)
    out.print(Text(f"Workbook kosong {blank.jenis} tahun {blank.tahun} ditulis: {blank.path} (profil "
                   f"{blank.profile.periode}). Isi sesuai sheet Petunjuk, lalu jalankan: {PROG} {blank.path}"),
              soft_wrap=True)
    return 0


def _tahun_baru(ns: argparse.Namespace) -> int:
    from lkj_engine.jobs.new_file import NotWritten
    from lkj_engine.jobs.next_year import next_year

    out, err = _console(), _console(stderr=True)
    source = Path(ns.workbook)
    try:
        result = next_year(source, Path(ns.output) if ns.output else None)
    except NotWritten as exc:
        err.print(Text(f"galat: {exc}"), soft_wrap=True)
        return 1
    if not result.ok:
        err.print(Text(f"{source.name}: TIDAK VALID, workbook tahun berikutnya tidak dibuat. Perbaiki dulu:",
                       style="bold red"), soft_wrap=True)
        _print_problems(result.problems, err)
        return 1
    _print_problems(result.problems, out)
    out.print(Text(f"Workbook tahun {result.tahun} ditulis: {result.path}. Realisasi {result.tahun - 1} "
                   f"{len(result.riwayat)} IKK dicatat di sheet Riwayat IKK. Isi target, realisasi dan angka "
                   f"tahun {result.tahun}, lalu periksa: {PROG} periksa {result.path}"), soft_wrap=True)
    return 0
