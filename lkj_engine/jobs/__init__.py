"""Whole runs: one workbook end to end (`pipeline`), many in worker processes (`batch`), PDF via LibreOffice.

`inputs` turns arguments into the ordered list of workbooks; `pipeline.generate` loads, computes,
checks and renders into a temporary file that is renamed only when complete; `batch.run_batch`
does that for many files and commits in input order. Returns data (`Outcome`), never prints.
May import every stage below; never `cli`.
"""
