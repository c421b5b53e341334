"""Firm rows: insert, update, look up, search, and the firm list's summary rows."""
from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

import peewee as pw

from desktop.domain import records as r
from desktop.domain.records import FirmQuery, FirmSummary

from . import firm_pages
from .convert import to_columns, to_record
from .models import Firm, database_proxy
from .pinyin import initials

INLINE_IDS = 900          # up to this many ids go into the query as parameters


def insert(record: r.Firm, now: datetime) -> r.Firm:
    columns = to_columns(record, exclude=("created_at", "updated_at"))
    if columns.get("id") is None:
        columns.pop("id", None)  # a restored firm (undo of a delete) keeps its old id
    row = Firm.create(**columns, name_initials=initials(record.name),
                      created_at=record.created_at or now, updated_at=now)
    return get(row.id)


def update(record: r.Firm, now: datetime) -> r.Firm:
    columns = to_columns(record, exclude=("id", "created_at", "updated_at"))
    Firm.update(**columns, name_initials=initials(record.name), updated_at=now).where(
        Firm.id == record.id).execute()
    return get(record.id)


def delete(firm_id: int) -> None:
    Firm.delete().where(Firm.id == firm_id).execute()


def get(firm_id: int) -> r.Firm | None:
    row = Firm.get_or_none(Firm.id == firm_id)
    return to_record(row, r.Firm) if row else None


def get_by_uscc(uscc: str) -> r.Firm | None:
    row = Firm.get_or_none(Firm.uscc == uscc)
    return to_record(row, r.Firm) if row else None


def uscc_taken(uscc: str, except_id: int | None = None) -> bool:
    query = Firm.select(Firm.id).where(Firm.uscc == uscc)
    if except_id is not None:
        query = query.where(Firm.id != except_id)
    return query.exists()


def data_versions(ids) -> dict[int, int]:
    """{firm id: data_version} of the firms among `ids` that exist. The version changes (to a
    value never used before in this database) whenever the firm row or any row a verdict reads
    about it changes: fiscal years, market positions, annual assessments, evidence items and
    their attachments, applications and their manual decisions (triggers, schema 5)."""
    ids = list(dict.fromkeys(ids))
    found: dict[int, int] = {}
    for start in range(0, len(ids), INLINE_IDS):
        query = (Firm.select(Firm.id, Firm.data_version)
                 .where(Firm.id.in_(ids[start:start + INLINE_IDS])))
        found.update(query.tuples())
    return found


class _FirmFilter(pw.Model):
    """A connection's private TEMP table holding a long `FirmQuery.ids` set: SQLite (before
    3.32, and as some builds set it) refuses more than 999 parameters in one statement."""

    id = pw.IntegerField(primary_key=True)

    class Meta:
        database = database_proxy
        table_name = "firm_filter"


class _FirmOrder(pw.Model):
    """A connection's private TEMP table holding a long `FirmQuery.order_ids`: the position is
    the rowid, so reading the firms in that order needs no sort of its own."""

    position = pw.IntegerField(primary_key=True)
    firm_id = pw.IntegerField(unique=True)

    class Meta:
        database = database_proxy
        table_name = "firm_order"


# (table, connection) → (the connection, the value the table holds). The connection is kept so
# its id() cannot be reused while the entry lives; a few entries at most (two per thread).
_loaded: dict[tuple[str, int], tuple[object, object]] = {}


def _load_temp(model, value, rows) -> None:
    """Fill `model`'s TEMP table with `rows` unless it holds `value` already."""
    connection = database_proxy.connection()
    key = (model._meta.table_name, id(connection))
    loaded = _loaded.get(key)
    if (loaded is not None and loaded[0] is connection
            and (loaded[1] is value or loaded[1] == value)):
        return
    _loaded.pop(key, None)
    columns = [field.column_name for field in model._meta.sorted_fields]
    with database_proxy.atomic():   # one temp-only transaction: the main file is not locked
        model.create_table(safe=True, temporary=True)
        model.delete().execute()
        # executemany: one prepared statement, not 100 built queries of 900 rows
        marks = ", ".join([database_proxy.param] * len(columns))
        names = ", ".join(f'"{name}"' for name in columns)
        database_proxy.cursor().executemany(
            f'INSERT INTO "{model._meta.table_name}" ({names}) VALUES ({marks})', rows)
    # Inside a caller's transaction a rollback could undo the filling: then fill again next
    # time rather than trust the table.
    if not database_proxy.in_transaction():
        while len(_loaded) >= 16:
            _loaded.pop(next(iter(_loaded)))
        _loaded[key] = (connection, value)


