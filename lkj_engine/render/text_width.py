"""How wide a table's text prints: Arial's advance widths, so a column can give each word room.

The report's tables are set in Arial (layout.ooxml.FONT). These are Arial's widths for the printable
ASCII characters (space to "~"), in thousandths of the font size, as Liberation Sans (metric-compatible
with Arial) gives them; any other character counts as wide as "W", the widest letter, so an estimate
is never narrower than the print. A Kanwil's restyled template with another font gets the same room.
"""
from __future__ import annotations

from functools import lru_cache

_FIRST = 32
_REGULAR = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)
_BOLD = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
)
WIDEST = 944  # "W" in both weights


@lru_cache(maxsize=8192)  # a Data sheet repeats its words and figures down thousands of rows
def text_twips(text: str, size_pt: float, bold: bool = False) -> int:
    """The printed width of `text` in twentieths of a point (twips), rounded up."""
    table = _BOLD if bold else _REGULAR
    units = 0
    for ch in text:
        at = ord(ch) - _FIRST
        units += table[at] if 0 <= at < len(table) else WIDEST
    return -(-int(units * size_pt * 20) // 1000)


def longest_word_twips(text: str, size_pt: float, bold: bool = False) -> int:
    """The width of the longest word (split at spaces only: a word never breaks in a header)."""
    return max((text_twips(w, size_pt, bold) for w in text.split()), default=0)
