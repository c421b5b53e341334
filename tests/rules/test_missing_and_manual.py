"""Unknown figures are never zero: the criterion that needs one is MISSING and the tier
INCOMPLETE, never passed or failed on a guess. Qualitative criteria wait for a person's
decision (criteria.md §1). And the engine is deterministic.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from desktop.domain.enums import Decision, LeadingProductField, Level
from desktop.domain.verdicts import Outcome, TierOutcome

from .builders import (
    MANUAL_IDS, adding, award, base_firm_facts, criterion, fig, gap_text, market, notes_of,
    outcomes, position, profile, score_of, then, with_decision, without_year,
)

MISSING, PASS, FAIL = Outcome.MISSING, Outcome.PASS, Outcome.FAIL


def no_year(year):
    return lambda facts: without_year(facts, year)


@pytest.mark.parametrize("tier, rulebook, tweak, missing, shown", [
    pytest.param(2, None, no_year(2024), {"S3.rd_amount", "S3.rd_intensity"},
                 ("R&D expense (10k CNY)", "2024"), id="2026 S3 without Y-2"),
    pytest.param(2, None, fig(2025, rd_expense=None), {"S3.rd_amount", "S3.rd_intensity"},
                 ("R&D expense (10k CNY)", "2025"), id="2026 S3 R&D unknown"),
    pytest.param(3, None, fig(2025, rd_expense=None), {"G3.rd_total", "G3.rd_intensity"},
                 ("R&D expense (10k CNY)", "2025"), id="2026 G3 R&D unknown"),
    pytest.param(3, None, no_year(2023), {"G2.growth"}, ("Operating revenue (10k CNY)", "2023"),
                 id="2026 CAGR without Y-3"),
    pytest.param(3, None, fig(2025, total_assets=None), {"G2.debt"}, ("Total assets (10k CNY)", "2025"),
                 id="2026 debt without assets"),
    pytest.param(2, None, fig(2025, main_business_revenue=None), {"S2.share"},
                 ("Main-business revenue (10k CNY)", "2025"), id="2026 share without MBR"),
    pytest.param(3, None, profile(niche_entry_date=None), {"G1.niche"}, ("Date entered the niche",),
                 id="2026 niche date unknown"),
    pytest.param(3, None, score_of(2026, None), {"G7"}, (), id="2026 platform score unknown"),
    pytest.param(3, None, market(), {"G5.share"}, (), id="2026 no market position"),
    pytest.param(3, "2022", lambda f: replace(f, assessments={}), {"J.info_system"}, (),
                 id="2022 information systems unknown"),
    pytest.param(3, "2022", profile(own_brand=None), {"T.brand"}, ("Own brand",), id="2022 own brand unknown"),
    pytest.param(3, "2022", no_year(2023), {"Z.growth"}, ("2023",), id="2022 average growth without Y-3"),
    pytest.param(2, "2022", fig(2025, rd_expense=None), {"C2.rd_amount", "C2.rd_intensity"}, ("2025",),
                 id="2022 tier 2 R&D unknown"),
])
def test_a_missing_figure_makes_the_criterion_missing(engine, tier, rulebook, tweak, missing, shown):
    """`shown`: what the rendered gap names (the field's label, the year)."""
    verdict = engine.evaluate_tier(tweak(base_firm_facts()), tier, rulebook)
    # the score, its indicators (P…, T1.…) and direct routes (D…) are checked elsewhere
    found = {k for k, v in outcomes(verdict).items()
             if v is MISSING and k != "score" and not k.startswith(("P", "T1", "D"))}
    assert found == missing
    assert verdict.outcome is TierOutcome.INCOMPLETE
    for criterion_id in missing:
        result = criterion(verdict, criterion_id)
        assert result.gap and all(m.code.startswith("gap.enter") for m in result.gap)
        assert all(part in gap_text(result) for part in shown), gap_text(result)


def test_a_known_part_still_passes_an_any_condition(engine):
    """S2.revenue: revenue passes, so unknown equity does not matter."""
    facts = fig(2025, equity_financing=None)(base_firm_facts())
    assert criterion(engine.evaluate_tier(facts, 2), "S2.revenue").outcome is Outcome.PASS


def test_revenue_below_floor_with_unknown_equity_is_missing_not_failed(engine):
    facts = fig(2025, operating_revenue=D("1320"), main_business_revenue=D("1250"),
                equity_financing=None)(base_firm_facts())
    assert criterion(engine.evaluate_tier(facts, 2), "S2.revenue").outcome is MISSING


def test_share_below_floor_and_rank_unknown_is_missing(engine):
    facts = market(position("8", rank=None))(base_firm_facts())
    assert criterion(engine.evaluate_tier(facts, 3), "G5.share").outcome is MISSING


def test_a_failure_outweighs_missing_data(engine):
    facts = then(fig(2025, rd_expense=None), fig(2025, total_liabilities=D("9000")))(base_firm_facts())
    verdict = engine.evaluate_tier(facts, 3)
    assert outcomes(verdict)["G3.rd_total"] is MISSING
    assert outcomes(verdict)["G2.debt"] is Outcome.FAIL
    assert verdict.outcome is TierOutcome.FAIL


def test_zero_revenue_gives_no_ratio(engine):
    facts = fig(2025, operating_revenue=D("0"), main_business_revenue=D("0"))(base_firm_facts())
    verdict = engine.evaluate_tier(facts, 2)
    share = criterion(verdict, "S2.share")
    assert share.outcome is MISSING and "is zero" in gap_text(share)
    assert verdict.outcome is TierOutcome.FAIL          # revenue 0 < 1500 fails outright


@pytest.mark.parametrize("tweak, indicator, score, tier", [
    # Innovation has 15 known points against its floor of 20: the R&D share decides.
    pytest.param(fig(2025, rd_expense=None), "T1.rd_intensity", MISSING, TierOutcome.INCOMPLETE,
                 id="R&D unknown"),
    # Points are never negative: every floor and the total are met without the field.
    pytest.param(profile(strategic_emerging=None), "T1.field", PASS, TierOutcome.PASS,
                 id="field unknown"),
    # Growth has only the debt ratio's 10 known points against its floor of 15.
    pytest.param(no_year(2024), "T1.growth", MISSING, TierOutcome.INCOMPLETE, id="Y-2 unknown"),
])
def test_a_missing_figure_holds_up_the_score_only_when_it_could_decide_it(engine, tweak, indicator,
                                                                            score, tier):
    verdict = engine.evaluate_tier(tweak(base_firm_facts()), 1)
    assert criterion(verdict, indicator).outcome is MISSING
    assert criterion(verdict, "score").outcome is score
    assert verdict.outcome is tier


def test_the_score_is_missing_only_while_the_missing_figure_could_decide_it(engine):
    # Field unknown (worth 5 or 10) and a 55% main-business share (10): specialisation has
    # 10 known points against a floor of 15, so the field decides.
    undecided = profile(strategic_emerging=None)(
        fig(2025, operating_revenue=D("14000"), main_business_revenue=D("7700"))(base_firm_facts()))
    verdict = engine.evaluate_tier(undecided, 1)
    assert criterion(verdict, "score").outcome is MISSING
    assert verdict.outcome is TierOutcome.INCOMPLETE
    # A 40% share scores 0: even 10 points for the field cannot reach the floor of 15.
    hopeless = profile(strategic_emerging=None)(
        fig(2025, operating_revenue=D("14000"), main_business_revenue=D("5600"))(base_firm_facts()))
    verdict = engine.evaluate_tier(hopeless, 1)
    assert criterion(verdict, "T1.share").points == 0
    assert criterion(verdict, "score").outcome is FAIL
    assert verdict.outcome is TierOutcome.FAIL


def test_tier2_2022_score_with_a_missing_indicator_and_a_direct_route(engine):
    facts = profile(leading_product_field=None)(base_firm_facts())
    verdict = engine.evaluate_tier(facts, 2, "2022")
    assert criterion(verdict, "P4.field").outcome is MISSING
    facts = adding(award(Level.PROVINCIAL, 1, date(2025, 1, 1)))(facts)
    assert engine.evaluate_tier(facts, 2, "2022").outcome is TierOutcome.PASS


# ---------------------------------------------------------------- manual criteria
@pytest.mark.parametrize("tier, rulebook, manual", [
    pytest.param(2, None, "S5", id="2026 S5"),
    pytest.param(2, None, "S4.applied", id="2026 S4.applied"),
    pytest.param(3, None, "G6", id="2026 G6"),
    pytest.param(3, None, "G5.renown", id="2026 G5.renown"),
    pytest.param(3, None, "G4.applied", id="2026 G4.applied"),
    pytest.param(3, "2022", "L.chain", id="2022 L.chain"),
    pytest.param(3, "2022", "P.field", id="2022 P.field"),
    pytest.param(3, "2022", "X.ip_applied", id="2022 X.ip_applied"),
])
@pytest.mark.parametrize("decision, outcome, tier_outcome", [
    pytest.param(None, Outcome.MANUAL, TierOutcome.PENDING, id="undecided"),
    pytest.param(Decision.PASS, Outcome.PASS, TierOutcome.PASS, id="decided pass"),
    pytest.param(Decision.FAIL, Outcome.FAIL, TierOutcome.FAIL, id="decided fail"),
])
def test_manual_criteria_follow_the_decision(engine, tier, rulebook, manual, decision, outcome,
                                             tier_outcome):
    facts = with_decision(base_firm_facts(), manual, decision)
    verdict = engine.evaluate_tier(facts, tier, rulebook)
    result = criterion(verdict, manual)
    assert result.outcome is outcome
    assert verdict.outcome is tier_outcome
    if decision is None:
        assert [m.code for m in result.gap] == ["gap.decide"]
    else:
        assert result.decided_by == "tester" and result.decision_note == "checked"


def test_no_decisions_at_all_leaves_tiers_pending(engine):
    facts = replace(base_firm_facts(), decisions={})
    assert engine.evaluate_tier(facts, 2).outcome is TierOutcome.PENDING
    assert engine.evaluate_tier(facts, 3).outcome is TierOutcome.PENDING
    assert {c for c, o in outcomes(engine.evaluate_tier(facts, 3)).items()
            if o is Outcome.MANUAL} == {"G4.applied", "G5.renown", "G6"}


def test_missing_outweighs_manual(engine):
    facts = fig(2025, rd_expense=None)(with_decision(base_firm_facts(), "G6", None))
    assert engine.evaluate_tier(facts, 3).outcome is TierOutcome.INCOMPLETE


def test_g6_shows_the_field_pre_screen(engine):
    def prescreen(facts):
        verdict = engine.evaluate_tier(with_decision(facts, "G6", None), 3)
        [note] = notes_of(criterion(verdict, "G6"), "note.prescreen")
        return note.params["value"]

    assert prescreen(base_firm_facts()) == "✓"                         # key basic materials
    assert prescreen(profile(leading_product_field=LeadingProductField.OTHER)(base_firm_facts())) == "✗"


def test_the_base_decides_every_manual_criterion(engine):
    manual = {c.id for tier in (2, 3) for book in ("2022", "2026")
              for c in engine.rulebooks[book].tiers[tier].criteria if c.manual}
    assert manual == set(MANUAL_IDS)


# ---------------------------------------------------------------- determinism
@pytest.mark.parametrize("tier, rulebook", [(1, None), (2, None), (3, None), (2, "2022"), (3, "2022")])
def test_same_facts_same_verdict(engine, tier, rulebook):
    facts = fig(2024, rd_expense=D("95"))(base_firm_facts())
    first = engine.evaluate_tier(facts, tier, rulebook)
    second = engine.evaluate_tier(facts, tier, rulebook)
    rebuilt = engine.evaluate_tier(fig(2024, rd_expense=D("95"))(base_firm_facts()), tier, rulebook)
    assert first == second == rebuilt


def test_a_fresh_engine_gives_the_same_verdicts(engine):
    from desktop.paths import resources_dir
    from desktop.rules.engine import Engine
    other = Engine.load(resources_dir() / "criteria")
    facts = base_firm_facts()
    assert engine.evaluate(facts) == other.evaluate(facts)
