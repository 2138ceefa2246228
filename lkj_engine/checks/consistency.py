"""Cross-table checks: where the clerk's inputs disagree with each other, before a report is written.

Each finding is a warning (the report can still be written) that names the sheet and the cell to
look at, in Indonesian, with numbers formatted as the report prints them. What the loader already
reports (types, required cells, duplicate codes, the Induk tree and its weights adding up to 100, a
typed Realisasi beside Komponen rows) is not repeated here; these checks need two or more figures,
or a computed one.
"""
from __future__ import annotations

from decimal import Decimal

from lkj_engine.checks import data_tables, plausibility, year
from lkj_engine.compute.nka import ikpa_weights_for, weights_for
from lkj_engine.compute import komposit
from lkj_engine.contract.formatting import count, money, number
from lkj_engine.model.workbook import Komponen, Workbook
from lkj_engine.contract.problems import Problem, warning
from lkj_engine.model.results import Results
from lkj_engine.contract.schema import LAMPIRAN_PK, LAMPIRAN_PK_BERIKUT, NKA
from lkj_engine.checks.printable import unprintable_figures

TOLERANSI_NKA = Decimal("0.01")
# every NKA value the clerk types (not the year), with its header, for the 0-100 range check
NKA_VALUES = {c.field: c.header for c in NKA.columns if c.field != "tahun"}

# Optional sheets whose absence leaves a section of the report with only a "not available" line.
SECTION_OF_SHEET = {
    "Pegawai": ("pegawai", "komposisi pegawai (BAB I.B)"),
    "Riwayat IKK": ("riwayat", "perbandingan capaian dengan tahun-tahun sebelumnya (BAB III.A)"),
    "Risiko": ("risiko", "manajemen risiko (BAB II.A dan BAB III.A)"),
    "Analisis IKK": ("analisis", "analisis setiap IKK (BAB III.A)"),
    "Anggaran": ("anggaran", "anggaran per kegiatan dan baris anggaran tabel capaian (BAB II.B dan BAB III)"),
    "Belanja": ("belanja", "realisasi per jenis belanja (BAB III.B)"),
    "Sumber Dana": ("sumber_dana", "anggaran menurut sumber dana (BAB II.B dan BAB III.B)"),
    "PNBP": ("pnbp", "penerimaan PNBP (BAB III.B)"),
    "NKA": ("nka", "Nilai Kinerja Anggaran (BAB III.C)"),
    "Inovasi": ("inovasi", "inovasi (BAB III.D)"),
    "Penghargaan": ("penghargaan", "penghargaan (BAB III.D)"),
    "Narasi": ("narasi", "uraian khusus kantor"),
}
NOT_AVAILABLE = "hanya akan memuat keterangan bahwa data tidak tersedia"
DEFAULT_TEXT = {"Narasi": "tidak ada: seluruh bab memakai teks baku templat"}


def check(wb: Workbook, results: Results) -> list[Problem]:
    """Every cross-table warning for one workbook and its computed results (and any figure too large to print)."""
    problems: list[Problem] = unprintable_figures(wb, results)
    if problems:  # the warnings below print figures too; these errors come first and alone
        return problems
    for rule in (budget_totals, realisasi_above_pagu, komponen_vs_layanan, layanan_rows, pegawai_totals,
                 nka_values, analisis_missing, thin_sheets, lampiran_pk_missing, composites, typed_values_of_parents, year.check,
                 data_tables.check):
        problems.extend(rule(wb, results))
    problems.extend(plausibility.check(wb, results))
    return problems


# --- budget -------------------------------------------------------------------------------------

def _report_year_totals(wb: Workbook, results: Results) -> list[tuple[str, int, Decimal, Decimal | None]]:
    """(sheet, first row, Σ pagu, Σ realisasi) of the report year, for each budget sheet that has it."""
    found = []
    if wb.anggaran:
        t = results.anggaran_total
        found.append(("Anggaran", wb.anggaran[0].row, t.pagu, t.realisasi))
    for sheet, years, rows in (("Belanja", results.belanja, wb.belanja),
                               ("Sumber Dana", results.sumber_dana, wb.sumber_dana)):
        year = next((y for y in years if y.tahun == wb.tahun), None)
        if year is not None:
            first = min(r.row for r in rows if r.tahun == wb.tahun)
            found.append((sheet, first, year.total.pagu, year.total.realisasi))
    return found


