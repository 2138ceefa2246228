"""Regenerate the two committed workbooks: ``python input_templates/build_workbooks.py``.

- template_lkjip_<REPORT_YEAR>.xlsx: exactly what `write_template(tahun=REPORT_YEAR)` writes (what
  `generate.py templat --tahun REPORT_YEAR` writes), the indicator set from the year profile;
- contoh_kanim_2025.xlsx: the same layout filled for a FICTIONAL office (Kanim Batu Kerapu), with
  its placeholder images drawn here with matplotlib (contoh_*.png).

The example's figures are internally consistent (Σ Belanja = Σ Sumber Dana = Σ Anggaran per year,
Layanan counts that add up, Data tables that match Layanan and Komponen), so loading it gives no
warning. A few cells are deliberately typed the way clerks type them (Indonesian number text, a
percent-formatted cell) so the loader's parsing rules run on the real example.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

HERE = Path(__file__).resolve().parent
from lkj_engine.contract.profile import profile_for
from lkj_engine.contract.schema import KELOMPOK_LAYANAN, LAMPIRAN_PK, LAMPIRAN_PK_BERIKUT
from lkj_engine.render.blank_workbook import Formatted, template_name, write_template

# The committed blank is `templat`'s output for the current report year; the example is a 2025 Kanim.
REPORT_YEAR = 2025
TEMPLATE = HERE / template_name(REPORT_YEAR)
_PROFILE = profile_for(REPORT_YEAR)[0]
IKK_2025 = [d.row(REPORT_YEAR) for d in _PROFILE.ikk_set("Kanim")]
KOMPONEN_2025 = [d.row() for d in _PROFILE.komponen_set("Kanim")]
(PROGRAM_PPH, KEGIATAN_PPH), (PROGRAM_DM, KEGIATAN_DM) = (
    (d.program, d.kegiatan) for d in _PROFILE.indicator_set("Kanim").anggaran)
EXAMPLE = HERE / "contoh_kanim_2025.xlsx"
LOGO = HERE / "contoh_logo.png"
ORG_CHART = HERE / "contoh_struktur_organisasi.png"
PIAGAM = HERE / "contoh_piagam_wbk.png"
# the signed Perjanjian Kinerja of the report year and of the next, as the LAMPIRAN prints them
PK_SCANS = {f"contoh_pk_{t}.png": t for t in (REPORT_YEAR, REPORT_YEAR + 1)}

OFFICE = "Kantor Imigrasi Kelas II TPI Batu Kerapu"
SHORT = "Kanim Batu Kerapu"
KANWIL = "Kantor Wilayah Direktorat Jenderal Imigrasi Kepulauan Nusa Karang"

IDENTITAS = dict(
    nama_satker=OFFICE,
    nama_singkat=SHORT,
    jenis="Kanim",
    kanwil_induk=KANWIL,
    provinsi="Kepulauan Nusa Karang",
    alamat="Jl. Pelabuhan Lama No. 17, Kelurahan Tanjung Kerapu, Kota Batu Kerapu 29911",
    telepon="(0799) 321456",
    email="kanim.batukerapu@contoh.go.id",
    laman="https://batukerapu.contoh.go.id",
    tahun=2025,
    nama_kepala="Andi Pratama Wibisono",
    nip_kepala="197805122001121002",
    jabatan_kepala=f"Kepala {OFFICE}",
    nama_atasan="Dewi Kartika Sari",
    jabatan_atasan=f"Kepala {KANWIL}",
    tempat_ttd="Batu Kerapu",
    tanggal_ttd=date(2026, 1, 14),
    logo=LOGO.name,
    struktur_organisasi=ORG_CHART.name,
)

# --- IKK: the 2025 set with this office's realisasi, plus a 5th, negative-polarity IKK in sasaran 1.
_MEDIUM_TERM = {"IKK-1": (D("95.20"), D("96.52")), "IKK-2": (D("93.01"), D("95.43")),
                "IKK-3.1": (D("100"), D("89")), "IKK-3.2": (D("3.55"), D("3.82"))}
IKK_ROWS = []
for base in IKK_2025:
    row = dict(base, target_jm=_MEDIUM_TERM[base["kode"]][0], standar_nasional=_MEDIUM_TERM[base["kode"]][1])
    if base["kode"] == "IKK-3.2":
        row["realisasi"] = D("3.78")  # survey result, typed
    if base["kode"] == "IKK-3.1":
        row["target_standar_nasional"] = D("100")  # the national figure is a realisasi (89%) against 100%
    IKK_ROWS.append(row)
    if base["kode"] == "IKK-1":
        IKK_ROWS.append(dict(
            sasaran_no=1, sasaran=base["sasaran"], kode="IKK-5",
            nama="Persentase Pengaduan Layanan yang Tidak Ditindaklanjuti", satuan="%", polaritas="Negatif",
            target=D("5"), realisasi=Formatted(0.032, "0.00%"),  # the clerk sees 3,20%
            target_jm=D("4")))

# --- Komponen: the 2025 trees with this office's typed numerators and denominators.
_FIGURES = {
    ("IKK-2", "K1.I1.D1"): (2, 3), ("IKK-2", "K1.I1.D2"): (1, 2), ("IKK-2", "K1.I2"): (86, 86),
    ("IKK-2", "K2"): (148, 140), ("IKK-2", "K3"): (42, 42), ("IKK-2", "K4"): (40, 42),
    ("IKK-2", "K5.D1"): (6, 6), ("IKK-2", "K5.D2"): (533, 604), ("IKK-2", "K5.D3"): (57, 64),
    ("IKK-2", "K5.D4"): (4, 4), ("IKK-2", "K6.D1"): (182406, 182406), ("IKK-2", "K6.D2"): (27, 27),
    ("IKK-3.1", "RA"): (139, 152),
}
KOMPONEN_ROWS = []
for base in KOMPONEN_2025:
    row = dict(base)
    figures = _FIGURES.get((base["kode_ikk"], base["kode"]))
    if figures:
        row["pembilang"], row["penyebut"] = D(figures[0]), D(figures[1])
    KOMPONEN_ROWS.append(row)

# --- Layanan (SIMKIM): diterima, terbit, ditolak, batal sistem, sesuai syarat, tepat waktu.
DOKPAL, ITSK = KELOMPOK_LAYANAN
_LAYANAN = [
    (DOKPAL, "Paspor Elektronik", 4, 9850, 9612, 148, 65, 9640, 9588),
    (DOKPAL, "Paspor Biasa (Polikarbonat)", 4, 21430, 20911, 312, 174, 20950, 20847),
    (DOKPAL, "Penggantian Paspor Hilang/Rusak", 4, 1212, 1105, 71, 22, 1110, 1098),
    (DOKPAL, "Surat Perjalanan Laksana Paspor (SPLP)", 1, 36, 34, 2, 0, 34, 34),
    (ITSK, "Perpanjangan ITK", 3, 2140, 2101, 21, 9, 2110, 2104),
    (ITSK, "Pemberian/Perpanjangan ITAS", 3, 1385, 1352, 18, 6, 1360, 1349),
    (ITSK, "Pemberian ITAP", 7, 64, 61, 2, 0, 62, 61),
    (ITSK, "Alih Status ITK ke ITAS", 3, 212, 203, 5, 1, 205, 201),
    (ITSK, "Alih Status ITAS ke ITAP", 7, 48, 46, 1, 0, 47, 46),
    (ITSK, "Surat Keterangan Keimigrasian (SKIM)", 3, 85, 84, 1, 0, 84, 84),
]
LAYANAN_ROWS = [
    dict(kelompok=k, jenis=j, standar_waktu=w, diterima=a, terbit=t, ditolak=d, batal=b, sesuai_syarat=s,
         tepat_waktu=tw)
    for k, j, w, a, t, d, b, s, tw in _LAYANAN
]

RIWAYAT_ROWS = [
    # the 2025-2029 index did not exist before 2024's pilot: those years are marked, not compared
    dict(kode="IKK-1", tahun=2022, status="Belum diukur"),
    dict(kode="IKK-1", tahun=2023, status="Belum diukur"),
    dict(kode="IKK-1", tahun=2024, target=D("91"), realisasi=D("95.46")),
    dict(kode="IKK-5", tahun=2023, target=D("5"), realisasi=D("6.10")),
    dict(kode="IKK-5", tahun=2024, target=D("5"), realisasi=D("4.40")),
    dict(kode="IKK-2", tahun=2023, target=D("90"), realisasi=D("92.15")),
    dict(kode="IKK-2", tahun=2024, target=D("90.50"), realisasi=D("91.02")),
    dict(kode="IKK-3.1", tahun=2021, target=D("100"), realisasi=D("85.40")),
    dict(kode="IKK-3.1", tahun=2022, target=D("100"), realisasi=D("88.10")),
    dict(kode="IKK-3.1", tahun=2023, target=D("100"), realisasi="86,92%"),  # typed as text by the clerk
    dict(kode="IKK-3.1", tahun=2024, target=D("100"), realisasi=D("100")),
    dict(kode="IKK-3.2", tahun=2024, target=D("3.50"), realisasi=D("3.62")),
]


def _risk(kode: str, no: int, indikasi: str, perlakuan: str, pj: str, indikator: str, kejadian: int,
          realisasi: str, ket: str) -> dict:
    return dict(kode_ikk=kode, no=no, indikasi=indikasi, perlakuan=perlakuan, penanggung_jawab=pj,
                indikator_keberhasilan=indikator, jumlah_kejadian=kejadian, realisasi_perlakuan=realisasi,
                keterangan=ket)


LANTASKIM = "Kepala Seksi Lalu Lintas dan Izin Tinggal Keimigrasian"
INTELDAKIM = "Kepala Seksi Intelijen dan Penindakan Keimigrasian"
TU = "Kepala Subbagian Tata Usaha"
RISIKO_ROWS = [
    _risk("IKK-1", 1, "Waktu layanan melebihi standar pelayanan pada saat lonjakan permohonan",
          "Penambahan loket dan pengaturan kuota antrean M-Paspor", LANTASKIM,
          "Jumlah layanan yang diselesaikan tepat waktu", 3,
          "3 kali pembukaan loket tambahan pada masa libur sekolah dan musim umrah",
          "Risiko terjadi dan dapat dikendalikan"),
    _risk("IKK-1", 2, "Gangguan jaringan SIMKIM yang menghentikan proses layanan",
          "Koordinasi dengan Direktorat Sistem dan Teknologi Informasi Keimigrasian dan penyediaan jaringan cadangan",
          "Kepala Seksi Teknologi Informasi dan Komunikasi Keimigrasian", "Lama gangguan layanan", 2,
          "Jaringan cadangan dipasang; 2 gangguan diselesaikan dalam hari yang sama", "Risiko dapat dikendalikan"),
    _risk("IKK-1", 3, "Pemohon tidak memahami persyaratan dan aplikasi M-Paspor",
          "Pendampingan pemohon dan sosialisasi persyaratan melalui media sosial", LANTASKIM,
          "Jumlah permohonan yang sesuai persyaratan", 0, "Sosialisasi rutin setiap bulan melalui Instagram resmi",
          "Risiko tidak terjadi"),
    _risk("IKK-5", 1, "Pengaduan masyarakat tidak tercatat karena kanal aduan tersebar",
          "Satu register pengaduan untuk semua kanal (SP4N-LAPOR!, WhatsApp, Instagram, kotak saran)", TU,
          "Seluruh pengaduan tercatat dan dijawab", 1,
          "Register tunggal berjalan sejak Maret 2025; 1 aduan terlambat dicatat", "Risiko dapat dikendalikan"),
    _risk("IKK-5", 2, "Tindak lanjut pengaduan melewati batas waktu",
          "Pemantauan mingguan tindak lanjut pengaduan oleh pimpinan", TU,
          "Pengaduan selesai dalam 5 hari kerja", 2, "Pemantauan mingguan dilaksanakan 48 kali",
          "Risiko terjadi pada 2 aduan yang memerlukan koordinasi dengan instansi lain"),
    _risk("IKK-2", 1, "Petugas terbatas dibanding luas wilayah kerja dan jumlah orang asing",
          "Operasi gabungan bersama Tim Pengawasan Orang Asing (TIMPORA)", INTELDAKIM,
          "Jumlah pengawasan keimigrasian yang dilaksanakan", 0,
          "148 kegiatan pengawasan, termasuk 6 operasi gabungan TIMPORA", "Risiko dapat dikendalikan"),
    _risk("IKK-2", 2, "Pemalsuan dokumen keimigrasian oleh orang asing",
          "Peningkatan kompetensi petugas dalam mendeteksi dokumen palsu", INTELDAKIM,
          "Jumlah petugas yang mengikuti pelatihan deteksi dokumen", 1,
          "12 petugas mengikuti bimbingan teknis deteksi dokumen palsu", "Risiko terjadi satu kali dan ditangani"),
    _risk("IKK-2", 3, "Keterlambatan penyelesaian berkas penyidikan",
          "Koordinasi rutin dengan penuntut umum dan Korwas PPNS", INTELDAKIM,
          "Jumlah berkas penyidikan yang selesai", 1, "Rapat koordinasi triwulanan dengan kejaksaan negeri",
          "Satu berkas masih dalam proses"),
    _risk("IKK-3.1", 1, "Rencana aksi RB tidak dilaksanakan tepat waktu",
          "Monitoring pelaksanaan rencana aksi RB setiap triwulan", TU,
          "Jumlah rencana aksi RB yang terlaksana", 13,
          "Monitoring triwulanan dilaksanakan 4 kali; 13 rencana aksi tertunda akibat efisiensi anggaran",
          "Risiko terjadi; dibuktikan dengan capaian di bawah target"),
    _risk("IKK-3.1", 2, "Rendahnya partisipasi pegawai dalam pembangunan Zona Integritas",
          "Internalisasi nilai dan agen perubahan di setiap seksi", TU,
          "Jumlah laporan internalisasi", 0, "Internalisasi bulanan oleh agen perubahan", "Risiko tidak terjadi"),
    _risk("IKK-3.2", 1, "Keterlambatan layanan kesekretariatan",
          "Penguatan SOP dan pelatihan teknis administrasi", TU,
          "Layanan kesekretariatan selesai tepat waktu", 0, "SOP layanan kepegawaian dan persuratan diperbarui",
          "Risiko tidak terjadi"),
    _risk("IKK-3.2", 2, "Kerusakan sarana dan prasarana yang tidak segera ditangani",
          "Pelaporan pemeliharaan sarana dan prasarana berkala", TU,
          "Jumlah sarana prasarana dalam kondisi baik", 2,
          "2 laporan kerusakan pendingin ruangan ditangani dalam 3 hari", "Risiko dapat dikendalikan"),
]

ANALISIS_ROWS = [
    dict(kode_ikk="IKK-1",
         penjelasan="Indeks Kualitas Layanan Keimigrasian di Wilayah mengukur penyelesaian dan ketepatan waktu "
                    "layanan dokumen perjalanan (K1) serta izin tinggal dan status keimigrasian (K2), "
                    "masing-masing berbobot 50%.\n\nSetiap komponen terdiri atas persentase permohonan yang "
                    "diselesaikan (bobot 70%) dan persentase permohonan yang diselesaikan tepat waktu (bobot 30%).",
         keberhasilan="Capaian didukung oleh:\n- penambahan loket pada masa libur sekolah dan musim umrah;\n"
                      "- layanan paspor di luar jam kerja bagi pekerja kawasan industri;\n"
                      "- pemantauan harian antrean M-Paspor oleh Kepala Seksi.\n\nPermohonan yang belum selesai "
                      "umumnya menunggu kelengkapan dokumen dari pemohon.",
         efisiensi_anggaran="Layanan di luar jam kerja dibiayai dari pagu lembur yang sudah tersedia tanpa "
                            "tambahan anggaran.",
         efisiensi_sdm="Layanan dilaksanakan dengan jumlah petugas yang sama dengan tahun sebelumnya walaupun "
                       "permohonan paspor meningkat. Pemanfaatan antrean daring mengurangi kebutuhan petugas "
                       "informasi di ruang tunggu.",
         efisiensi_aset="Perangkat perekaman biometrik dipindahkan antarloket mengikuti antrean harian.",
         program="- Inovasi LAYAR TANCAP (layanan paspor keliling ke kecamatan);\n- Inovasi ANTRI CERIA; dan\n"
                 "- Survei kepuasan masyarakat setiap semester.",
         kendala="Lonjakan permohonan menjelang musim umrah dan keterbatasan perangkat perekaman biometrik.",
         solusi="Mengusulkan tambahan perangkat perekaman biometrik kepada Direktorat Jenderal Imigrasi dan "
                "menerapkan kuota harian yang diumumkan sebulan sebelumnya."),
    dict(kode_ikk="IKK-5",
         penjelasan="Indikator ini mengukur persentase pengaduan layanan yang tidak ditindaklanjuti dibanding "
                    "seluruh pengaduan yang diterima. Polaritasnya negatif: makin rendah makin baik.",
         keberhasilan="Register pengaduan tunggal untuk semua kanal membuat setiap aduan tercatat dan dipantau "
                      "mingguan oleh pimpinan.\n\nAduan yang belum ditindaklanjuti memerlukan koordinasi dengan "
                      "instansi lain di luar kewenangan kantor.",
         efisiensi="Register memakai lembar kerja bersama tanpa biaya tambahan.",
         program="- Register pengaduan tunggal; dan\n- Pemantauan mingguan oleh pimpinan.",
         kendala="Sebagian aduan masuk melalui pesan pribadi petugas sehingga terlambat dicatat.",
         solusi="Semua petugas diwajibkan meneruskan aduan ke kanal resmi pada hari yang sama."),
    dict(kode_ikk="IKK-2",
         penjelasan="Indeks Penegakan Hukum Keimigrasian di Wilayah disusun dari enam komponen: penegakan hukum "
                    "yang ditangani (20%), pengawasan keimigrasian (20%), tindak lanjut produk intelijen (20%), "
                    "ketepatan waktu produk intelijen (10%), kepatuhan masyarakat melalui Desa Binaan (10%), dan "
                    "keamanan di Tempat Pemeriksaan Imigrasi (20%).",
         keberhasilan="Pengawasan keimigrasian melampaui rencana berkat operasi gabungan TIMPORA. Seluruh "
                      "tindakan administratif keimigrasian yang ditangani telah ditindaklanjuti.\n\nPenurunan "
                      "penolakan penerbitan paspor dan penolakan keberangkatan menunjukkan meningkatnya kepatuhan "
                      "masyarakat di desa binaan.",
         efisiensi="Operasi pengawasan dilaksanakan bersama instansi anggota TIMPORA sehingga biaya perjalanan "
                   "dinas dapat dibagi.",
         program="- Operasi gabungan TIMPORA;\n- Pembentukan 4 desa binaan imigrasi; dan\n"
                 "- Sosialisasi pencegahan pekerja migran nonprosedural.",
         kendala="Satu berkas penyidikan belum selesai karena menunggu keterangan ahli.",
         solusi="Koordinasi triwulanan dengan kejaksaan negeri dan Korwas PPNS.",
         uraian_risiko="Risiko dipantau setiap triwulan dalam rapat pengendalian internal."),
    dict(kode_ikk="IKK-3.1",
         penjelasan="Persentase rencana aksi Reformasi Birokrasi yang terlaksana dibanding yang direncanakan "
                    "dalam tahun berjalan.",
         keberhasilan="Sebanyak 139 dari 152 rencana aksi terlaksana. Rencana aksi yang tertunda berkaitan "
                      "dengan kegiatan yang anggarannya terkena efisiensi (blokir) tahun 2025.",
         efisiensi="Kegiatan internalisasi dilaksanakan secara daring untuk menghemat biaya.",
         program="- Pembangunan Zona Integritas menuju WBBM; dan\n- Agen perubahan di setiap seksi.",
         kendala="Efisiensi anggaran belanja barang mengurangi kegiatan pendukung rencana aksi.",
         solusi="Menjadwalkan ulang rencana aksi yang tertunda pada triwulan I tahun 2026.",
         uraian_standar_nasional="Realisasi kantor di atas rata-rata nasional walaupun belum mencapai target."),
    dict(kode_ikk="IKK-3.2",
         penjelasan="Indeks kepuasan unit kerja terhadap layanan kesekretariatan diukur dengan survei (skala 1-4) "
                    "yang diselenggarakan Kantor Wilayah.",
         keberhasilan="Pembaruan SOP layanan kepegawaian dan persuratan mempercepat layanan internal.",
         efisiensi="Survei dilaksanakan secara daring tanpa biaya.",
         program="- Pembaruan SOP kesekretariatan; dan\n- Pemeliharaan sarana prasarana berkala.",
         kendala="Sarana pendingin ruangan yang sudah tua.",
         solusi="Mengusulkan peremajaan sarana dalam pagu belanja modal tahun 2026.",
         survei_dasar="surat Sekretaris Direktorat Jenderal Imigrasi Nomor IMI.1-PR.02.02-009 tanggal 4 Desember "
                      "2025 hal Pelaksanaan Survei Pengukuran Indeks Layanan Kesekretariatan (ILK)",
         survei_periode="Desember 2025",
         survei_responden=58,
         survei_parameter="Kompleksitas persyaratan layanan\nKejelasan informasi layanan\nKemudahan prosedur "
                          "layanan\nKetepatan waktu penyelesaian layanan\nKesesuaian layanan dengan kebutuhan\n"
                          "Respon terhadap pengaduan, masukan dan saran\nRespon dalam menghadapi masalah saat "
                          "memberikan layanan\nSarana dan prasarana layanan"),
]

ANGGARAN_ROWS = [
    dict(program=PROGRAM_PPH, kegiatan=f"{KEGIATAN_PPH} (Layanan Keimigrasian)", sasaran_no=1,
         pagu=D(1_284_650_000), realisasi=D(1_241_377_980)),
    dict(program=PROGRAM_PPH, kegiatan=f"{KEGIATAN_PPH} (Penegakan Hukum Keimigrasian)", sasaran_no=2,
         pagu=D(865_420_000), realisasi="Rp812.904.115"),  # typed as text by the clerk
    dict(program=PROGRAM_DM, kegiatan=KEGIATAN_DM, sasaran_no=3,
         pagu=D(16_381_227_000), realisasi=D(15_457_074_456)),
]
BELANJA_ROWS = [
    dict(tahun=2024, jenis="Belanja Pegawai", pagu=D(7_102_330_000), realisasi=D(7_080_125_644)),
    dict(tahun=2024, jenis="Belanja Barang", pagu=D(8_940_115_000), realisasi=D(8_861_402_390)),
    dict(tahun=2024, jenis="Belanja Modal", pagu=D(2_315_000_000), realisasi=D(2_298_770_500)),
    dict(tahun=2025, jenis="Belanja Pegawai", pagu=D(7_418_562_000), realisasi=D(7_356_904_118)),
    dict(tahun=2025, jenis="Belanja Barang", pagu=D(9_862_735_000), realisasi=D(8_917_602_433),
         blokir=D(844_218_000)),
    dict(tahun=2025, jenis="Belanja Modal", pagu="Rp 1.250.000.000,-", realisasi=D(1_236_850_000)),
]
SUMBER_DANA_ROWS = [
    dict(tahun=2024, sumber="RM", pagu=D(7_621_045_000), realisasi=D(7_598_330_210)),
    dict(tahun=2024, sumber="PNBP", pagu=D(10_736_400_000), realisasi=D(10_641_968_324)),
    dict(tahun=2025, sumber="RM", pagu=D(7_836_112_000), realisasi=D(7_772_455_930)),
    dict(tahun=2025, sumber="PNBP", pagu=D(10_695_185_000), realisasi=D(9_738_900_621)),
]
PNBP_ROWS = [
    dict(tahun=2024, target=D(28_500_000_000), realisasi=D(36_842_615_000)),
    dict(tahun=2025, target=D(34_000_000_000), realisasi=D(41_275_930_000)),
]
NKA_ROWS = [
    dict(tahun=2024, cro=D(100), penggunaan_sbk=D(100), efisiensi_sbk=D("62.40"), nilai_perencanaan=D("94.36"),
         revisi_dipa=D(100), deviasi=D("96.12"), penyerapan=D("98.40"), kontraktual=D(100), tagihan=D(100),
         up_tup=D(100), dispensasi_spm=D(0), capaian_output=D(100), nilai_pelaksanaan=D("99.10"),
         nka=D("96.73")),
    # 2025: no contractual spending, so Belanja Kontraktual is blank (not applicable), never 0.
    dict(tahun=2025, cro=D(100), penggunaan_sbk=D(70), efisiensi_sbk=D(100), nilai_perencanaan=D("97.00"),
         revisi_dipa=D(100), deviasi=D("94.85"), penyerapan=D("96.20"), tagihan=D(100), up_tup=D(100),
         dispensasi_spm=D(0), capaian_output=D(100), nilai_pelaksanaan=D("98.30"), nka=D("97.65")),
]
PEGAWAI_ROWS = [
    dict(dimensi=d, kategori=k, jumlah=n) for d, k, n in [
        ("Jabatan", "Pejabat Struktural", 12), ("Jabatan", "Jabatan Fungsional", 29), ("Jabatan", "Pelaksana", 23),
        ("Jenis Kelamin", "Laki-laki", 38), ("Jenis Kelamin", "Perempuan", 26),
        ("Usia", "≤ 30 tahun", 17), ("Usia", "31-40 tahun", 24), ("Usia", "41-50 tahun", 15),
        ("Usia", "> 50 tahun", 8),
        ("Pendidikan", "SMA/Sederajat", 9), ("Pendidikan", "D3", 6), ("Pendidikan", "S1/D4", 38),
        ("Pendidikan", "S2/S3", 11),
    ]
]

NARASI_ROWS = [
    dict(bagian="Sejarah dan Wilayah Kerja",
         teks=f"{OFFICE} berdiri pada tahun 1987 sebagai Kantor Imigrasi Kelas III dan naik kelas menjadi Kantor "
              "Imigrasi Kelas II TPI pada tahun 2016 seiring dibukanya Bandar Udara Karang Sari untuk penerbangan "
              "internasional.\n\nWilayah kerja meliputi Kota Batu Kerapu, Kabupaten Karang Timur dan Kabupaten "
              "Pulau Sembilan, dengan tiga Tempat Pemeriksaan Imigrasi:\n- TPI Pelabuhan Laut Batu Kerapu;\n"
              "- TPI Bandar Udara Karang Sari;\n- TPI Pelabuhan Penyeberangan Tanjung Kerapu."),
    dict(bagian="Tugas dan Fungsi",
         teks="Kantor Imigrasi melaksanakan sebagian tugas dan fungsi Kementerian Imigrasi dan Pemasyarakatan di "
              "bidang keimigrasian di wilayah kerjanya: pelayanan dokumen perjalanan, izin tinggal dan status "
              "keimigrasian, pemeriksaan di Tempat Pemeriksaan Imigrasi, serta intelijen, pengawasan dan "
              "penindakan keimigrasian."),
    dict(bagian="Isu Strategis",
         teks="- Meningkatnya permohonan paspor untuk ibadah umrah dan pekerja migran.\n"
              "- Bertambahnya orang asing yang bekerja di kawasan industri perikanan Karang Timur.\n"
              "- Kerawanan pemberangkatan pekerja migran nonprosedural melalui pelabuhan kecil.\n"
              "- Efisiensi anggaran tahun 2025 yang menuntut prioritas kegiatan."),
    dict(bagian="Rencana Strategis",
         teks="Rencana strategis kantor mengacu pada Rencana Strategis Kementerian Imigrasi dan Pemasyarakatan "
              "2025-2029, dengan tiga Sasaran Kegiatan: layanan keimigrasian, penegakan hukum keimigrasian, dan "
              "reformasi birokrasi."),
    dict(bagian="Analisis Anggaran",
         teks="Realisasi belanja barang lebih rendah dari pagunya karena sebagian anggaran diblokir dalam rangka "
              "efisiensi belanja tahun 2025. Di luar anggaran yang diblokir, hampir seluruh pagu belanja barang "
              "terserap.\n\nBelanja modal dipakai untuk peremajaan perangkat perekaman biometrik dan kendaraan "
              "operasional pengawasan."),
    dict(bagian="Analisis PNBP",
         teks="Realisasi PNBP melampaui target karena meningkatnya permohonan paspor elektronik dan izin tinggal "
              "terbatas bagi tenaga kerja asing di kawasan industri."),
    dict(bagian="Analisis NKA",
         teks="Nilai Kinerja Anggaran tahun 2025 meningkat dibanding tahun 2024, terutama karena efisiensi "
              "Standar Biaya Keluaran. Indikator belanja kontraktual tidak dinilai karena tidak ada kontrak "
              "pada tahun 2025."),
    dict(bagian="E-Performance",
         teks="Seluruh pegawai mengisi sasaran kinerja dan realisasinya melalui aplikasi E-Performance setiap "
              "bulan dengan tingkat kepatuhan 100%."),
    dict(bagian="E-Monev",
         teks="Realisasi anggaran dan capaian output dilaporkan setiap bulan melalui aplikasi E-Monev Bappenas "
              "sebelum tanggal 10 bulan berikutnya."),
    dict(bagian="Kesimpulan",
         teks="Sebagian besar IKK mencapai target. IKK Persentase Pelaksanaan Rencana Aksi Reformasi Birokrasi "
              "belum mencapai target karena efisiensi anggaran."),
    dict(bagian="Saran",
         teks="- Menambah perangkat perekaman biometrik untuk mengantisipasi musim umrah.\n"
              "- Menjadwalkan ulang rencana aksi RB yang tertunda pada awal tahun.\n"
              "- Memperluas desa binaan ke kecamatan pesisir yang rawan pemberangkatan nonprosedural."),
]
INOVASI_ROWS = [
    dict(nama="LAYAR TANCAP", kepanjangan="Layanan Paspor Terpadu Keliling Kecamatan",
         uraian="Layanan paspor keliling ke kantor kecamatan di pulau-pulau yang jauh dari kantor, sebulan sekali."),
    dict(nama="ANTRI CERIA", kepanjangan="Antrean Terintegrasi dengan Reservasi Daring",
         uraian="Nomor antrean M-Paspor diintegrasikan dengan papan antrean kantor sehingga pemohon datang sesuai "
                "jadwal."),
    dict(nama="SIGAP KERAPU", kepanjangan="Sistem Informasi Pengawasan Orang Asing Terpadu Batu Kerapu",
         uraian="Peta digital lokasi tinggal dan kerja orang asing yang dipakai bersama anggota TIMPORA."),
]
PENGHARGAAN_ROWS = [
    dict(tahun=2025, penghargaan="Predikat Wilayah Bebas dari Korupsi (WBK)",
         pemberi="Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
         uraian="Diterima atas pembangunan Zona Integritas yang dimulai tahun 2023."),
]
def pk_rows(office: str) -> list[dict]:
    """The Gambar rows of an office's two signed PK (the placeholder scans are the same for every office)."""
    bagian = {REPORT_YEAR: LAMPIRAN_PK, REPORT_YEAR + 1: LAMPIRAN_PK_BERIKUT}
    return [dict(bagian=bagian[t], judul=f"Perjanjian Kinerja Tahun {t} {office}", berkas=name)
            for name, t in PK_SCANS.items()]


