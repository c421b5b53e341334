"""Export the data workbook and import workbooks: the round trip, matching by USCC, all or
nothing, only the valid rows, dry runs, progress and the row-level report."""
import gc
import shutil
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from desktop.domain import records as r
from desktop.domain.enums import EvidenceKind, MarketScope
from desktop.domain.errors import ValidationError
from desktop.excel.atomic import Cancelled
from desktop.paths import AppPaths
from desktop.services.demo import load_demo
from desktop.services.workspace import Workspace
from tests.conftest import NOW, TODAY, make_uscc, snapshot
from tests.excel.test_reader import make_workbook

U1, U2 = make_uscc(org="MA1MABCDJ"), make_uscc(org="MA1MABCDK")


def empty_workspace(tmp_path, template_db) -> Workspace:
    """A second, empty database to import into. One database is open per process (the
    models' proxy binds to the last one opened), so open it after the first is done with."""
    data_dir = tmp_path / "other"
    data_dir.mkdir()
    shutil.copy(template_db, data_dir / "srdi.db")
    return Workspace.open(AppPaths.resolve(data_dir=data_dir), user="tester", now=lambda: NOW,
                          today=lambda: TODAY)


def contents(workspace):
    """Everything the data workbook carries, without ids and timestamps."""
    def plain(record):
        return {k: v for k, v in record.to_dict().items()
                if k not in ("id", "firm_id", "created_at", "updated_at", "attachments")}
    found = {}
    for summary in workspace.firms.list(include_archived=True):
        firm_id = summary.id
        found[summary.uscc] = (
            plain(workspace.firms.get(firm_id)),
            [plain(x) for x in workspace.financials.years(firm_id)],
            [plain(x) for x in workspace.financials.market_positions(firm_id)],
            [plain(x) for x in workspace.financials.assessments(firm_id)],
            sorted((plain(x) for x in workspace.evidence.items(firm_id)), key=repr))
    return found


def test_round_trip_into_an_empty_database_gives_the_same_data(workspace, tmp_path, template_db):
    load_demo(workspace)
    tricky = workspace.firms.create_from({
        "uscc": U1, "name": "=SUM(A1) 有限公司", "name_en": "-dash", "notes": "@at\n第二行",
        "registered_capital": "987654321012.345678", "archived": "yes", "own_brand": "否"})
    workspace.financials.set_year_from(tricky.id, {"year": 2025, "operating_revenue": "0.000001",
                                                   "net_profit": "-3.5"})
    workspace.financials.set_market_position_from(tricky.id, {
        "year": 2025, "scope": "international", "share_percent": "0.0001", "rank": 9})
    path = workspace.transfer.export_data(tmp_path / "data.xlsx")
    exported = contents(workspace)
    with empty_workspace(tmp_path, template_db) as other:
        assert contents(other) == {}
        result = other.transfer.import_workbook(path)
        assert result.data_workbook and result.committed and result.refused == 0
        assert result.created == len(result.rows) > 500
        assert contents(other) == exported
        # again: nothing changes, nothing is duplicated
        before = snapshot(other)
        again = other.transfer.import_workbook(path)
        assert again.unchanged == len(again.rows) and not again.committed
        assert snapshot(other) == before


def test_the_content_decides_not_the_extension(workspace, tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"S": [["企业名称", "统一社会信用代码"], ["甲公司", U1]]})
    renamed = path.rename(tmp_path / "firms.dat")
    assert workspace.transfer.import_workbook(renamed).created == 1


def test_progress_of_the_export(workspace, firm, tmp_path):
    seen = []
    workspace.transfer.export_data(tmp_path / "d.xlsx", progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 1) and seen[-1] == (1, 1)


