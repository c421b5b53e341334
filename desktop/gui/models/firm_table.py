"""The firm list as a lazy table model: it scrolls and searches smoothly over 100,000 firms.

Design: `rowCount` is the firm count of the current query, read with its first page when the
query changes (the view paints that page next; a first page shorter than PAGE_SIZE is the count).
Other rows are read from `workspace.firm_list.query` in pages of PAGE_SIZE only when the view asks
for one of their cells; at most MAX_PAGES pages are kept (least recently used go first), so even
dragging the scroll bar to the end never turns every firm into a Python object. Sorting is
done by the database (FirmQuery.order_by); the verdict column's order is found by the page
(a background task ranks the firms with `verdict_rank`) and handed to the database as
FirmQuery.order_ids, so paging stays lazy in that order too.

The best-tier verdict needs the qualification engine (a few ms per firm), so it is computed
only for cells the view actually paints: painting queues the firm, a zero-time timer evaluates
the queue in short slices (newest requests first, stale ones dropped) and announces each
result with dataChanged. Results are cached per firm id until the bus says data changed. The
slices stay in the GUI thread on purpose: a worker thread judging Python code holds the GIL
against the GUI thread, which made a search keystroke about five times slower meanwhile.

Verdicts come as `VerdictDigest`s (tier outcomes and the labels the cell shows, not the
criteria) from the service's verdict cache, which keeps each firm's for its data version: a
verdict the column has computed is not computed again by the page's verdict filter or order,
nor the other way round, and 100,000 digests stay small (equal digests are one object). The
model keeps the digests it has shown (`known_verdicts`, `remember_verdicts`) so painting needs
no query; a bus change drops the firm's, and the cache judges it again only if its data changed.
"""
from __future__ import annotations

import dataclasses
import logging
import time
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from desktop.domain.records import FirmQuery, FirmSummary
from desktop.services import codes

from .background_count import CountDelivery, count_in_background
from .firm_cells import industry_text, region_text, verdict_text, verdict_tooltip

if TYPE_CHECKING:
    from desktop.services.verdict_cache import VerdictDigest

# The verdict engine's modules (desktop.domain.verdicts, the verdict cache) are imported where
# a verdict is first shown or judged, after the first paint: the start paints "…" in the
# verdict column and needs none of them.

log = logging.getLogger("srdi.gui")

PAGE_SIZE = 200
MAX_PAGES = 25            # at most 5,000 summaries in memory
MAX_PENDING = 120         # verdict requests beyond this were scrolled past: dropped
SLICE_SECONDS = 0.02      # verdict work per timer tick, so scrolling stays smooth
VERDICT_BATCH = 12        # painted firms judged together (their facts read in one go)

NAME, USCC, REGION, INDUSTRY, REVENUE, VERDICT, OPEN = range(7)
ORDER_KEYS = {NAME: "name", USCC: "uscc", REGION: "region_code", INDUSTRY: "industry_code",
              REVENUE: "last_revenue", OPEN: "open_applications"}
# Qt's roles and alignment by the numbers Qt gives them, not through `Qt`: PySide6 builds the
# Python enums of Qt's whole namespace (94 of them, ~20 ms) the first time `Qt` is used or a
# Qt enum reaches Python, and the firm list's first paint needs none of them (see firm_list.py;
# tests/gui/test_start_enums.py checks both the numbers and that the start keeps clear of `Qt`).
_DISPLAY, _TOOLTIP, _ALIGNMENT, _FOREGROUND = 0, 3, 7, 9      # Qt.ItemDataRole
FIRM_ID_ROLE = 0x0100 + 1                                    # Qt.ItemDataRole.UserRole + 1
RIGHT = 0x0002 | 0x0080                                      # Qt.AlignRight | Qt.AlignVCenter
_SERVED_ROLES = frozenset({_DISPLAY, _ALIGNMENT, _FOREGROUND, _TOOLTIP, FIRM_ID_ROLE})

