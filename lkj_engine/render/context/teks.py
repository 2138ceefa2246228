"""The year profile's boilerplate prose and citations (``[teks]``, ``[rujukan]``), with the office's names in.

The prose is data, not template code: each ``[teks]`` entry is a list of paragraphs or of list items with
``{placeholders}``; list items get the report's list ends here (``…;`` ``…; dan`` ``….``). A placeholder
the profile names but the report does not know is a bug in the profile and raises, naming it.
"""
from __future__ import annotations

from string import Formatter
from typing import Any, Mapping, TypedDict

from lkj_engine.contract.profile import Profile, shipped_profiles
from lkj_engine.render.context.cetak import punctuated
from lkj_engine.render.context.identitas import IdentitasContext, SatkerTeks

# [teks] entries that are list items (numbered by the template), not paragraphs.
DAFTAR = ("fungsi", "tujuan_laporan", "aspek_butir", "sistematika", "misi", "tujuan", "nka_komponen")
KANWIL = "_kanwil"  # suffix of an entry's variant for a Kanwil's report


class TeksContext(TypedDict):
    teks: dict[str, list[str]]  # by the profile's [teks] entry; its keys are data, not code


class UnknownPlaceholder(KeyError):
    """A {placeholder} in the profile's prose that the report cannot fill."""


class _Strict(dict):
    def __missing__(self, key: str) -> str:
        raise UnknownPlaceholder(f"teks profil memakai {{{key}}} yang tidak dikenal laporan")


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a prose template uses."""
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def fill(text: str, values: Mapping[str, str]) -> str:
    return text.format_map(_Strict(values))


def kedudukan(satker: SatkerTeks, ditjen: str, provinsi: str) -> tuple[str, str]:
    """(the office's place in the organisation, its kind) for the Tugas and Latar Belakang prose."""
    if satker["kanwil"]:
        return f"instansi vertikal {ditjen} di Provinsi {provinsi}", "instansi vertikal"
    induk = f" di bawah {satker['kanwil_induk']}" if satker["kanwil_induk"] else ""
    return f"Unit Pelaksana Teknis {ditjen}{induk}", "Unit Pelaksana Teknis"


def table(profile: Profile, name: str) -> dict[str, Any]:
    """A profile's ``[teks]``/``[rujukan]``, each entry it lacks taken from the newest shipped profile
    that has it: a period added without prose still renders every paragraph of the template."""
    merged: dict[str, Any] = {}
    for other in shipped_profiles():  # oldest first, so newer periods win, and `profile` last of all
        merged.update(other.data.get(name, {}))
    merged.update(profile.data.get(name, {}))
    return merged


def values_for(profile: Profile, identitas: IdentitasContext, nama_resmi: dict[str, str]) -> dict[str, str]:
    """Every placeholder's value for one report (`nama_resmi`: the ministry and the Pedoman in force)."""
    ditjen = table(profile, "teks").get("ditjen", "")
    satker = identitas["satker"]
    posisi, jenis = kedudukan(satker, ditjen, satker["provinsi"])
    values = {
        "satker": satker["nama"],
        "tahun": identitas["tahun"],
        "tahun_depan": identitas["tahun_depan"],
        "kementerian": nama_resmi["kementerian"],
        "pedoman": nama_resmi["pedoman"],
        "renstra": identitas["renstra"],
        "ditjen": ditjen,
        "kedudukan": posisi,
        "jenis_instansi": jenis,
    }
    for key, value in table(profile, "rujukan").items():
        values[key] = fill(value, values)
    return values


def teks_context(profile: Profile, identitas: IdentitasContext, nama_resmi: dict[str, str]) -> TeksContext:
    """``teks``: every boilerplate paragraph list of the profile, filled in and punctuated."""
    values = values_for(profile, identitas, nama_resmi)
    entries = table(profile, "teks")
    kanwil = bool(identitas["satker"]["kanwil"])
    out: dict[str, list[str]] = {}
    for key, entry in entries.items():
        if isinstance(entry, str) or key.endswith(KANWIL):
            continue  # a value for placeholders (ditjen), not prose; or a Kanwil variant, taken below
        if kanwil and key + KANWIL in entries:
            entry = entries[key + KANWIL]
        lines = [fill(line, values) for line in entry]
        out[key] = punctuated(lines) if key in DAFTAR else lines
    return {"teks": out}
