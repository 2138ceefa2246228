"""Checks across rows and sheets: unique keys, references to IKK codes, the Komponen tree.

Run on the parsed `tables.Row`s before the typed workbook is built, so every problem still names
its cell. Rows whose key already failed to parse are skipped (their error is reported once).
"""
from __future__ import annotations

from decimal import Decimal

from lkj_engine.contract import formatting, schema
from lkj_engine.contract.problems import Problem, error, warning
from lkj_engine.reading.tables import Row, key_of

WEIGHT_TOLERANCE = Decimal("0.01")
# levels below an IKK a Komponen tree may have; the Pedoman's deepest has 3 (K1.I1.D1). A chain of
# hundreds of parents is a pasting slip, and would exhaust the evaluator's recursion.
MAX_DEPTH = 8
# a Layanan row that is the sum of the rows above it would count each service twice
_TOTAL_WORDS = ("jumlah", "total", "subtotal", "sub total", "sub-total")

# Rows that must be unique within a sheet (sheet -> key fields).
UNIQUE: dict[str, tuple[str, ...]] = {
    "IKK": ("kode",),
    "Riwayat IKK": ("kode", "tahun"),
    "Komponen": ("kode_ikk", "kode"),
    "Layanan": ("kelompok", "jenis"),
    "Belanja": ("tahun", "jenis"),
    "Sumber Dana": ("tahun", "sumber"),
    "PNBP": ("tahun",),
    "NKA": ("tahun",),
    "Pegawai": ("dimensi", "kategori"),
    "Jajaran": ("nama_satker",),
}
# Columns that name an IKK of the IKK sheet (sheet, field).
REFERENCES: tuple[tuple[str, str], ...] = (
    ("Riwayat IKK", "kode"),
    ("Komponen", "kode_ikk"),
    ("Risiko", "kode_ikk"),
    ("Analisis IKK", "kode_ikk"),
)




def check_unique(sheet: str, rows: list[Row], letters: dict[str, str], problems: list[Problem]) -> None:
    keys = UNIQUE.get(sheet)
    if not keys:
        return
    seen: dict[tuple, int] = {}
    for row in rows:
        if not row.known(*keys):
            continue
        key = tuple(key_of(row.values[k]) for k in keys)
        if key in seen:
            spec = schema.sheet(sheet)
            shown = ", ".join(f"{spec.column(k).header} {_show(row.values[k])}" for k in keys)
            problems.append(error(sheet, f"{letters[keys[-1]]}{row.row}",
                                  f"baris ganda: {shown} sudah ada di baris {seen[key]}", kode="baris-ganda"))
            row.bad.add(keys[-1])
            continue
        seen[key] = row.row


def _show(value: object) -> str:
    return f'"{value}"' if isinstance(value, str) else str(value)


