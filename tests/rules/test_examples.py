"""The worked examples of criteria.md §10, built from their stated inputs only.

Y = 2026, data years 2023–2025. Firm A is a small sensor maker; F1 and F2 pin the tier-1
sub-floor rule and the band-edge policy.
"""
from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal as D

import pytest

from desktop.domain import records as r
from desktop.domain.enums import (
    Acquisition, ApplicationKind, Decision, EvidenceKind, LeadingProductField, Level,
    MarketScope, SectorClass,
)
from desktop.domain.verdicts import Outcome, TierOutcome
from desktop.rules.engine import Engine
from desktop.rules.facts import facts_for

from .builders import criterion, fiscal_year, gap_text, outcomes, points

ASSESSED = date(2026, 5, 10)


def firm_a(provincial_feature_score=None):
    firm = r.Firm(uscc="91320583MA1MABCDEA", name="A 精密传感", id=1,
                  sector_class=SectorClass.INDUSTRIAL, niche_entry_date=date(2021, 12, 1),
                  leading_product_field=LeadingProductField.EMERGING_INDUSTRY,
                  strategic_emerging=True, own_brand=True, on_abnormal_operations_list=False,
                  on_serious_dishonesty_list=False)
    common = dict(total_assets=D("1000"), total_liabilities=D("480"), employee_count=85,
                  rd_staff_count=12, equity_financing=D("0"))
    years = [
        fiscal_year(2023, operating_revenue=D("1300"), main_business_revenue=D("1250"),
                    net_profit=D("104"), **common),
        fiscal_year(2024, operating_revenue=D("1500"), main_business_revenue=D("1420"),
                    rd_expense=D("95"), net_profit=D("120"), **common),
        fiscal_year(2025, operating_revenue=D("1800"), main_business_revenue=D("1700"),
                    rd_expense=D("120"), net_profit=D("144"), **common),   # margin exactly 8%
    ]
    evidence = [
        r.EvidenceItem(firm_id=1, kind=EvidenceKind.INVENTION_PATENT, title=f"传感器专利{n}",
                       number=f"ZL20201{n}", granted_date=date(2021, 3, 1),
                       related_to_leading_product=True, acquisition=Acquisition.SELF_DEVELOPED,
                       holder_rank=1, id=n) for n in (1, 2)
    ] + [
        r.EvidenceItem(firm_id=1, kind=EvidenceKind.TITLE, subtype="innovative_sme",
                       title="创新型中小企业", level=Level.PROVINCIAL, granted_date=date(2025, 3, 1),
                       valid_until=date(2028, 3, 1), id=10),
        r.EvidenceItem(firm_id=1, kind=EvidenceKind.MANAGEMENT_CERTIFICATION, title="ISO9001",
                       granted_date=date(2022, 1, 1), valid_until=date(2028, 1, 1), id=11),
        r.EvidenceItem(firm_id=1, kind=EvidenceKind.RD_INSTITUTION, title="市级工程技术研究中心",
                       level=Level.MUNICIPAL, granted_date=date(2022, 1, 1), id=12),
    ]
    decisions = [r.ManualDecision(application_id=1, criterion_id=c, decision=Decision.PASS, note="ok")
                 for c in ("S4.applied", "S5")]
    return facts_for(
        firm, 2026, ASSESSED, kind=ApplicationKind.NEW, fiscal_years=years, evidence=evidence,
        market_positions=[r.MarketPosition(firm_id=1, year=2025, scope=MarketScope.DOMESTIC,
                                           share_percent=D("3"), rank=8)],
        assessments=[r.AnnualAssessment(firm_id=1, year=2026, platform_score=D("55"),
                                        digital_level=2, info_system_count=1)],
        provincial_feature_score=provincial_feature_score, decisions=decisions)


def test_firm_a_size_gate_is_small(engine):
    size = criterion(engine.evaluate_tier(firm_a(), 2), "size")
    assert size.outcome is Outcome.PASS and size.value == "small"


def test_firm_a_tier1_scores_95(engine):
    verdict = engine.evaluate_tier(firm_a(), 1)
    assert verdict.rulebook == "2022"
    assert "art30_tier1_uses_2022_table" in verdict.interpretations
    assert {i: points(verdict, i) for i in ("T1.ip", "T1.rd_intensity", "T1.growth", "T1.debt",
                                            "T1.field", "T1.share")} == {
        "T1.ip": 15, "T1.rd_intensity": 20, "T1.growth": 20, "T1.debt": 10, "T1.field": 10,
        "T1.share": 20}
    assert verdict.group_scores == {"innovation": 35, "growth": 30, "specialization": 30}
    assert verdict.score == 95
    assert verdict.outcome is TierOutcome.PASS


def test_firm_a_fails_2026_tier2_on_the_2024_rd_amount_only(engine):
    verdict = engine.evaluate_tier(firm_a(), 2)
    assert verdict.rulebook == "2026"
    failed = {k for k, v in outcomes(verdict).items() if v is not Outcome.PASS}
    assert failed == {"S3.rd_amount"}
    assert verdict.outcome is TierOutcome.FAIL
    assert gap_text(criterion(verdict, "S3.rd_amount")) == "R&D expense (10k CNY) of 2024 needs +5"


EXPECTED_A_2022 = {
    "P1.share": 5, "P2.growth": 10, "P3.niche": 2, "P4.field": 0,            # 专业化 17
    "P5.digital": 3, "P6.quality": 5, "P7.margin": 8, "P8.debt": 5,          # 精细化 21
    "P10.ip": 8, "P11.rd": 6, "P12.rd_staff": 3, "P13.institution": 4,      # 创新能力 21
}


