"""The 2022 score tables: tier 1 (criteria.md §3.1, six indicators) and tier 2 (§4.2, thirteen
indicators). A value inside every band and exactly on every edge; with band_edge = "higher"
an edge value takes the higher-scoring band (§1). Tier 1 is evaluated in 2026 (Article 30:
the 2022 table), tier 2 with the "2022" override.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from desktop.domain import records as r
from desktop.domain.enums import (
    Acquisition, Decision, EvidenceKind, HighValueBasis, LeadingProductField, Level,
)
from desktop.domain.verdicts import Outcome, TierOutcome

from .builders import (
    FIRM_ID, adding, award, base_firm_facts, criterion, dropping, fig, institution, ip, ip_only,
    is_kind, patent, points, profile, provincial, then, title, with_assessment, with_decision,
)


def rd(amount, revenue="10000"):
    return fig(2025, operating_revenue=D(revenue), main_business_revenue=D(revenue), rd_expense=D(amount))


def mbr_2025(amount, before="10000"):
    """Main-business revenue (= revenue) of 2025 against 10000 in 2024 (tier-1 growth)."""
    return then(fig(2024, main_business_revenue=D(before)),
                fig(2025, operating_revenue=D(amount), main_business_revenue=D(amount)))


def liabilities(amount):
    return fig(2025, total_assets=D("10000"), total_liabilities=D(amount))


def share(main):
    return fig(2025, operating_revenue=D("10000"), main_business_revenue=D(main))


def profit(amount):
    return fig(2025, operating_revenue=D("10000"), main_business_revenue=D("9500"), net_profit=D(amount))


def transferred(n, when=date(2020, 1, 1)):
    return patent(n, acquisition=Acquisition.TRANSFERRED, transfer_date=when)


def rows(indicator, table):
    return [pytest.param(indicator, tweak, D(expected), id=f"{indicator} {label} -> {expected}")
            for label, tweak, expected in table]


TIER_1 = [
    *rows("T1.rd_intensity", [
        ("7%", rd("700"), 20), ("exactly 5%", rd("500"), 20), ("4.9999%", rd("499.99"), 15),
        ("4%", rd("400"), 15), ("exactly 3%", rd("300"), 15), ("2.9999%", rd("299.99"), 10),
        ("2.5%", rd("250"), 10), ("exactly 2%", rd("200"), 10), ("1.9999%", rd("199.99"), 5),
        ("1.5%", rd("150"), 5), ("exactly 1%", rd("100"), 5), ("0.9999%", rd("99.99"), 0),
        ("0%", rd("0"), 0)]),
    *rows("T1.growth", [
        ("20%", mbr_2025("12000"), 20), ("exactly 15%", mbr_2025("11500"), 20),
        ("14.9999%", mbr_2025("11499.99"), 15), ("12%", mbr_2025("11200"), 15),
        ("exactly 10%", mbr_2025("11000"), 15), ("9.9999%", mbr_2025("10999.99"), 10),
        ("7%", mbr_2025("10700"), 10), ("exactly 5%", mbr_2025("10500"), 10),
        ("4.9999%", mbr_2025("10499.99"), 5), ("2%", mbr_2025("10200"), 5),
        ("exactly 0%", mbr_2025("10000"), 5), ("-0.0001%", mbr_2025("9999.99"), 0),
        ("-10%", mbr_2025("9000"), 0)]),
    *rows("T1.debt", [
        ("30%", liabilities("3000"), 10), ("exactly 55%", liabilities("5500"), 10),
        ("55.0001%", liabilities("5500.01"), 5), ("65%", liabilities("6500"), 5),
        ("exactly 75%", liabilities("7500"), 5), ("75.0001%", liabilities("7500.01"), 0),
        ("90%", liabilities("9000"), 0)]),
    *rows("T1.field", [
        ("strategic emerging", profile(strategic_emerging=True), 10),
        ("other field", profile(strategic_emerging=False), 5)]),
    *rows("T1.share", [
        ("90%", share("9000"), 20), ("exactly 70%", share("7000"), 20), ("69.9999%", share("6999.99"), 15),
        ("65%", share("6500"), 15), ("exactly 60%", share("6000"), 15), ("59.9999%", share("5999.99"), 10),
        ("57%", share("5700"), 10), ("exactly 55%", share("5500"), 10), ("54.9999%", share("5499.99"), 5),
        ("52%", share("5200"), 5), ("exactly 50%", share("5000"), 5), ("49.9999%", share("4999.99"), 0),
        ("30%", share("3000"), 0)]),
    *rows("T1.ip", [
        ("high-value Class I", ip_only(patent(1, high_value_basis=HighValueBasis.OVERSEAS_FAMILY)), 20),
        ("self-developed Class I", ip_only(patent(1)), 15),
        ("transferred Class I", ip_only(transferred(1)), 10),
        ("Class II only", ip_only(ip(EvidenceKind.SOFTWARE_COPYRIGHT, 1)), 5),
        ("none", ip_only(), 0)]),
]


@pytest.mark.parametrize("indicator, tweak, expected", TIER_1)
def test_tier1_bands(engine, indicator, tweak, expected):
    verdict = engine.evaluate_tier(tweak(base_firm_facts()), 1)
    assert verdict.rulebook == "2022"
    assert points(verdict, indicator) == expected, criterion(verdict, indicator).value


def decided(criterion_id, decision=None):
    """A tweak: a person's decision (PASS unless given) on a criterion or route."""
    return lambda facts: with_decision(facts, criterion_id, decision or Decision.PASS)


