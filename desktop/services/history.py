"""History: every logged change of a firm (its profile, years, evidence, files, applications)
or of one application (its details and decisions), newest first, and the revert of a change.

The change log itself is written by `changes.log` on every service write; this module reads it
back in the user's terms and decides what can be reverted (see `history_revert`).
"""
from __future__ import annotations

from desktop.db import history as rows
from desktop.domain import records as r
from desktop.domain.errors import NotFound, NotRevertible
from desktop.domain.history import HistoryEntry
from desktop.domain.messages import FieldRef, Message

from .applications import ApplicationService
from .context import ServiceContext
from .evidence import EvidenceService
from .financials import FinancialsService
from .firms import FirmService
from .history_revert import FirmState, apply, refusal
from .history_trail import HIDDEN_FIELDS, Trails, current_values, describe


class HistoryService:
    def __init__(self, context: ServiceContext, firms: FirmService,
                 financials: FinancialsService, evidence: EvidenceService,
                 applications: ApplicationService) -> None:
        self.context = context
        self.firms = firms
        self.financials = financials
        self.evidence = evidence
        self.applications = applications

    def for_firm(self, firm_id: int) -> list[HistoryEntry]:
        """The firm's history, newest first: its own changes and those of its years, market
        positions, assessments, evidence, files, applications and decisions, also of records
        deleted since."""
        self.firms.get(firm_id)
        return self._listing(rows.for_firm(firm_id), firm_id)

    def for_application(self, application_id: int) -> list[HistoryEntry]:
        """One application's history, newest first: its details, status and decisions."""
        application = self.applications.get(application_id)
        return self._listing(rows.for_application(application_id), application.firm_id)

    def revert(self, change_id: int) -> list[r.ChangeEntry]:
        """Undo one logged change through the owning service, in one transaction. Returns the
        entries the revert wrote (reverting the first of them undoes the revert). Refuses with
        NotRevertible saying why: the record is gone, the field was changed again since, the
        status (moved by the workflow only), or a kind of change the history does not undo."""
        entry = rows.get(change_id)
        if entry is None:
            raise NotFound(Message("history.change_not_found", {"id": change_id}))
        if entry.firm_id is None:
            raise NotRevertible(Message("history.cannot_revert"))
        with self.context.database.transaction():
            state = FirmState(self, entry.firm_id)
            trails = Trails(rows.for_firm(entry.firm_id))
            trail, write = trails.of(entry)
            reason = refusal(entry, trail, write, state)
            if reason is not None:
                raise NotRevertible(reason)
            before = rows.last_id()
            apply(self, entry, write, state, trails)
            written = rows.written_after(before)
            if not written:   # the service put the same value back (e.g. a derived field)
                raise NotRevertible(Message("history.no_effect", {"field": FieldRef(entry.field)}))
        return written

    def _listing(self, entries: list[r.ChangeEntry], firm_id: int) -> list[HistoryEntry]:
        state = FirmState(self, firm_id)
        trails = Trails(entries)
        names: dict[tuple[int, int], Message] = {}   # per (trail, life): computed once
        listing = []
        # The newest write first; a write's fields in the record's order, as a form shows them.
        for entry in sorted(entries, key=lambda e: (-trails.of(e)[1].entries[0].id, e.id)):
            if entry.field in HIDDEN_FIELDS:
                continue
            trail, write = trails.of(entry)
            key = (id(trail), write.life)
            if key not in names:
                values = trail.life_values(write.life)
                current = state.get(trail.table, trail.record_id)
                if current is not None and trail.in_last_life(write):
                    values.update(current_values(current))
                names[key] = describe(trail.table, trail.record_id, values)
            reason = refusal(entry, trail, write, state)
            listing.append(HistoryEntry(change=entry, record=names[key],
                                        can_revert=reason is None, reason=reason))
        return listing
