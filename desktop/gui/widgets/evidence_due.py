"""Evidence due: items of every firm expiring within N days or already expired, soonest first;
a double-click opens the item in its firm."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QSpinBox, QTableView, QVBoxLayout, QWidget,
)

from ..errors import show_error
from ..models.due_table import COLUMNS, FIRM_ROLE, ITEM_ROLE, SORT_ROLE, DueTableModel
from .lazy_page import LazyPage

DEFAULT_DAYS = 90


class EvidenceDuePage(LazyPage, QWidget):
    evidence_activated = Signal(int, int)   # firm id, evidence item id

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("evidenceDuePage")
        self.days = QSpinBox(objectName="dueDays")
        self.days.setRange(0, 3650)
        self.days.setValue(DEFAULT_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.days.setKeyboardTracking(False)   # typing '180' asks once, not for 1, 18, 180
        self.summary = QLabel(objectName="dueSummary")
        self.model = DueTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(objectName="dueTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index("days_left"), Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self._sized = False   # columns fit their contents once; then the user's widths stay
        self.table.setToolTip(self.tr("Double-click an item to open it in its firm"))

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Expired, or expiring within")))
        row.addWidget(self.days)
        row.addStretch(1)
        row.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)

        self.days.valueChanged.connect(self._on_days_value_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        ctx.bus.changed.connect(self._on_bus_changed)   # read on first show (LazyPage)

    def refresh(self) -> None:
        self._stale = False
        try:
            rows = self.ctx.workspace.evidence.due(self.days.value())
        except Exception as error:  # a page must never take the window down
            show_error(self, error)
            return
        self.model.set_rows(rows)
        if rows and not self._sized:
            self._sized = True
            self.table.resizeColumnsToContents()
            for column in range(self.model.columnCount()):
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        expired = sum(1 for due in rows if due.days_left < 0)
        self.summary.setText(self.tr("{count} items, {expired} expired").format(
            count=len(rows), expired=expired))

    def _on_days_value_changed(self, _value: int) -> None:
        self.refresh()

    def _on_bus_changed(self, table: str, firm_id: int) -> None:
        self.refresh_when_shown()   # archiving a firm hides its items too

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        item_id, firm_id = index.data(ITEM_ROLE), index.data(FIRM_ROLE)
        if not firm_id:   # EvidenceService.due may not carry it; the item always does
            try:
                firm_id = self.ctx.workspace.evidence.get(item_id).firm_id
            except Exception as error:
                show_error(self, error)
                return
        self.evidence_activated.emit(firm_id, item_id)
