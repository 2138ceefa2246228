"""Reading the clerk's file: `.xlsx` → typed `model.workbook.Workbook`, or the problems that prevent it.

`cells` parses one cell (Indonesian number text, dates, choices); `loader.load_workbook` opens the
file, matches sheets and headers to the contract and validates keys, references and the Komponen
trees. Never raises for bad input. May import `contract` and `model`; never `compute` or above.
"""
