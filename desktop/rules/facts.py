"""The facts the engine judges: a plain snapshot of one applicant, relative to the year Y.

The service builds it from the database; the engine never reads anything else, so the same
facts always give the same verdict.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from desktop.domain import records as r
from desktop.domain.enums import ApplicationKind, EvidenceStatus


@dataclass(frozen=True)
class Facts:
    firm: r.Firm
    year: int                                   # the application year Y
    assessment_date: date
    kind: ApplicationKind = ApplicationKind.NEW
    fiscal_years: dict[int, r.FiscalYear] = field(default_factory=dict)
    evidence: tuple[r.EvidenceItem, ...] = ()
    market_positions: tuple[r.MarketPosition, ...] = ()
    assessments: dict[int, r.AnnualAssessment] = field(default_factory=dict)
    platform_score: Decimal | None = None       # the application's own value for year Y
    provincial_feature_score: Decimal | None = None
    decisions: dict[str, r.ManualDecision] = field(default_factory=dict)

    @property
    def is_review(self) -> bool:
        return self.kind is ApplicationKind.REVIEW

    def figures(self, offset: int) -> r.FiscalYear | None:
        return self.fiscal_years.get(self.year + offset)

    def in_force(self, item: r.EvidenceItem) -> bool:
        """Granted by the assessment date and not yet expired, lapsed or revoked.

        'Expired' with a valid-until date defers to that date, so an earlier assessment still
        sees an item that was in force then; pending and revoked items never count.
        """
        if item.status in (EvidenceStatus.PENDING, EvidenceStatus.REVOKED):
            return False
        if item.status is EvidenceStatus.EXPIRED and item.valid_until is None:
            return False
        if item.granted_date is not None and item.granted_date > self.assessment_date:
            return False
        return item.valid_until is None or item.valid_until >= self.assessment_date


def facts_for(firm: r.Firm, year: int, assessment_date: date, *,
              kind: ApplicationKind = ApplicationKind.NEW,
              fiscal_years: list[r.FiscalYear] = (), evidence: list[r.EvidenceItem] = (),
              market_positions: list[r.MarketPosition] = (),
              assessments: list[r.AnnualAssessment] = (),
              platform_score: Decimal | None = None,
              provincial_feature_score: Decimal | None = None,
              decisions: list[r.ManualDecision] = ()) -> Facts:
    """Facts from lists of records, keyed the way the engine looks them up."""
    return Facts(firm=firm, year=year, assessment_date=assessment_date, kind=kind,
                 fiscal_years={fy.year: fy for fy in fiscal_years},
                 evidence=tuple(evidence), market_positions=tuple(market_positions),
                 assessments={a.year: a for a in assessments}, platform_score=platform_score,
                 provincial_feature_score=provincial_feature_score,
                 decisions={d.criterion_id: d for d in decisions})
