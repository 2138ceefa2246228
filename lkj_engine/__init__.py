"""LKjIP generator: the clerk's workbook in, a Word LKjIP draft out.

The public API (the command line in `generate.py` is a thin layer over it):

- `workbook.load_workbook(path) -> LoadResult` (typed `Workbook` or a list of `Problem`)
- `engine.compute(workbook) -> Results` (every figure, `Decimal`, no I/O)
- `checks.check(workbook, results) -> list[Problem]` (cross-table warnings)
- `document.check_document(path) -> dict` (the `periksa --json` document of design.md)
- `report.render_report(results, problems, out_path)` (the Word draft)
- `template_writer.write_template(path)` (the blank workbook)
- `pipeline.generate(path, out_dir, pdf=False) -> Outcome` (one file, end to end)
"""
