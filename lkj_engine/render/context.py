"""Results → the render context: every string the Word template prints, formatted once.

Each figure becomes text here, through `formatting` only, and the same string object is reused
wherever the report prints it (the capaian of an IKK in the capaian table, in its analysis, in the
Ringkasan and in BAB IV). Data-driven sentences (trend words, above/below the national standard,
PNBP without a target, counts with words) are built here too. A value the engine could not
compute prints as its reason, never as 0, ``None`` or ``nan``. Nothing here touches files:
images are passed on as `ImageRef` and placed by `report`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Iterable

from lkj_engine.contract import formatting as fmt
from lkj_engine.contract.profile import profile_for
from lkj_engine.compute.anggaran import JUMLAH
from lkj_engine.render.charts import pegawai_key
from lkj_engine.compute.komposit import SUMBER_LAYANAN
from lkj_engine.model.workbook import Workbook
from lkj_engine.contract.problems import Problem
from lkj_engine.render.prose import Prose, Sentence, Strong, clean
from lkj_engine.model.results import IkkResult, Node, Results
from lkj_engine.contract.schema import JENIS_SATKER, NARASI_BAGIAN, NEGATIF

_, KANWIL = JENIS_SATKER
HURUF = "abcdefghijklmnopqrstuvwxyz"

# Gambar sheet "Bagian" -> context key of the place in the report.
GAMBAR_BAGIAN = {
    "BAB I": "bab1",
    "BAB II": "bab2",
    "BAB III.A": "bab3a",
    "BAB III.B": "bab3b",
    "BAB III.C": "bab3c",
    "BAB III.D": "bab3d",
    "Lampiran": "lampiran",
}

TIDAK_BERLAKU = "tidak berlaku"


@dataclass(frozen=True)
class ImageRef:
    """An image the report places; `report` checks the file and scales it to the page."""

    path: Path
    kind: str  # "grafik" (chart), "foto" (clerk's picture), "logo"
    sheet: str | None = None
    cell: str | None = None


# ---------------------------------------------------------------- formatting helpers (via fmt)

def _integral(value: Decimal) -> bool:
    return value == value.to_integral_value()


def amount(value: Decimal | int | None) -> str:
    """A count or a measured amount: ``92.184`` when whole, ``12,50`` otherwise."""
    if value is None:
        return "-"
    value = Decimal(value)
    return fmt.count(value) if _integral(value) else fmt.number(value)


def weight(value: Decimal | None) -> str:
    """A weight: ``70%``, ``12,50%``."""
    if value is None:
        return "-"
    return fmt.percent(value, places=0) if _integral(Decimal(value)) else fmt.percent(value)


def reason(alasan: str | None) -> str:
    """What prints instead of a figure that could not be computed."""
    return alasan.strip() if alasan and alasan.strip() else fmt.NOT_COMPUTABLE


def pct(value: Decimal | None) -> str:
    """A percentage; a value that cannot be computed prints the short phrase (reasons go in notes)."""
    return fmt.percent(value)


def because(alasan: str | None) -> str:
    """The engine's reason as a sentence of its own."""
    text = reason(alasan)
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")


def sign(value: Decimal | None) -> int | None:
    """-1/0/1 of a value as printed (rounded), so words never contradict the figure next to them."""
    if value is None:
        return None
    rounded = fmt.display_round(value)
    return (rounded > 0) - (rounded < 0)


def trend(delta: Decimal | None) -> str:
    return {1: "naik", -1: "turun", 0: "tetap"}.get(sign(delta), "")


def difference(delta: Decimal, satuan: str) -> str:
    """The size of a change or a gap: ``50 Dokumen`` for a count, ``4,09 poin`` otherwise."""
    if satuan in fmt.COUNT_UNITS:
        return fmt.with_unit(abs(delta), satuan)
    return f"{fmt.number(abs(delta))} poin"


def slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", text.casefold()).strip("_")


