"""Qualification: the facts of a firm or an application from the database, judged by the
engine. Verdicts of one firm or application are computed on every call from the current data;
those the lists and batches show many at a time are kept, each for the data version it was
judged on (the firm list's digests: verdict_cache.py; applications: application_verdicts.py),
so one shown or exported is never stale. `facts_many` / `evaluate_many` /
`evaluate_applications` read many firms in a few queries."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property

from desktop.db import batched as batched_rows
from desktop.db import evidence as evidence_rows
from desktop.db import figures
from desktop.domain import records as r
from desktop.domain.enums import ApplicationKind, Tier
from desktop.domain.errors import DomainError, NotFound
from desktop.domain.messages import Message
from desktop.domain.verdicts import FirmVerdict, TierVerdict
from desktop.paths import resources_dir
from desktop.rules.engine import Engine
from desktop.rules.facts import Facts, facts_for
from desktop.rules.size_class import classify

from .context import ServiceContext

ALL_TIERS = (1, 2, 3)
MANY_CHUNK = 500   # firms whose facts are read together by evaluate_many


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

    @cached_property
    def verdict_cache(self):
        """The firms' own verdicts (this year), digested and kept until their data changes."""
        from .verdict_cache import VerdictCache

        return VerdictCache(self)

    @cached_property
    def application_verdicts(self):
        """The applications' verdicts, digests kept until their data changes (batch desk,
        summary, dashboard)."""
        from .application_verdicts import ApplicationVerdicts

        return ApplicationVerdicts(self)

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

    def facts_many(self, firm_ids, year: int | None = None,
                   assessment_date: date | None = None,
                   kind: ApplicationKind = ApplicationKind.NEW) -> dict[int, Facts]:
        """The facts of many firms (their own data, no application) by firm id, as `facts`
        gives them one by one, in a few queries per batched.CHUNK firms instead of five per
        firm. Ids of firms that do not exist are left out."""
        year = year or self.context.today().year
        day = assessment_date or self.default_date(year)
        ids = list(dict.fromkeys(firm_ids))
        firms = batched_rows.firms_for(ids)
        present = [firm_id for firm_id in ids if firm_id in firms]
        years = figures.years_for(present)
        items = evidence_rows.items_for(present)
        positions = figures.positions_for(present)
        assessments = figures.assessments_for(present)
        return {firm_id: facts_for(
            firms[firm_id], year, day, kind=kind, fiscal_years=years.get(firm_id, ()),
            evidence=items.get(firm_id, ()), market_positions=positions.get(firm_id, ()),
            assessments=assessments.get(firm_id, ())) for firm_id in present}

    def evaluate_many(self, firm_ids, year: int | None = None, rulebook: str | None = None,
                      kind: ApplicationKind = ApplicationKind.NEW, tiers=ALL_TIERS,
                      assessment_date: date | None = None,
                      progress: Callable[[int, int], bool | None] | None = None
                      ) -> dict[int, FirmVerdict | DomainError]:
        """`evaluate_firm` for many firms, by firm id: their facts read MANY_CHUNK firms at a
        time. A firm that cannot be judged gets the DomainError saying why (a missing firm:
        NotFound) instead of a verdict, so one firm's problem does not stop the others.
        `progress(done, total)` is called after each chunk; False stops (what is done so
        far is returned)."""
        year = year or self.context.today().year
        ids = list(dict.fromkeys(firm_ids))
        results: dict[int, FirmVerdict | DomainError] = {}
        for start in range(0, len(ids), MANY_CHUNK):
            part = ids[start:start + MANY_CHUNK]
            facts = self.facts_many(part, year, assessment_date, kind)
            for firm_id in part:
                one = facts.get(firm_id)
                if one is None:
                    results[firm_id] = NotFound(Message("firm.id_not_found", {"id": firm_id}))
                    continue
                try:
                    results[firm_id] = self._verdict(firm_id, year, one, rulebook, tiers)
                except DomainError as error:
                    results[firm_id] = error
            if progress is not None and progress(len(results), len(ids)) is False:
                break
        return results

    def _verdict(self, firm_id: int, year: int, facts: Facts, rulebook: str | None,
                 tiers) -> FirmVerdict:
        verdicts = tuple(self.engine.evaluate(facts, tiers, rulebook))
        chosen = rulebook or self.engine.by_date(facts.assessment_date).id
        return FirmVerdict(firm_id=firm_id, uscc=facts.firm.uscc, name=facts.firm.name, year=year,
                           rulebook=chosen, size_class=self.size_class(facts), tiers=verdicts)

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
        return self._verdict(firm_id, year, facts, rulebook, tiers)

    def evaluate_application(self, application_id: int) -> TierVerdict:
        """The application's tier, on its assessment date, kind, rulebook, scores and the
        manual decisions recorded on it."""
        application = self.applications.get(application_id)
        day = application.assessment_date or self.context.today()
        facts = self.facts(application.firm_id, day.year, day, application.kind, application)
        return self.engine.evaluate_tier(facts, Tier(application.tier).value,
                                         application.rulebook.value if application.rulebook else None)

    def evaluate_applications(self, applications) -> dict[int, TierVerdict | DomainError]:
        """`evaluate_application` for many applications (records, read by the caller), by
        id: the facts of their firms read in a few queries. An application that cannot be
        judged gets the DomainError saying why, so it does not stop the others."""
        applications = list(applications)
        firm_ids = [a.firm_id for a in applications]
        firms = batched_rows.firms_for(firm_ids)
        years = figures.years_for(firm_ids)
        items = evidence_rows.items_for(firm_ids)
        positions = figures.positions_for(firm_ids)
        assessments = figures.assessments_for(firm_ids)
        decisions = batched_rows.decisions_for([a.id for a in applications])
        results: dict[int, TierVerdict | DomainError] = {}
        for application in applications:
            firm = firms.get(application.firm_id)
            if firm is None:
                results[application.id] = NotFound(
                    Message("firm.id_not_found", {"id": application.firm_id}))
                continue
            day = application.assessment_date or self.context.today()
            facts = facts_for(
                firm, day.year, day, kind=application.kind,
                fiscal_years=years.get(firm.id, ()), evidence=items.get(firm.id, ()),
                market_positions=positions.get(firm.id, ()),
                assessments=assessments.get(firm.id, ()),
                platform_score=application.platform_score,
                provincial_feature_score=application.provincial_feature_score,
                decisions=decisions.get(application.id, ()))
            try:
                results[application.id] = self.engine.evaluate_tier(
                    facts, Tier(application.tier).value,
                    application.rulebook.value if application.rulebook else None)
            except DomainError as error:
                results[application.id] = error
        return results

    def evaluate_batch(self, batch_id: int,
                       progress: Callable[[int, int], bool | None] | None = None
                       ) -> list[tuple[r.Application, TierVerdict | DomainError]]:
        """Every application of a batch with its verdict (or the DomainError in its way),
        judged in chunks; their digests are kept for the summary and the dashboard
        (`application_verdicts`). `progress(done, total)` is called after each chunk; when it
        returns False the evaluation stops (cancelled) with what is done so far."""
        applications = self.applications.in_batch(batch_id)
        verdicts = self.application_verdicts.judge(applications, progress)
        return [(a, verdicts[a.id]) for a in applications if a.id in verdicts]
