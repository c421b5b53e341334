"""Batches and applications: create them, and move applications through their statuses."""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from desktop.db import applications as rows
from desktop.domain import records as r
from desktop.domain.enums import (
    STATUS_TRANSITIONS, STATUSES_NEEDING_REASON, ApplicationStatus, BatchStatus, Decision,
)
from desktop.domain.errors import Conflict, IllegalTransition, NotFound, ValidationError
from desktop.domain.messages import Message

from . import changes
from .context import ServiceContext
from .firms import FirmService
from .inputs import record_from
from .validation import validate_application

OPEN_STATUSES = tuple(s.value for s in ApplicationStatus if s.is_open)


class BatchService:
    def __init__(self, context: ServiceContext) -> None:
        self.context = context

    def list(self) -> list[r.Batch]:
        return rows.batches()

    def get(self, batch_id: int) -> r.Batch:
        found = rows.batch(batch_id)
        if found is None:
            raise NotFound(Message("batch.not_found", {"name": batch_id}))
        return found

    def get_by_name(self, name: str) -> r.Batch:
        found = rows.batch_by_name(name.strip())
        if found is None:
            raise NotFound(Message("batch.not_found", {"name": name}, field="batch"))
        return found

    def create(self, batch: r.Batch) -> r.Batch:
        batch = dataclasses.replace(batch, name=batch.name.strip())
        if not batch.name:
            raise ValidationError(Message("field.required", field="name"))
        if rows.batch_by_name(batch.name) is not None:
            raise Conflict(Message("batch.duplicate", {"name": batch.name}, field="name"))
        with self.context.database.transaction():
            saved = rows.insert_batch(batch)
            changes.log(self.context, "batch", saved.id, None, saved)
        return saved

    def create_from(self, raw: Mapping[str, object]) -> r.Batch:
        return self.create(record_from(r.Batch, raw))

    def set_status(self, batch_id: int, status: BatchStatus) -> r.Batch:
        old = self.get(batch_id)
        with self.context.database.transaction():
            saved = rows.update_batch(dataclasses.replace(old, status=status))
            changes.log(self.context, "batch", batch_id, old, saved)
        return saved


class ApplicationService:
    def __init__(self, context: ServiceContext, firms: FirmService, batches: BatchService) -> None:
        self.context = context
        self.firms = firms
        self.batches = batches

    def get(self, application_id: int) -> r.Application:
        found = rows.get(application_id)
        if found is None:
            raise NotFound(Message("application.not_found", {"id": application_id}))
        return found

    def overview(self, batch_id: int | None = None) -> list[tuple[r.Application, r.Firm]]:
        """Every application (of one batch, if given) with its firm, newest first."""
        return rows.with_firms(batch_id)

    def for_firm(self, firm_id: int) -> list[r.Application]:
        return rows.for_firm(firm_id)

    def many(self, application_ids) -> list[r.Application]:
        """The applications with these ids (those that exist), in id order."""
        return rows.many(application_ids)

    def in_batch(self, batch_id: int) -> list[r.Application]:
        """The batch's applications in the official's ranking order, unranked last."""
        return rows.in_batch(batch_id)

    def create(self, application: r.Application) -> r.Application:
        """A new application, in draft. The assessment date defaults to today."""
        if application.assessment_date is None:
            application = dataclasses.replace(application, assessment_date=self.context.today())
        application = dataclasses.replace(application, status=ApplicationStatus.DRAFT)
        problems = validate_application(application, self.context.today())
        firm = self.firms.get(application.firm_id)
        if firm.archived:
            problems.append(Message("application.firm_archived", field="firm"))
        if application.batch_id is not None:
            batch = self.batches.get(application.batch_id)
            if batch.tier != application.tier:
                problems.append(Message("application.batch_tier", {
                    "batch_tier": batch.tier.value, "tier": application.tier.value}, field="tier"))
            if batch.status is BatchStatus.CLOSED:
                problems.append(Message("application.batch_closed", {"name": batch.name},
                                        field="batch"))
        if problems:
            raise ValidationError(problems)
        if rows.open_duplicate(application.firm_id, application.tier.value,
                               application.batch_id, OPEN_STATUSES):
            raise Conflict(Message("application.duplicate", {"tier": application.tier.value},
                                   field="tier"))
        now = self.context.now()
        with self.context.database.transaction():
            saved = rows.insert(application, now)
            rows.add_status_change(r.StatusChange(
                application_id=saved.id, from_status=None, to_status=saved.status,
                who=self.context.user, at=now))
            changes.log(self.context, "application", saved.id, None, saved)
        return saved

    def update(self, application: r.Application) -> r.Application:
        """Change the details (scores, notes, ranking, date); the status moves only by `move`."""
        old = self.get(application.id)
        application = dataclasses.replace(application, status=old.status)
        problems = validate_application(application, self.context.today())
        if problems:
            raise ValidationError(problems)
        with self.context.database.transaction():
            saved = rows.update(application, self.context.now())
            changes.log(self.context, "application", saved.id, old, saved)
        return saved

    def allowed_moves(self, application_id: int) -> frozenset[ApplicationStatus]:
        return STATUS_TRANSITIONS[self.get(application_id).status]

    def move(self, application_id: int, to_status: ApplicationStatus,
             reason: str = "") -> r.Application:
        """Move an application to another status, recording who, when and why."""
        old = self.get(application_id)
        to_status = ApplicationStatus(to_status)
        if to_status not in STATUS_TRANSITIONS[old.status]:
            raise IllegalTransition(Message("status.illegal_move", {
                "from_status": old.status.value, "to_status": to_status.value}, field="status"))
        reason = reason.strip()
        if to_status in STATUSES_NEEDING_REASON and not reason:
            raise ValidationError(Message("status.reason_required",
                                          {"to_status": to_status.value}, field="reason"))
        now = self.context.now()
        with self.context.database.transaction():
            saved = rows.update(dataclasses.replace(old, status=to_status), now)
            rows.add_status_change(r.StatusChange(
                application_id=application_id, from_status=old.status, to_status=to_status,
                who=self.context.user, at=now, reason=reason))
            changes.log(self.context, "application", application_id, old, saved)
        return saved

    def history(self, application_id: int) -> list[r.StatusChange]:
        return rows.status_history(application_id)

    def decisions(self, application_id: int) -> list[r.ManualDecision]:
        return rows.decisions(application_id)

    def decide(self, application_id: int, criterion_id: str, decision: Decision,
               note: str) -> r.ManualDecision:
        """Record a person's decision on a qualitative criterion; a note is required."""
        self.get(application_id)
        note = note.strip()
        problems = []
        if not criterion_id.strip():
            problems.append(Message("field.required", field="criterion_id"))
        if not note:
            problems.append(Message("field.required", field="note"))
        if problems:
            raise ValidationError(problems)
        old = next((d for d in rows.decisions(application_id) if d.criterion_id == criterion_id),
                   None)
        with self.context.database.transaction():
            saved = rows.save_decision(r.ManualDecision(
                application_id=application_id, criterion_id=criterion_id,
                decision=Decision(decision), note=note, who=self.context.user,
                at=self.context.now()))
            changes.log(self.context, "manual_decision", saved.id, old, saved)
        return saved

    def clear_decision(self, application_id: int, criterion_id: str) -> None:
        old = next((d for d in rows.decisions(application_id) if d.criterion_id == criterion_id),
                   None)
        if old is None:
            return
        with self.context.database.transaction():
            rows.delete_decision(application_id, criterion_id)
            changes.log(self.context, "manual_decision", old.id, old, None)
