"""Whether a logged change can be reverted now, and reverting it through the service that owns
the record, so that service's checks run and the revert is logged as a change of its own.

- An update is reverted by writing the old value back, if the field still holds the logged
  new value (else someone changed it again, and that later change would be lost silently).
- A create is reverted by removing the record, if it is still as it was created.
- A delete is reverted by adding the record again from the logged values (an evidence item
  with the files it had), if nothing has taken its place.
Everything else (firms added or deleted, files, batches, status moves) has its own place in
the window and is refused here with the reason.
"""
from __future__ import annotations

import dataclasses
import typing
from collections.abc import Mapping
from datetime import datetime

from desktop.db import history as rows
from desktop.domain import records as r
from desktop.domain.enums import ChangeAction
from desktop.domain.errors import NotFound, ValidationError
from desktop.domain.messages import FieldRef, Message
from desktop.domain.values import ParseError

from .changes import as_text
from .history_trail import BOOKKEEPING, Trail, Trails, Write, current_values, same
from .inputs import parse_value
from .validation import validate_evidence

RECORD_TYPES: dict[str, type[r.Record]] = {
    "firm": r.Firm, "fiscal_year": r.FiscalYear, "market_position": r.MarketPosition,
    "annual_assessment": r.AnnualAssessment, "evidence_item": r.EvidenceItem,
    "attachment": r.Attachment, "application": r.Application,
    "manual_decision": r.ManualDecision,
}
UPDATABLE = frozenset(RECORD_TYPES) - {"attachment"}
# Records a person adds and removes one by one (firms and files have their own screens).
REMOVABLE = frozenset({"fiscal_year", "market_position", "annual_assessment", "evidence_item",
                       "manual_decision"})
# Fields that name a record rather than describe it: no service changes them.
KEYS = frozenset({"firm_id", "application_id", "evidence_id", "year", "scope", "criterion_id",
                  "uid"})


class FirmState:
    """The current records of one firm (and of its applications), read once."""

    def __init__(self, services, firm_id: int) -> None:
        self.records: dict[tuple[str, int], r.Record] = {}
        try:
            firm = services.firms.get(firm_id)
        except NotFound:   # deleted: everything it owned is gone with it
            return
        found: list[tuple[str, r.Record]] = [("firm", firm)]
        found += [("fiscal_year", y) for y in services.financials.years(firm_id)]
        found += [("market_position", p) for p in services.financials.market_positions(firm_id)]
        found += [("annual_assessment", a) for a in services.financials.assessments(firm_id)]
        for item in services.evidence.items(firm_id):
            found += [("evidence_item", item)] + [("attachment", a) for a in item.attachments]
        for application in services.applications.for_firm(firm_id):
            found.append(("application", application))
            found += [("manual_decision", d)
                      for d in services.applications.decisions(application.id)]
        self.records = {(table, record.id): record for table, record in found}

    def get(self, table: str, record_id: int) -> r.Record | None:
        return self.records.get((table, record_id))

    def holder(self, table: str, record_id: int, values: Mapping[str, str | None]):
        """The current record in the place a deleted one would go back to, if any."""
        def matches(record) -> bool:
            if table == "evidence_item":
                if values.get("uid"):
                    return record.uid == values["uid"]
                return record.id == record_id   # logged before items had a uid
            keys = {"fiscal_year": ("year",), "annual_assessment": ("year",),
                    "market_position": ("year", "scope"),
                    "manual_decision": ("application_id", "criterion_id")}[table]
            return all(same(as_text(getattr(record, key)), values.get(key)) for key in keys)

        return next((record for (kind, _), record in self.records.items()
                     if kind == table and matches(record)), None)


def refusal(entry: r.ChangeEntry, trail: Trail, write: Write,
            state: FirmState) -> Message | None:
    """Why `entry` cannot be reverted now; None when it can."""
    table, name = entry.table, entry.field
    current = state.get(table, entry.record_id) if trail.in_last_life(write) else None
    deleted_since = any(w.action is ChangeAction.DELETE for w in trail.later(write))
    if entry.firm_id is None:
        return Message("history.cannot_revert")
    if state.get("firm", entry.firm_id) is None:
        return Message("history.record_gone")
    if table == "attachment":
        return Message("history.attachment")
    if entry.action is ChangeAction.UPDATE:
        if table == "application" and name == "status":
            return Message("history.status_by_workflow")
        if table == "manual_decision" and name in ("who", "at"):
            return Message("history.automatic")
        if table not in UPDATABLE or name in KEYS or not name:
            return Message("history.cannot_revert")
        if current is None or deleted_since:
            return Message("history.record_gone")
        now = as_text(getattr(current, name))
        if not same(now, entry.new):
            if not now:
                return Message("history.changed_since_empty", {"field": FieldRef(name)})
            return Message("history.changed_since", {"field": FieldRef(name), "current": now})
        return None
    if table == "application":
        return Message("history.application_lifecycle")
    if table == "firm":
        return Message("history.firm_lifecycle")
    if table not in REMOVABLE:
        return Message("history.cannot_revert")
    if entry.action is ChangeAction.CREATE:
        if current is None or deleted_since:
            return Message("history.record_gone")
        created = write.values()
        # (the uid is left out: items added before schema 4 were given theirs afterwards)
        if any(not same(now, created.get(field)) for field, now in current_values(current).items()
               if field != "uid"):
            return Message("history.changed_after_creation")
        return None
    # a delete
    if table == "manual_decision" and state.get("application", entry.application_id) is None:
        return Message("history.record_gone")
    if state.holder(table, entry.record_id, write.values()) is not None:
        return Message("history.exists_again")
    return None


