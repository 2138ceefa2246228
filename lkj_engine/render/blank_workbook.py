"""Write the clerk's workbook from the schema: the blank template, or the same layout filled in.

One code path for both committed files: `write_template(path, tahun=N, jenis=...)` writes the blank
workbook of that report year and kind with the year profile's indicator set pre-filled
(`default_content`; contract/profiles/*.toml), and `write_template(path, example)` writes the same
layout with the sheets of `example` replacing the pre-filled rows (input_templates/build_workbooks.py
builds the complete example that way). Nothing year-specific is written from Python.

Made for a clerk who has never seen it: a Petunjuk sheet first, sheets in the order of the report's
chapters, a frozen blue header row with a note on each header, yellow bordered input cells,
drop-down lists for every closed choice, and number formats that show Indonesian thousands dots.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook as XlWorkbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from lkj_engine.contract import schema
from lkj_engine.contract.profile import Profile, default_report_year, profile_for

INPUT_ROWS = 200  # table rows marked as input below the header
KANIM, KANWIL = schema.JENIS_SATKER

HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
FONT = "Calibri"
HEADER_FONT = Font(name=FONT, bold=True, color="FFFFFF")
INPUT_FILL = PatternFill("solid", fgColor="FFF6C7")
LABEL_FILL = PatternFill("solid", fgColor="E7EEF6")
SECTION_FILL = PatternFill("solid", fgColor="DDEBF7")
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
COMMENT_AUTHOR = "Templat LKjIP"

NUMBER_FORMATS = {
    "rupiah": "#,##0",
    "bulat": "#,##0",
    "angka": "#,##0.00",
    "persen": "#,##0.00",
    "tahun": "0",
    "tanggal": "[$-421]d mmmm yyyy;@",
    "teks": "@",
    "pilihan": "@",
    "yatidak": "@",
}


LINE_HEIGHT = 15  # points per text line at the default 11 pt font
MAX_ROW_HEIGHT = 409  # Excel's limit


def _lines(text: object, width: float) -> int:
    """Estimated wrapped lines of `text` in a column `width` characters wide.

    Spreadsheet programs do not re-fit row heights of a file written by openpyxl, so wrapped text
    would overlap the next row: the writer sets row heights from this estimate instead.
    """
    if text is None:
        return 1
    per_line = max(1, int(width * 1.2))
    return sum(max(1, -(-len(part) // per_line)) for part in str(text).split("\n"))


def _fit_row(ws: Worksheet, row: int, lines: int) -> None:
    if lines > 1:
        ws.row_dimensions[row].height = min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines + 3)


@dataclass(frozen=True)
class Formatted:
    """A value written with its own number format (e.g. 0,032 shown as 3,20% in the example)."""

    value: Any
    number_format: str


Rows = list[dict[str, Any]]
MAX_INDENT = 16  # a Komponen name's indent (2 per level) stops here: a deeper chain (a test's) stays writable

PEGAWAI_KATEGORI: list[tuple[str, str]] = [
    ("Jabatan", "Pejabat Struktural"), ("Jabatan", "Jabatan Fungsional"), ("Jabatan", "Pelaksana"),
    ("Jenis Kelamin", "Laki-laki"), ("Jenis Kelamin", "Perempuan"),
    ("Usia", "≤ 30 tahun"), ("Usia", "31-40 tahun"), ("Usia", "41-50 tahun"), ("Usia", "> 50 tahun"),
    ("Pendidikan", "SMA/Sederajat"), ("Pendidikan", "D3"), ("Pendidikan", "S1/D4"), ("Pendidikan", "S2/S3"),
]


def default_content(tahun: int | None = None, jenis: str = KANIM, profile: Profile | None = None) -> dict[str, Any]:
    """What the blank template holds: labels, the year profile's indicator set and rows the clerk completes.

    `tahun` defaults to the current report year (last calendar year); `profile` to the one `tahun`
    picks (the nearest one outside every period). A Kanwil's set has its regional leaves marked.
    """
    tahun = tahun or default_report_year()
    profile = profile or profile_for(tahun)[0]
    ikk = [d.row(tahun) for d in profile.ikk_set(jenis)]
    return {
        "Identitas": {"jenis": jenis, "tahun": tahun},
        "IKK": ikk,
        "Komponen": [d.row() for d in profile.komponen_set(jenis)],
        "Layanan": [d.row() for d in profile.indicator_set(jenis).layanan],
        "Analisis IKK": [dict(kode_ikk=r["kode"]) for r in ikk],
        "Anggaran": [d.row() for d in profile.indicator_set(jenis).anggaran],
        "Belanja": [dict(tahun=t, jenis=j) for t in (tahun - 1, tahun) for j in schema.JENIS_BELANJA],
        "Sumber Dana": [dict(tahun=t, sumber=s) for t in (tahun - 1, tahun) for s in schema.SUMBER_DANA],
        "PNBP": [dict(tahun=tahun - 1), dict(tahun=tahun)],
        "Pegawai": [dict(dimensi=d, kategori=k) for d, k in PEGAWAI_KATEGORI],
        "Narasi": [dict(bagian=b) for b in schema.NARASI_BAGIAN],
    }


# ------------------------------------------------------------------------------------ petunjuk --

def _petunjuk_lines(tahun: int, jenis: str, ikk: Rows) -> list[tuple[str, str, str]]:
    """(style, left, right) rows of the Petunjuk sheet; style is title/section/item/sheet."""
    kanwil = " (Kantor Wilayah)" if jenis == KANWIL else ""
    lines: list[tuple[str, str, str]] = [
        ("title", f"Petunjuk Pengisian Workbook LKjIP {tahun}{kanwil}", ""),
        ("section", "Kegunaan", ""),
        ("item", "", "Workbook ini adalah satu-satunya bahan untuk menyusun draf Laporan Kinerja Instansi "
                     "Pemerintah (LKjIP). Alat ini menghitung semua angka laporan sekali saja (capaian, "
                     "rata-rata, indeks komposit, realisasi anggaran, PNBP, NKA) lalu menulis draf Word (.docx) "
                     "yang tinggal disunting, sehingga angka yang sama selalu tercetak sama di semua bab."),
        ("item", "", "Buat laporan:  python generate.py NAMA_BERKAS.xlsx     Periksa isian saja:  "
                     "python generate.py periksa NAMA_BERKAS.xlsx"),
        ("item", "", "Pemeriksaan menyebut setiap masalah dengan nama sheet dan selnya, mis. IKK!G5. Galat harus "
                     "diperbaiki sebelum laporan dapat dibuat; peringatan boleh dibiarkan tetapi sebaiknya dilihat."),
        ("item", "", "Tahun berikutnya tidak perlu mengetik ulang:  python generate.py tahun-baru NAMA_BERKAS.xlsx  "
                     "membuat workbook tahun depan dari workbook ini (identitas, IKK, komponen, risiko, pegawai dan narasi "
                     "dibawa, kecuali analisis, kesimpulan dan saran tahun ini; angka capaian dan anggaran dikosongkan; "
                     "realisasi tahun ini masuk sheet Riwayat IKK)."),
        ("section", "Cara mengisi", ""),
        ("item", "", "Isi sel berwarna KUNING. Baris judul berwarna biru jangan diubah; arahkan tetikus ke judul "
                     "kolom (tanda segitiga merah) untuk membaca apa yang harus diisi."),
        ("item", "", "Kolom dengan daftar pilihan (panah di sel) diisi dengan memilih dari daftar."),
        ("item", "", "Satu baris = satu data. Baris kosong di antara data boleh. Baris contoh yang tidak dipakai "
                     "boleh dihapus. Nama sheet dan judul kolom jangan diganti (huruf besar/kecil tidak berpengaruh)."),
        ("item", "", "Baris yang disembunyikan (Hide) atau tersaring filter tetap dibaca dan dihitung, seperti SUM di "
                     "Excel; pemeriksaan menyebut nomor barisnya. Hapus baris yang memang tidak boleh dihitung."),
        ("item", "", _ikk_line(tahun, ikk)),
        ("item", "", "Sheet yang tidak diperlukan boleh dibiarkan kosong; laporan akan menyebut datanya tidak "
                     "tersedia dan pemeriksaan akan mengingatkannya."),
        ("section", "Aturan angka", ""),
        ("item", "", "Angka boleh diketik sebagai angka Excel atau sebagai teks gaya Indonesia: 1.234.567 (titik = "
                     "ribuan), 86,92 (koma = desimal), Rp 3.558.827.000,- atau Rp3.558.827.000."),
        ("item", "", "Persen: ketik 86,92 atau 86,92% - keduanya dibaca 86,92. Sel berformat persen yang "
                     "menampilkan 86,92% juga dibaca 86,92."),
        ("item", "", "Penulisan gaya Inggris (1,234.56 atau 1,234,567) ditolak agar tidak salah baca. 1.234 dibaca "
                     "seribu dua ratus tiga puluh empat; 1,5 dibaca satu setengah."),
        ("item", "", "Rupiah dan jumlah (orang, dokumen, permohonan) harus bilangan bulat, tidak negatif."),
        ("item", "", f"Tanggal: tanggal Excel, atau teks seperti 14 Januari {tahun + 1}, 14/01/{tahun + 1} atau "
                     f"{tahun + 1}-01-14. "
                     "Tanggal teks berangka selalu dibaca hari dulu (hari/bulan/tahun, seperti Excel berbahasa "
                     f"Indonesia): 02/01/{tahun + 1} = 2 Januari {tahun + 1}, bukan 1 Februari."),
        ("item", "", "SEL KOSONG BUKAN NOL: sel kosong berarti data tidak ada atau tidak berlaku dan tidak pernah "
                     "dihitung sebagai 0. Bila nilainya memang nol, ketik 0."),
        ("item", "", "Rumus Excel boleh dipakai. Simpan berkas di Excel/LibreOffice sebelum menjalankan alat agar "
                     "nilai rumusnya tersimpan."),
        ("item", "", "Teks panjang (Analisis IKK, Narasi, Uraian): baris kosong = paragraf baru; baris diawali "
                     "'- ' = butir. Di Excel, Alt+Enter membuat baris baru di dalam sel."),
        ("section", "Sheet", "Isi dan bab laporan yang memakainya"),
    ]
    for spec in (s.for_year(tahun) for s in schema.SHEETS):
        wajib = " Wajib diisi." if spec.required else ""
        lines.append(("sheet", spec.name, f"{spec.help}{wajib} (Dipakai di: {spec.chapter})"))
    lines += [
        ("sheet", "Data ...", "Sheet tambahan yang namanya diawali 'Data ' (mis. 'Data Paspor', 'Data Perlintasan') "
                              "dicetak sebagai tabel di BAB III.D dengan judul sesuai nama sheet; baris pertama = "
                              "judul kolom. Angka dicetak menurut format angkanya (0,0 → 1.234,5; 0,00% → 96,70%) dan rata "
                              "kanan; teks (mis. kode 0012) dicetak seperti diketik. Baris yang sel pertamanya "
                              "Jumlah/Total dicetak tebal, dan tiap angkanya dicocokkan dengan jumlah baris di "
                              "atasnya. Sheet lain yang Anda tambahkan (lembar kerja sendiri) diabaikan."),
        ("section", "Gambar", ""),
        ("item", "", "Logo, Struktur Organisasi, Peta Wilayah (sheet Identitas) dan kolom Berkas di sheet Gambar: "
                     "tulis nama berkas gambar (PNG/JPG) yang diletakkan di folder yang sama dengan workbook ini."),
        ("section", "Indeks komposit (sheet Komponen)", ""),
        ("item", "", "Nilai IKK = jumlah (nilai komponen x bobot). Komponen daun diisi Pembilang dan Penyebut "
                     "(nilai = Pembilang / Penyebut x 100, dikali Faktor -1 untuk komponen negatif, dibatasi 100 "
                     "bila Maks 100 = Ya), atau langsung di kolom Nilai. Kolom Sumber mengambil angkanya dari "
                     "sheet Layanan. Bobot sesama anak dari satu induk harus berjumlah 100."),
        ("item", "", "Kosongkan kolom Realisasi di sheet IKK untuk IKK yang dihitung dari Komponen."),
    ]
    if jenis == KANWIL:
        lines += [
            ("section", "Kantor Wilayah dan jajarannya", ""),
            ("item", "", "Sheet Jajaran: satu baris per Kantor Imigrasi di bawah Kanwil ini; Nama Satker ditulis "
                         "persis seperti di sheet Identitas workbook Kanim itu."),
            ("item", "", "Komponen dengan Rekap Jajaran = Ya adalah angka wilayah: pembilang dan penyebutnya "
                         "dijumlahkan dari workbook seluruh Kanim jajaran, ditambah isian Kanwil sendiri (kosong = 0). "
                         "Jalankan alat atas folder yang berisi workbook Kanwil dan semua workbook Kanim jajarannya."),
        ]
    return lines


def _ikk_line(tahun: int, ikk: Rows) -> str:
    """What the Petunjuk says of the IKK rows the workbook holds: whether their targets are filled (the
    profile knows the targets of the years it lists; `tahun-baru` empties them) or still to be typed."""
    known = bool(ikk) and all(row.get("target") is not None for row in ikk)
    target = ("Target sudah terisi sesuai Perjanjian Kinerja; sesuaikan bila PK kantor berbeda." if known else
              f"Ketik Target setiap IKK dari Perjanjian Kinerja {tahun} yang telah ditandatangani (kolom Target "
              "masih kosong).")
    return (f"Indikator Kinerja Kegiatan (IKK) {tahun} beserta komponen dan bobotnya sudah terisi; cukup ketik "
            f"angka-angkanya. {target}")


def _write_petunjuk(ws: Worksheet, tahun: int, jenis: str, ikk: Rows) -> None:
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 110
    ws.sheet_view.showGridLines = False
    for r, (style, left, right) in enumerate(_petunjuk_lines(tahun, jenis, ikk), start=1):
        a, b = ws.cell(r, 1, left or None), ws.cell(r, 2, right or None)
        b.alignment = Alignment(wrap_text=True, vertical="top")
        a.alignment = Alignment(wrap_text=style == "sheet", vertical="top")
        _fit_row(ws, r, max(_lines(right, 110), _lines(left, 24) if style == "sheet" else 1))
        if style == "title":
            a.font = Font(name=FONT, bold=True, size=16, color="1F4E78")
            ws.row_dimensions[r].height = 30
        elif style == "section":
            a.font = b.font = Font(name=FONT, bold=True, size=12, color="1F4E78")
            a.fill = b.fill = SECTION_FILL
        elif style == "sheet":
            a.font = Font(name=FONT, bold=True)
            a.border = b.border = BORDER
    _print_setup(ws, repeat_header=False)


# ------------------------------------------------------------------------------------ sheets --

def _value(value: Any) -> tuple[Any, str | None]:
    """A cell value as openpyxl writes it, and its own number format when it carries one."""
    if isinstance(value, Formatted):
        return _value(value.value)[0], value.number_format
    if isinstance(value, Decimal):
        return (int(value) if value == value.to_integral_value() else float(str(value))), None
    return value, None


def _put(ws: Worksheet, row: int, column: int, value: Any):
    """Write a value; a clerk's text that starts with "=" stays text (Excel would run it as a formula)."""
    cell = ws.cell(row, column, value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


def _print_setup(ws: Worksheet, repeat_header: bool = True) -> None:
    """Landscape, one page wide, header row repeated: readable when a clerk prints or exports to PDF."""
    if repeat_header:
        ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _header(ws: Worksheet, columns: tuple[schema.Column, ...]) -> None:
    for c, col in enumerate(columns, start=1):
        cell = ws.cell(1, c, col.header)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        note = col.help + (" Wajib diisi." if col.required else "")
        if col.choices:
            note += " Pilihan: " + ", ".join(col.choices) + "."
        cell.comment = Comment(note, COMMENT_AUTHOR, width=300, height=110)
        ws.column_dimensions[get_column_letter(c)].width = col.width + 2
    ws.row_dimensions[1].height = 36
    ws.freeze_panes = "A2"
    _print_setup(ws)


def _validation(ws: Worksheet, choices: tuple[str, ...], ref: str, title: str) -> None:
    formula = '"' + ",".join(choices) + '"'
    if len(formula) > 255 or any("," in c or '"' in c for c in choices):
        raise ValueError(f"daftar pilihan {title} terlalu panjang untuk validasi data")
    dv = DataValidation(type="list", formula1=formula, allow_blank=True, errorStyle="warning",
                        showErrorMessage=True, errorTitle="Bukan pilihan",
                        error="Pilih salah satu isi daftar: " + ", ".join(choices))
    ws.add_data_validation(dv)
    dv.add(ref)


def _write_table(ws: Worksheet, spec: schema.Sheet, rows: Rows) -> None:
    _header(ws, spec.columns)
    last = max(INPUT_ROWS, len(rows)) + 1
    for c, col in enumerate(spec.columns, start=1):
        wrap = col.kind == "teks"
        align = Alignment(wrap_text=wrap, vertical="top")
        for r in range(2, last + 1):
            cell = ws.cell(r, c)
            cell.fill, cell.border, cell.alignment = INPUT_FILL, BORDER, align
            cell.number_format = NUMBER_FORMATS[col.kind]
        if col.choices:
            letter = get_column_letter(c)
            _validation(ws, col.choices, f"{letter}2:{letter}{last}", col.header)
    depths = _depths(rows) if spec.name == schema.KOMPONEN.name else {}
    for r, row in enumerate(rows, start=2):
        _fit_row(ws, r, max(_lines(row.get(col.field), col.width) if col.kind == "teks"
                            else 1 for col in spec.columns))
        for c, col in enumerate(spec.columns, start=1):
            if row.get(col.field) is None:
                continue
            value, number_format = _value(row[col.field])
            cell = _put(ws, r, c, value)
            if number_format:
                cell.number_format = number_format
            elif isinstance(value, str) and col.kind != "teks":
                cell.number_format = "@"  # text stored on purpose (e.g. "Rp 1.250.000.000,-")
            if col.field == "nama" and depths.get(r - 2):
                cell.alignment = Alignment(horizontal="left", wrap_text=True, vertical="top", indent=min(2 * depths[r - 2], MAX_INDENT))


def _depths(rows: Rows) -> dict[int, int]:
    """Row index -> depth in its Komponen tree, so the names show the tree by indentation."""
    parents = {(r.get("kode_ikk"), r.get("kode")): r.get("induk") for r in rows}
    depths = {}
    for i, r in enumerate(rows):
        depth, parent, seen = 0, r.get("induk"), set()
        while parent and (r.get("kode_ikk"), parent) in parents and parent not in seen:
            seen.add(parent)
            depth += 1
            parent = parents[(r.get("kode_ikk"), parent)]
        depths[i] = depth
    return depths


def _write_identitas(ws: Worksheet, spec: schema.Sheet, values: dict[str, Any]) -> None:
    _header(ws, spec.columns)
    for r, field in enumerate(spec.fields, start=2):
        label = ws.cell(r, 1, field.label)
        label.font = Font(name=FONT, bold=field.required)
        label.fill, label.border = LABEL_FILL, BORDER
        label.alignment = Alignment(vertical="top")
        value, number_format = _value(values.get(field.field))
        cell = _put(ws, r, 2, value)
        cell.fill, cell.border = INPUT_FILL, BORDER
        cell.number_format = number_format or NUMBER_FORMATS[field.kind]
        cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
        note = ("Wajib. " if field.required else "") + field.help
        if field.choices:
            note += " Pilihan: " + ", ".join(field.choices) + "."
        ket = ws.cell(r, 3, note)
        ket.font = Font(name=FONT, italic=True, color="595959")
        ket.alignment = Alignment(wrap_text=True, vertical="top")
        ket.border = BORDER
        _fit_row(ws, r, max(_lines(value, 60), _lines(note, 60)))
        if field.choices:
            _validation(ws, field.choices, f"B{r}", field.label)


def _write_data_sheet(ws: Worksheet, table: dict[str, Any]) -> None:
    headers: list[str] = table["headers"]
    widths: list[int] = table.get("widths") or [max(12, len(h) + 4) for h in headers]
    for c, (text, width) in enumerate(zip(headers, widths), start=1):
        cell = ws.cell(1, c, text)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.row_dimensions[1].height = 32
    for r, row in enumerate(table["rows"], start=2):
        for c, raw in enumerate(row, start=1):
            value, number_format = _value(raw)
            cell = _put(ws, r, c, value)
            cell.border = BORDER
            cell.number_format = number_format or ("#,##0" if isinstance(value, int) and c > 1 else "General")
    ws.freeze_panes = "A2"
    _print_setup(ws)


def _profile_choices(spec: schema.Sheet, profile: Profile) -> schema.Sheet:
    """The sheet with the year profile's Satuan list as the IKK Satuan drop-down."""
    if spec.name != schema.IKK.name or not profile.satuan:
        return spec
    columns = tuple(replace(c, choices=profile.satuan) if c.field == "satuan" else c for c in spec.columns)
    return replace(spec, columns=columns)


def write_template(path: str | Path, example: dict[str, Any] | None = None, *, tahun: int | None = None,
                   jenis: str | None = None, profile: Profile | None = None) -> Path:
    """Write the workbook: the blank template of `tahun` and `jenis`, or with `example` the same layout filled in.

    `tahun` defaults to the example's Identitas Tahun, else the current report year; `jenis` to the
    example's Jenis Satker, else Kanim; `profile` to the one `tahun` picks (contract/profiles/).
    `example` maps a sheet name to its rows (a list of {field: value}; Identitas a {field: value}) and
    replaces the pre-filled rows of that sheet; a key starting with "Data " adds a free table
    ({"headers": [...], "rows": [[...]], "widths": [...]}). Values may be `Formatted` to carry their
    own number format; text in a number column is written as text on purpose.
    """
    identitas = (example or {}).get("Identitas", {})
    tahun = tahun or identitas.get("tahun") or default_report_year()
    jenis = jenis or identitas.get("jenis") or KANIM
    profile = profile or profile_for(tahun)[0]
    content = default_content(tahun, jenis, profile)
    content.update(example or {})
    path = Path(path)
    book = XlWorkbook()
    petunjuk = book.active
    petunjuk.title = schema.PETUNJUK
    _write_petunjuk(petunjuk, tahun, jenis, content.get("IKK", []))
    for spec in (s.for_year(tahun) for s in schema.sheets_for(jenis)):
        ws = book.create_sheet(spec.name)
        if spec.is_fields:
            _write_identitas(ws, spec, content.get(spec.name, {}))
        else:
            _write_table(ws, _profile_choices(spec, profile), content.get(spec.name, []))
    for name, table in content.items():
        if name.startswith(schema.DATA_PREFIX):
            _write_data_sheet(book.create_sheet(name), table)
    book.properties.creator = "LKjIP generator"
    book.properties.title = f"Workbook LKjIP {'Kanwil ' if jenis == KANWIL else ''}{tahun}"
    # A fixed timestamp keeps regenerated files identical when nothing changed.
    book.properties.created = book.properties.modified = datetime(tahun, 1, 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def template_name(tahun: int, jenis: str = KANIM) -> str:
    """The blank workbook's file name: template_lkjip_2026.xlsx, template_lkjip_kanwil_2026.xlsx."""
    return f"template_lkjip_{'kanwil_' if jenis == KANWIL else ''}{tahun}.xlsx"


__all__ = ["Formatted", "default_content", "write_template", "template_name", "INPUT_ROWS"]
