"""The look of the exported workbooks, and a small grid helper for write-only sheets.

Styles are applied as font / fill / border / alignment on each cell, never as a NamedStyle:
assigning a NamedStyle replaces the cell's whole style array, which would drop the number
format and the quote prefix that `cells.cell` sets. Every value goes through `cells.cell`.

`FormSheet` lays rows out on a fixed column grid: a row is a list of spans (value, columns,
look, number format); spans wider than one column are merged and every covered cell gets the
border. Column widths and frozen panes are set before the first row, as write-only mode needs.
"""
from __future__ import annotations

import functools
import math
import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from desktop.domain.messages import Message, render

from .cells import cell

A4 = 9            # paperSize of A4 in SpreadsheetML
FONT_NAME = "宋体"  # SimSun: the face of the official forms; Excel substitutes where missing
LINE_HEIGHT = 14.0
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def text(key: str, lang: str, **params) -> str:
    """The wording of `export.<key>` in `lang` (catalog_excel.EXPORT_MESSAGES)."""
    return render(Message(f"export.{key}", params), lang)


def paren(inner: str, lang: str) -> str:
    """' (inner)' in English, '（inner）' in Chinese; '' when there is nothing inside."""
    if not inner:
        return ""
    return f"（{inner}）" if lang.startswith("zh") else f" ({inner})"


@dataclass(frozen=True)
class Look:
    font: Font
    alignment: Alignment
    border: Border | None = _BOX
    fill: PatternFill | None = None


def _font(size: float = 10, bold: bool = False, color: str = "000000") -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, color=color)


def _fill(rgb: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=rgb, end_color=rgb)


_WRAP_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_WRAP_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

TITLE = Look(_font(16, True), _WRAP_CENTER, border=None)
SUBTITLE = Look(_font(11), _WRAP_CENTER, border=None)
SECTION = Look(_font(11, True), _WRAP_LEFT, fill=_fill("D9E1F2"))
HEADER = Look(_font(10, True), _WRAP_CENTER, fill=_fill("F2F2F2"))
LABEL = Look(_font(10, True), _WRAP_LEFT, fill=_fill("F7F7F7"))
TEXT = Look(_font(10), _WRAP_LEFT)
CENTER = Look(_font(10), _WRAP_CENTER)
NUMBER = Look(_font(10), Alignment(horizontal="right", vertical="center"))
PLAIN = Look(_font(10), Alignment(horizontal="left", vertical="top", wrap_text=True), border=None)
TOTAL = Look(_font(10, True), Alignment(horizontal="right", vertical="center"),
             fill=_fill("F2F2F2"))
# The outcome of a criterion or a verdict, coloured so a printout shows it at a glance.
OUTCOME = {
    "pass": Look(_font(10, True, "006100"), _WRAP_CENTER, fill=_fill("C6EFCE")),
    "fail": Look(_font(10, True, "9C0006"), _WRAP_CENTER, fill=_fill("FFC7CE")),
    "manual": Look(_font(10, True, "7F6000"), _WRAP_CENTER, fill=_fill("FFEB9C")),
    "pending": Look(_font(10, True, "7F6000"), _WRAP_CENTER, fill=_fill("FFEB9C")),
    "missing": Look(_font(10, True, "595959"), _WRAP_CENTER, fill=_fill("EDEDED")),
    "incomplete": Look(_font(10, True, "595959"), _WRAP_CENTER, fill=_fill("EDEDED")),
}


def styled(sheet, value, look: Look, number_format: str | None = None):
    """A write-only cell for `value` with the look applied (formats kept)."""
    made = cell(sheet, value, number_format)
    made.font = look.font
    made.alignment = look.alignment
    if look.border is not None:
        made.border = look.border
    if look.fill is not None:
        made.fill = look.fill
    return made


def discard(book) -> None:
    """Abandon a write-only workbook midway (error or cancel): close each sheet's stream and
    remove its temporary file now, not at interpreter exit."""
    for sheet in getattr(book, "worksheets", ()):
        writer = getattr(sheet, "_writer", None)
        try:
            if getattr(sheet, "_rows", None) is not None:
                sheet._rows.close()
            if writer is not None:
                writer.close()
        except Exception:  # noqa: BLE001 - best effort: the error that matters is already raised
            pass
        if writer is not None and isinstance(writer.out, str) and os.path.exists(writer.out):
            writer.cleanup()


def display_width(value: str) -> int:
    """Columns a text takes: East Asian wide characters count two."""
    if value.isascii():
        return len(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value)


@functools.lru_cache(maxsize=4096)   # a long table repeats its words, regions and gaps
def line_count(value: object, width: float) -> int:
    """How many lines `value` wraps to in a span `width` characters wide."""
    if value is None or not isinstance(value, str):
        return 1
    usable = max(width - 1.5, 1.0)
    if 2 * len(value) <= usable and "\n" not in value:
        return 1   # fits even if every character is wide: no need to measure
    return sum(max(1, math.ceil(display_width(part) / usable)) for part in value.split("\n"))


def print_setup(sheet, landscape: bool = False, title_rows: str | None = None) -> None:
    """A4, fit to the page width (any number of pages tall), centred, page numbers."""
    sheet.page_setup.paperSize = A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = "&P / &N"
    if title_rows:
        sheet.print_title_rows = title_rows


Span = tuple  # (value, columns, look) or (value, columns, look, number_format)


class FormSheet:
    """A write-only sheet filled row by row on a grid of columns of the given widths."""

    def __init__(self, book, title: str, widths: Sequence[float], freeze: str | None = None,
                 landscape: bool = False, title_rows: str | None = None) -> None:
        self.sheet = book.create_sheet(title)
        self.widths = tuple(widths)
        for index, width in enumerate(self.widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        if freeze:
            self.sheet.freeze_panes = freeze
        print_setup(self.sheet, landscape, title_rows)
        self.row = 0

    @property
    def columns(self) -> int:
        return len(self.widths)

    def put(self, spans: Sequence[Span], height: float | None = None) -> int:
        """Write one row of spans (their columns must add up to at most the grid); merge
        the wide ones. The row is made tall enough for its wrapped text. Returns the row."""
        self.row += 1
        cells, column, lines = [], 1, 1
        for span in spans:
            value, width, look = span[:3]
            number_format = span[3] if len(span) > 3 else None
            cells.append(styled(self.sheet, value, look, number_format))
            for _ in range(width - 1):  # covered cells: empty, but bordered like the first
                cells.append(styled(self.sheet, None, look))
            if width > 1:
                self.sheet.merged_cells.add(
                    f"{get_column_letter(column)}{self.row}:"
                    f"{get_column_letter(column + width - 1)}{self.row}")
            span_width = sum(self.widths[column - 1:column - 1 + width])
            lines = max(lines, line_count(value, span_width))
            column += width
        if height is None and lines > 1:
            height = lines * LINE_HEIGHT + 4
        if height is not None:
            self.sheet.row_dimensions[self.row].height = height
        self.sheet.append(cells)
        return self.row

    def full(self, value, look: Look, height: float | None = None) -> int:
        """One value across the whole grid."""
        return self.put([(value, self.columns, look)], height)

    def blank(self, height: float | None = None) -> int:
        self.row += 1
        if height is not None:
            self.sheet.row_dimensions[self.row].height = height
        self.sheet.append([])
        return self.row
