"""Every new change-log entry names the firm and application it belongs to, and what wrote it,
so a history can list it after its record is gone."""
import dataclasses
from datetime import date

from desktop.domain import records as r
from desktop.domain.enums import Decision, Tier


def owners(workspace, table: str) -> set[tuple]:
    """(firm_id, application_id, origin) of every entry of a table."""
    return set(workspace.context.database.handle.execute_sql(
        'SELECT firm_id, application_id, origin FROM change_log WHERE "table" = ?',
        (table,)).fetchall())


def test_each_table_names_its_firm_and_application(workspace, firm, tmp_path):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF")
    workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "1"})
    workspace.financials.set_market_position_from(firm.id, {"year": 2025, "scope": "domestic"})
    workspace.financials.set_assessment_from(firm.id, {"year": 2025, "digital_level": 2})
    item = workspace.evidence.add(workspace.evidence.parse(firm.id, {
        "kind": "invention_patent", "title": "专利"}), (pdf,))
    workspace.evidence.detach(item.attachments[0].id)
    application = workspace.applications.create(r.Application(
        firm_id=firm.id, tier=Tier.SPECIALIZED, assessment_date=date(2026, 6, 30)))
    workspace.applications.decide(application.id, "G6", Decision.PASS, "说明")
    workspace.applications.clear_decision(application.id, "G6")
    workspace.batches.create_from({"name": "2026年第八批", "tier": 3})
    for table in ("firm", "fiscal_year", "market_position", "annual_assessment",
                  "evidence_item", "attachment"):
        assert owners(workspace, table) == {(firm.id, None, "")}, table
    assert owners(workspace, "application") == {(firm.id, application.id, "")}
    assert owners(workspace, "manual_decision") == {(firm.id, application.id, "")}
    assert owners(workspace, "batch") == {(None, None, "")}


def test_a_deleted_record_keeps_its_owner(workspace, firm):
    workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "1"})
    workspace.financials.clear_year(firm.id, 2025)
    workspace.firms.delete(firm.id)
    assert owners(workspace, "fiscal_year") == {(firm.id, None, "")}
    assert owners(workspace, "firm") == {(firm.id, None, "")}


def test_the_origin_of_the_context_is_recorded(workspace, firm):
    workspace.context.origin = "package"
    try:
        workspace.firms.update(dataclasses.replace(firm, notes="来自数据包"))
    finally:
        workspace.context.origin = ""
    rows = workspace.context.database.handle.execute_sql(
        "SELECT field, origin FROM change_log WHERE action = 'update'").fetchall()
    assert rows == [("notes", "package")]
