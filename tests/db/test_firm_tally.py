"""The firm tally (schema 7): the count of firms by archived state, kept by triggers, equals a
real count after every kind of write, and the list's unfiltered count reads it instead of
counting the firm table."""
import dataclasses
import shutil

import pytest

from desktop.db import bulk
from desktop.db import firms as firm_rows
from desktop.db.database import Database
from desktop.domain import records as r
from desktop.domain.records import FirmQuery
from desktop.excel.atomic import Cancelled
from tests.conftest import NOW, make_uscc
from tests.db.test_firm_list import statements
from tests.db.test_migrations import OLD_SCHEMAS
from tests.excel.test_reader import make_workbook


def tally(handle) -> dict[int, int]:
    return dict(handle.execute_sql("SELECT archived, firms FROM firm_tally").fetchall())


def counted(handle) -> dict[int, int]:
    """The same figures counted from the firm table itself."""
    found = {0: 0, 1: 0}
    found.update(handle.execute_sql(
        "SELECT archived, count(*) FROM firm GROUP BY archived").fetchall())
    return found


def assert_tally_right(handle) -> dict[int, int]:
    assert tally(handle) == counted(handle)
    return tally(handle)


def new_firm(workspace, number: int):
    return workspace.firms.create_from({"uscc": make_uscc("320583", f"MA3T{number:04d}Y"),
                                        "name": f"计数测试{number}号有限公司",
                                        "region_code": "320583", "industry_code": "C4021"})


def firm_rows_workbook(path, start: int, count: int):
    return make_workbook(path, {"名单": [["企业名称", "统一社会信用代码", "行政区划代码"]] + [
        [f"导入测试{n}号有限公司", make_uscc("320583", f"MA4J{n:04d}Y"), "320583"]
        for n in range(start, start + count)]})


def test_creating_editing_archiving_restoring_and_deleting_firms(workspace):
    handle = workspace.context.database.handle
    assert assert_tally_right(handle) == {0: 0, 1: 0}
    firms = [new_firm(workspace, number) for number in range(5)]
    assert assert_tally_right(handle) == {0: 5, 1: 0}
    workspace.firms.update(dataclasses.replace(firms[0], notes="改过"))   # archived unchanged
    assert assert_tally_right(handle) == {0: 5, 1: 0}
    workspace.firms.set_archived(firms[1].id)
    workspace.firms.set_archived(firms[2].id)
    workspace.firms.set_archived(firms[2].id)        # archiving twice counts once
    assert assert_tally_right(handle) == {0: 3, 1: 2}
    workspace.firms.set_archived(firms[1].id, archived=False)   # back from the archive
    assert assert_tally_right(handle) == {0: 4, 1: 1}
    snapshot = workspace.firms.delete(firms[2].id)              # an archived firm
    workspace.firms.delete(firms[3].id)
    assert assert_tally_right(handle) == {0: 3, 1: 0}
    workspace.firms.restore(snapshot)                            # undo of the delete
    assert assert_tally_right(handle) == {0: 3, 1: 1}


def test_a_bulk_import_of_a_workbook(workspace, tmp_path):
    handle = workspace.context.database.handle
    new_firm(workspace, 0)
    result = workspace.transfer.import_workbook(firm_rows_workbook(tmp_path / "t.xlsx", 0, 30))
    assert result.committed and result.created == 30
    assert assert_tally_right(handle) == {0: 31, 1: 0}


def test_a_cancelled_import_leaves_the_tally_as_it_was(workspace, tmp_path):
    """The firms were written (and tallied) inside the import's transaction; the rollback takes
    the tally back with them."""
    handle = workspace.context.database.handle
    new_firm(workspace, 0)
    before = assert_tally_right(handle)
    inside = []

    def progress(done, total):
        inside.append(tally(handle))
        return counted(handle) == before     # cancel once the new firms are in the table
    with pytest.raises(Cancelled):
        workspace.transfer.import_workbook(firm_rows_workbook(tmp_path / "t.xlsx", 0, 30),
                                           progress=progress)
    assert inside[-1] == {0: 31, 1: 0}
    assert assert_tally_right(handle) == before


def test_multi_row_bulk_inserts_and_their_rollback(workspace):
    handle = workspace.context.database.handle
    firms = [r.Firm(uscc=make_uscc("320583", f"MA5B{n:04d}Y"), name=f"批量{n}号有限公司",
                    archived=n % 3 == 0) for n in range(40)]
    with workspace.context.database.transaction():
        bulk.insert_firms(firms[:20], NOW)
    assert assert_tally_right(handle) == {0: 13, 1: 7}
    with pytest.raises(RuntimeError), workspace.context.database.transaction():
        bulk.insert_firms(firms[20:], NOW)
        assert tally(handle) == {0: 26, 1: 14}
        raise RuntimeError("the caller gives up")
    assert assert_tally_right(handle) == {0: 13, 1: 7}


def test_loading_the_demo(workspace):
    from desktop.services.demo import load_demo

    handle = workspace.context.database.handle
    result = load_demo(workspace)
    assert result.firms > 0
    assert sum(assert_tally_right(handle).values()) == result.firms


@pytest.mark.parametrize("version", sorted(OLD_SCHEMAS))
def test_an_older_database_is_tallied_when_migrated(tmp_path, version):
    path = tmp_path / "old.db"
    shutil.copy(OLD_SCHEMAS[version], path)
    with Database.open(path) as db:
        assert sum(assert_tally_right(db.handle).values()) > 0
        assert firm_rows.count(FirmQuery(include_archived=True)) == sum(tally(db.handle).values())


def test_a_backup_from_an_older_schema_is_tallied_when_restored(workspace, tmp_path):
    handle = workspace.context.database.handle
    for number in range(7):
        new_firm(workspace, number)
    source = tmp_path / "v6.db"
    shutil.copy(OLD_SCHEMAS[6], source)
    workspace.context.database.restore_from(source)
    assert assert_tally_right(handle) == {0: 4, 1: 1}


def firm_counts(seen: list[str]) -> list[str]:
    return [sql for sql in seen if "COUNT" in sql.upper() and '"firm"' in sql]


@pytest.mark.parametrize("spec", [
    FirmQuery(), FirmQuery(include_archived=True), FirmQuery(archived_only=True),
    FirmQuery(text="   "), FirmQuery(order_by="uscc", descending=True),
    FirmQuery(order_ids=(3, 1, 2))])
def test_a_count_by_archived_state_alone_reads_the_tally(workspace, spec):
    firms = [new_firm(workspace, number) for number in range(30)]
    for firm in firms[:4]:
        workspace.firms.set_archived(firm.id)
    with statements() as seen:
        total = firm_rows.count(spec)
        first_total, page = firm_rows.count_and_first_page(spec, 3)
    assert total == first_total == len(firm_rows.summaries(spec)) and len(page) == 3
    assert firm_counts(seen) == []
    assert any('"firm_tally"' in sql for sql in seen)


@pytest.mark.parametrize("spec", [
    FirmQuery(text="计数测试1"), FirmQuery(region_prefix="3205"),
    FirmQuery(industry_prefix="C40"), FirmQuery(ids=frozenset({1, 2, 3}))])
def test_any_other_condition_is_counted(workspace, spec):
    firms = [new_firm(workspace, number) for number in range(30)]
    workspace.firms.update(dataclasses.replace(firms[5], region_code="110101",
                                               industry_code="C3984"))
    workspace.firms.set_archived(firms[1].id)
    with statements() as seen:
        total = firm_rows.count(spec)
    assert total == len(firm_rows.summaries(spec)) < 30
    assert len(firm_counts(seen)) == 1
