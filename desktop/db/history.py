"""Reading the change log by firm and by application, and the owners of logged records.

`changes.log` asks `firm_of_application` / `firm_of_evidence` (one indexed lookup) so every new
entry names its firm and application; the history reads entries back by those columns.
"""
from __future__ import annotations

from desktop.domain import records as r

from .convert import to_record
from .models import Application, Attachment, ChangeLog, EvidenceItem


def firm_of_application(application_id: int) -> int | None:
    row = (Application.select(Application.firm).where(Application.id == application_id)
           .tuples().first())
    return row[0] if row else None


def firm_of_evidence(item_id: int) -> int | None:
    row = (EvidenceItem.select(EvidenceItem.firm).where(EvidenceItem.id == item_id)
           .tuples().first())
    return row[0] if row else None


def for_firm(firm_id: int) -> list[r.ChangeEntry]:
    """Every entry of a firm and of what it owns, oldest first (ids are the order of writing)."""
    query = ChangeLog.select().where(ChangeLog.firm == firm_id).order_by(ChangeLog.id)
    return [to_record(row, r.ChangeEntry) for row in query]


def for_application(application_id: int) -> list[r.ChangeEntry]:
    """Every entry of an application and of its decisions, oldest first."""
    query = (ChangeLog.select().where(ChangeLog.application == application_id)
             .order_by(ChangeLog.id))
    return [to_record(row, r.ChangeEntry) for row in query]


def get(change_id: int) -> r.ChangeEntry | None:
    row = ChangeLog.get_or_none(ChangeLog.id == change_id)
    return to_record(row, r.ChangeEntry) if row else None


def last_id() -> int:
    """The id of the newest entry (0 for an empty log): entries above it were written later."""
    row = ChangeLog.select(ChangeLog.id).order_by(ChangeLog.id.desc()).tuples().first()
    return row[0] if row else 0


def written_after(change_id: int) -> list[r.ChangeEntry]:
    query = ChangeLog.select().where(ChangeLog.id > change_id).order_by(ChangeLog.id)
    return [to_record(row, r.ChangeEntry) for row in query]


def attachment_ids_taken(ids: list[int]) -> set[int]:
    """Which of these attachment ids are in use now (a put-back file keeps its id if free)."""
    if not ids:
        return set()
    query = Attachment.select(Attachment.id).where(Attachment.id.in_(ids)).tuples()
    return {row[0] for row in query}
