"""The workbook contract (design.md, "The workbook contract, version 1"), declared once as data.

The blank template, the loader and the checker all read these declarations, so a sheet, a column,
its type, its drop-down choices and its help text exist in exactly one place.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from lkj_engine.contract.profile import JENIS, all_satuan

# How a cell is parsed. "angka" is any number (Decimal), "bulat" a whole number, "rupiah" whole
# rupiah, "persen" a number on the 0-100 scale, "tahun" a four-digit year.
Kind = Literal["teks", "angka", "bulat", "rupiah", "persen", "tahun", "tanggal", "pilihan", "yatidak"]

JENIS_SATKER = JENIS  # ("Kanim", "Kanwil")
POLARITAS = ("Positif", "Negatif")
NEGATIF = POLARITAS[1]  # lower realisasi is better: capaian = (2 × target − realisasi) / target
# The IKK Satuan choices are year-profile data (profiles/*.toml): any period's list is accepted.
SATUAN = all_satuan()
JENIS_BELANJA = ("Belanja Pegawai", "Belanja Barang", "Belanja Modal")
SUMBER_DANA = ("RM", "PNBP")
YA_TIDAK = ("Ya", "Tidak")
DIMENSI_PEGAWAI = ("Jabatan", "Jenis Kelamin", "Usia", "Pendidikan", "Golongan")
KELOMPOK_LAYANAN = ("Dokumen Perjalanan", "Izin Tinggal dan Status Keimigrasian")
# A Komponen leaf may take its numerator and denominator from the Layanan sheet (issue 3):
# D1 = selesai (terbit + ditolak + batal sistem) / diterima, D2 = tepat waktu / sesuai syarat.
SUMBER_KOMPONEN = (
    "Layanan Dokumen Perjalanan D1",
    "Layanan Dokumen Perjalanan D2",
    "Layanan Izin Tinggal D1",
    "Layanan Izin Tinggal D2",
)
FAKTOR = ("1", "-1")
BELUM_DIUKUR = "Belum diukur"
RIWAYAT_STATUS = (BELUM_DIUKUR,)  # a Riwayat row: the indicator did not exist that year

# The report's chapters, for ordering sheets in the template and saying where a sheet is used.
BAB = {
    "identitas": "Sampul, Kata Pengantar, BAB I",
    "pegawai": "BAB I.B (komposisi pegawai)",
    "ikk": "BAB II.B dan BAB III.A",
    "risiko": "BAB II.A dan BAB III.A",
    "anggaran": "BAB II.B dan BAB III.B",
    "lain": "BAB III.D",
    "narasi": "seluruh bab",
}


@dataclass(frozen=True)
class Column:
    """One column of a table sheet."""

    header: str
    field: str
    kind: Kind = "teks"
    required: bool = False
    choices: tuple[str, ...] = ()
    # (old spelling, choice): an old workbook's value still read, as the choice it became
    aliases: tuple[tuple[str, str], ...] = ()
    help: str = ""
    width: int = 16
    # A Kanwil's column (contract v2: Rekap Jajaran): a Kanim's workbook lacks it by design, so its
    # absence is not worth a warning.
    kanwil_only: bool = False
    # a number that cannot be below 0 (a weight, a count, a PK target): refused at its cell, since a
    # negative one would print a capaian of "-109,40%" or shift an index silently
    nonnegative: bool = False


@dataclass(frozen=True)
class Field:
    """One row of the Identitas sheet (a key/value sheet)."""

    label: str
    field: str
    kind: Kind = "teks"
    required: bool = False
    choices: tuple[str, ...] = ()
    help: str = ""


@dataclass(frozen=True)
class Sheet:
    """A sheet of the workbook. `columns` for table sheets, `fields` for Identitas."""

    name: str
    help: str
    chapter: str
    required: bool = False
    columns: tuple[Column, ...] = ()
    fields: tuple[Field, ...] = ()
    kanwil_only: bool = False  # a Kanim's workbook does not have it (contract v2: Jajaran)

    @property
    def is_fields(self) -> bool:
        return bool(self.fields)

    def column(self, field_name: str) -> Column:
        for c in self.columns:
            if c.field == field_name:
                return c
        raise KeyError(field_name)

    def for_year(self, tahun: int) -> Sheet:
        """This sheet as the workbook of `tahun` explains it: the examples in its help texts name that
        year ({tahun}), the year before ({tahun_lalu}) and the signing year ({tahun_depan})."""
        def fill(text: str) -> str:
            return text.format(tahun=tahun, tahun_lalu=tahun - 1, tahun_depan=tahun + 1)

        return replace(self, help=fill(self.help),
                       columns=tuple(replace(c, help=fill(c.help)) for c in self.columns),
                       fields=tuple(replace(f, help=fill(f.help)) for f in self.fields))


IDENTITAS = Sheet(
    name="Identitas",
    required=True,
    chapter=BAB["identitas"],
    help="Data kantor dan penandatangan. Isi kolom Nilai; kolom Isian jangan diubah.",
    columns=(
        Column("Isian", "isian", required=True, width=28, help="Nama isian (jangan diubah)."),
        Column("Nilai", "nilai", width=60, help="Isi di kolom ini."),
        Column("Keterangan", "keterangan", width=60, help="Penjelasan isian."),
    ),
    fields=(
        Field("Nama Satker", "nama_satker", required=True,
              help="Nama lengkap kantor, mis. Kantor Imigrasi Kelas II TPI Batu Kerapu."),
        Field("Nama Singkat", "nama_singkat", required=True,
              help="Dipakai di kop halaman dan nama berkas, mis. Kanim Batu Kerapu."),
        Field("Jenis Satker", "jenis", "pilihan", required=True, choices=JENIS_SATKER,
              help="Kanim (Kantor Imigrasi) atau Kanwil (Kantor Wilayah)."),
        Field("Kanwil Induk", "kanwil_induk", help="Kantor Wilayah atasan (untuk Kanim)."),
        Field("Provinsi", "provinsi", required=True, help="Provinsi tempat kantor berada."),
        Field("Alamat", "alamat", help="Alamat kantor."),
        Field("Telepon", "telepon", help="Nomor telepon kantor (ditulis sebagai teks)."),
        Field("Email", "email", help="Alamat surel kantor."),
        Field("Laman", "laman", help="Alamat situs web kantor."),
        Field("Tahun", "tahun", "tahun", required=True, help="Tahun kinerja yang dilaporkan, mis. {tahun}."),
        Field("Nama Kepala", "nama_kepala", required=True, help="Nama kepala kantor (penandatangan)."),
        Field("NIP Kepala", "nip_kepala", help="NIP kepala kantor, 18 digit (ditulis sebagai teks)."),
        Field("Jabatan Kepala", "jabatan_kepala", required=True, help="Jabatan penandatangan."),
        Field("Nama Atasan", "nama_atasan", help="Pihak kedua Perjanjian Kinerja."),
        Field("Jabatan Atasan", "jabatan_atasan", help="Jabatan pihak kedua Perjanjian Kinerja."),
        Field("Tempat Penandatanganan", "tempat_ttd", required=True, help="Kota tempat laporan ditandatangani."),
        Field("Tanggal Penandatanganan", "tanggal_ttd", "tanggal", required=True,
              help="Tanggal laporan ditandatangani, mis. 14 Januari {tahun_depan}."),
        Field("Logo", "logo", help="Nama berkas gambar logo di folder yang sama dengan workbook (boleh kosong)."),
        Field("Struktur Organisasi", "struktur_organisasi",
              help="Nama berkas gambar bagan organisasi di folder yang sama (boleh kosong)."),
        Field("Peta Wilayah", "peta_wilayah", help="Nama berkas gambar peta wilayah kerja (boleh kosong)."),
        Field("Kementerian", "kementerian",
              help="Nama kementerian bila berbeda dari profil tahun (kosong = nama menurut profil tahun)."),
        Field("Pedoman LKjIP", "pedoman",
              help="Sitasi Pedoman penyusunan LKjIP bila berbeda dari profil tahun (kosong = menurut profil)."),
        Field("Templat Word", "templat_word",
              help="Salinan templat Word yang diubah gayanya oleh Kanwil (.docx), relatif terhadap folder workbook "
                   "(kosong = templat bawaan; opsi --templat-word mengalahkan isian ini)."),
    ),
)

IKK = Sheet(
    name="IKK",
    required=True,
    chapter=BAB["ikk"],
    help="Satu baris per Indikator Kinerja Kegiatan (IKK) dalam Perjanjian Kinerja. Kosongkan Realisasi "
         "bila nilainya dihitung dari sheet Komponen.",
    columns=(
        Column("No Sasaran", "sasaran_no", "bulat", required=True, width=10,
               help="Nomor urut Sasaran Kegiatan (1, 2, 3 ...)."),
        Column("Sasaran Kegiatan", "sasaran", required=True, width=40, help="Nama Sasaran Kegiatan."),
        Column("Kode IKK", "kode", required=True, width=10, help="Kode unik IKK, mis. IKK-1. Dipakai sheet lain."),
        Column("Indikator Kinerja Kegiatan", "nama", required=True, width=48, help="Nama IKK sesuai PK."),
        Column("Satuan", "satuan", "pilihan", required=True, choices=SATUAN, width=10, help="Satuan target."),
        Column("Polaritas", "polaritas", "pilihan", required=True, choices=POLARITAS, width=11,
               help="Positif: makin tinggi makin baik. Negatif: makin rendah makin baik."),
        Column("Target", "target", "angka", required=True, width=11, help="Target dalam PK.", nonnegative=True),
        Column("Realisasi", "realisasi", "angka", width=11,
               help="Realisasi. Kosongkan bila dihitung dari sheet Komponen."),
        Column("Target Jangka Menengah", "target_jm", "angka", width=14,
               help="Target jangka menengah (Renstra) untuk tahun ini (boleh kosong)."),
        Column("Standar Nasional", "standar_nasional", "angka", width=12,
               help="Standar/target nasional bila ada (boleh kosong)."),
        Column("Target Standar Nasional", "target_standar_nasional", "angka", width=12,
               help="Bila Standar Nasional adalah realisasi rata-rata nasional: target nasionalnya. Diisi = "
                    "tabel perbandingan dengan angka nasional dicetak di analisis d) (boleh kosong)."),
    ),
)

RIWAYAT_IKK = Sheet(
    name="Riwayat IKK",
    chapter=BAB["ikk"],
    help="Target dan realisasi IKK pada tahun-tahun sebelumnya, untuk perbandingan antartahun.",
    columns=(
        Column("Kode IKK", "kode", required=True, width=10, help="Kode IKK seperti di sheet IKK."),
        Column("Tahun", "tahun", "tahun", required=True, width=8, help="Tahun sebelumnya, mis. {tahun_lalu}."),
        Column("Target", "target", "angka", width=11, help="Target tahun itu."),
        Column("Realisasi", "realisasi", "angka", width=11, help="Realisasi tahun itu."),
        Column("Status", "status", "pilihan", choices=RIWAYAT_STATUS, width=13,
               help="Belum diukur: indikator belum ada pada tahun itu (dicetak \"belum diukur\", tidak "
                    "dibandingkan)."),
    ),
)

KOMPONEN = Sheet(
    name="Komponen",
    chapter=BAB["ikk"],
    help="Susunan indeks komposit: tiap baris satu komponen. Nilai induk = jumlah (nilai anak x bobot). "
         "Daun diisi Nilai, atau Pembilang dan Penyebut (nilai = Pembilang / Penyebut x 100 x Faktor), "
         "atau diambil dari sheet Layanan lewat kolom Sumber.",
    columns=(
        Column("Kode IKK", "kode_ikk", required=True, width=10, help="IKK yang disusun komponen ini."),
        Column("Kode", "kode", required=True, width=9, help="Kode komponen, unik dalam satu IKK, mis. K1, K1.D1."),
        Column("Induk", "induk", width=8, help="Kode komponen induk; kosong untuk komponen tingkat atas."),
        Column("Nama", "nama", required=True, width=44, help="Nama komponen."),
        Column("Bobot (%)", "bobot", "persen", required=True, width=9, nonnegative=True,
               help="Bobot terhadap induknya; bobot sesama anak berjumlah 100."),
        Column("Pembilang", "pembilang", "angka", width=11, nonnegative=True,
               help="Jumlah yang dibagi (mis. permohonan selesai)."),
        Column("Penyebut", "penyebut", "angka", width=11, nonnegative=True,
               help="Jumlah pembagi (mis. permohonan diterima)."),
        Column("Nilai", "nilai", "angka", width=9, help="Isi langsung nilai komponen bila tidak dihitung."),
        Column("Faktor", "faktor", "pilihan", choices=FAKTOR, width=7,
               help="1, atau -1 untuk komponen berpolaritas negatif (nilai menjadi negatif)."),
        Column("Maks 100", "maks_100", "yatidak", choices=YA_TIDAK, width=9,
               help="Ya bila nilai dibatasi paling tinggi 100."),
        Column("Keterangan Pembilang", "ket_pembilang", width=30, help="Arti pembilang, dicetak di rumus."),
        Column("Keterangan Penyebut", "ket_penyebut", width=30, help="Arti penyebut, dicetak di rumus."),
        Column("Sumber", "sumber", "pilihan", choices=SUMBER_KOMPONEN, width=26,
               help="Ambil pembilang dan penyebut dari sheet Layanan (kosongkan bila diketik)."),
        Column("Rekap Jajaran", "rekap_jajaran", "yatidak", choices=YA_TIDAK, width=10, kanwil_only=True,
               help="Khusus Kanwil: Ya bila pembilang/penyebut daun ini dijumlahkan dari seluruh Kanim jajaran "
                    "(ditambah isian Kanwil sendiri). Kosong = Tidak."),
    ),
)

LAYANAN = Sheet(
    name="Layanan",
    chapter=BAB["ikk"],
    help="Rekap permohonan layanan dari SIMKIM per jenis layanan. Dipakai untuk komponen K1 dan K2 "
         "Indeks Kualitas Layanan.",
    columns=(
        Column("Kelompok", "kelompok", "pilihan", required=True, choices=KELOMPOK_LAYANAN, width=30,
               help="Dokumen Perjalanan (K1) atau Izin Tinggal dan Status Keimigrasian (K2)."),
        Column("Jenis Layanan", "jenis", required=True, width=30, help="Mis. Paspor Elektronik, Perpanjangan ITK."),
        Column("Standar Waktu (hari)", "standar_waktu", "bulat", width=11, help="Lama layanan sesuai SOP."),
        Column("Diterima", "diterima", "bulat", required=True, width=11, help="Permohonan yang diterima."),
        Column("Terbit", "terbit", "bulat", width=10, help="Permohonan yang terbit."),
        Column("Ditolak", "ditolak", "bulat", width=10, help="Permohonan yang ditolak."),
        Column("Batal Sistem", "batal", "bulat", width=10, help="Permohonan yang batal oleh sistem."),
        Column("Sesuai Syarat", "sesuai_syarat", "bulat", width=11, help="Permohonan yang memenuhi persyaratan."),
        Column("Tepat Waktu", "tepat_waktu", "bulat", width=11, help="Permohonan selesai dalam standar waktu."),
    ),
)

ANGGARAN = Sheet(
    name="Anggaran",
    chapter=BAB["anggaran"],
    help="Pagu dan realisasi DIPA tahun laporan per kegiatan. No Sasaran menghubungkan kegiatan dengan "
         "Sasaran Kegiatan di sheet IKK. Kegiatan yang mendukung beberapa sasaran ditulis satu baris per "
         "sasaran dengan Program dan Kegiatan yang sama, masing-masing dengan bagian pagu dan realisasinya: "
         "tabel anggaran Perjanjian Kinerja mencetaknya satu baris dengan jumlahnya, BAB III.B per sasaran.",
    columns=(
        Column("Program", "program", required=True, width=34, help="Nama program DIPA."),
        Column("Kegiatan", "kegiatan", required=True, width=50, help="Nama kegiatan DIPA."),
        Column("No Sasaran", "sasaran_no", "bulat", width=10, help="Sasaran Kegiatan yang didukung (boleh kosong)."),
        Column("Pagu", "pagu", "rupiah", required=True, width=18, help="Pagu akhir (Rp)."),
        Column("Realisasi", "realisasi", "rupiah", required=True, width=18, help="Realisasi (Rp)."),
    ),
)

BELANJA = Sheet(
    name="Belanja",
    chapter=BAB["anggaran"],
    help="Pagu, realisasi dan blokir per jenis belanja, untuk tahun laporan dan tahun sebelumnya.",
    columns=(
        Column("Tahun", "tahun", "tahun", required=True, width=8, help="Tahun anggaran."),
        Column("Jenis Belanja", "jenis", "pilihan", required=True, choices=JENIS_BELANJA, width=18,
               help="Belanja Pegawai (51), Belanja Barang (52), Belanja Modal (53)."),
        Column("Pagu", "pagu", "rupiah", required=True, width=18, help="Pagu (Rp)."),
        Column("Realisasi", "realisasi", "rupiah", required=True, width=18, help="Realisasi (Rp)."),
        Column("Blokir", "blokir", "rupiah", width=16, help="Anggaran yang diblokir/efisiensi (Rp), boleh kosong."),
    ),
)

SUMBER_DANA_SHEET = Sheet(
    name="Sumber Dana",
    chapter=BAB["anggaran"],
    help="Pagu dan realisasi menurut sumber dana (RM = Rupiah Murni, PNBP).",
    columns=(
        Column("Tahun", "tahun", "tahun", required=True, width=8, help="Tahun anggaran."),
        Column("Sumber Dana", "sumber", "pilihan", required=True, choices=SUMBER_DANA, width=12,
               help="RM atau PNBP."),
        Column("Pagu", "pagu", "rupiah", required=True, width=18, help="Pagu (Rp)."),
        Column("Realisasi", "realisasi", "rupiah", width=18, help="Realisasi (Rp), boleh kosong."),
    ),
)

PNBP = Sheet(
    name="PNBP",
    chapter=BAB["anggaran"],
    help="Target dan realisasi penerimaan PNBP per tahun.",
    columns=(
        Column("Tahun", "tahun", "tahun", required=True, width=8, help="Tahun."),
        Column("Target", "target", "rupiah", width=18, help="Target PNBP (Rp); kosong bila tidak ada target."),
        Column("Realisasi", "realisasi", "rupiah", required=True, width=18, help="Realisasi PNBP (Rp)."),
    ),
)

NKA = Sheet(
    name="NKA",
    chapter="BAB III.C",
    help="Nilai Kinerja Anggaran dari aplikasi Kementerian Keuangan. Salin angkanya; sel kosong berarti "
         "tidak berlaku (bukan 0).",
    columns=(
        Column("Tahun", "tahun", "tahun", required=True, width=8, help="Tahun."),
        Column("CRO", "cro", "angka", width=8, help="Capaian Realisasi Output; bobotnya dalam Nilai Perencanaan menurut profil tahun."),
        Column("Penggunaan SBK", "penggunaan_sbk", "angka", width=11, help="Penggunaan SBK (bobot 10%)."),
        Column("Efisiensi SBK", "efisiensi_sbk", "angka", width=10, help="Efisiensi SBK (bobot 15%)."),
        Column("Nilai Perencanaan", "nilai_perencanaan", "angka", width=11, help="Nilai Kinerja Perencanaan resmi."),
        Column("Revisi DIPA", "revisi_dipa", "angka", width=9, help="Nilai IKPA: revisi DIPA."),
        Column("Deviasi Halaman III DIPA", "deviasi", "angka", width=11, help="Nilai IKPA: deviasi halaman III DIPA."),
        Column("Penyerapan Anggaran", "penyerapan", "angka", width=11, help="Nilai IKPA: penyerapan anggaran."),
        Column("Belanja Kontraktual", "kontraktual", "angka", width=11, help="Nilai IKPA: belanja kontraktual."),
        Column("Penyelesaian Tagihan", "tagihan", "angka", width=11, help="Nilai IKPA: penyelesaian tagihan."),
        Column("Pengelolaan UP dan TUP", "up_tup", "angka", width=11, help="Nilai IKPA: pengelolaan UP dan TUP."),
        Column("Dispensasi SPM", "dispensasi_spm", "angka", width=10, help="Nilai IKPA: dispensasi SPM."),
        Column("Capaian Output", "capaian_output", "angka", width=9, help="Nilai IKPA: capaian output."),
        Column("Nilai Pelaksanaan", "nilai_pelaksanaan", "angka", width=11, help="Nilai Kinerja Pelaksanaan resmi (IKPA)."),
        Column("NKA", "nka", "angka", width=8, help="Nilai Kinerja Anggaran resmi."),
    ),
)

PEGAWAI = Sheet(
    name="Pegawai",
    chapter=BAB["pegawai"],
    help="Jumlah pegawai menurut beberapa dimensi. Tiap dimensi harus berjumlah sama (total pegawai).",
    columns=(
        Column("Dimensi", "dimensi", "pilihan", required=True, choices=DIMENSI_PEGAWAI, width=14,
               help="Jabatan, Jenis Kelamin, Usia, Pendidikan atau Golongan."),
        Column("Kategori", "kategori", required=True, width=28, help="Mis. Laki-laki, 31-40 tahun, S1."),
        Column("Jumlah", "jumlah", "bulat", required=True, width=9, help="Jumlah orang."),
    ),
)

RISIKO = Sheet(
    name="Risiko",
    chapter=BAB["risiko"],
    help="Daftar risiko per IKK: rencana (BAB II) dan realisasinya (BAB III).",
    columns=(
        Column("Kode IKK", "kode_ikk", required=True, width=10, help="IKK terkait."),
        Column("No", "no", "bulat", width=5, help="Nomor urut risiko dalam IKK."),
        Column("Indikasi Risiko", "indikasi", required=True, width=40, help="Risiko yang mungkin terjadi."),
        Column("Perlakuan Risiko", "perlakuan", width=36, help="Rencana perlakuan."),
        Column("Penanggung Jawab", "penanggung_jawab", width=22, help="Unit/pejabat penanggung jawab."),
        Column("Indikator Keberhasilan", "indikator_keberhasilan", width=26, help="Ukuran keberhasilan perlakuan."),
        Column("Jumlah Kejadian", "jumlah_kejadian", "bulat", width=10, help="Berapa kali risiko terjadi (0 bila tidak)."),
        Column("Realisasi Perlakuan", "realisasi_perlakuan", width=36, help="Apa yang sudah dilakukan."),
        Column("Keterangan", "keterangan", width=30, help="Keterangan."),
    ),
)

ANALISIS_IKK = Sheet(
    name="Analisis IKK",
    chapter="BAB III.A",
    help="Uraian analisis tiap IKK, huruf a) sampai h) BAB III.A; kolom kosong = satu kalimat \"tidak tersedia\". "
         "Baris kosong = paragraf baru; baris diawali '- ' = butir.",
    columns=(
        Column("Kode IKK", "kode_ikk", required=True, width=10, help="IKK yang dianalisis."),
        Column("Penjelasan Indikator", "penjelasan", width=40, help="Definisi dan cara ukur indikator."),
        Column("Keberhasilan/Kegagalan", "keberhasilan", width=40,
               help="e) Penyebab keberhasilan atau kegagalan."),
        Column("Efisiensi Sumber Daya", "efisiensi", width=40, help="f) Efisiensi sumber daya (uraian umum)."),
        Column("Program Penunjang", "program", width=40, help="g) Program/kegiatan yang menunjang."),
        Column("Kendala", "kendala", width=36, help="e) Kendala yang dihadapi."),
        Column("Solusi", "solusi", width=36, help="e) Alternatif solusi dan rencana tindak lanjut."),
        Column("Uraian Target", "uraian_target", width=36,
               help="a) Uraian tambahan atas perbandingan target dan realisasi (boleh kosong)."),
        Column("Uraian Tahun Sebelumnya", "uraian_tahun_lalu", width=36,
               help="b) Uraian tambahan atas perbandingan dengan tahun sebelumnya (boleh kosong)."),
        Column("Uraian Jangka Menengah", "uraian_jangka_menengah", width=36,
               help="c) Uraian tambahan atas perbandingan dengan target Renstra/RPJMN (boleh kosong)."),
        Column("Uraian Standar Nasional", "uraian_standar_nasional", width=36,
               help="d) Uraian tambahan atas perbandingan dengan standar nasional (boleh kosong)."),
        Column("Efisiensi Anggaran", "efisiensi_anggaran", width=36, help="f) Efisiensi di bidang anggaran."),
        Column("Efisiensi SDM", "efisiensi_sdm", width=36, help="f) Efisiensi di bidang sumber daya manusia."),
        Column("Efisiensi Aset", "efisiensi_aset", width=36, help="f) Efisiensi di bidang pengelolaan aset."),
        Column("Uraian Manajemen Risiko", "uraian_risiko", width=36,
               help="h) Uraian manajemen risiko; tabelnya dari sheet Risiko."),
        Column("Dasar Survei", "survei_dasar", width=40,
               help="IKK hasil survei (mis. ILK): surat dasar pelaksanaan survei, mis. surat Sekretaris Direktorat "
                    "Jenderal Imigrasi Nomor ... tanggal ... ."),
        Column("Periode Survei", "survei_periode", width=16, help="IKK hasil survei: periode survei, mis. Desember {tahun}."),
        Column("Jumlah Responden", "survei_responden", "bulat", width=10, help="IKK hasil survei: jumlah responden."),
        Column("Parameter Survei", "survei_parameter", width=40,
               help="IKK hasil survei: parameter yang diukur, satu per baris."),
    ),
)

# Narasi: the sections a clerk may write; the template has a default for the boilerplate ones.
NARASI_BAGIAN = (
    "Kata Pengantar",
    "Latar Belakang",
    "Tugas dan Fungsi",
    "Sejarah dan Wilayah Kerja",
    "Maksud dan Tujuan",
    "Aspek Strategis",
    "Isu Strategis",
    "Rencana Strategis",
    "Analisis Anggaran",
    "Analisis PNBP",
    "Analisis NKA",
    "E-Performance",
    "E-Monev",
    "Kesimpulan",
    "Saran",
)

NARASI = Sheet(
    name="Narasi",
    chapter=BAB["narasi"],
    help="Teks khusus kantor. Bagian yang kosong memakai teks baku dari profil tahun; teks yang diisi hanya "
         "menggantikan paragraf bagian itu sendiri (visi, misi, fungsi, dan daftar baku lainnya tetap dicetak).",
    columns=(
        Column("Bagian", "bagian", "pilihan", required=True, choices=NARASI_BAGIAN, width=26,
               help="Bagian laporan tempat teks dicetak."),
        Column("Teks", "teks", width=100, help="Teksnya. Baris kosong = paragraf baru; '- ' = butir."),
    ),
)

INOVASI = Sheet(
    name="Inovasi",
    chapter=BAB["lain"],
    help="Inovasi layanan atau manajemen yang dijalankan kantor.",
    columns=(
        Column("Nama", "nama", required=True, width=20, help="Nama/akronim inovasi."),
        Column("Kepanjangan", "kepanjangan", width=36, help="Kepanjangan nama."),
        Column("Uraian", "uraian", width=70, help="Uraian singkat."),
    ),
)

PENGHARGAAN = Sheet(
    name="Penghargaan",
    chapter=BAB["lain"],
    help="Penghargaan yang diterima kantor (WBK/WBBM dan lainnya).",
    columns=(
        Column("Tahun", "tahun", "tahun", width=8, help="Tahun penghargaan."),
        Column("Penghargaan", "penghargaan", required=True, width=36, help="Nama penghargaan."),
        Column("Pemberi", "pemberi", width=30, help="Pemberi penghargaan."),
        Column("Uraian", "uraian", width=60, help="Uraian singkat."),
    ),
)

# The Lampiran's pictures, in the order they print: the signed PK of the report year, of the next year,
# then any other signed document (one page each).
LAMPIRAN_PK, LAMPIRAN_PK_BERIKUT, LAMPIRAN_LAIN = (
    "Lampiran PK Tahun Ini", "Lampiran PK Tahun Berikut", "Lampiran Lain")
GAMBAR_BAGIAN = ("BAB I", "BAB II", "BAB III.A", "BAB III.B", "BAB III.C", "BAB III.D",
                 LAMPIRAN_PK, LAMPIRAN_PK_BERIKUT, LAMPIRAN_LAIN)

GAMBAR = Sheet(
    name="Gambar",
    chapter=BAB["lain"],
    help="Gambar tambahan (foto, tangkapan layar) yang dicetak di bagian tertentu. Di Lampiran, setiap gambar "
         "dicetak satu halaman dengan judulnya: pindaian Perjanjian Kinerja (PK) tahun laporan, PK tahun "
         "berikutnya, lalu dokumen bertanda tangan lainnya.",
    columns=(
        Column("Bagian", "bagian", "pilihan", required=True, choices=GAMBAR_BAGIAN,
               aliases=(("Lampiran", LAMPIRAN_LAIN),),  # the single choice of workbooks before issue 11
               width=24, help="Bagian laporan tempat gambar dicetak. Lampiran PK Tahun Ini / Lampiran PK Tahun "
                              "Berikut: pindaian PK yang telah ditandatangani (satu baris per halaman); Lampiran "
                              "Lain: dokumen lainnya."),
        Column("Judul", "judul", required=True, width=50,
               help="Judul gambar (keterangan di bawah gambar; di Lampiran, judul di atas halamannya)."),
        Column("Berkas", "berkas", required=True, width=40, help="Nama berkas gambar di folder workbook."),
    ),
)

JAJARAN = Sheet(
    name="Jajaran",
    kanwil_only=True,
    chapter="BAB I dan BAB III (tabel jajaran)",
    help="Khusus Kanwil: satu baris per Kantor Imigrasi (UPT) di bawah Kanwil ini. Nama Satker ditulis persis "
         "seperti isian Nama Satker di sheet Identitas workbook Kanim itu.",
    columns=(
        Column("Nama Satker", "nama_satker", required=True, width=50,
               help="Nama lengkap Kanim, sama dengan Identitas Nama Satker di workbook Kanim."),
        Column("Nama Singkat", "nama_singkat", width=26, help="Nama singkat untuk kolom tabel, mis. Kanim Batu Kerapu."),
    ),
)

# Order = order of the report's chapters (issue 2). "Data ..." sheets follow, free-form.
SHEETS: tuple[Sheet, ...] = (
    IDENTITAS, PEGAWAI, IKK, KOMPONEN, LAYANAN, RIWAYAT_IKK, RISIKO, ANALISIS_IKK,
    ANGGARAN, BELANJA, SUMBER_DANA_SHEET, PNBP, NKA, INOVASI, PENGHARGAAN, GAMBAR, NARASI, JAJARAN,
)
SHEETS_BY_NAME = {s.name.casefold(): s for s in SHEETS}
PETUNJUK = "Petunjuk"
DATA_PREFIX = "Data "


def sheets_for(jenis: str) -> tuple[Sheet, ...]:
    """The sheets a workbook of this Jenis Satker has, in report order."""
    return tuple(s for s in SHEETS if jenis == JENIS_SATKER[1] or not s.kanwil_only)


def sheet(name: str) -> Sheet:
    """The declared sheet whose name matches `name` ignoring case and surrounding spaces."""
    return SHEETS_BY_NAME[name.strip().casefold()]


# Characters that show nothing: zero-width space, non-joiner, joiner and U+FEFF (a BOM pasted with
# text). They are kept in the clerk's text (it prints as typed) and ignored wherever two texts are
# compared (codes, names, headers, choices), because the clerk cannot see them.
INVISIBLE = "\u200b\u200c\u200d\ufeff"
_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE), None)


def without_invisible(text: str) -> str:
    """`text` without the zero-width characters of `INVISIBLE` (for comparing, never for printing)."""
    return text.translate(_INVISIBLE)


def normalize_header(text: object) -> str:
    """Headers match ignoring case, surrounding and doubled spaces, and invisible characters (design.md)."""
    return " ".join(without_invisible(str(text)).split()).casefold() if text is not None else ""
