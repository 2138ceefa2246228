"""BAB III.A a), composite IKK: one block per composite node (its Layanan data, component table, formula lines)."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable, TypedDict

from lkj_engine.compute.komposit import SUMBER_LAYANAN
from lkj_engine.contract import formatting as fmt
from lkj_engine.model.results import IkkResult, Node
from lkj_engine.model.workbook import Workbook
from lkj_engine.render.context.cetak import sum_places
from lkj_engine.render.context.common import amount, reason, sign, weight
from lkj_engine.render.prose import Sentence


class LayananBaris(TypedDict):
    jenis: str
    standar: str
    diterima: str
    terbit: str
    ditolak: str
    batal: str
    sesuai_syarat: str
    tepat_waktu: str


class LayananTabel(TypedDict):
    judul: str
    rows: list[LayananBaris]


class KomponenBaris(TypedDict):
    kode: str
    nama: str
    data: str
    nilai: str
    bobot: str


class KompositBlok(TypedDict):
    """One composite node: its Layanan data, its components' table and the formula lines."""

    judul: str
    tabel_judul: str
    layanan: list[LayananTabel]
    rows: list[KomponenBaris]
    rumus: list[str]


class RasioTunggal(TypedDict):
    kalimat: Sentence
    rumus: str


def formula_ratio(node: Node, places: int = fmt.PLACES) -> str:
    if node.nilai is None and node.nilai_mentah is None:
        return f"{node.kode} tidak dapat dihitung: {reason(node.alasan)}."
    p, q = amount(node.pembilang), amount(node.penyebut)
    raw = node.nilai_mentah if node.nilai_mentah is not None else node.nilai
    if node.faktor == -1:
        line = f"{node.kode} = −1 × {p} / {q} × 100% = {fmt.number(raw, places)}"
    else:
        line = f"{node.kode} = {p} / {q} × 100% = {fmt.percent(raw, places)}"
    if node.dibatasi:
        line += f"; dibatasi paling tinggi 100, sehingga {node.kode} = {fmt.number(node.nilai, places)}"
    return line


def formula_places(children: list[Node], value: Decimal | None) -> int:
    """Places for the children's values so that ``Σ bobot × nilai`` adds up to the printed `value`."""
    if value is None or any(c.nilai is None for c in children):
        return fmt.PLACES
    return sum_places([(c.bobot, c.nilai) for c in children], value)


def formula_sum(kode: str, children: list[Node], value: Decimal | None, alasan: str | None,
                places: int = fmt.PLACES) -> str:
    if value is None:
        return f"{kode} tidak dapat dihitung: {reason(alasan)}."
    terms = " + ".join(f"({weight(c.bobot)} × {_operand(c.nilai, places)})" for c in children)
    return f"{kode} = {terms} = {fmt.number(value)}"


def _operand(value: Decimal | None, places: int) -> str:
    """A child's value inside ``bobot × nilai``: a negative one in brackets, ``5% × (-88,25)``, as
    it is written by hand (``5% × -88,25`` reads as a subtraction)."""
    if value is None:
        return "-"
    printed = fmt.number(value, places)
    return f"({printed})" if printed.startswith("-") else printed


def node_data(node: Node) -> str:
    if node.jenis == "rasio":
        left = node.ket_pembilang or "Pembilang"
        right = node.ket_penyebut or "Penyebut"
        return f"{left}: {amount(node.pembilang)}\n{right}: {amount(node.penyebut)}"
    if node.jenis == "nilai":
        return "nilai isian"
    return "gabungan komponen (lihat perhitungan di atas)"


def node_value(node: Node, places: int = fmt.PLACES) -> str:
    return fmt.number(node.nilai, places) if node.nilai is not None else fmt.NOT_COMPUTABLE


def layanan_tables(wb: Workbook, children: Iterable[Node]) -> list[LayananTabel]:
    """The Layanan rows behind components that take their figures from the Layanan sheet."""
    kelompok: list[str] = []
    for child in children:
        name, _ = SUMBER_LAYANAN.get(child.sumber, (None, None))
        if name and name not in kelompok:
            kelompok.append(name)
    tables: list[LayananTabel] = []
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


def composite_blocks(r: IkkResult, wb: Workbook) -> list[KompositBlok]:
    """Step-by-step computation: one block per composite node (children first), then the index."""
    blocks: list[KompositBlok] = []

    def block(judul: str, tabel_judul: str, kode: str, children: list[Node], value: Decimal | None,
              alasan: str | None) -> KompositBlok:
        places = formula_places(children, value)
        lines = []
        for c in children:
            if c.jenis == "rasio":
                lines.append(formula_ratio(c, places))
            elif c.jenis == "nilai":
                lines.append(f"{c.kode} = {node_value(c, places)} (nilai isian)")
        return {
            "judul": judul,
            "tabel_judul": tabel_judul,
            "layanan": layanan_tables(wb, children),
            "rows": [{"kode": c.kode, "nama": c.nama, "data": node_data(c), "nilai": node_value(c, places),
                      "bobot": weight(c.bobot)} for c in children],
            "rumus": lines + [formula_sum(kode, children, value, alasan, places)],
        }

    def visit(node: Node) -> None:
        if not node.children:
            return
        for child in node.children:
            visit(child)
        blocks.append(block(f"{node.kode} {node.nama} (bobot {weight(node.bobot)})",
                            f"Komponen {node.kode} {node.nama}", node.kode, node.children, node.nilai,
                            node.alasan))

    for top in r.tree:
        visit(top)
    nama = r.ikk.nama
    blocks.append(block(f"Perhitungan {nama}", f"Komponen {nama}", "Realisasi", r.tree, r.realisasi_komponen,
                        r.realisasi_komponen_alasan))
    return blocks


def is_composite(r: IkkResult) -> bool:
    """A real index: more than one component, or one with components of its own. A single ratio
    (139 / 152) is a percentage, not an "indeks komposit" with one 100% component."""
    return bool(r.tree) and not (len(r.tree) == 1 and not r.tree[0].children and r.tree[0].bobot == 100)


def single_ratio(r: IkkResult) -> RasioTunggal:
    """The one-line computation of an IKK whose Komponen sheet holds a single ratio."""
    if not r.tree or is_composite(r) or r.tree[0].jenis != "rasio":
        return {"kalimat": Sentence(), "rumus": ""}
    node = r.tree[0]
    kalimat = Sentence(f"Realisasi {r.ikk.nama} dihitung dari dua data: {node.ket_pembilang or 'pembilang'} "
                       f"sebanyak {amount(node.pembilang)} dan {node.ket_penyebut or 'penyebut'} sebanyak "
                       f"{amount(node.penyebut)}, sebagai berikut:")
    rumus = formula_ratio(node).replace(f"{node.kode} = ", "Realisasi = ", 1)
    if node.dibatasi:
        rumus = rumus.replace(f"sehingga {node.kode} =", "sehingga Realisasi =")
    return {"kalimat": kalimat, "rumus": rumus}


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

