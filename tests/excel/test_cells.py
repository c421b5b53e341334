"""Text that looks like a formula is written as text; numbers as numbers."""
from decimal import Decimal

from openpyxl import Workbook, load_workbook

from desktop.excel.cells import PERCENT_FORMAT, cell


def test_formula_like_text_stays_text_and_numbers_stay_numbers(tmp_path):
    book = Workbook(write_only=True)
    sheet = book.create_sheet("s")
    sheet.append([cell(sheet, "=HYPERLINK(\"http://x\")"), cell(sheet, "-5 text"),
                  cell(sheet, "@SUM(A1)"), cell(sheet, Decimal("1234.56")),
                  cell(sheet, Decimal("0.0325"), PERCENT_FORMAT), cell(sheet, None)])
    path = tmp_path / "out.xlsx"
    book.save(path)
    row = load_workbook(path)["s"][1]
    assert [c.data_type for c in row[:3]] == ["s", "s", "s"]
    assert row[0].value == '=HYPERLINK("http://x")' and row[0].quotePrefix
    assert row[3].value == 1234.56 and row[3].data_type == "n"
    assert row[4].number_format == PERCENT_FORMAT
    assert len(row) == 5  # an empty value writes no cell


def test_a_named_style_keeps_the_quote_prefix_and_the_number_format(tmp_path):
    from openpyxl.styles import Font, NamedStyle

    book = Workbook(write_only=True)
    bold = NamedStyle(name="bold", font=Font(bold=True))
    book.add_named_style(bold)
    sheet = book.create_sheet("s")
    sheet.append([cell(sheet, "=cmd|", style=bold), cell(sheet, Decimal("0.5"), PERCENT_FORMAT, bold)])
    path = tmp_path / "styled.xlsx"
    book.save(path)
    first, second = load_workbook(path)["s"][1]
    assert first.quotePrefix and first.font.bold
    assert second.number_format == PERCENT_FORMAT and second.font.bold