def _inline_ids(spec: FirmQuery) -> int:
    """How many parameters `spec.ids` puts into a statement."""
    return len(spec.ids) if spec.ids is not None and len(spec.ids) <= INLINE_IDS else 0


def _ids_condition(ids: frozenset[int]):
    """`Firm.id` in `ids`, for any number of ids."""
    if len(ids) <= INLINE_IDS:
        return Firm.id.in_(sorted(ids))   # peewee turns an empty list into a false condition
    _load_temp(_FirmFilter, ids, [(firm_id,) for firm_id in ids])
    return Firm.id.in_(_FirmFilter.select(_FirmFilter.id))


def _by_position(query, spec: FirmQuery):
    """`query` ordered by `spec.order_ids`: a CASE when the ids fit into the statement's
    parameters beside the id filter, else a join with the TEMP table. Firms not in it come
    last by id (not by name: reading every name for the sort would double a deep page's
    time, for firms that are there only until the caller orders again)."""
    order_ids = tuple(dict.fromkeys(spec.order_ids))   # a repeated id keeps its first place
    if 2 * len(order_ids) <= INLINE_IDS - _inline_ids(spec):
        position = (pw.Case(Firm.id, list(zip(order_ids, range(len(order_ids)))))
                    if order_ids else pw.Value(None))
    else:
        _load_temp(_FirmOrder, spec.order_ids, list(enumerate(order_ids)))
        query = query.switch(Firm).join(_FirmOrder, pw.JOIN.LEFT_OUTER,
                                         on=(_FirmOrder.firm_id == Firm.id))
        position = _FirmOrder.position
    key = position.desc(nulls="last") if spec.descending else position.asc(nulls="last")
    return query.order_by(key, Firm.id)


# Text this long or longer is looked up in the trigram index as it is; shorter text through
# the indexed trigrams that begin with it (schema 6 pads every value so that there are some).
TRIGRAM = 3
# Shorter text that begins more trigrams than this is filtered by LIKE alone (one character
# like 有 begins hundreds, and is in most firms anyway).
SHORT_TERMS = 200
# A text found in more firms than this is filtered by LIKE alone: reading that many index hits
# and then the firms costs more than one pass over the table, and the first page of a name-
# ordered list is then found in the first few hundred rows of the name index.
BROAD = 20_000
# A text found in this many firms or fewer is read from the index hits and sorted (about 2 µs a
# hit); in more, a page is found by walking the order's index (a rare text makes that walk
# read most of the table: 17 ms for 109 firms of 100,000, against 0.5 ms from the hits).
FEW = 1_000
_LAST = "\U0010ffff"


def _like(text: str):
    """The list's search condition: a substring of the name, English name, USCC or pinyin
    initials (LIKE: case-insensitive for ASCII letters; peewee escapes % and _)."""
    condition = (Firm.name.contains(text) | Firm.name_en.contains(text)
                 | Firm.uscc.contains(text.upper()))
    if text.isascii() and text.isalnum():
        condition |= Firm.name_initials.contains(text.lower())
    return condition


def _phrase(text: str) -> str:
    """`text` as one FTS5 string: whatever the user typed (quotes, *, AND, NEAR, ^, :) is
    characters to find, never query syntax."""
    return '"' + text.replace('"', '""') + '"'


def _match_expression(text: str) -> str | None:
    """An FTS5 query finding at least every firm whose searched values contain `text`; None
    when the index cannot tell (then LIKE alone decides)."""
    if len(text) >= TRIGRAM:
        return _phrase(text)
    # The index folds letter case; the terms are looked up folded, which is certain only
    # for ASCII letters and for characters without case (Chinese among them).
    if "\x1f" in text or not all(ch.isascii() or ch.lower() == ch == ch.upper() for ch in text):
        return None
    folded = text.lower()
    terms = [row[0] for row in database_proxy.execute_sql(
        'SELECT term FROM "firm_search_terms" WHERE term >= ? AND term < ? LIMIT ?',
        (folded, folded + _LAST, SHORT_TERMS + 1))]
    if len(terms) > SHORT_TERMS:
        return None
    return " OR ".join(_phrase(term) for term in terms)   # '' when no firm has the text


class _Search(NamedTuple):
    """The search text as a condition, looked up once for a count and its page."""

    condition: object
    few: bool   # found in FEW firms or fewer: a page is read from the index hits and sorted


