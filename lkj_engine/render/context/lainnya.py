"""BAB III.D Capaian Lainnya: inovasi (also listed in the Ringkasan and BAB I), penghargaan, the `Data …` sheets."""
from __future__ import annotations

from typing import TypedDict

from lkj_engine.model.workbook import Workbook
from lkj_engine.render.context.cetak import punctuated
from lkj_engine.render.context.common import Clerk
from lkj_engine.render.prose import Sentence


class Inovasi(TypedDict):
    nama: str
    kepanjangan: str
    uraian: str
    label: str
    butir: str  # the label with its list end, for the Ringkasan's and BAB I's bullets


class Penghargaan(TypedDict):
    tahun: str
    penghargaan: str
    pemberi: str
    uraian: str


class DataTabel(TypedDict):
    judul: str
    headers: list[str]
    rows: list[list[str]]


class LainnyaKosong(TypedDict):
    inovasi: Sentence
    penghargaan: Sentence
    data_tabel: Sentence
    e_performance: Sentence
    e_monev: Sentence


class LainnyaKeys(TypedDict):
    inovasi: list[Inovasi]
    penghargaan: list[Penghargaan]
    data_tabel: list[DataTabel]


class LainnyaContext(LainnyaKeys):
    kosong: LainnyaKosong


def inovasi_context(wb: Workbook, clerk: Clerk) -> list[Inovasi]:
    """The Inovasi rows: the table's cells, and each one as a punctuated bullet."""
    inovasi = [
        {"nama": clerk.text(x.nama, "Inovasi", "nama", x.row) or "",
         "kepanjangan": clerk.text(x.kepanjangan, "Inovasi", "kepanjangan", x.row) or "",
         "uraian": clerk.text(x.uraian, "Inovasi", "uraian", x.row) or "-"}
        for x in wb.inovasi
    ]
    for x in inovasi:
        x["label"] = f"{x['nama']} ({x['kepanjangan']})" if x["kepanjangan"] else x["nama"]
    # the bullet lists of the Ringkasan and BAB I end like every list: "a;" … "c."
    for x, butir in zip(inovasi, punctuated([x["label"] for x in inovasi])):
        x["butir"] = butir
    return inovasi


def penghargaan_context(wb: Workbook, clerk: Clerk) -> list[Penghargaan]:
    """The Penghargaan rows as table cells; a blank cell prints \"-\"."""
    return [
        {"tahun": str(x.tahun) if x.tahun else "-",
         "penghargaan": clerk.text(x.penghargaan, "Penghargaan", "penghargaan", x.row) or "",
         "pemberi": clerk.text(x.pemberi, "Penghargaan", "pemberi", x.row) or "-",
         "uraian": clerk.text(x.uraian, "Penghargaan", "uraian", x.row) or "-"}
        for x in wb.penghargaan
    ]


def data_tables(wb: Workbook, clerk: Clerk) -> list[DataTabel]:
    """The clerk's `Data …` sheets, rows padded to the widest row."""
    tables = []
    for t in wb.data_tables:
        if not t.rows:
            continue
        width = max(len(t.headers), *(len(r) for r in t.rows))
        headers = [clerk.text(h, t.sheet, "", 0) or "" for h in t.headers] + [""] * (width - len(t.headers))
        rows = [[(clerk.text(c, t.sheet, "", 0) or "") for c in r] + [""] * (width - len(r)) for r in t.rows]
        tables.append({"judul": t.sheet.strip(), "headers": headers, "rows": rows})
    return tables



def lainnya_context(wb: Workbook, clerk: Clerk, consolidated: bool = False) -> LainnyaContext:
    """BAB III.D's tables and the sentences for what the clerk left empty. A consolidated Kanwil
    without `Data …` sheets of its own says where its Kanim's are: their free tables cannot be summed,
    and each Kanim's report prints them."""
    return {
        "inovasi": inovasi_context(wb, clerk),
        "penghargaan": penghargaan_context(wb, clerk),
        "data_tabel": data_tables(wb, clerk),
        "kosong": {
            "inovasi": Sentence("Data inovasi tidak tersedia."),
            "penghargaan": Sentence("Data penghargaan tidak tersedia."),
            "data_tabel": Sentence("Data capaian output lainnya tidak tersedia." if not consolidated else
                                   "Data capaian output lainnya Kantor Wilayah tidak tersedia. Data capaian output "
                                   "setiap satuan kerja di jajaran (mis. data paspor dan perlintasan) disajikan pada "
                                   "Laporan Kinerja satuan kerja masing-masing."),
            "e_performance": Sentence("Uraian pengisian E-Performance tidak tersedia."),
            "e_monev": Sentence("Uraian pelaporan E-Monev tidak tersedia."),
        },
    }
