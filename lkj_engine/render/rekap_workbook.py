"""The rekap workbook beside a Kanwil's report: every jajaran table as a sheet, ready to forward.

`write_rekap(results, path)` writes `Rekap_<Nama Singkat>_<Tahun>.xlsx` (the caller picks a temporary
path and renames it). A first sheet "Ringkasan" holds every satker's headline figures, then one sheet
per jajaran table of the report, with the same values: rupiah and counts exact, percentages and
scores rounded as the report prints them (`formatting.display_round`), a figure a satker did not
give left blank, never 0. Values only, no formulas: every text cell is written as a string, so a
clerk's name starting with ``=``, ``+``, ``-`` or ``@`` is never read as a formula by Excel.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook as XlWorkbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lkj_engine.compute.jajaran import belanja_jenis, layanan_persen, pertumbuhan, pnbp_satker, rasio
from lkj_engine.contract import formatting as fmt
from lkj_engine.model.jajaran import RATA_IKK_LABEL, Jajaran
from lkj_engine.model.results import BudgetLine, Results

FONT = "Calibri"
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(name=FONT, bold=True, color="FFFFFF")
TOTAL_FILL = PatternFill("solid", fgColor="E7EEF6")
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FORMATS = {"rupiah": "#,##0", "bulat": "#,##0", "persen": "0.00", "nilai": "0.00", "teks": "@"}
FIRST_ROW = 3  # row 1: title, row 2: the office and year
MAX_WIDTH = 40  # a longer text wraps in its cell (a header wraps at its words)


@dataclass(frozen=True)
class V:
    """One cell: its value and its kind (a key of FORMATS)."""

    value: Any
    kind: str = "teks"


def teks(value: str | None) -> V:
    return V(value, "teks")


def rp(value: Decimal | None) -> V:
    return V(value, "rupiah")


def bulat(value: int | Decimal | None) -> V:
    return V(value, "bulat")


def persen(value: Decimal | None) -> V:
    return V(value, "persen")


def nilai(value: Decimal | None) -> V:
    return V(value, "nilai")


@dataclass
class Table:
    """A sheet: title, one or two header rows (a group row is (label, span) pairs), body rows,
    and which body rows are JUMLAH / Rata-rata rows (bold)."""

    name: str
    title: str
    headers: list[str]
    rows: list[list[V]]
    totals: set[int]
    groups: list[tuple[str, int]] | None = None
    notes: tuple[str, ...] = ()


def _cell_value(v: V) -> Any:
    """The value openpyxl stores: whole rupiah and counts as int, percentages and scores as the report
    rounds them, None as an empty cell."""
    if v.value is None:
        return None
    if v.kind == "teks":
        return str(v.value)
    value = Decimal(v.value)
    if v.kind in ("rupiah", "bulat"):
        return int(value)
    return float(fmt.display_round(value))


def _shown(v: V) -> str:
    """The text a reader sees (for the column width)."""
    if v.value is None:
        return ""
    if v.kind == "teks":
        return str(v.value)
    if v.kind in ("rupiah", "bulat"):
        return fmt.count(Decimal(v.value))
    return fmt.number(Decimal(v.value))


def _put(ws: Worksheet, row: int, col: int, value: Any, text: bool) -> Any:
    cell = ws.cell(row, col)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters a workbook cannot hold (as the report)
    cell.value = value
    if text and value is not None:
        cell.data_type = "s"  # a string, whatever it starts with: openpyxl would make "=..." a formula
    return cell


def _write(ws: Worksheet, table: Table, subtitle: str) -> None:
    _put(ws, 1, 1, table.title, True).font = Font(name=FONT, bold=True, size=12)
    _put(ws, 2, 1, subtitle, True).font = Font(name=FONT, italic=True)
    row = FIRST_ROW
    if table.groups:
        col = 1
        for label, span in table.groups:
            cell = _put(ws, row, col, label or None, True)
            for c in range(col, col + span):
                ws.cell(row, c).fill, ws.cell(row, c).border = HEADER_FILL, BORDER
            cell.font = HEADER_FONT
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            if span > 1:
                ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + span - 1)
            col += span
        row += 1
    for c, label in enumerate(table.headers, start=1):
        cell = _put(ws, row, c, label, True)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    header_row = row
    widths = [max((len(w) for w in h.split()), default=0) for h in table.headers]
    for i, values in enumerate(table.rows):
        row += 1
        for c, v in enumerate(values, start=1):
            cell = _put(ws, row, c, _cell_value(v), v.kind == "teks")
            cell.number_format = FORMATS[v.kind]
            cell.border = BORDER
            cell.font = Font(name=FONT, bold=i in table.totals)
            if i in table.totals:
                cell.fill = TOTAL_FILL
            if v.kind != "teks":
                cell.alignment = Alignment(horizontal="right")
            elif len(_shown(v)) + 3 > MAX_WIDTH:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            widths[c - 1] = max(widths[c - 1], len(_shown(v)))
    columns = [min(width + 3, MAX_WIDTH) for width in widths]
    for c, width in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    _fit_heights(ws, header_row, row, columns)
    row += 1
    for note in table.notes:
        row += 1
        _note(ws, row, note, columns)
    ws.freeze_panes = ws.cell(header_row + 1, 2)
    ws.print_title_rows = f"{FIRST_ROW}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _fit_heights(ws: Worksheet, first: int, last: int, columns: list[float]) -> None:
    """Rows tall enough for their wrapped text (a spreadsheet does not grow a row it did not lay out)."""
    for r in range(first, last + 1):
        lines = max([-(-len(cell.value) // max(int(width) - 3, 1)) for cell, width in zip(ws[r], columns)
                     if isinstance(cell.value, str) and cell.alignment.wrap_text] or [1])
        if lines > 1:
            ws.row_dimensions[r].height = 15 * lines


def _note(ws: Worksheet, row: int, note: str, columns: list[float]) -> None:
    """A note wrapped in one merged cell as wide as the table, so it never widens the printed page."""
    cell = _put(ws, row, 1, note, True)
    cell.font = Font(name=FONT, italic=True, size=9)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if len(columns) > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(columns))
    # 9-pt italic: about 1.15 characters per unit of column width, 12 points a line
    lines = -(-len(note) // max(int(sum(columns) * 1.15), 1))
    ws.row_dimensions[row].height = 12 * lines + 3


# ---------------------------------------------------------------- the tables

def _line(line: BudgetLine | None) -> list[V]:
    if line is None:
        return [rp(None), rp(None), persen(None)]
    return [rp(line.pagu), rp(line.realisasi), persen(line.persen)]


def ringkasan(results: Results) -> Table:
    j = results.jajaran
    tahun = results.workbook.tahun
    pnbp = next((y for y in j.pnbp if y.tahun == tahun), None)
    anggaran = dict(j.anggaran)
    nka = {n.satker: n for n in j.nka}
    pegawai = dict(j.pegawai)
    rows = []
    for i, s in enumerate(j.satker, start=1):
        target, real = pnbp.per_satker.get(s.nama_singkat, (None, None)) if pnbp else (None, None)
        n = nka.get(s.nama_singkat)
        rows.append([bulat(i), teks(s.nama), teks(s.nama_singkat), teks(s.jenis), *_line(anggaran.get(s.nama_singkat)),
                     rp(target), rp(real), persen(rasio(real, target)),
                     nilai(n.perencanaan if n else None), nilai(n.pelaksanaan if n else None),
                     nilai(n.nka if n else None), bulat(pegawai.get(s.nama_singkat)),
                     persen(j.rata_ikk.get(s.nama_singkat))])
    rows.append([teks(None), teks("Jajaran"), teks(None), teks(None), *_line(j.anggaran_total),
                 rp(pnbp.target if pnbp else None), rp(pnbp.realisasi if pnbp else None),
                 persen(pnbp.persen if pnbp else None), nilai(j.nka_rata.perencanaan),
                 nilai(j.nka_rata.pelaksanaan), nilai(j.nka_rata.nka), bulat(j.pegawai_total),
                 persen(j.rata_wilayah)])
    return Table(
        "Ringkasan", "Ringkasan Jajaran",
        ["No", "Satuan Kerja", "Nama Singkat", "Jenis", "Pagu (Rp)", "Realisasi Anggaran (Rp)",
         "Realisasi Anggaran (%)", f"Target PNBP {tahun} (Rp)", f"Realisasi PNBP {tahun} (Rp)", "Capaian PNBP (%)",
         "Nilai Kinerja Perencanaan", "Nilai Kinerja Pelaksanaan", "Nilai Kinerja Anggaran", "Jumlah Pegawai",
         "Rata-rata Capaian IKK PK Kantor Wilayah (%)"],
        rows, {len(rows) - 1},
        notes=("Baris Jajaran: anggaran, PNBP dan pegawai adalah jumlah seluruh satuan kerja (persentase dari "
               "jumlah tersebut); nilai kinerja anggaran adalah rata-rata satuan kerja; rata-rata capaian IKK "
               "adalah rata-rata kolom Wilayah pada sheet Capaian IKK.",
               "Satuan kerja lain: angkanya sendiri (pagu Kantor Wilayah adalah DIPA-nya sendiri); rata-rata "
               "capaian IKK setiap satuan kerja dihitung dari IKK Perjanjian Kinerja Kantor Wilayah pada sheet "
               "Capaian IKK saja, dengan cara yang sama, sehingga dapat berbeda dari rata-rata capaian kinerja "
               "pada laporan satuan kerja itu sendiri. Sel kosong: data tidak diisi, tidak dapat dihitung atau tidak berlaku (rata-rata "
               "Kantor Wilayah bila ada IKK berangka wilayah), bukan 0."))


def anggaran_table(j: Jajaran, tahun: int) -> Table:
    rows = [[teks(nama), *_line(line), persen(rasio(line.pagu, j.anggaran_total.pagu))] for nama, line in j.anggaran]
    rows.append([teks("Jumlah Jajaran"), *_line(j.anggaran_total), persen(rasio(j.anggaran_total.pagu,
                                                                                j.anggaran_total.pagu))])
    return Table("Anggaran", f"Realisasi Anggaran Jajaran Tahun {tahun}",
                 ["Satuan Kerja", "Pagu (Rp)", "Realisasi (Rp)", "Realisasi (%)", "Porsi Pagu Jajaran (%)"],
                 rows, {len(rows) - 1})


def belanja_table(j: Jajaran, tahun: int) -> Table:
    jenis_ada = belanja_jenis(j)
    rows = []
    for b in [*j.belanja, j.belanja_total]:
        label = "Jumlah Jajaran" if b is j.belanja_total else b.satker
        rows.append([teks(label), *(v for jenis in jenis_ada for v in _line(b.lines[jenis])), *_line(b.total)])
    headers = ["Satuan Kerja"] + ["Pagu (Rp)", "Realisasi (Rp)", "%"] * (len(jenis_ada) + 1)
    groups = [("", 1)] + [(jenis, 3) for jenis in jenis_ada] + [("Total", 3)]
    return Table("Belanja", f"Realisasi Anggaran Jajaran menurut Jenis Belanja Tahun {tahun}", headers, rows,
                 {len(rows) - 1}, groups=groups)


def pnbp_table(j: Jajaran, tahun: int) -> Table:
    years = j.pnbp
    rows = []
    for nama in pnbp_satker(j):
        cells: list[V] = [teks(nama)]
        for y in years:
            target, real = y.per_satker.get(nama, (None, None))
            cells += [rp(target), rp(real), persen(rasio(real, target))]
        if len(years) == 2:
            cells.append(persen(pertumbuhan(years[1].per_satker.get(nama, (None, None))[1],
                                            years[0].per_satker.get(nama, (None, None))[1])))
        rows.append(cells)
    total: list[V] = [teks("Jumlah Jajaran")]
    for y in years:
        total += [rp(y.target), rp(y.realisasi), persen(y.persen)]
    if len(years) == 2:
        total.append(persen(pertumbuhan(years[1].realisasi, years[0].realisasi)))
    rows.append(total)
    headers = ["Satuan Kerja"] + ["Target (Rp)", "Realisasi (Rp)", "Capaian (%)"] * len(years)
    groups = [("", 1)] + [(str(y.tahun), 3) for y in years]
    if len(years) == 2:
        headers.append("Pertumbuhan Realisasi (%)")
        groups.append(("", 1))
    return Table("PNBP", "Realisasi Penerimaan Negara Bukan Pajak (PNBP) Jajaran", headers, rows,
                 {len(rows) - 1}, groups=groups)


def nka_table(j: Jajaran, tahun: int) -> Table:
    rows = [[teks(n.satker), nilai(n.perencanaan), nilai(n.pelaksanaan), nilai(n.nka)] for n in j.nka]
    rows.append([teks("Rata-rata Jajaran"), nilai(j.nka_rata.perencanaan), nilai(j.nka_rata.pelaksanaan),
                 nilai(j.nka_rata.nka)])
    return Table("NKA", f"Nilai Kinerja Anggaran Jajaran Tahun {tahun}",
                 ["Satuan Kerja", "Nilai Kinerja Perencanaan", "Nilai Kinerja Pelaksanaan", "Nilai Kinerja Anggaran"],
                 rows, {len(rows) - 1})


def layanan_table(j: Jajaran, tahun: int) -> Table:
    rows: list[list[V]] = []
    totals = set()
    for g in j.layanan:
        for x in [*g.per_satker, g.jumlah]:
            d1, d2 = layanan_persen(x)
            if x is g.jumlah:
                totals.add(len(rows))
            rows.append([teks(g.kelompok), teks("Jumlah" if x is g.jumlah else x.satker), bulat(x.diterima),
                         bulat(x.selesai), bulat(x.sesuai_syarat), bulat(x.tepat_waktu), persen(d1), persen(d2)])
    return Table("Layanan", f"Data Layanan Keimigrasian Jajaran Tahun {tahun}",
                 ["Kelompok Layanan", "Satuan Kerja", "Permohonan Diterima",
                  "Permohonan Diselesaikan (Terbit + Ditolak + Batal Sistem)", "Diterima Sesuai Persyaratan",
                  "Diselesaikan Tepat Waktu", "Diselesaikan (%)", "Tepat Waktu (%)"], rows, totals)


def _ukuran(value: Decimal | None) -> V:
    """A Pembilang or Penyebut: a whole count, or a measured amount with 2 decimals."""
    whole = value is None or value == value.to_integral_value()
    return V(value, "bulat" if whole else "nilai")


def komponen_table(j: Jajaran, tahun: int) -> Table:
    rows: list[list[V]] = []
    totals = set()
    for leaf in j.leaves:
        key = [teks(leaf.kode_ikk), teks(leaf.kode), teks(leaf.nama)]
        for s in leaf.shown_shares:
            rows.append([*key, teks(s.satker), _ukuran(s.pembilang), _ukuran(s.penyebut),
                         persen(rasio(s.pembilang, s.penyebut))])
        totals.add(len(rows))
        rows.append([*key, teks("Jumlah Jajaran"), _ukuran(leaf.pembilang), _ukuran(leaf.penyebut),
                     persen(rasio(leaf.pembilang, leaf.penyebut))])
    return Table("Komponen Regional", f"Komponen Indeks Regional per Satuan Kerja Tahun {tahun}",
                 ["Kode IKK", "Kode", "Komponen", "Satuan Kerja", "Pembilang", "Penyebut", "Pembilang ÷ Penyebut (%)"],
                 rows, totals)


def pegawai_table(j: Jajaran, tahun: int) -> Table:
    rows = [[teks(nama), bulat(n), persen(rasio(_dec(n), _dec(j.pegawai_total)))] for nama, n in j.pegawai]
    rows.append([teks("Jumlah Jajaran"), bulat(j.pegawai_total),
                 persen(rasio(_dec(j.pegawai_total), _dec(j.pegawai_total)))])
    return Table("Pegawai", f"Jumlah Pegawai Jajaran Tahun {tahun}", ["Satuan Kerja", "Jumlah Pegawai", "Porsi (%)"],
                 rows, {len(rows) - 1})


def _dec(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def capaian_table(results: Results) -> Table:
    j = results.jajaran
    names = j.nama_satker
    rows = [[teks(r.kode), teks(r.nama), persen(r.regional), *(persen(r.per_satker.get(n)) for n in names)]
            for r in j.ikk]
    rows.append([teks(None), teks(RATA_IKK_LABEL), persen(j.rata_wilayah),
                 *(persen(j.rata_ikk.get(n)) for n in names)])
    return Table("Capaian IKK", f"Capaian Indikator Kinerja Kegiatan per Satuan Kerja Tahun {results.workbook.tahun}",
                 ["Kode IKK", "Indikator Kinerja Kegiatan", "Wilayah (regional)", *names], rows, {len(rows) - 1},
                 notes=("Wilayah: capaian regional Kantor Wilayah; kolom satuan kerja: capaian indikator dengan "
                        "Kode IKK yang sama pada Perjanjian Kinerja satuan kerja itu sendiri. Rata-rata: dari IKK pada "
                        "sheet ini saja (rata-rata dari rata-rata setiap Sasaran Kegiatan Kantor Wilayah). Sel "
                        "kosong: indikator tidak ada, capaiannya tidak dapat dihitung, atau tidak berlaku (kolom "
                        "Kantor Wilayah pada IKK berangka wilayah, yang dijumlahkan se-jajaran).",))


def tables(results: Results) -> list[Table]:
    j = results.jajaran
    tahun = results.workbook.tahun
    out = [ringkasan(results), anggaran_table(j, tahun), belanja_table(j, tahun)]
    if j.pnbp:
        out.append(pnbp_table(j, tahun))
    if j.nka:
        out.append(nka_table(j, tahun))
    if j.layanan:
        out.append(layanan_table(j, tahun))
    if j.leaves:
        out.append(komponen_table(j, tahun))
    out += [pegawai_table(j, tahun), capaian_table(results)]
    return out


def write_rekap(results: Results, path: Path) -> None:
    """Write the rekap workbook of a consolidated Kanwil run at `path` (values only)."""
    if results.jajaran is None:
        raise ValueError("write_rekap: hasil ini bukan laporan Kantor Wilayah dengan jajarannya")
    ident = results.workbook.identitas
    subtitle = f"{ident.nama_satker} dan jajarannya, Tahun {ident.tahun}"
    book = XlWorkbook()
    book.remove(book.active)
    for table in tables(results):
        _write(book.create_sheet(table.name), table, subtitle)
    book.properties.creator = "LKjIP generator"
    book.properties.title = ILLEGAL_CHARACTERS_RE.sub("", f"Rekap Jajaran {ident.nama_singkat} {ident.tahun}")
    book.properties.created = datetime(ident.tahun, 1, 1)
    buffer = io.BytesIO()
    book.save(buffer)
    Path(path).write_bytes(_reproducible(buffer.getvalue(), book.properties.created))


def _reproducible(data: bytes, stamp: datetime) -> bytes:
    """Same input, same bytes: openpyxl stamps the save time into docProps/core.xml and every zip entry."""
    out = io.BytesIO()
    fixed = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + fixed.encode(), content)
            info = zipfile.ZipInfo(item.filename, date_time=stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, content)
    return out.getvalue()


__all__ = ["write_rekap", "tables"]