def niche(entered):
    return profile(niche_entry_date=entered)


def avg_growth(mbr_2025):
    """MBR 10000 (2023) → 10000 (2024) → X (2025): the average is half the 2025 growth."""
    return then(fig(2023, main_business_revenue=D("10000")), fig(2024, main_business_revenue=D("10000")),
                fig(2025, operating_revenue=D("20000"), main_business_revenue=D(mbr_2025)))


def digital(level):
    return lambda facts: with_assessment(facts, 2026, digital_level=level)


def staff(rd_staff):
    return fig(2025, employee_count=300, rd_staff_count=rd_staff)


def institution_only(level):
    return then(dropping(is_kind(EvidenceKind.RD_INSTITUTION)),
                adding(institution(level)) if level else (lambda f: f))


NO_CERT = dropping(is_kind(EvidenceKind.MANAGEMENT_CERTIFICATION))
QUALITY_AWARD = award(Level.PROVINCIAL, 1, date(2024, 1, 1), subtype="quality_award")
STANDARD = r.EvidenceItem(firm_id=FIRM_ID, kind=EvidenceKind.STANDARD, title="GB/T 1",
                          granted_date=date(2023, 1, 1))

TIER_2 = [
    *rows("P1.share", [
        ("90%", share("9000"), 5), ("exactly 80%", share("8000"), 5), ("79.9999%", share("7999.99"), 3),
        ("75%", share("7500"), 3), ("exactly 70%", share("7000"), 3), ("69.9999%", share("6999.99"), 1),
        ("65%", share("6500"), 1), ("exactly 60%", share("6000"), 1), ("59.9999%", share("5999.99"), 0),
        ("40%", share("4000"), 0)]),
    *rows("P2.growth", [
        ("15%", avg_growth("13000"), 10), ("exactly 10%", avg_growth("12000"), 10),
        ("9.99995%", avg_growth("11999.99"), 8), ("9%", avg_growth("11800"), 8),
        ("exactly 8%", avg_growth("11600"), 8), ("7.99995%", avg_growth("11599.99"), 6),
        ("7%", avg_growth("11400"), 6), ("exactly 6%", avg_growth("11200"), 6),
        ("5.99995%", avg_growth("11199.99"), 4), ("5%", avg_growth("11000"), 4),
        ("exactly 4%", avg_growth("10800"), 4), ("3.99995%", avg_growth("10799.99"), 2),
        ("2%", avg_growth("10400"), 2), ("exactly 0%", avg_growth("10000"), 2),
        ("slightly negative", avg_growth("9999.99"), 0), ("-5%", avg_growth("9000"), 0)]),
    *rows("P3.niche", [
        ("1.5 years", niche(date(2024, 7, 1)), 0), ("exactly 2 years", niche(date(2024, 1, 1)), 1),
        ("3.99 years", niche(date(2022, 1, 2)), 1), ("exactly 4 years", niche(date(2022, 1, 1)), 2),
        ("8 years", niche(date(2018, 1, 1)), 4), ("exactly 10 years", niche(date(2016, 1, 1)), 5),
        ("16 years (capped)", niche(date(2010, 1, 1)), 5)]),
    *rows("P4.field", [
        ("key-link statement", profile(chain_role="补短板"), 5),
        ("six foundations", profile(leading_product_field=LeadingProductField.CORE_BASIC_PARTS), 3),
        ("emerging industry", profile(leading_product_field=LeadingProductField.EMERGING_INDUSTRY), 0)]),
    *rows("P5.digital", [("level 1", digital(1), 0), ("level 2", digital(2), 3),
                         ("level 3", digital(3), 5), ("level 4", digital(4), 5)]),
    *rows("P6.quality", [
        ("no item", then(NO_CERT, profile(own_brand=False)), 0), ("own brand only", NO_CERT, 3),
        ("brand and QMS", lambda f: f, 5), ("four items (capped)", adding(QUALITY_AWARD, STANDARD), 5)]),
    *rows("P7.margin", [
        ("12%", profit("1200"), 10), ("exactly 10%", profit("1000"), 10), ("9.9999%", profit("999.99"), 8),
        ("exactly 8%", profit("800"), 8), ("7.9999%", profit("799.99"), 6), ("exactly 6%", profit("600"), 6),
        ("5%", profit("500"), 4), ("exactly 4%", profit("400"), 4), ("3.9999%", profit("399.99"), 2),
        ("exactly 2%", profit("200"), 2), ("1.9999%", profit("199.99"), 0), ("a loss", profit("-100"), 0)]),
    *rows("P8.debt", [
        ("40%", liabilities("4000"), 5), ("exactly 50%", liabilities("5000"), 5),
        ("50.0001%", liabilities("5000.01"), 3), ("exactly 60%", liabilities("6000"), 3),
        ("60.0001%", liabilities("6000.01"), 1), ("65%", liabilities("6500"), 1),
        ("exactly 70%", liabilities("7000"), 1), ("70.0001%", liabilities("7000.01"), 0)]),
    *rows("P9.provincial", [("0", provincial("0"), 0), ("1", provincial("1"), 1),
                            ("15", provincial("15"), 15), ("20 (capped)", provincial("20"), 15)]),
    *rows("P10.ip", [
        ("high-value", ip_only(patent(1, granted_date=date(2015, 1, 1))), 10),
        ("self-developed", ip_only(patent(1)), 8), ("transferred Class I", ip_only(transferred(1)), 6),
        ("Class II", ip_only(ip(EvidenceKind.DESIGN_PATENT, 1)), 2), ("none", ip_only(), 0)]),
    *rows("P11.rd", [
        ("amount exactly 500", rd("500"), 10), ("amount 499.99", rd("499.99"), 8),
        ("amount exactly 400", rd("400"), 8), ("amount exactly 300", rd("300"), 6),
        ("amount 250", rd("250"), 4), ("amount exactly 200", rd("200"), 4),
        ("amount 199.99", rd("199.99"), 2), ("amount exactly 100", rd("100"), 2),
        ("amount 99.99", rd("99.99"), 0),
        ("ratio exactly 10%", rd("100", "1000"), 10), ("ratio 9.999%", rd("99.99", "1000"), 8),
        ("ratio exactly 8%", rd("80", "1000"), 8), ("ratio exactly 6%", rd("60", "1000"), 6),
        ("ratio exactly 4%", rd("40", "1000"), 4), ("ratio exactly 3%", rd("30", "1000"), 2),
        ("ratio 2.999%", rd("29.99", "1000"), 0),
        ("better of 300 and 10%", rd("300", "3000"), 10)]),
    *rows("P12.rd_staff", [
        ("25%", staff(75), 5), ("exactly 20%", staff(60), 5), ("19.67%", staff(59), 3),
        ("exactly 10%", staff(30), 3), ("9.67%", staff(29), 1), ("exactly 5%", staff(15), 1),
        ("4.67%", staff(14), 0)]),
    *rows("P13.institution", [
        ("national", institution_only(Level.NATIONAL), 10), ("provincial", institution_only(Level.PROVINCIAL), 8),
        ("municipal", institution_only(Level.MUNICIPAL), 4), ("below municipal", institution_only(Level.OTHER), 2),
        ("none", institution_only(None), 0)]),
]