def budget_totals(wb: Workbook, results: Results) -> list[Problem]:
    """Σ pagu (and Σ realisasi) of the report year: Anggaran = Belanja = Sumber Dana."""
    totals = _report_year_totals(wb, results)
    if len(totals) < 2:
        return []
    ref_sheet, _, ref_pagu, ref_real = totals[0]
    problems = []
    for sheet, row, pagu, real in totals[1:]:
        for field, label, mine, ref in (("pagu", "pagu", pagu, ref_pagu), ("realisasi", "realisasi", real, ref_real)):
            if mine is None or ref is None or mine == ref:
                continue
            problems.append(warning(sheet, wb.cell(sheet, field, row),
                f"Jumlah {label} tahun {wb.tahun} di sheet {sheet} ({money(mine)}) tidak sama dengan jumlah "
                f"{label} di sheet {ref_sheet} ({money(ref)}); selisih {money(abs(mine - ref))}. "
                f"Laporan akan memuat dua angka yang berbeda untuk anggaran yang sama.",
                kode="jumlah-anggaran-berbeda"))
    return problems


def realisasi_above_pagu(wb: Workbook, results: Results) -> list[Problem]:
    """A row whose realisasi is above its pagu."""
    problems = []
    for sheet, rows in (("Anggaran", wb.anggaran), ("Belanja", wb.belanja), ("Sumber Dana", wb.sumber_dana)):
        for r in rows:
            if r.realisasi is not None and r.realisasi > r.pagu:
                what = getattr(r, "kegiatan", None) or f"{getattr(r, 'jenis', None) or r.sumber} {r.tahun}"
                problems.append(warning(sheet, wb.cell(sheet, "realisasi", r.row),
                    f"Realisasi {what} ({money(r.realisasi)}) lebih besar dari pagunya ({money(r.pagu)}).",
                    kode="realisasi-melebihi-pagu"))
    return problems


# --- Layanan and Komponen ----------------------------------------------------------------------

def komponen_vs_layanan(wb: Workbook, results: Results) -> list[Problem]:
    """A Komponen with Pembilang/Penyebut typed and a Sumber whose Layanan figure differs."""
    problems = []
    for k in wb.komponen:
        if not k.sumber or k.sumber not in komposit.SUMBER_LAYANAN or k.nilai is not None:
            continue
        fig = komposit.layanan_figures(k.sumber, wb.layanan)
        if fig.alasan:
            continue
        for field, label, typed, derived in (("pembilang", "Pembilang", k.pembilang, fig.pembilang),
                                             ("penyebut", "Penyebut", k.penyebut, fig.penyebut)):
            if typed is not None and typed != derived:
                problems.append(warning("Komponen", wb.cell("Komponen", field, k.row),
                    f"Komponen {k.kode} ({k.kode_ikk}): {label} diketik {count(typed)}, tetapi menurut sheet "
                    f"Layanan ({k.sumber}) {count(derived)}. Yang dipakai angka dari sheet Layanan; "
                    f"kosongkan {label} atau kolom Sumber.", kode="komponen-beda-dengan-layanan"))
    return problems


def layanan_rows(wb: Workbook, results: Results) -> list[Problem]:
    """Counts of a Layanan row that exceed what they can be."""
    problems = []
    for r in wb.layanan:
        where = f"Layanan {r.jenis}"
        selesai = sum(v for v in (r.terbit, r.ditolak, r.batal) if v is not None)
        if selesai > r.diterima:
            problems.append(warning("Layanan", wb.cell("Layanan", "diterima", r.row),
                f"{where}: Terbit + Ditolak + Batal Sistem = {count(selesai)}, lebih besar dari permohonan "
                f"Diterima ({count(r.diterima)}).", kode="layanan-selesai-melebihi-diterima"))
        if r.tepat_waktu is not None and r.sesuai_syarat is not None and r.tepat_waktu > r.sesuai_syarat:
            problems.append(warning("Layanan", wb.cell("Layanan", "tepat_waktu", r.row),
                f"{where}: Tepat Waktu ({count(r.tepat_waktu)}) lebih besar dari Sesuai Syarat "
                f"({count(r.sesuai_syarat)}).", kode="layanan-tepat-waktu-melebihi-sesuai-syarat"))
        if r.sesuai_syarat is not None and r.sesuai_syarat > r.diterima:
            problems.append(warning("Layanan", wb.cell("Layanan", "sesuai_syarat", r.row),
                f"{where}: Sesuai Syarat ({count(r.sesuai_syarat)}) lebih besar dari permohonan Diterima "
                f"({count(r.diterima)}).", kode="layanan-sesuai-syarat-melebihi-diterima"))
    return problems


def _ikk_label(kode: str) -> str:
    """``IKK-2`` as is, ``2.1`` as ``IKK 2.1``."""
    return kode if kode.upper().startswith("IKK") else f"IKK {kode}"


