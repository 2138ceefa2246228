"""Each parsing rule of issue 2: how a clerk's cell becomes a typed value."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from lkj_engine.contract import formatting
from lkj_engine.reading.cells import ParseError, display_text, is_blank, is_percent_format, parse_cell, parse_number, parse_number_text


# --- numbers typed as Indonesian text -------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("1.234.567", Decimal("1234567")),
    ("86,92", Decimal("86.92")),
    ("86,92%", Decimal("86.92")),
    ("86,92 %", Decimal("86.92")),
    ("Rp 3.558.827.000,-", Decimal("3558827000")),
    ("Rp3.558.827.000", Decimal("3558827000")),
    ("Rp. 3.558.827.000", Decimal("3558827000")),
    ("rp 1.250.000.000,-", Decimal("1250000000")),
    ("1.234.567,89", Decimal("1234567.89")),
    ("  92.184  ", Decimal("92184")),
    ("\u00a01.234\u00a0", Decimal("1234")),          # non-breaking spaces from copy-paste
    ("1\u202f234\u202f567", Decimal("1234567")),      # narrow no-break space as thousands
    ("-8,05", Decimal("-8.05")),
    ("\u2212241", Decimal("-241")),                    # typographic minus
    ("100", Decimal("100")),
])
def test_indonesian_number_text(text, expected):
    value = parse_number_text(text)
    assert value == expected
    assert isinstance(value, Decimal)


def test_ambiguity_rule_dot_with_three_digits_is_thousands():
    assert parse_number_text("1.234") == Decimal("1234")
    assert parse_number_text("90.800") == Decimal("90800")


def test_ambiguity_rule_single_comma_is_decimal():
    assert parse_number_text("1,5") == Decimal("1.5")
    assert parse_number_text("1,234") == Decimal("1.234")


def test_single_dot_not_followed_by_three_digits_is_a_decimal_point():
    assert parse_number_text("86.92") == Decimal("86.92")
    assert parse_number_text("3.5") == Decimal("3.5")


@pytest.mark.parametrize("text, words", [
    ("1,234.56", "pemisah yang tidak jelas"),   # English style: both separators
    ("1,234,567", "koma sebagai pemisah ribuan"),
    ("12.34.5", "tidak jelas"),
    ("1234.567", "tidak jelas"),
    ("0.500", "tidak jelas"),
])
def test_mixed_or_english_styles_are_errors(text, words):
    with pytest.raises(ParseError) as exc:
        parse_number_text(text)
    assert words in str(exc.value)
    assert f'"{text}"' in str(exc.value)


def test_words_are_not_numbers_and_the_message_is_indonesian():
    with pytest.raises(ParseError) as exc:
        parse_cell("sembilan puluh", "angka")
    message = str(exc.value)
    assert message.startswith('"sembilan puluh" bukan angka')
    assert "86,92" in message  # tells the clerk how to write it


# --- numeric Excel cells --------------------------------------------------------------------------

def test_float_goes_through_repr_so_decimal_fractions_stay_exact():
    assert parse_number(0.1) == Decimal("0.1")
    assert parse_number(90.8) == Decimal("90.8")
    assert isinstance(parse_cell(96.7, "angka"), Decimal)


@pytest.mark.parametrize("kind", ["angka", "persen"])
def test_percent_formatted_cell_is_what_the_clerk_saw(kind):
    assert parse_cell(0.8692, kind, number_format="0.00%") == Decimal("86.92")
    assert parse_cell(1, kind, number_format="0%") == Decimal("100")
    assert parse_cell(0.032, kind, number_format="0.00%") == Decimal("3.2")


def test_percent_rule_ignores_a_quoted_percent_sign():
    assert is_percent_format("0.00%")
    assert is_percent_format("#,##0.00%;[Red]-#,##0.00%")
    assert not is_percent_format('0.00" %"')
    assert not is_percent_format("#,##0.00")
    assert parse_cell(86.92, "angka", number_format='0.00" %"') == Decimal("86.92")


def test_text_with_percent_keeps_the_number_before_it():
    assert parse_cell("100 %", "persen") == Decimal("100")
    assert parse_cell("86,92%", "angka", number_format="@") == Decimal("86.92")


def test_boolean_and_date_are_not_numbers():
    with pytest.raises(ParseError, match="bukan angka"):
        parse_cell(True, "angka")
    with pytest.raises(ParseError, match="tanggal"):
        parse_cell(datetime(2026, 1, 14), "rupiah")


# --- whole numbers, rupiah, years -----------------------------------------------------------------

def test_whole_number_kinds():
    assert parse_cell("84.275", "bulat") == 84275 and isinstance(parse_cell("84.275", "bulat"), int)
    assert parse_cell(84275.0, "bulat") == 84275
    assert parse_cell("Rp 3.558.827.000,-", "rupiah") == Decimal("3558827000")
    assert isinstance(parse_cell(3558827000, "rupiah"), Decimal)


@pytest.mark.parametrize("value, kind, words", [
    ("12,5", "bulat", "bukan bilangan bulat"),
    (12.5, "bulat", "bukan bilangan bulat"),
    ("1.250,50", "rupiah", "rupiah harus bilangan bulat"),
    ("-5", "bulat", "tidak boleh negatif"),
    ("-Rp1.000", "rupiah", "tidak boleh negatif"),
    ("2025,5", "tahun", "bukan bilangan bulat"),
])
def test_whole_number_kinds_reject_fractions_and_negatives(value, kind, words):
    with pytest.raises(ParseError, match=words):
        parse_cell(value, kind)


def test_year_range():
    assert parse_cell("2025", "tahun") == 2025
    assert parse_cell(2024.0, "tahun") == 2024
    assert parse_cell(1990, "tahun") == 1990 and parse_cell(2100, "tahun") == 2100
    for bad in (1989, 2101, "25"):
        with pytest.raises(ParseError, match="1990-2100"):
            parse_cell(bad, "tahun")


# --- blanks ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [None, "", "   ", "\u00a0", "\u200b"])
def test_blank_is_none_never_zero(value):
    assert is_blank(value)
    for kind in ("angka", "rupiah", "teks", "tanggal", "pilihan", "yatidak"):
        assert parse_cell(value, kind, ("A",)) is None


def test_a_lone_dash_in_a_number_column_is_blank():
    assert parse_cell("-", "angka") is None
    assert parse_cell(" – ", "rupiah") is None


def test_zero_is_zero():
    assert parse_cell(0, "angka") == Decimal(0)
    assert parse_cell("0", "bulat") == 0


# --- dates ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    datetime(2026, 1, 14, 0, 0),
    date(2026, 1, 14),
    "14 Januari 2026",
    "14 januari 2026",
    "  14  JANUARI  2026 ",
    "14 Jan 2026",
    "14-Jan-2026",
    "Rabu, 14 Januari 2026",
    "14/01/2026",
    "14-01-2026",
    "2026-01-14",
    "14 January 2026",
])
def test_dates(value):
    assert parse_cell(value, "tanggal") == date(2026, 1, 14)


@pytest.mark.parametrize("text, month", [
    ("1 Februari 2025", 2), ("1 Pebruari 2025", 2), ("1 Mei 2025", 5), ("1 Agustus 2025", 8),
    ("1 Agt 2025", 8), ("1 Ags 2025", 8), ("1 Okt 2025", 10), ("1 Nopember 2025", 11), ("1 Des 2025", 12),
])
def test_indonesian_month_names_and_abbreviations(text, month):
    assert parse_cell(text, "tanggal") == date(2025, month, 1)


@pytest.mark.parametrize("value, words", [
    ("31 Februari 2026", "kalender"),
    ("14 Jumadil 2026", "bukan tanggal"),
    ("besok", "bukan tanggal"),
    (46036, "bukan tanggal"),
])
def test_bad_dates(value, words):
    with pytest.raises(ParseError, match=words):
        parse_cell(value, "tanggal")


# --- Ya/Tidak and choices -------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("Ya", True), ("ya", True), (" YA ", True), ("Tidak", False), ("tidak", False), ("TIDAK", False),
    (True, True), (False, False),
])
def test_ya_tidak_any_case(value, expected):
    assert parse_cell(value, "yatidak") is expected


def test_ya_tidak_rejects_other_words():
    with pytest.raises(ParseError, match="harus Ya atau Tidak"):
        parse_cell("mungkin", "yatidak")


def test_choices_ignore_case_and_spaces_and_return_the_declared_spelling():
    choices = ("Belanja Pegawai", "Belanja Barang", "Belanja Modal")
    assert parse_cell("belanja  PEGAWAI", "pilihan", choices) == "Belanja Pegawai"
    assert parse_cell(" BelanjaModal ", "pilihan", choices) == "Belanja Modal"
    assert parse_cell("pnbp", "pilihan", ("RM", "PNBP")) == "PNBP"


def test_numeric_choices_typed_as_numbers():
    assert parse_cell(-1, "pilihan", ("1", "-1")) == "-1"
    assert parse_cell(1.0, "pilihan", ("1", "-1")) == "1"
    assert parse_cell("\u22121", "pilihan", ("1", "-1")) == "-1"


def test_unknown_choice_lists_the_valid_ones():
    with pytest.raises(ParseError) as exc:
        parse_cell("Belanja Lain", "pilihan", ("Belanja Pegawai", "Belanja Barang"))
    assert '"Belanja Lain" bukan pilihan yang sah' in str(exc.value)
    assert "Belanja Pegawai, Belanja Barang" in str(exc.value)


# --- text -----------------------------------------------------------------------------------------

def test_text_keeps_line_breaks_and_turns_numbers_into_plain_digits():
    assert parse_cell("  Paragraf satu.\r\n\r\n- butir  ", "teks") == "Paragraf satu.\n\n- butir"
    assert parse_cell(198712312010011001, "teks") == "198712312010011001"
    assert parse_cell(1.0, "teks") == "1"
    assert parse_cell(datetime(2026, 1, 14), "teks") == "14 Januari 2026"


def test_display_text_is_what_the_clerk_sees():
    assert display_text(84275) == "84.275"
    assert display_text(96.7) == "96,70"
    assert display_text(0.8692, "0.00%") == "86,92%"
    assert display_text(2024, plain_numbers=True) == "2024"
    assert display_text(None) == ""
    assert display_text(" Paspor ") == "Paspor"


# --- properties -----------------------------------------------------------------------------------

@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_what_formatting_prints_parses_back(value):
    assert parse_number_text(formatting.number(value)) == value


@given(st.integers(min_value=0, max_value=10**13))
def test_money_and_counts_parse_back(value):
    assert parse_cell(formatting.money(value), "rupiah") == value
    assert parse_cell(formatting.count(value), "bulat") == value
    assert parse_cell(formatting.money(value) + ",-", "rupiah") == value
