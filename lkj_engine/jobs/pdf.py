"""PDF through LibreOffice: find it where Windows, macOS or Linux put it, convert headless.

Each conversion runs LibreOffice with its own throw-away profile (``-env:UserInstallation``): a
running LibreOffice of the user, or a second conversion in a parallel worker, would otherwise lock
the shared profile and make ``soffice --headless`` exit silently without writing anything.

Tables of contents: when a Python with LibreOffice's ``uno`` module is available (LibreOffice's own
``program/python`` on Windows and macOS, the system ``python3`` with ``python3-uno`` on Linux), the
document is opened through UNO, every index (Daftar Isi, Daftar Tabel, Daftar Gambar) and field is
updated, and the PDF is exported from that state, so page numbers in the lists are right. Otherwise
the plain ``--convert-to pdf`` path prints the lists as the .docx caches them (headings without page
numbers); Word fills them itself when the .docx is opened (``updateFields``).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TIMEOUT_SECONDS = 240
ENV_OVERRIDE = "LKJIP_SOFFICE"  # full path to soffice(.exe) when it lives somewhere unusual

INSTALL_MESSAGE = (
    "LibreOffice tidak ditemukan, jadi PDF tidak dibuat (berkas .docx tetap ditulis). "
    "Untuk membuat PDF, pasang LibreOffice dari https://www.libreoffice.org/download/ "
    "(Windows/macOS) atau `sudo apt-get install libreoffice-writer-nogui` (Debian/Ubuntu), "
    f"lalu jalankan lagi dengan --pdf. Jika LibreOffice terpasang di lokasi lain, isi variabel "
    f"lingkungan {ENV_OVERRIDE} dengan path lengkap ke soffice."
)


class PdfError(Exception):
    """A conversion that did not produce a PDF; the message is Indonesian and shown to the user."""


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


def _uno_python(soffice: Path) -> list[str] | None:
    """A Python that can `import uno` and drive this LibreOffice, or None."""
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
    """Convert `docx` to ``out_dir/<stem>.pdf``; raises PdfError with a message for the clerk."""
    soffice = soffice or find_soffice()
    if soffice is None:
        raise PdfError(INSTALL_MESSAGE)
    docx = Path(docx).resolve()
    out_dir = Path(out_dir).resolve()
    target = out_dir / (docx.stem + ".pdf")
    with tempfile.TemporaryDirectory(prefix="lkjip_lo_") as tmp:
        profile = Path(tmp) / "profile"
        uno_python = _uno_python(soffice)
        if uno_python:
            try:
                _convert_uno(uno_python, soffice, docx, target, profile, timeout)
                if target.is_file() and target.stat().st_size > 0:
                    return target
            except PdfError:
                pass  # fall back to the plain conversion below
            target.unlink(missing_ok=True)
        _convert_plain(soffice, docx, out_dir, profile, timeout)
    if not target.is_file() or target.stat().st_size == 0:
        target.unlink(missing_ok=True)
        raise PdfError("LibreOffice selesai tanpa menghasilkan PDF (berkas .docx tetap ditulis).")
    return target


def _run(cmd: list[str], timeout: int) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(cmd, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise PdfError(f"LibreOffice tidak selesai dalam {timeout} detik; PDF tidak dibuat.") from None
    except OSError as exc:
        raise PdfError(f"LibreOffice tidak dapat dijalankan ({exc}); PDF tidak dibuat.") from None


def _convert_plain(soffice: Path, docx: Path, out_dir: Path, profile: Path, timeout: int) -> None:
    cmd = [str(soffice), f"-env:UserInstallation={_profile_url(profile)}", "--headless", "--norestore",
           "--nolockcheck", "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)]
    done = _run(cmd, timeout)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
        raise PdfError("LibreOffice gagal membuat PDF" + (f": {detail[-1]}" if detail else "."))


def _convert_uno(python: list[str], soffice: Path, docx: Path, target: Path, profile: Path,
                 timeout: int) -> None:
    cmd = python + ["-c", _UNO_SCRIPT, str(soffice), _profile_url(profile), str(docx), str(target),
                    str(max(timeout - 15, 30))]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL, env=env)
    except (subprocess.TimeoutExpired, OSError) as exc:
        raise PdfError(str(exc)) from None
    if done.returncode != 0:
        raise PdfError(done.stderr.decode("utf-8", "replace")[-500:])


# Run by a Python that has LibreOffice's `uno` (not by our interpreter, which usually lacks it):
# start a private headless soffice, open the .docx, update every index and field, export the PDF.
# A watchdog kills soffice before the caller's timeout so no LibreOffice process is left behind.
_UNO_SCRIPT = r"""
import os, subprocess, sys, threading, time, uuid
import uno
from com.sun.star.beans import PropertyValue

soffice, profile_url, docx, target, limit = sys.argv[1:6]
pipe = "lkjip_" + uuid.uuid4().hex
proc = subprocess.Popen([soffice, "-env:UserInstallation=" + profile_url, "--headless", "--invisible",
                         "--norestore", "--nolockcheck", "--nodefault",
                         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def watchdog():
    time.sleep(float(limit))
    proc.kill()
    os._exit(3)

threading.Thread(target=watchdog, daemon=True).start()

def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p

try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    for _ in range(600):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            if proc.poll() is not None:
                raise SystemExit("soffice exited early")
            time.sleep(0.1)
    if ctx is None:
        raise SystemExit("no connection to soffice")
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(docx), "_blank", 0,
                                       (prop("Hidden", True), prop("UpdateDocMode", 0)))
    if doc is None:
        raise SystemExit("document did not load")
    try:
        doc.getTextFields().refresh()
        indexes = doc.getDocumentIndexes()
        for _round in range(2):  # twice: the lists' own length can move the page numbers
            for i in range(indexes.getCount()):
                indexes.getByIndex(i).update()
            doc.refresh()
        doc.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "writer_pdf_Export"),))
    finally:
        doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    try:
        proc.wait(timeout=20)
    except Exception:
        proc.kill()
"""
