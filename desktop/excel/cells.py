"""Cells that are safe to write in openpyxl's write-only mode.

Text is always stored as text: a value starting with '=' would otherwise become a live
formula, and one starting with '+', '-' or '@' can turn into one when a user edits the cell,
so such text also gets Excel's quote prefix. Money (Decimal) is written as a number with a
number format, never as text.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from openpyxl.cell import WriteOnlyCell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

MONEY_FORMAT = "#,##0.00"          # 万元, two decimals shown (stored exactly as entered)
PERCENT_FORMAT = "0.00%"
INTEGER_FORMAT = "#,##0"
DATE_FORMAT = "yyyy-mm-dd"


def cell(sheet, value, number_format: str | None = None, style=None) -> WriteOnlyCell:
    """A write-only cell for `value` (None stays empty). `style` is a NamedStyle or None."""
    if isinstance(value, Decimal):
        value = float(value)  # Excel holds IEEE doubles; 15 significant digits cover 万元 to 分
    made = WriteOnlyCell(sheet, value=value)
    if style is not None:  # first: a named style replaces the format and the quote prefix
        made.style = style
    if isinstance(value, str):
        made.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            made.quotePrefix = True
    elif isinstance(value, (datetime, date)) and number_format is None:
        number_format = DATE_FORMAT
    if number_format:
        made.number_format = number_format
    return made
