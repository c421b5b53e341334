"""The firm list's search, filters and order; evidence due; the dashboard; undo of deletes."""
import dataclasses
import random
import sqlite3
from datetime import date

import pytest

from desktop.domain import records as r
from desktop.domain.enums import Tier
from desktop.domain.errors import Conflict
from desktop.domain.records import FirmQuery
from tests.conftest import make_uscc, snapshot


@pytest.fixture
def firms(workspace):
    ws = workspace
    made = [ws.firms.create_from({"uscc": make_uscc(region, org), "name": name,
                                  "region_code": region, "industry_code": industry})
            for region, org, name, industry in (
                ("110108", "MA01ABCDE", "北京星辰科技有限公司", "I6513"),
                ("320583", "MA1MABCDE", "昆山精密模具有限公司", "C3525"),
                ("320505", "MA1MBCDEF", "苏州精测传感科技有限公司", "C4021"))]
    ws.financials.set_year_from(made[1].id, {"year": 2025, "operating_revenue": "3300"})
    ws.financials.set_year_from(made[2].id, {"year": 2025, "operating_revenue": "1800"})
    return made


def names(workspace, **query):
    return [f.name for f in workspace.firms.query(FirmQuery(**query))]


def test_search_by_pinyin_initials_name_or_code(workspace, firms):
    assert names(workspace, text="bjxc") == ["北京星辰科技有限公司"]
    assert names(workspace, text="JM") == ["昆山精密模具有限公司"]   # initials, any case
    assert names(workspace, text="精") == ["昆山精密模具有限公司", "苏州精测传感科技有限公司"]
    assert names(workspace, text="110108") == ["北京星辰科技有限公司"]


def test_filters_and_order(workspace, firms):
    assert names(workspace, region_prefix="32") == ["昆山精密模具有限公司", "苏州精测传感科技有限公司"]
    assert names(workspace, industry_prefix="i") == ["北京星辰科技有限公司"]
    assert names(workspace, order_by="last_revenue", descending=True) == [
        "昆山精密模具有限公司", "苏州精测传感科技有限公司", "北京星辰科技有限公司"]  # unknown last
    assert workspace.firms.count(spec=FirmQuery(region_prefix="32")) == 2
    page = workspace.firms.query(FirmQuery(), limit=2, offset=2)
    assert [f.name for f in page] == ["苏州精测传感科技有限公司"]


def test_a_deleted_firm_comes_back_whole_with_its_ids(workspace, firms, tmp_path):
    firm = firms[2]
    certificate = tmp_path / "cert.pdf"
    certificate.write_bytes(b"%PDF-1.4")
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, {
        "kind": "invention_patent", "title": "专利"}), (certificate,))
    application = workspace.applications.create(r.Application(firm_id=firm.id, tier=Tier.INNOVATIVE))
    before = snapshot(workspace)
    taken = workspace.firms.delete(firm.id)
    assert names(workspace, text="苏州") == []
    restored = workspace.firms.restore(taken)
    assert restored.id == firm.id
    after = snapshot(workspace)
    # ... with a new data version: a verdict cached for the firm before is not reused
    columns = [c.name for c in workspace.context.database.handle.get_columns("firm")]
    version = columns.index("data_version")
    for table in ("firm", "fiscal_year", "evidence_item", "attachment", "application",
                  "status_change"):
        if table == "firm":
            assert [row[version] for row in after[table]] != [
                row[version] for row in before[table]]
            before[table], after[table] = [
                [row[:version] + row[version + 1:] for row in rows]
                for rows in (before[table], after[table])]
        assert after[table] == before[table], table
    assert workspace.evidence.get(item.id).attachments[0].sha256 == item.attachments[0].sha256
    assert workspace.applications.get(application.id).status == application.status
    with pytest.raises(Conflict):
        workspace.firms.restore(taken)


def test_a_removed_evidence_item_comes_back(workspace, firms):
    item = workspace.evidence.add(workspace.evidence.parse(firms[0].id, {
        "kind": "title", "subtype": "high_tech_enterprise", "title": "高新技术企业",
        "granted_date": "2024-12-01", "valid_until": "2027-11-30"}))
    removed = workspace.evidence.remove(item.id)
    assert workspace.evidence.restore(removed) == item


def test_evidence_due_lists_expiring_and_expired_items_soonest_first(workspace, firms):
    for title, until in (("ISO 9001", "2027-01-15"), ("高企证书", "2026-10-01"), ("远期", "2030-01-01")):
        workspace.evidence.add(workspace.evidence.parse(firms[1].id, {
            "kind": "management_certification", "title": title, "valid_until": until}))
    due = workspace.evidence.due(90)
    assert [(d.item.title, d.days_left) for d in due] == [("高企证书", -57), ("ISO 9001", 49)]
    assert due[0].firm_name == "昆山精密模具有限公司" and due[0].firm_id == firms[1].id
    workspace.firms.set_archived(firms[1].id)
    assert workspace.evidence.due(90) == []


def test_dashboard_counts(workspace, firms):
    batch = workspace.batches.create_from({"name": "2026年第八批", "tier": 3})
    workspace.applications.create(r.Application(firm_id=firms[0].id, tier=Tier.LITTLE_GIANT,
                                                batch_id=batch.id, assessment_date=date(2026, 5, 1)))
    figures = workspace.dashboard.figures()
    assert figures.applications == {("2026年第八批", 3): {"draft": 1}}
    assert figures.verdicts == {("2026年第八批", 3): {"fail": 1}}
    assert dict(figures.firms_by_province) == {"江苏省": 2, "北京市": 1}
    assert dict(figures.firms_by_industry) == {"C 制造业": 2, "I 信息传输、软件和信息技术服务业": 1}


