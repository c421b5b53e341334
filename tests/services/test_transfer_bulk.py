"""The import's bulk path: statements that do not grow with the rows, and the same database as
the row-by-row path through the services."""
import shutil
from datetime import date

from desktop.db import bulk
from desktop.paths import AppPaths
from desktop.services import import_write
from desktop.services.workspace import Workspace
from tests.conftest import NOW, TODAY, make_uscc
from tests.excel.test_reader import make_workbook

STORED = make_uscc(org="MA1MABCT0")


def code(number: int) -> str:
    return make_uscc(org=f"MA1{number:05d}X")


def open_workspace(tmp_path, template_db, name: str) -> Workspace:
    data_dir = tmp_path / name
    data_dir.mkdir()
    shutil.copy(template_db, data_dir / "srdi.db")
    return Workspace.open(AppPaths.resolve(data_dir=data_dir), user="tester", now=lambda: NOW,
                          today=lambda: TODAY)


def realistic_workbook(path, firms: int):
    """A title, the header below it, per-year columns with units; one firm already stored
    (updated), a firm named twice (its second row adds a year), market and evidence sheets
    naming new and stored firms."""
    rows = [["2025年专精特新中小企业申报汇总表"], ["金额单位：元"],
            ["企业名称", "统一社会信用代码", "成立日期", "行政区划代码", "所属行业代码", "自主品牌",
             "2023年营业收入", "2024年营业收入", "2024年研发费用", "2024年从业人员数", "备注"]]
    for number in range(firms):
        rows.append([f"苏州精测{number}号科技有限公司", code(number), date(2012, 1 + number % 12, 3),
                     "320583", "C4021", "是" if number % 2 else None, 12345678.9 + number,
                     23456789.12, 1500000 + number * 10, 40 + number % 9, f"第{number}行"])
    rows.append(["苏州存量科技有限公司", STORED, date(2011, 5, 6), "320583", "C4021", "否",
                 1000000, 2000000, 300000, 55, "更新"])
    rows.append(["苏州精测0号科技有限公司", code(0), None, None, None, None, None, None, None,
                 None, None])
    return make_workbook(path, {
        "名单": rows,
        "市场": [["统一社会信用代码", "年度", "市场范围", "市场占有率（%）", "排名"],
                 [code(1), 2025, "domestic", 12.5, 2], [STORED, 2025, "international", 3.25, 9]],
        "证据": [["统一社会信用代码", "类型", "名称", "编号", "授权/颁发日期"],
                 [code(2), "invention_patent", "一种传感器", "ZL2020", date(2021, 5, 1)],
                 [code(2), "invention_patent", "另一种传感器", "ZL2021", date(2022, 5, 1)],
                 [STORED, "utility_model_patent", "一种夹具", "ZL2019", date(2020, 1, 8)]],
    }, merges={"名单": ["A1:K1"]})


def stored_firm(workspace):
    workspace.firms.create_from({"uscc": STORED, "name": "苏州存量科技有限公司",
                                 "region_code": "320583", "industry_code": "C4021"})


VOLATILE = {"uid", "data_version"}   # random per item; a database-wide clock's ticks


def tables(workspace) -> dict[str, list[dict]]:
    """Every table's rows as dicts, without the volatile columns; the change log as the set
    of (table, record, action) it names."""
    handle = workspace.context.database.handle
    names = [row[0] for row in handle.execute_sql(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE 'firm_search%' AND name NOT IN ('data_clock', 'migration_history')")]
    found = {}
    for name in names:
        cursor = handle.execute_sql(f'SELECT * FROM "{name}" ORDER BY rowid')   # firm_tally: no id
        columns = [d[0] for d in cursor.description]
        rows = [dict(zip(columns, row)) for row in cursor.fetchall()]
        if name == "change_log":
            found[name] = {(row["table"], row["record_id"], row["action"]) for row in rows}
        else:
            found[name] = [{k: v for k, v in row.items() if k not in VOLATILE} for row in rows]
    return found


def test_a_bulk_import_leaves_the_database_the_row_by_row_path_leaves(tmp_path, template_db,
                                                                       monkeypatch):
    path = realistic_workbook(tmp_path / "t.xlsx", 40)
    with open_workspace(tmp_path, template_db, "bulk") as workspace:
        stored_firm(workspace)
        result = workspace.transfer.import_workbook(path)
        assert result.committed and result.issues == ()
        assert result.created == 46   # 40 firms, the stored one (its years), 2 markets, 3 items
        bulk_tables = tables(workspace)
        search = workspace.firms.list("精测1号")
    assert [firm.uscc for firm in search] == [code(1)]     # the search index saw the new firms

    def no_bulk(plans):
        raise import_write.NotBulk()
    monkeypatch.setattr(import_write, "split", no_bulk)
    with open_workspace(tmp_path, template_db, "rows") as workspace:
        stored_firm(workspace)
        result = workspace.transfer.import_workbook(path)
        assert result.committed and result.issues == ()
        row_tables = tables(workspace)
    assert bulk_tables.keys() == row_tables.keys()
    for name in bulk_tables:
        assert bulk_tables[name] == row_tables[name], name
    assert len(bulk_tables["firm"]) == 41 and len(bulk_tables["fiscal_year"]) == 82


def statements_of_an_import(tmp_path, template_db, monkeypatch, firms: int) -> int:
    """The statements an import of `firms` new firms (and the stored firm's rows) runs:
    peewee's execute_sql calls plus one per bulk write of a table."""
    path = realistic_workbook(tmp_path / f"t{firms}.xlsx", firms)
    counted = {"statements": 0}
    with open_workspace(tmp_path, template_db, f"count{firms}") as workspace, \
            monkeypatch.context() as patch:
        stored_firm(workspace)
        handle = workspace.context.database.handle
        execute_sql, write = handle.execute_sql, bulk._write

        def counting_execute(*args, **kwargs):
            counted["statements"] += 1
            return execute_sql(*args, **kwargs)

        def counting_write(*args, **kwargs):
            counted["statements"] += 1
            return write(*args, **kwargs)
        patch.setattr(handle, "execute_sql", counting_execute)
        patch.setattr(bulk, "_write", counting_write)
        result = workspace.transfer.import_workbook(path)
        assert result.committed and result.created == firms + 6
    return counted["statements"]


def test_statements_of_an_import_of_new_firms_do_not_grow_with_the_rows(tmp_path, template_db,
                                                                        monkeypatch):
    few = statements_of_an_import(tmp_path, template_db, monkeypatch, 30)
    many = statements_of_an_import(tmp_path, template_db, monkeypatch, 600)
    # The stored firm's rows (an update, a market position, an evidence item) go through the
    # services and cost a few dozen statements; the new firms a fixed handful.
    assert many == few < 120, (few, many)
