"""Reading the workbooks people have: header rows below titles, merged and two-level headers,
units, per-year columns, one row per firm and year, totals and notes, mappings, progress."""
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook

from desktop.excel.atomic import Cancelled
from desktop.excel.reader import WorkbookReader, read_workbook
from tests.conftest import make_uscc

U1, U2 = make_uscc(), make_uscc(org="MA1MABCDF")


def make_workbook(path, sheets, merges=None):
    """Write `sheets` ({title: [row, …]}) to `path`; `merges` {title: ["A1:B1", …]}."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
        for cells in (merges or {}).get(title, ()):
            sheet.merge_cells(cells)
    book.save(path)
    return path


def set_cached_values(path, values):
    """Give formula cells the cached result Excel would have saved ({'B2': '200'})."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, value in values.items():
        xml = re.sub(rf'(<c r="{ref}"[^>]*>)<f>([^<]*)</f><v\s*/?>(</v>)?',
                     rf"\1<f>\2</f><v>{value}</v>", xml)
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def figures(row):
    return {y["year"].value: {k: v.value for k, v in y.items() if k != "year"} for y in row.years}


def test_header_below_title_rows_with_a_unit_note(tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"名单": [
        ["2025年专精特新中小企业申报汇总表"], ["填报单位：某区工信局", None, "金额单位：元"], [],
        ["序号", "企业名称", "统一社会信用代码", "年度", "营业收入", "研发费用（万元）"],
        [1, "甲公司", U1, 2024, 123456789.12, 55.5],
        [2, "乙公司", U2, 2024, "1,000,000", None],
    ]}, merges={"名单": ["A1:F1"]})
    result = read_workbook(path)
    layout = result.layouts[0]
    assert layout.header_rows == (4,) and layout.kind == "firm"
    assert [(c.letter, c.field, c.unit) for c in layout.columns if c.field] == [
        ("B", "name", ""), ("C", "uscc", ""), ("D", "year", ""),
        ("E", "operating_revenue", "元"), ("F", "rd_expense", "万元")]
    first, second = result.rows
    assert (first.row, first.fields["name"].value, first.fields["uscc"].value) == (5, "甲公司", U1)
    # 元 → 万元 exactly: divided by 10,000 as a Decimal, never through a float product
    assert figures(first) == {2024: {"operating_revenue": Decimal("12345.678912"), "rd_expense": 55.5}}
    assert figures(second)[2024]["operating_revenue"] == Decimal("100")
    assert first.fields["uscc"].column == "C" and second.row == 6
    assert result.issues == []


def test_merged_two_level_header_with_years_above_fields(tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"Sheet": [
        ["企业名称", "统一社会信用代码", "2024年", None, "2023年", None, "备注"],
        [None, None, "营业收入（元）", "研发费用", "营业收入（元）", "研发费用"],
        ["甲公司", U1, 20000000, 300, 10000000, 200, "注意"],
    ]}, merges={"Sheet": ["A1:A2", "B1:B2", "C1:D1", "E1:F1", "G1:G2"]})
    result = read_workbook(path)
    layout = result.layouts[0]
    assert layout.header_rows == (1, 2)
    assert [(c.field, c.year, c.scale) for c in layout.columns] == [
        ("name", None, 0), ("uscc", None, 0), ("operating_revenue", 2024, -4),
        ("rd_expense", 2024, 0), ("operating_revenue", 2023, -4), ("rd_expense", 2023, 0),
        ("notes", None, 0)]
    (row,) = result.rows
    assert row.fields["notes"].value == "注意"
    assert figures(row) == {2024: {"operating_revenue": Decimal("2000"), "rd_expense": 300},
                            2023: {"operating_revenue": Decimal("1000"), "rd_expense": 200}}


def test_two_level_header_with_the_field_above_the_years(tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"Sheet": [
        ["单位名称", "信用代码", "营业收入(万元)", None, "从业人员数", None],
        [None, None, 2023, 2024, "2023年", "2024年"],
        ["甲公司", U1, 1000, 1200.5, 50, 60],
    ]}, merges={"Sheet": ["A1:A2", "B1:B2", "C1:D1", "E1:F1"]})
    (row,) = read_workbook(path).rows
    assert figures(row) == {2023: {"operating_revenue": 1000, "employee_count": 50},
                            2024: {"operating_revenue": 1200.5, "employee_count": 60}}


def test_english_headers_and_one_row_per_firm_and_year(tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"Data": [
        ["Company name", "Credit code", "Fiscal year", "Revenue (CNY)", "Employees"],
        ["Alpha", U1, 2023, 5000000, 40],
        ["Alpha", U1, 2024, 6000000, 45],
        ["Total", None, None, 11000000, 85],
    ]})
    result = read_workbook(path)
    assert [r.row for r in result.rows] == [2, 3]
    assert [figures(r) for r in result.rows] == [
        {2023: {"operating_revenue": Decimal("500"), "employee_count": 40}},
        {2024: {"operating_revenue": Decimal("600"), "employee_count": 45}}]


def test_totals_notes_and_empty_rows_are_skipped(tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"S": [
        ["企业名称", "统一社会信用代码", "2024年营业收入"],
        ["甲公司", U1, 100], [], [None, None, None],
        ["合  计", None, 100], ["注：金额单位为万元", None, None], ["说明: 数据来自年报"],
        ["注册资本认缴企业", U2, 5],   # a name that starts with 注 is a firm, not a note
    ]})
    assert [r.row for r in read_workbook(path).rows] == [2, 8]


