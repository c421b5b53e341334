"""The plain firm list (no search, filter or given ids: every firm, or every firm archived or
not, in one column's order) and its count, in SQL written out, on any sqlite3 connection.

Why not through peewee like the rest of db/: this is what the first window shows, and a start
that reads it without the ORM paints that window before peewee and the models are imported
(about a fifth of the start; see services/workspace.py, `Workspace.open(lazy=True)`). The
same reads serve the list all session long, so there is one way to read a plain page; the
searched and filtered lists are built by db/firms.py, and a test compares the two on plain
queries.
"""
from __future__ import annotations

import sqlite3

from desktop.domain.records import FirmQuery, FirmSummary
from desktop.domain.values import MONEY_SCALE, from_scaled

# The columns the list can be ordered by (`FirmQuery.order_by`); any other key orders by name,
# here and in db/firms.py.
ORDERS = ("name", "uscc", "region_code", "industry_code", "last_revenue", "open_applications")
# Columns that may be NULL sort their NULLs last either way. The others get no NULLS LAST:
# SQLite would then sort instead of reading the column's index in order.
NULLABLE_ORDERS = frozenset({"last_revenue"})
_COLUMNS = ("id, uscc, name, region_code, industry_code, archived, last_year, last_revenue,"
            " open_applications")


def counts_by_tally(spec: FirmQuery) -> bool:
    """Whether `spec` limits the firms by their archived state alone (no search text, region,
    industry or given ids; an order never limits them), so the tally counts them."""
    return (spec.ids is None and not spec.text.strip() and not spec.region_prefix
            and not spec.industry_prefix)


def is_plain(spec: FirmQuery) -> bool:
    """Whether `spec` is a plain list: limited by the archived state alone, in a column's
    order (not in a given order of ids)."""
    return counts_by_tally(spec) and spec.order_ids is None


def _archived_states(spec: FirmQuery) -> tuple[int, ...]:
    if spec.archived_only:
        return (1,)
    return (0, 1) if spec.include_archived else (0,)


def _where(spec: FirmQuery) -> str:
    states = _archived_states(spec)
    return "" if len(states) == 2 else f" WHERE archived = {states[0]}"


def tallied_count(connection: sqlite3.Connection, spec: FirmQuery) -> int:
    """How many firms `spec` lists, for a spec that `counts_by_tally`: from the tally the
    triggers keep (schema 7), two rows, where counting read 100,000 index entries."""
    states = _archived_states(spec)
    marks = ", ".join("?" * len(states))
    row = connection.execute(
        f'SELECT SUM(firms) FROM "firm_tally" WHERE archived IN ({marks})', states).fetchone()
    return int(row[0] or 0)


def page(connection: sqlite3.Connection, spec: FirmQuery, limit: int | None = None,
         offset: int = 0) -> list[FirmSummary]:
    """The firms of a plain `spec` in its order (ties by id), `limit` of them from `offset`
    (all when `limit` is None): one statement on the firm table alone, which reads the order
    column's index."""
    column = spec.order_by if spec.order_by in ORDERS else "name"
    direction = " DESC" if spec.descending else " ASC"
    nulls = " NULLS LAST" if column in NULLABLE_ORDERS else ""
    sql = (f'SELECT {_COLUMNS} FROM "firm"{_where(spec)}'
           f' ORDER BY "{column}"{direction}{nulls}, "id"')
    params: tuple[int, ...] = ()
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = (limit, offset)
    return [FirmSummary(id=firm_id, uscc=uscc, name=name, region_code=region,
                        industry_code=industry, archived=bool(archived), last_year=last_year,
                        last_revenue=None if revenue is None else from_scaled(revenue, MONEY_SCALE),
                        open_applications=open_count or 0)
            for (firm_id, uscc, name, region, industry, archived, last_year, revenue,
                 open_count) in connection.execute(sql, params).fetchall()]