def test_firms_are_matched_by_uscc_updated_never_duplicated(workspace, firm, tmp_path):
    workspace.financials.set_year_from(firm.id, {"year": 2024, "operating_revenue": "900",
                                                 "employee_count": 80})
    path = make_workbook(tmp_path / "t.xlsx", {"名单": [
        ["企业名称", "统一社会信用代码", "2024年营业收入（元）", "2024年从业人员", "备注"],
        [firm.name, firm.uscc.lower(), 12345678.9, None, "导入"],
    ]})
    result = workspace.transfer.import_workbook(path)
    assert (result.created, result.updated, result.refused) == (0, 1, 0) and result.committed
    assert workspace.firms.count(include_archived=True) == 1
    assert workspace.firms.get(firm.id).notes == "导入"
    year = workspace.financials.year(firm.id, 2024)
    assert year.operating_revenue == Decimal("1234.56789")  # 元 → 万元, exactly
    assert year.employee_count == 80   # an empty cell does not erase what is stored


def test_all_or_nothing_by_default_or_only_the_valid_rows(workspace, tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"S": [
        ["企业名称", "统一社会信用代码", "2024年营业收入", "2024年研发人员", "2024年从业人员"],
        ["好公司", U1, 100, 5, 50],
        ["坏公司", U2, 100, 60, 50],
    ]})
    before = snapshot(workspace)
    refused = workspace.transfer.import_workbook(path)
    assert not refused.committed and refused.refused == 1
    assert snapshot(workspace) == before
    (issue,) = refused.issues
    assert (issue.sheet, issue.row, issue.column, issue.value) == ("S", 3, "D", 60)
    assert (issue.message.code, issue.message.field) == ("count.exceeds", "rd_staff_count")
    partial = workspace.transfer.import_workbook(path, skip_invalid=True)
    assert partial.committed and (partial.created, partial.refused) == (1, 1)
    assert [s.uscc for s in workspace.firms.list()] == [U1]


def test_an_import_leaves_the_cycle_collector_as_it_found_it(workspace, tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"S": [["企业名称", "统一社会信用代码"],
                                                     ["好公司", U1]]})
    assert gc.isenabled()
    assert workspace.transfer.import_workbook(path).created == 1
    assert gc.isenabled()
    with pytest.raises(ValidationError):     # refused as a whole: still switched back on
        workspace.transfer.import_workbook(make_workbook(tmp_path / "e.xlsx", {"S": [["x"]]}))
    assert gc.isenabled()
    gc.disable()
    try:
        workspace.transfer.import_workbook(path, dry_run=True)
        assert not gc.isenabled()             # a caller's choice is left alone
    finally:
        gc.enable()


def test_a_dry_run_shows_what_would_happen_and_writes_nothing(workspace, firm, tmp_path):
    workspace.financials.set_year_from(firm.id, {"year": 2024, "operating_revenue": "90"})
    path = make_workbook(tmp_path / "t.xlsx", {"S": [
        ["企业名称", "统一社会信用代码", "年度", "营业收入"],
        [firm.name, firm.uscc, 2024, 100],
        ["新公司", U1, 2024, 5],
        ["坏公司", U2, 2024, "abc"],
    ]})
    before = snapshot(workspace)
    result = workspace.transfer.import_workbook(path, dry_run=True, skip_invalid=True)
    assert [(row.row, row.action) for row in result.rows] == [
        (2, "update"), (3, "create"), (4, "refuse")]
    assert result.dry_run and not result.committed
    assert snapshot(workspace) == before