GAMBAR_ROWS = [
    dict(bagian="BAB III.D", judul=f"Piagam Penghargaan Predikat WBK {OFFICE}", berkas=PIAGAM.name),
    *pk_rows(OFFICE),
]

DATA_PASPOR = {
    "headers": ["Jenis Paspor", "Laki-laki", "Perempuan", "Jumlah"],
    "widths": [40, 14, 14, 14],
    "rows": [
        ["Paspor Elektronik", 4921, 4691, 9612],
        ["Paspor Biasa (Polikarbonat)", 10388, 10523, 20911],
        ["Penggantian Paspor Hilang/Rusak", 583, 522, 1105],
        ["Surat Perjalanan Laksana Paspor (SPLP)", 20, 14, 34],
        ["Jumlah", 15912, 15750, 31662],
    ],
}
DATA_PERLINTASAN = {
    "headers": ["Tempat Pemeriksaan Imigrasi", "Kedatangan WNI", "Keberangkatan WNI", "Kedatangan WNA",
                "Keberangkatan WNA", "Jumlah"],
    "widths": [44, 14, 15, 14, 15, 14],
    "rows": [
        ["TPI Pelabuhan Laut Batu Kerapu", 31204, 32115, 12870, 12611, 88800],
        ["TPI Bandar Udara Karang Sari", 24530, 25102, 9877, 9645, 69154],
        ["TPI Pelabuhan Penyeberangan Tanjung Kerapu", 6880, 7214, 5302, 5056, 24452],
        ["Jumlah", 62614, 64431, 28049, 27312, 182406],
    ],
}


