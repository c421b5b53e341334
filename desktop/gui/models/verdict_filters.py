"""What the firm list's verdict filter and verdict order ask of a firm's digested verdict
(its own tier outcomes, this year). Pure functions: they run in the page's background task."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.services.verdict_cache import VerdictDigest

# What the verdict filter can ask of a firm's tier outcomes (its own verdict, this year).
TIER1_PASS, TIER2_PASS, TIER3_PASS = "tier1_pass", "tier2_pass", "tier3_pass"
ANY_PENDING, ANY_INCOMPLETE, FAILS_ALL = "any_pending", "any_incomplete", "fails_all"
VERDICT_FILTERS = (TIER1_PASS, TIER2_PASS, TIER3_PASS, ANY_PENDING, ANY_INCOMPLETE, FAILS_ALL)
VERDICT_ORDER = "verdict"   # FirmQuery.order_by beside order_ids ranked by verdict_rank


def verdict_matches(key: str, digest: VerdictDigest) -> bool:
    """Whether a verdict fits a VERDICT_FILTERS key; a firm without a verdict fits none."""
    from desktop.domain.verdicts import TierOutcome

    outcomes = {t.tier: t.outcome for t in digest.tiers}
    if not outcomes:
        return False
    if key in (TIER1_PASS, TIER2_PASS, TIER3_PASS):
        return outcomes.get(int(key[4])) == TierOutcome.PASS
    if key == ANY_PENDING:
        return TierOutcome.PENDING in outcomes.values()
    if key == ANY_INCOMPLETE:
        return TierOutcome.INCOMPLETE in outcomes.values()
    if key == FAILS_ALL:
        return all(outcome == TierOutcome.FAIL for outcome in outcomes.values())
    raise ValueError(f"unknown verdict filter {key!r}")


def verdict_rank(digest: VerdictDigest) -> tuple[int, int]:
    """Where a firm goes when the list is sorted by its best-tier cell, ascending: by what the
    cell shows, passes first, then pending, then incomplete (the higher tier first in each),
    then 'No tier', then firms without a verdict. Equal ranks keep the order they came in
    (by name, as the page ranks them)."""
    from desktop.domain.verdicts import TierOutcome

    open_tiers = [t for t in digest.tiers if t.outcome != TierOutcome.FAIL]
    if not open_tiers:
        return (3, 0) if digest.tiers else (4, 0)
    best = max(open_tiers, key=lambda t: t.tier)
    ranked = (TierOutcome.PASS, TierOutcome.PENDING, TierOutcome.INCOMPLETE)
    return ranked.index(best.outcome), -best.tier
