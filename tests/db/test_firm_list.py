"""The firm list at scale: the trigram search keeps the LIKE search's results, a page is one
statement whatever its size, and `firm.data_version` moves with every fact a verdict reads."""
import contextlib

import pytest

from desktop.db import firms as firm_rows
from desktop.db.models import Firm, database_proxy
from desktop.domain.records import FirmQuery
from tests.conftest import make_uscc

NAMES = ("北京星辰科技有限公司", "昆山精密模具有限公司", "苏州精测传感科技有限公司",
         '上海"星号"*精密AND仪器有限公司', "深圳100%_达标电子有限公司", "ÉCOLE 精密 Instruments")


@pytest.fixture
def listed(workspace):
    ws = workspace
    made = [ws.firms.create_from({"uscc": make_uscc(region, f"MA1M{index:04d}X"), "name": name,
                                  "name_en": "Star Tech" if index == 0 else "",
                                  "region_code": region, "industry_code": "C3525"})
            for index, (region, name) in enumerate(zip(
                ("110108", "320583", "320505", "310115", "440300", "320583"), NAMES))]
    ws.financials.set_year_from(made[1].id, {"year": 2024, "operating_revenue": "3000"})
    ws.financials.set_year_from(made[1].id, {"year": 2025, "operating_revenue": "3300"})
    archived = ws.firms.create_from({"uscc": make_uscc("320583", "MA1MYYYYY"),
                                     "name": "昆山归档精密有限公司", "region_code": "320583"})
    ws.firms.set_archived(archived.id, True)
    return made + [archived]


def like_only(spec):
    """The firms the plain LIKE search (the behaviour before the index) finds."""
    text = spec.text.strip()
    query = Firm.select(Firm.name).where(firm_rows._like(text)).order_by(Firm.name, Firm.id)
    if spec.archived_only:
        query = query.where(Firm.archived == True)  # noqa: E712
    elif not spec.include_archived:
        query = query.where(Firm.archived == False)  # noqa: E712
    return [row.name for row in query]


def found(spec):
    return [summary.name for summary in firm_rows.summaries(spec)]


@pytest.mark.parametrize("text", [
    "星辰科技", "精密模", "精测传感", "星辰", "精", "科技有限",   # Chinese substrings, short and long
    "bjxc", "KSJM", "jm", "szjccg",                             # pinyin initials, any case
    "0108MA1M", "110108", "ma1m0002",                           # part of a USCC, any case
    "star tech", "Star", "TECH",                                # English name
    '"星号"', '"', '""', "*", "*精密", "AND", "精密AND", "OR 1", "NEAR(", "^上海", "name:星",
    "%", "100%", "%_达", "_", "Instruments", "école", "ÉCOLE", "精密 In", "无此企业", "有限公司"])
def test_the_indexed_search_finds_what_like_finds(listed, monkeypatch, text):
    for few in (firm_rows.FEW, 0):   # pages sorted from the index hits, or by the name index
        monkeypatch.setattr(firm_rows, "FEW", few)
        for spec in (FirmQuery(text=text), FirmQuery(text=text, include_archived=True),
                     FirmQuery(text=text, archived_only=True)):
            assert found(spec) == like_only(spec), spec


def test_search_cases_by_what_the_user_sees(listed):
    assert found(FirmQuery(text="星辰科技")) == ["北京星辰科技有限公司"]
    assert found(FirmQuery(text="星辰")) == ["北京星辰科技有限公司"]      # 2 characters: LIKE
    assert found(FirmQuery(text="szjccg")) == ["苏州精测传感科技有限公司"]
    assert found(FirmQuery(text=" 0108ma1m ")) == ["北京星辰科技有限公司"]
    assert found(FirmQuery(text='"星号"*精密AND')) == ['上海"星号"*精密AND仪器有限公司']
    assert found(FirmQuery(text="100%_")) == ["深圳100%_达标电子有限公司"]
    assert found(FirmQuery(text="0%X")) == []                       # % is a character, not a wildcard
    assert found(FirmQuery(text="ÉCOLE")) == ["ÉCOLE 精密 Instruments"]
    assert found(FirmQuery(text="归档精密")) == []
    assert found(FirmQuery(text="归档精密", include_archived=True)) == ["昆山归档精密有限公司"]
    assert found(FirmQuery(text="精密", archived_only=True)) == ["昆山归档精密有限公司"]
    assert firm_rows.count(FirmQuery(text="精密", include_archived=True)) == 4
    assert firm_rows.count(FirmQuery(text="有限公司", include_archived=True)) == 6


def test_a_broad_text_falls_back_to_like_with_the_same_results(listed, monkeypatch):
    monkeypatch.setattr(firm_rows, "BROAD", 1)
    monkeypatch.setattr(firm_rows, "SHORT_TERMS", 1)
    for text in ("有限公司", "精密", "科技有限", "精", "有"):
        assert found(FirmQuery(text=text)) == like_only(FirmQuery(text=text))