@pytest.mark.parametrize("indicator, tweak, expected", TIER_2)
def test_tier2_indicators(engine, indicator, tweak, expected):
    verdict = engine.evaluate_tier(tweak(base_firm_facts()), 2, "2022")
    assert points(verdict, indicator) == expected, criterion(verdict, indicator).value


def test_tier2_group_maxima_add_up_to_100(engine):
    """criteria.md §4.2: 25 + 25 + 15 + 35, every indicator in its best band."""
    best = then(
        fig(2023, main_business_revenue=D("7000")), fig(2024, main_business_revenue=D("8000")),
        fig(2025, operating_revenue=D("10000"), main_business_revenue=D("9500"), net_profit=D("1500"),
            rd_expense=D("600"), total_assets=D("10000"), total_liabilities=D("3000"),
            employee_count=300, rd_staff_count=90),
        niche(date(2010, 1, 1)), profile(chain_role="填空白"), digital(3), adding(QUALITY_AWARD),
        ip_only(patent(1, high_value_basis=HighValueBasis.AWARD)), institution_only(Level.NATIONAL),
        provincial("15"))
    verdict = engine.evaluate_tier(best(base_firm_facts()), 2, "2022")
    assert verdict.group_scores == {"specialization": 25, "refinement": 25, "distinctiveness": 15,
                                    "innovation": 35}
    assert verdict.score == 100