def check_ikk(parsed: dict[str, list[Row]], letters: dict[str, dict[str, str]], report_year: int | None,
               problems: list[Problem]) -> None:
    """References to IKK codes, the Komponen tree, and per-IKK rules."""
    ikk_rows = parsed["IKK"]
    codes = {key_of(r.values["kode"]): r.values["kode"] for r in ikk_rows if r.values.get("kode") is not None}
    for sheet, name in REFERENCES:
        for row in parsed.get(sheet, []):
            if not row.known(name):
                continue
            code = row.values[name]
            if key_of(code) not in codes:
                problems.append(error(sheet, f"{letters[sheet][name]}{row.row}",
                                      f'Kode IKK "{code}" tidak ada di sheet IKK', kode="kode-ikk-tidak-ada"))
                row.bad.add(name)
            else:
                row.values[name] = codes[key_of(code)]  # the IKK sheet's spelling
    if "Komponen" in parsed:
        _check_komponen(parsed["Komponen"], letters["Komponen"], problems)
    with_components = {r.values.get("kode_ikk") for r in parsed.get("Komponen", [])}
    ikk_letters = letters["IKK"]
    realisasi_col = ikk_letters.get("realisasi", ikk_letters["kode"])
    sasaran_names: dict[int, tuple[str, int]] = {}
    for row in ikk_rows:
        v = row.values
        if not row.known("kode"):
            continue
        if row.known("target") and v["target"] == 0:
            problems.append(warning("IKK", f"{ikk_letters['target']}{row.row}",
                                    f'Target {v["kode"]} bernilai 0: capaian tidak dapat dihitung', kode="target-nol"))
        has_tree = v["kode"] in with_components
        if "realisasi" not in row.bad:
            if v.get("realisasi") is None and not has_tree:
                problems.append(error("IKK", f"{realisasi_col}{row.row}",
                                      f'Realisasi {v["kode"]} kosong dan IKK ini tidak punya baris di sheet Komponen; '
                                      "isi Realisasi atau susun komponennya", kode="realisasi-kosong"))
            elif v.get("realisasi") is not None and has_tree:
                problems.append(warning("IKK", f"{realisasi_col}{row.row}",
                                        f'Realisasi {v["kode"]} diketik padahal IKK ini punya Komponen; yang dipakai '
                                        "nilai yang diketik (kosongkan agar dihitung dari Komponen)",
                                        kode="realisasi-diketik-dengan-komponen"))
        if row.known("sasaran_no", "sasaran"):
            no, name = v["sasaran_no"], v["sasaran"]
            if no in sasaran_names and key_of(sasaran_names[no][0]) != key_of(name):
                problems.append(warning("IKK", f"{ikk_letters['sasaran']}{row.row}",
                                        f"Sasaran Kegiatan nomor {no} ditulis berbeda dengan baris "
                                        f"{sasaran_names[no][1]}; yang dipakai tulisan pertama",
                                        kode="nama-sasaran-berbeda"))
            sasaran_names.setdefault(no, (name, row.row))
    if report_year is not None:
        for row in parsed.get("Riwayat IKK", []):
            if row.known("tahun") and row.values["tahun"] >= report_year:
                problems.append(warning("Riwayat IKK", f"{letters['Riwayat IKK']['tahun']}{row.row}",
                                        f'Tahun {row.values["tahun"]} bukan tahun sebelum tahun laporan '
                                        f"({report_year}); baris ini tidak dipakai sebagai pembanding",
                                        kode="tahun-riwayat-bukan-tahun-lalu"))
    if all(r.known("sasaran_no") for r in ikk_rows):
        for row in parsed.get("Anggaran", []):
            no = row.values.get("sasaran_no")
            if row.known("sasaran_no") and no not in sasaran_names:
                problems.append(warning("Anggaran", f"{letters['Anggaran']['sasaran_no']}{row.row}",
                                        f"No Sasaran {no} tidak ada di sheet IKK", kode="sasaran-anggaran-tidak-ada"))


