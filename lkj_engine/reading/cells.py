"""One cell of the clerk's workbook → one typed value (schema.Kind), forgiving of Indonesian typing.

Pure functions, no I/O. A value that cannot be understood raises `ParseError` whose message is
Indonesian and says what to type instead; the loader adds the sheet and cell (``IKK!G5``).

Numbers (kinds angka, bulat, rupiah, persen, tahun):

- A numeric Excel cell is taken as is. A Python float is converted through ``repr`` so ``0.1`` stays
  ``Decimal("0.1")``. A cell whose number format contains ``%`` shows ``0,8692`` as ``86,92%``: the
  clerk saw 86,92, so the value is multiplied by 100 (in every number column).
- Text is read the Indonesian way: ``.`` groups thousands, ``,`` is the decimal comma. ``Rp``, a
  trailing ``,-``, a trailing ``%`` (the number before it is kept: ``86,92%`` → 86,92) and any spaces,
  including non-breaking ones, are ignored.
- Ambiguity rule. ``1.234`` (a dot followed by exactly three digits, in valid thousands groups) is one
  thousand two hundred thirty-four. ``1,5`` is one and a half (decimal comma). A single dot followed by
  other than three digits (``86.92``) can only be a decimal point and is read as one. A value that uses
  both styles the English way (``1,234.56``), commas as thousands (``1,234,567``) or groups that are
  not thousands (``12.34.5``, ``1234.567``) is an error: guessing would silently change a figure.
- Whole-number kinds (bulat, rupiah, tahun) reject fractions and negative values; a year must lie in
  1990-2100. A lone ``-`` (how reports print "nothing") counts as an empty cell.
- Values are kept exactly as typed, however many digits. A number of 10^18 or more ("angka terlalu
  besar") is an error: no budget comes near it, and beyond it the sums, percentages and the 2-decimal
  display could no longer be held exactly by `Decimal`'s 28 digits. So is a non-zero number below
  10^-6 ("angka terlalu kecil", a target typed ``0,0000001``): divided into a realisasi it gives a
  capaian too large to print. The message names the accepted range; the code is
  ``angka-di-luar-batas``.

Dates: an Excel date, or text ``14 Januari 2026`` (Indonesian or English month names, full or
abbreviated, an optional weekday ``Rabu, 14 Januari 2026``), ``14/01/2026`` or ``2026-01-14``.
Numeric date text is always day first, as Indonesian Excel shows it: ``02/01/2026`` is 2 January
2026, never 1 February (also with ``.`` or ``-``); only the four-digit year first (``2026-01-02``)
is read year, month, day. Ya/Tidak in any case.

Text: kept as typed (see `parse_text`); zero-width characters are ignored only where texts are
matched (choices here, codes and names in `tables.key_of`). Choices match ignoring case and spaces and come back in the
declared spelling. Every number comes back as `Decimal` (never float); bulat and tahun as `int`.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from lkj_engine.contract import formatting
from lkj_engine.contract.schema import Kind, without_invisible


class ParseError(ValueError):
    """A cell the clerk must correct; the message is Indonesian and names no cell, `kode` says which rule."""

    def __init__(self, message: str, kode: str) -> None:
        super().__init__(message)
        self.kode = kode


class ExcelError(str):
    """A cell's saved Excel error value (#N/A, #DIV/0!, #REF!: a formula that failed). Refused wherever
    the contract reads the cell (`parse_cell`); a column the contract does not read may hold one."""


NUMBER_KINDS = frozenset({"angka", "bulat", "rupiah", "persen", "tahun"})
WHOLE_KINDS = frozenset({"bulat", "rupiah", "tahun"})
YEAR_MIN, YEAR_MAX = 1990, 2100
MAX_NUMBER = Decimal(10) ** 18  # a quintillion; a national budget is about 4 × 10^15 rupiah
MIN_NONZERO = Decimal(10) ** -6  # below it a ratio (realisasi ÷ target) outgrows what can be printed
ACCEPTED_RANGE = ("angka yang dapat dimuat laporan: 0, atau dari 0,000001 sampai 999.999.999.999.999.999 "
                  "(positif atau negatif)")
_FORMAT_LIMIT = Decimal(10) ** (28 - formatting.PLACES)  # 2 decimals must fit Decimal's 28 digits

_DASHES = {"-", "\u2013", "\u2014", "\u2212"}
_THOUSANDS_DOTS = re.compile(r"[1-9]\d{0,2}(\.\d{3})+")
_THOUSANDS_COMMAS = re.compile(r"[1-9]\d{0,2}(,\d{3})+")
_INDONESIAN_FULL = re.compile(r"[1-9]\d{0,2}(\.\d{3})+,\d+")

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}
_DATE_NAMED = re.compile(r"(?:[a-z]+,\s*)?(\d{1,2})[\s./-]+([a-z]+)\.?[\s./,-]+(\d{4})")
_DATE_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]00:00(?::00)?)?")


def is_blank(value: object) -> bool:
    """An empty cell: None, or text of spaces only (non-breaking and zero-width spaces included)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not without_invisible(value).strip()
    return False


