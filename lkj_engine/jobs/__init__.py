"""Whole runs: one workbook end to end (`pipeline`), many in worker processes (`batch`), PDF via LibreOffice.

`inputs` turns arguments into the ordered list of workbooks; `pipeline.generate` loads, computes,
checks and renders into a temporary file that is renamed only when complete; `batch.run_batch`
does that for many files and commits in input order; `blank.write_blank` (`templat`) and
`next_year.next_year` (`tahun-baru`) write a workbook through `new_file.write_new`, which never
overwrites. Returns data (`Outcome`, `Blank`, `NextYear`), never prints.
May import every stage below; never `cli`.
"""
