"""Build the jajaran example: a fictional Kanwil and three fictional Kanim, from the Kanim example.

    python input_templates/build_jajaran.py

writes `input_templates/contoh_jajaran/` (four workbooks and the pictures they name). The Kanim are
the Kanim example (Batu Kerapu) and two smaller offices whose counts and money are the example's
scaled down (whole numbers, rounded down, so every "part ≤ whole" of the example still holds). The
Kanwil keeps the example's indicator set with every counted leaf of IKK-1 and IKK-2 marked
`Rekap Jajaran = Ya`, its own budget, NKA and staff, no services of its own (a Kanwil serves no
applicants), and a `Jajaran` sheet listing the three Kanim. Everything is fictional.
"""
from __future__ import annotations

import math
import re
import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.workbook import Workbook

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE / "contoh_kanim_2025.xlsx"
OUT = HERE / "contoh_jajaran"
PICTURES = ("contoh_logo.png", "contoh_struktur_organisasi.png", "contoh_piagam_wbk.png")

KANWIL = {
    "Nama Satker": "Kantor Wilayah Direktorat Jenderal Imigrasi Kepulauan Nusa Karang",
    "Nama Singkat": "Kanwil Nusa Karang",
    "Jenis Satker": "Kanwil",
    "Kanwil Induk": None,
    "Alamat": "Jl. Gubernur Laut No. 3, Kota Karang Utama 29100",
    "Telepon": "(0799) 310010",
    "Email": "kanwil.nusakarang@contoh.go.id",
    "Laman": "https://nusakarang.contoh.go.id",
    "Nama Kepala": "Dewi Kartika Sari",
    "NIP Kepala": "197203151998032001",
    "Jabatan Kepala": "Kepala Kantor Wilayah Direktorat Jenderal Imigrasi Kepulauan Nusa Karang",
    "Nama Atasan": "Hendra Gunawan Saputra",
    "Jabatan Atasan": "Direktur Jenderal Imigrasi",
    "Tempat Penandatanganan": "Karang Utama",
}
# Nama Satker -> (Nama Singkat, file, scale of counts and money, Identitas changes)
KANIM = {
    "Kantor Imigrasi Kelas II TPI Batu Kerapu": ("Kanim Batu Kerapu", "contoh_kanim_batu_kerapu_2025.xlsx", None, {}),
    "Kantor Imigrasi Kelas III Non TPI Teluk Sirip": ("Kanim Teluk Sirip", "contoh_kanim_teluk_sirip_2025.xlsx", "0.46", {
        "Alamat": "Jl. Dermaga Sirip No. 8, Kota Teluk Sirip 29415", "Telepon": "(0799) 442018",
        "Email": "kanim.teluksirip@contoh.go.id", "Laman": "https://teluksirip.contoh.go.id",
        "Nama Kepala": "Rudi Hartono Siregar", "NIP Kepala": "198101232005011003",
        "Jabatan Kepala": "Kepala Kantor Imigrasi Kelas III Non TPI Teluk Sirip",
        "Tempat Penandatanganan": "Teluk Sirip"}),
    "Kantor Imigrasi Kelas III TPI Pulau Insang": ("Kanim Pulau Insang", "contoh_kanim_pulau_insang_2025.xlsx", "0.31", {
        "Alamat": "Jl. Bandar Insang No. 21, Kota Pulau Insang 29520", "Telepon": "(0799) 551207",
        "Email": "kanim.pulauinsang@contoh.go.id", "Laman": "https://pulauinsang.contoh.go.id",
        "Nama Kepala": "Maria Magdalena Tampubolon", "NIP Kepala": "198306172006042001",
        "Jabatan Kepala": "Kepala Kantor Imigrasi Kelas III TPI Pulau Insang",
        "Tempat Penandatanganan": "Pulau Insang"}),
}
# columns scaled in a smaller Kanim (counts and Rupiah); percentages, indices and years never are
SCALED = {
    "Layanan": ("Diterima", "Terbit", "Ditolak", "Batal Sistem", "Sesuai Syarat", "Tepat Waktu"),
    "Komponen": ("Pembilang", "Penyebut"),
    "Anggaran": ("Pagu", "Realisasi"),
    "Belanja": ("Pagu", "Realisasi", "Blokir"),
    "Sumber Dana": ("Pagu", "Realisasi"),
    "PNBP": ("Target", "Realisasi"),
    "Pegawai": ("Jumlah",),
}
NKA_SHIFT = {"0.46": Decimal("-1.37"), "0.31": Decimal("0.84")}  # a little difference between offices
REGIONAL_IKK = ("IKK-1", "IKK-2")
KANIM_ONLY_IKK = ("IKK-5",)  # not in a Kanwil's Perjanjian Kinerja (profile 2025-2029, [[kanwil.ikk]])
KANWIL_ONLY_SHEETS_DROPPED = ("Layanan", "PNBP", "Data Paspor", "Data Perlintasan")


