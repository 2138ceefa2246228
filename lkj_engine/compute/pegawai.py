"""Staff composition: the counts of each Pegawai dimension and their totals."""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from lkj_engine.model.workbook import Pegawai
from lkj_engine.model.results import PegawaiDimensi


def dimensions(rows: Iterable[Pegawai]) -> list[PegawaiDimensi]:
    """One table per Dimensi, in the order the clerk listed them."""
    groups: dict[str, list[tuple[str, int]]] = {}
    for r in rows:
        groups.setdefault(r.dimensi, []).append((r.kategori, r.jumlah))
    return [PegawaiDimensi(d, items, sum(n for _, n in items)) for d, items in groups.items()]


def total(dims: list[PegawaiDimensi]) -> int | None:
    """The staff total: the one every dimension adds up to.

    When dimensions disagree (the checks warn), the total most dimensions share is used, the
    first-listed dimension breaking a tie, so the report prints one number everywhere.
    """
    if not dims:
        return None
    counts = Counter(d.total for d in dims)
    best = max(counts.values())
    return next(d.total for d in dims if counts[d.total] == best)
