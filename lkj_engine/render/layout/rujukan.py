"""Citations the boilerplate prose repeats (the Pedoman comes from the year profile through a tag)."""
from __future__ import annotations

PEDOMAN = "{{ pedoman }}"  # the year profile's citation, or the Identitas override
SAKIP = ("Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
         "Pemerintah")
PANRB = ("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 "
         "tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan "
         "Kinerja Instansi Pemerintah")
