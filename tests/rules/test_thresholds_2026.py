"""2026 rulebook, tiers 2 (S1–S6) and 3 (G1–G7): every numeric criterion below, exactly on
and above its threshold (criteria.md §4.1, §5.1; comparison words per §1).

Each row changes ONE thing in the all-passing base firm (builders.py) and checks that one
criterion. Y = 2026, so Y-1 = 2025, Y-2 = 2024, Y-3 = 2023.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from desktop.domain.enums import Decision, MarketScope
from desktop.domain.verdicts import Outcome, TierOutcome

from .builders import (
    adding, base_firm_facts, criterion, dropping, fig, gap_text, ip_only, is_title, market,
    outcomes, patent, position, profile, score_of, then, title, with_decision,
)

PASS, FAIL, MANUAL = Outcome.PASS, Outcome.FAIL, Outcome.MANUAL

# (tweak, criterion id, expected outcome)
TIER_2 = [
    # S1: a valid tier-1 title, and ≥ 3 years in the niche by 2025-12-31
    pytest.param(profile(niche_entry_date=date(2023, 1, 1)), "S1.niche", PASS, id="S1 niche exactly 3.0 years"),
    pytest.param(profile(niche_entry_date=date(2023, 1, 2)), "S1.niche", FAIL,
                 id="S1 niche one day short of 3 years"),
    pytest.param(profile(niche_entry_date=date(2022, 12, 31)), "S1.niche", PASS, id="S1 niche just over 3 years"),
    pytest.param(dropping(is_title("innovative_sme")), "S1.title", FAIL, id="S1 no tier-1 title"),
    pytest.param(then(dropping(is_title("innovative_sme")), adding(title("tech_based_sme"))),
                 "S1.title", PASS, id="S1 tech-based SME title counts"),
    pytest.param(then(dropping(is_title("innovative_sme")),
                      adding(title("innovative_sme", valid_until=date(2026, 5, 9)))),
                 "S1.title", FAIL, id="S1 title expired the day before"),
    pytest.param(then(dropping(is_title("innovative_sme")),
                      adding(title("innovative_sme", valid_until=date(2026, 5, 10)))),
                 "S1.title", PASS, id="S1 title valid until the assessment day"),
    # S2: revenue ≥ 1500 (or equity ≥ 2000), main share ≥ 80%, debt ≤ 80%
    pytest.param(fig(2025, operating_revenue=D("1500")), "S2.revenue", PASS, id="S2 revenue exactly 1500"),
    pytest.param(fig(2025, operating_revenue=D("1499.99")), "S2.revenue", FAIL, id="S2 revenue 1499.99"),
    pytest.param(fig(2025, main_business_revenue=D("6400")), "S2.share", PASS, id="S2 main share exactly 80%"),
    pytest.param(fig(2025, main_business_revenue=D("6399.99")), "S2.share", FAIL, id="S2 main share 79.99%"),
    pytest.param(fig(2025, total_liabilities=D("8000")), "S2.debt", PASS, id="S2 debt exactly 80%"),
    pytest.param(fig(2025, total_liabilities=D("8000.01")), "S2.debt", FAIL, id="S2 debt 80.0001%"),
    # S3: each of 2024 and 2025, R&D ≥ 100 and ≥ 3% of revenue
    pytest.param(fig(2024, rd_expense=D("100")), "S3.rd_amount", PASS, id="S3 R&D 2024 exactly 100"),
    pytest.param(fig(2024, rd_expense=D("99.99")), "S3.rd_amount", FAIL, id="S3 R&D 2024 99.99"),
    pytest.param(fig(2025, rd_expense=D("100")), "S3.rd_amount", PASS, id="S3 R&D 2025 exactly 100"),
    pytest.param(fig(2025, rd_expense=D("99.99")), "S3.rd_amount", FAIL, id="S3 R&D 2025 99.99"),
    pytest.param(fig(2025, rd_expense=D("240")), "S3.rd_intensity", PASS, id="S3 intensity 2025 exactly 3.00%"),
    pytest.param(fig(2025, rd_expense=D("239.2")), "S3.rd_intensity", FAIL, id="S3 intensity 2025 2.99%"),
    pytest.param(fig(2024, rd_expense=D("210")), "S3.rd_intensity", PASS, id="S3 intensity 2024 exactly 3.00%"),
    pytest.param(fig(2024, rd_expense=D("209.99")), "S3.rd_intensity", FAIL, id="S3 intensity 2024 just under 3%"),
    # S4: ≥ 1 Class I IP (exemptions: test_ip_rules.py)
    pytest.param(ip_only(patent(1)), "S4.ip", PASS, id="S4 exactly 1 Class I"),
    pytest.param(ip_only(), "S4.ip", FAIL, id="S4 no Class I"),
    # S6: platform score ≥ 50
    pytest.param(score_of(2026, "50"), "S6", PASS, id="S6 platform score exactly 50"),
    pytest.param(score_of(2026, "49.99"), "S6", FAIL, id="S6 platform score 49.99"),
]

TIER_3 = [
    # G1: a valid tier-2 title, ≥ 3 years in the niche
    pytest.param(dropping(is_title("specialized_sme")), "G1.title", FAIL, id="G1 no tier-2 title"),
    pytest.param(then(dropping(is_title("specialized_sme")), adding(title("little_giant"))),
                 "G1.title", PASS, id="G1 little-giant title counts"),
    pytest.param(profile(niche_entry_date=date(2023, 1, 1)), "G1.niche", PASS, id="G1 niche exactly 3.0 years"),
    pytest.param(profile(niche_entry_date=date(2023, 2, 1)), "G1.niche", FAIL, id="G1 niche 2.9 years"),
    # G2: revenue ≥ 5000, main share ≥ 90%, CAGR ≥ 5%, debt ≤ 75%
    pytest.param(fig(2025, operating_revenue=D("5000"), main_business_revenue=D("4750")),
                 "G2.revenue", PASS, id="G2 revenue exactly 5000"),
    pytest.param(fig(2025, operating_revenue=D("4999.99"), main_business_revenue=D("4750")),
                 "G2.revenue", FAIL, id="G2 revenue 4999.99"),
    pytest.param(fig(2025, main_business_revenue=D("7200")), "G2.share", PASS, id="G2 main share exactly 90%"),
    pytest.param(fig(2025, main_business_revenue=D("7199.99")), "G2.share", FAIL, id="G2 main share 89.99%"),
    pytest.param(then(fig(2023, operating_revenue=D("10000")), fig(2025, operating_revenue=D("11025"))),
                 "G2.growth", PASS, id="G2 CAGR exactly 5% (10000 to 11025)"),
    pytest.param(then(fig(2023, operating_revenue=D("10000")), fig(2025, operating_revenue=D("11024.99"))),
                 "G2.growth", FAIL, id="G2 CAGR just under 5%"),
    pytest.param(fig(2023, operating_revenue=D("8000")), "G2.growth", FAIL, id="G2 CAGR 0%"),
    pytest.param(fig(2025, total_liabilities=D("7500")), "G2.debt", PASS, id="G2 debt exactly 75.00%"),
    pytest.param(fig(2025, total_liabilities=D("7501")), "G2.debt", FAIL, id="G2 debt 75.01%"),
    # G3: R&D 2024 + 2025 ≥ 1200, and ≥ 3% in each year
    pytest.param(fig(2025, rd_expense=D("550")), "G3.rd_total", PASS, id="G3 R&D total exactly 1200"),
    pytest.param(fig(2025, rd_expense=D("549.99")), "G3.rd_total", FAIL, id="G3 R&D total 1199.99"),
    pytest.param(fig(2025, rd_expense=D("240")), "G3.rd_intensity", PASS, id="G3 intensity 2025 exactly 3.00%"),
    pytest.param(fig(2025, rd_expense=D("239.2")), "G3.rd_intensity", FAIL, id="G3 intensity 2025 2.99%"),
    pytest.param(fig(2024, rd_expense=D("209.3")), "G3.rd_intensity", FAIL, id="G3 intensity 2024 2.99%"),
    # G4: ≥ 4 Class I IP (exemptions and counting rules: test_ip_rules.py)
    pytest.param(ip_only(*(patent(n) for n in range(1, 5))), "G4.ip", PASS, id="G4 exactly 4 Class I"),
    pytest.param(ip_only(*(patent(n) for n in range(1, 4))), "G4.ip", FAIL, id="G4 3 Class I"),
    # G5: domestic or international share ≥ 10%, or domestic rank ≤ 3
    pytest.param(market(position("10", rank=5)), "G5.share", PASS, id="G5 share exactly 10%"),
    pytest.param(market(position("9.99", rank=4)), "G5.share", FAIL, id="G5 share 9.99% rank 4"),
    pytest.param(market(position("5", rank=3)), "G5.share", PASS, id="G5 domestic rank exactly 3"),
    pytest.param(market(position("10", scope=MarketScope.INTERNATIONAL), position("2", rank=9)),
                 "G5.share", PASS, id="G5 international share 10%"),
    # G7: platform score ≥ 60
    pytest.param(score_of(2026, "60"), "G7", PASS, id="G7 platform score exactly 60"),
    pytest.param(score_of(2026, "59.99"), "G7", FAIL, id="G7 platform score 59.99"),
]


@pytest.mark.parametrize("tweak, criterion_id, expected", TIER_2)
def test_tier2_thresholds(engine, tweak, criterion_id, expected):
    verdict = engine.evaluate_tier(tweak(base_firm_facts()), 2)
    assert verdict.rulebook == "2026"
    result = criterion(verdict, criterion_id)
    assert result.outcome is expected, (result.value, result.threshold, result.detail)
    if expected is FAIL:
        assert result.gap, "a failed criterion says what is missing"
        assert verdict.outcome is TierOutcome.FAIL


@pytest.mark.parametrize("tweak, criterion_id, expected", TIER_3)
def test_tier3_thresholds(engine, tweak, criterion_id, expected):
    verdict = engine.evaluate_tier(tweak(base_firm_facts()), 3)
    assert verdict.rulebook == "2026"
    result = criterion(verdict, criterion_id)
    assert result.outcome is expected, (result.value, result.threshold, result.detail)
    if expected is FAIL:
        assert result.gap, "a failed criterion says what is missing"
        assert verdict.outcome is TierOutcome.FAIL


def test_base_firm_passes_both_tiers(engine):
    facts = base_firm_facts()
    for tier in (2, 3):
        verdict = engine.evaluate_tier(facts, tier)
        assert verdict.outcome is TierOutcome.PASS, {k: v for k, v in outcomes(verdict).items()
                                                      if v is not PASS}


# ---------------------------------------------------------------- the rendered gaps
# (tier, tweak, criterion, message code, params it must carry, text the English rendering contains)
GAPS = [
    pytest.param(2, fig(2025, operating_revenue=D("2000"), main_business_revenue=D("1900"), rd_expense=D("52")),
                 "S3.rd_intensity", "gap.raise_ratio",
                 {"year": 2025, "amount": "8", "value": "2.60%", "threshold": "3.00%"}, ("+8", "2025", "2.60%"),
                 id="R&D 2.60% of 2000 needs +8"),
    pytest.param(2, fig(2024, rd_expense=D("95")), "S3.rd_amount", "gap.raise", {"year": 2024, "amount": "5"},
                 ("+5", "2024"), id="R&D 95 needs +5"),
    pytest.param(3, fig(2025, operating_revenue=D("4999.99"), main_business_revenue=D("4750")), "G2.revenue",
                 "gap.raise", {"year": 2025, "amount": "0.01"}, ("+0.01", "2025"),
                 id="revenue 4999.99 needs +0.01"),
    pytest.param(3, fig(2025, total_liabilities=D("7600")), "G2.debt", "gap.lower_ratio",
                 {"year": 2025, "amount": "100", "value": "76.00%"}, ("100", "76.00%"),
                 id="debt 76% must fall by 100"),
    pytest.param(3, fig(2025, rd_expense=D("500")), "G3.rd_total", "gap.raise_total", {"amount": "50"},
                 ("+50",), id="R&D total needs +50"),
    pytest.param(3, then(fig(2023, operating_revenue=D("10000")), fig(2025, operating_revenue=D("11000"))),
                 "G2.growth", "gap.raise", {"year": 2025, "amount": "25"}, ("+25", "2025"), id="CAGR needs +25"),
    pytest.param(3, score_of(2026, "57.5"), "G7", "gap.more_points", {"points": "2.5"}, ("2.5",),
                 id="score needs 2.5 points"),
    pytest.param(3, ip_only(patent(1)), "G4.ip", "gap.more_items", {"count": "3"}, ("3",), id="IP needs 3 more"),
    pytest.param(3, profile(niche_entry_date=date(2023, 7, 1)), "G1.niche", "gap.more_years",
                 {"years": "0.5", "date": "2026-07-01"}, ("0.5", "2026-07-01"), id="niche needs half a year"),
]


@pytest.mark.parametrize("tier, tweak, criterion_id, code, params, shown", GAPS)
def test_gap_states_the_amount(engine, tier, tweak, criterion_id, code, params, shown):
    result = criterion(engine.evaluate_tier(tweak(base_firm_facts()), tier), criterion_id)
    assert result.outcome is FAIL
    [gap] = result.gap
    assert gap.code == code
    assert {k: gap.params[k] for k in params} == params
    text = gap_text(result)
    assert all(part in text for part in shown), text


def test_gap_is_rendered_in_chinese_too(engine):
    facts = fig(2025, operating_revenue=D("2000"), main_business_revenue=D("1900"),
                rd_expense=D("52"))(base_firm_facts())
    text = gap_text(criterion(engine.evaluate_tier(facts, 2), "S3.rd_intensity"), "zh_CN")
    assert "2025" in text and "8" in text and "研发费用" in text


# ---------------------------------------------------------------- the each-year R&D rule
def test_each_year_rule_fails_2026_but_single_year_2022_passes(engine):
    """criteria.md §4.1 S3 vs §4.2 condition 2: 2024 = 95, 2025 = 120."""
    facts = then(fig(2024, rd_expense=D("95")), fig(2025, rd_expense=D("120")))(base_firm_facts())
    new = engine.evaluate_tier(facts, 2)
    assert outcomes(new)["S3.rd_amount"] is FAIL
    assert "2024" in gap_text(criterion(new, "S3.rd_amount"))
    assert "2025" not in gap_text(criterion(new, "S3.rd_amount"))
    legacy = engine.evaluate_tier(facts, 2, "2022")
    assert outcomes(legacy)["C2.rd_amount"] is PASS


def test_each_year_rule_fails_on_either_year(engine):
    facts = then(fig(2024, rd_expense=D("120")), fig(2025, rd_expense=D("95")))(base_firm_facts())
    assert outcomes(engine.evaluate_tier(facts, 2))["S3.rd_amount"] is FAIL
    assert outcomes(engine.evaluate_tier(facts, 2, "2022"))["C2.rd_amount"] is FAIL


# ---------------------------------------------------------------- the equity path of S2
# Enough equity passes on the figures; qualified-investor status and paid-in are for a person to
# confirm (criteria.md §1), so S2.revenue is MANUAL until a decision is recorded on it.
def equity_firm(equity_2024, equity_2025):
    return then(fig(2024, equity_financing=D(equity_2024)),
                fig(2025, operating_revenue=D("1320"), main_business_revenue=D("1250"),
                    equity_financing=D(equity_2025)))(base_firm_facts())


@pytest.mark.parametrize("equity_2024, equity_2025, expected", [
    pytest.param("1200", "1000", MANUAL, id="1200 + 1000 = 2200"),
    pytest.param("1000", "1000", MANUAL, id="exactly 2000"),
    pytest.param("1000", "999.99", FAIL, id="1999.99"),
    pytest.param("0", "0", FAIL, id="no equity"),
])
def test_revenue_below_1500_passes_on_equity(engine, equity_2024, equity_2025, expected):
    result = criterion(engine.evaluate_tier(equity_firm(equity_2024, equity_2025), 2), "S2.revenue")
    assert result.outcome is expected
    if expected is MANUAL:
        assert [m.code for m in result.gap] == ["gap.confirm"]
    else:
        text = gap_text(result)
        assert "+180" in text and "2025" in text     # revenue 1320 → 1500
        assert result.gap_any                        # either revenue or equity would do


@pytest.mark.parametrize("decision, expected", [(Decision.PASS, PASS), (Decision.FAIL, FAIL)])
def test_confirmed_equity_decides_s2_revenue(engine, decision, expected):
    facts = with_decision(equity_firm("1200", "1000"), "S2.revenue", decision)
    verdict = engine.evaluate_tier(facts, 2)
    assert criterion(verdict, "S2.revenue").outcome is expected
    assert verdict.outcome is (TierOutcome.PASS if expected is PASS else TierOutcome.FAIL)


def test_a_decision_cannot_pass_equity_below_2000(engine):
    facts = with_decision(equity_firm("1000", "999.99"), "S2.revenue", Decision.PASS)
    assert criterion(engine.evaluate_tier(facts, 2), "S2.revenue").outcome is FAIL


def test_equity_never_replaces_the_tier3_revenue_floor(engine):
    facts = then(fig(2024, equity_financing=D("5000")),
                 fig(2025, operating_revenue=D("4000"), main_business_revenue=D("3800"),
                     equity_financing=D("5000")))(base_firm_facts())
    assert outcomes(engine.evaluate_tier(facts, 3))["G2.revenue"] is FAIL