def test_firm_a_2022_tier2_conditions_and_indicators(engine):
    verdict = engine.evaluate_tier(firm_a(), 2, "2022")
    for condition in ("C1.niche", "C2.rd_amount", "C2.rd_intensity", "C3.revenue"):
        assert outcomes(verdict)[condition] is Outcome.PASS
    assert {i: points(verdict, i) for i in EXPECTED_A_2022} == EXPECTED_A_2022
    assert criterion(verdict, "P2.growth").value == "16.66%"     # (13.60% + 19.72%) / 2


@pytest.mark.parametrize("provincial, outcome, total", [
    pytest.param(None, TierOutcome.INCOMPLETE, 59, id="no provincial points: incomplete"),
    pytest.param("0", TierOutcome.FAIL, 59, id="provincial 0: 59 fails"),
    pytest.param("1", TierOutcome.PASS, 60, id="provincial 1: exactly 60 passes"),
    pytest.param("15", TierOutcome.PASS, 74, id="provincial 15: 74"),
])
def test_firm_a_2022_tier2_depends_on_the_provincial_points(engine, provincial, outcome, total):
    facts = firm_a(None if provincial is None else D(provincial))
    verdict = engine.evaluate_tier(facts, 2, "2022")
    assert verdict.score == total
    assert verdict.group_scores["specialization"] == 17
    assert verdict.group_scores["refinement"] == 21
    assert verdict.group_scores["innovation"] == 21
    assert verdict.outcome is outcome
    if provincial is None:
        assert criterion(verdict, "score").outcome is Outcome.MISSING
        assert criterion(verdict, "P9.provincial").outcome is Outcome.MISSING


def test_firm_a_is_not_eligible_for_tier3(engine):
    verdict = engine.evaluate_tier(firm_a(), 3)
    assert verdict.outcome is TierOutcome.FAIL
    assert outcomes(verdict)["G1.title"] is Outcome.FAIL
    assert outcomes(verdict)["G2.revenue"] is Outcome.FAIL


# ---------------------------------------------------------------- Firm F
def firm_f(rd_expense, ip_items):
    """Revenue 10000; MBR growth 16% (8000 → 9280); debt 40%; strategic emerging; main share
    92.8%; no direct route. Only the R&D amount and the IP vary."""
    firm = r.Firm(uscc="91320583MA1MABCDEA", name="F", id=1, sector_class=SectorClass.INDUSTRIAL,
                  niche_entry_date=date(2019, 1, 1), strategic_emerging=True,
                  leading_product_field=LeadingProductField.OTHER,
                  on_abnormal_operations_list=False, on_serious_dishonesty_list=False)
    years = [fiscal_year(2023, equity_financing=D("0")),
             fiscal_year(2024, operating_revenue=D("9000"), main_business_revenue=D("8000"),
                         equity_financing=D("0")),
             fiscal_year(2025, operating_revenue=D("10000"), main_business_revenue=D("9280"),
                         rd_expense=D(rd_expense), total_assets=D("5000"),
                         total_liabilities=D("2000"), employee_count=120, equity_financing=D("0"))]
    return facts_for(firm, 2026, ASSESSED, fiscal_years=years, evidence=ip_items)


SOFTWARE_COPYRIGHT = r.EvidenceItem(firm_id=1, kind=EvidenceKind.SOFTWARE_COPYRIGHT, title="软著",
                                    granted_date=date(2022, 1, 1), related_to_leading_product=True,
                                    acquisition=Acquisition.SELF_DEVELOPED, id=5)


def test_f1_total_65_fails_on_the_innovation_floor(engine):
    verdict = engine.evaluate_tier(firm_f("150", []), 1)        # R&D 1.5%, no IP
    assert points(verdict, "T1.ip") == 0 and points(verdict, "T1.rd_intensity") == 5
    assert verdict.group_scores == {"innovation": 5, "growth": 30, "specialization": 30}
    assert verdict.score == 65
    assert verdict.outcome is TierOutcome.FAIL
    score = criterion(verdict, "score")
    [floor] = score.gap
    assert floor.code == "gap.group_floor"
    assert floor.params["group"].name == "innovation"
    assert (floor.params["points"], floor.params["floor"]) == ("15", "20")
    text = gap_text(score)
    assert "15" in text and "20" in text and "Innovation" in text


def test_f2_exactly_3_percent_scores_80_with_edge_to_higher_band(engine):
    verdict = engine.evaluate_tier(firm_f("300", [SOFTWARE_COPYRIGHT]), 1)
    assert points(verdict, "T1.ip") == 5 and points(verdict, "T1.rd_intensity") == 15
    assert verdict.group_scores == {"innovation": 20, "growth": 30, "specialization": 30}
    assert verdict.score == 80
    assert verdict.outcome is TierOutcome.PASS
    assert "band_edge_higher" in verdict.interpretations


def test_f2_fails_with_edge_to_lower_band(engine):
    book = engine.rulebooks["2022"]
    lower = dataclasses.replace(book, settings={**book.settings, "band_edge": "lower"})
    lower_engine = Engine({**engine.rulebooks, "2022": lower}, engine.size_gate)
    verdict = lower_engine.evaluate_tier(firm_f("300", [SOFTWARE_COPYRIGHT]), 1)
    assert points(verdict, "T1.rd_intensity") == 10
    assert verdict.group_scores["innovation"] == 15
    assert verdict.score == 75
    assert verdict.outcome is TierOutcome.FAIL
    assert "band_edge_lower" in verdict.interpretations
    # the shared engine is untouched
    assert engine.evaluate_tier(firm_f("300", [SOFTWARE_COPYRIGHT]), 1).outcome is TierOutcome.PASS
