"""Reading the clerk's file: `.xlsx` → typed `model.workbook.Workbook`, or the problems that prevent it.

`loader.load_workbook` is the entry point. It opens the file once (`archive`: unpacked size checked
before parsing, openpyxl read-only), streams each sheet keeping only cells that hold values
(`sheet_stream`), parses cells (`cells`), table rows (`tables`) and Identitas (`identitas`), finds
pictures (`pictures`) and checks keys, references and Komponen trees (`crosscheck`). Never raises for
bad input. May import `contract` and `model`; never `compute` or above.
"""
