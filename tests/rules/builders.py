"""Facts for the rules-engine tests: one firm that passes everything, and one-change tweaks.

`base_firm_facts()` is a medium industrial firm, application year Y = 2026, assessed on
2026-05-10 (2026 rulebook), that passes tier 2 and tier 3 of both rulebooks and the 2022
tier-1 table. Each test changes ONE thing with the helpers below and checks what moves.

Base figures (万元), Y-3 .. Y-1 = 2023 .. 2025:

    year  revenue  main  R&D  assets  liab.  profit  staff  R&D staff  equity
    2023    6000   5700  400    9000   4000    500     280       50        0
    2024    7000   6650  650    9500   4000    650     290       55        0
    2025    8000   7600  600   10000   4000    800     300       60        0
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

from desktop.domain import records as r
from desktop.domain.enums import (
    Acquisition, ApplicationKind, Decision, EvidenceKind, LeadingProductField, Level,
    MarketScope, SectorClass,
)
from desktop.domain.messages import render
from desktop.rules.facts import Facts, facts_for

Y = 2026
ASSESSED = date(2026, 5, 10)
FIRM_ID = 1

BASE_YEARS = {
    2023: dict(operating_revenue=D("6000"), main_business_revenue=D("5700"), rd_expense=D("400"),
               total_assets=D("9000"), total_liabilities=D("4000"), net_profit=D("500"),
               employee_count=280, rd_staff_count=50, equity_financing=D("0")),
    2024: dict(operating_revenue=D("7000"), main_business_revenue=D("6650"), rd_expense=D("650"),
               total_assets=D("9500"), total_liabilities=D("4000"), net_profit=D("650"),
               employee_count=290, rd_staff_count=55, equity_financing=D("0")),
    2025: dict(operating_revenue=D("8000"), main_business_revenue=D("7600"), rd_expense=D("600"),
               total_assets=D("10000"), total_liabilities=D("4000"), net_profit=D("800"),
               employee_count=300, rd_staff_count=60, equity_financing=D("0")),
}

# Every manual criterion of both rulebooks, decided PASS, so the base verdict is a clean PASS.
MANUAL_IDS = ("S4.applied", "S5", "G4.applied", "G5.renown", "G6",
              "L.chain", "P.field", "X.ip_applied")


def firm(**changes) -> r.Firm:
    base = r.Firm(uscc="91320583MA1MABCDEA", name="甲", id=FIRM_ID,
                  sector_class=SectorClass.INDUSTRIAL, niche_entry_date=date(2018, 1, 1),
                  leading_product_field=LeadingProductField.KEY_BASIC_MATERIALS,
                  strategic_emerging=True, own_brand=True, on_abnormal_operations_list=False,
                  on_serious_dishonesty_list=False)
    return replace(base, **changes)


def fiscal_year(year: int, **figures) -> r.FiscalYear:
    return r.FiscalYear(firm_id=FIRM_ID, year=year, **figures)


def patent(n: int, **changes) -> r.EvidenceItem:
    """A self-developed invention patent related to the leading product, granted 2020."""
    base = r.EvidenceItem(firm_id=FIRM_ID, kind=EvidenceKind.INVENTION_PATENT, title=f"p{n}",
                          number=f"ZL{n}", granted_date=date(2020, 1, 1),
                          related_to_leading_product=True,
                          acquisition=Acquisition.SELF_DEVELOPED, holder_rank=1, id=10 + n)
    return replace(base, **changes)


def title(subtype: str, **changes) -> r.EvidenceItem:
    base = r.EvidenceItem(firm_id=FIRM_ID, kind=EvidenceKind.TITLE, subtype=subtype,
                          title=subtype, level=Level.PROVINCIAL, granted_date=date(2024, 1, 1),
                          valid_until=date(2027, 1, 1))
    return replace(base, **changes)


def award(level: Level, rank: int, granted: date, subtype: str = "st_award",
          **changes) -> r.EvidenceItem:
    base = r.EvidenceItem(firm_id=FIRM_ID, kind=EvidenceKind.AWARD, subtype=subtype,
                          title=f"{level.value} {subtype}", level=level, granted_date=granted,
                          holder_rank=rank)
    return replace(base, **changes)


def institution(level: Level, **changes) -> r.EvidenceItem:
    base = r.EvidenceItem(firm_id=FIRM_ID, kind=EvidenceKind.RD_INSTITUTION,
                          title=f"{level.value} R&D centre", level=level,
                          granted_date=date(2019, 6, 1))
    return replace(base, **changes)


def ip(kind: EvidenceKind, n: int, **changes) -> r.EvidenceItem:
    """Any IP right, related to the leading product, self-developed, rank 1."""
    return patent(n, kind=kind, **changes)


def base_evidence() -> list[r.EvidenceItem]:
    return [
        *(patent(n) for n in (1, 2, 3, 4)),
        title("innovative_sme", id=20, granted_date=date(2025, 1, 1), valid_until=date(2028, 1, 1)),
        title("specialized_sme", id=21),
        institution(Level.MUNICIPAL, id=22),
        r.EvidenceItem(firm_id=FIRM_ID, kind=EvidenceKind.MANAGEMENT_CERTIFICATION,
                       title="ISO 9001", granted_date=date(2021, 3, 1),
                       valid_until=date(2027, 3, 1), id=23),
    ]


def base_firm_facts(**overrides) -> Facts:
    """The all-passing firm; `overrides` replace fields of Facts (kind, assessment_date …)."""
    facts = facts_for(
        firm(), Y, ASSESSED, kind=ApplicationKind.NEW,
        fiscal_years=[fiscal_year(year, **figures) for year, figures in BASE_YEARS.items()],
        evidence=base_evidence(),
        market_positions=[r.MarketPosition(firm_id=FIRM_ID, year=2025,
                                           scope=MarketScope.DOMESTIC, share_percent=D("12"),
                                           rank=2)],
        assessments=[r.AnnualAssessment(firm_id=FIRM_ID, year=2026, platform_score=D("65"),
                                        digital_level=2, info_system_count=3)],
        provincial_feature_score=D("10"),
        decisions=[r.ManualDecision(application_id=1, criterion_id=c, decision=Decision.PASS,
                                    note="ok") for c in MANUAL_IDS])
    return replace(facts, **overrides)


# ---------------------------------------------------------------- one-change tweaks
def with_figures(facts: Facts, year: int, **figures) -> Facts:
    """Change figures of one fiscal year (None clears one); creates the year if absent."""
    years = dict(facts.fiscal_years)
    current = years.get(year) or fiscal_year(year)
    years[year] = replace(current, **figures)
    return replace(facts, fiscal_years=years)


def without_year(facts: Facts, year: int) -> Facts:
    return replace(facts, fiscal_years={y: fy for y, fy in facts.fiscal_years.items() if y != year})


def with_firm(facts: Facts, **changes) -> Facts:
    return replace(facts, firm=replace(facts.firm, **changes))


def with_evidence(facts: Facts, *items: r.EvidenceItem) -> Facts:
    return replace(facts, evidence=facts.evidence + items)


def without_evidence(facts: Facts, predicate) -> Facts:
    return replace(facts, evidence=tuple(i for i in facts.evidence if not predicate(i)))


def only_ip(facts: Facts, *items: r.EvidenceItem) -> Facts:
    """Replace every IP right of the base firm by `items`."""
    return with_evidence(without_evidence(facts, lambda i: i.kind.is_ip), *items)


def with_assessment(facts: Facts, year: int, **changes) -> Facts:
    assessments = dict(facts.assessments)
    current = assessments.get(year) or r.AnnualAssessment(firm_id=FIRM_ID, year=year)
    assessments[year] = replace(current, **changes)
    return replace(facts, assessments=assessments)


def with_market(facts: Facts, *positions: r.MarketPosition) -> Facts:
    return replace(facts, market_positions=tuple(positions))


def position(share: str | None, rank: int | None = None, scope=MarketScope.DOMESTIC,
             year: int = 2025) -> r.MarketPosition:
    return r.MarketPosition(firm_id=FIRM_ID, year=year, scope=scope,
                            share_percent=None if share is None else D(share), rank=rank)


def with_decision(facts: Facts, criterion_id: str, decision: Decision | None) -> Facts:
    """Record a decision on a manual criterion, or remove it (None)."""
    decisions = dict(facts.decisions)
    decisions.pop(criterion_id, None)
    if decision is not None:
        decisions[criterion_id] = r.ManualDecision(application_id=1, criterion_id=criterion_id,
                                                   decision=decision, note="checked", who="tester")
    return replace(facts, decisions=decisions)


def shift_years(facts: Facts, years: int) -> Facts:
    """The same firm `years` later: Y, the assessment date, every figure's year and every
    evidence date move together."""
    def move(day):
        return None if day is None else day.replace(year=day.year + years)

    return replace(
        facts, year=facts.year + years, assessment_date=move(facts.assessment_date),
        firm=replace(facts.firm, niche_entry_date=move(facts.firm.niche_entry_date)),
        fiscal_years={y + years: replace(fy, year=y + years) for y, fy in facts.fiscal_years.items()},
        evidence=tuple(replace(i, granted_date=move(i.granted_date), valid_until=move(i.valid_until),
                               transfer_date=move(i.transfer_date)) for i in facts.evidence),
        market_positions=tuple(replace(p, year=p.year + years) for p in facts.market_positions),
        assessments={y + years: replace(a, year=y + years) for y, a in facts.assessments.items()})


# ---------------------------------------------------------------- reading verdicts
def outcomes(verdict) -> dict:
    return {c.id: c.outcome for c in verdict.criteria}


def criterion(verdict, criterion_id: str):
    matches = [c for c in verdict.criteria if c.id == criterion_id]
    assert len(matches) == 1, f"{criterion_id} not in {[c.id for c in verdict.criteria]}"
    return matches[0]


def points(verdict, indicator_id: str):
    return criterion(verdict, indicator_id).points


def gap_text(result, lang: str = "en") -> str:
    return " | ".join(render(message, lang) for message in result.gap)


# ---------------------------------------------------------------- tweaks as values, for tables
def fig(year: int, **figures):
    """A tweak: change figures of one fiscal year."""
    return lambda facts: with_figures(facts, year, **figures)


def profile(**changes):
    """A tweak: change the firm's profile."""
    return lambda facts: with_firm(facts, **changes)


