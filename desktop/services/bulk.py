"""Adding many firms at once, with the same validation as one at a time.

Every record passes the validator the ordinary service uses (validation.py; firms are
normalised as FirmService does), then the whole list is written through desktop/db/bulk.py in
one transaction: all of it or none. The change log gets one "create" entry per record, marked
with `origin` ('bulk' unless told), instead of one per field.

A firm comes with what it owns as a `FirmBundle`; the owned records' `firm_id` is filled in
once the firm has its id (give 0). Applications name existing batches by id (add them first
with `add_batches`).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop.db import applications as application_rows
from desktop.db import bulk as bulk_rows
from desktop.domain import records as r
from desktop.domain.enums import ApplicationStatus, BatchStatus
from desktop.domain.errors import Conflict, ValidationError
from desktop.domain.messages import Message

from .context import ServiceContext
from .firms import FirmService
from .validation import (
    validate_application, validate_assessment, validate_evidence, validate_firm,
    validate_fiscal_year, validate_market_position,
)

Progress = Callable[[int, int], object]


@dataclass(frozen=True)
class FirmBundle:
    """A new firm and the records it owns (their firm_id is set on writing)."""

    firm: r.Firm
    fiscal_years: tuple[r.FiscalYear, ...] = ()
    market_positions: tuple[r.MarketPosition, ...] = ()
    assessments: tuple[r.AnnualAssessment, ...] = ()
    evidence: tuple[r.EvidenceItem, ...] = ()
    applications: tuple[r.Application, ...] = ()


class BulkService:
    def __init__(self, context: ServiceContext, firms: FirmService) -> None:
        self.context = context
        self.firms = firms

    def add_batches(self, batches: Sequence[r.Batch], origin: str = "bulk") -> list[int]:
        """New batches (names required and unique, as BatchService.create checks)."""
        batches = [dataclasses.replace(batch, name=batch.name.strip()) for batch in batches]
        names = [batch.name for batch in batches]
        taken = {batch.name for batch in application_rows.batches()}
        for batch in batches:
            if not batch.name:
                raise ValidationError(Message("field.required", field="name"))
            if batch.name in taken or names.count(batch.name) > 1:
                raise Conflict(Message("batch.duplicate", {"name": batch.name}, field="name"))
        with self.context.database.transaction():
            ids = bulk_rows.insert_batches(batches)
            bulk_rows.log_created("batch", ids, self.context.now(), self.context.user, origin)
        return ids

    def add_firms(self, bundles: Sequence[FirmBundle], origin: str = "bulk",
                  progress: Progress | None = None) -> list[int]:
        """Validate every bundle, then write them all in one transaction; the new firm ids in
        order. The first refused record raises its ValidationError (or Conflict for a USCC
        already used) and nothing is written. `progress(done, total)` after validation and
        after the write."""
        firms = [self.firms._prepared(bundle.firm) for bundle in bundles]
        self._check(bundles, firms)
        if progress is not None:
            progress(0, len(bundles))
        now, who = self.context.now(), self.context.user
        with self.context.database.transaction():
            firm_ids = bulk_rows.insert_firms(firms, now)
            bulk_rows.log_created("firm", firm_ids, now, who, origin)
            owned = list(zip(firm_ids, bundles))
            for table, attribute, insert in (
                    ("fiscal_year", "fiscal_years", bulk_rows.insert_fiscal_years),
                    ("market_position", "market_positions", bulk_rows.insert_market_positions),
                    ("annual_assessment", "assessments", bulk_rows.insert_assessments),
                    ("evidence_item", "evidence", bulk_rows.insert_evidence)):
                ids = insert(_owned(owned, attribute))
                bulk_rows.log_created(table, ids, now, who, origin)
            ids = bulk_rows.insert_applications(_owned(owned, "applications"), now, who)
            bulk_rows.log_created("application", ids, now, who, origin)
        if progress is not None:
            progress(len(bundles), len(bundles))
        return firm_ids

    def _check(self, bundles: Sequence[FirmBundle], firms: list[r.Firm]) -> None:
        today = self.context.today()
        batches = {batch.id: batch for batch in application_rows.batches()}
        seen: set[str] = set()
        for bundle, firm in zip(bundles, firms):
            problems = validate_firm(firm, today)
            for validate, records in ((validate_fiscal_year, bundle.fiscal_years),
                                      (validate_market_position, bundle.market_positions),
                                      (validate_assessment, bundle.assessments),
                                      (validate_evidence, bundle.evidence)):
                for record in records:
                    problems += validate(record, today)
            problems += self._application_problems(bundle, firm, batches, today)
            if problems:
                raise ValidationError(problems)
            if firm.uscc in seen:
                raise Conflict(Message("uscc.duplicate", {"uscc": firm.uscc}, field="uscc"))
            seen.add(firm.uscc)
        taken = bulk_rows.usccs_taken(sorted(seen))
        if taken:
            uscc = min(taken)
            raise Conflict(Message("uscc.duplicate", {"uscc": uscc}, field="uscc"))

    @staticmethod
    def _application_problems(bundle: FirmBundle, firm: r.Firm, batches: dict, today) -> list:
        """ApplicationService.create's checks; the firm is new, so only its own
        applications can be duplicates."""
        problems: list[Message] = []
        open_keys: set[tuple] = set()
        for application in bundle.applications:
            problems += validate_application(application, today)
            if firm.archived:
                problems.append(Message("application.firm_archived", field="firm"))
            batch = batches.get(application.batch_id)
            if application.batch_id is not None and batch is None:
                problems.append(Message("batch.not_found", {"name": application.batch_id},
                                        field="batch"))
            elif batch is not None:
                if batch.tier != application.tier:
                    problems.append(Message("application.batch_tier", {
                        "batch_tier": batch.tier.value, "tier": application.tier.value},
                        field="tier"))
                if batch.status is BatchStatus.CLOSED:
                    problems.append(Message("application.batch_closed", {"name": batch.name},
                                            field="batch"))
            if ApplicationStatus(application.status).is_open:
                key = (application.tier, application.batch_id)
                if key in open_keys:
                    raise Conflict(Message("application.duplicate",
                                           {"tier": application.tier.value}, field="tier"))
                open_keys.add(key)
        return problems


def _owned(owned, attribute: str) -> list:
    """Every bundle's `attribute` records with their firm's id filled in."""
    return [dataclasses.replace(record, firm_id=firm_id)
            for firm_id, bundle in owned for record in getattr(bundle, attribute)]
