"""The SME size gate of 300号 (criteria.md §2) and the compliance check, the two common
criteria of every tier. Classes need ALL their lower limits; the figures are those of Y-1.
"""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from desktop.domain.enums import SectorClass
from desktop.domain.verdicts import Outcome, TierOutcome
from desktop.rules.size_class import classify

from .builders import base_firm_facts, criterion, fig, gap_text, profile, then

INDUSTRIAL, SOFTWARE = SectorClass.INDUSTRIAL, SectorClass.SOFTWARE_IT


@pytest.mark.parametrize("sector, staff, revenue, size", [
    pytest.param(INDUSTRIAL, 1000, "40000", "large", id="industrial 1000 and 40000 is large"),
    pytest.param(INDUSTRIAL, 999, "40000", "medium", id="industrial 999 staff is medium"),
    pytest.param(INDUSTRIAL, 1000, "39999.99", "medium", id="industrial revenue 39999.99 is medium"),
    pytest.param(INDUSTRIAL, 1200, "38000", "medium", id="industrial 1200 and 38000 is medium"),
    pytest.param(INDUSTRIAL, 5000, "100", "micro", id="industrial many staff tiny revenue is micro"),
    pytest.param(INDUSTRIAL, 300, "2000", "medium", id="industrial exactly the medium limits"),
    pytest.param(INDUSTRIAL, 299, "30000", "small", id="industrial 299 staff is small"),
    pytest.param(INDUSTRIAL, 20, "300", "small", id="industrial exactly the small limits"),
    pytest.param(INDUSTRIAL, 19, "300", "micro", id="industrial 19 staff is micro"),
    pytest.param(INDUSTRIAL, 20, "299.99", "micro", id="industrial revenue 299.99 is micro"),
    pytest.param(SOFTWARE, 300, "10000", "large", id="software 300 and 10000 is large"),
    pytest.param(SOFTWARE, 299, "10000", "medium", id="software 299 staff is medium"),
    pytest.param(SOFTWARE, 300, "9999.99", "medium", id="software revenue 9999.99 is medium"),
    pytest.param(SOFTWARE, 100, "1000", "medium", id="software exactly the medium limits"),
    pytest.param(SOFTWARE, 99, "1000", "small", id="software 99 staff is small"),
    pytest.param(SOFTWARE, 10, "50", "small", id="software exactly the small limits"),
    pytest.param(SOFTWARE, 9, "50", "micro", id="software 9 staff is micro"),
])
def test_size_class_corners(engine, sector, staff, revenue, size):
    facts = then(profile(sector_class=sector),
                 fig(2025, employee_count=staff, operating_revenue=D(revenue)))(base_firm_facts())
    verdict = engine.evaluate_tier(facts, 3)
    result = criterion(verdict, "size")
    assert result.value == size
    if size == "large":
        assert result.outcome is Outcome.FAIL
        assert verdict.outcome is TierOutcome.FAIL
        assert result.gap
    else:
        assert result.outcome is Outcome.PASS


@pytest.mark.parametrize("tier, rulebook", [(1, None), (2, None), (3, None), (2, "2022"), (3, "2022")])
def test_a_large_firm_fails_every_tier(engine, tier, rulebook):
    facts = fig(2025, employee_count=1000, operating_revenue=D("40000"),
                main_business_revenue=D("38000"))(base_firm_facts())
    verdict = engine.evaluate_tier(facts, tier, rulebook)
    assert criterion(verdict, "size").outcome is Outcome.FAIL
    assert verdict.outcome is TierOutcome.FAIL


def test_size_uses_last_years_figures(engine):
    """A firm that was large in 2024 but medium in 2025 (Y-1) is an SME in 2026."""
    facts = fig(2024, employee_count=1500, operating_revenue=D("50000"))(base_firm_facts())
    assert criterion(engine.evaluate_tier(facts, 3), "size").outcome is Outcome.PASS


@pytest.mark.parametrize("figures, missing_field", [
    pytest.param(dict(employee_count=None), "Employees", id="employees unknown"),
    pytest.param(dict(operating_revenue=None), "Operating revenue", id="revenue unknown"),
])
def test_missing_size_figures_make_size_missing(engine, figures, missing_field):
    facts = fig(2025, **figures)(base_firm_facts())
    verdict = engine.evaluate_tier(facts, 2)
    result = criterion(verdict, "size")
    assert result.outcome is Outcome.MISSING
    assert missing_field in gap_text(result) and "2025" in gap_text(result)


def test_missing_employees_leaves_tier3_incomplete(engine):
    verdict = engine.evaluate_tier(fig(2025, employee_count=None)(base_firm_facts()), 3)
    assert criterion(verdict, "size").outcome is Outcome.MISSING
    assert verdict.outcome is TierOutcome.INCOMPLETE


def test_missing_sector_falls_back_to_the_other_row(engine):
    """No sector class: the 'other' row (employees only; large from 300)."""
    facts = profile(sector_class=None)(base_firm_facts())
    assert criterion(engine.evaluate_tier(facts, 3), "size").value == "large"
    facts = then(profile(sector_class=None), fig(2025, employee_count=299))(base_firm_facts())
    assert criterion(engine.evaluate_tier(facts, 3), "size").value == "medium"


def test_classify_directly(engine):
    gate = engine.size_gate
    assert classify(gate, "industrial", {"employees": 1000, "revenue": D("40000")}).size == "large"
    assert classify(gate, "industrial", {"employees": 999, "revenue": D("40000")}).size == "medium"
    result = classify(gate, "industrial", {"employees": None, "revenue": D("40000")})
    assert result.size is None and result.missing == ("employees",)
    assert gate.confirmed == {"industrial", "software_it"}


# ---------------------------------------------------------------- compliance
@pytest.mark.parametrize("changes, expected", [
    pytest.param(dict(on_abnormal_operations_list=True), Outcome.FAIL, id="on the abnormal list"),
    pytest.param(dict(on_serious_dishonesty_list=True), Outcome.FAIL, id="on the dishonesty list"),
    pytest.param(dict(on_serious_dishonesty_list=None), Outcome.MISSING, id="dishonesty unknown"),
])
def test_compliance(engine, changes, expected):
    verdict = engine.evaluate_tier(profile(**changes)(base_firm_facts()), 3)
    assert criterion(verdict, "compliance").outcome is expected
    assert verdict.outcome is (TierOutcome.FAIL if expected is Outcome.FAIL else TierOutcome.INCOMPLETE)
