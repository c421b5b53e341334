"""The bulk write path's own derivations: one change-log entry per record naming its firm and
application."""
from datetime import date
from decimal import Decimal

import pytest

from desktop.db import bulk
from desktop.domain import records as r
from desktop.domain.enums import EvidenceKind, MarketScope, Tier
from desktop.services.bulk import BulkService, FirmBundle

from ..conftest import NOW, make_uscc

def test_the_change_log_names_each_bulk_records_firm_and_application(workspace):
    service = BulkService(workspace.context, workspace.firms)
    [batch_id] = service.add_batches([r.Batch(name="第一批", tier=Tier.SPECIALIZED)], "seed")
    bundles = [FirmBundle(
        firm=r.Firm(uscc=make_uscc(org=f"MA1MABC{number}0"), name=f"苏州精测{number}号科技有限公司",
                    region_code="320583"),
        fiscal_years=(r.FiscalYear(firm_id=0, year=2024, operating_revenue=Decimal("100")),
                      r.FiscalYear(firm_id=0, year=2025, operating_revenue=Decimal("120"))),
        market_positions=(r.MarketPosition(firm_id=0, year=2025, scope=MarketScope.DOMESTIC),),
        assessments=(r.AnnualAssessment(firm_id=0, year=2025, digital_level=2),),
        evidence=(r.EvidenceItem(firm_id=0, kind=EvidenceKind.INVENTION_PATENT, title="专利"),),
        applications=(r.Application(firm_id=0, tier=Tier.SPECIALIZED, batch_id=batch_id,
                                    assessment_date=date(2026, 6, 30)),))
        for number in range(3)]
    firm_ids = service.add_firms(bundles, origin="seed")
    rows = workspace.context.database.handle.execute_sql(
        'SELECT "table", record_id, action, field, firm_id, application_id, origin, who, at'
        ' FROM change_log ORDER BY id').fetchall()
    assert [row[0] for row in rows] == ["batch"] + ["firm"] * 3 + ["fiscal_year"] * 6 + [
        "market_position"] * 3 + ["annual_assessment"] * 3 + ["evidence_item"] * 3 + [
        "application"] * 3
    assert {row[2:4] + row[6:8] for row in rows} == {("create", "", "seed", "tester")}
    assert rows[0][4:6] == (None, None)
    assert [(row[1], row[4], row[5]) for row in rows[1:4]] == [(i, i, None) for i in firm_ids]
    years = workspace.context.database.handle.execute_sql(
        "SELECT id, firm_id FROM fiscal_year ORDER BY id").fetchall()
    assert [(row[1], row[4]) for row in rows[4:10]] == years
    applications = workspace.context.database.handle.execute_sql(
        "SELECT id, firm_id, id FROM application ORDER BY id").fetchall()
    assert [row[1:2] + row[4:6] for row in rows[-3:]] == applications
    assert all(row[8] == rows[0][8] for row in rows)   # one moment for the whole write
    assert rows[0][8].startswith(NOW.isoformat(" ")[:19])
    history = workspace.history.for_firm(firm_ids[0])
    assert history and {entry.change.origin for entry in history} == {"seed"}


def test_the_change_log_takes_the_ids_an_insert_returned(workspace):
    with workspace.context.database.transaction(), pytest.raises(ValueError):
        bulk.log_created("firm", [1, 3], NOW, "tester", "bulk")


def test_owned_records_can_be_written_for_firms_given_apart(workspace):
    firm = r.Firm(uscc=make_uscc(org="MA1MABCX0"), name="苏州精测科技有限公司", region_code="320583")
    with workspace.context.database.transaction():
        [firm_id] = bulk.insert_firms([firm], NOW)
        bulk.insert_fiscal_years([r.FiscalYear(firm_id=0, year=2025, net_profit=Decimal("-1.5"),
                                               employee_count=12)], [firm_id])
    [year] = workspace.financials.years(firm_id)
    assert (year.firm_id, year.net_profit, year.employee_count) == (firm_id, Decimal("-1.5"), 12)
    assert workspace.firms.get(firm_id).created_at is not None


def test_rows_written_many_to_a_statement_each_pass_the_tables_triggers(workspace):
    # More firms than one statement holds: the rows go in several statements, each row still
    # passing the tables' triggers (search index, data versions, the firm's latest year).
    service = BulkService(workspace.context, workspace.firms)
    bundles = [FirmBundle(
        firm=r.Firm(uscc=make_uscc(org=f"MA{number:06d}X"), name=f"精测{number}号科技有限公司",
                    region_code="320583"),
        fiscal_years=(r.FiscalYear(firm_id=0, year=2024, operating_revenue=Decimal(number)),
                      r.FiscalYear(firm_id=0, year=2025, operating_revenue=Decimal(number + 1))))
        for number in range(1500)]
    firm_ids = service.add_firms(bundles)
    handle = workspace.context.database.handle
    handle.execute_sql("INSERT INTO firm_search(firm_search) VALUES ('integrity-check')")
    rows = handle.execute_sql(
        "SELECT id, uscc, last_year, last_revenue, data_version FROM firm ORDER BY id").fetchall()
    assert [row[0] for row in rows] == firm_ids and len(rows) == 1500
    assert [row[1] for row in rows] == [bundle.firm.uscc for bundle in bundles]
    assert {row[2] for row in rows} == {2025}
    assert [row[3] for row in rows[:2]] == [1_000_000, 2_000_000]   # 万元 × 10^6
    versions = [row[4] for row in rows]
    assert len(set(versions)) == 1500 and versions == sorted(versions)
    assert [firm.id for firm in workspace.firms.list("精测1499号")] == [firm_ids[-1]]
    assert [firm.id for firm in workspace.firms.list("jc1234h")] == [firm_ids[1234]]
