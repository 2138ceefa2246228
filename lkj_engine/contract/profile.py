"""Year profiles: what changes with a Renstra period or a Pedoman, as data (design.md, "Year profiles").

One TOML file per period in `profiles/` (read with the standard library's `tomllib`); the
workbook's Tahun picks the profile whose period holds it, else the nearest one (and the caller
warns at Identitas Tahun). Nothing year-specific lives in Python or in the Word template's text.

The typed part of a profile is what the other stages compute or pre-fill with: the IKK set and the
Komponen trees of a Kanim and of a Kanwil (`ikk_set(jenis)`, `komponen_set(jenis)`), the Layanan and
Anggaran rows of the blank workbook, the Satuan choices and the NKA weights. Their keys are the field
names of the workbook contract, so a row of the profile is a row of the sheet.
"""
from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

PROFILES = Path(__file__).resolve().parent / "profiles"
JENIS = ("Kanim", "Kanwil")  # = schema.JENIS_SATKER (schema reads this module, not the other way round)


class ProfileError(ValueError):
    """A profile file that does not follow this module's format: a developer's error, named by file and table."""


@dataclass(frozen=True)
class IkkDef:
    """One row of the IKK sheet as the profile pre-fills it."""

    sasaran_no: int
    sasaran: str
    kode: str
    nama: str
    satuan: str
    polaritas: str = "Positif"
    target: dict[int, Decimal] = field(default_factory=dict)  # the PK's target per year

    def row(self, tahun: int) -> dict[str, Any]:
        """The IKK row of the workbook of `tahun`: its target only when the profile knows that year's."""
        return _row(replace(self, target=None)) | ({"target": self.target[tahun]} if tahun in self.target else {})


@dataclass(frozen=True)
class KomponenDef:
    """One Komponen row: a node of an IKK's weighted tree (a leaf has Keterangan Pembilang)."""

    kode_ikk: str
    kode: str
    nama: str
    bobot: Decimal
    induk: str | None = None
    faktor: str | None = None
    maks_100: str | None = None
    ket_pembilang: str | None = None
    ket_penyebut: str | None = None
    sumber: str | None = None
    rekap_jajaran: str | None = None  # Kanwil: "Ya" = a regional figure summed over the jajaran

    def row(self) -> dict[str, Any]:
        return _row(self)


@dataclass(frozen=True)
class LayananDef:
    """A service of the Layanan sheet with its SOP duration."""

    kelompok: str
    jenis: str
    standar_waktu: int | None = None

    def row(self) -> dict[str, Any]:
        return _row(self)


@dataclass(frozen=True)
class AnggaranDef:
    """A DIPA programme and activity of the Anggaran sheet."""

    program: str
    kegiatan: str

    def row(self) -> dict[str, Any]:
        return _row(self)


@dataclass(frozen=True)
class NkaWeights:
    """Nilai Kinerja Perencanaan = cro·CRO + penggunaan_sbk·Penggunaan SBK + efisiensi_sbk·Efisiensi SBK."""

    cro: Decimal
    penggunaan_sbk: Decimal
    efisiensi_sbk: Decimal

    @property
    def rumus(self) -> str:
        """The formula as the clerk reads it, e.g. ``75% CRO + 10% Penggunaan SBK + 15% Efisiensi SBK``."""
        def pct(w: Decimal) -> str:
            return f"{(w * 100).normalize():f}".replace(".", ",") + "%"

        return (f"{pct(self.cro)} CRO + {pct(self.penggunaan_sbk)} Penggunaan SBK + "
                f"{pct(self.efisiensi_sbk)} Efisiensi SBK")


@dataclass(frozen=True)
class IkpaWeights:
    """Nilai Kinerja Pelaksanaan (IKPA) = Σ weight·component ÷ Σ weight over the components typed: an
    indicator without transactions (blank) leaves the denominator. Dispensasi SPM has no weight; it is a
    deduction by the Treasury's own rule, so a year with a dispensation is not recomputed."""

    revisi_dipa: Decimal
    deviasi: Decimal
    penyerapan: Decimal
    kontraktual: Decimal
    tagihan: Decimal
    up_tup: Decimal
    capaian_output: Decimal

    @property
    def rumus(self) -> str:
        """The weights as the clerk reads them, e.g. ``Revisi DIPA 10, Deviasi Halaman III DIPA 15, ...``."""
        from lkj_engine.contract.schema import NKA

        label = {c.field: c.header for c in NKA.columns}
        return ", ".join(f"{label[f.name]} {getattr(self, f.name).normalize():f}".replace(".", ",")
                         for f in fields(self))


