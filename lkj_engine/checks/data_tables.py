"""A JUMLAH/TOTAL row the clerk typed in a free `Data ...` table, checked against the rows above it.

A reviewer adds up a printed column; when the clerk's typed total disagrees with its rows (seed 000,
Tabel 3.26), the report would print both. Which rows a total covers: those since the previous total
row, or, when it directly follows one (a grand total under subtotals), every non-total row above.
A column is compared only when the total cell holds a number and every row it covers holds a
number, a blank or a dash. A number typed as text the Indonesian way (``1.234``, ``Rp 2.000``) counts, as
the Petunjuk allows; other text makes the sum not computable, and that is never taken as 0. Percent
cells and year/code columns are not amounts (the loader leaves them out of `amounts`).
Values are compared as printed (rounded by `formatting.display_round`), so a float's last digit in
a formula result is not a disagreement.
"""
from __future__ import annotations

from decimal import Decimal

from lkj_engine.contract.formatting import PLACES, display_round, number
from lkj_engine.contract.problems import Problem, warning
from lkj_engine.model.results import Results
from lkj_engine.model.workbook import DataTable, Workbook, is_total_label

_NOTHING = {"", "-", "\u2013", "\u2014"}


def check(wb: Workbook, results: Results | None = None) -> list[Problem]:
    """One warning per typed total cell of a Data table that differs from the sum of its rows."""
    problems: list[Problem] = []
    for table in wb.data_tables:
        problems.extend(table_totals(table))
    return problems


def table_totals(table: DataTable) -> list[Problem]:
    """The mismatching total cells of one table, in row then column order."""
    if not table.amounts:
        return []
    problems = []
    totals = [i for i, row in enumerate(table.rows) if row and is_total_label(row[0])]
    previous = -1
    for at in totals:
        covered = list(range(previous + 1, at)) or [i for i in range(at) if i not in totals]
        previous = at
        for column in range(1, len(table.rows[at])):
            problem = _column_total(table, at, column, covered)
            if problem is not None:
                problems.append(problem)
    return problems


def _column_total(table: DataTable, at: int, column: int, covered: list[int]) -> Problem | None:
    """The warning for one total cell, or None when it agrees or cannot be checked."""
    typed = _amount(table, at, column)
    if typed is None or not covered:
        return None
    computed = Decimal(0)
    seen = False
    for i in covered:
        value = _amount(table, i, column)
        if value is None:
            if _text(table, i, column) not in _NOTHING:
                return None  # a text cell: the sum is not computable
            continue
        computed += value
        seen = True
    if not seen or display_round(typed) == display_round(computed):
        return None
    places = 0 if typed == typed.to_integral_value() and computed == computed.to_integral_value() else PLACES
    header = table.headers[column] if column < len(table.headers) else ""
    return warning(
        table.sheet, table.cell(at, column) or None,
        f"{table.rows[at][0].strip()} kolom \"{header}\" diketik {number(typed, places)}, "
        f"sedangkan jumlah {len(covered)} baris di atasnya {number(computed, places)}. "
        "Periksa angka baris-baris itu atau jumlahnya (tabel dicetak seperti yang diketik).",
        kode="jumlah-tidak-cocok")


def _amount(table: DataTable, row: int, column: int) -> Decimal | None:
    amounts = table.amounts[row] if row < len(table.amounts) else []
    return amounts[column] if column < len(amounts) else None


def _text(table: DataTable, row: int, column: int) -> str:
    cells = table.rows[row]
    return cells[column].strip() if column < len(cells) else ""