def adding(*items: r.EvidenceItem):
    return lambda facts: with_evidence(facts, *items)


def dropping(predicate):
    return lambda facts: without_evidence(facts, predicate)


def ip_only(*items: r.EvidenceItem):
    return lambda facts: only_ip(facts, *items)


def score_of(year: int, value: str | None):
    """A tweak: the platform score recorded for one year."""
    return lambda facts: with_assessment(facts, year, platform_score=None if value is None else D(value))


def market(*positions: r.MarketPosition):
    return lambda facts: with_market(facts, *positions)


def then(*tweaks):
    """Several tweaks that together make one change (e.g. a ratio's two figures)."""
    def apply(facts: Facts) -> Facts:
        for tweak in tweaks:
            facts = tweak(facts)
        return facts
    return apply


def is_kind(*kinds: EvidenceKind):
    return lambda item: item.kind in kinds


def is_title(subtype: str):
    return lambda item: item.kind is EvidenceKind.TITLE and item.subtype == subtype


def provincial(value: str | None):
    """A tweak: the 2022 tier-2 provincial distinctiveness points (特色化)."""
    return lambda facts: replace(facts, provincial_feature_score=None if value is None else D(value))


def note_codes(result) -> list[str]:
    """The codes of a result's explanatory notes (exempt, not counted, pre-screen …)."""
    return [note.code for note in result.notes]


def notes_of(result, code: str) -> list:
    return [note for note in result.notes if note.code == code]


def is_exempt(result) -> bool:
    return "note.exempt" in note_codes(result)
