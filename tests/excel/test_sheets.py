"""The calamine rows are exactly the openpyxl rows; where calamine cannot be exact, openpyxl reads."""
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest

from desktop.excel import sheets as s
from tests.excel.test_reader import make_workbook, set_cached_values

VALUES = ["text", "  padded  ", "   ", 1, -7, 0, 1.5, 0.1 + 0.2, 1.5e-7, -0.0, 2 ** 52 + 1,
          123456789.12, Decimal("1.10"), datetime(2015, 3, 2), datetime(2015, 3, 2, 10, 30),
          date(2020, 1, 1), time(10, 30), timedelta(hours=30), True, False, "统一社会信用代码",
          "=1/0", None, "91320583MA1MABCDE1", "1,000,000"]


def openpyxl_rows(path):
    with s.open_workbook(path) as book:
        return {sheet.title: [tuple(s.cell_value(v) for v in row) for row in s.rows_of(sheet)]
                for sheet in book.worksheets}


def calamine_rows(path):
    sheets = s._calamine_sheets(path, None, None, 0)
    assert sheets is not None, "calamine fell back to openpyxl"
    return {sheet.title: list(sheet.rows) for sheet in sheets}


def _blank(row):
    # calamine drops text of spaces only (openpyxl: '' once stripped): both are an empty cell
    return tuple(None if v == "" else v for v in row)


def same(left, right):
    """Row by row, value by value and type by type (openpyxl pads rows to the sheet width)."""
    assert left.keys() == right.keys()
    for title in left:
        a, b = left[title], right[title]
        assert len(a) == len(b), title
        for row_a, row_b in zip(a, b):
            width = max(len(row_a), len(row_b))
            row_a = _blank(row_a) + (None,) * (width - len(row_a))
            row_b = _blank(row_b) + (None,) * (width - len(row_b))
            assert row_a == row_b
            assert [type(v) for v in row_a] == [type(v) for v in row_b]


def test_every_kind_of_value_reads_the_same(tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {
        "Values": [[], [None, *VALUES], [None, None, "x"], list(reversed(VALUES))],
        "Offset": [[], [], [None, None, "starts at C3", 5]],
        "Empty": [],
    }, merges={"Values": ["B3:D3"]})
    set_cached_values(path, {})
    same(calamine_rows(path), openpyxl_rows(path))


def test_a_formula_result_reads_the_same(tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"S": [["a", "b"], [100, "=A2*2"]]})
    set_cached_values(path, {"B2": "200"})
    same(calamine_rows(path), openpyxl_rows(path))


@pytest.mark.parametrize("value", ["#N/A", "#DIV/0!"])
def test_error_cells_are_read_by_openpyxl(tmp_path, value):
    path = make_workbook(tmp_path / "t.xlsx", {"S": [["a"], [value]]})
    assert s._calamine_sheets(path, None, None, 0) is None
    with s.workbook_sheets(path) as sheets:
        assert list(sheets[0].rows)[1] == (value,)


def test_a_whole_number_past_2_53_is_read_by_openpyxl(tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"S": [["a"], [2 ** 60 + 1]]})
    assert s._calamine_sheets(path, None, None, 0) is None
    with s.workbook_sheets(path) as sheets:
        assert list(sheets[0].rows) == openpyxl_rows(path)["S"]


def test_only_the_named_sheets_and_the_row_limit(tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"A": [["x"]] * 5, "B": [["y"]] * 3})
    with s.workbook_sheets(path, {"B"}) as sheets:
        assert [(x.title, x.max_row) for x in sheets] == [("B", 3)]
    with pytest.raises(s.TooManyRows):
        with s.workbook_sheets(path, None, 5, 1):
            pass
