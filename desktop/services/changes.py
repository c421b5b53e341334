"""The change log entries of a write: one per changed field, with old and new values."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from desktop.db import changelog
from desktop.db import history as history_rows
from desktop.domain.enums import ChangeAction
from desktop.domain import records as r
from desktop.domain.records import Record

from .context import ServiceContext

# Bookkeeping fields that change with every write and say nothing about the data.
_SKIPPED = {"id", "created_at", "updated_at", "attachments"}


def as_text(value: object) -> str | None:
    """The stored text of a value in the log: exact, and the same whatever the language."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def log(context: ServiceContext, table: str, record_id: int, old: Record | None,
        new: Record | None) -> None:
    """Log a create (old None), an update, or a delete (new None), field by field, each entry
    naming the firm and application it belongs to and what wrote it (`context.origin`)."""
    action = (ChangeAction.CREATE if old is None
              else ChangeAction.DELETE if new is None else ChangeAction.UPDATE)
    before = old.to_dict() if old is not None else {}
    after = new.to_dict() if new is not None else {}
    changed: list[tuple[str, str | None, str | None]] = []
    for name in (after or before):
        if name in _SKIPPED:
            continue
        old_text, new_text = as_text(before.get(name)), as_text(after.get(name))
        if old_text == new_text or (action is not ChangeAction.UPDATE
                                    and (old_text or new_text) in (None, "")):
            continue
        changed.append((name, old_text, new_text))
    if not changed:
        if action is ChangeAction.UPDATE:
            return  # nothing changed
        # A create or delete of an all-empty record is still a write worth recording.
        changed.append(("", None, None))
    firm_id, application_id = _owners(table, record_id, new if new is not None else old)
    at, who = context.now(), context.user
    changelog.add_many([
        r.ChangeEntry(at=at, who=who, table=table, record_id=record_id, action=action,
                    field=name, old=old_text, new=new_text, firm_id=firm_id,
                    application_id=application_id, origin=context.origin)
        for name, old_text, new_text in changed])


def _owners(table: str, record_id: int, record: Record) -> tuple[int | None, int | None]:
    """The firm and application a change belongs to, so their history lists it even after
    the record is deleted. At most one lookup: a decision's firm, an attachment's firm."""
    if table == "firm":
        return record_id, None
    if table == "application":
        return getattr(record, "firm_id", None), record_id
    if table == "manual_decision":
        application_id = getattr(record, "application_id", None)
        return history_rows.firm_of_application(application_id), application_id
    if table == "attachment":
        return history_rows.firm_of_evidence(getattr(record, "evidence_id", None)), None
    return getattr(record, "firm_id", None), None   # years, positions, evidence; batches: none
