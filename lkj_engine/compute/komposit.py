"""Composite indices: the Komponen tree of an IKK, evaluated exactly, every intermediate kept.

A leaf is its typed `Nilai`, else `Pembilang ÷ Penyebut × 100 × Faktor` (capped at 100 when
`Maks 100`), where Pembilang/Penyebut may come from the Layanan sheet (`Sumber`). A parent is
Σ child × bobot / 100. A value that cannot be computed (0/0, a missing input) is None with a reason
naming the component at its root, and it makes its parent None too: it is never counted as 0.
The one exception is a child of weight 0 (e.g. K6 of a Non-TPI office): it contributes nothing
either way, so it does not block its parent.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from lkj_engine.model.workbook import Komponen, Layanan, Num
from lkj_engine.model.results import Node
from lkj_engine.contract.schema import KELOMPOK_LAYANAN, SUMBER_KOMPONEN

HUNDRED = Decimal(100)

_DOKPAL, _ITSK = KELOMPOK_LAYANAN
# schema.SUMBER_KOMPONEN (in its order) -> (Kelompok of the Layanan sheet, dimension)
SUMBER_LAYANAN: dict[str, tuple[str, str]] = dict(zip(
    SUMBER_KOMPONEN, ((_DOKPAL, "D1"), (_DOKPAL, "D2"), (_ITSK, "D1"), (_ITSK, "D2")), strict=True))


@dataclass
class LayananFigures:
    """Numerator and denominator of a Sumber, with what they mean and why they may be missing."""

    pembilang: Num
    penyebut: Num
    ket_pembilang: str
    ket_penyebut: str
    alasan: str | None = None


def layanan_figures(sumber: str, layanan: Iterable[Layanan]) -> LayananFigures:
    """Sum the Layanan rows of one Kelompok into D1 or D2 (Pedoman 2025).

    D1 = selesai ÷ diterima with selesai = terbit + ditolak + batal sistem (the Pedoman's definition;
    the seeds wrongly put only "terbit" on top). D2 = tepat waktu ÷ sesuai syarat. Within a row a
    blank Ditolak or Batal Sistem counts as none; a row that received applications but has none of
    Terbit/Ditolak/Batal Sistem (D1), or a blank Sesuai Syarat/Tepat Waktu (D2), is a missing input.
    """
    kelompok, dimensi = SUMBER_LAYANAN[sumber]
    rows = [r for r in layanan if r.kelompok == kelompok]
    if dimensi == "D1":
        figures = LayananFigures(
            None, None,
            f"Permohonan layanan {kelompok} yang diselesaikan (terbit + ditolak + batal sistem)",
            f"Permohonan layanan {kelompok} yang diterima",
        )
    else:
        figures = LayananFigures(
            None, None,
            f"Permohonan layanan {kelompok} yang diselesaikan tepat waktu",
            f"Permohonan layanan {kelompok} yang sesuai persyaratan",
        )
    if not rows:
        figures.alasan = f"sheet Layanan tidak memuat baris kelompok {kelompok}"
        return figures
    pembilang = penyebut = 0
    for r in rows:
        if dimensi == "D1":
            parts = [v for v in (r.terbit, r.ditolak, r.batal) if v is not None]
            if not parts and r.diterima:
                figures.alasan = f"Layanan baris {r.row} ({r.jenis}): Terbit, Ditolak dan Batal Sistem kosong"
                return figures
            pembilang += sum(parts)
            penyebut += r.diterima or 0
        else:
            for name, value in (("Sesuai Syarat", r.sesuai_syarat), ("Tepat Waktu", r.tepat_waktu)):
                if value is None and r.diterima:
                    figures.alasan = f"Layanan baris {r.row} ({r.jenis}): kolom {name} kosong"
                    return figures
            pembilang += r.tepat_waktu or 0
            penyebut += r.sesuai_syarat or 0
    figures.pembilang, figures.penyebut = Decimal(pembilang), Decimal(penyebut)
    return figures


def _ratio_leaf(node: Node, pembilang: Num, penyebut: Num) -> None:
    node.jenis = "rasio"
    node.pembilang, node.penyebut = pembilang, penyebut
    if pembilang is None and penyebut is None:
        node.alasan = "Nilai, atau Pembilang dan Penyebut, belum diisi"
    elif pembilang is None:
        node.alasan = "Pembilang belum diisi"
    elif penyebut is None:
        node.alasan = "Penyebut belum diisi"
    elif penyebut == 0:
        node.alasan = "Pembilang dan Penyebut bernilai 0 (0/0)" if pembilang == 0 else "Penyebut bernilai 0"
    else:
        raw = pembilang / penyebut * HUNDRED * node.faktor
        node.nilai_mentah = raw
        node.dibatasi = node.maks_100 and raw > HUNDRED
        node.nilai = HUNDRED if node.dibatasi else raw


def _leaf(k: Komponen, node: Node, layanan: list[Layanan]) -> None:
    if k.nilai is not None:
        node.jenis, node.nilai = "nilai", k.nilai
        return
    if k.sumber:
        if k.sumber not in SUMBER_LAYANAN:
            node.jenis, node.alasan = "rasio", f"Sumber '{k.sumber}' tidak dikenal"
            return
        fig = layanan_figures(k.sumber, layanan)
        node.ket_pembilang = k.ket_pembilang or fig.ket_pembilang
        node.ket_penyebut = k.ket_penyebut or fig.ket_penyebut
        if fig.alasan:
            node.jenis, node.alasan = "rasio", fig.alasan
            return
        _ratio_leaf(node, fig.pembilang, fig.penyebut)
        return
    _ratio_leaf(node, k.pembilang, k.penyebut)


def _failed_reason(child: Node) -> str:
    """The reason a parent cannot be computed, always naming the component at the root of it."""
    if child.jenis == "induk" and child.alasan:
        return child.alasan
    return f"komponen {child.kode} ({child.nama}) tidak dapat dihitung: {child.alasan}"


def weighted_sum(children: list[Node]) -> tuple[Num, str | None]:
    """Σ child.nilai × child.bobot / 100; None (with the reason) if a weighted child is None."""
    total = Decimal(0)
    for child in children:
        if child.bobot == 0:
            continue
        if child.nilai is None:
            return None, _failed_reason(child)
        total += child.nilai * child.bobot / HUNDRED
    return total, None


def _node(k: Komponen, by_parent: dict[str | None, list[Komponen]], layanan: list[Layanan],
          seen: set[str]) -> Node:
    seen.add(k.kode)
    node = Node(kode=k.kode, nama=k.nama, bobot=k.bobot, nilai=None, faktor=k.faktor, maks_100=k.maks_100,
                ket_pembilang=k.ket_pembilang, ket_penyebut=k.ket_penyebut, sumber=k.sumber, row=k.row)
    kids = [c for c in by_parent.get(k.kode, []) if c.kode not in seen]
    if kids:
        node.children = [_node(c, by_parent, layanan, seen) for c in kids]
        node.nilai, node.alasan = weighted_sum(node.children)
    else:
        _leaf(k, node, layanan)
    return node


def build_tree(kode_ikk: str, komponen: Iterable[Komponen], layanan: Iterable[Layanan]) -> list[Node]:
    """The evaluated top-level components of one IKK, in sheet order.

    Rows that cannot be reached from a top-level component (a loop of Induk, which the loader
    rejects) are left out rather than recursed into forever.
    """
    rows = [k for k in komponen if k.kode_ikk == kode_ikk]
    by_parent: dict[str | None, list[Komponen]] = defaultdict(list)
    for k in rows:
        by_parent[k.induk or None].append(k)
    seen: set[str] = set()
    layanan = list(layanan)
    return [_node(k, by_parent, layanan, seen) for k in by_parent.get(None, [])]


def tree_value(tree: list[Node]) -> tuple[Num, str | None]:
    """The IKK's realisasi from its tree: Σ top-level × bobot / 100."""
    if not tree:
        return None, "IKK tidak memiliki komponen"
    return weighted_sum(tree)


def blocking_leaves(tree: list[Node]) -> list[Node]:
    """Leaves that cannot be computed and, through non-zero weights, leave their IKK uncomputed."""
    found: list[Node] = []

    def visit(nodes: list[Node]) -> None:
        for node in nodes:
            if node.bobot == 0 or node.nilai is not None:
                continue
            if node.children:
                visit(node.children)
            else:
                found.append(node)

    visit(tree)
    return found
