"""`templat`: the blank workbook of a report year and a kind of office, written safely.

The year picks the profile (contract/profiles/*.toml) that pre-fills the indicator set; a year outside
every profile takes the nearest one and says so, as `periksa` will at Identitas Tahun.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lkj_engine.checks.year import profile_warning
from lkj_engine.contract.problems import Problem
from lkj_engine.contract.profile import Profile, default_report_year, profile_for
from lkj_engine.contract.schema import JENIS_SATKER
from lkj_engine.jobs.new_file import NotWritten, write_new
from lkj_engine.render.blank_workbook import template_name, write_template


@dataclass
class Blank:
    """What `write_blank` wrote: the file, its year and kind, the profile used and any warning."""

    path: Path
    tahun: int
    jenis: str
    profile: Profile
    problems: list[Problem] = field(default_factory=list)


def write_blank(target: Path | None = None, tahun: int | None = None, jenis: str = JENIS_SATKER[0],
                folder: Path | None = None) -> Blank:
    """Write the blank workbook to `target` (default `template_lkjip_[kanwil_]<tahun>.xlsx` in `folder`).

    Raises `NotWritten` (Indonesian message) when the target exists, is not .xlsx or has no folder.
    """
    if jenis not in JENIS_SATKER:
        raise NotWritten(f"jenis satker {jenis!r} tidak dikenal; pilih {' atau '.join(JENIS_SATKER)}.")
    tahun = tahun or default_report_year()
    target = Path(target) if target else Path(folder or Path.cwd()) / template_name(tahun, jenis)
    profile = profile_for(tahun)[0]
    write_new(target, lambda staged: write_template(staged, tahun=tahun, jenis=jenis, profile=profile))
    found = profile_warning(tahun)
    return Blank(path=target, tahun=tahun, jenis=jenis, profile=profile, problems=[found] if found else [])