def test_one_row_per_firm_and_year_with_other_sheets_in_any_order(workspace, tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {
        "证明材料": [["统一社会信用代码", "类型", "名称", "编号", "授权/颁发日期"],
                     [U1, "invention_patent", "一种传感器", "ZL1", date(2021, 5, 1)]],
        "财务": [["单位名称", "信用代码", "年度", "营业收入(万元)"],
                 ["甲公司", U1, 2023, 100], ["甲公司", U1, 2024, 120]],
        "市场": [["统一社会信用代码", "年度", "市场范围", "市场占有率（%）", "排名"],
                 [U1, 2025, "domestic", 12.5, 2]],
        "评价": [["统一社会信用代码", "年度", "数字化水平等级", "评价得分"], [U1, 2026, 2, 71.5]],
    })
    result = workspace.transfer.import_workbook(path)
    assert result.refused == 0 and result.created == 5
    firm = workspace.firms.get_by_uscc(U1)
    assert [y.operating_revenue for y in workspace.financials.years(firm.id)] == [100, 120]
    (item,) = workspace.evidence.items(firm.id)
    assert item.kind is EvidenceKind.INVENTION_PATENT and item.number == "ZL1"
    (position,) = workspace.financials.market_positions(firm.id)
    assert position.scope is MarketScope.DOMESTIC and position.share_percent == Decimal("12.5")
    assert workspace.financials.assessments(firm.id)[0].platform_score == Decimal("71.5")
    again = workspace.transfer.import_workbook(path)   # evidence matched by kind and number
    assert again.unchanged == 5 and len(workspace.evidence.items(firm.id)) == 1


def test_a_mapping_assigns_the_columns(workspace, tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"S": [
        ["名字", "代码", "收入（元）"], ["甲公司", U1, 1000000]]})
    result = workspace.transfer.import_workbook(
        path, mapping={"A": "name", "代码": "uscc", "C": "operating_revenue:2024"})
    assert result.created == 1
    firm = workspace.firms.get_by_uscc(U1)
    assert workspace.financials.year(firm.id, 2024).operating_revenue == 1000000


def test_cancelling_while_writing_rolls_everything_back(workspace, tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"S": [
        ["企业名称", "统一社会信用代码"], ["甲公司", U1], ["乙公司", U2]]})
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return len(calls) < 2   # the reading reports once, then the writing: cancel there
    before = snapshot(workspace)
    with pytest.raises(Cancelled):
        workspace.transfer.import_workbook(path, progress=progress)
    assert snapshot(workspace) == before and len(calls) == 2


def test_an_edited_data_workbook_goes_through_the_same_validation(workspace, firm, tmp_path):
    path = workspace.transfer.export_data(tmp_path / "data.xlsx")
    book = load_workbook(path)
    sheet = book["firms"]
    column = [c.value for c in sheet[1]].index("region_code") + 1
    sheet.cell(2, column).value = "999999"
    book.save(path)
    result = workspace.transfer.import_workbook(path)
    (issue,) = result.issues
    assert (issue.sheet, issue.row, issue.value, issue.message.code) == (
        "firms", 2, "999999", "region.unknown")
    assert issue.column == sheet.cell(2, column).column_letter


def test_the_row_level_report_is_a_workbook(workspace, tmp_path):
    path = make_workbook(tmp_path / "t.xlsx", {"S": [
        ["企业名称", "统一社会信用代码", "2024年营业收入"], ["坏公司", U1, -5]]})
    result = workspace.transfer.import_workbook(path)
    report = workspace.transfer.write_report(tmp_path / "report.xlsx", result, "zh_CN")
    rows = list(load_workbook(report).active.iter_rows(values_only=True))
    assert rows[0] == ("工作表", "行", "列", "值", "说明", "代码")
    assert rows[1] == ("S", 2, "C", -5, "营业收入（万元）：不能为负数（-5）", "money.negative")


def test_records_are_imported_through_the_services(workspace, tmp_path):
    """The change log records imported writes like typed ones (same services)."""
    path = make_workbook(tmp_path / "t.xlsx", {"S": [["企业名称", "统一社会信用代码"], ["甲公司", U1]]})
    workspace.transfer.import_workbook(path)
    rows = workspace.context.database.handle.execute_sql(
        'SELECT COUNT(*) FROM change_log WHERE "table" = \'firm\'').fetchone()
    assert rows[0] >= 1
    assert isinstance(workspace.firms.get_by_uscc(U1), r.Firm)
