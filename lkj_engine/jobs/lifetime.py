"""Nothing outlives the command: workers and LibreOffice notice a dead parent, clean up and exit.

A batch's parent may be stopped by Ctrl+C, by SIGTERM (Task Manager, `kill`, a closed terminal) or
killed outright (SIGKILL, out of memory). In the first two cases it stops its children itself; in
the last it cannot, so every child watches its parent: on Linux the kernel sends it SIGTERM when
the parent dies (``prctl(PR_SET_PDEATHSIG)``), and everywhere a thread polls the parent every half
second (the parent pid changes on POSIX; on Windows a handle to the parent is signalled). Then the
child removes its temporary files, ends what it started and exits.

`WATCH_SOURCE` is Python *source*, because the same watcher runs in three kinds of processes: batch
workers (this interpreter: `watch_parent` below), the small guard around a plain ``soffice`` and
the UNO server script (possibly LibreOffice's own, older Python), both in jobs.pdf.

Temporary names carry the pid of the run that made them (`run_token`), so a later run can remove
what a run that died without any child left behind (`stale_run`).

And a process that ends normally ends quickly (`skip_last_collection`).
"""
from __future__ import annotations

import atexit
import gc
import os
import re
import secrets
import shutil
import tempfile
from pathlib import Path
from typing import Callable

WATCH_SOURCE = r'''
import os as _os, signal as _signal, sys as _sys, threading as _threading, time as _time


def _parent_probe(parent):
    """A function telling whether `parent` has ended (POSIX: we were reparented)."""
    if _os.name != "nt":
        return lambda: _os.getppid() != parent
    import ctypes
    kernel = ctypes.windll.kernel32
    handle = kernel.OpenProcess(0x00100000, False, parent)  # SYNCHRONIZE
    if not handle:
        return lambda: True
    return lambda: kernel.WaitForSingleObject(handle, 0) == 0  # WAIT_OBJECT_0: it has ended


def watch_parent(parent, on_death, interval=0.5):
    """Call `on_death(parent_gone)` once, when `parent` ends or this process gets SIGTERM; it must exit."""
    gone = _parent_probe(parent)
    fired = _threading.Lock()

    def die(*_):
        if fired.acquire(False):
            on_death(gone())

    if _os.name != "nt":
        _signal.signal(_signal.SIGTERM, die)
    if _sys.platform.startswith("linux"):
        try:
            import ctypes
            ctypes.CDLL(None).prctl(1, int(_signal.SIGTERM), 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    def poll():
        while not gone():
            _time.sleep(interval)
        die()

    _threading.Thread(target=poll, daemon=True).start()


def end_group(child, leftovers):
    """Kill `child` with everything it started, remove `leftovers` (files, folders, globs), exit.

    On POSIX this process leads its own process group (its caller started it in a new session), so
    the group is everything LibreOffice started; SIGTERM first (this process ignores it), SIGKILL
    for whatever is left, this process included. Never the group of a process that is not its
    leader (that would be the caller's)."""
    import shutil, subprocess
    leader = _os.name != "nt" and _os.getpgid(0) == _os.getpid()
    try:
        if _os.name == "nt":
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(child.pid)], capture_output=True, timeout=30)
        elif leader:
            _signal.signal(_signal.SIGTERM, _signal.SIG_IGN)
            _os.killpg(_os.getpid(), _signal.SIGTERM)
        else:
            child.terminate()
        try:
            child.wait(timeout=5)
        except Exception:
            child.kill()
    except Exception:
        pass
    import glob
    for path in [p for entry in leftovers for p in (glob.glob(entry) if "*" in entry else [entry])]:
        try:
            if _os.path.isdir(path):
                shutil.rmtree(path, ignore_errors=True)
            elif path:
                _os.remove(path)
        except OSError:
            pass
    if leader:
        try:
            _os.killpg(_os.getpid(), _signal.SIGKILL)
        except OSError:
            pass
    _os._exit(1)
'''

_namespace: dict = {}
exec(compile(WATCH_SOURCE, "lkj_engine.jobs.lifetime.WATCH_SOURCE", "exec"), _namespace)  # noqa: S102

watch_parent: Callable[[int, Callable[[bool], None]], None] = _namespace["watch_parent"]
parent_probe: Callable[[int], Callable[[], bool]] = _namespace["_parent_probe"]


def pid_alive(pid: int) -> bool:
    """Whether a process `pid` runs (without ever signalling it: `os.kill(pid, 0)` kills on Windows)."""
    if pid <= 0:
        return False
    if os.name == "nt":
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ok = kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel.CloseHandle(handle)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but another user's
        return True
    return True


_skipping = False


def skip_last_collection() -> None:
    """At exit, spare the interpreter its last garbage collection: it walks every object the run
    left (pandas, lxml, the reports' trees), about 0,3 s of a 1,5 s command, only to free memory
    the operating system takes back anyway. For a process of its own only (the command, a batch
    worker), never for a caller of `main` in its own process: an object left in a reference cycle
    is then never collected, so a file it kept open unflushed would lose its last bytes. Ours are
    written and closed before the command ends, and exit handlers and weakref finalizers (a
    TemporaryDirectory's clean-up) still run."""
    global _skipping
    if not _skipping:
        _skipping = True
        atexit.register(_freeze)


def _freeze() -> None:
    gc.freeze()  # what is frozen is left out of every collection, the last one included


def run_token() -> str:
    """A run's id in temporary names: random, then ``p<pid>-`` so a later run knows whose they are."""
    return f"{secrets.token_hex(3)}p{os.getpid()}-"


_OWNER = re.compile(r"\.[0-9a-f]{6}p(\d+)-")
_FOLDER_OWNER = re.compile(r"^lkjip_(?:lo|pekerja)_(\d+)_")
TEMP_FOLDERS = ("lkjip_lo_*", "lkjip_pekerja_*")  # a LibreOffice profile, a worker's temporary folder


def stale_run(name: str) -> bool:
    """Whether the temporary file `name` belongs to a run whose process no longer exists."""
    found = _OWNER.search(name)
    return found is not None and int(found.group(1)) != os.getpid() and not pid_alive(int(found.group(1)))


def stale_folder(name: str) -> bool:
    """Whether a temporary folder ``lkjip_lo_<pid>_...``/``lkjip_pekerja_<pid>_...`` belongs to a process
    that is gone."""
    found = _FOLDER_OWNER.match(name)
    return found is not None and int(found.group(1)) != os.getpid() and not pid_alive(int(found.group(1)))


def remove_stale_folders() -> None:
    """The system temporary folder's LibreOffice profiles and worker folders of processes that died."""
    try:
        stale = [p for pattern in TEMP_FOLDERS for p in Path(tempfile.gettempdir()).glob(pattern)
                 if stale_folder(p.name)]
    except OSError:
        return
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)
