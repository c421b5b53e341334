"""The bulk write path: many already-validated records in a few statements.

The services' ordinary inserts write one row (and its change-log rows) per statement, which is
right for a form and far too slow for 100,000 firms or a 10,000-row workbook. These functions
write a whole list with one prepared `executemany` each. They validate nothing: the caller
(desktop/services/bulk.py, the workbook import) has parsed and validated every record with the
services' own validators first.

Contract, the same for every `insert_*` function:

- Call it inside the caller's `Database.transaction()`: the write lock is then held, so the ids
  given here (the table's largest id + 1, + 2, …, what SQLite would choose itself) cannot be
  taken by another writer, and a failure (e.g. a duplicate USCC → `Conflict`) undoes it all.
- Records are written in the order given; the ids come back in that order. A record's own `id`
  is ignored (bulk rows are always new).
- What the ordinary insert derives is derived here too: a firm's `name_initials`
  (pinyin.initials) and `created_at`/`updated_at`; an evidence item's or an application's `uid`
  (kept when the record has one, so a generator can be deterministic; else convert.new_uid()).
- `insert_applications` also writes each application's first status-history row
  (None → its status), as ApplicationService.create does.
- Change log: `log_created` writes ONE "create" entry per record (field ''), naming its firm
  (and application), so the history shows when and by what (`origin`, e.g. 'bulk', 'import')
  the record came. Field-by-field entries, as services/changes.py writes for a form, would be
  ~10 rows per record; the values are in the record itself.

    with database.transaction():
        firm_ids = bulk.insert_firms(firms, now)
        bulk.log_created("firm", firm_ids, firm_ids, None, now, who, "bulk")
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from enum import Enum
from typing import Any

from desktop.domain import records as r

from .convert import FOREIGN_KEYS, new_uid
from .fields import ScaledDecimalField
from .models import (
    AnnualAssessment, Application, Batch, ChangeLog, EvidenceItem, FiscalYear, Firm,
    MarketPosition, StatusChange, database_proxy,
)
from .pinyin import initials

CHUNK = 5_000   # rows per executemany call: bounded memory for the row tuples, same speed


def _converters(model, record_type: type[r.Record], skip: set[str]) -> list[tuple[str, str, Callable]]:
    """(record field, column, to stored value) for each column a record of this type fills."""
    result = []
    for name in record_type.field_names():
        if name in skip:
            continue
        field = model._meta.fields[FOREIGN_KEYS.get(name, name)]
        if isinstance(field, ScaledDecimalField):
            convert = field.db_value          # Decimal → scaled integer, as peewee writes it
        else:
            convert = _plain
        result.append((name, field.column_name, convert))
    return result


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _next_id(model) -> int:
    row = database_proxy.execute_sql(f'SELECT MAX("id") FROM "{model._meta.table_name}"').fetchone()
    return (row[0] or 0) + 1


def _write(model, columns: list[str], rows: Iterable[tuple]) -> None:
    """executemany of `rows` (each starting with the id) in chunks."""
    names = ", ".join(f'"{name}"' for name in ["id", *columns])
    marks = ", ".join([database_proxy.param] * (len(columns) + 1))
    sql = f'INSERT INTO "{model._meta.table_name}" ({names}) VALUES ({marks})'
    cursor = database_proxy.cursor()
    chunk: list[tuple] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            cursor.executemany(sql, chunk)
            chunk = []
    if chunk:
        cursor.executemany(sql, chunk)


def _insert(model, record_type, records: Sequence[r.Record], skip: set[str],
            extra: dict[str, Callable[[Any], Any]] | None = None) -> list[int]:
    """Insert `records` with fresh ids; `extra` maps further columns to f(record)."""
    if not records:
        return []
    converters = _converters(model, record_type, skip | {"id"})
    extra = extra or {}
    columns = [column for _, column, _ in converters] + list(extra)
    makers = list(extra.values())
    first = _next_id(model)

    def rows():
        for index, record in enumerate(records):
            values = [convert(getattr(record, name)) for name, _, convert in converters]
            values += [make(record) for make in makers]
            yield (first + index, *values)

    _write(model, columns, rows())
    return list(range(first, first + len(records)))


def insert_firms(records: Sequence[r.Firm], now: datetime) -> list[int]:
    """New firms (USCC normalised, sector derived: see FirmService); their ids in order."""
    return _insert(Firm, r.Firm, records, {"created_at", "updated_at"}, {
        "name_initials": lambda firm: initials(firm.name),
        "created_at": lambda firm: firm.created_at or now,
        "updated_at": lambda firm: now})


def insert_fiscal_years(records: Sequence[r.FiscalYear]) -> list[int]:
    return _insert(FiscalYear, r.FiscalYear, records, set())


def insert_market_positions(records: Sequence[r.MarketPosition]) -> list[int]:
    return _insert(MarketPosition, r.MarketPosition, records, set())


def insert_assessments(records: Sequence[r.AnnualAssessment]) -> list[int]:
    return _insert(AnnualAssessment, r.AnnualAssessment, records, set())


def insert_evidence(records: Sequence[r.EvidenceItem]) -> list[int]:
    """New evidence items (attachments are not written: bulk items have none)."""
    return _insert(EvidenceItem, r.EvidenceItem, records, {"uid", "attachments"}, {
        "uid": lambda item: item.uid or new_uid()})


def insert_batches(records: Sequence[r.Batch]) -> list[int]:
    return _insert(Batch, r.Batch, records, set())


def insert_applications(records: Sequence[r.Application], now: datetime, who: str) -> list[int]:
    """New applications with their first status-history row (None → status), stamped `now`."""
    ids = _insert(Application, r.Application, records, {"created_at", "updated_at", "uid"}, {
        "created_at": lambda app: app.created_at or now,
        "updated_at": lambda app: now,
        "uid": lambda app: app.uid or new_uid()})
    if ids:
        first = _next_id(StatusChange)
        _write(StatusChange, ["application_id", "from_status", "to_status", "who", "at", "reason"],
               ((first + index, app_id, None, _plain(app.status), who, now, "")
                for index, (app_id, app) in enumerate(zip(ids, records))))
    return ids


def log_created(table: str, record_ids: Sequence[int], firm_ids: Sequence[int | None] | None,
                application_ids: Sequence[int | None] | None, at: datetime, who: str,
                origin: str) -> None:
    """One change-log "create" entry per record: `table` is the logged table name ('firm',
    'fiscal_year', 'evidence_item', 'market_position', 'annual_assessment', 'batch',
    'application'); `firm_ids` / `application_ids` run parallel to `record_ids` (None: none)."""
    if not record_ids:
        return
    count = len(record_ids)
    firms = firm_ids if firm_ids is not None else [None] * count
    apps = application_ids if application_ids is not None else [None] * count
    first = _next_id(ChangeLog)
    _write(ChangeLog, ["at", "who", "table", "record_id", "action", "field", "old", "new",
                       "firm_id", "application_id", "origin"],
           ((first + index, at, who, table, record_id, "create", "", None, None, firm_id,
             application_id, origin)
            for index, (record_id, firm_id, application_id)
            in enumerate(zip(record_ids, firms, apps))))


def usccs_taken(usccs: Sequence[str]) -> set[str]:
    """Which of these USCCs some firm already has (in chunks: SQLite's parameter limit)."""
    taken: set[str] = set()
    for start in range(0, len(usccs), 900):
        query = Firm.select(Firm.uscc).where(Firm.uscc.in_(list(usccs[start:start + 900])))
        taken.update(row[0] for row in query.tuples())
    return taken