def is_percent_format(number_format: str | None) -> bool:
    """True when Excel multiplies the shown value by 100 (``0.00%``, not a quoted ``"%"``)."""
    if not number_format:
        return False
    unquoted = re.sub(r'"[^"]*"|\\.', "", number_format)
    return "%" in unquoted


def tidy(value: Decimal) -> Decimal:
    """Drop meaningless trailing zeros (``86.9200`` → ``86.92``) without exponent forms (``1E+2``).

    Works on the digits themselves, not through the 28-digit context, so no value is ever rounded.
    """
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):  # NaN or Infinity: nothing to tidy
        return value
    if exponent >= 0:
        return Decimal(int(value))
    kept = list(digits)
    while exponent < 0 and kept and kept[-1] == 0:
        kept.pop()
        exponent += 1
    return Decimal((sign, tuple(kept), exponent)) if kept else Decimal(0)


def _quote(value: object) -> str:
    text = value if isinstance(value, str) else str(value)
    text = " ".join(text.split())
    return f'"{text[:60]}…"' if len(text) > 60 else f'"{text}"'


def parse_number_text(text: str) -> Decimal:
    """Indonesian number text → Decimal (see the module docstring for the rules)."""
    original = text
    t = "".join(without_invisible(text).split()).replace("\u2212", "-")
    if t.endswith("%"):
        t = t[:-1]
    m = re.fullmatch(r"([+-]?)(?:rp\.?)?([+-]?)(.*?)(?:[,.]-+)?", t, flags=re.IGNORECASE)
    sign_a, sign_b, body = m.group(1), m.group(2), m.group(3)
    if sign_a and sign_b:
        raise ParseError(f"{_quote(original)} bukan angka", kode="bukan-angka")
    negative = "-" in (sign_a + sign_b)
    if not re.fullmatch(r"\d[\d.,]*", body or "") or body[-1] in ".,":
        raise ParseError(
            f"{_quote(original)} bukan angka; tulis angkanya saja, mis. 1.234.567 atau 86,92", kode="bukan-angka"
        )
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        if not _INDONESIAN_FULL.fullmatch(body):
            raise ParseError(
                f"{_quote(original)} memakai pemisah yang tidak jelas; tulis titik untuk ribuan dan "
                "koma untuk desimal, mis. 1.234,56", kode="pemisah-angka-tidak-jelas"
            )
        normalized = body.replace(".", "").replace(",", ".")
    elif dots:
        after_last = len(body) - body.rfind(".") - 1
        if dots == 1 and after_last != 3:
            normalized = body  # 86.92: a decimal point, the only possible reading
        elif _THOUSANDS_DOTS.fullmatch(body):
            normalized = body.replace(".", "")
        else:
            raise ParseError(
                f"{_quote(original)} tidak jelas: titik dipakai untuk ribuan (1.234.567); "
                "untuk desimal pakai koma, mis. 86,92", kode="pemisah-angka-tidak-jelas"
            )
    elif commas:
        if commas == 1:
            normalized = body.replace(",", ".")
        else:
            hint = " (gaya Inggris)" if _THOUSANDS_COMMAS.fullmatch(body) else ""
            raise ParseError(
                f"{_quote(original)} memakai koma sebagai pemisah ribuan{hint}; tulis titik untuk "
                "ribuan dan koma untuk desimal, mis. 1.234.567", kode="pemisah-angka-tidak-jelas"
            )
    else:
        normalized = body
    try:
        number = Decimal(normalized)
    except InvalidOperation as exc:  # pragma: no cover - the regexes above admit only digits
        raise ParseError(f"{_quote(original)} bukan angka", kode="bukan-angka") from exc
    return number.copy_negate() if negative else number  # copy_negate: exact, no rounding


