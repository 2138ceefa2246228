"""PDF through LibreOffice: find it where Windows, macOS or Linux put it, convert headless.

A LibreOffice started once for many reports (`Converter`): starting it costs about as much as
converting a report, so a run starts it once and hands it report after report (a batch keeps one
per worker: jobs.conversions). It runs with its own throw-away profile (``-env:UserInstallation``):
a running LibreOffice of the user, or a profile shared with another run, would otherwise lock it
and make ``soffice --headless`` exit silently without writing anything. Every document has its own
time limit: a LibreOffice that hangs on one report is killed (with everything it started), the
report is named in the message, and the next report gets a new LibreOffice.

Tables of contents: when a Python with LibreOffice's ``uno`` module is available (LibreOffice's own
``program/python`` on Windows and macOS, the system ``python3`` with ``python3-uno`` on Linux), a
small server script in that Python keeps the LibreOffice, opens each .docx through UNO, updates
every index (Daftar Isi, Daftar Tabel, Daftar Gambar) and field once (the .docx already holds every
entry, so one update gets the page numbers right), and exports the PDF from that state. Otherwise
the plain ``--convert-to pdf`` path (one LibreOffice start per report, the run's profile reused)
prints the lists as the .docx caches them (headings without page numbers); Word fills them itself
when the .docx is opened (``updateFields``).
"""
from __future__ import annotations

import functools
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from lkj_engine.jobs.pdf_scripts import GUARD as _GUARD
from lkj_engine.jobs.pdf_scripts import UNO_SERVER as _UNO_SERVER

TIMEOUT_SECONDS = 90  # per document; --batas-pdf DETIK or LKJIP_BATAS_PDF (cli) for a slow PC
TIMEOUT_ENV = "LKJIP_BATAS_PDF"
START_SECONDS = 120  # LibreOffice's own start, first run with a fresh profile included
ENV_OVERRIDE = "LKJIP_SOFFICE"  # full path to soffice(.exe) when it lives somewhere unusual

INSTALL_MESSAGE = (
    "LibreOffice tidak ditemukan, jadi PDF tidak dibuat (berkas .docx tetap ditulis). "
    "Untuk membuat PDF, pasang LibreOffice dari https://www.libreoffice.org/download/ "
    "(Windows/macOS) atau `sudo apt-get install libreoffice-writer-nogui` (Debian/Ubuntu), "
    f"lalu jalankan lagi dengan --pdf. Jika LibreOffice terpasang di lokasi lain, isi variabel "
    f"lingkungan {ENV_OVERRIDE} dengan path lengkap ke soffice."
)


def libreoffice_lock(path: Path) -> Path:
    """The lock file LibreOffice keeps beside a file it has open."""
    return path.with_name(f".~lock.{path.name}#")


class PdfError(Exception):
    """A conversion that did not produce a PDF; the message is Indonesian and shown to the user."""


class ConverterDied(PdfError):
    """LibreOffice (or the process running it) crashed or was killed while converting this report.
    LibreOffice never runs in the command's own process, so this cannot take the run down: only
    this PDF is lost, the .docx is kept."""


class PdfTimeout(PdfError):
    """LibreOffice did not finish this report within its time limit and was killed with its children."""


def _windows_candidates() -> list[Path]:
    found = []
    for var in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA"):
        base = os.environ.get(var)
        if not base:
            continue
        root = Path(base)
        if var == "LOCALAPPDATA":
            root = root / "Programs"
        found.append(root / "LibreOffice" / "program" / "soffice.exe")
    return found


def _mac_candidates() -> list[Path]:
    return [
        Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
        Path.home() / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice",
    ]


def find_soffice() -> Path | None:
    """The LibreOffice binary: the override variable, then PATH, then where installers put it."""
    override = os.environ.get(ENV_OVERRIDE)
    if override and Path(override).is_file():
        return Path(override)
    for name in ("soffice", "libreoffice"):
        hit = shutil.which(name)
        if hit:
            return Path(hit)
    candidates = _windows_candidates() if os.name == "nt" else []
    if sys.platform == "darwin":
        candidates += _mac_candidates()
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None


