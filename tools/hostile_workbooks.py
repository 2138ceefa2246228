"""Hostile workbooks built from the example (issue 13): small on disk, huge for a naive reader.

Each builder copies a workbook and rewrites one part of its zip, so no binary fixture is committed.
The tests (tests/test_bounded_reading.py) assert the answer each one gets; run this file to measure
time and peak memory of `load_workbook` on each, one fresh process per workbook:

    python tools/hostile_workbooks.py [WORKBOOK]      (default: the example)
"""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Callable

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "input_templates" / "contoh_kanim_2025.xlsx"
LAST_ROW, LAST_COLUMN = 1_048_576, "XFD"


def sheet_part(workbook: Path, sheet: str) -> str:
    """The zip member holding `sheet`'s XML."""
    book = openpyxl.load_workbook(workbook, read_only=True)
    try:
        return book[sheet]._worksheet_path.lstrip("/")
    finally:
        book.close()


def rewrite(source: Path, target: Path, member: str, change: Callable[[bytes], bytes]) -> Path:
    """`source` copied to `target` with zip member `member` replaced by `change(old bytes)`."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED,
                                                          compresslevel=6) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            out.writestr(info.filename, change(data) if info.filename == member else data)
    return target


def _before_sheet_data_end(extra: bytes) -> Callable[[bytes], bytes]:
    return lambda xml: xml.replace(b"</sheetData>", extra + b"</sheetData>", 1)


def _dimension(xml: bytes, ref: bytes) -> bytes:
    return re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="' + ref + b'"/>', xml, count=1)


def one_formatted_cell_at_the_bottom(source: Path, target: Path, sheet: str = "IKK") -> Path:
    """What Excel writes when a whole column is formatted: one styled empty cell at A1048576."""
    cell = f'<row r="{LAST_ROW}"><c r="A{LAST_ROW}" s="1"/></row>'.encode()
    return rewrite(source, target, sheet_part(source, sheet),
                   lambda xml: _dimension(_before_sheet_data_end(cell)(xml), f"A1:J{LAST_ROW}".encode()))


def formatted_rows_to_the_bottom(source: Path, target: Path, sheet: str = "IKK") -> Path:
    """Every row down to 1.048.576 formatted (a row style and one styled empty cell each)."""
    def change(xml: bytes) -> bytes:
        last = max(int(r) for r in re.findall(rb'<row r="(\d+)"', xml))
        rows = b"".join(b'<row r="%d" s="1" customFormat="1"><c r="A%d" s="1"/></row>' % (r, r)
                        for r in range(last + 1, LAST_ROW + 1))
        return _dimension(_before_sheet_data_end(rows)(xml), f"A1:J{LAST_ROW}".encode())
    return rewrite(source, target, sheet_part(source, sheet), change)


def styled_cell_at_the_far_right(source: Path, target: Path, sheet: str = "IKK") -> Path:
    """One styled empty cell at XFD2: the sheet's declared width becomes 16.384 columns."""
    def change(xml: bytes) -> bytes:
        row2 = re.search(rb'<row r="2"[^>]*>.*?</row>', xml, flags=re.S)
        assert row2 is not None
        new = row2.group(0)[:-len(b"</row>")] + b'<c r="XFD2" s="1"/></row>'
        return _dimension(xml[:row2.start()] + new + xml[row2.end():], f"A1:XFD{LAST_ROW}".encode())
    return rewrite(source, target, sheet_part(source, sheet), change)


def huge_string(source: Path, target: Path, characters: int = 100_000_000, sheet: str = "Narasi") -> Path:
    """One cell holding `characters` characters (a shared string): about 100 KB on disk."""
    def add_string(xml: bytes) -> bytes:
        count = xml.count(b"<si>")
        return xml.replace(b"</sst>", b"<si><t>" + b"a" * characters + b"</t></si></sst>"), count

    with zipfile.ZipFile(source) as zf:
        names = set(zf.namelist())
    if "xl/sharedStrings.xml" not in names:  # openpyxl writes inline strings: point one cell at a new table
        return _inline_huge_string(source, target, characters, sheet)
    return rewrite(source, target, "xl/sharedStrings.xml", lambda xml: add_string(xml)[0])


def _inline_huge_string(source: Path, target: Path, characters: int, sheet: str) -> Path:
    cell = f'<row r="{LAST_ROW}"><c r="C{LAST_ROW}" t="inlineStr"><is><t>'.encode() + b"a" * characters \
        + b"</t></is></c></row>"
    return rewrite(source, target, sheet_part(source, sheet), _before_sheet_data_end(cell))


