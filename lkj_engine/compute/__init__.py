"""Every figure of the report, computed once, in `Decimal`, without I/O.

`engine.compute(workbook) -> Results` composes the small pure modules: `capaian` (polarity, averages,
year comparisons), `komposit` (weighted component trees), `anggaran` (budget, PNBP), `nka`, `pegawai`.
May import `contract` and `model`; never `reading`, and nothing that touches files.
"""