# ---------------------------------------------------------------- pass marks, floors, routes
# Base tier-2 score 82 with provincial 10; margin 0 (−10) and digital level 1 (−3) leave 59 + P9.
@pytest.mark.parametrize("provincial, expected", [
    pytest.param("1", TierOutcome.PASS, id="exactly 60 passes"),
    pytest.param("0", TierOutcome.FAIL, id="59 fails"),
])
def test_tier2_pass_mark(engine, provincial, expected):
    facts = then(profit("0"), digital(1))(base_firm_facts(provincial_feature_score=D(provincial)))
    verdict = engine.evaluate_tier(facts, 2, "2022")
    assert verdict.score == 59 + int(provincial)
    assert verdict.outcome is expected


@pytest.mark.parametrize("tweak, floor_group", [
    pytest.param(then(ip_only(), rd("150")), "innovation", id="innovation 5 < 20"),
    pytest.param(then(mbr_2025("9000"), liabilities("6000")), "growth", id="growth 5 < 15"),
    pytest.param(then(profile(strategic_emerging=False), fig(2025, operating_revenue=D("15200"))),
                 "specialization", id="specialisation 10 < 15"),
])
def test_tier1_group_floors(engine, tweak, floor_group):
    verdict = engine.evaluate_tier(tweak(base_firm_facts()), 1)
    score = criterion(verdict, "score")
    assert verdict.score >= 60 and verdict.outcome is TierOutcome.FAIL
    assert [m.params["group"].name for m in score.gap if m.code == "gap.group_floor"] == [floor_group]


FAILING_TIER_1 = then(ip_only(), rd("50"))   # innovation 0: the score alone fails
# 82 − provincial 10 − margin 10 − digital 3 − institution 4 = 55, the four conditions met
FAILING_TIER_2 = then(provincial("0"), profit("0"), digital(1), institution_only(None))


