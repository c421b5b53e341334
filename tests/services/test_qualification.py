"""Qualification through the service: facts come from the database, verdicts follow every
change, applications carry their date, kind, scores and manual decisions."""
import dataclasses
from datetime import date

import pytest

from desktop.domain import records as r
from desktop.domain.enums import ApplicationKind, Decision, Tier
from desktop.domain.verdicts import Outcome, TierOutcome
from tests.conftest import make_uscc


@pytest.fixture
def giant(workspace):
    """A firm meant to pass tier 3 (2026) on every numeric criterion."""
    ws = workspace
    firm = ws.firms.create_from({
        "uscc": make_uscc(), "name": "宁波恒岳精密轴承有限公司", "region_code": "330212",
        "industry_code": "C3451", "niche_entry_date": "2012-01-01",
        "leading_product_field": "core_basic_parts", "strategic_emerging": "yes",
        "own_brand": "yes", "on_abnormal_operations_list": "no",
        "on_serious_dishonesty_list": "no"})
    for year, revenue, rd in ((2023, "9800", "450"), (2024, "11200", "560"), (2025, "12600", "690")):
        ws.financials.set_year_from(firm.id, {
            "year": year, "operating_revenue": revenue,
            "main_business_revenue": str(int(revenue) * 96 // 100), "rd_expense": rd,
            "total_assets": "15800", "total_liabilities": "7270", "net_profit": "1300",
            "employee_count": 420, "rd_staff_count": 80, "equity_financing": "0"})
    for n in range(5):
        ws.evidence.add(ws.evidence.parse(firm.id, {
            "kind": "invention_patent", "title": f"专利{n}", "number": f"ZL20191000000{n}.1",
            "granted_date": "2020-03-01", "related_to_leading_product": True,
            "acquisition": "self_developed", "holder_rank": 1}))
    ws.evidence.add(ws.evidence.parse(firm.id, {
        "kind": "title", "subtype": "specialized_sme", "title": "浙江省专精特新中小企业",
        "level": "provincial", "granted_date": "2023-12-01", "valid_until": "2026-12-01"}))
    ws.financials.set_market_position_from(firm.id, {"year": 2025, "scope": "domestic",
                                                     "share_percent": "14.2", "rank": 2})
    ws.financials.set_assessment_from(firm.id, {"year": 2026, "platform_score": "72.5"})
    return firm


def outcomes(verdict):
    return {c.id: c.outcome for c in verdict.criteria}


def test_a_firm_passing_every_number_waits_only_for_manual_decisions(workspace, giant):
    [tier3] = workspace.qualification.evaluate_firm(giant.id, 2026, tiers=(3,)).tiers
    assert tier3.rulebook == "2026" and tier3.outcome is TierOutcome.PENDING
    manual = {cid for cid, outcome in outcomes(tier3).items() if outcome is Outcome.MANUAL}
    assert manual == {"G4.applied", "G5.renown", "G6"}
    assert all(o is Outcome.PASS for cid, o in outcomes(tier3).items() if cid not in manual)


def test_the_verdict_follows_every_change_of_the_data(workspace, giant):
    before = outcomes(workspace.qualification.evaluate_firm(giant.id, 2026, tiers=(3,)).tiers[0])
    assert before["G3.rd_intensity"] is Outcome.PASS
    figures = workspace.financials.year(giant.id, 2024)
    workspace.financials.set_year(dataclasses.replace(figures, rd_expense=figures.operating_revenue * 3 / 100 - 1))
    after = workspace.qualification.evaluate_firm(giant.id, 2026, tiers=(3,)).tiers[0]
    assert outcomes(after)["G3.rd_intensity"] is Outcome.FAIL
    assert after.outcome is TierOutcome.FAIL
    workspace.financials.clear_year(giant.id, 2024)
    again = workspace.qualification.evaluate_firm(giant.id, 2026, tiers=(3,)).tiers[0]
    assert outcomes(again)["G3.rd_intensity"] is Outcome.MISSING
    assert again.outcome is TierOutcome.INCOMPLETE


def test_an_application_counts_its_manual_decisions_and_score(workspace, giant):
    application = workspace.applications.create(r.Application(
        firm_id=giant.id, tier=Tier.LITTLE_GIANT, assessment_date=date(2026, 5, 12),
        platform_score=59))
    verdict = workspace.qualification.evaluate_application(application.id)
    assert outcomes(verdict)["G7"] is Outcome.FAIL  # the application's own score wins
    workspace.applications.update(dataclasses.replace(application, platform_score=72))
    for criterion in ("G4.applied", "G5.renown", "G6"):
        workspace.applications.decide(application.id, criterion, Decision.PASS, "经核实")
    verdict = workspace.qualification.evaluate_application(application.id)
    assert verdict.outcome is TierOutcome.PASS
    assert {c.decided_by for c in verdict.criteria if c.id == "G6"} == {"tester"}


def test_a_2026_re_review_is_judged_by_the_2022_rules(workspace, giant):
    application = workspace.applications.create(r.Application(
        firm_id=giant.id, tier=Tier.LITTLE_GIANT, kind=ApplicationKind.REVIEW,
        assessment_date=date(2026, 5, 12)))
    verdict = workspace.qualification.evaluate_application(application.id)
    assert verdict.rulebook == "2022"
    assert "Z.share" in outcomes(verdict)


def test_batch_evaluation_reports_progress_and_can_be_cancelled(workspace, giant, monkeypatch):
    from desktop.services import application_verdicts

    batch = workspace.batches.create_from({"name": "2026年第八批", "tier": 3})
    other = workspace.firms.create_from({"uscc": make_uscc("440305", "MA5ABCDEF"), "name": "乙"})
    for firm in (giant, other):
        workspace.applications.create(r.Application(firm_id=firm.id, tier=Tier.LITTLE_GIANT,
                                                    batch_id=batch.id))
    seen = []
    results = workspace.qualification.evaluate_batch(batch.id, lambda done, total: seen.append((done, total)))
    assert seen == [(2, 2)] and len(results) == 2
    empty = outcomes(results[1][1])  # 乙 has no figures and no title
    assert empty["G2.revenue"] is Outcome.MISSING and empty["G1.title"] is Outcome.FAIL
    monkeypatch.setattr(application_verdicts, "CHUNK", 1)
    cancelled = workspace.qualification.evaluate_batch(batch.id, lambda done, total: False)
    assert [application.firm_id for application, _ in cancelled] == [giant.id]


def test_the_size_class_is_reported(workspace, giant):
    assert workspace.qualification.evaluate_firm(giant.id, 2026).size_class == "medium"