@pytest.mark.parametrize("text", ["星辰", "精", "司", "jm", "s", "G", "X", "0", "é", "É", "\x1f"])
def test_short_text_is_found_at_the_end_of_a_value_too(listed, text):
    """Schema 6 pads the indexed values: a value's last one or two characters begin trigrams."""
    spec = FirmQuery(text=text, include_archived=True)
    assert found(spec) == like_only(spec)
    assert found(FirmQuery(text="司")) == like_only(FirmQuery(text="司")) != []
    assert found(FirmQuery(text="ts")) == ["ÉCOLE 精密 Instruments"]


def test_the_search_index_follows_renames_and_deletes(workspace, listed):
    import dataclasses

    firm = listed[0]
    workspace.firms.update(dataclasses.replace(firm, name="北京晨曦光电有限公司"))
    assert found(FirmQuery(text="星辰科技")) == []
    assert found(FirmQuery(text="晨曦光电")) == ["北京晨曦光电有限公司"]
    assert found(FirmQuery(text="bjcxgd")) == ["北京晨曦光电有限公司"]
    workspace.firms.delete(firm.id)
    assert found(FirmQuery(text="晨曦光电")) == []
    integrity = database_proxy.execute_sql(
        "INSERT INTO firm_search (firm_search, rank) VALUES ('integrity-check', 1)")
    assert integrity is not None   # raises if the index and the firm table disagree


@contextlib.contextmanager
def statements():
    """The SQL statements run on this thread's connection meanwhile."""
    seen: list[str] = []
    connection = database_proxy.connection()
    connection.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        connection.set_trace_callback(None)


def add_firms(workspace, start, count):
    for number in range(start, start + count):
        firm = workspace.firms.create_from({"uscc": make_uscc("320583", f"MA2N{number:04d}Y"),
                                            "name": f"批量测试{number}号有限公司",
                                            "region_code": "320583"})
        workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "10"})


@pytest.mark.parametrize("spec", [
    FirmQuery(), FirmQuery(text="批量测试"), FirmQuery(text="批量"), FirmQuery(order_by="last_revenue"),
    FirmQuery(order_by="open_applications", descending=True), FirmQuery(order_ids=(3, 1, 2))])
def test_a_page_costs_the_same_statements_for_3_or_40_firms(workspace, spec):
    def run():
        with statements() as seen:
            total = firm_rows.count(spec)
            page = firm_rows.summaries(spec, limit=100)
        selects = [s for s in seen if s.lstrip().upper().startswith("SELECT")]
        return total, page, selects

    add_firms(workspace, 0, 3)
    _, small_page, small = run()
    add_firms(workspace, 3, 37)
    total, page, large = run()
    # per call: a look-up of the text's trigrams (short text) and a count of its index hits
    probes = 0 if not spec.text else 2 if len(spec.text) >= firm_rows.TRIGRAM else 4
    assert len(large) == len(small) == 2 + probes, large
    for sql in large:   # no subquery per row: the page reads the firm table (and the index)
        assert '"fiscal_year"' not in sql and '"application"' not in sql, sql
    assert len(page) == min(total, 100) and len(page) >= len(small_page)


@pytest.mark.parametrize(("text", "limit"), [
    ("批量测试", 25), ("批量测试", 50), ("批量", 25), ("pl", 25), ("无此企业", 25), ("无此", 25),
    ("", 25)])