def parse_number(value: object, number_format: str | None = None) -> Decimal:
    """A numeric or text cell → Decimal, exact; a percent-formatted numeric cell is scaled to 0-100."""
    number = _exact_number(value, number_format)
    magnitude = number.copy_abs()
    if magnitude >= MAX_NUMBER:
        raise ParseError(f"{_quote(value)}: angka terlalu besar; {ACCEPTED_RANGE}", kode="angka-di-luar-batas")
    if magnitude and magnitude < MIN_NONZERO:
        raise ParseError(f"{_quote(value)}: angka terlalu kecil; {ACCEPTED_RANGE}", kode="angka-di-luar-batas")
    return number


def _exact_number(value: object, number_format: str | None) -> Decimal:
    """The cell's number with every digit it has (no size limit, no rounding)."""
    if isinstance(value, bool):
        raise ParseError(f"{_quote('TRUE' if value else 'FALSE')} bukan angka", kode="bukan-angka")
    if isinstance(value, (datetime, date, time)):
        raise ParseError(f"{_quote(value)} adalah tanggal/jam, bukan angka", kode="bukan-angka")
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, Decimal):
        number = value
    elif isinstance(value, str):
        return tidy(parse_number_text(value))
    else:
        raise ParseError(f"{_quote(value)} bukan angka", kode="bukan-angka")
    if not number.is_finite():
        raise ParseError(f"{_quote(value)} bukan angka", kode="bukan-angka")
    if is_percent_format(number_format):
        sign, digits, exponent = number.as_tuple()
        number = Decimal((sign, digits, exponent + 2))  # × 100 exactly (`*` rounds to 28 digits)
    return tidy(number)


def _whole(number: Decimal, raw: object, kind: Kind) -> Decimal:
    if number != number.to_integral_value():
        what = "rupiah harus bilangan bulat (tanpa sen)" if kind == "rupiah" else "bukan bilangan bulat"
        raise ParseError(f"{_quote(raw)} {what}", kode="bukan-bilangan-bulat")
    if number < 0:
        raise ParseError(f"{_quote(raw)} tidak boleh negatif", kode="angka-negatif")
    return number


def parse_date(value: object) -> date:
    """An Excel date, or Indonesian date text → date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time):  # Excel shows a date cell holding 0 (or only a time) as a time of day
        raise ParseError(f"{_quote(value)} adalah jam saja (sel tanggal berisi 0 atau jam), bukan tanggal; "
                         "tulis mis. 14 Januari 2026", kode="bukan-tanggal")
    if not isinstance(value, str):
        raise ParseError(f"{_quote(value)} bukan tanggal; tulis mis. 14 Januari 2026", kode="bukan-tanggal")
    text = " ".join(without_invisible(value).split()).casefold()
    day = month = year = None
    if m := _DATE_NAMED.fullmatch(text):
        month = MONTHS.get(m.group(2))
        day, year = int(m.group(1)), int(m.group(3))
    elif m := _DATE_DMY.fullmatch(text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _DATE_ISO.fullmatch(text):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if month is None:
        raise ParseError(f"{_quote(value)} bukan tanggal; tulis mis. 14 Januari 2026", kode="bukan-tanggal")
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ParseError(f"{_quote(value)} bukan tanggal yang ada di kalender", kode="bukan-tanggal") from exc


def parse_yes_no(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        key = "".join(value.split()).casefold()
        if key == "ya":
            return True
        if key == "tidak":
            return False
    raise ParseError(f"{_quote(value)} harus Ya atau Tidak", kode="bukan-ya-tidak")


def _choice_key(text: str) -> str:
    return "".join(without_invisible(text).replace("\u2212", "-").split()).casefold()


def parse_choice(value: object, choices: tuple[str, ...], aliases: tuple[tuple[str, str], ...] = ()) -> str:
    """Match a declared choice (or an old spelling in `aliases`) ignoring case and spaces; return the
    choice's declared spelling."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        text = str(value)
    elif isinstance(value, str):
        text = value
    else:
        text = str(tidy(Decimal(repr(value)) if isinstance(value, float) else Decimal(value)))
    wanted = _choice_key(text)
    for choice in choices:
        if _choice_key(choice) == wanted:
            return choice
    for old, choice in aliases:
        if _choice_key(old) == wanted:
            return choice
    raise ParseError(f"{_quote(text)} bukan pilihan yang sah; pilih salah satu: {', '.join(choices)}", kode="bukan-pilihan")


