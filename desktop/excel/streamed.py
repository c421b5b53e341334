"""Large workbooks streamed to disk with xlsxwriter in constant_memory mode, in the house look.

openpyxl's write-only mode spends about four times as long as xlsxwriter on styled cells
(10,000 summary rows: 3.8 s against 1.2 s here); the recommendation summary of a province is
such a workbook. Each row is written to the sheet's temporary file as soon as it is complete,
so memory stays flat however many rows come.

The looks are those of styles.py (openpyxl Font / Alignment / Border / PatternFill), turned
into xlsxwriter formats once each, so both writers show the same fonts, borders and fills.
Cells follow cells.py's rules: text is always text, with the quote prefix where Excel could
take it for a formula; money (Decimal) is a number with a number format; None stays empty.

`StreamedBook.open(path)` is a context manager: the workbook is complete at `path` when the
block ends; on an error the partial sheets are removed with the private temporary folder.
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import xlsxwriter

from .cells import DATE_FORMAT, FORMULA_STARTS
from .styles import A4, LINE_HEIGHT, Look, Span, line_count

_VALIGN = {"center": "vcenter", "top": "top", "bottom": "bottom"}


def _rgb(color) -> str:
    return "#" + color.rgb[-6:]


def format_properties(look: Look, number_format: str | None = None,
                      quote_prefix: bool = False) -> dict:
    """The xlsxwriter format of a look (font, alignment, border, fill) and number format."""
    font, alignment = look.font, look.alignment
    properties: dict = {"font_name": font.name, "font_size": font.sz, "bold": bool(font.b)}
    if font.color is not None:
        properties["font_color"] = _rgb(font.color)
    if alignment.horizontal:
        properties["align"] = alignment.horizontal
    if alignment.vertical:
        properties["valign"] = _VALIGN.get(alignment.vertical, alignment.vertical)
    if alignment.wrap_text:
        properties["text_wrap"] = True
    if look.border is not None:
        properties["border"] = 1   # thin
        properties["border_color"] = _rgb(look.border.left.color)
    if look.fill is not None:
        properties["pattern"] = 1  # solid
        properties["bg_color"] = _rgb(look.fill.start_color)
    if number_format:
        properties["num_format"] = number_format
    if quote_prefix:
        properties["quote_prefix"] = True
    return properties


class CellStyle:
    """An xlsxwriter Format as the cells of a long table carry it. xlsxwriter asks a cell's
    format only for `_get_xf_index()` when it writes the cell (worksheet._write_cell) and
    escapes the index as an XML attribute: an int index makes that escape fail with a
    TypeError, caught, an exception per styled cell (some 0.07 s for the 150,000 cells of a
    province's summary). Here the index is given as text: the same attribute is written.
    The Format gets its index on first use, as it would itself, so the styles are unchanged
    (tests/excel/test_streamed.py opens the written cells to check their looks)."""

    __slots__ = ("_index", "format")

    def __init__(self, format) -> None:
        self.format = format
        self._index: str | None = None

    def _get_xf_index(self) -> str:
        index = self._index
        if index is None:
            index = self._index = str(self.format._get_xf_index())
        return index


@dataclass(frozen=True)
class Column:
    """A column of a long table (StreamedSheet.table_row): its width and its formats, made
    once, so a row of ten thousand costs no look-ups."""

    width: float
    plain: object       # xlsxwriter Format
    quoted: object      # the same with the quote prefix, for formula-like text
    wraps: bool


@dataclass(frozen=True)
class RowFormat:
    """The columns of a long table's rows, with those whose text wraps (their text decides
    the row's height) picked out once."""

    plain: tuple            # each column's CellStyle
    quoted: tuple           # … with the quote prefix, for formula-like text
    # (index, width, characters that fit even if all are wide, narrow characters that fit)
    # of the columns whose text wraps
    wrapping: tuple[tuple[int, float, float, float], ...]

    @classmethod
    def of(cls, columns: Sequence[Column]) -> RowFormat:
        return cls(tuple(CellStyle(c.plain) for c in columns),
                   tuple(CellStyle(c.quoted) for c in columns),
                   tuple((index, c.width, (c.width - 1.5) / 2, c.width - 1.5)
                         for index, c in enumerate(columns) if c.wraps))


class StreamedBook:
    """An xlsxwriter workbook in constant_memory mode with formats made once per look."""

    def __init__(self, path: Path, scratch: Path) -> None:
        self.book = xlsxwriter.Workbook(str(path), {"constant_memory": True,
                                                    "tmpdir": str(scratch)})
        self._formats: dict[tuple[int, str | None, bool], object] = {}

    @classmethod
    @contextmanager
    def open(cls, path: Path | str) -> Iterator[StreamedBook]:
        """A workbook written to `path` when the block ends without an error. Its sheets'
        temporary files live in a private folder removed in any case (an error or a cancel
        leaves nothing behind; the caller's atomic_path removes `path` itself)."""
        scratch = Path(tempfile.mkdtemp(prefix="srdi-xlsx-"))
        try:
            made = cls(Path(path), scratch)
            yield made
            made.book.close()
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def format(self, look: Look, number_format: str | None = None, quote_prefix: bool = False):
        key = (id(look), number_format, quote_prefix)   # looks are module constants
        made = self._formats.get(key)
        if made is None:
            made = self._formats[key] = self.book.add_format(
                format_properties(look, number_format, quote_prefix))
        return made

    def column(self, width: float, look: Look, number_format: str | None = None) -> Column:
        return Column(width, self.format(look, number_format),
                      self.format(look, number_format, True), bool(look.alignment.wrap_text))

    def sheet(self, title: str, widths: Sequence[float], freeze: tuple[int, int] | None = None,
              landscape: bool = False, title_row: int | None = None) -> StreamedSheet:
        return StreamedSheet(self, title, widths, freeze, landscape, title_row)


class StreamedSheet:
    """A sheet filled row by row on a grid of columns, as styles.FormSheet does for openpyxl:
    a row is a list of spans (value, columns, look[, number format]); wide spans are merged.
    Rows are numbered from 1 as in Excel; `freeze` is (rows, columns) kept in view."""

    def __init__(self, book: StreamedBook, title: str, widths: Sequence[float],
                 freeze: tuple[int, int] | None, landscape: bool, title_row: int | None) -> None:
        self.book = book
        self.sheet = book.book.add_worksheet(title)
        self.widths = tuple(widths)
        for index, width in enumerate(self.widths):
            self.sheet.set_column(index, index, width)
        if freeze:
            self.sheet.freeze_panes(*freeze)
        self._print_setup(landscape, title_row)
        self.row = 0
        # For table_row. xlsxwriter's public write_string / write_number only let A1
        # notation ("B7") through a decorator to these; our cells are numbered already.
        self._write_string = self.sheet._write_string
        self._write_number = self.sheet._write_number

    def _print_setup(self, landscape: bool, title_row: int | None) -> None:
        """A4, fit to the page width (any number of pages tall), centred, page numbers."""
        sheet = self.sheet
        sheet.set_paper(A4)
        if landscape:
            sheet.set_landscape()
        else:
            sheet.set_portrait()
        sheet.fit_to_pages(1, 0)
        sheet.center_horizontally()
        sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        sheet.set_footer("&C&P / &N")
        if title_row:
            sheet.repeat_rows(title_row - 1)

    @property
    def columns(self) -> int:
        return len(self.widths)

    def put(self, spans: Sequence[Span], height: float | None = None) -> int:
        """Write one row of spans, tall enough for its wrapped text. Returns the row."""
        row = self.row
        self.row += 1
        lines, column, placed = 1, 0, []
        for span in spans:
            value, width, look = span[:3]
            placed.append((column, value, width, look, span[3] if len(span) > 3 else None))
            if isinstance(value, str):
                lines = max(lines, line_count(value, sum(self.widths[column:column + width])))
            column += width
        if height is None and lines > 1:
            height = lines * LINE_HEIGHT + 4
        if height is not None:   # before the row's cells: constant_memory flushes rows
            self.sheet.set_row(row, height)
        for column, value, width, look, number_format in placed:
            self._write(row, column, value, width, look, number_format)
        return self.row

    def table_row(self, values: Sequence, row_format: RowFormat) -> int:
        """Write one row of single-column cells, `values[i]` in the format of the i-th
        column, tall enough for its wrapped text. Returns the row. Empty values (None) write
        no cell: `border_blanks` draws their borders for the whole table at once."""
        row = self.row
        self.row = row + 1
        lines = 1
        for index, width, fits, narrow_fit in row_format.wrapping:
            value = values[index]
            if value.__class__ is not str or "\n" not in value and (
                    len(value) <= fits or len(value) <= narrow_fit and value.isascii()):
                continue   # one line; measured otherwise (codes such as the USCC are ASCII)
            lines = max(lines, line_count(value, width))
        if lines > 1:
            self.sheet.set_row(row, lines * LINE_HEIGHT + 4)
        # The common types first, without a call of ours per cell: a province's table has
        # 200,000 of them.
        write_string, write_number = self._write_string, self._write_number
        plain, quoted = row_format.plain, row_format.quoted
        for index, value in enumerate(values):
            kind = value.__class__
            if kind is str:
                write_string(row, index, value, quoted[index]
                             if value.startswith(FORMULA_STARTS) else plain[index])
            elif kind is Decimal:   # Excel holds IEEE doubles: 15 digits cover 万元 to 分
                write_number(row, index, float(value), plain[index])
            elif kind is int or kind is float:
                write_number(row, index, value, plain[index])
            elif value is not None:
                _cell(self.sheet, row, index, value, plain[index])
        return self.row

    def border_blanks(self, first_row: int, last_row: int, look: Look) -> None:
        """Give the empty cells of rows `first_row`..`last_row` (1-based, all columns) the
        border of `look`, by one conditional format instead of a styled empty cell each:
        a province's summary has some 40,000 empty cells, and writing them costs more
        than a sixth of the whole workbook."""
        if last_row < first_row:
            return
        border = self.book.book.add_format({"border": 1,
                                            "border_color": _rgb(look.border.left.color)})
        self.sheet.conditional_format(first_row - 1, 0, last_row - 1, self.columns - 1,
                                      {"type": "blanks", "format": border})

    def full(self, value, look: Look, height: float | None = None) -> int:
        """One value across the whole grid."""
        return self.put([(value, self.columns, look)], height)

    def _write(self, row: int, column: int, value, width: int, look: Look,
               number_format: str | None) -> None:
        sheet, book = self.sheet, self.book
        if isinstance(value, str):
            style = book.format(look, number_format, value.startswith(FORMULA_STARTS))
        elif isinstance(value, (date, datetime)):
            style = book.format(look, number_format or DATE_FORMAT)
        else:
            style = book.format(look, number_format)
        if width > 1:
            sheet.merge_range(row, column, row, column + width - 1, "", style)
        if value is not None or width == 1:
            _cell(sheet, row, column, value, style)


def _cell(sheet, row: int, column: int, value, style) -> None:
    """Write one value as the cell type its Python type says (None: an empty styled cell)."""
    if value is None:
        sheet.write_blank(row, column, None, style)
    elif isinstance(value, str):
        sheet.write_string(row, column, value, style)
    elif isinstance(value, bool):
        sheet.write_boolean(row, column, value, style)
    elif isinstance(value, (int, float, Decimal)):
        # Excel holds IEEE doubles; 15 significant digits cover 万元 to 分
        sheet.write_number(row, column, float(value), style)
    elif isinstance(value, (date, datetime)):
        sheet.write_datetime(row, column, value, style)
    else:
        raise TypeError(f"no cell for a {type(value).__name__}")
