"""Whole runs: one workbook end to end (`pipeline`), many in worker processes (`batch`), PDF via LibreOffice.

`inputs` turns arguments into the ordered list of workbooks; `pipeline` builds one (loads, computes,
checks and renders into a temporary file) and commits it (renames it only when complete);
`batch.run_batch` does that for many files and commits in input order, then `jajaran` builds each
Kanwil's consolidated report over the Kanim of the run (`batch.generate` is a run of one);
`blank.write_blank` (`templat`) and `next_year.next_year` (`tahun-baru`) write a workbook through
`new_file.write_new`, which never overwrites. Returns data (`Outcome`, `Blank`, `NextYear`) and
reports progress through an `on_progress(done, total, outcome)` callback; never prints.
May import every stage below; never `cli`.
"""