def parse_text(value: object) -> str:
    """Text as typed (surrounding spaces removed, line breaks kept); a number becomes plain digits.

    Zero-width characters (`schema.INVISIBLE`) stay: the report prints the clerk's text unchanged,
    and every comparison of texts (codes, names, choices) ignores them.
    """
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, datetime):
        return formatting.long_date(value.date())
    if isinstance(value, date):
        return formatting.long_date(value)
    if isinstance(value, float):
        return str(tidy(Decimal(repr(value))))
    return str(value)


def parse_cell(
    value: object,
    kind: Kind,
    choices: tuple[str, ...] = (),
    number_format: str | None = None,
    aliases: tuple[tuple[str, str], ...] = (),
) -> object | None:
    """One cell → its typed value, None when empty. Raises ParseError with an Indonesian message."""
    if isinstance(value, ExcelError):
        raise ParseError(f"sel ini berisi galat Excel {value} (rumus yang gagal dihitung), yang tidak boleh "
                         "tercetak atau terhitung di laporan; perbaiki rumusnya atau ketik nilainya", kode="galat-excel")
    if is_blank(value):
        return None
    if kind in NUMBER_KINDS:
        if isinstance(value, str) and value.strip() in _DASHES:
            return None
        number = parse_number(value, number_format)
        if kind not in WHOLE_KINDS:
            return number
        number = _whole(number, value, kind)
        if kind == "rupiah":
            return number
        whole = int(number)
        if kind == "tahun" and not YEAR_MIN <= whole <= YEAR_MAX:
            raise ParseError(f"{_quote(value)} bukan tahun yang wajar ({YEAR_MIN}-{YEAR_MAX})", kode="tahun-di-luar-batas")
        return whole
    if kind == "tanggal":
        return parse_date(value)
    if kind == "yatidak":
        return parse_yes_no(value)
    if kind == "pilihan":
        return parse_choice(value, choices, aliases)
    return parse_text(value)


def display_text(value: object, number_format: str | None = None, plain_numbers: bool = False) -> str:
    """A cell as the clerk sees it, Indonesian style (for free `Data ...` tables).

    The rule, by the cell's type and then its number format: text (a code "0012", a year typed as
    text) is printed as typed; a number whose format states its decimals (``0.0``, ``#,##0.00``,
    ``0.0%``) prints that many, with thousands dots and a decimal comma (``1.234,5``, ``96,7%``);
    under General, integers print without decimals (``84.275``), other numbers with two (``96,70``)
    and percent-formatted cells as ``86,92%``. `plain_numbers` keeps years and codes as typed
    (``2024``, not ``2.024``). Rounding is `formatting.display_round`, the report's one rule.
    """
    if is_blank(value):
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return parse_text(value)
    try:
        number = _exact_number(value, number_format)
    except ParseError:  # NaN or infinity in a damaged file: shown, not fatal
        return parse_text(value)
    if plain_numbers or number.copy_abs() >= _FORMAT_LIMIT:  # too large to round to 2 places: as it is
        return str(number)
    places = format_places(number_format)
    if is_percent_format(number_format):
        return _grouped(number, formatting.PLACES if places is None else places) + "%"
    if places is not None:
        return _grouped(number, places)
    if number == number.to_integral_value():
        return _grouped(number, 0)
    return _grouped(number, formatting.PLACES)


_FORMAT_DIGITS = re.compile(r"[0#?]")


def format_places(number_format: str | None) -> int | None:
    """The decimals an Excel number format shows (``0.0`` → 1, ``#,##0`` → 0, ``0.00%`` → 2), capped
    at `formatting.PLACES`; None for General, text and date formats (the General rule applies)."""
    if not number_format or number_format.strip().lower() in ("general", "@"):
        return None
    section = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format).split(";")[0]
    if not _FORMAT_DIGITS.search(section):
        return None
    _, dot, decimals = section.partition(".")
    return min(len(_FORMAT_DIGITS.findall(decimals)), formatting.PLACES) if dot else 0


_SWAP_SEPARATORS = str.maketrans(",.", ".,")


def _grouped(number: Decimal, places: int) -> str:
    """`formatting.number` for one cell, without Babel's per-call pattern parsing (a Data sheet has
    tens of thousands of cells): the same rounding (`display_round`), the same id_ID separators."""
    return format(formatting.display_round(number, places), f",.{places}f").translate(_SWAP_SEPARATORS)