def example_content() -> dict:
    """Every sheet of the example office, keyed as `write_template` expects."""
    return {
        "Identitas": IDENTITAS,
        "IKK": IKK_ROWS,
        "Komponen": KOMPONEN_ROWS,
        "Layanan": LAYANAN_ROWS,
        "Riwayat IKK": RIWAYAT_ROWS,
        "Risiko": RISIKO_ROWS,
        "Analisis IKK": ANALISIS_ROWS,
        "Anggaran": ANGGARAN_ROWS,
        "Belanja": BELANJA_ROWS,
        "Sumber Dana": SUMBER_DANA_ROWS,
        "PNBP": PNBP_ROWS,
        "NKA": NKA_ROWS,
        "Pegawai": PEGAWAI_ROWS,
        "Narasi": NARASI_ROWS,
        "Inovasi": INOVASI_ROWS,
        "Penghargaan": PENGHARGAAN_ROWS,
        "Gambar": GAMBAR_ROWS,
        "Data Paspor": DATA_PASPOR,
        "Data Perlintasan": DATA_PERLINTASAN,
    }


# ------------------------------------------------------------------------------ placeholder images --

def draw_org_chart(path: Path, boxes: dict[str, tuple[float, float]], lines: list, note: tuple[float, str],
                   box: tuple[float, float] = (0.22, 0.14), dashed: list = (), muted: tuple[str, ...] = ()) -> None:
    """A placeholder org chart: rounded boxes centred at (x, y), connecting lines ((x0, x1), (y0, y1)),
    dashed ones in grey, `muted` boxes in grey, and the note saying it is fictional at height note[0]."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyBboxPatch

    fig, ax = plt.subplots(figsize=(10, 5), dpi=100)
    for xs, ys in lines:
        ax.plot(list(xs), list(ys), color="black", lw=1)
    for xs, ys in dashed:
        ax.plot(list(xs), list(ys), color="#7F7F7F", lw=1, ls="--")
    w, h = box
    for text, (x, y) in boxes.items():
        ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.01",
                                    fc="#F2F2F2" if text in muted else "#DDEBF7", ec="#1F4E78"))
        ax.text(x, y, text, ha="center", va="center", fontsize=9)
    ax.text(0.5, note[0], note[1], ha="center", fontsize=9, style="italic", color="#7F7F7F")
    ax.set_xlim(0, 1), ax.set_ylim(0, 1), ax.axis("off")
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)


def draw_images() -> None:
    """Simple, clearly placeholder pictures for the example (no real emblem or office)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Circle, FancyBboxPatch

    meta = {"Software": None}

    fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
    ax.add_patch(Circle((0.5, 0.5), 0.46, color="#1F4E78"))
    ax.add_patch(Circle((0.5, 0.5), 0.38, color="#FFFFFF"))
    ax.text(0.5, 0.56, "LOGO", ha="center", va="center", fontsize=24, weight="bold", color="#1F4E78")
    ax.text(0.5, 0.38, "CONTOH", ha="center", va="center", fontsize=13, color="#1F4E78")
    ax.set_xlim(0, 1), ax.set_ylim(0, 1), ax.set_aspect("equal"), ax.axis("off")
    fig.savefig(LOGO, transparent=True, metadata=meta)
    plt.close(fig)

    draw_org_chart(ORG_CHART, {
        "Kepala Kantor": (0.5, 0.85),
        "Subbagian Tata Usaha": (0.8, 0.65),
        "Seksi Lalu Lintas dan\nIzin Tinggal Keimigrasian": (0.14, 0.32),
        "Seksi Teknologi Informasi\ndan Komunikasi": (0.38, 0.32),
        "Seksi Intelijen dan\nPenindakan Keimigrasian": (0.62, 0.32),
        "Seksi Tempat Pemeriksaan\nImigrasi": (0.86, 0.32),
    }, lines=[((0.5, 0.5), (0.85, 0.45)), ((0.5, 0.8), (0.65, 0.65)), ((0.14, 0.86), (0.45, 0.45))]
        + [((x, x), (0.45, 0.32)) for x in (0.14, 0.38, 0.62, 0.86)],
        note=(0.08, "CONTOH - bagan struktur organisasi fiktif (ganti dengan bagan kantor Anda)"))

    fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
    ax.add_patch(FancyBboxPatch((0.04, 0.05), 0.92, 0.9, boxstyle="round,pad=0.01", fc="#FFFDF2",
                                ec="#B8860B", lw=3))
    ax.text(0.5, 0.75, "PIAGAM PENGHARGAAN", ha="center", fontsize=20, weight="bold", color="#7F6000")
    ax.text(0.5, 0.58, "Predikat Wilayah Bebas dari Korupsi (WBK)", ha="center", fontsize=13)
    ax.text(0.5, 0.46, OFFICE, ha="center", fontsize=11)
    ax.text(0.5, 0.18, "CONTOH - gambar pengganti, bukan dokumen asli", ha="center", fontsize=9,
            style="italic", color="#7F7F7F")
    ax.set_xlim(0, 1), ax.set_ylim(0, 1), ax.axis("off")
    fig.savefig(PIAGAM, metadata=meta)
    plt.close(fig)

    for name, tahun in PK_SCANS.items():
        draw_pk(HERE / name, tahun)