@dataclass(frozen=True)
class IndicatorSet:
    """What a profile pre-fills for one kind of office."""

    ikk: tuple[IkkDef, ...] = ()
    komponen: tuple[KomponenDef, ...] = ()
    layanan: tuple[LayananDef, ...] = ()
    anggaran: tuple[AnggaranDef, ...] = ()


def _row(item: Any) -> dict[str, Any]:
    """The sheet row of a definition: its fields, without the empty ones."""
    return {k: v for k, v in asdict(item).items() if v is not None}


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
    satuan: tuple[str, ...] = ()
    nka_weights: NkaWeights | None = None
    ikpa_weights: IkpaWeights | None = None
    sets: dict[str, IndicatorSet] = field(default_factory=dict, compare=False, repr=False)

    def holds(self, tahun: int) -> bool:
        return self.tahun_awal <= tahun <= self.tahun_akhir

    def distance(self, tahun: int) -> int:
        return 0 if self.holds(tahun) else min(abs(tahun - self.tahun_awal), abs(tahun - self.tahun_akhir))

    def indicator_set(self, jenis: str) -> IndicatorSet:
        """Everything pre-filled for `jenis` (Kanim or Kanwil); an empty set when the file has none."""
        if jenis not in JENIS:
            raise ValueError(f"jenis satker {jenis!r}: pilih {' atau '.join(JENIS)}")
        return self.sets.get(jenis, IndicatorSet())

    def ikk_set(self, jenis: str) -> tuple[IkkDef, ...]:
        """The IKK of a Kanim or a Kanwil in this period, in PK order."""
        return self.indicator_set(jenis).ikk

    def komponen_set(self, jenis: str) -> tuple[KomponenDef, ...]:
        """The Komponen rows (every IKK's tree) of a Kanim or a Kanwil, parents before children."""
        return self.indicator_set(jenis).komponen


# ------------------------------------------------------------------------------------ reading --

