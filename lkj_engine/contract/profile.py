"""Year profiles: what changes with a Renstra period or a Pedoman, as data (design.md, "Year profiles").

One TOML file per period in `profiles/` (read with the standard library's `tomllib`); the
workbook's Tahun picks the profile whose period holds it, else the nearest one (and the caller
warns at Identitas Tahun). Nothing year-specific lives in Python or in the Word template's text.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

PROFILES = Path(__file__).resolve().parent / "profiles"


@dataclass(frozen=True)
class Profile:
    """One Renstra period's data. `data` keeps every table of the file for the stages that read them."""

    periode: str
    tahun_awal: int
    tahun_akhir: int
    kementerian: str
    pedoman: str
    source: Path
    data: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def holds(self, tahun: int) -> bool:
        return self.tahun_awal <= tahun <= self.tahun_akhir

    def distance(self, tahun: int) -> int:
        return 0 if self.holds(tahun) else min(abs(tahun - self.tahun_awal), abs(tahun - self.tahun_akhir))


def read_profile(path: Path) -> Profile:
    """One profile file. Floats are refused by design: weights are written as strings, read as Decimal."""
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return Profile(periode=data["periode"], tahun_awal=int(data["tahun_awal"]), tahun_akhir=int(data["tahun_akhir"]),
                   kementerian=data["kementerian"], pedoman=data["pedoman"], source=path, data=data)


@lru_cache(maxsize=8)
def shipped_profiles(folder: Path = PROFILES) -> tuple[Profile, ...]:
    """Every profile in `folder`, oldest period first."""
    return tuple(sorted((read_profile(p) for p in folder.glob("*.toml")), key=lambda p: p.tahun_awal))


def profile_for(tahun: int, folder: Path = PROFILES) -> tuple[Profile, bool]:
    """The profile of `tahun`, and whether it really holds that year (False: the nearest one was taken)."""
    profiles = shipped_profiles(folder)
    best = min(profiles, key=lambda p: (p.distance(tahun), -p.tahun_awal))
    return best, best.holds(tahun)
