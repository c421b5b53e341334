"""The words the firm list's cells show: a region's and an industry's name, a verdict's best
tier and its tooltip. Translated in the firm table's context ("FirmTableModel")."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.domain.messages import Message
from desktop.services import codes

from .. import i18n

if TYPE_CHECKING:
    from desktop.domain.verdicts import FirmVerdict, TierOutcome
    from desktop.services.verdict_cache import VerdictDigest


@lru_cache(maxsize=4096)
def region_text(code: str) -> str:
    place = codes.region(code)
    return place.full_name if place else code


@lru_cache(maxsize=4096)
def industry_text(code: str) -> str:
    found = codes.industry(code)
    return f"{found.code} {found.name}" if found else code


def verdict_text(verdict: FirmVerdict | VerdictDigest) -> str:
    """The highest tier the firm has not failed, e.g. 'Tier 3: pending'."""
    from desktop.domain.verdicts import TierOutcome

    open_tiers = [t for t in verdict.tiers if t.outcome != TierOutcome.FAIL]
    if not open_tiers:
        return QCoreApplication.translate("FirmTableModel", "No tier") if verdict.tiers else "—"
    best = max(open_tiers, key=lambda t: t.tier)
    return QCoreApplication.translate("FirmTableModel", "Tier {tier}: {outcome}").format(
        tier=best.tier, outcome=outcome_text(best.outcome))


def verdict_tooltip(verdict: VerdictDigest) -> str:
    """Each tier's outcome, and the rulebook and year judged; or why there is no verdict."""
    if verdict.problem:
        return "\n".join(i18n.render(p) if isinstance(p, Message) else p
                         for p in verdict.problem)
    lang = i18n.language()
    lines = [f"{t.title.get(lang)}: {outcome_text(t.outcome)}" for t in verdict.tiers]
    lines.append(QCoreApplication.translate(
        "FirmTableModel", "Rulebook {rulebook}, application year {year}").format(
            rulebook=verdict.rulebook, year=verdict.year))
    return "\n".join(lines)


def outcome_text(outcome: TierOutcome) -> str:
    from desktop.domain.verdicts import TierOutcome

    if outcome == TierOutcome.PASS:
        return QCoreApplication.translate("FirmTableModel", "pass")
    if outcome == TierOutcome.FAIL:
        return QCoreApplication.translate("FirmTableModel", "fail")
    if outcome == TierOutcome.PENDING:
        return QCoreApplication.translate("FirmTableModel", "pending")
    return QCoreApplication.translate("FirmTableModel", "incomplete")
