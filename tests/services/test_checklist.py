"""The completeness checklist: the criteria an application still misses and the documents its
tier asks for (audited reports of the data years, the lower tier's title, the market-share
statement of a little giant)."""
import shutil
from datetime import date

import pytest

from desktop.domain import records as r
from desktop.domain.enums import ApplicationKind, EvidenceKind, Tier
from desktop.domain.messages import render
from desktop.services.checklist import build, checklist, data_years
from desktop.services.demo import load_demo


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory, template_db):
    from desktop.paths import AppPaths
    from desktop.services.workspace import Workspace
    from tests.conftest import NOW, TODAY

    data_dir = tmp_path_factory.mktemp("checklist")
    shutil.copy(template_db, data_dir / "srdi.db")
    with Workspace.open(AppPaths.resolve(data_dir=data_dir), user="tester", now=lambda: NOW,
                        today=lambda: TODAY) as workspace:
        load_demo(workspace)
        yield workspace


def application_of(workspace, uscc, tier):
    firm = workspace.firms.get_by_uscc(uscc)
    return next(a for a in workspace.applications.for_firm(firm.id) if a.tier == tier)


def texts(items):
    return [render(item.message) for item in items]


def test_data_years_follow_tier_and_rulebook():
    assert data_years(3, 2026, "2026") == (2023, 2024, 2025)
    assert data_years(2, 2026, "2026") == (2024, 2025)
    assert data_years(2, 2025, "2022") == (2022, 2023, 2024)
    assert data_years(1, 2026, "2022") == (2024, 2025)


def test_firm_a_misses_the_rd_amount_and_the_manual_decisions(demo_ws):
    application = application_of(demo_ws, "91320505246682363J", 2)
    result = checklist(demo_ws, application.id)
    missing = result.missing
    assert [item.criterion_id for item in missing] == ["S3.rd_amount", "S4.applied", "S5"]
    assert render(missing[0].message) == "R&D expense (10k CNY) of 2024 needs +5"
    documents = [item for item in result.items if item.kind == "document"]
    assert texts(documents) == [
        "audited financial report for 2024", "audited financial report for 2025",
        "Innovative SME title / Technology-based and innovative SME title / "
        "Technology-based SME registration, valid on 2026-07-15"]
    assert all(item.done for item in documents)
    assert "2024年度审计报告" in render(documents[0].details[0])


def test_a_missing_audited_report_is_listed(demo_ws):
    application = application_of(demo_ws, "91320612958563549T", 2)  # only the 2024 report
    missing = checklist(demo_ws, application.id).missing
    assert "audited financial report for 2025" in texts(missing)
    assert "audited financial report for 2024" not in texts(missing)
    assert render(next(i for i in missing if i.kind == "document").details[0]) == "not on file yet"


def test_a_little_giant_needs_three_reports_the_tier_2_title_and_a_share_statement(demo_ws):
    application = application_of(demo_ws, "913302127578401750", 3)  # only the 2025 report
    result = checklist(demo_ws, application.id)
    documents = {render(i.message): i.done for i in result.items if i.kind == "document"}
    assert documents == {
        "audited financial report for 2023": False, "audited financial report for 2024": False,
        "audited financial report for 2025": True,
        "Specialised and innovative SME title, valid on 2026-05-12": True,
        "the firm's own market-share statement for the leading product (niche, market size, "
        "share and rank)": True}


def test_a_re_review_needs_the_title_under_review_valid_on_the_assessment_date(demo_ws):
    application = application_of(demo_ws, "91330424881221363F", 1)  # title ended 2025-10-15
    missing = checklist(demo_ws, application.id).missing
    assert any(item.message.code == "checklist.title_held" for item in missing)


def test_direct_routes_and_scored_indicators_are_alternatives_not_requirements(demo_ws):
    application = application_of(demo_ws, "914413024210764259", 1)  # tier 1, 65 points
    result = checklist(demo_ws, application.id)
    optional = {item.criterion_id for item in result.items if item.optional}
    assert {"D1", "D2", "D3", "D4", "T1.ip"} <= optional
    assert [item.criterion_id for item in result.missing if item.kind == "criterion"] == ["score"]
    assert render(result.missing[0].message, "zh_CN") == "创新能力距最低分 20 分还差 15 分"


def test_a_report_without_a_year_in_its_title_counts_for_the_year_before_its_issue(demo_ws):
    application = r.Application(firm_id=1, tier=Tier.SPECIALIZED, kind=ApplicationKind.NEW,
                                assessment_date=date(2026, 6, 1), id=99)
    verdict = demo_ws.qualification.evaluate_application(
        application_of(demo_ws, "91320505246682363J", 2).id)
    reports = [r.EvidenceItem(firm_id=1, kind=EvidenceKind.AUDITED_REPORT, title="审计报告",
                              granted_date=date(2025, 4, 1), id=1)]
    result = build(application, reports, verdict)
    done = {render(i.message): i.done for i in result.items if i.kind == "document"}
    assert done["audited financial report for 2024"] is True
    assert done["audited financial report for 2025"] is False
