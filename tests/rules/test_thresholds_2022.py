"""2022 rulebook: the tier-2 conditions (criteria.md §4.2) and the tier-3 专/精/特/新 criteria
(§5.2), each exactly on and just past its threshold. Evaluated with the "2022" override, as
for a certificate renewal or a 2026 little-giant re-review.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from desktop.domain.enums import Decision, EvidenceKind, Level, MarketScope
from desktop.domain.verdicts import Outcome, TierOutcome

from .builders import (
    adding, award, base_firm_facts, criterion, dropping, fig, institution, ip_only, is_kind,
    market, outcomes, patent, position, profile, then, with_assessment, with_decision,
)

PASS, FAIL, MISSING, MANUAL = Outcome.PASS, Outcome.FAIL, Outcome.MISSING, Outcome.MANUAL


def info_systems(count):
    return lambda facts: with_assessment(facts, 2026, info_system_count=count)


TIER_2 = [
    pytest.param(profile(niche_entry_date=date(2024, 1, 1)), "C1.niche", PASS, id="C1 niche exactly 2.0 years"),
    pytest.param(profile(niche_entry_date=date(2024, 1, 2)), "C1.niche", FAIL, id="C1 niche just under 2 years"),
    pytest.param(fig(2025, rd_expense=D("100")), "C2.rd_amount", PASS, id="C2 R&D exactly 100"),
    pytest.param(fig(2025, rd_expense=D("99.99")), "C2.rd_amount", FAIL, id="C2 R&D 99.99"),
    pytest.param(fig(2025, rd_expense=D("240")), "C2.rd_intensity", PASS, id="C2 intensity exactly 3.00%"),
    pytest.param(fig(2025, rd_expense=D("239.2")), "C2.rd_intensity", FAIL, id="C2 intensity 2.99%"),
    pytest.param(fig(2024, rd_expense=D("1")), "C2.rd_intensity", PASS, id="C2 only Y-1 counts"),
    pytest.param(fig(2025, operating_revenue=D("1000")), "C3.revenue", PASS, id="C3 revenue exactly 1000"),
    pytest.param(fig(2025, operating_revenue=D("999.99")), "C3.revenue", FAIL, id="C3 revenue 999.99"),
    pytest.param(then(fig(2024, equity_financing=D("1000")),
                      fig(2025, operating_revenue=D("800"), equity_financing=D("1000"))),
                 "C3.revenue", MANUAL, id="C3 revenue 800 with equity exactly 2000 awaits confirmation"),
    pytest.param(then(fig(2024, equity_financing=D("1000")),
                      fig(2025, operating_revenue=D("800"), equity_financing=D("999.99"))),
                 "C3.revenue", FAIL, id="C3 revenue 800 with equity 1999.99"),
]

TIER_3 = [
    # 专业化
    pytest.param(profile(niche_entry_date=date(2023, 1, 1)), "Z.niche", PASS, id="Z niche exactly 3 years"),
    pytest.param(profile(niche_entry_date=date(2023, 1, 2)), "Z.niche", FAIL, id="Z niche just under 3 years"),
    pytest.param(fig(2025, main_business_revenue=D("5600")), "Z.share", PASS, id="Z main share exactly 70%"),
    pytest.param(fig(2025, main_business_revenue=D("5599.99")), "Z.share", FAIL, id="Z main share 69.99%"),
    pytest.param(then(fig(2023, main_business_revenue=D("10000")), fig(2024, main_business_revenue=D("10000")),
                      fig(2025, main_business_revenue=D("11000"), operating_revenue=D("12000"))),
                 "Z.growth", PASS, id="Z average growth exactly 5% (0% and 10%)"),
    pytest.param(then(fig(2023, main_business_revenue=D("10000")), fig(2024, main_business_revenue=D("10000")),
                      fig(2025, main_business_revenue=D("10999.99"), operating_revenue=D("12000"))),
                 "Z.growth", FAIL, id="Z average growth just under 5%"),
    # 精细化
    pytest.param(info_systems(1), "J.info_system", PASS, id="J one information system"),
    pytest.param(info_systems(0), "J.info_system", FAIL, id="J no information system"),
    pytest.param(dropping(is_kind(EvidenceKind.MANAGEMENT_CERTIFICATION)), "J.certification", FAIL,
                 id="J no certification"),
    pytest.param(then(dropping(is_kind(EvidenceKind.MANAGEMENT_CERTIFICATION)),
                      adding(patent(9, kind=EvidenceKind.PRODUCT_CERTIFICATION, title="CE"))),
                 "J.certification", PASS, id="J product certification instead"),
    pytest.param(fig(2025, total_liabilities=D("7000")), "J.debt", PASS, id="J debt exactly 70%"),
    pytest.param(fig(2025, total_liabilities=D("7000.01")), "J.debt", FAIL, id="J debt 70.0001%"),
    # 特色化
    pytest.param(market(position("10")), "T.share", PASS, id="T national share exactly 10%"),
    pytest.param(market(position("9.99", rank=1)), "T.share", FAIL, id="T share 9.99% even if ranked first"),
    pytest.param(market(position("5"), position("50", scope=MarketScope.INTERNATIONAL)), "T.share", FAIL,
                 id="T international share does not count"),
    pytest.param(profile(own_brand=False), "T.brand", FAIL, id="T no own brand"),
    # 创新能力 a): intensity by the Y-1 revenue band (≥1亿 → 3%; [5000万, 1亿) → 6%)
    pytest.param(fig(2025, operating_revenue=D("10000"), rd_expense=D("300")), "X.rd_intensity", PASS,
                 id="X revenue exactly 1亿 needs 3% and has it"),
    pytest.param(fig(2025, operating_revenue=D("10000"), rd_expense=D("299.99")), "X.rd_intensity", FAIL,
                 id="X revenue 1亿 with 2.9999%"),
    pytest.param(fig(2025, operating_revenue=D("9999.99"), rd_expense=D("300")), "X.rd_intensity", FAIL,
                 id="X revenue just under 1亿 needs 6%"),
    pytest.param(fig(2025, rd_expense=D("480")), "X.rd_intensity", PASS, id="X revenue 8000 with exactly 6%"),
    pytest.param(fig(2025, rd_expense=D("479.99")), "X.rd_intensity", FAIL, id="X revenue 8000 with 5.9999%"),
    pytest.param(fig(2024, rd_expense=D("419.99")), "X.rd_intensity", FAIL, id="X 2024 under 6%"),
    pytest.param(fig(2025, operating_revenue=D("5000"), rd_expense=D("300")), "X.rd_intensity", PASS,
                 id="X revenue exactly 5000万 with 6%"),
    pytest.param(award(Level.NATIONAL, 3, date(2024, 6, 1)), "X.rd_intensity", PASS,
                 id="X direct path national award top 3"),
    pytest.param(award(Level.NATIONAL, 50, date(2024, 6, 1), subtype="maker_china"), "X.rd_intensity",
                 PASS, id="X direct path Maker China top 50"),
    pytest.param(award(Level.NATIONAL, 51, date(2024, 6, 1), subtype="maker_china"), "X.rd_intensity",
                 FAIL, id="X Maker China rank 51 is no direct path"),
    # 创新能力 b), c)
    pytest.param(dropping(is_kind(EvidenceKind.RD_INSTITUTION)), "X.institution", FAIL, id="X no institution"),
    pytest.param(then(dropping(is_kind(EvidenceKind.RD_INSTITUTION)), adding(institution(Level.OTHER))),
                 "X.institution", PASS, id="X a below-municipal institution counts"),
    pytest.param(ip_only(patent(1), patent(2)), "X.ip", PASS, id="X exactly 2 Class I"),
    pytest.param(ip_only(patent(1)), "X.ip", FAIL, id="X 1 Class I"),
]


def _award_tweak(tweak):
    """Rows may give an award item instead of a tweak, meaning: add it, and make the
    general path fail (R&D intensity 1%) so only the direct path can pass."""
    if callable(tweak):
        return tweak
    return then(adding(tweak), fig(2025, rd_expense=D("80")))


@pytest.mark.parametrize("tweak, criterion_id, expected", TIER_2)
def test_tier2_conditions(engine, tweak, criterion_id, expected):
    verdict = engine.evaluate_tier(tweak(base_firm_facts()), 2, "2022")
    result = criterion(verdict, criterion_id)
    assert result.outcome is expected, (result.value, result.threshold, result.detail)
    if expected is FAIL:
        assert result.gap
        assert verdict.outcome is TierOutcome.FAIL


@pytest.mark.parametrize("tweak, criterion_id, expected", TIER_3)
def test_tier3_criteria(engine, tweak, criterion_id, expected):
    verdict = engine.evaluate_tier(_award_tweak(tweak)(base_firm_facts()), 3, "2022")
    result = criterion(verdict, criterion_id)
    assert result.outcome is expected, (result.value, result.threshold, result.detail)
    if expected is FAIL:
        assert result.gap
        assert verdict.outcome is TierOutcome.FAIL


def test_base_firm_passes_2022_tiers(engine):
    facts = base_firm_facts()
    for tier in (1, 2, 3):
        verdict = engine.evaluate_tier(facts, tier, "2022")
        assert verdict.outcome is TierOutcome.PASS, {k: v for k, v in outcomes(verdict).items()
                                                      if v is not PASS}


# ---------------------------------------------------------------- revenue below 5000万
SMALL = fig(2025, operating_revenue=D("4000"), main_business_revenue=D("3800"))


@pytest.mark.parametrize("change, expected", [
    pytest.param({}, MANUAL, id="equity 8000, R&D 3000, R&D staff 50% (equity to confirm)"),
    pytest.param({2025: dict(equity_financing=D("3999.99"))}, FAIL, id="equity 7999.99"),
    pytest.param({2025: dict(rd_expense=D("1499.99"))}, FAIL, id="R&D total 2999.99"),
    pytest.param({2025: dict(rd_staff_count=149)}, FAIL, id="R&D staff 49.67%"),
    pytest.param({2025: dict(equity_financing=None)}, MISSING, id="equity unknown"),
])
def test_tier3_small_revenue_path(engine, change, expected):
    facts = then(SMALL, fig(2024, equity_financing=D("4000"), rd_expense=D("1500")),
                 fig(2025, equity_financing=D("4000"), rd_expense=D("1500"), rd_staff_count=150))(
        base_firm_facts())
    for year, figures in change.items():
        facts = fig(year, **figures)(facts)
    assert criterion(engine.evaluate_tier(facts, 3, "2022"), "X.rd_intensity").outcome is expected
    if expected is MANUAL:       # confirmed by a person: passes
        facts = with_decision(facts, "X.rd_intensity", Decision.PASS)
        assert criterion(engine.evaluate_tier(facts, 3, "2022"), "X.rd_intensity").outcome is PASS


def test_revenue_band_guard_missing_makes_the_criterion_missing(engine):
    facts = fig(2025, operating_revenue=None)(base_firm_facts())
    assert criterion(engine.evaluate_tier(facts, 3, "2022"), "X.rd_intensity").outcome is MISSING
