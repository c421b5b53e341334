"""The dashboard's figures: applications by status and verdict, firms by region and industry,
evidence expiring."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from desktop.db import stats
from desktop.domain.errors import DomainError

from .codes import industry, region
from .context import ServiceContext


@dataclass(frozen=True)
class Dashboard:
    # (batch, tier) → status → count
    applications: dict[tuple[str, int], dict[str, int]] = field(default_factory=dict)
    # (batch, tier) → tier verdict → count (open applications only)
    verdicts: dict[tuple[str, int], dict[str, int]] = field(default_factory=dict)
    firms_by_province: list[tuple[str, int]] = field(default_factory=list)
    firms_by_industry: list[tuple[str, int]] = field(default_factory=list)
    evidence_expired: int = 0
    evidence_within_30: int = 0
    evidence_within_90: int = 0


class DashboardService:
    def __init__(self, context: ServiceContext, applications, qualification, batches) -> None:
        self.context = context
        self.applications = applications
        self.qualification = qualification
        self.batches = batches

    def figures(self, with_verdicts: bool = True) -> Dashboard:
        by_status: dict[tuple[str, int], dict[str, int]] = {}
        for batch, tier, status, count in stats.applications_by_batch_tier_status():
            by_status.setdefault((batch, tier), {})[status] = count
        verdicts: dict[tuple[str, int], dict[str, int]] = {}
        if with_verdicts:
            for batch in self.batches.list():
                # Open applications, by their kept verdict digests (judged when their data
                # changed); one that cannot be judged (a DomainError) is not counted.
                open_ones = [a for a in self.applications.in_batch(batch.id)
                             if a.status.is_open]
                digests = self.qualification.application_verdicts.digests(open_ones)
                counter = Counter(digest.outcome.value for digest in digests.values()
                                  if not isinstance(digest, DomainError))
                if counter:
                    verdicts[(batch.name, batch.tier.value)] = dict(counter)
        provinces = []
        for code, count in stats.firms_by(2, "region_code"):
            place = region(code + "0000") if code else None
            provinces.append((place.province if place else code or "—", count))
        industries = []
        for code, count in stats.firms_by(1, "industry_code"):
            section = industry(code) if code else None
            industries.append((f"{code} {section.name}" if section else code or "—", count))
        today = self.context.today()
        expired, within_30, within_90 = stats.evidence_valid_until_counts(
            [today - timedelta(days=1), today + timedelta(days=30), today + timedelta(days=90)])
        return Dashboard(applications=by_status, verdicts=verdicts,
                         firms_by_province=provinces, firms_by_industry=industries,
                         evidence_expired=expired, evidence_within_30=within_30,
                         evidence_within_90=within_90)