def test_a_row_shorter_than_the_header_has_its_missing_cells_empty(tmp_path, monkeypatch):
    # Both readers pad rows to the sheet's width; a sheet whose stated size is wrong may not.
    from contextlib import contextmanager

    from desktop.excel import reader
    from desktop.excel.sheets import SheetRows

    rows = [("企业名称", "统一社会信用代码", "2024年营业收入", "2024年从业人员"),
            ("甲公司", U1), ("乙公司", U2, 100)]

    @contextmanager
    def short_rows(path, titles=None, max_rows=None, per_sheet=0):
        yield [SheetRows("S", len(rows), iter(rows))]
    monkeypatch.setattr(reader, "workbook_sheets", short_rows)
    result = read_workbook(tmp_path / "any.xlsx")
    first, second = result.rows
    assert set(first.fields) == {"name", "uscc"} and first.years == []
    assert figures(second) == {2024: {"operating_revenue": 100, "employee_count": None}}
    assert result.issues == []


def test_dates_whole_numbers_and_cell_errors(tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"S": [
        ["企业名称", "统一社会信用代码", "成立日期", "行政区划代码", "2024年营业收入"],
        ["甲公司", U1, datetime(2015, 3, 2), 320583.0, "#DIV/0!"],
    ]})
    result = read_workbook(path)
    (row,) = result.rows
    assert row.fields["registration_date"].value == date(2015, 3, 2)
    assert row.fields["region_code"].value == 320583
    (issue,) = result.issues
    assert (issue.row, issue.column, issue.value, issue.message.code) == (2, "E", "#DIV/0!",
                                                                        "import.cell_error")


def test_formulas_are_read_as_their_cached_values(tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"S": [
        ["企业名称", "统一社会信用代码", "2024年营业收入", "2024年研发费用"],
        ["甲公司", U1, 100, "=C2*2"],
    ]})
    set_cached_values(path, {"D2": "200"})
    (row,) = read_workbook(path).rows
    assert figures(row)[2024]["rd_expense"] == 200   # the result, never the text '=C2*2'


def test_a_mapping_by_letter_or_header_overrides_detection(tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"S": [
        ["名字", "代码", "收入A", "备注"],
        ["甲公司", U1, 120, "x"],
    ]})
    mapping = {"A": "name", "代码": "uscc", "收入A": "operating_revenue:2024", "备注": ""}
    result = read_workbook(path, mapping=mapping)
    (row,) = result.rows
    assert set(row.fields) == {"name", "uscc"}
    assert figures(row) == {2024: {"operating_revenue": 120}}
    bad = read_workbook(path, mapping={**mapping, "备注": "no such field"})
    assert [i.message.code for i in bad.issues] == ["import.unknown_target"]


def test_a_letter_mapping_still_finds_the_header_below_a_title(tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"S": [
        ["2025年汇总"], ["名字", "代码", "收入"], ["甲公司", U1, 120]]})
    result = read_workbook(path, mapping={"A": "name", "B": "uscc", "C": "operating_revenue:2024"})
    assert result.layouts[0].header_rows == (2,) and [r.row for r in result.rows] == [3]


def test_sheet_level_problems_are_reported_at_the_header(tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {
        "NoCode": [["企业名称", "营业收入", "年度"], ["甲公司", 1, 2024]],
        "Twice": [["企业名称", "统一社会信用代码", "营业收入（万元）", "营业收入（元）", "年度"]],
        "Notes": [["本工作簿说明"], ["请勿修改"]],
    })
    result = read_workbook(path)
    found = {(i.sheet, i.row, i.message.code, i.message.field) for i in result.issues}
    assert found == {("NoCode", 1, "import.missing_column", "uscc"),
                     ("Twice", 1, "import.duplicate_column", ""),
                     ("Notes", 1, "import.no_header", "")}


def test_other_record_kinds_are_recognised(tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {
        "市场": [["统一社会信用代码", "年度", "市场范围", "市场占有率（%）", "排名"],
                 [U1, 2025, "domestic", 12.5, 2]],
        "证据": [["统一社会信用代码", "类型", "名称", "编号", "授权/颁发日期"],
                 [U1, "invention_patent", "一种传感器", "ZL2020", date(2021, 5, 1)]],
    })
    market, evidence = read_workbook(path).rows
    assert market.kind == "market_position" and market.fields["share_percent"].value == 12.5
    assert evidence.kind == "evidence" and evidence.fields["title"].value == "一种传感器"


def test_progress_is_reported_and_can_cancel(tmp_path):
    rows = [["企业名称", "统一社会信用代码", "2024年营业收入"]]
    rows += [[f"企业{i}", U1, i] for i in range(1200)]
    path = make_workbook(tmp_path / "t.xlsx", {"S": rows})
    seen = []
    result = WorkbookReader(progress=lambda done, total: seen.append((done, total))).read(path)
    assert len(result.rows) == 1200
    assert seen[-1] == (1201, 1201) and len(seen) >= 3
    with pytest.raises(Cancelled):
        WorkbookReader(progress=lambda done, total: False).read(path)
