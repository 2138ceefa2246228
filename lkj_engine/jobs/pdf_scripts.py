"""The scripts jobs.pdf runs beside the command: the guard around a plain ``soffice`` and the UNO server.

Both run in a Python of their own (the UNO server in one that has LibreOffice's ``uno``, often
LibreOffice's own and older than ours: plain Python 3.6 code) and start LibreOffice in a process
group they lead. Both watch the command (jobs.lifetime): when it ends without closing them (killed,
out of memory) they kill LibreOffice with everything it started, remove the run's LibreOffice
profile and any PDF they began, and exit.
"""
from __future__ import annotations

from lkj_engine.jobs.lifetime import WATCH_SOURCE

# soffice runs under this small Python, never directly under the command: whatever kills the
# process that called LibreOffice kills this one, and the command sees it as a signal exit status.
# argv: the command's pid, the paths to remove if it dies (os.pathsep-joined), then soffice's argv.
GUARD = WATCH_SOURCE + r"""
import subprocess
_child = subprocess.Popen(_sys.argv[3:])
watch_parent(int(_sys.argv[1]), lambda parent_gone: end_group(_child, _sys.argv[2].split(_os.pathsep)))
_code = _child.wait()
_sys.exit(128 - _code if _code < 0 else _code)  # killed by signal N: 128 + N, as a shell says it
"""

# Run by a Python that has LibreOffice's `uno` (not by our interpreter, which usually lacks it):
# start a private headless soffice, then for each request line {"docx", "pdf", "sweep"} on stdin open the
# .docx, update every field and index once, export the PDF, answer one JSON line on stdout.
# End of stdin (the caller closed it, or died) ends soffice and the script.
UNO_SERVER = WATCH_SOURCE + r"""
import json, os, subprocess, sys, time, uuid
import uno
from com.sun.star.beans import PropertyValue

parent, soffice, profile_root, profile_url = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
leftovers = [profile_root]  # and every PDF begun: removed if the caller dies
pipe = "lkjip_" + uuid.uuid4().hex
proc = subprocess.Popen([soffice, "-env:UserInstallation=" + profile_url, "--headless", "--invisible",
                         "--norestore", "--nolockcheck", "--nodefault",
                         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
watch_parent(parent, lambda parent_gone: end_group(proc, leftovers))

def say(**answer):
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()

def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p

def convert(desktop, docx, target):
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(docx), "_blank", 0,
                                       (prop("Hidden", True), prop("UpdateDocMode", 0)))
    if doc is None:
        raise RuntimeError("document did not load")
    try:
        # the caption numbers (SEQ fields) first, so the lists of tables and figures take LibreOffice's
        # own count, not the numbers cached in the file; then the lists, for their page numbers.
        # Daftar Isi last: the lists of tables and figures may grow by a page when updated, which
        # moves the pages after them, and Daftar Isi must count with their final length.
        doc.getTextFields().refresh()
        indexes = doc.getDocumentIndexes()
        found = [indexes.getByIndex(i) for i in range(indexes.getCount())]
        for index in sorted(found, key=lambda x: x.supportsService("com.sun.star.text.ContentIndex")):
            index.update()
        doc.refresh()
        doc.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "writer_pdf_Export"),))
    finally:
        doc.close(True)

try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    for _ in range(1200):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            if proc.poll() is not None:
                break
            time.sleep(0.1)
    if ctx is None:
        say(ok=False, error="LibreOffice tidak dapat dimulai")
        raise SystemExit(2)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    say(ok=True)
    for line in sys.stdin:
        request = json.loads(line)
        leftovers.append(request["pdf"])  # and the lock file LibreOffice keeps beside the open .docx
        if request.get("sweep") and request["sweep"] not in leftovers:  # the caller's staged files (a glob)
            leftovers.append(request["sweep"])
        leftovers.append(os.path.join(os.path.dirname(request["docx"]), ".~lock." + os.path.basename(request["docx"]) + "#"))
        try:
            convert(desktop, request["docx"], request["pdf"])
            say(ok=True)
        except Exception as exc:
            say(ok=False, error="LibreOffice gagal membuat PDF: %s" % exc)
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
