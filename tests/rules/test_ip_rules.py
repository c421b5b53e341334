"""Which IP rights, awards and institutions count (criteria.md §3.2, §4.1 S4, §5.1 G4):
transfers, holder rank, validity on the assessment date, Class II maintenance, high value,
and the award / institution exemptions. Assessment date 2026-05-10 unless stated.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.domain import records as r
from desktop.domain.enums import Acquisition, EvidenceKind, EvidenceStatus, HighValueBasis, Level
from desktop.domain.verdicts import Outcome, TierOutcome

from .builders import (
    FIRM_ID, adding, award, base_firm_facts, criterion, dropping, institution, ip, ip_only,
    is_exempt, is_kind, patent, points, then,
)

PASS, FAIL = Outcome.PASS, Outcome.FAIL
THREE = (patent(1), patent(2), patent(3))


def transferred(n, when):
    return patent(n, acquisition=Acquisition.TRANSFERRED, transfer_date=when)


# ---------------------------------------------------------------- 2026 G4 (≥ 4) counting
@pytest.mark.parametrize("fourth, expected", [
    pytest.param(patent(4), PASS, id="a fourth self-developed patent counts"),
    pytest.param(transferred(4, date(2015, 1, 1)), FAIL, id="transferred never counts (even 11 years ago)"),
    pytest.param(patent(4, holder_rank=3), PASS, id="holder rank 3 counts"),
    pytest.param(patent(4, holder_rank=4), FAIL, id="holder rank 4 does not count"),
    pytest.param(patent(4, related_to_leading_product=False), FAIL, id="unrelated to the leading product"),
    pytest.param(patent(4, related_to_leading_product=None), FAIL, id="relation unknown"),
    pytest.param(patent(4, granted_date=date(2026, 5, 10)), PASS, id="granted on the assessment day"),
    pytest.param(patent(4, granted_date=date(2026, 5, 11)), FAIL, id="granted after the assessment day"),
    pytest.param(patent(4, valid_until=date(2026, 5, 10)), PASS, id="valid until the assessment day"),
    pytest.param(patent(4, valid_until=date(2026, 5, 9)), FAIL, id="expired the day before"),
    pytest.param(patent(4, status=EvidenceStatus.EXPIRED), FAIL, id="status expired"),
    pytest.param(patent(4, status=EvidenceStatus.REVOKED), FAIL, id="status revoked"),
    pytest.param(patent(4, status=EvidenceStatus.PENDING), FAIL, id="status pending (not granted)"),
    pytest.param(ip(EvidenceKind.IC_LAYOUT_DESIGN, 4), PASS, id="IC layout design is Class I"),
    pytest.param(ip(EvidenceKind.PLANT_VARIETY, 4), PASS, id="plant variety is Class I"),
    pytest.param(ip(EvidenceKind.NATIONAL_NEW_DRUG, 4), PASS, id="national new drug is Class I"),
    pytest.param(ip(EvidenceKind.OTHER_CLASS_I_IP, 4), PASS, id="other Class I"),
    pytest.param(ip(EvidenceKind.UTILITY_MODEL_PATENT, 4), FAIL, id="utility model is not Class I"),
    pytest.param(ip(EvidenceKind.SOFTWARE_COPYRIGHT, 4), FAIL, id="software copyright is not Class I"),
])
def test_g4_counts_only_eligible_class_i(engine, fourth, expected):
    verdict = engine.evaluate_tier(ip_only(*THREE, fourth)(base_firm_facts()), 3)
    result = criterion(verdict, "G4.ip")
    assert result.outcome is expected, result.detail
    assert result.value == ("4" if expected is PASS else "3")


def test_g4_notes_what_it_did_not_count_and_why(engine):
    facts = ip_only(*THREE, transferred(4, date(2015, 1, 1)), patent(5, holder_rank=5),
                    patent(6, related_to_leading_product=False))(base_firm_facts())
    result = criterion(engine.evaluate_tier(facts, 3), "G4.ip")
    assert result.outcome is FAIL and result.value == "3"
    assert {(n.code, n.params["item"]) for n in result.notes} == {
        ("note.ip_transferred", "ZL4"), ("note.ip_rank", "ZL5"), ("note.ip_not_related", "ZL6")}


def test_s4_transferred_right_never_counts(engine):
    facts = ip_only(transferred(1, date(2015, 1, 1)))(base_firm_facts())
    assert criterion(engine.evaluate_tier(facts, 2), "S4.ip").outcome is FAIL


def test_2022_tier3_has_no_rank_limit(engine):
    facts = ip_only(patent(1, holder_rank=4), patent(2, holder_rank=9))(base_firm_facts())
    assert criterion(engine.evaluate_tier(facts, 3, "2022"), "X.ip").outcome is PASS


# ---------------------------------------------------------------- 2022 tier-1 IP category
@pytest.mark.parametrize("item, expected", [
    pytest.param(transferred(1, date(2025, 5, 10)), 10, id="transferred exactly 1 year ago counts"),
    pytest.param(transferred(1, date(2025, 5, 11)), 0, id="transferred 364 days ago does not"),
    pytest.param(transferred(1, None), 0, id="transfer date unknown does not"),
    pytest.param(patent(1, acquisition=Acquisition.OTHER), 10, id="other acquisition is plain Class I"),
    pytest.param(patent(1), 15, id="self-developed"),
    pytest.param(patent(1, high_value_basis=HighValueBasis.PLEDGE_FINANCING), 20, id="high value by basis"),
    pytest.param(patent(1, granted_date=date(2016, 5, 9)), 20, id="maintained over 10 years"),
    pytest.param(patent(1, granted_date=date(2016, 5, 10)), 15, id="maintained exactly 10 years"),
    pytest.param(replace(transferred(1, date(2020, 1, 1)), high_value_basis=HighValueBasis.OVERSEAS_FAMILY), 20,
                 id="transferred high-value right counts after the wait"),
    pytest.param(ip(EvidenceKind.UTILITY_MODEL_PATENT, 1, granted_date=date(2024, 5, 9)), 5,
                 id="utility model maintained over 2 years is Class II"),
    pytest.param(ip(EvidenceKind.UTILITY_MODEL_PATENT, 1, granted_date=date(2024, 5, 10)), 0,
                 id="utility model maintained exactly 2 years is not"),
    pytest.param(ip(EvidenceKind.UTILITY_MODEL_PATENT, 1, granted_date=date(2025, 1, 1)), 0,
                 id="utility model granted 16 months ago is not"),
    pytest.param(ip(EvidenceKind.DESIGN_PATENT, 1, granted_date=date(2025, 1, 1)), 0,
                 id="design patent granted 16 months ago is not"),
    pytest.param(ip(EvidenceKind.DESIGN_PATENT, 1, granted_date=date(2020, 1, 1)), 5,
                 id="design patent of 2020 is Class II"),
    pytest.param(ip(EvidenceKind.SOFTWARE_COPYRIGHT, 1, granted_date=date(2026, 1, 1)), 5,
                 id="software copyright needs no maintenance"),
    pytest.param(patent(1, related_to_leading_product=False), 0, id="unrelated right"),
    pytest.param(patent(1, status=EvidenceStatus.REVOKED), 0, id="revoked right"),
])
def test_tier1_ip_category(engine, item, expected):
    verdict = engine.evaluate_tier(ip_only(item)(base_firm_facts()), 1)
    assert points(verdict, "T1.ip") == expected, criterion(verdict, "T1.ip").detail


def test_tier1_takes_the_best_right(engine):
    facts = ip_only(ip(EvidenceKind.SOFTWARE_COPYRIGHT, 1), transferred(2, date(2020, 1, 1)),
                    patent(3), patent(4, granted_date=date(2010, 1, 1)))(base_firm_facts())
    assert points(engine.evaluate_tier(facts, 1), "T1.ip") == 20


# The reference dates are computed as "the same day N years earlier"; for an assessment on
# the 29th–31st the engine clamps the day to the 28th and so moves the cut-off by 1–3 days.
LATE_IN_MONTH = date(2026, 5, 30)


@pytest.mark.parametrize("item, expected", [
    pytest.param(ip(EvidenceKind.UTILITY_MODEL_PATENT, 1, granted_date=date(2024, 5, 29)), 5,
                 id="utility model maintained 2 years and 1 day"),
    pytest.param(transferred(1, date(2025, 5, 29)), 10, id="transferred 1 year and 1 day ago"),
    pytest.param(patent(1, granted_date=date(2016, 5, 29)), 20, id="maintained 10 years and 1 day"),
])
def test_year_cut_offs_on_late_days_of_the_month(engine, item, expected):
    facts = ip_only(item)(base_firm_facts(assessment_date=LATE_IN_MONTH))
    assert points(engine.evaluate_tier(facts, 1), "T1.ip") == expected


# ---------------------------------------------------------------- exemptions
@pytest.mark.parametrize("extra, expected", [
    pytest.param(institution(Level.PROVINCIAL), PASS, id="provincial R&D institution exempts"),
    pytest.param(institution(Level.NATIONAL), PASS, id="national R&D institution exempts"),
    pytest.param(institution(Level.MUNICIPAL), FAIL, id="municipal institution does not"),
    pytest.param(institution(Level.PROVINCIAL, status=EvidenceStatus.REVOKED), FAIL,
                 id="revoked institution does not"),
    pytest.param(award(Level.PROVINCIAL, 3, date(2024, 6, 1)), PASS, id="provincial award rank 3"),
    pytest.param(award(Level.PROVINCIAL, 4, date(2024, 6, 1)), FAIL, id="provincial award rank 4"),
    pytest.param(award(Level.PROVINCIAL, None, date(2024, 6, 1)), FAIL, id="award rank unknown"),
    pytest.param(award(Level.NATIONAL, 1, date(2023, 1, 1)), PASS, id="national award on 2023-01-01"),
    pytest.param(award(Level.NATIONAL, 1, date(2022, 12, 31)), FAIL, id="award of 2022-12-31 too old"),
    pytest.param(award(Level.PROVINCIAL, 1, date(2026, 6, 1)), FAIL, id="award after the assessment"),
    pytest.param(award(Level.MUNICIPAL, 1, date(2024, 6, 1)), FAIL, id="municipal award"),
    pytest.param(award(Level.PROVINCIAL, 1, date(2024, 6, 1), subtype="quality_award"), FAIL,
                 id="a quality award is no S&T award"),
])
def test_s4_exemptions_without_class_i(engine, extra, expected):
    verdict = engine.evaluate_tier(then(ip_only(), adding(extra))(base_firm_facts()), 2)
    result = criterion(verdict, "S4.ip")
    assert result.outcome is expected
    assert is_exempt(result) is (expected is PASS)
    if expected is PASS:
        assert is_exempt(criterion(verdict, "S4.applied"))


def test_s4_with_a_class_i_right_needs_no_exemption(engine):
    facts = adding(institution(Level.PROVINCIAL))(base_firm_facts())
    result = criterion(engine.evaluate_tier(facts, 2), "S4.ip")
    assert result.outcome is PASS and not is_exempt(result)


@pytest.mark.parametrize("extra, expected", [
    pytest.param(award(Level.NATIONAL, 3, date(2024, 6, 1)), PASS, id="national award top 3 in 3 years"),
    pytest.param(award(Level.NATIONAL, 3, date(2022, 5, 10)), FAIL, id="national award 4 years old"),
    pytest.param(award(Level.NATIONAL, 4, date(2024, 6, 1)), FAIL, id="national award rank 4"),
    pytest.param(award(Level.PROVINCIAL, 1, date(2024, 6, 1)), FAIL, id="provincial award"),
    pytest.param(institution(Level.NATIONAL), FAIL, id="an institution does not exempt G4"),
])
def test_g4_exemption_with_two_class_i(engine, extra, expected):
    facts = then(ip_only(patent(1), patent(2)), adding(extra))(base_firm_facts())
    verdict = engine.evaluate_tier(facts, 3)
    result = criterion(verdict, "G4.ip")
    assert result.outcome is expected
    assert verdict.outcome is (TierOutcome.PASS if expected is PASS else TierOutcome.FAIL)
    assert is_exempt(result) is (expected is PASS)
    if expected is PASS:
        assert is_exempt(criterion(verdict, "G4.applied"))


@pytest.mark.parametrize("status", [EvidenceStatus.REVOKED, EvidenceStatus.PENDING])
def test_revoked_or_pending_award_does_not_exempt(engine, status):
    item = award(Level.PROVINCIAL, 1, date(2024, 6, 1), status=status)
    verdict = engine.evaluate_tier(then(ip_only(), adding(item))(base_firm_facts()), 2)
    assert criterion(verdict, "S4.ip").outcome is FAIL


# ---------------------------------------------------------------- other evidence in force
STANDARD = r.EvidenceItem(firm_id=FIRM_ID, kind=EvidenceKind.STANDARD, title="GB/T 1",
                          granted_date=date(2023, 1, 1))
NO_CERT = dropping(is_kind(EvidenceKind.MANAGEMENT_CERTIFICATION))


def test_quality_items_count_a_standard_in_force(engine):
    facts = then(NO_CERT, adding(STANDARD))(base_firm_facts())          # brand + standard
    assert points(engine.evaluate_tier(facts, 2, "2022"), "P6.quality") == 5


@pytest.mark.parametrize("standard", [
    pytest.param(replace(STANDARD, status=EvidenceStatus.REVOKED), id="revoked"),
    pytest.param(replace(STANDARD, status=EvidenceStatus.PENDING), id="pending"),
    pytest.param(replace(STANDARD, granted_date=date(2026, 6, 1)), id="published after the assessment"),
])
def test_quality_items_ignore_a_standard_not_in_force(engine, standard):
    facts = then(NO_CERT, adding(standard))(base_firm_facts())          # brand only → 3
    assert points(engine.evaluate_tier(facts, 2, "2022"), "P6.quality") == 3


def test_an_expired_certificate_does_not_count(engine):
    facts = then(NO_CERT, adding(r.EvidenceItem(
        firm_id=FIRM_ID, kind=EvidenceKind.MANAGEMENT_CERTIFICATION, title="ISO 9001",
        granted_date=date(2020, 1, 1), valid_until=date(2026, 5, 9))))(base_firm_facts())
    verdict = engine.evaluate_tier(facts, 3, "2022")
    assert criterion(verdict, "J.certification").outcome is FAIL
    assert points(engine.evaluate_tier(facts, 2, "2022"), "P6.quality") == 3
