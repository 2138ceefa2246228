"""What the clerk should look at before the report is written, and the `periksa --json` document.

`consistency.check(workbook, results)` returns cross-table warnings (totals, the same quantity in
two sheets, official vs recomputed scores); `document` turns results and problems into the JSON of
design.md. Pure: may import `contract`, `model`, `compute`; never `reading`, `render` or above.
"""
