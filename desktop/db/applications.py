"""Batches, applications, their status history and manual decisions."""
from __future__ import annotations

from datetime import datetime

from desktop.domain import records as r

from .convert import new_uid, to_columns, to_record
from .models import Application, Batch, ManualDecision, StatusChange


def batches() -> list[r.Batch]:
    return [to_record(row, r.Batch) for row in Batch.select().order_by(Batch.name)]


def batch_by_name(name: str) -> r.Batch | None:
    row = Batch.get_or_none(Batch.name == name)
    return to_record(row, r.Batch) if row else None


def batch(batch_id: int) -> r.Batch | None:
    row = Batch.get_or_none(Batch.id == batch_id)
    return to_record(row, r.Batch) if row else None


def insert_batch(record: r.Batch) -> r.Batch:
    return batch(Batch.create(**to_columns(record)).id)


def update_batch(record: r.Batch) -> r.Batch:
    Batch.update(**to_columns(record)).where(Batch.id == record.id).execute()
    return batch(record.id)


def get(application_id: int) -> r.Application | None:
    row = Application.get_or_none(Application.id == application_id)
    return to_record(row, r.Application) if row else None


def for_firm(firm_id: int) -> list[r.Application]:
    query = Application.select().where(Application.firm == firm_id).order_by(Application.id)
    return [to_record(row, r.Application) for row in query]


def in_batch(batch_id: int) -> list[r.Application]:
    from .batched import record_from   # rows as dicts: a batch may hold thousands

    query = (Application.select().where(Application.batch == batch_id)
             .order_by(Application.ranking.asc(nulls="last"), Application.id))
    return [record_from(row, r.Application) for row in query.dicts()]


def many(application_ids) -> list[r.Application]:
    """The applications with these ids (those that exist), in id order."""
    from .batched import chunks, record_from

    found = []
    for part in chunks(application_ids):
        query = Application.select().where(Application.id.in_(part)).order_by(Application.id)
        found += [record_from(row, r.Application) for row in query.dicts()]
    return found


def open_duplicate(firm_id: int, tier: int, batch_id: int | None,
                   open_statuses: tuple[str, ...]) -> bool:
    query = Application.select().where((Application.firm == firm_id) & (Application.tier == tier)
                                       & Application.status.in_(open_statuses))
    query = query.where(Application.batch.is_null() if batch_id is None
                        else Application.batch == batch_id)
    return query.exists()


def insert(record: r.Application, now: datetime) -> r.Application:
    columns = to_columns(record, exclude=("id", "created_at", "updated_at"))
    columns["uid"] = record.uid or new_uid()
    return get(Application.create(**columns, created_at=now, updated_at=now).id)


def update(record: r.Application, now: datetime) -> r.Application:
    # The uid is given once; an edit never changes it.
    columns = to_columns(record, exclude=("id", "created_at", "updated_at", "uid"))
    Application.update(**columns, updated_at=now).where(Application.id == record.id).execute()
    return get(record.id)


def add_status_change(record: r.StatusChange) -> r.StatusChange:
    return to_record(StatusChange.create(**to_columns(record)), r.StatusChange)


def status_history(application_id: int) -> list[r.StatusChange]:
    query = (StatusChange.select().where(StatusChange.application == application_id)
             .order_by(StatusChange.at, StatusChange.id))
    return [to_record(row, r.StatusChange) for row in query]


def decisions(application_id: int) -> list[r.ManualDecision]:
    query = (ManualDecision.select().where(ManualDecision.application == application_id)
             .order_by(ManualDecision.criterion_id))
    return [to_record(row, r.ManualDecision) for row in query]


def save_decision(record: r.ManualDecision) -> r.ManualDecision:
    key = ((ManualDecision.application == record.application_id)
           & (ManualDecision.criterion_id == record.criterion_id))
    columns = to_columns(record)
    if ManualDecision.select().where(key).exists():
        ManualDecision.update(**columns).where(key).execute()
    else:
        ManualDecision.insert(**columns).execute()
    return to_record(ManualDecision.get(key), r.ManualDecision)


def delete_decision(application_id: int, criterion_id: str) -> None:
    ManualDecision.delete().where((ManualDecision.application == application_id)
                                  & (ManualDecision.criterion_id == criterion_id)).execute()


def with_firms(batch_id: int | None = None) -> list[tuple[r.Application, r.Firm]]:
    """Applications with their firms, newest first, in one query."""
    from .models import Firm

    query = Application.select(Application, Firm).join(Firm).order_by(Application.id.desc())
    if batch_id is not None:
        query = query.where(Application.batch == batch_id)
    return [(to_record(row, r.Application), to_record(row.firm, r.Firm)) for row in query]
