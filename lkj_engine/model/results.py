"""What the engine computes from a Workbook: every figure of the report, once, at full precision.

The renderer and `periksa --json` only read these objects; they never compute. A value that cannot
be computed is `None` together with a reason (`*_alasan`) in Indonesian, which the report prints
instead of a number.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from lkj_engine.model.workbook import IKK, Num, Workbook

if TYPE_CHECKING:  # model.jajaran builds on these classes
    from lkj_engine.model.jajaran import Jajaran



@dataclass
class Node:
    """A node of a composite index, with the inputs it was computed from (for the formula blocks)."""

    kode: str
    nama: str
    bobot: Decimal  # weight relative to the parent, 0-100
    nilai: Num  # the node's value (after factor and cap), None = not computable
    alasan: str | None = None  # why nilai is None
    jenis: str = "induk"  # "induk" (weighted sum) / "rasio" / "nilai" (typed)
    pembilang: Num = None
    penyebut: Num = None
    faktor: int = 1
    maks_100: bool = False
    dibatasi: bool = False  # True when the cap of 100 was applied
    nilai_mentah: Num = None  # ratio x 100 x faktor before the cap
    ket_pembilang: str | None = None
    ket_penyebut: str | None = None
    sumber: str | None = None
    children: list["Node"] = field(default_factory=list)
    row: int = 0


@dataclass
class YearPoint:
    """One earlier (or the current) year of an IKK, for the year-by-year table."""

    tahun: int
    target: Num
    realisasi: Num
    capaian: Num
    capaian_alasan: str | None = None


@dataclass
class IkkResult:
    ikk: IKK
    realisasi: Num  # the typed Realisasi, else the Komponen tree's value
    realisasi_dari_komponen: bool
    capaian: Num
    capaian_alasan: str | None = None
    tree: list[Node] = field(default_factory=list)  # top-level components (empty without Komponen rows)
    # the tree's own value, printed in its formula block even when a typed Realisasi overrides it
    realisasi_komponen: Num = None
    realisasi_komponen_alasan: str | None = None
    riwayat: list[YearPoint] = field(default_factory=list)  # earlier years, oldest first
    # change of realisasi / capaian against the latest earlier year, in points
    perubahan_realisasi: Num = None
    perubahan_capaian: Num = None
    vs_jangka_menengah: Num = None  # realisasi / target_jm x 100
    vs_jangka_menengah_alasan: str | None = None
    vs_standar_nasional: Num = None  # realisasi / standar x 100
    vs_standar_nasional_alasan: str | None = None
    # the national figure's own capaian (standar_nasional / target_standar_nasional), when both are typed
    capaian_standar_nasional: Num = None
    selisih_standar_nasional: Num = None  # realisasi - standar, in the IKK's unit


@dataclass
class SasaranResult:
    no: int
    nama: str
    ikk: list[IkkResult]
    rata_capaian: Num
    rata_alasan: str | None = None
    pagu: Num = None  # Σ Anggaran rows linked by No Sasaran
    realisasi_anggaran: Num = None
    persen_anggaran: Num = None


@dataclass
class BudgetLine:
    """A pagu/realisasi pair with its percentage (Anggaran row, jenis belanja, sumber dana, total)."""

    label: str
    pagu: Decimal
    realisasi: Num
    persen: Num
    tahun: int | None = None
    blokir: Num = None
    persen_blokir: Num = None  # blokir / pagu x 100
    sasaran_no: int | None = None
    program: str | None = None
    row: int = 0
    # a DIPA kegiatan typed on several Anggaran rows (one per sasaran it serves): those rows, whose exact
    # sums this line holds; empty for a single row
    bagian: list["BudgetLine"] = field(default_factory=list)


@dataclass
class SasaranBudget:
    """One sasaran's group of the BAB III.B realisation table: its Anggaran rows and their exact sums."""

    no: int | None  # None: the rows without a No Sasaran
    nama: str | None  # the sasaran's name from the IKK sheet; None when that sheet has no such number
    lines: list[BudgetLine]  # Anggaran rows, sheet order
    total: BudgetLine


@dataclass
class BelanjaYear:
    tahun: int
    lines: list[BudgetLine]  # in the order Pegawai, Barang, Modal (those present)
    total: BudgetLine


@dataclass
class BelanjaChange:
    jenis: str
    persen_lalu: Num
    persen_ini: Num
    perubahan: Num  # percentage points, ini - lalu


@dataclass
class PnbpResult:
    tahun: int
    target: Num
    realisasi: Decimal
    persen: Num
    persen_alasan: str | None = None
    pertumbuhan: Num = None  # realisasi growth vs previous year, %


@dataclass
class NkaResult:
    tahun: int
    perencanaan: Num  # the official value as typed, else the recomputed one
    perencanaan_hitung: Num  # CRO, Penggunaan SBK, Efisiensi SBK weighted by the year profile
    pelaksanaan: Num
    nka: Num
    nka_hitung: Num  # mean of perencanaan and pelaksanaan
    pelaksanaan_hitung: Num = None  # the IKPA components weighted by the year profile (a check only)
    # component header (schema NKA) -> value as typed; None = blank = not applicable
    komponen_perencanaan: dict[str, Num] = field(default_factory=dict)
    komponen_pelaksanaan: dict[str, Num] = field(default_factory=dict)
    row: int = 0


@dataclass
class PegawaiDimensi:
    dimensi: str
    rows: list[tuple[str, int]]
    total: int


@dataclass
class Results:
    workbook: Workbook
    sasaran: list[SasaranResult]
    ikk: list[IkkResult]  # PK order
    rata_capaian: Num  # mean of the sasaran averages
    rata_metode: str  # stated in the report and the JSON
    anggaran_rows: list[BudgetLine]
    anggaran_total: BudgetLine  # report year, Σ Anggaran
    belanja: list[BelanjaYear]  # oldest first
    belanja_perubahan: list[BelanjaChange]  # report year vs previous year
    sumber_dana: list[BelanjaYear]  # per year, lines per source
    pnbp: list[PnbpResult]
    nka: list[NkaResult]
    pegawai: list[PegawaiDimensi]
    pegawai_total: int | None
    # a Kanwil run with its jajaran: the per-satker tables; its ikk/sasaran above are then regional
    jajaran: "Jajaran | None" = None
    # the PK budget table: one line per DIPA kegiatan (rows of the same Program and Kegiatan summed)
    anggaran_kegiatan: list[BudgetLine] = field(default_factory=list)
    # BAB III.B: the Anggaran rows grouped by sasaran (ascending No), then the rows without one
    anggaran_sasaran: list[SasaranBudget] = field(default_factory=list)