def _search(text: str) -> _Search:
    """Firms whose searched columns contain `text`: the trigram index narrows the firms first
    and LIKE then keeps exactly the firms it always kept (the index folds more letter cases
    than LIKE does)."""
    like = _like(text)
    expression = _match_expression(text)
    if expression is None:
        return _Search(like, False)
    if not expression:
        return _Search(Firm.id.in_([]), True)   # false: no indexed trigram begins the text
    hits = database_proxy.execute_sql(
        'SELECT count(*) FROM (SELECT 1 FROM "firm_search" WHERE "firm_search" MATCH ?'
        " LIMIT ?)", (expression, BROAD + 1)).fetchone()[0]
    if hits > BROAD:
        return _Search(like, False)
    search = pw.SQL('SELECT rowid FROM "firm_search" WHERE "firm_search" MATCH ?', [expression])
    return _Search(Firm.id.in_(pw.NodeList([search], parens=True)) & like, hits <= FEW)


def _filtered(query, spec: FirmQuery, search: _Search | None):
    if spec.ids is not None:
        query = query.where(_ids_condition(spec.ids))
    if spec.archived_only:
        query = query.where(Firm.archived == True)  # noqa: E712 (peewee expression)
    elif not spec.include_archived:
        query = query.where(Firm.archived == False)  # noqa: E712
    if search is not None:
        query = query.where(search.condition)
    if spec.region_prefix:
        query = query.where(Firm.region_code.startswith(spec.region_prefix))
    if spec.industry_prefix:
        query = query.where(Firm.industry_code.startswith(spec.industry_prefix.upper()))
    return query


def _search_of(spec: FirmQuery) -> _Search | None:
    text = spec.text.strip()
    return _search(text) if text else None


def count(spec: FirmQuery = FirmQuery()) -> int:
    return _count(spec, _search_of(spec))


def _count(spec: FirmQuery, search: _Search | None) -> int:
    if firm_pages.counts_by_tally(spec):
        return firm_pages.tallied_count(database_proxy.connection(), spec)
    return _filtered(Firm.select(Firm.id), spec, search).count()


# The orders the plain list offers (firm_pages.py), searched and filtered alike.
_ORDER_KEYS = {column: getattr(Firm, column) for column in firm_pages.ORDERS}


def _ordered(query, spec: FirmQuery, search: _Search | None):
    if spec.order_ids is not None:
        return _by_position(query, spec)
    key = _ORDER_KEYS.get(spec.order_by, Firm.name)
    if search is not None and search.few:
        # Unary + keeps SQLite from walking the key's index in order (which for a rare text
        # reads most of the table to fill a page): it reads the few index hits and sorts them.
        # SQLite's idiom, as the FTS5 index that found them is SQLite's.
        key = pw.NodeList((pw.SQL("+"), key))
    # Columns that cannot be NULL get no NULLS LAST: SQLite would sort instead of reading the
    # index in order.
    nulls = "last" if spec.order_by in firm_pages.NULLABLE_ORDERS else None
    return query.order_by(key.desc(nulls=nulls) if spec.descending else key.asc(nulls=nulls),
                          Firm.id)


def summaries(spec: FirmQuery = FirmQuery(), limit: int | None = None,
              offset: int = 0) -> list[FirmSummary]:
    """One page of the firm list in one statement on the firm table alone (plus look-ups in the
    search index when there is text to find): the latest year, its revenue and
    the open application count are columns triggers keep (schema 5), so no page runs a query
    per firm or a subquery per row."""
    return _summaries(spec, _search_of(spec), limit, offset)


def count_and_first_page(spec: FirmQuery, limit: int) -> tuple[int, list[FirmSummary]]:
    """`count(spec)` and `summaries(spec, limit)` with the search text looked up in the index
    once for both; a first page shorter than `limit` is every firm, so then no count is run."""
    search = _search_of(spec)
    page = _summaries(spec, search, limit, 0)
    return (len(page) if len(page) < limit else _count(spec, search)), page


def _summaries(spec: FirmQuery, search: _Search | None, limit: int | None,
               offset: int) -> list[FirmSummary]:
    if firm_pages.is_plain(spec):   # the one way a plain page is read (firm_pages.py)
        return firm_pages.page(database_proxy.connection(), spec, limit, offset)
    query = _ordered(_filtered(Firm.select(
        Firm.id, Firm.uscc, Firm.name, Firm.region_code, Firm.industry_code, Firm.archived,
        Firm.last_year, Firm.last_revenue, Firm.open_applications), spec, search), spec, search)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    # Plain tuples, fetched at once: building a model instance per row would cost more than
    # the statement itself on a page found through the search index.
    money = Firm.last_revenue.python_value
    return [FirmSummary(id=firm_id, uscc=uscc, name=name, region_code=region,
                        industry_code=industry, archived=bool(archived), last_year=last_year,
                        last_revenue=money(revenue), open_applications=open_count or 0)
            for (firm_id, uscc, name, region, industry, archived, last_year, revenue,
                 open_count) in database_proxy.execute(query).fetchall()]
