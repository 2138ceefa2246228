"""Output files: the Word report (context → docxtpl), its charts, and the blank workbook.

`context` (one builder per chapter) turns `Results` into the strings the template prints (formatted
once, through `contract.formatting`); `prose` keeps clerk text as data, never template code; `charts`
draws the figures; `report.render_report` fills `templates/lkjip_template.docx`, which `layout` builds
(run by templates/build_template.py); `rekap_workbook` writes a Kanwil's rekap; `blank_workbook` writes
the empty workbook from the schema. May import `contract`, `model`, `compute`, `checks` (and
`reading.pictures`, for the scaled copy of a large picture); never `jobs`/`cli`.
"""