class FirmTableModel(QAbstractTableModel):
    """Rows of `FirmSummary` for a `FirmQuery`; `load_failed(error)` when a read is refused."""

    load_failed = Signal(object)
    count_settled = Signal()   # the count a search waited for has come (see set_query)

    def __init__(self, ctx, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace = ctx.workspace
        self._spec = FirmQuery()
        self._count = 0
        self._counting: object | None = None   # the ticket of the count a search waits for
        self._delivery = CountDelivery(self)
        self._delivery.counted.connect(self._on_counted)   # queued: emitted by the worker
        self._pages: OrderedDict[int, list[FirmSummary]] = OrderedDict()
        self._verdicts: dict[int, VerdictDigest] = {}       # firm id → its verdict
        self._pending: OrderedDict[int, int] = OrderedDict()  # firm id → row when asked
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._count = self._read_count(self._spec)
        ctx.bus.changed.connect(self._on_bus_changed)

    # -- the query -------------------------------------------------------------------------
    @property
    def spec(self) -> FirmQuery:
        return self._spec

    def set_query(self, spec: FirmQuery) -> None:
        """Show the firms `spec` selects (its order included); a refused read shows none.

        A search text's count is read beside its first page, on a worker thread
        (background_count.py): it is the costly statement of a keystroke, and SQLite reads
        it on the other core while this thread reads the page and the view paints it. Until
        it comes the list holds the first page (`counting`); then the other rows are added
        and `count_settled` is emitted."""
        if not spec.text.strip():   # the tally or an index counts at once
            try:
                count, first = self.workspace.firm_list.count_and_first_page(spec, PAGE_SIZE)
            except Exception as error:  # the page shows it; an empty list is honest
                self.load_failed.emit(error)
                count, first = 0, []
            self._show(spec, count, first)
            return
        ticket = self._count_in_background(spec)   # first: its SQL runs while the page's does
        try:
            first = self.workspace.firm_list.query(spec, PAGE_SIZE)
        except Exception as error:
            self.load_failed.emit(error)
            first = []
        # a shorter first page is every firm: no count to wait for
        self._show(spec, len(first), first, ticket if len(first) == PAGE_SIZE else None)

    @property
    def counting(self) -> bool:
        """Whether the rows beyond the first page wait for the count (see set_query)."""
        return self._counting is not None

    def _count_in_background(self, spec: FirmQuery) -> object:
        listing = self.workspace.firm_list
        return count_in_background(lambda: listing.count(spec), self._delivery)

    def _on_counted(self, ticket: object, result: object) -> None:
        if ticket is not self._counting:   # a newer query, order or reset since
            return
        self._counting = None
        if isinstance(result, Exception):
            self.load_failed.emit(result)
        elif result > self._count:
            self.beginInsertRows(QModelIndex(), self._count, result - 1)
            self._count = result
            self.endInsertRows()
        elif result < self._count:   # firms deleted (by another window) since the page was read
            self.beginRemoveRows(QModelIndex(), result, self._count - 1)
            self._count = result
            self._pages.clear()
            self.endRemoveRows()
        self.count_settled.emit()

    def _show(self, spec: FirmQuery, count: int, first: list[FirmSummary],
              counting: object | None = None) -> None:
        """Reset to `spec`, its `count` and first page (the view paints it next), or to the
        first page alone while the count with the ticket `counting` is on its way."""
        self._counting = counting
        self.beginResetModel()
        self._spec = spec
        self._pages.clear()
        self._pending.clear()
        self._count = count
        self._pages[0] = first
        self.endResetModel()

    def refresh(self) -> None:
        """Read again after a change: same count → the visible cells are read again (the view
        keeps its scroll position and selection); another count → a reset."""
        count = self._read_count(self._spec)
        if count != self._count:
            self.set_query(self._spec)
            return
        self._pages.clear()
        if count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, OPEN))

    def unfiltered_count(self) -> int | None:
        """The count of the firms shown when no filter applies (every firm not archived, in
        any order), else None."""
        spec = self._spec
        every = dataclasses.replace(FirmQuery(), order_by=spec.order_by,
                                    descending=spec.descending, order_ids=spec.order_ids)
        return self._count if spec == every else None

    def loaded_rows(self) -> int:
        """How many summaries are held in memory now (for the curious and for tests)."""
        return sum(len(page) for page in self._pages.values())

    def sort_column(self) -> int:
        if self._spec.order_ids is not None:
            return VERDICT
        for column, key in ORDER_KEYS.items():
            if key == self._spec.order_by:
                return column
        return NAME

    def sort_order(self) -> QtCore.Qt.SortOrder:
        order = QtCore.Qt.SortOrder
        return order.DescendingOrder if self._spec.descending else order.AscendingOrder

    def is_sortable(self, column: int) -> bool:
        """Whether `sort` orders by the column at once (the verdict column needs the page)."""
        return column in ORDER_KEYS

    def summary(self, row: int) -> FirmSummary | None:
        if not 0 <= row < self._count:
            return None
        page = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def firm_id(self, row: int) -> int:
        found = self.summary(row)
        return found.id if found else 0

    def known_verdicts(self) -> dict[int, VerdictDigest]:
        """A copy of the verdicts judged so far (a worker thread may read it)."""
        return dict(self._verdicts)

    def remember_verdicts(self, verdicts: dict[int, VerdictDigest]) -> None:
        """Verdicts judged elsewhere (the verdict filter) from the current data."""
        self._verdicts.update(verdicts)

    # -- Qt overrides ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 7

    def sort(self, column: int, order: QtCore.Qt.SortOrder | None = None) -> None:
        """Qt's sort: `sort_by` (ascending unless `order` says descending)."""
        self.sort_by(column, order == QtCore.Qt.SortOrder.DescendingOrder)

    def sort_by(self, column: int, descending: bool = False) -> None:
        """Order by a column in the database. The verdict column is left to the page (its
        order takes a background task that ends in `set_query` with `order_ids`); here it
        keeps the current order. A refused order leaves the list as it was and reports
        through `load_failed`."""
        if column not in ORDER_KEYS:
            return
        previous = self._spec
        spec = dataclasses.replace(previous, order_by=ORDER_KEYS[column], order_ids=None,
                                   descending=descending)
        try:
            count, first = self.workspace.firm_list.count_and_first_page(spec, PAGE_SIZE)
        except Exception as error:  # shown by the page; the old order stays
            self.load_failed.emit(error)
            return
        self._show(spec, count, first)

    # No headerData: the list's header shows its titles from a model of its own
    # (widgets/firm_list_header.py). Asked through this model, every title came with Qt's
    # Orientation enum, which built all of Qt's enums for the first paint.

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        # A paint asks every visible cell for seven roles: those this model never answers are
        # turned away before a row is looked up. (Not multiData: PySide6 6.12 crashes on
        # QModelRoleData.setData, and was no faster.)
        if role not in _SERVED_ROLES or not index.isValid():
            return None
        summary = self.summary(index.row())
        return None if summary is None else self._value(summary, index.row(), index.column(), role)

    def _value(self, summary: FirmSummary, row: int, column: int, role: int):
        if role == _DISPLAY:
            return self._display(summary, row, column)
        if role == _ALIGNMENT:
            return RIGHT if column in (REVENUE, OPEN) else None
        if role == _FOREGROUND:
            return self._archived_brush() if summary.archived else None
        if role == FIRM_ID_ROLE:
            return summary.id
        return self._tooltip(summary, column)

    @staticmethod
    def _archived_brush():
        from PySide6.QtGui import QPalette   # its enums: for archived rows only

        return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)

    def _display(self, summary: FirmSummary, row: int, column: int):
        if column == NAME:
            return summary.name
        if column == USCC:
            return summary.uscc
        if column == REGION:
            return region_text(summary.region_code)
        if column == INDUSTRY:
            return industry_text(summary.industry_code)
        if column == REVENUE:
            return "" if summary.last_revenue is None else f"{summary.last_revenue:,.2f}"
        if column == VERDICT:
            cached = self._verdicts.get(summary.id)
            if cached is not None:
                return verdict_text(cached)
            self._request_verdict(summary.id, row)
            return "…"
        if column == OPEN:
            return str(summary.open_applications)
        return None

    def _tooltip(self, summary: FirmSummary, column: int) -> str | None:
        if column == NAME and summary.archived:
            return self.tr("{name} (archived)").format(name=summary.name)
        if column == REVENUE and summary.last_year is not None:
            if summary.last_revenue is None:
                return self.tr("Operating revenue {year}: not entered").format(
                    year=summary.last_year)
            return self.tr("Operating revenue {year}: {amount} (10k CNY)").format(
                year=summary.last_year, amount=f"{summary.last_revenue:,.2f}")
        if column == VERDICT:
            cached = self._verdicts.get(summary.id)
            return verdict_tooltip(cached) if cached else None
        if column == INDUSTRY:
            found = codes.industry(summary.industry_code)
            return found.name if found else None
        return None

    # -- pages -----------------------------------------------------------------------------
    def _read_count(self, spec: FirmQuery) -> int:
        try:
            return self.workspace.firm_list.count(spec)
        except Exception as error:  # the page shows it; an empty list is honest
            self.load_failed.emit(error)
            return 0

    def _page(self, number: int) -> list[FirmSummary]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        try:
            page = self.workspace.firm_list.query(self._spec, PAGE_SIZE, number * PAGE_SIZE)
        except Exception as error:  # kept empty until the next reset: no retry storm
            log.warning("firm list page %s could not be read: %s", number, error)
            page = []
            self.load_failed.emit(error)
        self._pages[number] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    # -- verdicts --------------------------------------------------------------------------
    def _request_verdict(self, firm_id: int, row: int) -> None:
        self._pending[firm_id] = row
        self._pending.move_to_end(firm_id)
        while len(self._pending) > MAX_PENDING:
            self._pending.popitem(last=False)
        if not self._timer.isActive():
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        started = time.monotonic()
        cache = self.workspace.qualification.verdict_cache
        while self._pending and time.monotonic() - started < SLICE_SECONDS:
            batch: dict[int, int] = {}
            while self._pending and len(batch) < VERDICT_BATCH:
                firm_id, row = self._pending.popitem(last=True)   # newest requests first
                if firm_id not in self._verdicts:
                    batch[firm_id] = row
            if not batch:
                continue
            try:
                found = cache.digests(batch)
            except Exception as error:  # noqa: BLE001  the database refused: shown by the page
                self.load_failed.emit(error)
                self._pending.clear()
                return
            self._verdicts.update(found)
            for firm_id, row in batch.items():
                cached = self._pages.get(row // PAGE_SIZE)
                if cached and row % PAGE_SIZE < len(cached) and cached[row % PAGE_SIZE].id == firm_id:
                    cell = self.index(row, VERDICT)
                    self.dataChanged.emit(cell, cell, [_DISPLAY])
        if self._pending:
            self._timer.start()

    def _on_bus_changed(self, table: str, firm_id: int) -> None:
        if firm_id:
            self._verdicts.pop(firm_id, None)
        else:
            self._verdicts.clear()
        self.refresh()