def test_a_count_and_its_first_page_look_the_text_up_once(workspace, text, limit):
    add_firms(workspace, 0, 40)
    spec = FirmQuery(text=text)
    with statements() as seen:
        total, page = firm_rows.count_and_first_page(spec, limit)
    assert (total, page) == (firm_rows.count(spec), firm_rows.summaries(spec, limit))
    probes = 0 if not text else 1 if len(text) >= firm_rows.TRIGRAM else 2
    if firm_rows._match_expression(text) == "":
        probes = 1   # no indexed trigram begins the text: nothing more to ask the index
    counted = len(page) == limit     # a shorter first page is every firm: no count
    selects = [s for s in seen if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == probes + 1 + counted, selects


def plan(sql: str) -> str:
    return " / ".join(row[3] for row in database_proxy.execute_sql(f"EXPLAIN QUERY PLAN {sql}"))


@pytest.mark.parametrize("order_by", ["name", "uscc", "region_code", "last_revenue"])
def test_a_rare_text_is_paged_from_its_index_hits(workspace, monkeypatch, order_by):
    """A text found in few firms: the page reads those firms and sorts them (walking the order's
    index, as for a common text, would read most of a large table first). The same firms in the
    same order either way."""
    add_firms(workspace, 0, 40)
    spec = FirmQuery(text="批量测试", order_by=order_by, descending=order_by == "last_revenue")
    pages = {}
    for few in (firm_rows.FEW, 0):
        monkeypatch.setattr(firm_rows, "FEW", few)
        with statements() as seen:
            pages[few] = firm_rows.summaries(spec, 10, 5)
        page_sql = next(s for s in seen if s.startswith('SELECT "t1"."id", "t1"."uscc"'))
        if few:
            assert "USE TEMP B-TREE FOR ORDER BY" in plan(page_sql), plan(page_sql)
        elif order_by == "name":
            assert "firm_archived_name" in plan(page_sql), plan(page_sql)
    assert pages[0] == pages[firm_rows.FEW] and len(pages[0]) == 10


def test_every_fact_a_verdict_reads_moves_the_firm_data_version(workspace, listed):
    """Each write of the firm or of a row a verdict reads gives the firm a version never used
    before; other firms keep theirs."""
    firm, other = listed[1], listed[2]
    sql = database_proxy.execute_sql
    now = "2026-11-27 09:30:00"
    writes = [
        ("UPDATE firm SET notes = 'x' WHERE id = ?", (firm.id,)),
        ("INSERT INTO fiscal_year (firm_id, year, source_note) VALUES (?, 2023, '')", (firm.id,)),
        ("UPDATE fiscal_year SET rd_expense = 5 WHERE firm_id = ? AND year = 2023", (firm.id,)),
        ("DELETE FROM fiscal_year WHERE firm_id = ? AND year = 2023", (firm.id,)),
        ("INSERT INTO market_position (firm_id, year, scope, niche, source)"
         " VALUES (?, 2025, 'domestic', '', '')", (firm.id,)),
        ("UPDATE market_position SET rank = 1 WHERE firm_id = ?", (firm.id,)),
        ("INSERT INTO annual_assessment (firm_id, year, source) VALUES (?, 2025, '')", (firm.id,)),
        ("DELETE FROM annual_assessment WHERE firm_id = ?", (firm.id,)),
        ("INSERT INTO evidence_item (id, firm_id, kind, subtype, title, number, issuer, status,"
         " notes, uid) VALUES (900, ?, 'invention_patent', '', 'p', '', '', 'valid', '', 'u900')",
         (firm.id,)),
        ("INSERT INTO attachment (id, evidence_id, sha256, original_name, size, stored_path,"
         " added_at) VALUES (900, 900, ?, 'a.pdf', 1, 'p', ?)", ("a" * 64, now)),
        ("UPDATE attachment SET original_name = 'b.pdf' WHERE id = 900", ()),
        ("DELETE FROM attachment WHERE id = 900", ()),
        ("UPDATE evidence_item SET status = 'expired' WHERE id = 900", ()),
        ("INSERT INTO application (id, firm_id, tier, kind, status, reviewer_notes, created_at,"
         " updated_at, uid) VALUES (900, ?, 2, 'new', 'draft', '', ?, ?, 'a900')",
         (firm.id, now, now)),
        ("INSERT INTO manual_decision (application_id, criterion_id, decision, note, who, at)"
         " VALUES (900, 'S.quality', 'pass', '', 'zhang', ?)", (now,)),
        ("UPDATE manual_decision SET decision = 'fail' WHERE application_id = 900", ()),
        ("DELETE FROM manual_decision WHERE application_id = 900", ()),
        ("UPDATE application SET status = 'submitted' WHERE id = 900", ()),
        ("DELETE FROM application WHERE id = 900", ()),
        ("DELETE FROM evidence_item WHERE id = 900", ()),
    ]
    seen = set(firm_rows.data_versions([f.id for f in listed]).values())
    before_other = firm_rows.data_versions([other.id])
    for statement, params in writes:
        sql(statement, params)
        version = firm_rows.data_versions([firm.id])[firm.id]
        assert version not in seen, statement
        seen.add(version)
    assert firm_rows.data_versions([other.id]) == before_other
    assert firm_rows.data_versions([]) == {}
    assert firm_rows.data_versions([999_999]) == {}


def test_a_firm_that_comes_back_gets_a_new_version(workspace, listed):
    firm = listed[0]
    old = firm_rows.data_versions([firm.id])[firm.id]
    taken = workspace.firms.delete(firm.id)
    assert firm_rows.data_versions([firm.id]) == {}
    workspace.firms.restore(taken)
    assert firm_rows.data_versions([firm.id])[firm.id] > old


def test_data_versions_of_many_firms_at_once(workspace, listed):
    ids = [f.id for f in listed] * 400 + list(range(10_000, 12_000))
    versions = firm_rows.data_versions(ids)
    assert set(versions) == {f.id for f in listed}


def test_the_list_columns_follow_years_and_applications(workspace, listed):
    from desktop.domain import records as r
    from desktop.domain.enums import Tier

    firm = listed[1]

    def summary():
        return next(s for s in firm_rows.summaries() if s.id == firm.id)

    assert (summary().last_year, str(summary().last_revenue)) == (2025, "3300")
    workspace.financials.set_year_from(firm.id, {"year": 2026, "operating_revenue": None})
    assert (summary().last_year, summary().last_revenue) == (2026, None)
    database_proxy.execute_sql("DELETE FROM fiscal_year WHERE firm_id = ? AND year = 2026",
                               (firm.id,))
    assert (summary().last_year, str(summary().last_revenue)) == (2025, "3300")
    application = workspace.applications.create(r.Application(firm_id=firm.id, tier=Tier.INNOVATIVE))
    assert summary().open_applications == 1
    database_proxy.execute_sql("UPDATE application SET status = 'approved' WHERE id = ?",
                               (application.id,))
    assert summary().open_applications == 0