def _decimal(value: Any, where: str) -> Decimal:
    """Weights and targets are strings ("90.80") or integers; a TOML float would round, so it is refused."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ProfileError(f"{where}: tulis angka desimal sebagai teks, mis. \"90.80\" (bukan {value!r})")
    try:
        return Decimal(str(value).strip())
    except InvalidOperation:
        raise ProfileError(f"{where}: {value!r} bukan angka") from None


def _per_year(value: Any, where: str) -> dict[int, Decimal]:
    """A value per year, { 2025 = "91", 2026 = "92" }, keyed by the year as a number."""
    if not isinstance(value, dict):
        raise ProfileError(f"{where}: tulis per tahun, mis. {{ 2025 = \"91\" }} (bukan {value!r})")
    out = {}
    for year, amount in value.items():
        if not str(year).isdigit():
            raise ProfileError(f"{where}: {year!r} bukan tahun")
        out[int(year)] = _decimal(amount, f"{where}.{year}")
    return out


def _items(cls: type, rows: Any, where: str) -> tuple[Any, ...]:
    """The rows of one `[[jenis.table]]` array as `cls`, checking the keys against its fields."""
    if rows is None:
        return ()
    if not isinstance(rows, list):
        raise ProfileError(f"{where}: harus berupa tabel berulang [[...]]")
    known = {f.name: f for f in fields(cls)}
    out = []
    for i, row in enumerate(rows, start=1):
        here = f"{where} #{i}"
        unknown = sorted(set(row) - set(known))
        if unknown:
            raise ProfileError(f"{here}: kunci tidak dikenal {', '.join(unknown)}")
        values = {}
        for key, value in row.items():
            kind = str(known[key].type)
            if kind.startswith("dict"):  # per year: { 2025 = "91" }
                values[key] = _per_year(value, f"{here}.{key}")
            else:
                values[key] = _decimal(value, f"{here}.{key}") if "Decimal" in kind else value
        try:
            out.append(cls(**values))
        except TypeError as exc:
            raise ProfileError(f"{here}: {exc}") from None
    return tuple(out)


def _indicator_set(table: dict[str, Any], where: str) -> IndicatorSet:
    return IndicatorSet(
        ikk=_items(IkkDef, table.get("ikk"), f"{where}.ikk"),
        komponen=_items(KomponenDef, table.get("komponen"), f"{where}.komponen"),
        layanan=_items(LayananDef, table.get("layanan"), f"{where}.layanan"),
        anggaran=_items(AnggaranDef, table.get("anggaran"), f"{where}.anggaran"),
    )


def read_profile(path: Path) -> Profile:
    """One profile file. Floats are refused by design: weights are written as strings, read as Decimal."""
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    name = path.name
    nka = data.get("nka")
    weights = None
    if nka is not None:
        weights = NkaWeights(**{f.name: _decimal(nka.get(f.name), f"{name} [nka].{f.name}")
                                for f in fields(NkaWeights)})
    ikpa = data.get("ikpa")
    ikpa_weights = None
    if ikpa is not None:
        ikpa_weights = IkpaWeights(**{f.name: _decimal(ikpa.get(f.name), f"{name} [ikpa].{f.name}")
                                      for f in fields(IkpaWeights)})
    sets = {jenis: _indicator_set(data[jenis.lower()], f"{name} [{jenis.lower()}]")
            for jenis in JENIS if jenis.lower() in data}
    return Profile(periode=data["periode"], tahun_awal=int(data["tahun_awal"]), tahun_akhir=int(data["tahun_akhir"]),
                   kementerian=data["kementerian"], pedoman=data["pedoman"], source=path, data=data,
                   satuan=tuple(data.get("satuan", ())), nka_weights=weights, ikpa_weights=ikpa_weights,
                   sets=sets)


@lru_cache(maxsize=8)
def _profiles_in(folder: Path) -> tuple[Profile, ...]:
    """The profiles of a folder, oldest first; two periods holding the same year would make Tahun ambiguous."""
    profiles = tuple(sorted((read_profile(p) for p in folder.glob("*.toml")), key=lambda p: p.tahun_awal))
    for earlier, later in zip(profiles, profiles[1:]):
        if later.tahun_awal <= earlier.tahun_akhir:
            raise ProfileError(f"{earlier.source.name} ({earlier.periode}) dan {later.source.name} ({later.periode}) "
                               "tumpang tindih; satu tahun hanya boleh masuk satu profil")
    for p in profiles:
        if p.tahun_akhir < p.tahun_awal:
            raise ProfileError(f"{p.source.name}: tahun_akhir {p.tahun_akhir} sebelum tahun_awal {p.tahun_awal}")
    return profiles


def shipped_profiles(folder: Path | None = None) -> tuple[Profile, ...]:
    """Every profile in `folder` (default: the shipped ones, `PROFILES` read at call time), oldest first."""
    return _profiles_in(Path(folder or PROFILES))


def profile_for(tahun: int, folder: Path | None = None) -> tuple[Profile, bool]:
    """The profile of `tahun`, and whether it really holds that year (False: the nearest one was taken)."""
    profiles = shipped_profiles(folder)
    best = min(profiles, key=lambda p: (p.distance(tahun), -p.tahun_awal))
    return best, best.holds(tahun)


def all_satuan(folder: Path | None = None) -> tuple[str, ...]:
    """Every Satuan any profile allows, in first-seen order: the loader accepts a workbook of any period."""
    seen: dict[str, None] = {}
    for p in shipped_profiles(folder):
        seen.update(dict.fromkeys(p.satuan))
    return tuple(seen)


def default_report_year(today: date | None = None) -> int:
    """The year a report is written for by default: the calendar year just ended (reports are due in
    January), except in December, when offices already prepare the report of the year about to end."""
    today = today or date.today()
    return today.year if today.month == 12 else today.year - 1
