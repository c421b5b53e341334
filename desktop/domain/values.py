"""Value helpers: money in 万元 as Decimal, exact ratios, and the bounds of stored numbers.

Money is never a float: a float cannot hold 0.1 exactly, and a ratio exactly on a threshold
(3.00% against "≥ 3%") must compare exactly.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

# Money is stored as an integer number of 0.000001 万元 (one 分 is 0.000001 万元), so any amount
# written in 元 with fen, or in 万元 with up to six decimals, round-trips exactly.
MONEY_SCALE = 6
MONEY_QUANTUM = Decimal(1).scaleb(-MONEY_SCALE)
# 9×10^12 万元 is far above any firm's figures and keeps the scaled integer (×10^6) within
# SQLite's signed 64 bits (9.22×10^18).
MONEY_LIMIT = Decimal(9) * 10 ** 12

_ONE = Decimal(1)

# Scores and percentages are stored with four decimals.
SCORE_SCALE = 4


class ParseError(ValueError):
    """The text is not a number of the expected form; the message code says why."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def parse_decimal(raw: object) -> Decimal | None:
    """Read a number from user input or a file: '' and None mean unknown, never zero.

    Accepts Decimal, int and numeric strings with thousands separators ('1,234.5'); refuses
    floats (they carry binary noise) and anything that is not a finite number.
    """
    if raw is None:
        return None
    if isinstance(raw, float):  # asked first: most of a spreadsheet's numbers
        # A float from JSON or a spreadsheet: go through its shortest repr, which is what
        # the user typed (1234.5 → '1234.5'), not its binary expansion.
        value = Decimal(repr(raw))
    elif isinstance(raw, bool):
        raise ParseError("value.not_a_number", value=str(raw))
    elif isinstance(raw, Decimal):
        value = raw
    elif isinstance(raw, int):
        value = Decimal(raw)
    else:
        text = str(raw).strip().replace(",", "").replace("，", "").replace(" ", "")
        if text == "":
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ParseError("value.not_a_number", value=str(raw)) from None
    if not value.is_finite():
        raise ParseError("value.not_a_number", value=str(raw))
    return value


def parse_money(raw: object) -> Decimal | None:
    """Parse an amount in 万元; more than six decimals (finer than one 分) is refused."""
    value = parse_decimal(raw)
    if value is None:
        return None
    if value != value.quantize(MONEY_QUANTUM):
        raise ParseError("value.too_precise", value=str(raw), places=MONEY_SCALE)
    if abs(value) >= MONEY_LIMIT:
        raise ParseError("value.too_large", value=str(raw))
    return normalize(value)


def parse_int(raw: object) -> int | None:
    """Parse a whole number (a head count, a year, a rank); '' and None mean unknown."""
    if raw.__class__ is int:  # already one (a spreadsheet's whole numbers are read as such)
        return raw
    value = parse_decimal(raw)
    if value is None:
        return None
    if value != value.to_integral_value():
        raise ParseError("value.not_an_integer", value=str(raw))
    return int(value)


def from_scaled(stored: int, scale: int) -> Decimal:
    """A Decimal stored as an integer count of 10^-scale units (db/fields.py), read back."""
    return normalize(Decimal(int(stored)).scaleb(-scale))


def normalize(value: Decimal) -> Decimal:
    """Drop trailing zeros but never switch to exponent notation ('1E+3' → '1000')."""
    normalized = value.normalize()
    # A whole number gets exponent 0 (quantize keeps the others' digits as they are); this
    # test is cheaper than as_tuple(), which copies every digit.
    if normalized == normalized.to_integral_value():
        normalized = normalized.quantize(_ONE)
    return normalized


def ratio(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    """An exact ratio, or None when either side is unknown or the denominator is zero."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


def format_money(value: Decimal | None, places: int = 2) -> str:
    """'1,234.50' for display; '' for unknown."""
    if value is None:
        return ""
    return f"{value.quantize(Decimal(1).scaleb(-places)):,}"


def format_percent(value: Decimal | None, places: int = 2) -> str:
    """A ratio shown as a percentage ('0.0325' → '3.25%'); rounding only happens here."""
    if value is None:
        return ""
    return f"{(value * 100).quantize(Decimal(1).scaleb(-places))}%"
