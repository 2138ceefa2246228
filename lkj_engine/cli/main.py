"""The command line (`python generate.py ...`): argument parsing and printing, nothing else.

Three commands share one entry point; the default one needs no command word, because a clerk
types (or drags onto jalankan.bat) just the workbook:

    python generate.py FILE_OR_FOLDER ... [-o DIR] [--pdf] [--pekerja N]
    python generate.py periksa FILE ... [--json]
    python generate.py templat [-o FILE]

Exit status (design.md): 0 every input produced its report (warnings allowed), 1 any input failed
or was skipped, 2 a wrong call. Every message is Indonesian, argparse's own included, and no
Python traceback ever reaches the clerk.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

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
  1  ada berkas yang gagal atau dilewati (misalnya laporan sedang dibuka di Word)
  2  perintah salah tulis"""


def _generate_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Membuat draf Laporan Kinerja (LKjIP, .docx) dari workbook Excel satker.\n"
                    "Satu berkas, beberapa berkas, atau folder (semua .xlsx di dalamnya).",
        epilog="Perintah lain:\n"
               f"  {PROG} periksa BERKAS ... [--json]   periksa workbook tanpa membuat laporan\n"
               f"  {PROG} templat [-o BERKAS]           tulis workbook kosong untuk diisi\n\n"
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
    return parser


def _periksa_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=f"{PROG} periksa", formatter_class=argparse.RawDescriptionHelpFormatter,
                     description="Memeriksa workbook (galat dan peringatan) tanpa membuat laporan.",
                     epilog="Status keluar: 0 semua workbook valid, 1 ada galat, 2 perintah salah tulis.")
    parser.add_argument("inputs", nargs="+", metavar="BERKAS", help="workbook .xlsx atau folder")
    parser.add_argument("--json", action="store_true",
                        help="cetak hasil pemeriksaan dan angka-angkanya sebagai JSON")
    return parser


def _default_template_name() -> str:
    """The name of the committed blank workbook (input_templates/template_lkjip_<TAHUN>.xlsx)."""
    from lkj_engine.render.blank_workbook import TAHUN

    return f"template_lkjip_{TAHUN}.xlsx"


def _templat_parser() -> argparse.ArgumentParser:
    default = _default_template_name()
    parser = _Parser(prog=f"{PROG} templat",
                     description="Menulis workbook kosong (dengan sheet Petunjuk) untuk diisi satker.")
    parser.add_argument("-o", "--output", metavar="BERKAS", default=default,
                        help=f"nama berkas tujuan (bawaan: {default} di folder ini)")
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


def main(argv: Sequence[str] | None = None) -> int:
    _setup_streams()
    if not sys.warnoptions:
        warnings.simplefilter("ignore")  # library deprecation chatter is not for the clerk
    args = list(sys.argv[1:] if argv is None else argv)
    err = _console(stderr=True)
    try:
        with _indonesian_argparse():
            if args and args[0] == "periksa":
                return _periksa(_periksa_parser().parse_args(args[1:]))
            if args and args[0] == "templat":
                return _templat(_templat_parser().parse_args(args[1:]))
            return _generate(_generate_parser().parse_args(args))
    except SystemExit as exc:  # argparse: --help (0) or a wrong call (2)
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
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
    found = _expand(ns.inputs, err)
    for note in found.notes:
        out.print(Text(note), soft_wrap=True)
    if not found.files:
        err.print(Text("Tidak ada workbook untuk diproses."))
        return 1
    out_dir = Path(ns.output)
    progress, advance = progress_bar(err, len(found.files))
    with progress:
        outcomes = run_batch(found.files, out_dir, pdf=ns.pdf, workers=ns.pekerja, on_progress=advance)
    print_summary(outcomes, out)
    all_ok = all(o.status == BERHASIL for o in outcomes) and not found.errors
    return 0 if all_ok else 1


def _periksa(ns: argparse.Namespace) -> int:
    from lkj_engine.checks.document import check_document, check_with_results, failed_document
    from lkj_engine.contract.problems import internal_reference

    out, err = _console(), _console(stderr=True)
    found = _expand(ns.inputs, err)
    checked: list[tuple[dict, Results | None]] = []
    for path in found.files:
        try:
            checked.append((check_document(path), None) if ns.json else check_with_results(path))
        except Exception as exc:  # a bug, not the clerk's: one line they can send
            message = (f"kesalahan internal saat memeriksa {path.name} ({type(exc).__name__}: {exc}; rujukan: "
                       f"{internal_reference(exc)}). Laporkan pesan ini kepada pengelola aplikasi.")
            checked.append((failed_document(path, message), None))
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


def _templat(ns: argparse.Namespace) -> int:
    from lkj_engine.render.blank_workbook import write_template

    out, err = _console(), _console(stderr=True)
    target = Path(ns.output)
    if target.suffix.lower() != ".xlsx":
        err.print(Text(f"galat: {target.name}: nama berkas harus berakhiran .xlsx."))
        return 1
    if target.exists():
        err.print(Text(f"galat: {target} sudah ada dan tidak ditimpa (mungkin workbook yang sudah "
                       "diisi). Pilih nama lain dengan -o."), soft_wrap=True)
        return 1
    if not target.parent.is_dir():
        err.print(Text(f"galat: folder {target.parent} tidak ditemukan."), soft_wrap=True)
        return 1
    staged = target.with_name(f".{target.stem}.{secrets.token_hex(4)}.tmp.xlsx")
    try:
        write_template(staged)
        os.replace(staged, target)
    finally:
        staged.unlink(missing_ok=True)
    out.print(Text(f"Workbook kosong ditulis: {target}. Isi sesuai sheet Petunjuk, lalu jalankan: "
                   f"{PROG} {target}"), soft_wrap=True)
    return 0