def _check_komponen(rows: list[Row], letters: dict[str, str], problems: list[Problem]) -> None:
    """Parents exist in the same IKK, no cycles, sibling weights add up to 100."""
    by_ikk: dict[str, dict[object, Row]] = {}
    for row in rows:
        if row.known("kode_ikk", "kode"):
            by_ikk.setdefault(row.values["kode_ikk"], {}).setdefault(key_of(row.values["kode"]), row)
    for row in rows:
        v = row.values
        if not row.known("kode_ikk", "induk"):
            continue
        parent, nodes = v["induk"], by_ikk.get(v["kode_ikk"])
        if nodes is None:
            continue  # no row of this IKK has a usable Kode: those errors are reported already
        if key_of(parent) not in nodes:
            problems.append(error("Komponen", f"{letters['induk']}{row.row}",
                                  f'Induk "{parent}" tidak ada di antara komponen {v["kode_ikk"]}',
                                  kode="induk-tidak-ada"))
            row.bad.add("induk")
            continue
        v["induk"] = nodes[key_of(parent)].values["kode"]
    too_deep: set[str] = set()  # one message per IKK: a pasted chain would otherwise give thousands
    for kode_ikk, nodes in by_ikk.items():
        levels = _levels(nodes)
        for row in rows:
            if row.values.get("kode_ikk") != kode_ikk or not row.known("kode", "induk"):
                continue
            level = levels.get(key_of(row.values["kode"]))
            where = f"{letters['induk']}{row.row}"
            if level is None:
                problems.append(error("Komponen", where, f'Induk "{row.values["induk"]}" membuat susunan komponen '
                                                         f"{kode_ikk} berputar (komponen menjadi induk bagi dirinya "
                                                         "sendiri)", kode="induk-berputar"))
                row.bad.add("induk")
            elif level > MAX_DEPTH:
                row.bad.add("induk")
                if kode_ikk not in too_deep:
                    too_deep.add(kode_ikk)
                    problems.append(error("Komponen", where, f'komponen {row.values["kode"]} berada {level} tingkat '
                                                             f"di bawah {kode_ikk}; susunan komponen paling dalam "
                                                             f"{MAX_DEPTH} tingkat. Periksa kolom Induk",
                                          kode="komponen-terlalu-dalam"))
    groups: dict[tuple[str, str | None], list[Row]] = {}
    incomplete: set[tuple[str, str | None]] = set()
    for row in rows:
        if not row.known("kode_ikk") or "induk" in row.bad:
            continue  # its group is unknown; the error is already reported
        group = (row.values["kode_ikk"], row.values.get("induk"))
        groups.setdefault(group, []).append(row)
        if not row.known("bobot"):
            incomplete.add(group)
    for (kode_ikk, parent), siblings in groups.items():
        if (kode_ikk, parent) in incomplete:
            continue
        total = sum((s.values["bobot"] for s in siblings), Decimal(0))
        if abs(total - 100) > WEIGHT_TOLERANCE:
            cells = ", ".join(f"{letters['bobot']}{s.row}" for s in siblings)
            whose = f"anak {parent}" if parent else "tingkat atas"
            problems.append(error("Komponen", f"{letters['bobot']}{siblings[0].row}",
                                  f"bobot komponen {whose} pada {kode_ikk} berjumlah {formatting.number(total)}, "
                                  f"seharusnya 100 (sel {cells})", kode="bobot-tidak-100"))


def _levels(nodes: dict[object, Row]) -> dict[object, int | None]:
    """Each component's level below its IKK (1: top level), None when its parents go round in a cycle
    (or lead into one). Each component is walked once, so a chain of thousands costs thousands."""
    levels: dict[object, int | None] = {}
    for start in nodes:
        path: list[object] = []
        on_path: set[object] = set()
        key: object | None = start
        while key is not None and key not in levels and key not in on_path:
            path.append(key)
            on_path.add(key)
            parent = nodes[key].values.get("induk") if key in nodes else None
            key = key_of(parent) if parent is not None else None
        level = None if key in on_path else (0 if key is None else levels[key])
        for k in reversed(path):
            level = None if level is None else level + 1
            levels[k] = level
    return levels


def check_layanan(rows: list[Row], letters: dict[str, str], problems: list[Problem]) -> None:
    """A Jumlah/Total row typed among the services: the report adds the rows itself, so it would
    count every service twice (in the table, the K1/K2 figures and a Kanwil's roll-up)."""
    for row in rows:
        text = row.values.get("jenis")
        if row.known("jenis") and isinstance(text, str) and text.strip().casefold().startswith(_TOTAL_WORDS):
            problems.append(error("Layanan", f"{letters['jenis']}{row.row}",
                                  f'baris "{text.strip()}" tampaknya baris jumlah; laporan menjumlahkan layanan '
                                  "sendiri, jadi baris ini akan terhitung dua kali. Hapus baris ini",
                                  kode="baris-jumlah-di-layanan"))
            row.bad.add("jenis")


