"""Pictures the clerk names in the workbook (logo, org chart, map, Gambar sheet): found beside it, and sane.

A name is looked up in the workbook's folder (or a folder below it); a name that leaves it (an
absolute path, a drive, ``../``) is an error at its cell, so no picture from elsewhere on the PC
ends up in a report. A missing file is a warning (the report leaves the picture out). A file found
is probed from its header only (Pillow's lazy open, no decoding):

- a picture whose header claims more than `BOMB_PIXELS` (Pillow's own decompression-bomb limit,
  about 179 megapixels) is an error at its cell: decoding it could take gigabytes, and no camera
  takes such a photo;
- a merely large one (a 108-megapixel phone photo) is accepted; `picture_source` gives the render a
  copy scaled to `MAX_SIDE` pixels, so the report stays small and Word stays fast.

A file Pillow cannot identify is left to the render, which leaves it out with a warning at its cell.
"""
from __future__ import annotations

import io
import os
import warnings as py_warnings
from pathlib import Path, PureWindowsPath

from PIL import Image

from lkj_engine.contract.problems import Problem, error, warning
from lkj_engine.contract.schema import without_invisible

BOMB_PIXELS = 2 * (Image.MAX_IMAGE_PIXELS or 89_478_485)
LARGE_PIXELS = 25_000_000  # above it a picture is embedded scaled down
MAX_SIDE = 4000  # pixels of the longer side of a scaled copy: sharp at full page width when printed


def image_path(text: str, base: Path, sheet: str, cell: str | None, problems: list[Problem]) -> Path:
    """An image named beside the workbook; a missing file is a warning, a decompression bomb an error."""
    typed = text
    if os.sep == "/":
        text = text.replace("\\", "/")
    path = Path(text)
    if not path.is_absolute():
        path = base / path
    if not _inside(typed, path, base):
        problems.append(error(sheet, cell, f'gambar "{typed}" tidak berada di folder workbook ({base}); simpan '
                                           "gambarnya di folder itu dan tulis nama berkasnya saja, mis. logo.png",
                              kode="gambar-di-luar-folder"))
        return path
    if not path.is_file() and without_invisible(text) != text:  # a zero-width character pasted with the name
        path = path.with_name(without_invisible(path.name))
    if not path.is_file():
        problems.append(warning(sheet, cell, f'berkas gambar "{text}" tidak ditemukan di folder workbook '
                                             f"({base}); gambar tidak akan dicetak", kode="gambar-tidak-ada"))
        return path
    pixels = _pixels(path)
    if pixels is not None and pixels > BOMB_PIXELS:
        problems.append(error(sheet, cell, f'gambar "{text}" terlalu besar: {_mega(pixels)} megapiksel (batas '
                                           f"{_mega(BOMB_PIXELS)}); simpan ulang dengan ukuran lebih kecil, mis. lebar "
                                           f"{MAX_SIDE} piksel", kode="gambar-terlalu-besar"))
    return path


def _inside(text: str, path: Path, base: Path) -> bool:
    """Whether a picture name stays in the workbook's folder (or below it): no drive, no absolute
    path, no ``..`` out of it. Why: a report must only carry pictures the clerk put beside it."""
    if PureWindowsPath(text).drive or Path(text).is_absolute():
        return False
    try:
        return path.resolve().is_relative_to(base.resolve())
    except (OSError, ValueError):
        return False


def _mega(pixels: int) -> str:
    return f"{pixels / 1e6:,.0f}".replace(",", ".")


def _pixels(path: Path) -> int | None:
    """Width × height from the file's header, or None when Pillow cannot identify it."""
    try:
        with py_warnings.catch_warnings():
            py_warnings.simplefilter("ignore")
            original, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None  # only read the header here
            try:
                with Image.open(path) as im:
                    width, height = im.size
            finally:
                Image.MAX_IMAGE_PIXELS = original
    except Exception:  # noqa: BLE001 - not a picture: the render leaves it out with a warning
        return None
    return width * height


def picture_source(path: Path) -> str | io.BytesIO:
    """What the report embeds: the file itself, or, over `LARGE_PIXELS`, an in-memory copy `MAX_SIDE` wide.

    The copy keeps the format (JPEG stays JPEG, anything else becomes PNG); JPEGs are decoded at a
    reduced scale (`draft`), so even a large photo costs little memory.
    """
    pixels = _pixels(path)
    if pixels is None or pixels <= LARGE_PIXELS or pixels > BOMB_PIXELS:
        return str(path)
    with py_warnings.catch_warnings():
        py_warnings.simplefilter("ignore")
        with Image.open(path) as im:
            fmt = "JPEG" if im.format == "JPEG" else "PNG"
            if fmt == "JPEG":
                im.draft("RGB", (MAX_SIDE, MAX_SIDE))
            im.thumbnail((MAX_SIDE, MAX_SIDE))
            if fmt == "JPEG" and im.mode not in ("RGB", "L"):
                im = im.convert("RGB")
            out = io.BytesIO()
            im.save(out, fmt, **({"quality": 90} if fmt == "JPEG" else {}))
    out.seek(0)
    return out