def _headers(ws) -> dict[str, int]:
    return {str(c.value).strip(): c.column for c in ws[1] if c.value is not None}


def _data_rows(ws):
    for row in ws.iter_rows(min_row=2, max_row=ws.max_row):
        if any(c.value not in (None, "") for c in row):
            yield row


def set_identitas(wb: Workbook, values: dict) -> None:
    ws = wb["Identitas"]
    for row in ws.iter_rows(min_row=2):
        name = str(row[0].value or "").strip()
        if name in values:
            row[1].value = values[name]


def number(value) -> Decimal | None:
    """A cell as the example holds it: a number, or a clerk's text such as 'Rp 1.250.000.000,-'."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    text = re.sub(r"^Rp\s*|,-$|\s", "", str(value)).replace(".", "").replace(",", ".")
    return Decimal(text) if re.fullmatch(r"\d+(\.\d+)?", text) else None


def _scale_cells(cells: list, f: Decimal, rounding=math.floor) -> None:
    """Scale whole numbers; the last cell takes the remainder so the group's total is floor(total × f),
    whichever sheet it is on (Anggaran, Belanja and Sumber Dana of a year then still agree)."""
    values = [number(c.value) for c in cells]
    known = [(c, v) for c, v in zip(cells, values) if v is not None]
    if not known:
        return
    for c, v in known:
        c.value = int(rounding(v * f))
    if rounding is math.floor:
        total = math.floor(sum(v for _, v in known) * f)
        last = known[-1][0]
        last.value += total - sum(c.value for c, _ in known)


def _groups(ws, key_column: str | None):
    """Data rows grouped by a column (Tahun, Dimensi), or all together."""
    h = _headers(ws)
    groups: dict = {}
    for row in _data_rows(ws):
        key = row[h[key_column] - 1].value if key_column else None
        groups.setdefault(key, []).append(row)
    return groups.values()


GROUP_BY = {"Anggaran": None, "Belanja": "Tahun", "Sumber Dana": "Tahun", "PNBP": None, "Pegawai": "Dimensi"}


def scale_money_and_staff(wb: Workbook, factor: Decimal, sheets=tuple(GROUP_BY)) -> None:
    for sheet in sheets:
        ws = wb[sheet]
        h = _headers(ws)
        for rows in _groups(ws, GROUP_BY[sheet]):
            for name in SCALED[sheet]:
                if name in h:
                    cells = [r[h[name] - 1] for r in rows]
                    if sheet == "PNBP":  # one row per year: no total to keep
                        for c in cells:
                            v = number(c.value)
                            if v is not None:
                                c.value = int(math.floor(v * factor))
                    else:
                        _scale_cells(cells, factor)


def scale(wb: Workbook, factor: str) -> None:
    f = Decimal(factor)
    scale_money_and_staff(wb, f)
    for sheet, rounding in (("Layanan", math.floor), ("Komponen", math.ceil)):
        ws = wb[sheet]
        cols = [c for name, c in _headers(ws).items() if name in SCALED[sheet]]
        for row in _data_rows(ws):
            for col in cols:
                cell = row[col - 1]
                v = number(cell.value)
                if v is not None:
                    cell.value = int(rounding(v * f))
    ws = wb["NKA"]
    h = _headers(ws)
    shift = NKA_SHIFT[factor]
    for row in _data_rows(ws):
        per, pel = number(row[h["Nilai Perencanaan"] - 1].value), number(row[h["Nilai Pelaksanaan"] - 1].value)
        if per is None or pel is None:
            continue
        pel = min(Decimal(100), pel + shift)
        row[h["Nilai Pelaksanaan"] - 1].value = float(pel)
        row[h["NKA"] - 1].value = float(((per + pel) / 2).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def clear_rows(ws) -> None:
    for row in _data_rows(ws):
        for cell in row:
            cell.value = None


def kanwil_workbook() -> Workbook:
    wb = openpyxl.load_workbook(EXAMPLE)
    set_identitas(wb, KANWIL)
    ws = wb["Komponen"]
    h = _headers(ws)
    parents = {str(r[h["Induk"] - 1].value) for r in _data_rows(ws) if r[h["Induk"] - 1].value}
    for row in _data_rows(ws):
        kode_ikk, kode = row[h["Kode IKK"] - 1].value, row[h["Kode"] - 1].value
        if kode_ikk in REGIONAL_IKK and kode not in parents and row[h["Nilai"] - 1].value is None:
            row[h["Rekap Jajaran"] - 1].value = "Ya"
            if row[h["Sumber"] - 1].value is None:  # the Kanwil's own share: a few cases of its own
                for name in ("Pembilang", "Penyebut"):
                    cell = row[h[name] - 1]
                    if isinstance(cell.value, (int, float)):
                        cell.value = math.floor(Decimal(str(cell.value)) * Decimal("0.08"))
    for sheet in ("IKK", "Komponen", "Riwayat IKK", "Risiko", "Analisis IKK"):
        ws = wb[sheet]
        col = _headers(ws)["Kode IKK"]
        for row in _data_rows(ws):
            if row[col - 1].value in KANIM_ONLY_IKK:
                for cell in row:
                    cell.value = None
    for sheet in KANWIL_ONLY_SHEETS_DROPPED:
        if sheet in ("Layanan", "PNBP"):
            clear_rows(wb[sheet])
        elif sheet in wb.sheetnames:
            del wb[sheet]
    scale_money_and_staff(wb, Decimal("0.38"), ("Anggaran", "Belanja", "Sumber Dana"))
    scale_money_and_staff(wb, Decimal("0.55"), ("Pegawai",))
    _jajaran_sheet(wb)
    return wb


def _jajaran_sheet(wb: Workbook) -> None:
    ws = wb.create_sheet("Jajaran", index=wb.sheetnames.index("Identitas") + 1)
    header_fill = PatternFill("solid", fgColor="1F4E78")
    for col, (title, width) in enumerate((("Nama Satker", 50), ("Nama Singkat", 26)), start=1):
        cell = ws.cell(1, col, title)
        cell.font, cell.fill = Font(bold=True, color="FFFFFF"), header_fill
        ws.column_dimensions[cell.column_letter].width = width
    for i, (nama, (singkat, *_)) in enumerate(KANIM.items(), start=2):
        ws.cell(i, 1, nama)
        ws.cell(i, 2, singkat)
    ws.freeze_panes = "A2"


def kanim_workbook(nama: str) -> Workbook:
    singkat, _, factor, changes = KANIM[nama]
    wb = openpyxl.load_workbook(EXAMPLE)
    set_identitas(wb, {"Nama Satker": nama, "Nama Singkat": singkat, "Kanwil Induk": KANWIL["Nama Satker"],
                       "Jabatan Atasan": KANWIL["Jabatan Kepala"], "Nama Atasan": KANWIL["Nama Kepala"],
                       **changes})
    if factor is not None:
        scale(wb, factor)
    return wb


def build(out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "contoh_kanwil_nusa_karang_2025.xlsx"]
    kanwil_workbook().save(written[0])
    for nama, (_, name, _, _) in KANIM.items():
        kanim_workbook(nama).save(out / name)
        written.append(out / name)
    for picture in PICTURES:
        shutil.copyfile(HERE / picture, out / picture)
    return written


if __name__ == "__main__":
    for path in build():
        print(path)