def join_id(items: list[str]) -> str:
    """``a``, ``a dan b``, ``a, b, dan c``."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} dan {items[1]}"
    return ", ".join(items[:-1]) + ", dan " + items[-1]


# ---------------------------------------------------------------- clerk text

class _Clerk:
    """Cleans clerk text once, remembering where each warning came from."""

    def __init__(self, wb: Workbook, warnings: list[Problem]) -> None:
        self.wb = wb
        self.warnings = warnings

    def text(self, value: str | None, sheet: str, field: str, row: int) -> str | None:
        return self._clean(value, sheet, self.wb.cell(sheet, field, row))

    def identitas(self, field: str) -> str | None:
        return self._clean(getattr(self.wb.identitas, field), "Identitas", self.wb.identitas_cells.get(field))

    def _clean(self, value: str | None, sheet: str, cell: str | None) -> str | None:
        if value is None:
            return None
        text, problems = clean(str(value), sheet, cell)
        self.warnings.extend(problems)
        return text.strip() or None

    def prose(self, value: str | None, sheet: str, field: str, row: int) -> Prose:
        return Prose(self.text(value, sheet, field, row))

    def narasi(self, bagian: str) -> Prose:
        rows = [n for n in self.wb.narasi if n.bagian == bagian and n.teks]
        texts = [self.text(n.teks, "Narasi", "teks", n.row) for n in rows]
        return Prose("\n\n".join(t for t in texts if t))


# ---------------------------------------------------------------- IKK

def _formula_ratio(node: Node) -> str:
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


def _formula_sum(kode: str, children: list[Node], value: Decimal | None, alasan: str | None) -> str:
    if value is None:
        return f"{kode} tidak dapat dihitung: {reason(alasan)}."
    terms = " + ".join(f"({weight(c.bobot)} × {fmt.number(c.nilai) if c.nilai is not None else '-'})"
                       for c in children)
    return f"{kode} = {terms} = {fmt.number(value)}"


def _node_data(node: Node) -> str:
    if node.jenis == "rasio":
        left = node.ket_pembilang or "Pembilang"
        right = node.ket_penyebut or "Penyebut"
        return f"{left}: {amount(node.pembilang)}\n{right}: {amount(node.penyebut)}"
    if node.jenis == "nilai":
        return "nilai isian"
    return "gabungan komponen (lihat perhitungan di atas)"


def _node_value(node: Node) -> str:
    return fmt.number(node.nilai) if node.nilai is not None else fmt.NOT_COMPUTABLE


def _layanan_tables(wb: Workbook, children: Iterable[Node]) -> list[dict]:
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


def _composite_blocks(r: IkkResult, wb: Workbook) -> list[dict]:
    """Step-by-step computation: one block per composite node (children first), then the index."""
    blocks: list[dict] = []

    def rows_of(children: list[Node]) -> list[dict]:
        return [
            {"kode": c.kode, "nama": c.nama, "data": _node_data(c), "nilai": _node_value(c),
             "bobot": weight(c.bobot)}
            for c in children
        ]

    def lines_of(children: list[Node]) -> list[str]:
        lines = []
        for c in children:
            if c.jenis == "rasio":
                lines.append(_formula_ratio(c))
            elif c.jenis == "nilai":
                lines.append(f"{c.kode} = {_node_value(c)} (nilai isian)")
        return lines

    def visit(node: Node) -> None:
        if not node.children:
            return
        for child in node.children:
            visit(child)
        blocks.append({
            "judul": f"{node.kode} {node.nama} (bobot {weight(node.bobot)})",
            "tabel_judul": f"Komponen {node.kode} {node.nama}",
            "layanan": _layanan_tables(wb, node.children),
            "rows": rows_of(node.children),
            "rumus": lines_of(node.children)
            + [_formula_sum(node.kode, node.children, node.nilai, node.alasan)],
        })

    for top in r.tree:
        visit(top)
    nama = r.ikk.nama
    blocks.append({
        "judul": f"Perhitungan {nama}",
        "tabel_judul": f"Komponen {nama}",
        "layanan": _layanan_tables(wb, r.tree),
        "rows": rows_of(r.tree),
        "rumus": lines_of(r.tree) + [_formula_sum("Realisasi", r.tree, r.realisasi_komponen,
                                                  r.realisasi_komponen_alasan)],
    })
    return blocks


def _typed_over_components(r: IkkResult, realisasi: str) -> Sentence:
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


def _ratio_formula(name: str, acuan: str, realisasi: str, nilai_acuan: str, hasil: str, polaritas: str) -> str:
    """``name = Realisasi / acuan × 100% = … = hasil``, with the negative-polarity form when it applies."""
    if polaritas == NEGATIF:
        return (f"{name} = (2 × {acuan} − Realisasi) / {acuan} × 100% = "
                f"(2 × {nilai_acuan} − {realisasi}) / {nilai_acuan} × 100% = {hasil}")
    return f"{name} = Realisasi / {acuan} × 100% = {realisasi} / {nilai_acuan} × 100% = {hasil}"


def _capaian_formula(r: IkkResult, target: str, realisasi: str, capaian: str) -> str:
    if r.capaian is None:
        return f"Capaian tidak dapat dihitung: {reason(r.capaian_alasan)}."
    return _ratio_formula("Capaian", "Target", realisasi, target, capaian, r.ikk.polaritas)


def _riwayat(r: IkkResult, k: dict, tahun: int) -> dict:
    satuan = r.ikk.satuan
    rows = [
        {"tahun": str(y.tahun), "target": fmt.with_unit(y.target, satuan, "-"),
         "realisasi": fmt.with_unit(y.realisasi, satuan, "-"), "capaian": pct(y.capaian)}
        for y in r.riwayat
    ]
    if not rows:
        return {"rows": [], "kalimat": Sentence(
            f"Data target dan realisasi {r.ikk.nama} pada tahun-tahun sebelumnya tidak tersedia, "
            "sehingga perbandingan antartahun belum dapat disajikan.")}
    rows.append({"tahun": str(tahun), "target": k["target"], "realisasi": k["realisasi"],
                 "capaian": k["capaian"]})
    prev = r.riwayat[-1]
    parts: list[str] = []
    if r.perubahan_realisasi is None:
        parts.append(f"Realisasi {r.ikk.nama} tahun {tahun} tidak dapat dibandingkan dengan tahun "
                     f"{prev.tahun} karena salah satu realisasinya tidak tersedia.")
    else:
        word = trend(r.perubahan_realisasi)
        change = "" if word == "tetap" else f" sebesar {difference(r.perubahan_realisasi, satuan)}"
        parts.append(f"Dibandingkan tahun {prev.tahun}, realisasi {r.ikk.nama} {word}{change}, dari "
                     f"{fmt.with_unit(prev.realisasi, satuan)} menjadi {k['realisasi']} pada tahun "
                     f"{tahun}.")
    if r.perubahan_capaian is not None:
        word = trend(r.perubahan_capaian)
        change = "" if word == "tetap" else f" sebesar {fmt.number(abs(r.perubahan_capaian))} poin persentase"
        parts.append(f" Capaiannya {word}{change}, dari {pct(prev.capaian)} "
                     f"menjadi {k['capaian']}.")
    first = r.riwayat[0].tahun
    judul = f"Perbandingan Realisasi dan Capaian {r.ikk.nama} Tahun {first}-{tahun}"
    return {"rows": rows, "judul": judul, "kalimat": Sentence(*parts)}


def renstra(tahun: int) -> str:
    """The five-year Renstra/RPJMN period of a year: ``2025-2029`` (periods start 2020, 2025, ...)."""
    awal = tahun - (tahun - 2020) % 5
    return f"{awal}-{awal + 4}"


def _jangka_menengah(r: IkkResult, k: dict, tahun: int) -> dict:
    ikk = r.ikk
    if ikk.target_jm is None:
        return {"rumus": "", "kalimat": Sentence(
            f"Target jangka menengah (Renstra) untuk {ikk.nama} tahun {tahun} tidak tersedia, "
            "sehingga perbandingan dengan target jangka menengah belum dapat disajikan.")}
    tjm = fmt.with_unit(ikk.target_jm, ikk.satuan)
    if r.vs_jangka_menengah is None:
        return {"rumus": "", "kalimat": Sentence(
            f"Target jangka menengah {ikk.nama} untuk tahun {tahun} sebesar {tjm}; perbandingannya "
            f"dengan realisasi tidak dapat dihitung ({reason(r.vs_jangka_menengah_alasan)}).")}
    persen = fmt.percent(r.vs_jangka_menengah)
    rumus = _ratio_formula("Capaian terhadap target jangka menengah", "Target Jangka Menengah",
                           k["realisasi_angka"], fmt.bare(ikk.target_jm, ikk.satuan), persen, ikk.polaritas)
    state = {1: "telah melampaui", 0: "tepat memenuhi", -1: "belum mencapai"}[
        sign(r.vs_jangka_menengah - 100)]
    kalimat = Sentence(
        f"Target jangka menengah {ikk.nama} untuk tahun {tahun} dalam Rencana Strategis {renstra(tahun)} "
        f"sebesar {tjm}. Dengan realisasi {k['realisasi']}, capaian terhadap target jangka menengah "
        f"sebesar {persen}, sehingga realisasi tahun {tahun} {state} target jangka menengah.")
    return {"rumus": rumus, "kalimat": kalimat}


def _standar_nasional(r: IkkResult, k: dict) -> dict:
    ikk = r.ikk
    if ikk.standar_nasional is None:
        return {"rumus": "", "kalimat": Sentence(
            f"Tidak terdapat standar nasional yang ditetapkan untuk {ikk.nama}, sehingga "
            "perbandingan dengan standar nasional tidak dilakukan.")}
    sn = fmt.with_unit(ikk.standar_nasional, ikk.satuan)
    if r.vs_standar_nasional is None:
        return {"rumus": "", "kalimat": Sentence(
            f"Standar nasional {ikk.nama} sebesar {sn}; perbandingannya dengan realisasi tidak dapat "
            f"dihitung ({reason(r.vs_standar_nasional_alasan)}).")}
    persen = fmt.percent(r.vs_standar_nasional)
    rumus = _ratio_formula("Capaian terhadap standar nasional", "Standar Nasional", k["realisasi_angka"],
                           fmt.bare(ikk.standar_nasional, ikk.satuan), persen, ikk.polaritas)
    s = sign(r.selisih_standar_nasional)
    if s == 0:
        posisi = "sama dengan standar nasional"
    else:
        posisi = (f"{'di atas' if s > 0 else 'di bawah'} standar nasional dengan selisih "
                  f"{difference(r.selisih_standar_nasional, ikk.satuan)}")
    kalimat = (f"Standar nasional {ikk.nama} sebesar {sn}. Realisasi tahun ini sebesar {k['realisasi']} "
               f"berada {posisi}")
    if ikk.polaritas == NEGATIF and s:
        kalimat += (", yang untuk indikator berpolaritas negatif berarti "
                    + ("lebih buruk" if s > 0 else "lebih baik") + " dari standar")
    kalimat += f", dengan capaian terhadap standar nasional sebesar {persen}."
    return {"rumus": rumus, "kalimat": Sentence(kalimat)}


ANALISIS_FIELDS = (
    ("keberhasilan", "Analisis penyebab keberhasilan/kegagalan"),
    ("efisiensi", "Analisis atas efisiensi penggunaan sumber daya"),
    ("program", "Analisis program/kegiatan yang menunjang keberhasilan/kegagalan"),
    ("kendala", "Kendala yang dihadapi"),
    ("solusi", "Solusi dan rencana tindak lanjut"),
)


def _ikk(r: IkkResult, huruf: str, wb: Workbook, clerk: _Clerk) -> dict:
    ikk, tahun = r.ikk, wb.tahun
    k: dict = {
        "kode": ikk.kode,
        "nama": ikk.nama,
        "huruf": huruf,
        "target": fmt.with_unit(ikk.target, ikk.satuan),
        "target_angka": fmt.bare(ikk.target, ikk.satuan),
        "realisasi": fmt.with_unit(r.realisasi, ikk.satuan),
        "realisasi_angka": fmt.bare(r.realisasi, ikk.satuan),
        "capaian": pct(r.capaian),
        "alasan": because(r.capaian_alasan) if r.capaian is None else "",
    }
    k["rumus_capaian"] = _capaian_formula(r, k["target_angka"], k["realisasi_angka"], k["capaian"])
    if r.capaian is None:
        state = "belum dapat dinilai"
    else:
        state = {1: "melampaui target", 0: "tepat mencapai target", -1: "belum mencapai target"}[
            sign(r.capaian - 100)]
    arah = ("semakin tinggi realisasi semakin baik" if ikk.polaritas != NEGATIF
            else "semakin rendah realisasi semakin baik")
    if r.capaian is None:
        k["kalimat_capaian"] = Sentence(
            f"Pada tahun {tahun}, {ikk.nama} ditargetkan sebesar {k['target']} dan terealisasi sebesar "
            f"{k['realisasi']}; capaian kinerjanya ", Strong(k["capaian"]), f". {k['alasan']}")
    else:
        k["kalimat_capaian"] = Sentence(
            f"Pada tahun {tahun}, {ikk.nama} ditargetkan sebesar {k['target']} dan terealisasi sebesar "
            f"{k['realisasi']}, sehingga capaian kinerjanya sebesar ", Strong(k["capaian"]),
            f" atau {state}.")
    k["kalimat_polaritas"] = Sentence(
        f"Indikator ini diukur dalam satuan {ikk.satuan} dengan polaritas {ikk.polaritas.lower()} "
        f"({arah}).")
    k["komposit"] = bool(r.tree)
    k["blok"] = _composite_blocks(r, wb) if r.tree else []
    k["realisasi_diketik"] = _typed_over_components(r, k["realisasi"])
    k["riwayat"] = _riwayat(r, k, tahun)
    k["jangka_menengah"] = _jangka_menengah(r, k, tahun)
    k["standar_nasional"] = _standar_nasional(r, k)

    analisis = next((a for a in wb.analisis if a.kode_ikk == ikk.kode), None)
    k["penjelasan"] = (clerk.prose(analisis.penjelasan, "Analisis IKK", "penjelasan", analisis.row)
                       if analisis else Prose(None))
    items = []
    if analisis:
        for field, judul in ANALISIS_FIELDS:
            body = clerk.prose(getattr(analisis, field), "Analisis IKK", field, analisis.row)
            if body:
                items.append({"nomor": f"{len(items) + 1})", "judul": judul, "isi": body, "field": field})
    k["analisis"] = items
    k["risiko_nomor"] = f"{len(items) + 1})"
    k["analisis_kosong"] = Sentence(
        f"Uraian analisis keberhasilan/kegagalan, efisiensi sumber daya, program penunjang, kendala "
        f"dan solusi untuk {ikk.nama} tidak tersedia.")
    k["solusi"] = next((i["isi"] for i in items if i["field"] == "solusi"), Prose(None))

    risks = sorted((x for x in wb.risiko if x.kode_ikk == ikk.kode),
                   key=lambda x: (x.no if x.no is not None else 10**6, x.row))
    k["risiko"] = [
        {
            "no": str(x.no) if x.no is not None else str(i),
            "indikasi": clerk.text(x.indikasi, "Risiko", "indikasi", x.row) or "-",
            "perlakuan": clerk.text(x.perlakuan, "Risiko", "perlakuan", x.row) or "-",
            "penanggung_jawab": clerk.text(x.penanggung_jawab, "Risiko", "penanggung_jawab", x.row) or "-",
            "indikator_keberhasilan": clerk.text(x.indikator_keberhasilan, "Risiko",
                                                 "indikator_keberhasilan", x.row) or "-",
            "kejadian": fmt.count(x.jumlah_kejadian) if x.jumlah_kejadian is not None else "-",
            "realisasi_perlakuan": clerk.text(x.realisasi_perlakuan, "Risiko", "realisasi_perlakuan",
                                              x.row) or "-",
            "keterangan": clerk.text(x.keterangan, "Risiko", "keterangan", x.row) or "-",
        }
        for i, x in enumerate(risks, start=1)
    ]
    k["risiko_kosong"] = Sentence(f"Data manajemen risiko untuk {ikk.nama} tidak tersedia.")
    return k


# ---------------------------------------------------------------- budget

def _line(line) -> dict:
    return {
        "label": line.label,
        "pagu": fmt.money(line.pagu),
        "realisasi": fmt.money(line.realisasi),
        "persen": pct(line.persen),
        "blokir": fmt.money(line.blokir) if line.blokir else "-",
    }


def _anggaran(results: Results, nama: str, tahun: int) -> dict:
    total = results.anggaran_total
    t = _line(total)
    rows = []
    program = None
    for line in results.anggaran_rows:
        if line.program != program:
            program = line.program
            rows.append({"program": True, "label": program or "Program", "pagu": "", "realisasi": "",
                         "persen": ""})
        rows.append({"program": False, **_line(line)})
    sasaran = [
        {"no": str(s.no), "nama": s.nama, "pagu": fmt.money(s.pagu), "realisasi": fmt.money(s.realisasi_anggaran),
         "persen": pct(s.persen_anggaran)}
        for s in results.sasaran if s.pagu is not None
    ]
    if not results.anggaran_rows:
        t = {**t, "pagu": "-", "realisasi": "-", "persen": "-"}
        kalimat = Sentence(f"Data realisasi anggaran {nama} tahun {tahun} tidak tersedia.")
    else:
        kalimat = Sentence(f"Realisasi belanja {nama} tahun {tahun} adalah sebesar ",
                           Strong(t["realisasi"]), " atau ", Strong(t["persen"]),
                           " dari total anggaran ", Strong(t["pagu"]), ".")
    return {"total": t, "rows": rows, "sasaran": sasaran, "kalimat": kalimat, "ada": bool(results.anggaran_rows)}


def _by_year(years, tahun: int):
    ini = next((y for y in years if y.tahun == tahun), None)
    lalu = next((y for y in years if y.tahun == tahun - 1), None)
    return ini, lalu


def _belanja(results: Results, nama: str, tahun: int) -> dict:
    years = [
        {"tahun": str(y.tahun), "lines": [_line(x) for x in y.lines], "total": _line(y.total)}
        for y in results.belanja
    ]
    ini, lalu = _by_year(results.belanja, tahun)
    perubahan = [
        {"jenis": c.jenis, "lalu": pct(c.persen_lalu), "ini": pct(c.persen_ini),
         "perubahan": fmt.points(c.perubahan)}
        for c in results.belanja_perubahan
    ]
    kalimat = []
    if ini is not None:
        parts = [f"Berdasarkan jenis belanja, realisasi tahun {tahun} terdiri atas "]
        parts.append(join_id([f"{x.label} sebesar {fmt.money(x.realisasi)} ({pct(x.persen)} dari pagu "
                              f"{fmt.money(x.pagu)})" for x in ini.lines]) + ".")
        kalimat.append(Sentence(*parts))
        low = [x for x in ini.lines if x.persen is not None]
        if len(low) > 1:
            lowest = min(low, key=lambda x: x.persen)
            kalimat.append(Sentence(f"Persentase realisasi terendah terdapat pada {lowest.label}, yaitu "
                                    f"{pct(lowest.persen)}."))
    yoy = Sentence()
    jumlah = next((c for c in results.belanja_perubahan if c.jenis == JUMLAH), None)
    if lalu is not None and jumlah is not None and jumlah.perubahan is not None:
        word = {1: "lebih tinggi dibandingkan", -1: "lebih rendah dibandingkan", 0: "sama dengan"}[
            sign(jumlah.perubahan)]
        yoy = Sentence(
            f"Persentase realisasi belanja tahun {tahun} sebesar {pct(jumlah.persen_ini)} {word} "
            f"tahun {tahun - 1} yang sebesar {pct(jumlah.persen_lalu)} (realisasi "
            f"{fmt.money(lalu.total.realisasi)} dari pagu {fmt.money(lalu.total.pagu)}).")
        kalimat.append(yoy)
    elif results.belanja and lalu is None:
        kalimat.append(Sentence(f"Data belanja tahun {tahun - 1} tidak tersedia, sehingga perbandingan "
                                "realisasi dengan tahun sebelumnya belum dapat disajikan."))
    blokir = []
    if ini is not None:
        for x in ini.lines:
            if x.blokir:
                blokir.append(f"{x.label} sebesar {fmt.money(x.blokir)} atau "
                              f"{fmt.percent(x.persen_blokir) if x.persen_blokir is not None else fmt.NOT_COMPUTABLE}"
                              f" dari pagu {x.label}")
    if blokir:
        blokir_kalimat = Sentence(f"Pada tahun {tahun} terdapat blokir anggaran (efisiensi) pada "
                                  + join_id(blokir) + ".")
    elif ini is not None:
        blokir_kalimat = Sentence(f"Tidak terdapat blokir anggaran (efisiensi) yang dicatat pada tahun {tahun}.")
    else:
        blokir_kalimat = Sentence()
    dipa = Sentence()
    if ini is not None:
        dipa = Sentence(
            f"Pelaksanaan kegiatan pada {nama} sesuai dengan DIPA Tahun Anggaran {tahun} memperoleh dukungan "
            f"anggaran sebesar {fmt.money(ini.total.pagu)}. Adapun alokasi anggarannya terdiri atas "
            + join_id([f"{x.label.lower()} sebesar {fmt.money(x.pagu)}" for x in ini.lines]) + ".")
    return {"tahun": years, "perubahan": perubahan, "ada": bool(results.belanja),
            "ada_perubahan": bool(perubahan), "kalimat": kalimat, "yoy": yoy,
            "blokir": blokir_kalimat, "dipa": dipa, "tahun_lalu": str(tahun - 1), "tahun_ini": str(tahun)}


SUMBER_LABEL = {"RM": "Rupiah Murni (RM)", "PNBP": "Penerimaan Negara Bukan Pajak (PNBP)"}


def _sumber_dana(results: Results, tahun: int) -> dict:
    years = [
        {"tahun": str(y.tahun), "lines": [{**_line(x), "label": SUMBER_LABEL.get(x.label, x.label)}
                                          for x in y.lines],
         "total": _line(y.total)}
        for y in results.sumber_dana
    ]
    ini, _ = _by_year(results.sumber_dana, tahun)
    kalimat = Sentence()
    if ini is not None:
        kalimat = Sentence("Berdasarkan sumber dananya, anggaran tahun "
                           f"{tahun} berasal dari "
                           + join_id([f"{SUMBER_LABEL.get(x.label, x.label)} sebesar {fmt.money(x.pagu)}"
                                      for x in ini.lines]) + ".")
    return {"tahun": years, "ada": bool(years), "kalimat": kalimat}


def _pnbp(results: Results, nama: str, tahun: int) -> dict:
    rows = [
        {"tahun": str(p.tahun), "target": fmt.money(p.target) if p.target else "tidak ada target",
         "realisasi": fmt.money(p.realisasi),
         "persen": pct(p.persen) if p.target else "-",
         "pertumbuhan": fmt.points(p.pertumbuhan) + "%" if p.pertumbuhan is not None else "-"}
        for p in results.pnbp
    ]
    ini, lalu = _by_year(results.pnbp, tahun)
    kalimat = Sentence()
    ringkas = Sentence()
    if ini is not None:
        real = fmt.money(ini.realisasi)
        if ini.target and ini.persen is not None:
            ringkas = Sentence(f"Realisasi Penerimaan Negara Bukan Pajak (PNBP) {nama} tahun {tahun} sebesar ",
                               Strong(real), " atau ", Strong(fmt.percent(ini.persen)),
                               f" dari target sebesar {fmt.money(ini.target)}.")
        else:
            ringkas = Sentence(f"Realisasi Penerimaan Negara Bukan Pajak (PNBP) {nama} tahun {tahun} sebesar ",
                               Strong(real), f"; pada tahun {tahun} tidak ditetapkan target PNBP, sehingga "
                               "persentase capaiannya tidak dihitung.")
        kalimat = ringkas
        if lalu is not None and ini.pertumbuhan is not None:
            word = trend(ini.pertumbuhan)
            kalimat = kalimat + Sentence(
                f" Dibandingkan tahun {tahun - 1} sebesar {fmt.money(lalu.realisasi)}, realisasi PNBP "
                + (f"tetap." if word == "tetap" else f"{word} sebesar {fmt.percent(abs(ini.pertumbuhan))}."))
    return {"rows": rows, "ada": bool(rows), "kalimat": kalimat, "ringkas": ringkas}


def _nka(results: Results, nama: str, tahun: int) -> dict:
    years = results.nka  # oldest first

    def score(value) -> str:
        return fmt.number(value) if value is not None else TIDAK_BERLAKU

    perencanaan = [
        {"tahun": str(n.tahun), "nilai": [score(v) for v in n.komponen_perencanaan.values()],
         "total": score(n.perencanaan)}
        for n in years
    ]
    labels = list(years[0].komponen_pelaksanaan) if years else []
    by_year = {n.tahun: n for n in years}

    def column(year: int) -> list[str]:
        """The IKPA components of one year, then Nilai Kinerja Pelaksanaan; "-" for a year not typed."""
        n = by_year.get(year)
        if n is None:
            return ["-"] * (len(labels) + 1)
        return [score(v) for v in n.komponen_pelaksanaan.values()] + [score(n.pelaksanaan)]

    pelaksanaan = [
        {"komponen": label, "lalu": lalu, "ini": ini}
        for label, lalu, ini in zip(labels + ["Nilai Kinerja Pelaksanaan"], column(tahun - 1), column(tahun))
    ]
    ringkasan = [
        {"tahun": str(n.tahun), "perencanaan": score(n.perencanaan), "pelaksanaan": score(n.pelaksanaan),
         "nka": score(n.nka)}
        for n in years
    ]
    ini = next((n for n in years if n.tahun == tahun), None)
    kalimat = Sentence()
    if ini is not None:
        kalimat = Sentence(
            "Berdasarkan aplikasi monitoring dan evaluasi kinerja anggaran Kementerian Keuangan, diperoleh "
            "Nilai Kinerja Perencanaan Anggaran sebesar ", Strong(score(ini.perencanaan)),
            " dan Nilai Kinerja Pelaksanaan Anggaran sebesar ", Strong(score(ini.pelaksanaan)),
            f" sehingga Nilai Kinerja Anggaran {nama} pada tahun {tahun} adalah sebesar ",
            Strong(score(ini.nka)), ".")
    return {"ada": bool(years),
            "perencanaan_header": list(years[0].komponen_perencanaan) if years else [],
            "perencanaan": perencanaan, "pelaksanaan": pelaksanaan, "ringkasan": ringkasan,
            "kalimat": kalimat}


# ---------------------------------------------------------------- people, images, other data

def _pegawai(results: Results, nama: str, charts: dict[str, Path]) -> dict:
    dims = []
    for d in results.pegawai:
        parts = [f"{kat} sebanyak {fmt.words(n)} orang" for kat, n in d.rows]
        dims.append({
            "dimensi": d.dimensi,
            "rows": [{"kategori": kat, "jumlah": fmt.count(n)} for kat, n in d.rows],
            "total": fmt.count(d.total),
            "kalimat": Sentence(f"Menurut {d.dimensi.lower()}, pegawai {nama} terdiri atas {join_id(parts)}."),
            "grafik": _chart(charts, pegawai_key(d.dimensi)),
            "judul": f"Komposisi Pegawai {nama} menurut {d.dimensi}",
        })
    total = Sentence()
    if results.pegawai_total is not None:
        total = Sentence(f"{nama} didukung oleh sumber daya manusia sejumlah {fmt.words(results.pegawai_total)} "
                         "orang pegawai.")
    return {"ada": bool(dims), "dimensi": dims, "kalimat": total}


def _chart(charts: dict[str, Path], key: str) -> ImageRef | None:
    path = charts.get(key)
    return ImageRef(Path(path), "grafik") if path else None


def _image(wb: Workbook, path: Path | None, kind: str, sheet: str, cell: str | None) -> ImageRef | None:
    if path is None:
        return None
    path = Path(path)
    if not path.is_absolute():
        path = Path(wb.source).parent / path
    return ImageRef(path, kind, sheet, cell)


def _gambar(wb: Workbook, clerk: _Clerk) -> dict[str, list[dict]]:
    places: dict[str, list[dict]] = {key: [] for key in GAMBAR_BAGIAN.values()}
    for g in wb.gambar:
        key = GAMBAR_BAGIAN.get(g.bagian)
        if key is None:
            continue
        judul = clerk.text(g.judul, "Gambar", "judul", g.row) or Path(g.berkas).stem
        places[key].append({
            "img": _image(wb, g.berkas, "foto", "Gambar", wb.cell("Gambar", "berkas", g.row)),
            "judul": judul,
        })
    return places


def _data_tables(wb: Workbook, clerk: _Clerk) -> list[dict]:
    tables = []
    for t in wb.data_tables:
        if not t.rows:
            continue
        width = max(len(t.headers), *(len(r) for r in t.rows))
        headers = [clerk.text(h, t.sheet, "", 0) or "" for h in t.headers] + [""] * (width - len(t.headers))
        rows = [[(clerk.text(c, t.sheet, "", 0) or "") for c in r] + [""] * (width - len(r)) for r in t.rows]
        tables.append({"judul": t.sheet.strip(), "headers": headers, "rows": rows})
    return tables


# ---------------------------------------------------------------- the whole context

def build_context(results: Results, charts: dict[str, Path] | None = None,
                  warnings: list[Problem] | None = None) -> dict:
    """Every string of the report, from the engine's results (and the charts' PNG paths).

    Warnings about the clerk's text (removed control characters) are appended to `warnings`.
    """
    charts = charts or {}
    warnings = warnings if warnings is not None else []
    wb = results.workbook
    idn = wb.identitas
    tahun = idn.tahun
    clerk = _Clerk(wb, warnings)
    profile, _ = profile_for(tahun)  # the ministry and the Pedoman of the year, unless Identitas says otherwise
    kementerian = clerk.identitas("kementerian") or profile.kementerian
    ident = {
        f: clerk.identitas(f)
        for f in ("nama_satker", "nama_singkat", "provinsi", "kanwil_induk", "alamat", "telepon", "email",
                  "laman", "nama_kepala", "nip_kepala", "jabatan_kepala", "nama_atasan", "jabatan_atasan",
                  "tempat_ttd")
    }
    nama = ident["nama_satker"] or ""
    satker = {
        **{k: (v or "") for k, v in ident.items()},
        "nama": nama,
        "nama_kapital": nama.upper(),
        "kanwil": idn.jenis == KANWIL,
        "tempat_tanggal": f"{ident['tempat_ttd'] or ''}, {fmt.long_date(idn.tanggal_ttd)}",
        "nip_baris": f"NIP {ident['nip_kepala']}" if ident["nip_kepala"] else "",
        "ada_atasan": bool(ident["jabatan_atasan"]),
        "kanwil_induk_kapital": (ident["kanwil_induk"] or "").upper(),
    }

    # IKK, grouped by sasaran, each formatted once
    sasaran = []
    ikk_all: list[dict] = []
    pairs: list[tuple[IkkResult, dict]] = []
    for s in results.sasaran:
        items = [_ikk(r, HURUF[i % 26], wb, clerk) for i, r in enumerate(s.ikk)]
        ikk_all.extend(items)
        pairs.extend(zip(s.ikk, items))
        sasaran.append({
            "no": str(s.no),
            "nama": s.nama,
            "ikk": items,
            "jumlah_ikk": fmt.words(len(items)),
            "rata": pct(s.rata_capaian),
            "rata_alasan": because(s.rata_alasan) if s.rata_capaian is None else "",
        })
    for s in sasaran:
        names = [f"{k['nama']} dengan capaian " for k in s["ikk"]]
        parts: list[str] = [f"Sasaran Kegiatan {s['nama']} memiliki {s['jumlah_ikk']} Indikator Kinerja "
                            "Kegiatan berupa "]
        for i, (k, label) in enumerate(zip(s["ikk"], names)):
            if i:
                parts.append(" serta " if i == len(names) - 1 else ", ")
            parts += [label, Strong(k["capaian"])]
        parts.append(";")
        s["ringkasan"] = Sentence(*parts)
        s["intro"] = Sentence(
            f"Sasaran Kegiatan {s['nama']} diukur dengan {s['jumlah_ikk']} Indikator Kinerja Kegiatan, "
            f"dengan rata-rata capaian sebesar {s['rata']}.")

    rata = pct(results.rata_capaian)
    catatan = [Sentence(f"{k['nama']}: {k['alasan']}") for k in ikk_all if k["alasan"]]
    catatan += [Sentence(f"Rata-rata Sasaran Kegiatan {s['no']}: {s['rata_alasan']}") for s in sasaran
                if s["rata_alasan"]]
    anggaran = _anggaran(results, nama, tahun)
    belanja = _belanja(results, nama, tahun)
    pnbp = _pnbp(results, nama, tahun)
    narasi = {slug(b): clerk.narasi(b) for b in NARASI_BAGIAN}

    kesimpulan_ikk = []
    for s in sasaran:
        kesimpulan_ikk.append({
            "sasaran": s["nama"],
            "no": s["no"],
            "ikk": [Sentence(f"{k['nama']} dengan capaian sebesar ", Strong(k["capaian"]), ";")
                    for k in s["ikk"]],
            "kalimat": Sentence(f"Pada Sasaran Kegiatan “{s['nama']}” terdapat {s['jumlah_ikk']} Indikator "
                                f"Kinerja Kegiatan dengan rata-rata capaian sebesar {s['rata']}, yaitu:"),
        })
    rata_kalimat = Sentence("Dari seluruh sasaran kegiatan yang ditetapkan, diperoleh rata-rata capaian kinerja "
                            "sebesar ", Strong(rata), ".")

    saran_default = []
    for r, k in pairs:
        if k["solusi"]:
            continue
        if r.capaian is None:
            saran_default.append(Sentence(
                f"Melengkapi data {k['nama']} agar capaian kinerjanya dapat dihitung dan dievaluasi."))
        else:
            if sign(r.capaian - 100) < 0:
                saran_default.append(Sentence(
                    f"Meningkatkan upaya pencapaian target {k['nama']}, yang pada tahun {tahun} baru mencapai "
                    f"{k['capaian']}, dengan menindaklanjuti kendala yang telah diidentifikasi."))
            else:
                saran_default.append(Sentence(
                    f"Mempertahankan capaian {k['nama']} sebesar {k['capaian']} dan menjadikannya dasar "
                    "penetapan target yang lebih menantang pada tahun berikutnya."))
    saran_solusi = [{"ikk": k["nama"], "isi": k["solusi"]} for k in ikk_all if k["solusi"]]

    inovasi = [
        {"nama": clerk.text(x.nama, "Inovasi", "nama", x.row) or "",
         "kepanjangan": clerk.text(x.kepanjangan, "Inovasi", "kepanjangan", x.row) or "",
         "uraian": clerk.text(x.uraian, "Inovasi", "uraian", x.row) or "-"}
        for x in wb.inovasi
    ]
    for x in inovasi:
        x["label"] = f"{x['nama']} ({x['kepanjangan']})" if x["kepanjangan"] else x["nama"]
    penghargaan = [
        {"tahun": str(x.tahun) if x.tahun else "-",
         "penghargaan": clerk.text(x.penghargaan, "Penghargaan", "penghargaan", x.row) or "",
         "pemberi": clerk.text(x.pemberi, "Penghargaan", "pemberi", x.row) or "-",
         "uraian": clerk.text(x.uraian, "Penghargaan", "uraian", x.row) or "-"}
        for x in wb.penghargaan
    ]

    risiko_register = [
        {"sasaran": s["nama"], "ikk": k["nama"], "rows": k["risiko"]}
        for s in sasaran for k in s["ikk"] if k["risiko"]
    ]

    return {
        "tahun": str(tahun),
        "tahun_lalu": str(tahun - 1),
        "tahun_depan": str(tahun + 1),
        "kementerian": kementerian,
        "kementerian_kapital": kementerian.upper(),
        "pedoman": clerk.identitas("pedoman") or profile.pedoman,
        "renstra": renstra(tahun),
        "satker": satker,
        "nama_singkat": satker["nama_singkat"],
        "logo": _image(wb, idn.logo, "logo", "Identitas", wb.identitas_cells.get("logo")),
        "struktur": _image(wb, idn.struktur_organisasi, "foto", "Identitas", wb.identitas_cells.get("struktur_organisasi")),
        "peta": _image(wb, idn.peta_wilayah, "foto", "Identitas", wb.identitas_cells.get("peta_wilayah")),
        "narasi": narasi,
        "jumlah_sasaran": fmt.words(len(sasaran)),
        "jumlah_ikk": fmt.words(len(ikk_all)),
        "sasaran": sasaran,
        "ikk": ikk_all,
        "rata_capaian": rata,
        "catatan_capaian": catatan,
        "rata_metode": results.rata_metode,
        "rata_kalimat": rata_kalimat,
        "anggaran": anggaran,
        "belanja": belanja,
        "sumber_dana": _sumber_dana(results, tahun),
        "pnbp": pnbp,
        "nka": _nka(results, nama, tahun),
        "pegawai": _pegawai(results, nama, charts),
        "grafik": {
            "ikk_target_realisasi": _chart(charts, "ikk_target_realisasi"),
            "ikk_capaian": _chart(charts, "ikk_capaian"),
            "belanja": _chart(charts, "belanja"),
        },
        "kesimpulan": {"sasaran": kesimpulan_ikk},
        "saran": {"solusi": saran_solusi, "default": saran_default},
        "inovasi": inovasi,
        "penghargaan": penghargaan,
        "risiko_register": risiko_register,
        "data_tabel": _data_tables(wb, clerk),
        "gambar": _gambar(wb, clerk),
        "kosong": {
            "pegawai": Sentence("Data komposisi pegawai tidak tersedia."),
            "risiko": Sentence("Data manajemen risiko tidak tersedia."),
            "anggaran": Sentence("Data realisasi anggaran per kegiatan tidak tersedia."),
            "belanja": Sentence("Data realisasi anggaran menurut jenis belanja tidak tersedia."),
            "sumber_dana": Sentence("Data anggaran menurut sumber dana tidak tersedia."),
            "pnbp": Sentence("Data Penerimaan Negara Bukan Pajak (PNBP) tidak tersedia."),
            "nka": Sentence("Data Nilai Kinerja Anggaran tidak tersedia."),
            "inovasi": Sentence("Data inovasi tidak tersedia."),
            "penghargaan": Sentence("Data penghargaan tidak tersedia."),
            "data_tabel": Sentence("Data capaian output lainnya tidak tersedia."),
            "e_performance": Sentence("Uraian pengisian E-Performance dan E-Monev tidak tersedia."),
            "isu_strategis": Sentence("Uraian isu strategis tidak tersedia."),
            "sejarah": Sentence("Uraian sejarah dan wilayah kerja tidak tersedia."),
            "lampiran": Sentence("Dokumen pindaian Perjanjian Kinerja tidak disertakan pada lampiran ini."),
        },
    }