@functools.lru_cache(maxsize=None)
def _uno_python(soffice: Path) -> list[str] | None:
    """A Python that can `import uno` and drive this LibreOffice, or None. Probed once per process:
    the second LibreOffice of a batch (jobs.conversions) would otherwise repeat the same probe."""
    program = soffice.resolve().parent
    bundled = [program / "python.exe", program / "python", program.parent / "Resources" / "python"]
    for candidate in bundled:
        if candidate.is_file():
            return [str(candidate)]
    if os.name != "nt":
        system = shutil.which("python3")
        for candidate in filter(None, [system, "/usr/bin/python3"]):
            try:
                probe = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=30)
            except (OSError, subprocess.SubprocessError):
                continue
            if probe.returncode == 0:
                return [candidate]
    return None


def _profile_url(profile_dir: Path) -> str:
    return profile_dir.resolve().as_uri()


def convert_to_pdf(docx: Path, out_dir: Path, soffice: Path | None = None,
                   timeout: int = TIMEOUT_SECONDS) -> Path:
    """Convert one `docx` to ``out_dir/<stem>.pdf`` with a LibreOffice of its own; raises PdfError."""
    with Converter(soffice, timeout) as converter:
        return converter.convert(docx, out_dir)


class Converter:
    """One LibreOffice for many conversions; `close` (or the with-block) ends it and its profile.

    A conversion may run on another thread than `close` (jobs.conversions): what starts or
    registers a LibreOffice and what closes happen under one lock, so after `close` nothing new
    starts and whatever was running is killed (`at_once`) or ended."""

    def __init__(self, soffice: Path | None = None, timeout: int = TIMEOUT_SECONDS) -> None:
        self.soffice = soffice or find_soffice()
        self.timeout = timeout
        self._root: Path | None = None  # the profile's folder: removed by `close` (by each, if called again)
        self._uno: list[str] | None | bool = False  # False: not looked for yet
        self._server: _Server | None = None
        self._lock = threading.Lock()
        self._closed = False
        self._plain: list[subprocess.Popen] = []  # the plain conversion running, to kill from `close`

    def __enter__(self) -> Converter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def _profile(self) -> Path:
        """The run's LibreOffice profile (created on first use; never again once closed)."""
        self._refuse_if_closed()
        root = self._root
        if root is None:  # stale folders of dead runs: swept by run_batch, before any converter
            root = self._root = Path(tempfile.mkdtemp(prefix=f"lkjip_lo_{os.getpid()}_"))
        return root / "profile"

    def convert(self, docx: Path, out_dir: Path, name: str | None = None, sweep: Path | None = None) -> Path:
        """``out_dir/<stem of docx>.pdf``; `name` is how the message calls the report (its file name).
        Whatever stops it (a failure, a time limit, Ctrl+C) leaves no partial PDF and no lock file.
        `sweep`: a glob of the caller's staged files (this .docx and those waiting for their turn),
        which LibreOffice's watcher removes when the caller is killed mid-conversion: nothing else is
        left to."""
        if self.soffice is None:
            raise PdfError(INSTALL_MESSAGE)
        docx = Path(docx).resolve()
        target = Path(out_dir).resolve() / (docx.stem + ".pdf")
        try:
            return self._convert(docx, target, name or docx.name, sweep)
        except BaseException:
            for leftover in (target, libreoffice_lock(docx)):
                try:
                    leftover.unlink(missing_ok=True)
                except OSError:
                    pass
            raise

    def start(self) -> None:
        """Start LibreOffice now, without waiting for it: its start-up (about 2 s) then overlaps
        the building of the first reports instead of delaying the first PDF."""
        if self.soffice is None or self._closed:
            return
        if self._uno is False:
            self._uno = _uno_python(self.soffice)  # a probe of up to a few seconds: outside the lock
        with self._lock:
            if self._uno and self._server is None and not self._closed:
                try:
                    profile = self._profile
                    self._server = _Server(self._uno, self.soffice, profile, profile.parent)
                except PdfError:
                    self._uno = None  # this LibreOffice cannot be driven through UNO: plain from now on
                except OSError:  # no temporary folder (full disk): each report's PDF fails, and says so
                    pass

    def _forget(self, server: _Server, uno_too: bool = False) -> None:
        """`server` is dead or killed: the next report starts a new one (or, `uno_too`, goes plain)."""
        with self._lock:
            if self._server is server:
                self._server = None
                if uno_too:
                    self._uno = None

    def _convert(self, docx: Path, target: Path, name: str, sweep: Path | None) -> Path:
        self._refuse_if_closed(name)
        self.start()
        server = self._server  # this thread's reference: `close` may clear the attribute meanwhile
        if self._uno and server is not None:
            try:
                server.wait_ready()
            except PdfError:
                _kill_tree(server.proc)
                self._forget(server, uno_too=True)
                server = None
        if server is not None:
            try:
                server.convert(docx, target, self.timeout, name, sweep)
                if target.is_file() and target.stat().st_size > 0:
                    return target
            except _Hung as exc:  # killed: no point trying the same file again with a plain start
                self._forget(server)
                raise PdfTimeout(str(exc)) from None
            except PdfError:
                if not server.alive():
                    self._forget(server)
            target.unlink(missing_ok=True)  # fall back to the plain conversion below
        self._refuse_if_closed(name)
        _convert_plain(self.soffice, docx, target.parent, self._profile, self.timeout, name, sweep, self)
        if not target.is_file() or target.stat().st_size == 0:
            raise PdfError("LibreOffice selesai tanpa menghasilkan PDF (berkas .docx tetap ditulis).")
        return target

    def _refuse_if_closed(self, name: str = "") -> None:
        if self._closed:
            raise PdfError(f"PDF {name + ' ' if name else ''}tidak dibuat: proses dihentikan.")

    def track(self, proc: subprocess.Popen) -> None:
        """A plain conversion has started (`_run`): `close` kills it; already closed, it dies now."""
        with self._lock:
            if not self._closed:
                self._plain.append(proc)
                return
        _kill_tree(proc)

    def untrack(self, proc: subprocess.Popen) -> None:
        with self._lock:
            if proc in self._plain:
                self._plain.remove(proc)

    def close(self, at_once: bool = False) -> None:
        """End LibreOffice and remove its profile; `at_once` (the run was interrupted) kills it."""
        with self._lock:
            self._closed = True
            server, self._server = self._server, None
            plain = list(self._plain) if at_once else []
        for proc in plain:
            _kill_tree(proc)
        if server is not None:
            if at_once or not server.ready:  # interrupted, or started and never used: nothing to save
                _kill_tree(server.proc)
            else:
                server.close()
        if self._root is not None:  # again on a later close: what a thread made while this one closed
            shutil.rmtree(self._root, ignore_errors=True)


