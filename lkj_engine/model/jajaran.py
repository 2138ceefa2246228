"""What a Kanwil's consolidated report adds: its jajaran (the Kanwil and every Kanim under it) side by side.

Built by `compute.jajaran.consolidate` from each satker's own `Results`; the renderer, the rekap
workbook and `periksa --json` only read it. Every JUMLAH is the exact sum of its rows and every
percentage of a JUMLAH is computed from those sums; a figure a satker did not give is None, never 0.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


from lkj_engine.model.results import BudgetLine, Results
from lkj_engine.model.workbook import Num

# The label of `Jajaran.rata_ikk` wherever it is printed (the table, its chart, the rekap): a mean over
# the IKK the satker share, so not the "rata-rata capaian kinerja" of a Kanim's own report, which
# counts its other IKK too.
RATA_IKK_LABEL = "Rata-rata capaian IKK Perjanjian Kinerja Kantor Wilayah"


@dataclass
class Satker:
    """One office of the jajaran with its own figures (the Kanwil's are its own, not the regional ones)."""

    nama: str
    nama_singkat: str
    jenis: str  # "Kanwil" / "Kanim"
    results: Results
    berkas: Path | None = None


@dataclass
class LeafShare:
    """One satker's Pembilang and Penyebut of a regional leaf, after its own Sumber was resolved."""

    satker: str  # Nama Singkat
    pembilang: Num
    penyebut: Num
    alasan: str | None = None  # why this satker's figures are missing
    komponen_ada: bool = True  # False: the satker's tree has no leaf of this Kode


@dataclass
class RegionalLeaf:
    """A `Rekap Jajaran = Ya` leaf: the Kanwil's own figures plus every Kanim's, summed."""

    kode_ikk: str
    kode: str
    nama: str
    shares: list[LeafShare]  # the Kanwil first, then the Kanim in Jajaran order
    pembilang: Num  # Σ shares; None if a Kanim's share is missing
    penyebut: Num
    alasan: str | None = None
    ket_pembilang: str | None = None
    ket_penyebut: str | None = None
    faktor: int = 1  # -1: a higher ratio lowers the index (the lowest ratio is the best)
    from_layanan: bool = False  # the Kanwil's Sumber of the leaf is a Layanan one: its share comes from its services

    @property
    def shown_shares(self) -> list[LeafShare]:
        """The rows a reader needs, in the report and the rekap alike: the Kanwil's own share is left
        out when it gave nothing (both blank, or 0 / 0 from services it does not have); the JUMLAH is
        unchanged. A 0 / 0 the Kanwil typed is its figure, and shown."""
        kanwil, *rest = self.shares
        figures = (kanwil.pembilang, kanwil.penyebut)
        if kanwil.alasan is None and (figures == (None, None) or self.from_layanan and figures == (0, 0)):
            return rest
        return list(self.shares)


@dataclass
class SatkerBelanja:
    """A satker's report-year budget by jenis belanja (None: that jenis is not in its Belanja sheet)."""

    satker: str
    lines: dict[str, BudgetLine | None]
    total: BudgetLine | None


@dataclass
class PnbpYear:
    """PNBP of the whole jajaran in one year: per satker and the JUMLAH."""

    tahun: int
    per_satker: dict[str, tuple[Num, Num]]  # Nama Singkat -> (target, realisasi); absent = no row
    target: Num  # None unless every satker with a row has a target
    realisasi: Num
    persen: Num


@dataclass
class SatkerNka:
    satker: str
    perencanaan: Num
    pelaksanaan: Num
    nka: Num


@dataclass
class LayananSatker:
    """One satker's service counts of one Kelompok (the K1/K2 inputs)."""

    satker: str
    diterima: int | None
    selesai: int | None  # terbit + ditolak + batal sistem
    sesuai_syarat: int | None
    tepat_waktu: int | None


@dataclass
class LayananKelompok:
    kelompok: str
    per_satker: list[LayananSatker]
    jumlah: LayananSatker  # satker = "Jumlah"


@dataclass
class IkkPerSatker:
    """One Kanwil IKK: the regional capaian and each satker's own capaian of the IKK of the same Kode."""

    kode: str
    nama: str
    regional: Num
    per_satker: dict[str, Num]  # Nama Singkat -> capaian (None: not computable or IKK absent)
    sasaran_no: int = 0  # the Kanwil's sasaran, so a column's average follows the report's rule
    wilayah: bool = False  # has Rekap Jajaran leaves: the regional figure is summed over the jajaran,
    #                        and the Kanwil's own figure does not apply (it is a regional number)


@dataclass
class Jajaran:
    """Everything the jajaran tables print."""

    satker: list[Satker]  # the Kanwil first
    leaves: list[RegionalLeaf]
    anggaran: list[tuple[str, BudgetLine]]  # per satker: Σ Anggaran of the report year
    anggaran_total: BudgetLine  # the jajaran budget (Kanwil + Kanim)
    belanja: list[SatkerBelanja]
    belanja_total: SatkerBelanja
    pnbp: list[PnbpYear]  # last year, then the report year (those with rows)
    nka: list[SatkerNka]  # satker with an NKA row for the report year
    nka_rata: SatkerNka  # means over those satker
    layanan: list[LayananKelompok]
    pegawai: list[tuple[str, int | None]]
    pegawai_total: int | None
    ikk: list[IkkPerSatker]
    # RATA_IKK_LABEL: the mean capaian of each column of the IKK table, over the IKK shown only (Nama Singkat ->
    # mean; None: no comparable mean) and of the Wilayah column; see compute.jajaran.rata_ikk.
    rata_ikk: dict[str, Num] = field(default_factory=dict)
    rata_wilayah: Num = None

    @property
    def nama_satker(self) -> list[str]:
        return [s.nama_singkat for s in self.satker]
