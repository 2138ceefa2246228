"""BAB III.A a), composite IKK: one block per composite node (its Layanan data, component table, formula lines)."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from lkj_engine.compute.komposit import SUMBER_LAYANAN
from lkj_engine.contract import formatting as fmt
from lkj_engine.model.results import IkkResult, Node
from lkj_engine.model.workbook import Workbook
from lkj_engine.render.context.common import amount, reason, sign, weight
from lkj_engine.render.prose import Sentence


def formula_ratio(node: Node) -> str:
    if node.nilai is None and node.nilai_mentah is None:
        return f"{node.kode} tidak dapat dihitung: {reason(node.alasan)}."
    p, q = amount(node.pembilang), amount(node.penyebut)
    raw = node.nilai_mentah if node.nilai_mentah is not None else node.nilai
    if node.faktor == -1:
        line = f"{node.kode} = −1 × {p} / {q} × 100% = {fmt.number(raw)}"
    else:
        line = f"{node.kode} = {p} / {q} × 100% = {fmt.percent(raw)}"
    if node.dibatasi:
        line += f"; dibatasi paling tinggi 100, sehingga {node.kode} = {fmt.number(node.nilai)}"
    return line


def formula_sum(kode: str, children: list[Node], value: Decimal | None, alasan: str | None) -> str:
    if value is None:
        return f"{kode} tidak dapat dihitung: {reason(alasan)}."
    terms = " + ".join(f"({weight(c.bobot)} × {fmt.number(c.nilai) if c.nilai is not None else '-'})"
                       for c in children)
    return f"{kode} = {terms} = {fmt.number(value)}"


def node_data(node: Node) -> str:
    if node.jenis == "rasio":
        left = node.ket_pembilang or "Pembilang"
        right = node.ket_penyebut or "Penyebut"
        return f"{left}: {amount(node.pembilang)}\n{right}: {amount(node.penyebut)}"
    if node.jenis == "nilai":
        return "nilai isian"
    return "gabungan komponen (lihat perhitungan di atas)"


def node_value(node: Node) -> str:
    return fmt.number(node.nilai) if node.nilai is not None else fmt.NOT_COMPUTABLE


def layanan_tables(wb: Workbook, children: Iterable[Node]) -> list[dict]:
    """The Layanan rows behind components that take their figures from the Layanan sheet."""
    kelompok: list[str] = []
    for child in children:
        name, _ = SUMBER_LAYANAN.get(child.sumber, (None, None))
        if name and name not in kelompok:
            kelompok.append(name)
    tables = []
    for name in kelompok:
        rows = [
            {
                "jenis": lay.jenis,
                "standar": f"{fmt.count(lay.standar_waktu)} hari" if lay.standar_waktu is not None else "-",
                "diterima": amount(lay.diterima),
                "terbit": amount(lay.terbit),
                "ditolak": amount(lay.ditolak),
                "batal": amount(lay.batal),
                "sesuai_syarat": amount(lay.sesuai_syarat),
                "tepat_waktu": amount(lay.tepat_waktu),
            }
            for lay in wb.layanan
            if lay.kelompok == name
        ]
        if rows:
            tables.append({"judul": f"Data Layanan {name} Tahun {wb.tahun}", "rows": rows})
    return tables


def composite_blocks(r: IkkResult, wb: Workbook) -> list[dict]:
    """Step-by-step computation: one block per composite node (children first), then the index."""
    blocks: list[dict] = []

    def rows_of(children: list[Node]) -> list[dict]:
        return [
            {"kode": c.kode, "nama": c.nama, "data": node_data(c), "nilai": node_value(c),
             "bobot": weight(c.bobot)}
            for c in children
        ]

    def lines_of(children: list[Node]) -> list[str]:
        lines = []
        for c in children:
            if c.jenis == "rasio":
                lines.append(formula_ratio(c))
            elif c.jenis == "nilai":
                lines.append(f"{c.kode} = {node_value(c)} (nilai isian)")
        return lines

    def visit(node: Node) -> None:
        if not node.children:
            return
        for child in node.children:
            visit(child)
        blocks.append({
            "judul": f"{node.kode} {node.nama} (bobot {weight(node.bobot)})",
            "tabel_judul": f"Komponen {node.kode} {node.nama}",
            "layanan": layanan_tables(wb, node.children),
            "rows": rows_of(node.children),
            "rumus": lines_of(node.children)
            + [formula_sum(node.kode, node.children, node.nilai, node.alasan)],
        })

    for top in r.tree:
        visit(top)
    nama = r.ikk.nama
    blocks.append({
        "judul": f"Perhitungan {nama}",
        "tabel_judul": f"Komponen {nama}",
        "layanan": layanan_tables(wb, r.tree),
        "rows": rows_of(r.tree),
        "rumus": lines_of(r.tree) + [formula_sum("Realisasi", r.tree, r.realisasi_komponen,
                                                  r.realisasi_komponen_alasan)],
    })
    return blocks


def typed_over_components(r: IkkResult, realisasi: str) -> Sentence:
    """A typed Realisasi is printed instead of the components' result: say so under the formulas."""
    if r.realisasi_dari_komponen or not r.tree:
        return Sentence()
    satuan = r.ikk.satuan
    if r.realisasi_komponen is None:
        hasil = "perhitungan komponen di atas tidak dapat diselesaikan"
    elif sign(r.realisasi - r.realisasi_komponen) == 0:
        hasil = "sama dengan hasil perhitungan komponen di atas"
    else:
        hasil = f"hasil perhitungan komponen di atas sebesar {fmt.with_unit(r.realisasi_komponen, satuan)}"
    return Sentence(f"Realisasi {r.ikk.nama} yang dilaporkan sebesar {realisasi} ditetapkan langsung, "
                    f"tidak dihitung dari komponennya; {hasil}.")