def _environment(root: Path) -> dict[str, str]:
    """Ours, with LibreOffice's temporary files (``lu*.tmp``) inside the run's folder `root`, which
    goes with the profile whatever happens (a killed LibreOffice cannot remove them itself)."""
    tmp = Path(root) / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    return {**os.environ, "TMPDIR": str(tmp), "TMP": str(tmp), "TEMP": str(tmp)}


class _Hung(Exception):
    """A conversion that did not finish in time; LibreOffice was killed."""


def _popen_group() -> dict:
    """Start a child in its own process group, so a hung LibreOffice is killed with its children."""
    if os.name == "nt":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def _kill_tree(proc: subprocess.Popen) -> None:
    try:
        if os.name == "nt":
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True, timeout=30)
        else:
            os.killpg(proc.pid, signal.SIGKILL)
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        proc.kill()
        proc.wait(timeout=10)
    except (OSError, subprocess.SubprocessError):
        pass


class _Server:
    """The UNO script below, running in LibreOffice's Python, with one soffice of its own."""

    def __init__(self, python: list[str], soffice: Path, profile: Path, root: Path) -> None:
        env = {k: v for k, v in _environment(root).items() if k not in ("PYTHONPATH", "PYTHONHOME")}
        args = [str(os.getpid()), str(soffice), str(root), _profile_url(profile)]  # root: removed if we die
        try:
            self.proc = subprocess.Popen(python + ["-c", _UNO_SERVER, *args],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL, env=env, text=True, encoding="utf-8",
                                         **_popen_group())
        except OSError as exc:
            raise PdfError(f"LibreOffice tidak dapat dijalankan ({exc}).") from None
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.ready = False  # LibreOffice starts while the workers build the first reports

    def wait_ready(self) -> None:
        """Block until LibreOffice answers that it is up (once)."""
        if self.ready:
            return
        try:
            self._answer(START_SECONDS, "")
        except _Hung:
            raise PdfError(f"LibreOffice tidak siap dalam {START_SECONDS} detik.") from None
        self.ready = True

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def _answer(self, timeout: float, name: str) -> dict:
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            _kill_tree(self.proc)
            raise _Hung(f"LibreOffice tidak selesai membuat PDF {name} dalam {int(timeout)} detik dan "
                        "dihentikan; PDF itu tidak dibuat (berkas .docx tetap ditulis).") from None
        if line is None:
            _kill_tree(self.proc)
            raise PdfError("LibreOffice berhenti mendadak.")
        answer = json.loads(line)
        if not answer.get("ok"):
            raise PdfError(answer.get("error") or "LibreOffice gagal membuat PDF.")
        return answer

    def convert(self, docx: Path, target: Path, timeout: float, name: str, sweep: Path | None = None) -> None:
        try:
            request = {"docx": str(docx), "pdf": str(target), "sweep": str(sweep) if sweep else ""}
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
        except OSError:
            _kill_tree(self.proc)
            raise PdfError("LibreOffice berhenti mendadak.") from None
        self._answer(timeout, name)

    def close(self) -> None:
        try:
            self.proc.stdin.close()  # the script ends soffice and exits
            self.proc.wait(timeout=30)
        except (OSError, subprocess.SubprocessError):
            _kill_tree(self.proc)