@pytest.mark.parametrize("tier, route, item, expected", [
    pytest.param(1, "D1", award(Level.PROVINCIAL, 9, date(2024, 6, 1)), True,
                 id="T1 D1 provincial award any rank"),
    pytest.param(1, "D1", award(Level.PROVINCIAL, 1, date(2022, 12, 31)), False, id="T1 D1 award 2022 too old"),
    pytest.param(1, "D1", award(Level.MUNICIPAL, 1, date(2024, 6, 1)), False, id="T1 D1 municipal award"),
    pytest.param(1, "D2", title("high_tech_enterprise"), True, id="T1 D2 valid high-tech certificate"),
    pytest.param(1, "D2", title("ip_demo"), True, id="T1 D2 IP demonstration enterprise"),
    pytest.param(1, "D2", title("high_tech_enterprise", valid_until=date(2026, 1, 1)), False,
                 id="T1 D2 expired certificate"),
    pytest.param(1, "D3", institution(Level.PROVINCIAL), True, id="T1 D3 provincial institution"),
    pytest.param(1, "D4", then(fig(2023, equity_financing=D("500")), decided("D4")), True,
                 id="T1 D4 equity exactly 500 confirmed"),
    pytest.param(1, "D4", then(fig(2023, equity_financing=D("499.99")), decided("D4")), False,
                 id="T1 D4 equity 499.99"),
    pytest.param(2, "D-a", award(Level.PROVINCIAL, 3, date(2024, 6, 1)), True, id="T2 D-a provincial top 3"),
    pytest.param(2, "D-a", award(Level.PROVINCIAL, 4, date(2024, 6, 1)), False, id="T2 D-a provincial rank 4"),
    pytest.param(2, "D-a", award(Level.NATIONAL, 5, date(2024, 6, 1)), True, id="T2 D-a national top 5"),
    pytest.param(2, "D-a", award(Level.NATIONAL, 6, date(2024, 6, 1)), False, id="T2 D-a national rank 6"),
    pytest.param(2, "D-b", then(fig(2024, rd_expense=D("1000")), fig(2025, rd_expense=D("1000"))), True,
                 id="T2 D-b mean R&D exactly 1000"),
    pytest.param(2, "D-b", then(fig(2024, rd_expense=D("1000")), fig(2025, rd_expense=D("999.98"))), False,
                 id="T2 D-b mean R&D 999.99"),
    pytest.param(2, "D-c", then(fig(2024, equity_financing=D("3000")), fig(2025, equity_financing=D("3000")),
                                decided("D-c")), True, id="T2 D-c equity exactly 6000 confirmed"),
    pytest.param(2, "D-c", then(fig(2024, equity_financing=D("3000")), fig(2025, equity_financing=D("2999.99")),
                                decided("D-c")), False, id="T2 D-c equity 5999.99"),
    pytest.param(2, "D-d", award(Level.NATIONAL, 500, date(2024, 6, 1), subtype="maker_china"), True,
                 id="T2 D-d Maker China top 500"),
    pytest.param(2, "D-d", award(Level.NATIONAL, 501, date(2024, 6, 1), subtype="maker_china"), False,
                 id="T2 D-d Maker China rank 501"),
])
def test_direct_routes(engine, tier, route, item, expected):
    failing = FAILING_TIER_1 if tier == 1 else FAILING_TIER_2
    extra = item if callable(item) else adding(item)
    facts = then(failing, extra)(base_firm_facts())
    verdict = engine.evaluate_tier(facts, tier, "2022")
    assert criterion(verdict, route).outcome is (Outcome.PASS if expected else Outcome.FAIL)
    assert verdict.outcome is (TierOutcome.PASS if expected else TierOutcome.FAIL)
    assert verdict.direct_route == (route if expected else "")
    assert criterion(verdict, "score").outcome is (Outcome.PASS if expected else Outcome.FAIL)


@pytest.mark.parametrize("tier, route, equity", [
    pytest.param(1, "D4", fig(2023, equity_financing=D("500")), id="T1 D4"),
    pytest.param(2, "D-c", then(fig(2024, equity_financing=D("3000")), fig(2025, equity_financing=D("3000"))),
                 id="T2 D-c"),
])
def test_an_equity_route_waits_for_confirmation(engine, tier, route, equity):
    """Qualified-investor status and paid-in are for a person (criteria.md §1)."""
    failing = FAILING_TIER_1 if tier == 1 else FAILING_TIER_2
    verdict = engine.evaluate_tier(then(failing, equity)(base_firm_facts()), tier, "2022")
    assert criterion(verdict, route).outcome is Outcome.MANUAL
    assert criterion(verdict, "score").outcome is Outcome.MANUAL
    assert verdict.outcome is TierOutcome.PENDING
    refused = with_decision(then(failing, equity)(base_firm_facts()), route, Decision.FAIL)
    assert engine.evaluate_tier(refused, tier, "2022").outcome is TierOutcome.FAIL


def test_a_direct_route_does_not_waive_the_tier2_conditions(engine):
    facts = then(FAILING_TIER_2, adding(award(Level.NATIONAL, 1, date(2025, 1, 1))),
                 fig(2025, rd_expense=D("99")))(base_firm_facts())
    verdict = engine.evaluate_tier(facts, 2, "2022")
    assert criterion(verdict, "score").outcome is Outcome.PASS
    assert criterion(verdict, "C2.rd_amount").outcome is Outcome.FAIL
    assert verdict.outcome is TierOutcome.FAIL


def test_provincial_points_are_taken_as_entered(engine):
    verdict = engine.evaluate_tier(provincial("7.5")(base_firm_facts()), 2, "2022")
    assert points(verdict, "P9.provincial") == D("7.5")


def test_known_points_over_the_pass_mark_pass_without_the_provincial_points(engine):
    verdict = engine.evaluate_tier(provincial(None)(base_firm_facts()), 2, "2022")   # 72 known
    assert criterion(verdict, "P9.provincial").outcome is Outcome.MISSING
    assert verdict.outcome is TierOutcome.PASS
