"""The streamed writer's long-table rows (table_row) look exactly like the same values put
cell by cell: fonts, fills, borders, alignment, number formats, the quote prefix and the row
height. table_row reaches into xlsxwriter for speed (CellStyle hands a cell's style index over
as text; the private _write_string / _write_number): an xlsxwriter that changes those fails
here."""
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from desktop.excel.cells import INTEGER_FORMAT, MONEY_FORMAT, PERCENT_FORMAT
from desktop.excel.streamed import RowFormat, StreamedBook
from desktop.excel.styles import CENTER, LINE_HEIGHT, NUMBER, OUTCOME, TEXT

# (width, look, number format) of each column
COLUMNS = ((6, CENTER, INTEGER_FORMAT), (21, TEXT, None), (18, TEXT, None),
           (13, NUMBER, MONEY_FORMAT), (11, NUMBER, PERCENT_FORMAT), (10, OUTCOME["pass"], None),
           (11, TEXT, None))
ROWS = [
    # a USCC fits its column on one line; nine wide characters do not (two lines)
    [1, "91320505246682363J", "江苏省苏州市虎丘区", Decimal("1295.460000"), Decimal("0.0667"),
     "通过", "=cmd|"],
    [2, "91320505246682363J", None, None, Decimal("0.8968937674648387445386194865"), "pass",
     "+86 512"],
    [3, "G5.share 主导产品\n市场占有率", "a", 7, 0.5, "x", None],
    [4, "an ASCII text too long for one", "b", None, None, "fail", "0512-66668888"],
]


def look(cell) -> tuple:
    font, fill, border, alignment = cell.font, cell.fill, cell.border, cell.alignment
    return (font.name, font.sz, font.b, font.color.rgb if font.color else None,
            fill.fill_type, fill.fgColor.rgb, border.left.style, border.bottom.style,
            border.left.color.rgb if border.left.color else None, alignment.horizontal,
            alignment.vertical, alignment.wrap_text, cell.number_format, cell.quotePrefix)


def test_table_rows_look_like_the_same_cells_put_one_by_one(tmp_path):
    target = tmp_path / "table.xlsx"
    with StreamedBook.open(target) as book:
        sheet = book.sheet("table", [c[0] for c in COLUMNS])
        row_format = RowFormat.of([book.column(*c) for c in COLUMNS])
        for values in ROWS:
            sheet.table_row(values, row_format)
        for values in ROWS:
            sheet.put([(value, 1, c[1], c[2]) for value, c in zip(values, COLUMNS)])
    written = load_workbook(target).active
    count = len(ROWS)
    for number, values in enumerate(ROWS, start=1):
        table, one_by_one = written[number], written[number + count]
        assert [c.value for c in table] == [c.value for c in one_by_one] == [
            float(v) if isinstance(v, Decimal) else v for v in values]
        for cell, expected in zip(table, one_by_one):
            if cell.value is not None:   # table_row leaves empty cells to border_blanks
                assert look(cell) == look(expected), cell.coordinate
        assert (written.row_dimensions[number].height
                == written.row_dimensions[number + count].height)
    two_lines = pytest.approx(2 * LINE_HEIGHT + 4, abs=0.5)   # xlsxwriter rounds to pixels
    assert written.row_dimensions[1].height == two_lines
    assert written.row_dimensions[2].height is None   # one line: Excel's own height
    assert written.row_dimensions[3].height == two_lines
    assert written.row_dimensions[4].height == two_lines
    # the looks are really there, not only equal
    assert written["A1"].font.name == "宋体" and written["A1"].number_format == INTEGER_FORMAT
    assert written["D1"].number_format == MONEY_FORMAT and written["D1"].data_type == "n"
    assert written["F1"].fill.fgColor.rgb.endswith("C6EFCE") and written["F1"].font.b
    assert written["G1"].quotePrefix and written["G1"].data_type == "s"
    assert written["B1"].border.left.style == "thin" and written["B1"].alignment.wrap_text
