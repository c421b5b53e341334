"""Qualification: the facts of a firm or an application from the database, judged by the
engine. Verdicts are computed on every call from the current data, so one shown or exported
is never stale."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property

from desktop.domain import records as r
from desktop.domain.enums import ApplicationKind, Tier
from desktop.domain.verdicts import FirmVerdict, TierVerdict
from desktop.paths import resources_dir
from desktop.rules.engine import Engine
from desktop.rules.facts import Facts, facts_for
from desktop.rules.size_class import classify

from .context import ServiceContext

ALL_TIERS = (1, 2, 3)


class QualificationService:
    def __init__(self, context: ServiceContext, firms, financials, evidence, applications,
                 criteria_dir=None) -> None:
        self.context = context
        self.firms = firms
        self.financials = financials
        self.evidence = evidence
        self.applications = applications
        self.criteria_dir = criteria_dir or resources_dir() / "criteria"

    @cached_property
    def engine(self) -> Engine:
        """The rulebooks, loaded and validated on first use."""
        return Engine.load(self.criteria_dir)

    def default_date(self, year: int) -> date:
        """Today for the current year; the last day of the year otherwise."""
        today = self.context.today()
        return today if year == today.year else date(year, 12, 31)

    def facts(self, firm_id: int, year: int, assessment_date: date | None = None,
              kind: ApplicationKind = ApplicationKind.NEW,
              application: r.Application | None = None) -> Facts:
        firm = self.firms.get(firm_id)
        decisions = (self.applications.decisions(application.id)
                     if application and application.id else [])
        return facts_for(
            firm, year, assessment_date or self.default_date(year), kind=kind,
            fiscal_years=self.financials.years(firm_id), evidence=self.evidence.items(firm_id),
            market_positions=self.financials.market_positions(firm_id),
            assessments=self.financials.assessments(firm_id),
            platform_score=application.platform_score if application else None,
            provincial_feature_score=application.provincial_feature_score if application else None,
            decisions=decisions)

    def size_class(self, facts: Facts) -> str:
        gate = self.engine.size_gate
        figures = facts.figures(gate.year)
        sector = facts.firm.sector_class.value if facts.firm.sector_class else "other"
        result = classify(gate, sector, {
            "employees": figures.employee_count if figures else None,
            "revenue": figures.operating_revenue if figures else None,
            "assets": figures.total_assets if figures else None})
        return result.size or ""

    def evaluate_firm(self, firm_id: int, year: int | None = None, rulebook: str | None = None,
                      kind: ApplicationKind = ApplicationKind.NEW,
                      tiers=ALL_TIERS, assessment_date: date | None = None) -> FirmVerdict:
        """Every asked tier for a firm in application year `year` (default: this year)."""
        year = year or self.context.today().year
        facts = self.facts(firm_id, year, assessment_date, kind)
        verdicts = tuple(self.engine.evaluate(facts, tiers, rulebook))
        chosen = rulebook or self.engine.by_date(facts.assessment_date).id
        return FirmVerdict(firm_id=firm_id, uscc=facts.firm.uscc, name=facts.firm.name, year=year,
                           rulebook=chosen, size_class=self.size_class(facts), tiers=verdicts)

    def evaluate_application(self, application_id: int) -> TierVerdict:
        """The application's tier, on its assessment date, kind, rulebook, scores and the
        manual decisions recorded on it."""
        application = self.applications.get(application_id)
        day = application.assessment_date or self.context.today()
        facts = self.facts(application.firm_id, day.year, day, application.kind, application)
        return self.engine.evaluate_tier(facts, Tier(application.tier).value,
                                         application.rulebook.value if application.rulebook else None)

    def evaluate_batch(self, batch_id: int,
                       progress: Callable[[int, int], bool | None] | None = None
                       ) -> list[tuple[r.Application, TierVerdict]]:
        """Every application of a batch. `progress(done, total)` is called after each; when
        it returns False the evaluation stops (cancelled) with what is done so far."""
        applications = self.applications.in_batch(batch_id)
        results = []
        for index, application in enumerate(applications, start=1):
            results.append((application, self.evaluate_application(application.id)))
            if progress is not None and progress(index, len(applications)) is False:
                break
        return results
