"""Which rulebook judges an application (criteria.md §0): the assessment date, the 2026
little-giant re-review transition, Article 30 for tier 1, and the override; and what a
re-review changes (platform score of either year, no growth test).
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from desktop.domain.enums import ApplicationKind
from desktop.domain.verdicts import Outcome, TierOutcome
from desktop.rules.rulebook import RulebookError

from .builders import (
    adding, base_firm_facts, criterion, dropping, fig, is_title, note_codes, score_of, shift_years,
    then, title, without_year,
)

NEW, REVIEW = ApplicationKind.NEW, ApplicationKind.REVIEW


@pytest.mark.parametrize("tier, day, kind, expected", [
    pytest.param(2, date(2026, 3, 31), NEW, "2022", id="tier 2 on 2026-03-31 uses 2022"),
    pytest.param(2, date(2026, 4, 1), NEW, "2026", id="tier 2 on 2026-04-01 uses 2026"),
    pytest.param(3, date(2026, 3, 31), NEW, "2022", id="tier 3 on 2026-03-31 uses 2022"),
    pytest.param(3, date(2026, 4, 1), NEW, "2026", id="tier 3 on 2026-04-01 uses 2026"),
    pytest.param(3, date(2026, 5, 10), REVIEW, "2022", id="tier 3 re-review in 2026 uses 2022"),
    pytest.param(3, date(2026, 12, 31), REVIEW, "2022", id="tier 3 re-review late in 2026 uses 2022"),
    pytest.param(2, date(2026, 5, 10), REVIEW, "2026", id="tier 2 re-review in 2026 uses 2026"),
    pytest.param(3, date(2026, 3, 31), REVIEW, "2022", id="tier 3 re-review before April uses 2022"),
    pytest.param(1, date(2026, 5, 10), NEW, "2022", id="tier 1 in 2026 uses the 2022 table"),
    pytest.param(2, date(2022, 7, 1), NEW, "2022", id="tier 2 in 2022 uses 2022"),
    pytest.param(2, date(2021, 1, 1), NEW, "2022", id="before every rulebook the oldest applies"),
])
def test_rulebook_by_date_and_kind(engine, tier, day, kind, expected):
    verdict = engine.evaluate_tier(base_firm_facts(assessment_date=day, kind=kind), tier)
    assert verdict.rulebook == expected


def test_tier3_re_review_in_2027_uses_2026(engine):
    """The transition names 2026 only (criteria.md §0 rule 2)."""
    facts = shift_years(base_firm_facts(kind=REVIEW), 1)
    verdict = engine.evaluate_tier(facts, 3)
    assert verdict.rulebook == "2026"
    assert verdict.outcome is TierOutcome.PASS


def test_tier1_in_2026_records_the_article_30_interpretation(engine):
    verdict = engine.evaluate_tier(base_firm_facts(), 1)
    assert verdict.rulebook == "2022"
    assert "art30_tier1_uses_2022_table" in verdict.interpretations
    assert verdict.score == 90
    before = engine.evaluate_tier(base_firm_facts(assessment_date=date(2026, 3, 31)), 1)
    assert "art30_tier1_uses_2022_table" not in before.interpretations
    assert before.score == verdict.score


@pytest.mark.parametrize("tier, rulebook, expected", [
    (1, None, {"art30_tier1_uses_2022_table", "band_edge_higher", "mbr_growth_y1_over_y2"}),
    (2, None, set()),
    (3, None, {"cagr_base_year_y_minus_3"}),
    (2, "2022", {"band_edge_higher", "avg_growth_arithmetic_mean", "net_margin_over_operating_revenue",
                 "rd_amount_or_ratio_better_band"}),
    (3, "2022", {"avg_growth_arithmetic_mean"}),
])
def test_interpretations_are_reported(engine, tier, rulebook, expected):
    assert set(engine.evaluate_tier(base_firm_facts(), tier, rulebook).interpretations) == expected


def test_a_tech_based_title_rests_on_an_interpretation(engine):
    facts = then(dropping(is_title("innovative_sme")), adding(title("tech_based_sme")))(base_firm_facts())
    verdict = engine.evaluate_tier(facts, 2)
    assert criterion(verdict, "S1.title").outcome is Outcome.PASS
    assert "tech_based_sme_counts_as_tier1" in verdict.interpretations


@pytest.mark.parametrize("tier, kind, override, expected", [
    pytest.param(3, NEW, "2022", "2022", id="new tier 3 judged by 2022"),
    pytest.param(3, REVIEW, "2026", "2026", id="re-review judged by 2026"),
    pytest.param(2, NEW, "2022", "2022", id="new tier 2 judged by 2022"),
    pytest.param(1, NEW, "2026", "2022", id="tier 1 under 2026 still inherits 2022"),
])
def test_override_wins(engine, tier, kind, override, expected):
    verdict = engine.evaluate_tier(base_firm_facts(kind=kind), tier, override)
    assert verdict.rulebook == expected


def test_unknown_override_is_refused(engine):
    with pytest.raises(RulebookError) as error:
        engine.evaluate_tier(base_firm_facts(), 3, "2030")
    message = error.value.messages[0]
    assert message.code == "rulebook.unknown" and message.params["id"] == "2030"


def test_evaluate_gives_one_verdict_per_tier(engine):
    verdicts = engine.evaluate(base_firm_facts())
    assert [(v.tier, v.rulebook) for v in verdicts] == [(1, "2022"), (2, "2026"), (3, "2026")]


# ---------------------------------------------------------------- re-review rules
@pytest.mark.parametrize("kind, this_year, last_year, expected", [
    pytest.param(REVIEW, "50", "60", Outcome.PASS, id="review: 60 last year passes"),
    pytest.param(NEW, "50", "60", Outcome.FAIL, id="new: last year does not count"),
    pytest.param(REVIEW, "60", "40", Outcome.PASS, id="review: 60 this year passes"),
    pytest.param(REVIEW, "59.99", "59.99", Outcome.FAIL, id="review: both years below 60"),
    pytest.param(REVIEW, None, "60", Outcome.PASS, id="review: this year unknown, last year 60"),
    pytest.param(NEW, None, "60", Outcome.MISSING, id="new: this year unknown"),
])
def test_g7_either_year_at_re_review(engine, kind, this_year, last_year, expected):
    facts = then(score_of(2026, this_year), score_of(2025, last_year))(base_firm_facts(kind=kind))
    assert criterion(engine.evaluate_tier(facts, 3, "2026"), "G7").outcome is expected


def test_g7_re_review_in_2027_without_override(engine):
    facts = shift_years(then(score_of(2026, "50"), score_of(2025, "61"))(base_firm_facts(kind=REVIEW)), 1)
    verdict = engine.evaluate_tier(facts, 3)
    assert verdict.rulebook == "2026"
    assert criterion(verdict, "G7").outcome is Outcome.PASS
    assert criterion(verdict, "G7").value == "61"


def test_g7_at_re_review_ignores_the_year_before_last(engine):
    facts = then(score_of(2026, "50"), score_of(2025, "50"), score_of(2024, "80"))(
        base_firm_facts(kind=REVIEW))
    assert criterion(engine.evaluate_tier(facts, 3, "2026"), "G7").outcome is Outcome.FAIL


@pytest.mark.parametrize("kind, expected", [(REVIEW, Outcome.PASS), (NEW, Outcome.FAIL)])
def test_s6_either_year_at_re_review(engine, kind, expected):
    facts = then(score_of(2026, "45"), score_of(2025, "55"))(base_firm_facts(kind=kind))
    verdict = engine.evaluate_tier(facts, 2)
    assert verdict.rulebook == "2026"
    assert criterion(verdict, "S6").outcome is expected


def test_the_application_score_wins_over_the_yearly_record(engine):
    facts = score_of(2026, "40")(base_firm_facts(platform_score=D("60")))
    assert criterion(engine.evaluate_tier(facts, 3), "G7").outcome is Outcome.PASS


FLAT = fig(2023, operating_revenue=D("8000"))      # CAGR 0%


def test_g2_growth_is_exempt_at_re_review(engine):
    review = engine.evaluate_tier(FLAT(base_firm_facts(kind=REVIEW)), 3, "2026")
    growth = criterion(review, "G2.growth")
    assert growth.outcome is Outcome.PASS and note_codes(growth) == ["note.review_exempt"]
    assert review.outcome is TierOutcome.PASS
    new = engine.evaluate_tier(FLAT(base_firm_facts(kind=NEW)), 3, "2026")
    assert criterion(new, "G2.growth").outcome is Outcome.FAIL


def test_g2_growth_exempt_at_re_review_even_without_y_minus_3(engine):
    facts = without_year(base_firm_facts(kind=REVIEW), 2023)
    assert criterion(engine.evaluate_tier(facts, 3, "2026"), "G2.growth").outcome is Outcome.PASS


def test_2026_re_review_under_2022_still_tests_average_growth(engine):
    """The transition applies the 2022 standards as written: Z.growth is not waived."""
    facts = then(fig(2023, main_business_revenue=D("7600")), fig(2024, main_business_revenue=D("7600")))(
        base_firm_facts(kind=REVIEW))
    verdict = engine.evaluate_tier(facts, 3)
    assert verdict.rulebook == "2022"
    assert criterion(verdict, "Z.growth").outcome is Outcome.FAIL