def _hint(k: Komponen) -> tuple[str, str]:
    """The cell to fill for a leaf that cannot be computed, and what to type there."""
    if k.sumber:
        return "sumber", ("lengkapi baris layanan yang bersangkutan di sheet Layanan (Diterima, Terbit/Ditolak/"
                          "Batal Sistem, Sesuai Syarat, Tepat Waktu), atau kosongkan Sumber dan ketik "
                          "Pembilang dan Penyebut")
    if k.pembilang is None:
        return "pembilang", "isi Pembilang dan Penyebut, atau isi kolom Nilai"
    if k.penyebut is None:
        return "penyebut", "isi Penyebut"
    return "penyebut", ("Penyebut tidak boleh 0; bila memang tidak ada yang diukur, isi kolom Nilai dengan "
                        "nilai yang ditetapkan Pedoman")


def composites(wb: Workbook, results: Results) -> list[Problem]:
    """A composite index that cannot be computed: which component, and what to type."""
    problems = []
    rows = {(k.kode_ikk, k.kode): k for k in wb.komponen}
    for r in results.ikk:
        for leaf in komposit.blocking_leaves(r.tree):
            k = rows[(r.ikk.kode, leaf.kode)]
            field, hint = _hint(k)
            akibat = ("realisasi IKK ini tidak dapat dihitung" if r.realisasi_dari_komponen
                      else "rumus komponennya tidak dapat ditampilkan lengkap")
            problems.append(warning("Komponen", wb.cell("Komponen", field, k.row),
                f"{_ikk_label(r.ikk.kode)}: komponen {leaf.kode} ({leaf.nama}) tidak dapat dihitung: {leaf.alasan}; "
                f"akibatnya {akibat}. Cara memperbaiki: {hint}.", kode="komponen-tidak-dapat-dihitung"))
    return problems


def typed_values_of_parents(wb: Workbook, results: Results) -> list[Problem]:
    """A component with children whose own typed Nilai/Pembilang/Penyebut would be silently ignored."""
    parents = {(k.kode_ikk, k.induk) for k in wb.komponen if k.induk}
    problems = []
    for k in wb.komponen:
        typed = [f for f in ("nilai", "pembilang", "penyebut") if getattr(k, f) is not None]
        if (k.kode_ikk, k.kode) in parents and typed:
            problems.append(warning("Komponen", wb.cell("Komponen", typed[0], k.row),
                f"{_ikk_label(k.kode_ikk)}: komponen {k.kode} memiliki anak komponen, sehingga nilainya dihitung "
                f"dari anak-anaknya; angka yang diketik di baris ini diabaikan. Isi angkanya pada baris anak "
                f"komponen.", kode="nilai-induk-diabaikan"))
    return problems


# --- Pegawai, NKA, prose, sheets ---------------------------------------------------------------

def pegawai_totals(wb: Workbook, results: Results) -> list[Problem]:
    """Each Pegawai dimension must add up to the same total."""
    if len({d.total for d in results.pegawai}) < 2:
        return []
    problems = []
    for d in results.pegawai:
        if d.total != results.pegawai_total:
            first = next(p.row for p in wb.pegawai if p.dimensi == d.dimensi)
            problems.append(warning("Pegawai", wb.cell("Pegawai", "jumlah", first),
                f"Jumlah pegawai menurut {d.dimensi} = {count(d.total)}, sedangkan dimensi lain berjumlah "
                f"{count(results.pegawai_total)}. Setiap dimensi harus berjumlah sama.", kode="jumlah-pegawai-berbeda"))
    return problems