def test_only_the_given_ids(workspace, firms):
    ids = frozenset({firms[0].id, firms[2].id})
    assert names(workspace, ids=ids) == ["北京星辰科技有限公司", "苏州精测传感科技有限公司"]
    assert names(workspace, ids=ids, region_prefix="32") == ["苏州精测传感科技有限公司"]
    assert workspace.firms.count(spec=FirmQuery(ids=ids)) == 2
    assert names(workspace, ids=frozenset()) == []
    assert workspace.firms.count(spec=FirmQuery(ids=frozenset())) == 0
    assert workspace.firms.count(spec=FirmQuery(ids=frozenset({999_999}))) == 0


@pytest.fixture
def many(workspace):
    """1,500 firms written in one transaction (validation is the slow part, not the rows)."""
    with workspace.context.database.transaction():
        return [workspace.firms.create_from({
            "uscc": make_uscc("320583", f"MA{index:07d}"), "name": f"测试企业{index:04d}有限公司",
            "region_code": "320583", "industry_code": "C3985"}).id for index in range(1500)]


def test_more_ids_than_sqlite_takes_as_parameters(workspace, many):
    every_other = frozenset(many[::2]) | {10_000_000}       # 751 ids: one is no firm
    odd = frozenset(many[1::2])
    most = frozenset(many[:1200])                          # beyond 999 parameters
    assert workspace.firms.count(spec=FirmQuery(ids=most)) == 1200
    page = workspace.firms.query(FirmQuery(ids=most), limit=100, offset=1150)
    assert [s.name for s in page] == [f"测试企业{i:04d}有限公司" for i in range(1150, 1200)]
    by_revenue = workspace.firms.query(FirmQuery(ids=most, order_by="last_revenue"))
    assert {s.id for s in by_revenue} == most
    # another large set on the same connection replaces the first, and back again
    assert workspace.firms.count(spec=FirmQuery(ids=frozenset(many))) == 1500
    assert workspace.firms.count(spec=FirmQuery(ids=most, text="测试企业11")) == 100
    assert workspace.firms.count(spec=FirmQuery(ids=every_other)) == 750
    assert {s.id for s in workspace.firms.query(FirmQuery(ids=odd))} == odd
    assert workspace.firms.count(spec=FirmQuery(ids=frozenset(range(20_000_000, 20_002_000)))) == 0
    # a firm gone from the database is gone from the filtered list too
    workspace.firms.delete(many[0])
    assert workspace.firms.count(spec=FirmQuery(ids=most)) == 1199


def test_a_long_id_filter_survives_a_rolled_back_transaction(workspace, many):
    most, rest = frozenset(many[:1000]), frozenset(many[500:])
    with pytest.raises(RuntimeError), workspace.context.database.transaction():
        assert workspace.firms.count(spec=FirmQuery(ids=most)) == 1000   # fills the table
        raise RuntimeError("refused")                                   # … and undoes it
    assert workspace.firms.count(spec=FirmQuery(ids=most)) == 1000
    assert workspace.firms.count(spec=FirmQuery(ids=rest)) == 1000


def test_an_order_given_by_ids_pages_in_the_database(workspace, many):
    # as strict as the strictest SQLite builds: 999 parameters per statement at most
    workspace.context.database.handle.connection().setlimit(
        sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
    shuffled = list(many)
    random.Random(7).shuffle(shuffled)
    order = tuple(shuffled[:1200])                         # beyond 999 parameters: TEMP table
    spec = FirmQuery(order_ids=order, order_by="verdict")  # order_by: only a label here
    assert workspace.firms.count(spec=spec) == 1500        # an order never limits the rows
    assert [s.id for s in workspace.firms.query(spec, limit=100, offset=1100)] == list(order[1100:])
    rest = sorted(set(many) - set(order))                  # the firms not in it: last, by id
    assert [s.id for s in workspace.firms.query(spec, limit=400, offset=1100)] == [
        *order[1100:], *rest]
    assert [s.id for s in workspace.firms.query(spec)] == [*order, *rest]      # no limit
    assert len(workspace.firms.query(FirmQuery(), limit=1200)) == 1200   # pages in parts
    backwards = dataclasses.replace(spec, descending=True)
    assert [s.id for s in workspace.firms.query(backwards, limit=1200)] == list(order[::-1])
    # with an id filter: filter, then order (both sets in TEMP tables of the one connection)
    most = frozenset(many[:1000])
    both = dataclasses.replace(spec, ids=most)
    assert workspace.firms.count(spec=both) == 1000
    expected = [i for i in order if i in most] + [i for i in rest if i in most]
    assert [s.id for s in workspace.firms.query(both, limit=200, offset=800)] == expected[800:]
    # a short order with a long inline id filter: no statement beyond the parameter limit
    few = dataclasses.replace(spec, order_ids=tuple(many[899::-1][:300]),
                              ids=frozenset(many[:900]))
    assert [s.id for s in workspace.firms.query(few, limit=5)] == list(many[899:894:-1])
    short = FirmQuery(order_ids=(many[2], many[0], many[2]), text="测试企业000")  # inline CASE
    assert [s.id for s in workspace.firms.query(short)] == [many[2], many[0], *many[1:2],
                                                             *many[3:10]]
    assert [s.id for s in workspace.firms.query(FirmQuery(order_ids=()), limit=3)] == many[:3]
    # the loaded order survives a rolled-back transaction and follows a new order
    with pytest.raises(RuntimeError), workspace.context.database.transaction():
        assert len(workspace.firms.query(spec, limit=10)) == 10
        raise RuntimeError("refused")
    assert [s.id for s in workspace.firms.query(spec, limit=3)] == list(order[:3])
    other = tuple(reversed(many))
    assert [s.id for s in workspace.firms.query(FirmQuery(order_ids=other), limit=3)] == \
        list(other[:3])
