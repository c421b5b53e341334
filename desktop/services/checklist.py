"""The completeness checklist of an application: what its tier needs and what is still missing.

Two parts: the verdict's criteria that do not pass (each with its gaps), and the documents a
tier asks for (audited reports for the data years, the lower tier's title, the market-share
statement of a little giant). Everything the user reads is a Message or a rulebook Text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop.domain import records as r
from desktop.domain.enums import ApplicationKind, EvidenceKind, EvidenceStatus, TitleType
from desktop.domain.messages import FieldRef, Message
from desktop.domain.verdicts import Outcome, Text, TierOutcome, TierVerdict

CRITERION = "criterion"
DOCUMENT = "document"

# The title an application of each tier needs; a re-review needs the title under review.
_TITLE_NEEDED = {
    2: (TitleType.INNOVATIVE_SME, TitleType.TECH_INNOVATIVE_SME, TitleType.TECH_BASED_SME),
    3: (TitleType.SPECIALIZED_SME,),
}
_TITLE_OF_TIER = {
    1: (TitleType.INNOVATIVE_SME, TitleType.TECH_INNOVATIVE_SME),
    2: (TitleType.SPECIALIZED_SME,),
    3: (TitleType.LITTLE_GIANT,),
}
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_USABLE = (EvidenceStatus.VALID, EvidenceStatus.EXPIRED)   # not pending, not revoked


@dataclass(frozen=True)
class ChecklistItem:
    kind: str                       # CRITERION or DOCUMENT
    done: bool
    message: Message                # what is needed (a document) or the first gap (a criterion)
    details: tuple[Message, ...] = ()   # every gap of a criterion; what is on file for a document
    title: Text | None = None       # the criterion's title from the rulebook
    criterion_id: str = ""
    outcome: str = ""               # the criterion's outcome
    optional: bool = False          # an alternative (direct route, scored indicator), not a must
    any_of: bool = False            # the details are alternatives
    evidence_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Checklist:
    application_id: int
    tier: int
    outcome: TierOutcome
    items: tuple[ChecklistItem, ...]

    @property
    def missing(self) -> tuple[ChecklistItem, ...]:
        """The required items not yet done, criteria first."""
        return tuple(item for item in self.items if not item.done and not item.optional)


def data_years(tier: int, year: int, rulebook: str) -> tuple[int, ...]:
    """The fiscal years whose audited reports an application of year `year` needs: three for a
    little giant and for a 2022 tier-2 (two-year average growth needs Y-3), else two."""
    count = 3 if tier == 3 or (tier == 2 and rulebook == "2022") else 2
    return tuple(range(year - count, year))


def build(application: r.Application, evidence: list[r.EvidenceItem], verdict: TierVerdict,
          today: date | None = None) -> Checklist:
    """The checklist of `application` from its verdict and the firm's evidence items; `today`
    stands in for an application without an assessment date."""
    day = application.assessment_date or today
    if day is None:
        raise ValueError("the application has no assessment date and no today was given")
    items = [_criterion_item(result) for result in verdict.criteria
             if result.outcome != Outcome.PASS]
    for year in data_years(int(application.tier), day.year, verdict.rulebook):
        found = [item for item in evidence if item.kind is EvidenceKind.AUDITED_REPORT
                 and item.status in _USABLE and _report_year_matches(item, year)]
        items.append(_document(Message("checklist.audited_report", {"year": year}), found))
    tier = int(application.tier)
    if application.kind is ApplicationKind.REVIEW:
        subtypes, code = _TITLE_OF_TIER.get(tier, ()), "checklist.title_held"
    else:
        subtypes, code = _TITLE_NEEDED.get(tier, ()), "checklist.title"
    if subtypes:
        found = [item for item in evidence if item.kind is EvidenceKind.TITLE
                 and item.subtype in {s.value for s in subtypes} and _valid_on(item, day)]
        what = FieldRef("|".join(s.value for s in subtypes))
        items.append(_document(Message(code, {"title": what, "date": day.isoformat()}), found))
    if tier == 3:
        found = [item for item in evidence if item.kind is EvidenceKind.MARKET_SHARE_STATEMENT
                 and item.status in _USABLE
                 and (item.granted_date is None or item.granted_date <= day)]
        items.append(_document(Message("checklist.market_share_statement"), found))
    return Checklist(application_id=application.id or 0, tier=tier, outcome=verdict.outcome,
                     items=tuple(items))


def checklist(workspace, application_id: int, verdict: TierVerdict | None = None) -> Checklist:
    """The checklist of one application of `workspace` (its verdict computed unless given)."""
    application = workspace.applications.get(application_id)
    if verdict is None:
        verdict = workspace.qualification.evaluate_application(application_id)
    return build(application, workspace.evidence.items(application.firm_id), verdict,
                 workspace.context.today())


def _criterion_item(result) -> ChecklistItem:
    gaps = tuple(result.gap)
    if not gaps:
        gaps = (Message("gap.decide" if result.outcome == Outcome.MANUAL else "gap.not_met"),)
    # Direct routes and scored indicators are ways to the pass mark, not conditions of it: the
    # score criterion carries the requirement.
    optional = result.group == "direct_route" or (result.points is not None
                                                   and result.group != "score")
    return ChecklistItem(kind=CRITERION, done=False, message=gaps[0], details=gaps,
                         title=result.title, criterion_id=result.id, outcome=result.outcome.value,
                         optional=optional, any_of=result.gap_any,
                         evidence_ids=tuple(result.evidence))


def _document(needed: Message, found: list[r.EvidenceItem]) -> ChecklistItem:
    if found:
        details = (Message("checklist.on_file",
                           {"items": "; ".join(_describe(item) for item in found)}),)
    else:
        details = (Message("checklist.not_on_file"),)
    return ChecklistItem(kind=DOCUMENT, done=bool(found), message=needed, details=details,
                         evidence_ids=tuple(item.id for item in found if item.id is not None))


def _describe(item: r.EvidenceItem) -> str:
    return f"{item.title} ({item.number})" if item.number else item.title


def _report_year_matches(item: r.EvidenceItem, year: int) -> bool:
    """A report names its fiscal year in the title ('2025年度审计报告'); without one, a report
    issued in the following year is taken to be that year's."""
    named = {int(found) for found in _YEAR.findall(item.title)}
    if named:
        return year in named
    return item.granted_date is not None and item.granted_date.year == year + 1


def _valid_on(item: r.EvidenceItem, day: date) -> bool:
    if item.status not in _USABLE:
        return False
    if item.granted_date is not None and item.granted_date > day:
        return False
    return item.valid_until is None or item.valid_until >= day
