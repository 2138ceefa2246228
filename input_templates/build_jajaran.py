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

from build_workbooks import PK_SCANS, draw_org_chart, pk_rows  # this script's folder is on the import path

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE / "contoh_kanim_2025.xlsx"
OUT = HERE / "contoh_jajaran"
PICTURES = ("contoh_logo.png", "contoh_struktur_organisasi.png", "contoh_piagam_wbk.png", *PK_SCANS)
EXAMPLE_OFFICE = "Kantor Imigrasi Kelas II TPI Batu Kerapu"

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
    "Kantor Imigrasi Kelas III TPI Teluk Sirip": ("Kanim Teluk Sirip", "contoh_kanim_teluk_sirip_2025.xlsx", "0.46", {
        "Alamat": "Jl. Dermaga Sirip No. 8, Kota Teluk Sirip 29415", "Telepon": "(0799) 442018",
        "Email": "kanim.teluksirip@contoh.go.id", "Laman": "https://teluksirip.contoh.go.id",
        "Nama Kepala": "Rudi Hartono Siregar", "NIP Kepala": "198101232005011003",
        "Jabatan Kepala": "Kepala Kantor Imigrasi Kelas III TPI Teluk Sirip",
        "Tempat Penandatanganan": "Teluk Sirip"}),
    "Kantor Imigrasi Kelas III TPI Pulau Insang": ("Kanim Pulau Insang", "contoh_kanim_pulau_insang_2025.xlsx", "0.31", {
        "Alamat": "Jl. Bandar Insang No. 21, Kota Pulau Insang 29520", "Telepon": "(0799) 551207",
        "Email": "kanim.pulauinsang@contoh.go.id", "Laman": "https://pulauinsang.contoh.go.id",
        "Nama Kepala": "Maria Magdalena Tampubolon", "NIP Kepala": "198306172006042001",
        "Jabatan Kepala": "Kepala Kantor Imigrasi Kelas III TPI Pulau Insang",
        "Tempat Penandatanganan": "Pulau Insang"}),
}
# each smaller Kanim's own history and territory (the example's says "naik kelas menjadi Kelas II")
# and its own airport and regency (rename_office turns the example's other TPI names into the office's place)
SEJARAH = {
    "Kantor Imigrasi Kelas III TPI Teluk Sirip": (
        "Bandar Udara Sirip Utara", "Sirip Utara",
        "Kantor Imigrasi Kelas III TPI Teluk Sirip berdiri pada tahun 1998 sebagai Kantor Imigrasi Kelas III dan "
        "menjadi Kantor Imigrasi TPI pada tahun 2009 seiring dibukanya Pelabuhan Laut Teluk Sirip untuk pelayaran "
        "internasional.\n\nWilayah kerja meliputi Kota Teluk Sirip dan Kabupaten Sirip Utara, dengan tiga Tempat "
        "Pemeriksaan Imigrasi:\n- TPI Pelabuhan Laut Teluk Sirip;\n- TPI Bandar Udara Sirip Utara;\n"
        "- TPI Pelabuhan Penyeberangan Tanjung Sirip."),
    "Kantor Imigrasi Kelas III TPI Pulau Insang": (
        "Bandar Udara Insang Raya", "Pulau Insang",
        "Kantor Imigrasi Kelas III TPI Pulau Insang berdiri pada tahun 2004 sebagai Kantor Imigrasi Kelas III TPI "
        "untuk melayani lalu lintas orang di perairan perbatasan.\n\nWilayah kerja meliputi Kabupaten Pulau "
        "Insang, dengan tiga Tempat Pemeriksaan Imigrasi:\n- TPI Pelabuhan Laut Pulau Insang;\n"
        "- TPI Bandar Udara Insang Raya;\n- TPI Pelabuhan Penyeberangan Tanjung Insang."),
}
NO_AWARD = ("Kantor Imigrasi Kelas III TPI Pulau Insang",)
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
# last year's PNBP realisation a little apart too, so the offices' growth differs (one shared factor
# for both years would give every Kanim the same growth)
PNBP_LAST_YEAR_SHIFT = {"0.46": Decimal("1.03"), "0.31": Decimal("0.95")}
REGIONAL_IKK = ("IKK-1", "IKK-2")
KANIM_ONLY_IKK = ("IKK-5",)
# IKK-2 leaves the Kanwil handles itself (its Bidang Intelijen dan Penindakan: cases, supervision,
# intelligence, outreach); passports and TPI crossings are the Kanim's alone (blank = 0).
KANWIL_OWN_SHARE = {"K1.I1.D1": (1, 1), "K1.I1.D2": (1, 1), "K1.I2": (3, 3), "K2": (36, 34), "K3": (12, 12),
                    "K4": (11, 12), "K5.D1": (4, 4)}