def typed(record_type: type[r.Record], values: Mapping[str, str | None]) -> dict[str, object]:
    """Logged texts back to a record's typed values (the fields the record has)."""
    hints = typing.get_type_hints(record_type)
    result: dict[str, object] = {}
    for name, text in values.items():
        if name not in hints or name in BOOKKEEPING:
            continue
        try:
            if hints[name] in (datetime, datetime | None):
                result[name] = datetime.fromisoformat(text) if text else None
            else:
                result[name] = parse_value(name, hints[name], text)
        except (ParseError, ValueError) as error:
            code = getattr(error, "code", "value.not_a_date")
            raise ValidationError(Message(code, getattr(error, "params", {"value": text}),
                                          field=name)) from error
    return result


def apply(services, entry: r.ChangeEntry, write: Write, state: FirmState,
          trails: Trails) -> None:
    """Revert `entry` (already checked by `refusal`) through the owning service."""
    if entry.action is ChangeAction.UPDATE:
        _write_back(services, entry, state.get(entry.table, entry.record_id))
    elif entry.action is ChangeAction.CREATE:
        _remove(services, entry.table, state.get(entry.table, entry.record_id))
    else:
        _add_again(services, entry, write, trails)


def _write_back(services, entry: r.ChangeEntry, current: r.Record) -> None:
    value = typed(type(current), {entry.field: entry.old})[entry.field]
    changed = dataclasses.replace(current, **{entry.field: value})
    save = {
        "firm": services.firms.update, "fiscal_year": services.financials.set_year,
        "market_position": services.financials.set_market_position,
        "annual_assessment": services.financials.set_assessment,
        "evidence_item": services.evidence.update, "application": services.applications.update,
        "manual_decision": lambda d: services.applications.decide(
            d.application_id, d.criterion_id, d.decision, d.note),
    }[entry.table]
    save(changed)


def _remove(services, table: str, current) -> None:
    financials = services.financials
    if table == "fiscal_year":
        financials.clear_year(current.firm_id, current.year)
    elif table == "market_position":
        financials.remove_market_position(current.firm_id, current.year, current.scope)
    elif table == "annual_assessment":
        financials.remove_assessment(current.firm_id, current.year)
    elif table == "evidence_item":
        services.evidence.remove(current.id)
    else:
        services.applications.clear_decision(current.application_id, current.criterion_id)


def _add_again(services, entry: r.ChangeEntry, write: Write, trails: Trails) -> None:
    table = entry.table
    values = typed(RECORD_TYPES[table], write.values())
    if table == "manual_decision":
        services.applications.decide(entry.application_id, values["criterion_id"],
                                     values["decision"], str(values.get("note", "")))
        return
    values["firm_id"] = entry.firm_id
    if table == "evidence_item":
        _add_evidence_again(services, r.EvidenceItem(**{**values, "id": entry.record_id}),
                            _files_when_deleted(entry, trails))
        return
    record = RECORD_TYPES[table](**values)
    {"fiscal_year": services.financials.set_year,
     "market_position": services.financials.set_market_position,
     "annual_assessment": services.financials.set_assessment}[table](record)


def _files_when_deleted(entry: r.ChangeEntry, trails: Trails) -> list[r.Attachment]:
    """The attachments an evidence item had when it was deleted: files whose last logged
    write before the deletion attached them to it (their rows went with the item, unlogged)."""
    files = []
    for (table, attachment_id), trail in trails.by_record.items():
        if table != "attachment":
            continue
        before = [w for w in trail.writes if w.entries[-1].id < entry.id]
        if not before or before[-1].action is not ChangeAction.CREATE:
            continue
        values = before[-1].values()
        if values.get("evidence_id") != str(entry.record_id):
            continue
        files.append(r.Attachment(**{**typed(r.Attachment, values), "id": attachment_id}))
    return sorted(files, key=lambda a: a.id)


def _add_evidence_again(services, item: r.EvidenceItem, files: list[r.Attachment]) -> None:
    """Put a deleted item back with the files still in the store (or its trash). With its
    old id when that is free, so its history goes on; else as a new item with its files."""
    problems = validate_evidence(item, services.context.today())
    if problems:
        raise ValidationError(problems)
    store = services.evidence.store
    files = [f for f in files if _back_in_store(store, f.stored_path)]
    taken = rows.attachment_ids_taken([f.id for f in files])
    try:
        services.evidence.get(item.id)
    except NotFound:   # the id is free: the same item comes back
        back = tuple(f if f.id not in taken else dataclasses.replace(f, id=None) for f in files)
        services.evidence.restore(dataclasses.replace(item, attachments=back))
        return
    saved = services.evidence.add(dataclasses.replace(item, id=None, attachments=()))
    for attachment in files:
        if attachment.id not in taken:   # a file whose id was also reused stays in the store
            services.evidence.reattach(dataclasses.replace(attachment, evidence_id=saved.id))


def _back_in_store(store, stored_path: str) -> bool:
    if store.path_of(stored_path).is_file():
        return True
    if stored_path in store.trashed():   # the check moved it aside as unreferenced
        store.restore_from_trash(stored_path)
        return True
    return False
