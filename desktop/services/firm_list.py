"""The firm list's reads: its pages and counts, for the window's list and for `FirmService`.

A plain list (every firm, or those archived or not, in a column's order) is read in SQL by
db/firm_pages.py through `Database.reader()`, which needs no ORM: a workspace opened lazily
(`Workspace.open(lazy=True)`, the window's start) shows its first screen before peewee and the
models are imported. A search or a filter is read by db/firms.py, which loads them first.
"""
from __future__ import annotations

from desktop.db import firm_pages
from desktop.domain.records import FirmQuery, FirmSummary

from .context import ServiceContext


class FirmListService:
    def __init__(self, context: ServiceContext) -> None:
        self.context = context

    def query(self, spec: FirmQuery, limit: int | None = None,
              offset: int = 0) -> list[FirmSummary]:
        """`limit` firms (all when None) from `offset` of the list `spec` filters and orders."""
        if firm_pages.is_plain(spec):
            return firm_pages.page(self.context.database.reader(), spec, limit, offset)
        return self._firm_rows().summaries(spec, limit, offset)

    def count(self, spec: FirmQuery) -> int:
        """How many firms the list `spec` shows."""
        if firm_pages.counts_by_tally(spec):
            return firm_pages.tallied_count(self.context.database.reader(), spec)
        return self._firm_rows().count(spec)

    def count_and_first_page(self, spec: FirmQuery, limit: int) -> tuple[int, list[FirmSummary]]:
        """`count(spec)` and `query(spec, limit)` at once: a search text is looked up once for
        both, and a first page shorter than `limit` is every firm (no count is run)."""
        if not firm_pages.is_plain(spec):
            return self._firm_rows().count_and_first_page(spec, limit)
        reader = self.context.database.reader()
        first = firm_pages.page(reader, spec, limit)
        return (len(first) if len(first) < limit else firm_pages.tallied_count(reader, spec)), first

    def _firm_rows(self):
        """db/firms.py, with the database opened through peewee."""
        self.context.database.load()
        from desktop.db import firms

        return firms