# a Kanim's realisation differs a little from the example, so the jajaran comparisons say something
REALISASI_SHIFT = {"0.46": Decimal("0.985"), "0.31": Decimal("0.962")}  # not in a Kanwil's Perjanjian Kinerja (profile 2025-2029, [[kanwil.ikk]])
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


def scale_money_and_staff(wb: Workbook, factor: Decimal, sheets=tuple(GROUP_BY),
                          realisasi: Decimal = Decimal(1)) -> None:
    """Counts and Rupiah × factor (Realisasi × factor × `realisasi`), every sheet's year total alike."""
    for sheet in sheets:
        ws = wb[sheet]
        h = _headers(ws)
        for rows in _groups(ws, GROUP_BY[sheet]):
            for name in SCALED[sheet]:
                if name in h:
                    f = factor * realisasi if name == "Realisasi" else factor
                    cells = [r[h[name] - 1] for r in rows]
                    if sheet == "PNBP":  # one row per year: no total to keep
                        for c in cells:
                            v = number(c.value)
                            if v is not None:
                                c.value = int(math.floor(v * f))
                    else:
                        _scale_cells(cells, f)


def scale(wb: Workbook, factor: str) -> None:
    f = Decimal(factor)
    scale_money_and_staff(wb, f, tuple(g for g in GROUP_BY if g != "Pegawai"), REALISASI_SHIFT[factor])
    scale_money_and_staff(wb, f, ("Pegawai",))
    for sheet, rounding in (("Layanan", math.floor), ("Komponen", math.ceil)):
        ws = wb[sheet]
        cols = [c for name, c in _headers(ws).items() if name in SCALED[sheet]]
        for row in _data_rows(ws):
            for col in cols:
                cell = row[col - 1]
                v = number(cell.value)
                if v is not None:
                    cell.value = int(rounding(v * f))
    ws = wb["PNBP"]
    h = _headers(ws)
    rows = list(_data_rows(ws))
    last = min(r[h["Tahun"] - 1].value for r in rows if r[h["Tahun"] - 1].value is not None)
    for row in rows:
        cell = row[h["Realisasi"] - 1]
        if row[h["Tahun"] - 1].value == last and number(cell.value) is not None:
            cell.value = int(math.floor(number(cell.value) * PNBP_LAST_YEAR_SHIFT[factor]))
    ws = wb["NKA"]
    h = _headers(ws)
    shift = NKA_SHIFT[factor]
    for row in _data_rows(ws):
        per, pel = number(row[h["Nilai Perencanaan"] - 1].value), number(row[h["Nilai Pelaksanaan"] - 1].value)
        if per is None or pel is None:
            continue
        pel = fit_ikpa(row, h, min(Decimal(100), pel + shift))
        row[h["NKA"] - 1].value = float(((per + pel) / 2).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


# the IKPA weights of profile 2025-2029 ([ikpa]); the components a fitted score moves, in this order
IKPA_WEIGHTS = {"Revisi DIPA": 10, "Deviasi Halaman III DIPA": 15, "Penyerapan Anggaran": 20,
                "Belanja Kontraktual": 10, "Penyelesaian Tagihan": 10, "Pengelolaan UP dan TUP": 10,
                "Capaian Output": 25}
IKPA_FITTED = ("Penyerapan Anggaran", "Deviasi Halaman III DIPA", "Capaian Output")


def fit_ikpa(row, h: dict[str, int], target: Decimal) -> Decimal:
    """Move a year's IKPA components so their weighted mean is about `target` (each within 0-100,
    2 decimals) and type the score they give: an office's Nilai Pelaksanaan then follows from its own
    components, as in OMSPAN, instead of every office sharing the example's components."""
    value = {name: number(row[h[name] - 1].value) for name in IKPA_WEIGHTS}
    typed = {name: v for name, v in value.items() if v is not None}
    total = sum(IKPA_WEIGHTS[name] for name in typed)
    need = target * total - sum(IKPA_WEIGHTS[name] * v for name, v in typed.items())
    for name in IKPA_FITTED:
        if name not in typed or need == 0:
            continue
        new = min(Decimal(100), max(Decimal(0), typed[name] + need / IKPA_WEIGHTS[name])).quantize(Decimal("0.01"))
        need -= (new - typed[name]) * IKPA_WEIGHTS[name]
        typed[name] = new
        row[h[name] - 1].value = float(new)
    score = (sum(IKPA_WEIGHTS[name] * v for name, v in typed.items()) / total).quantize(Decimal("0.01"), ROUND_HALF_UP)
    row[h["Nilai Pelaksanaan"] - 1].value = float(score)
    return score


def clear_rows(ws) -> None:
    for row in _data_rows(ws):
        for cell in row:
            cell.value = None


# --- what the Kanwil writes itself: a Kanwil's own words, not the Kanim example's ------------------

KANWIL_NARASI = [
    ["Sejarah dan Wilayah Kerja",
     "Kantor Wilayah Direktorat Jenderal Imigrasi Kepulauan Nusa Karang membina tiga Kantor Imigrasi di "
     "provinsi kepulauan ini: Kantor Imigrasi Kelas II TPI Batu Kerapu, Kantor Imigrasi Kelas III TPI Teluk "
     "Sirip dan Kantor Imigrasi Kelas III TPI Pulau Insang. Wilayah kerjanya meliputi 6 kabupaten/kota dengan "
     "sembilan Tempat Pemeriksaan Imigrasi (tiga pelabuhan laut, tiga bandar udara dan tiga pelabuhan "
     "penyeberangan) yang melayani lintas batas dengan negara tetangga."],
    ["Tugas dan Fungsi",
     "Kantor Wilayah melaksanakan tugas dan fungsi Direktorat Jenderal Imigrasi di wilayah provinsi: "
     "pembinaan, bimbingan teknis, pengendalian, pemantauan dan evaluasi pelaksanaan tugas Kantor Imigrasi di "
     "jajarannya, serta koordinasi dengan pemerintah daerah dan instansi terkait di bidang keimigrasian."],
    ["Isu Strategis",
     "- Pemerataan mutu layanan paspor di tiga Kantor Imigrasi yang berjauhan dan dipisahkan laut;\n"
     "- Pengawasan orang asing di kawasan wisata bahari dan proyek industri yang tumbuh cepat;\n"
     "- Pencegahan pekerja migran nonprosedural melalui pelabuhan rakyat."],
    ["Rencana Strategis",
     "Rencana kerja Kantor Wilayah mengacu pada Rencana Strategis Kementerian dan Direktorat Jenderal "
     "Imigrasi 2025-2029; setiap Kantor Imigrasi di jajaran menjabarkannya dalam Perjanjian Kinerja masing-masing "
     "dan Kantor Wilayah memantaunya setiap triwulan."],
    ["Analisis Anggaran",
     "Realisasi anggaran Kantor Wilayah dan jajarannya tertahan terutama pada belanja barang karena "
     "pemblokiran anggaran efisiensi pada semester II; belanja pegawai terserap hampir penuh."],
    ["Analisis PNBP",
     "PNBP jajaran melampaui target karena permohonan paspor di Batu Kerapu dan layanan izin tinggal di "
     "kawasan industri Pulau Insang meningkat; Kantor Wilayah sendiri tidak memungut PNBP."],
    ["Analisis NKA",
     "Nilai Kinerja Anggaran Kantor Wilayah tahun 2025 meningkat dibanding tahun 2024 karena Nilai Kinerja "
     "Perencanaan naik: penggunaan Standar Biaya Keluaran bertambah setelah kegiatan pengawasan orang asing "
     "dianggarkan per keluaran. Nilai Kinerja Pelaksanaan sedikit menurun karena penyerapan anggaran dan "
     "deviasi halaman III DIPA memburuk pada semester II, sehingga rencana penarikan dana kini dipantau bulanan bersama seluruh satker "
     "jajaran."],
    ["E-Monev",
     "Kantor Wilayah melaporkan capaian kinerja dan realisasi anggarannya setiap bulan melalui aplikasi "
     "e-Monev Bappenas dan SMART DJA, dan memeriksa kelengkapan laporan seluruh Kantor Imigrasi di jajaran "
     "sebelum batas waktu pelaporan."],
    ["E-Performance",
     "Seluruh pegawai Kantor Wilayah dan jajaran mengisi sasaran kinerja dan realisasinya melalui aplikasi "
     "e-Performance; Kantor Wilayah memantau kelengkapan pengisian setiap bulan."],
    ["Kesimpulan",
     "Indeks wilayah untuk layanan dan penegakan hukum keimigrasian melampaui target. Persentase pelaksanaan "
     "rencana aksi Reformasi Birokrasi belum mencapai target dan menjadi perhatian tahun berikutnya."],
    ["Saran",
     "- Menyusun jadwal bimbingan teknis layanan bersama bagi ketiga Kantor Imigrasi;\n"
     "- Menjadwalkan ulang rencana aksi Reformasi Birokrasi yang tertunda pada triwulan I 2026."],
]
KANWIL_RISIKO = [
    ["IKK-1", 1, "Mutu layanan berbeda antar-Kantor Imigrasi di jajaran",
     "Bimbingan teknis dan supervisi layanan ke setiap Kantor Imigrasi", "Kepala Bidang Pelayanan dan Penindakan Keimigrasian",
     "Jumlah supervisi layanan yang dilaksanakan", 2, "Supervisi ke tiga Kantor Imigrasi, masing-masing dua kali",
     "Risiko dapat dikendalikan"],
    ["IKK-2", 1, "Operasi pengawasan orang asing tidak terkoordinasi antar-Kantor Imigrasi",
     "Operasi gabungan TIMPORA tingkat provinsi", "Kepala Bidang Pelayanan dan Penindakan Keimigrasian",
     "Jumlah operasi gabungan tingkat provinsi", 0, "Empat operasi gabungan tingkat provinsi", "Risiko tidak terjadi"],
    ["IKK-3.1", 1, "Rencana aksi RB tidak dilaksanakan tepat waktu",
     "Monitoring pelaksanaan rencana aksi RB setiap triwulan", "Kepala Bagian Tata Usaha dan Umum",
     "Jumlah rencana aksi RB yang terlaksana", 13, "Monitoring triwulanan dilaksanakan 4 kali; 13 rencana aksi tertunda",
     "Risiko terjadi; dibuktikan dengan capaian di bawah target"],
    ["IKK-3.2", 1, "Keterlambatan layanan kesekretariatan bagi satker jajaran",
     "Penguatan SOP dan layanan persuratan elektronik", "Kepala Bagian Tata Usaha dan Umum",
     "Layanan kesekretariatan selesai tepat waktu", 0, "SOP layanan kepegawaian jajaran diperbarui",
     "Risiko tidak terjadi"],
]
KANWIL_ANALISIS = [
    ["IKK-1", "Indeks Kualitas Layanan Keimigrasian di Wilayah dihitung dari penyelesaian dan ketepatan waktu "
              "layanan dokumen perjalanan serta izin tinggal di seluruh Kantor Imigrasi jajaran.",
     "Capaian didukung supervisi layanan oleh Kantor Wilayah dan pemerataan petugas pada musim puncak.",
     "Supervisi dilaksanakan bersamaan dengan monitoring anggaran sehingga tidak menambah perjalanan dinas.",
     "- Bimbingan teknis layanan bersama\n- Pemantauan antrean daring seluruh Kantor Imigrasi",
     "Jarak antarpulau membatasi frekuensi supervisi.", "Supervisi daring bulanan melengkapi kunjungan."],
    ["IKK-2", "Indeks Penegakan Hukum Keimigrasian di Wilayah disusun dari enam komponen penindakan, "
              "pengawasan, intelijen dan pencegahan yang dijumlahkan dari Kantor Wilayah dan Kantor Imigrasi.",
     "Pengawasan orang asing melampaui rencana berkat operasi gabungan TIMPORA tingkat provinsi.",
     "Operasi dilaksanakan bersama instansi anggota TIMPORA sehingga biaya ditanggung bersama.",
     "- Operasi gabungan TIMPORA tingkat provinsi\n- Desa binaan imigrasi di setiap Kantor Imigrasi",
     "Satu berkas penyidikan jajaran belum selesai karena menunggu keterangan ahli.",
     "Koordinasi triwulanan dengan kejaksaan tinggi dan Korwas PPNS."],
    ["IKK-3.1", "Persentase rencana aksi Reformasi Birokrasi Kantor Wilayah yang terlaksana dibanding yang direncanakan.",
     "Sebanyak 139 dari 152 rencana aksi terlaksana; yang tertunda terkait kegiatan yang anggarannya diblokir.",
     "Internalisasi dilaksanakan secara daring untuk menghemat biaya.",
     "- Pembangunan Zona Integritas\n- Agen perubahan di setiap bagian dan bidang",
     "Efisiensi anggaran belanja barang mengurangi kegiatan pendukung rencana aksi.",
     "Menjadwalkan ulang rencana aksi yang tertunda pada triwulan I tahun 2026."],
    ["IKK-3.2", "Indeks kepuasan satker jajaran terhadap layanan kesekretariatan Kantor Wilayah, diukur dengan survei.",
     "Layanan persuratan elektronik mempercepat layanan kepegawaian bagi satker jajaran.",
     "Survei dilaksanakan secara daring tanpa biaya.", "- Persuratan elektronik\n- Pembaruan SOP kepegawaian",
     "Sebagian satker jajaran belum memakai persuratan elektronik.", "Pendampingan penggunaan persuratan elektronik."],
]
KANWIL_INOVASI = [
    ["PANTAU NUSA", "Pemantauan Antrean dan Layanan Nusa Karang",
     "Dasbor bersama yang menampilkan antrean dan waktu layanan ketiga Kantor Imigrasi setiap hari, dipakai "
     "Kantor Wilayah untuk memindahkan petugas saat terjadi lonjakan."],
]
KANWIL_ORG_CHART = "contoh_struktur_organisasi_kanwil.png"


def fill_rows(ws, rows: list[list]) -> None:
    """Replace a table sheet's rows by `rows` (columns in the sheet's order), keeping its formatting."""
    clear_rows(ws)
    for i, values in enumerate(rows, start=2):
        for j, value in enumerate(values, start=1):
            ws.cell(i, j, value)


def kanwil_texts(wb: Workbook) -> None:
    fill_rows(wb["Narasi"], KANWIL_NARASI)
    fill_rows(wb["Risiko"], KANWIL_RISIKO)
    fill_rows(wb["Analisis IKK"], KANWIL_ANALISIS)
    fill_rows(wb["Inovasi"], KANWIL_INOVASI)
    fill_rows(wb["Penghargaan"], [[2025, "Peringkat II Indikator Kinerja Pelaksanaan Anggaran (IKPA) Satker Kategori Pagu Sedang",
                                   "Kantor Wilayah Direktorat Jenderal Perbendaharaan Provinsi Kepulauan Nusa Karang",
                                   "Diterima atas nilai IKPA 2025 Kantor Wilayah."]])
    fill_rows(wb["Gambar"], [[r["bagian"], r["judul"], r["berkas"]] for r in pk_rows(KANWIL["Nama Satker"])])
    set_identitas(wb, {"Struktur Organisasi": KANWIL_ORG_CHART})


def draw_kanwil_org_chart(path: Path) -> None:
    """A fictional Kanwil chart: Kepala Kanwil, Bagian Tata Usaha dan Umum, two Bidang, the three Kanim."""
    kanim = ("Kanim Batu Kerapu", "Kanim Teluk Sirip", "Kanim Pulau Insang")
    draw_org_chart(path, {
        "Kepala Kantor Wilayah": (0.5, 0.86),
        "Bagian Tata Usaha\ndan Umum": (0.8, 0.68),
        "Bidang Pelayanan dan\nPenindakan Keimigrasian": (0.3, 0.46),
        "Bidang Perizinan dan\nInformasi Keimigrasian": (0.7, 0.46),
        **dict(zip(kanim, ((0.2, 0.2), (0.5, 0.2), (0.8, 0.2)))),
    }, lines=[((0.5, 0.5), (0.86, 0.56)), ((0.5, 0.8), (0.68, 0.68)), ((0.3, 0.7), (0.56, 0.56))]
        + [((x, x), (0.56, 0.46)) for x in (0.3, 0.7)],
        dashed=[((0.5, 0.5), (0.86, 0.33)), ((0.2, 0.8), (0.33, 0.33))] + [((x, x), (0.33, 0.2)) for x in (0.2, 0.5, 0.8)],
        note=(0.04, "CONTOH - bagan fiktif; garis putus-putus: Kantor Imigrasi di jajaran (pembinaan)"),
        box=(0.24, 0.13), muted=kanim)


def kanwil_workbook() -> Workbook:
    wb = openpyxl.load_workbook(EXAMPLE)
    set_identitas(wb, KANWIL)
    ws = wb["Komponen"]
    h = _headers(ws)
    parents = {(r[h["Kode IKK"] - 1].value, str(r[h["Induk"] - 1].value)) for r in _data_rows(ws)
               if r[h["Induk"] - 1].value}
    for row in _data_rows(ws):
        kode_ikk, kode = row[h["Kode IKK"] - 1].value, row[h["Kode"] - 1].value
        if kode_ikk in REGIONAL_IKK and (kode_ikk, kode) not in parents and row[h["Nilai"] - 1].value is None:
            row[h["Rekap Jajaran"] - 1].value = "Ya"
            if row[h["Sumber"] - 1].value is None:  # the Kanwil's own share
                own = KANWIL_OWN_SHARE.get(kode)
                for name, value in zip(("Pembilang", "Penyebut"), own or (None, None)):
                    row[h[name] - 1].value = value
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
    scale_money_and_staff(wb, Decimal("0.38"), ("Anggaran", "Belanja", "Sumber Dana"), Decimal("0.991"))
    scale_money_and_staff(wb, Decimal("0.55"), ("Pegawai",))
    kanwil_texts(wb)
    ws = wb["NKA"]  # the Kanwil's own NKA, not the example Kanim's
    h = _headers(ws)
    # (CRO, Penggunaan SBK, Efisiensi SBK) give the Nilai Perencanaan by the profile's weights:
    # 0,75 x 100 + 0,10 x 38 + 0,15 x 100 = 93,80
    for row, (per, pel, komponen) in zip(_data_rows(ws), (("93.80", "98.55", (100, 38, 100)),
                                                          ("96.10", "97.45", (100, 61, 100)))):
        row[h["Nilai Perencanaan"] - 1].value = float(per)
        pel = fit_ikpa(row, h, Decimal(pel))
        row[h["NKA"] - 1].value = float(((Decimal(per) + pel) / 2).quantize(Decimal("0.01"), ROUND_HALF_UP))
        for name, value in zip(("CRO", "Penggunaan SBK", "Efisiensi SBK"), komponen):
            row[h[name] - 1].value = value
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


def rename_office(wb: Workbook, nama: str, singkat: str) -> None:
    """The example office's names in every text (Sejarah, innovations, picture titles, TPI names)
    replaced by this office's: a Kanwil reading its Kanim's reports must not meet Batu Kerapu in
    Teluk Sirip's."""
    place = singkat.removeprefix("Kanim ")
    airport, kabupaten, sejarah = SEJARAH[nama]
    for row in wb["Narasi"].iter_rows(min_row=2):
        if row[0].value == "Sejarah dan Wilayah Kerja":
            row[1].value = sejarah
    pairs = ((EXAMPLE_OFFICE, nama), ("Bandar Udara Karang Sari", airport), ("Karang Timur", kabupaten),
             ("Batu Kerapu", place), ("BATU KERAPU", place.upper()),
             ("Kerapu", place.split()[-1]), ("KERAPU", place.split()[-1].upper()))
    for ws in wb.worksheets:
        if ws.title == "Identitas":
            continue
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    text = cell.value
                    for old, new in pairs:
                        text = text.replace(old, new)
                    cell.value = text


def scale_data_sheets(wb: Workbook, factor: str) -> None:
    """The `Data ...` sheets' counts × factor: each row's Jumlah (last column) becomes floor(Jumlah × f),
    as the Layanan sheet's counts do (so Data Paspor still agrees with Layanan Terbit), its parts
    rounded down with the remainder on the last; the JUMLAH row recomputed, so the tables add up.
    The crossings' component K6.D1 then counts the scaled crossings, as the example's does."""
    f = Decimal(factor)
    for ws in wb.worksheets:
        if not ws.title.startswith("Data "):
            continue
        rows = [r for r in ws.iter_rows(min_row=2) if r[0].value is not None]
        body = [r for r in rows if str(r[0].value).strip().casefold() != "jumlah"]
        for row in body:
            _scale_cells([c for c in row[1:-1] if isinstance(c.value, (int, float))], f)
            row[-1].value = sum(c.value for c in row[1:-1] if isinstance(c.value, int))
        for total in (r for r in rows if r not in body):
            for j, cell in enumerate(total[1:], start=1):
                cell.value = sum(r[j].value for r in body if isinstance(r[j].value, int))
    crossings = next(r[-1].value for r in wb["Data Perlintasan"].iter_rows(min_row=2)
                     if str(r[0].value).strip().casefold() == "jumlah")
    ws = wb["Komponen"]
    h = _headers(ws)
    for row in _data_rows(ws):
        if (row[h["Kode IKK"] - 1].value, row[h["Kode"] - 1].value) == ("IKK-2", "K6.D1"):
            row[h["Pembilang"] - 1].value = row[h["Penyebut"] - 1].value = crossings


def kanim_workbook(nama: str) -> Workbook:
    singkat, _, factor, changes = KANIM[nama]
    wb = openpyxl.load_workbook(EXAMPLE)
    set_identitas(wb, {"Nama Satker": nama, "Nama Singkat": singkat, "Kanwil Induk": KANWIL["Nama Satker"],
                       "Jabatan Atasan": KANWIL["Jabatan Kepala"], "Nama Atasan": KANWIL["Nama Kepala"],
                       **changes})
    if factor is not None:
        scale(wb, factor)
        scale_data_sheets(wb, factor)
        rename_office(wb, nama, singkat)
    if nama in NO_AWARD:  # not every office of the jajaran was awarded this year: no award, no certificate
        clear_rows(wb["Penghargaan"])
        gambar = [r for r in _data_rows(wb["Gambar"]) if r[0].value != "BAB III.D"]
        fill_rows(wb["Gambar"], [[c.value for c in r] for r in gambar])
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
    draw_kanwil_org_chart(out / KANWIL_ORG_CHART)
    return written


if __name__ == "__main__":
    for path in build():
        print(path)