def draw_pk(path: Path, tahun: int) -> None:
    """A placeholder A4 page standing for a scanned, signed Perjanjian Kinerja: grey lines for text."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5.0, 7.07), dpi=90)
    ax.add_patch(plt.Rectangle((0.01, 0.01), 0.98, 0.98, fc="#FFFFFF", ec="#7F7F7F", lw=1))
    ax.text(0.5, 0.92, f"PERJANJIAN KINERJA TAHUN {tahun}", ha="center", fontsize=13, weight="bold")
    for i in range(6):  # the parties' paragraph
        ax.plot([0.1, 0.9 if i < 5 else 0.6], [0.84 - i * 0.03] * 2, color="#BFBFBF", lw=3)
    for i in range(5):  # the table of sasaran, indikator and target
        y = 0.62 - i * 0.05
        ax.plot([0.1, 0.9], [y, y], color="#7F7F7F", lw=0.8)
    for x in (0.1, 0.4, 0.75, 0.9):
        ax.plot([x, x], [0.42, 0.62], color="#7F7F7F", lw=0.8)
    for x, pihak in ((0.27, "Pihak Kedua"), (0.73, "Pihak Pertama")):
        ax.text(x, 0.32, pihak, ha="center", fontsize=9)
        ax.plot([x - 0.15, x + 0.15], [0.2, 0.2], color="#7F7F7F", lw=0.8)
    ax.text(0.5, 0.08, "CONTOH - gambar pengganti pindaian PK, bukan dokumen asli", ha="center", fontsize=8,
            style="italic", color="#7F7F7F")
    ax.set_xlim(0, 1), ax.set_ylim(0, 1), ax.axis("off")
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)


def main() -> None:
    write_template(TEMPLATE, tahun=REPORT_YEAR)
    draw_images()
    write_template(EXAMPLE, example_content())
    for path in (TEMPLATE, EXAMPLE, LOGO, ORG_CHART, PIAGAM, *(HERE / n for n in PK_SCANS)):
        print(f"ditulis: {path.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
