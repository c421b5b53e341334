"""Writing a planned package into the database, inside the caller's one transaction.

The services write with a context whose origin is 'package', so every logged change says it
came from a package. A conflict resolved "keep mine" is logged too, as an entry with origin
'kept' (old: the package's value, new: mine, who: the importer): it is a person's decision,
so the next package offering that value again is a conflict again, not a silent overwrite.

A status change from the package is added only when the application ends with the package's
status (a kept status keeps the history that led to it).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from desktop.db import applications as application_rows
from desktop.db import changelog
from desktop.db import evidence as evidence_rows
from desktop.domain import records as r
from desktop.domain.enums import ChangeAction
from desktop.domain.packages import RecordState, Resolution
from desktop.storage.attachments import StoredFile
from desktop.storage.safe_zip import report

from . import changes
from . import package_data as d
from .package_plan import Planned, flatten


@dataclass
class Counts:
    written: int = 0
    taken: int = 0
    kept: int = 0


class Writer:
    def __init__(self, services, plan: list[Planned], resolve: Callable[[str], Resolution],
                 stored: Mapping[str, StoredFile], progress=None) -> None:
        self.services = services    # firms, financials, evidence over the 'package' context
        self.context = services.context
        self.plan = plan
        self.resolve = resolve
        self.stored = stored
        self.progress = progress
        self.counts = Counts()
        self.firm: r.Firm | None = None
        self.kept: list = []   # (planned, field diff, application id) kept as mine

    def write(self, firm: r.Firm | None) -> Counts:
        self.firm = firm
        total, done = len(flatten(self.plan)), 0
        for planned in self.plan:
            done += len(flatten([planned]))
            report(self.progress, done, total)   # a cancel rolls the transaction back
            if planned.table == "firm":
                self.firm = self._firm(planned)
            elif planned.table in ("fiscal_year", "market_position", "annual_assessment"):
                self._yearly(planned)
            elif planned.table == "evidence_item":
                self._evidence(planned)
            elif planned.table == "application":
                self._application(planned)
        self._log_kept()
        return self.counts

    def _log_kept(self) -> None:
        """The 'kept' entries, written after everything the package changed: newer than the
        record's 'package' entries, so the next comparison sees a person's value."""
        changelog.add_many([r.ChangeEntry(
            at=self.context.now(), who=self.context.user, table=planned.table,
            record_id=planned.local.id, action=ChangeAction.UPDATE, field=change.field,
            old=change.theirs, new=change.mine, origin=d.ORIGIN_KEPT,
            firm_id=self.firm.id, application_id=application_id)
            for planned, change, application_id in self.kept])

    # -- merging ---------------------------------------------------------------------------
    def _merged(self, planned: Planned, application_id: int | None = None):
        """The record to save (None when nothing is to be written), after the resolutions."""
        diff, incoming = planned.diff, planned.incoming.record
        if diff.state == RecordState.NEW:
            self.counts.written += 1
            return incoming
        updates, kept = {}, []
        for change in diff.fields:
            if change.conflicting and self.resolve(change.key) is not Resolution.TAKE:
                kept.append(change)
                continue
            self.counts.taken += change.conflicting
            updates[change.field] = getattr(incoming, change.field)
        self.counts.kept += len(kept)
        self.kept += [(planned, change, application_id) for change in kept]
        if not updates:
            return None
        self.counts.written += 1
        return replace(planned.local, **updates)

    # -- the parts -------------------------------------------------------------------------
    def _firm(self, planned: Planned) -> r.Firm:
        record = self._merged(planned)
        if planned.local is None:
            return self.services.firms.create(record)
        return self.services.firms.update(record) if record is not None else planned.local

    def _yearly(self, planned: Planned) -> None:
        record = self._merged(planned)
        if record is None:
            return
        record = replace(record, firm_id=self.firm.id)
        financials = self.services.financials
        {"fiscal_year": financials.set_year, "market_position": financials.set_market_position,
         "annual_assessment": financials.set_assessment}[planned.table](record)

    def _evidence(self, planned: Planned) -> None:
        record = self._merged(planned)
        item = planned.local
        if planned.local is None:
            item = self.services.evidence.add(replace(record, firm_id=self.firm.id))
        elif record is not None:
            item = self.services.evidence.update(record)
        for child in planned.children:
            ref, stored = child.extra, self.stored[child.extra.sha256]
            attachment = evidence_rows.add_attachment(r.Attachment(
                evidence_id=item.id, sha256=ref.sha256, original_name=ref.name, size=ref.size,
                stored_path=stored.stored_path, added_at=ref.added_at), self.context.now())
            changes.log(self.context, "attachment", attachment.id, None, attachment)
            self.counts.written += 1

    def _application(self, planned: Planned) -> None:
        local = planned.local
        record = self._merged(planned, local.id if local else None)
        now = self.context.now()
        if local is None:
            saved = application_rows.insert(replace(record, firm_id=self.firm.id, batch_id=None),
                                            now)
            changes.log(self.context, "application", saved.id, None, saved)
        elif record is not None:
            saved = application_rows.update(record, now)
            changes.log(self.context, "application", saved.id, local, saved)
        else:
            saved = local
        for child in planned.children:
            if child.diff.part == "status_change":
                if saved.status == planned.incoming.record.status:
                    application_rows.add_status_change(replace(child.extra,
                                                               application_id=saved.id))
                    self.counts.written += 1
            else:
                self._decision(child, saved.id)

    def _decision(self, planned: Planned, application_id: int) -> None:
        record = self._merged(planned, application_id)
        if record is None:
            return
        theirs = planned.incoming.record   # new or taken: the package's who and when
        record = replace(record, who=theirs.who or self.context.user,
                         at=theirs.at or self.context.now())
        saved = application_rows.save_decision(replace(record, application_id=application_id))
        changes.log(self.context, "manual_decision", saved.id, planned.local, saved)
