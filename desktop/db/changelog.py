"""The change log: one row per changed field of every write."""
from __future__ import annotations

from desktop.domain import records as r

from .convert import to_columns, to_record
from .models import ChangeLog


def add_many(entries: list[r.ChangeEntry]) -> None:
    if entries:
        ChangeLog.insert_many([to_columns(entry) for entry in entries]).execute()


def for_record(table: str, record_id: int) -> list[r.ChangeEntry]:
    query = (ChangeLog.select().where((ChangeLog.table == table) & (ChangeLog.record_id == record_id))
             .order_by(ChangeLog.at, ChangeLog.id))
    return [to_record(row, r.ChangeEntry) for row in query]


def count() -> int:
    return ChangeLog.select().count()
