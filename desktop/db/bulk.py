"""The bulk write path: many already-validated records in a few statements.

The services' ordinary inserts write one row (and its change-log rows) per statement, which is
right for a form and far too slow for 100,000 firms or a 10,000-row workbook. These functions
write a whole list with a few INSERT statements of many rows each. They validate nothing: the
caller (desktop/services/bulk.py, the workbook import) has parsed and validated every record
with the services' own validators first.

Contract, the same for every `insert_*` function:

- Call it inside the caller's `Database.transaction()`: the write lock is then held, so the ids
  given here (the table's largest id + 1, + 2, …, what SQLite would choose itself) cannot be
  taken by another writer, and a failure (e.g. a duplicate USCC → `Conflict`) undoes it all.
- Records are written in the order given; the ids come back in that order. A record's own `id`
  is ignored (bulk rows are always new).
- What the ordinary insert derives is derived here too: a firm's `name_initials` (what
  pinyin.initials, as every insert) and `created_at`/`updated_at`; an evidence item's
  or an application's `uid` (kept when the record has one, so a generator can be
  deterministic; else convert.new_uid()).
- `insert_applications` also writes each application's first status-history row
  (None → its status), as ApplicationService.create does.
- Change log: `log_created` writes ONE "create" entry per record (field ''), naming its firm
  (and application) as the record's row does, so the history shows when and by what
  (`origin`, e.g. 'bulk', 'import') the record came. Field-by-field entries, as
  services/changes.py writes for a form, would be ~10 rows per record; the values are in the
  record itself.

    with database.transaction():
        firm_ids = bulk.insert_firms(firms, now)
        bulk.log_created("firm", firm_ids, now, who, "bulk")
"""
from __future__ import annotations

import functools
import operator
import sqlite3
import typing
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any

from desktop.domain import records as r

from .convert import FOREIGN_KEYS, new_uid
from .fields import ScaledDecimalField
from .models import (
    AnnualAssessment, Application, Batch, EvidenceItem, FiscalYear, Firm,
    MarketPosition, StatusChange, database_proxy,
)
from .pinyin import initials

@functools.cache
def _columns(model, record_type: type[r.Record], skip: frozenset[str]):
    """The columns a record of this type fills, and a function giving a record's values for
    them as a list (worked out once per type: an import writes tens of thousands of rows)."""
    hints = typing.get_type_hints(record_type)
    names, columns, conversions = [], [], []
    for name in record_type.field_names():
        if name in skip:
            continue
        field = model._meta.fields[FOREIGN_KEYS.get(name, name)]
        if isinstance(field, ScaledDecimalField):   # Decimal → scaled integer, as peewee does
            conversions.append((len(names), field.db_value))
        elif not _stored_as_is(hints[name]):
            conversions.append((len(names), _plain))
        names.append(name)
        columns.append(field.column_name)
    get = operator.attrgetter(*names)

    def values(record: r.Record) -> list:
        row = list(get(record))
        for index, convert in conversions:
            value = row[index]
            if value is not None:     # unknown stays NULL: most figures of a year are
                row[index] = convert(value)
        return row
    return columns, values


def _stored_as_is(hint) -> bool:
    """Whether values of a field of this type go to SQLite unconverted (an Enum needs its
    value; text, numbers, flags and dates the driver binds itself)."""
    return all(arg in (str, int, bool, date, datetime, type(None))
               for arg in (typing.get_args(hint) or (hint,)))


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _stamp(at: datetime) -> str:
    """A time as the sqlite3 driver stores a datetime (its default adapter), made once for
    every row stamped with it rather than once per row."""
    return at.isoformat(" ")


def _next_id(model) -> int:
    row = database_proxy.execute_sql(f'SELECT MAX("id") FROM "{model._meta.table_name}"').fetchone()
    return (row[0] or 0) + 1


def _write(model, columns: list[str], rows: Iterable[tuple]) -> None:
    """Insert `rows` (each starting with the id) by INSERT statements of many rows each, as
    many as SQLite's limit on parameters allows. The tables' triggers still run for every row;
    one statement per row (executemany), each with its own start and finish around them, took
    three times as long on firm and fiscal_year."""
    width = len(columns) + 1
    names = ", ".join(f'"{name}"' for name in ["id", *columns])
    head = f'INSERT INTO "{model._meta.table_name}" ({names}) VALUES '
    one = "(" + ", ".join([database_proxy.param] * width) + ")"
    per_statement = max(1, _parameters_allowed() // width)
    cursor = database_proxy.cursor()
    values: list = []
    count = 0
    for row in rows:
        values.extend(row)
        count += 1
        if count == per_statement:
            cursor.execute(head + ", ".join([one] * count), values)
            values, count = [], 0
    if count:
        cursor.execute(head + ", ".join([one] * count), values)


def _parameters_allowed() -> int:
    """How many parameters one statement may have (32,766 unless SQLite was built otherwise)."""
    return database_proxy.connection().getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)


