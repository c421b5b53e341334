"""Reading the rows of many firms at once (no query per firm): ids in chunks that fit into a
statement's parameters, rows turned into records without building a peewee model per row.

Used by the batched reads in figures.py and evidence.py and by the qualification of many
firms (the firm list's verdicts, the benchmark's 10,000 firms).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from desktop.domain import records as r

from .convert import FOREIGN_KEYS, NOT_COLUMNS, enum_fields
from .models import Firm

R = TypeVar("R", bound=r.Record)

CHUNK = 900   # ids per statement: below SQLite's smallest parameter limit (999)

# record type → [(record field, row key, enum type or None)], worked out once per type
_plans: dict[type, list[tuple[str, str, Any]]] = {}


def chunks(ids: Iterable[int], size: int = CHUNK) -> Iterator[list[int]]:
    """`ids` without repeats, sorted, in lists of at most `size`."""
    unique = sorted(set(ids))
    for start in range(0, len(unique), size):
        yield unique[start:start + size]


def _plan(record_type: type) -> list[tuple[str, str, Any]]:
    plan = _plans.get(record_type)
    if plan is None:
        enums = enum_fields(record_type)
        plan = [(name, FOREIGN_KEYS.get(name, name), enums.get(name))
                for name in record_type.field_names() if name not in NOT_COLUMNS]
        _plans[record_type] = plan
    return plan


def record_from(row: dict, record_type: type[R], **extra: Any) -> R:
    """A record from a `.dicts()` row (keys are the model's field names), as to_record does
    from a model instance; `extra` supplies fields that are not columns."""
    values: dict[str, Any] = {}
    for name, key, enum in _plan(record_type):
        value = row.get(key)
        if value is not None and enum is not None:
            value = enum(value)
        values[name] = value
    values.update(extra)
    return record_type(**values)


def grouped(model, record_type: type[R], firm_ids: Iterable[int], order: tuple = (),
            key: str = "firm") -> dict[int, list[R]]:
    """Rows of `model` whose `key` column is one of `firm_ids`, as records grouped by that id
    (ordered by `order` within each group); one query per CHUNK ids."""
    column = getattr(model, key)
    found: dict[int, list[R]] = defaultdict(list)
    for part in chunks(firm_ids):
        query = model.select().where(column.in_(part)).order_by(column, *order)
        for row in query.dicts():
            found[row[key]].append(record_from(row, record_type))
    return dict(found)


def firms_for(firm_ids: Iterable[int]) -> dict[int, r.Firm]:
    """The firms with these ids (those that exist), by id."""
    found: dict[int, r.Firm] = {}
    for part in chunks(firm_ids):
        for row in Firm.select().where(Firm.id.in_(part)).dicts():
            found[row["id"]] = record_from(row, r.Firm)
    return found


def data_clock() -> int:
    """The database-wide clock `firm.data_version` values come from (schema 5). It only goes
    back when older content replaced the database (a backup restored)."""
    from .models import DataClock

    row = DataClock.select(DataClock.value).where(DataClock.id == 1).tuples().first()
    return row[0] if row else 0


def decisions_for(application_ids: Iterable[int]) -> dict[int, list[r.ManualDecision]]:
    """The manual decisions of these applications, by application id (by criterion within)."""
    from .models import ManualDecision

    return grouped(ManualDecision, r.ManualDecision, application_ids,
                   order=(ManualDecision.criterion_id,), key="application")