def too_many_rows(source: Path, target: Path, rows: int, sheet: str = "Risiko") -> Path:
    """`rows` extra rows holding text below the data (a sheet the contract cannot print)."""
    def change(xml: bytes) -> bytes:
        last = max(int(r) for r in re.findall(rb'<row r="(\d+)"', xml))
        extra = b"".join(b'<row r="%d"><c r="Z%d" t="inlineStr"><is><t>catatan</t></is></c></row>' % (r, r)
                         for r in range(last + 1, last + 1 + rows))
        return _before_sheet_data_end(extra)(xml)
    return rewrite(source, target, sheet_part(source, sheet), change)


def zip_bomb(source: Path, target: Path, claimed: int = 5 * 1024 ** 3, sheet: str = "IKK") -> Path:
    """The example whose `sheet` member *declares* `claimed` bytes unpacked (central directory edited)."""
    shutil.copy(source, target)
    member = sheet_part(source, sheet).encode()
    data = bytearray(target.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, at + 28)
        if bytes(data[at + 46: at + 46 + name_len]) == member:
            struct.pack_into("<I", data, at + 24, 0xFFFFFFFF if claimed > 0xFFFFFFFE else claimed)
            break
        at = data.find(b"PK\x01\x02", at + 46 + name_len + extra_len + comment_len)
    target.write_bytes(bytes(data))
    return target


def deflate_bomb(target: Path, unpacked: int = 2 * 1024 ** 3) -> Path:
    """A real zip bomb: `unpacked` bytes of one sheet compressed to a few MB (written in chunks)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            chunk = b"<row/>" * (1024 * 1024 // 6)
            written = 0
            while written < unpacked:
                out.write(chunk)
                written += len(chunk)
    return target


def padded_sheet(source: Path, target: Path, padding: int = 1024 ** 3, sheet: str = "IKK") -> Path:
    """A real zip bomb inside a workbook: `padding` bytes of whitespace in `sheet`'s XML (about 1 MB on disk)."""
    member = sheet_part(source, sheet)
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename != member:
                out.writestr(info.filename, data)
                continue
            head, tail = data.split(b"</sheetData>", 1)
            with out.open(member, "w", force_zip64=True) as fh:
                fh.write(head)
                block = b" " * (8 * 1024 * 1024)
                for _ in range(padding // len(block)):
                    fh.write(block)
                fh.write(b"</sheetData>" + tail)
    return target


BUILDERS: dict[str, Callable[[Path, Path], Path]] = {
    "sel-berformat-di-A1048576": one_formatted_cell_at_the_bottom,
    "baris-berformat-sampai-1048576": formatted_rows_to_the_bottom,
    "sel-berformat-di-XFD2": styled_cell_at_the_far_right,
    "teks-100-juta-karakter": huge_string,
    "bom-zip-ukuran-diklaim-5GB": zip_bomb,
    "bom-zip-1GB-di-sheet-IKK": padded_sheet,
}


# Run in a fresh process from the project root, so the project's own `lkj_engine` is measured.
MEASURE = """
import re, sys, time
from pathlib import Path
from lkj_engine.reading.loader import load_workbook
start = time.perf_counter()
result = load_workbook(Path(sys.argv[1]))
seconds = time.perf_counter() - start
status = open("/proc/self/status").read()  # VmHWM: this process's peak, not the parent's (ru_maxrss is)
peak = int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) / 1024
first = next((p.kode for p in result.problems if p.level == "galat"), "valid" if result.valid else "?")
print(f"{seconds:.2f}\t{peak:.0f}\t{first}")
"""


def measure(path: Path) -> subprocess.CompletedProcess:
    """`load_workbook(path)` in a fresh process: stdout is "seconds<TAB>peak MB<TAB>first error code"."""
    return subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, cwd=ROOT)


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else EXAMPLE
    folder = Path("/tmp") / "lkjip_hostile"
    folder.mkdir(exist_ok=True)
    print("workbook\tMB di disk\tdetik\tpuncak MB\thasil")
    for name, build in {"contoh": lambda s, t: Path(shutil.copy(s, t)), **BUILDERS}.items():
        path = build(source, folder / f"{name}.xlsx")
        proc = measure(path)
        size = path.stat().st_size / 1024 ** 2
        print(f"{name}\t{size:.2f}\t{proc.stdout.strip() or proc.stderr.strip()[-200:]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