def _insert(model, record_type, records: Sequence[r.Record], skip: set[str],
            extra: dict[str, Callable[[Any], Any]] | None = None,
            firm_ids: Sequence[int] | None = None) -> list[int]:
    """Insert `records` with fresh ids; `extra` maps further columns to f(record); `firm_ids`,
    when given, are written in place of the records' own firm_id (records planned before
    their firm had an id)."""
    if not records:
        return []
    columns, values_of = _columns(model, record_type, frozenset(skip | {"id"}))
    extra = extra or {}
    makers = list(extra.values())
    owner = (columns.index(model._meta.fields[FOREIGN_KEYS["firm_id"]].column_name)
             if firm_ids is not None else None)
    first = _next_id(model)

    def rows():
        for index, record in enumerate(records):
            values = values_of(record)
            if owner is not None:
                values[owner] = firm_ids[index]
            if makers:
                values += [make(record) for make in makers]
            yield (first + index, *values)

    _write(model, [*columns, *extra], rows())
    return list(range(first, first + len(records)))


def insert_firms(records: Sequence[r.Firm], now: datetime) -> list[int]:
    """New firms (USCC normalised, sector derived: see FirmService); their ids in order."""
    stamp = _stamp(now)
    return _insert(Firm, r.Firm, records, {"created_at", "updated_at"}, {
        "name_initials": lambda firm: initials(firm.name),
        "created_at": lambda firm: firm.created_at or stamp,
        "updated_at": lambda firm: stamp})


# The owned records' inserts take `firm_ids` (see _insert) to write in place of their firm_id.
def insert_fiscal_years(records: Sequence[r.FiscalYear],
                        firm_ids: Sequence[int] | None = None) -> list[int]:
    return _insert(FiscalYear, r.FiscalYear, records, set(), firm_ids=firm_ids)


def insert_market_positions(records: Sequence[r.MarketPosition],
                            firm_ids: Sequence[int] | None = None) -> list[int]:
    return _insert(MarketPosition, r.MarketPosition, records, set(), firm_ids=firm_ids)


def insert_assessments(records: Sequence[r.AnnualAssessment],
                       firm_ids: Sequence[int] | None = None) -> list[int]:
    return _insert(AnnualAssessment, r.AnnualAssessment, records, set(), firm_ids=firm_ids)


def insert_evidence(records: Sequence[r.EvidenceItem],
                    firm_ids: Sequence[int] | None = None) -> list[int]:
    """New evidence items (attachments are not written: bulk items have none)."""
    return _insert(EvidenceItem, r.EvidenceItem, records, {"uid", "attachments"}, {
        "uid": lambda item: item.uid or new_uid()}, firm_ids)


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


# A logged table → the columns of its rows naming the entry's firm and application.
_LOG_OWNERS = {"firm": ('"id"', "NULL"), "batch": ("NULL", "NULL"),
               "application": ('"firm_id"', '"id"'), "fiscal_year": ('"firm_id"', "NULL"),
               "market_position": ('"firm_id"', "NULL"),
               "annual_assessment": ('"firm_id"', "NULL"), "evidence_item": ('"firm_id"', "NULL")}


def log_created(table: str, record_ids: Sequence[int], at: datetime, who: str,
                origin: str) -> None:
    """One change-log "create" entry per record an `insert_*` call just wrote (`record_ids` as
    it returned them: consecutive), naming the record's firm and, for an application, the
    application itself. `table` is the record's table: 'firm', 'fiscal_year', 'evidence_item',
    'market_position', 'annual_assessment', 'batch' or 'application'.

    The entries are made from the rows themselves by one INSERT … SELECT: binding a dozen
    values per entry from Python took three times as long."""
    if not record_ids:
        return
    first, last = record_ids[0], record_ids[-1]
    if last - first + 1 != len(record_ids):
        raise ValueError("log_created takes the consecutive ids an insert_* call returned")
    firm, application = _LOG_OWNERS[table]
    database_proxy.execute_sql(
        'INSERT INTO "change_log" ("at", "who", "table", "record_id", "action", "field", "old",'
        ' "new", "firm_id", "application_id", "origin")'
        f" SELECT ?, ?, ?, \"id\", 'create', '', NULL, NULL, {firm}, {application}, ?"
        f' FROM "{table}" WHERE "id" BETWEEN ? AND ? ORDER BY "id"',
        (_stamp(at), who, table, origin, first, last))


def usccs_taken(usccs: Sequence[str]) -> set[str]:
    """Which of these USCCs some firm already has (in chunks: SQLite's parameter limit)."""
    taken: set[str] = set()
    for start in range(0, len(usccs), 900):
        part = list(usccs[start:start + 900])
        marks = ", ".join([database_proxy.param] * len(part))
        cursor = database_proxy.execute_sql(
            f'SELECT "uscc" FROM "firm" WHERE "uscc" IN ({marks})', part)
        taken.update(row[0] for row in cursor)
    return taken
