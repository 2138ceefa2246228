"""The contract: what a workbook may hold and how the report writes numbers.

`schema` declares every sheet, column, kind and choice once (the blank workbook, the loader and the
checker all read it); `problems` is the shape of every error and warning (with its stable `kode`);
`formatting` is the one place a number becomes text (ROUND_HALF_UP, 2 places, Indonesian style).
The bottom layer: it imports nothing of the project except `lkj_engine.assets`.
"""
