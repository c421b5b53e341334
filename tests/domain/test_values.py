from decimal import Decimal

import pytest

from desktop.domain.values import (
    ParseError, format_money, format_percent, parse_decimal, parse_int, parse_money, ratio,
)


@pytest.mark.parametrize("raw, expected", [
    ("1,234.5", Decimal("1234.5")), ("  12 ", Decimal("12")), (0, Decimal("0")),
    (Decimal("3.00"), Decimal("3")), ("0.000001", Decimal("0.000001")), (1234.5, Decimal("1234.5")),
    ("1E+3", Decimal("1000")),
])
def test_money_is_read_exactly(raw, expected):
    value = parse_money(raw)
    assert value == expected and isinstance(value, Decimal)
    assert "E" not in str(value)


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_unknown_money_is_none_not_zero(raw):
    assert parse_money(raw) is None


@pytest.mark.parametrize("raw, code", [
    ("abc", "value.not_a_number"), ("1.2.3", "value.not_a_number"), ("NaN", "value.not_a_number"),
    ("Infinity", "value.not_a_number"), ("0.0000001", "value.too_precise"),
    ("1e14", "value.too_large"), ("9000000000000", "value.too_large"), (True, "value.not_a_number"),
])
def test_bad_money_is_refused_with_a_reason(raw, code):
    with pytest.raises(ParseError) as caught:
        parse_money(raw)
    assert caught.value.code == code


@pytest.mark.parametrize("raw, shown", [
    ("1E+3", "1000"), ("1000.000", "1000"), ("-0.00", "-0"), ("1.500", "1.5"),
    ("0.000001", "0.000001"),
    (Decimal("5E+12"), "5000000000000"), (1000, "1000"), (1000.0, "1000"), (-12.50, "-12.5"),
])
def test_money_is_kept_in_one_spelling(raw, shown):
    value = parse_money(raw)
    assert str(value) == shown and value.as_tuple().exponent <= 0


def test_float_noise_does_not_leak_in():
    assert parse_decimal(0.1) == Decimal("0.1")


def test_integers():
    assert parse_int("85") == 85 and parse_int("85.0") == 85 and parse_int("") is None
    with pytest.raises(ParseError):
        parse_int("8.5")


def test_ratio_is_exact_and_unknown_stays_unknown():
    assert ratio(Decimal("3"), Decimal("100")) == Decimal("0.03")
    assert ratio(None, Decimal("1")) is None and ratio(Decimal("1"), Decimal("0")) is None


def test_display_rounds_only_when_shown():
    assert format_money(Decimal("1234.5")) == "1,234.50"
    assert format_percent(Decimal("0.03")) == "3.00%"
    assert format_money(None) == "" and format_percent(None) == ""