def _run(cmd: list[str], timeout: int, name: str, leftovers: list[Path],
         running: Converter | None = None) -> subprocess.CompletedProcess:
    """`cmd` under the guard, which removes `leftovers` (the first: the run's folder, where
    LibreOffice's temporary files go too) and ends LibreOffice should this process die. The guard
    is tracked by `running` while it runs, so its `close` on another thread can kill it."""
    proc = None
    guard = [sys.executable, "-c", _GUARD, str(os.getpid()), os.pathsep.join(map(str, leftovers))]
    try:
        proc = subprocess.Popen(guard + cmd, stdout=subprocess.PIPE, env=_environment(leftovers[0]),
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, **_popen_group())
        if running is not None:
            running.track(proc)
        out, err = proc.communicate(timeout=timeout)
        if proc.returncode < 0 or proc.returncode >= 128:  # the guard, or LibreOffice under it, killed
            _kill_tree(proc)
            raise ConverterDied(f"LibreOffice berhenti mendadak saat membuat PDF {name} (dihentikan dari luar "
                                "atau kehabisan memori); PDF itu tidak dibuat (berkas .docx tetap ditulis).")
        return subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    except subprocess.TimeoutExpired:
        _kill_tree(proc)
        raise PdfTimeout(f"LibreOffice tidak selesai membuat PDF {name} dalam {timeout} detik dan dihentikan; "
                         "PDF itu tidak dibuat (berkas .docx tetap ditulis).") from None
    except OSError as exc:
        raise PdfError(f"LibreOffice tidak dapat dijalankan ({exc}); PDF tidak dibuat.") from None
    except BaseException:  # Ctrl+C, SIGTERM: LibreOffice goes with the command
        if proc is not None:
            _kill_tree(proc)
        raise
    finally:
        if running is not None and proc is not None:
            running.untrack(proc)


def _convert_plain(soffice: Path, docx: Path, out_dir: Path, profile: Path, timeout: int, name: str,
                   sweep: Path | None = None, running: Converter | None = None) -> None:
    cmd = [str(soffice), f"-env:UserInstallation={_profile_url(profile)}", "--headless", "--norestore",
           "--nolockcheck", "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)]
    lock = libreoffice_lock(docx)
    done = _run(cmd, timeout, name, [profile.parent, out_dir / (docx.stem + ".pdf"), lock] + ([sweep] if sweep else []),
                running)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
        raise PdfError("LibreOffice gagal membuat PDF" + (f": {detail[-1]}" if detail else "."))