def nka_values(wb: Workbook, results: Results) -> list[Problem]:
    """Official NKA scores vs recomputed ones, and components outside 0-100."""
    problems = []
    by_row = {res.row: res for res in results.nka}
    for row in wb.nka:
        res = by_row[row.row]
        if (row.nilai_perencanaan is not None and res.perencanaan_hitung is not None
                and abs(row.nilai_perencanaan - res.perencanaan_hitung) > TOLERANSI_NKA):
            problems.append(warning("NKA", wb.cell("NKA", "nilai_perencanaan", row.row),
                f"Nilai Perencanaan {row.tahun} diketik {number(row.nilai_perencanaan)}, tetapi "
                f"{weights_for(row.tahun).rumus} = {number(res.perencanaan_hitung)}. Periksa angka dari "
                f"aplikasi; yang dicetak angka resmi yang diketik.", kode="nilai-perencanaan-berbeda"))
        if (row.nilai_pelaksanaan is not None and res.pelaksanaan_hitung is not None
                and abs(row.nilai_pelaksanaan - res.pelaksanaan_hitung) > TOLERANSI_NKA):
            problems.append(warning("NKA", wb.cell("NKA", "nilai_pelaksanaan", row.row),
                f"Nilai Pelaksanaan (IKPA) {row.tahun} diketik {number(row.nilai_pelaksanaan)}, tetapi "
                f"komponennya dengan bobot {ikpa_weights_for(row.tahun).rumus} (komponen kosong tidak "
                f"dihitung) = {number(res.pelaksanaan_hitung)}. Periksa angka dari OMSPAN; yang dicetak "
                f"angka resmi yang diketik.", kode="nilai-pelaksanaan-berbeda"))
        if (row.nka is not None and res.nka_hitung is not None
                and abs(row.nka - res.nka_hitung) > TOLERANSI_NKA):
            problems.append(warning("NKA", wb.cell("NKA", "nka", row.row),
                f"NKA {row.tahun} diketik {number(row.nka)}, tetapi rata-rata Nilai Perencanaan dan Nilai "
                f"Pelaksanaan = {number(res.nka_hitung)}. Periksa angka dari aplikasi.", kode="nka-berbeda"))
        for field, label in NKA_VALUES.items():
            value = getattr(row, field)
            if value is not None and not 0 <= value <= 100:
                problems.append(warning("NKA", wb.cell("NKA", field, row.row),
                    f"{label} {row.tahun} = {number(value)}, di luar rentang 0-100. Nilai NKA diketik pada "
                    f"skala 0-100 seperti di aplikasi, bukan nilai tertimbang.", kode="nka-di-luar-rentang"))
    return problems


def _has_text(a) -> bool:
    return any((getattr(a, f) or "").strip()
               for f in ("penjelasan", "keberhasilan", "efisiensi", "program", "kendala", "solusi"))


def analisis_missing(wb: Workbook, results: Results) -> list[Problem]:
    """An IKK without any Analisis IKK text (the e) analysis of BAB III.A would be empty)."""
    problems = []
    for ikk in wb.ikk:
        rows = [a for a in wb.analisis if a.kode_ikk == ikk.kode]
        if any(_has_text(a) for a in rows):
            continue
        if rows:
            problems.append(warning("Analisis IKK", wb.cell("Analisis IKK", "penjelasan", rows[0].row),
                f"Uraian analisis {ikk.kode} masih kosong; bagian analisis IKK ini di BAB III.A akan kosong.",
                kode="analisis-kosong"))
        else:
            problems.append(warning("IKK", wb.cell("IKK", "kode", ikk.row),
                f"{ikk.kode} belum memiliki baris di sheet Analisis IKK; bagian analisis IKK ini di BAB III.A "
                f"akan kosong.", kode="analisis-tidak-ada"))
    return problems


def lampiran_pk_missing(wb: Workbook, results: Results) -> list[Problem]:
    """No Gambar row for the signed PK of the report year or of the next: the LAMPIRAN then holds
    only the sentence that the scan is not in this draft, which must not reach the ministry unnoticed."""
    present = {g.bagian for g in wb.gambar}
    return [warning("Gambar", None,
                    f"Belum ada baris dengan Bagian \"{bagian}\" di sheet Gambar: LAMPIRAN hanya memuat kalimat "
                    f"bahwa pindaian Perjanjian Kinerja Tahun {tahun} belum disertakan. Tambahkan baris dengan nama "
                    f"berkas pindaian PK yang telah ditandatangani.", kode="lampiran-pk-kosong")
            for bagian, tahun in ((LAMPIRAN_PK, wb.tahun), (LAMPIRAN_PK_BERIKUT, wb.tahun + 1))
            if bagian not in present]


# sheets a Kanwil rarely has of its own whose sections its consolidated report fills from the jajaran
JAJARAN_SUPPLIES = ("PNBP", "Layanan")


def thin_sheets(wb: Workbook, results: Results) -> list[Problem]:
    """Optional sheets that are empty or absent: their report section says the data is unavailable."""
    problems = []
    for sheet, (attr, section) in SECTION_OF_SHEET.items():
        if getattr(wb, attr) or (results.jajaran is not None and sheet in JAJARAN_SUPPLIES):
            continue
        effect = DEFAULT_TEXT.get(sheet, NOT_AVAILABLE)
        if sheet in wb.empty_sheets:
            problems.append(warning(sheet, None, f"Sheet {sheet} kosong: bagian {section} {effect}.",
                                    kode="sheet-opsional-kosong"))
        elif sheet not in wb.columns:
            problems.append(warning(sheet, None, f"Sheet {sheet} tidak ada di berkas: bagian {section} {effect}.",
                                    kode="sheet-opsional-tidak-ada"))
    return problems
