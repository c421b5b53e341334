"""Evidence expiring soon or already expired, across firms (EvidenceService.due)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.domain import records as r

from .. import i18n, labels

COLUMNS = ("firm", "kind", "title", "number", "valid_until", "days_left")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FIRM_ROLE = Qt.ItemDataRole.UserRole + 2
ITEM_ROLE = Qt.ItemDataRole.UserRole + 3
EXPIRED = QColor("#b3261e")
SOON = QColor("#8a6100")   # within 30 days


class DueTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[r.DueItem] = []

    def set_rows(self, rows: list[r.DueItem]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def due(self, row: int) -> r.DueItem:
        return self._rows[row]

    def days_text(self, days: int) -> str:
        if days < -1:
            return self.tr("expired {days} days ago").format(days=-days)
        if days == -1:
            return self.tr("expired yesterday")
        if days == 0:
            return self.tr("expires today")
        if days == 1:
            return self.tr("1 day left")
        return self.tr("{days} days left").format(days=days)

    # -- Qt overrides ----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal
                or not 0 <= section < len(COLUMNS)):
            return None
        if COLUMNS[section] == "days_left":
            return self.tr("Days left")
        return i18n.label(COLUMNS[section])

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        due = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == FIRM_ROLE:
            return due.firm_id
        if role == ITEM_ROLE:
            return due.item.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, due)
        if role == SORT_ROLE:
            if column == "days_left":
                return due.days_left
            if column == "valid_until":
                return due.item.valid_until.isoformat() if due.item.valid_until else ""
            return self._text(column, due)
        if role == Qt.ItemDataRole.ToolTipRole and column == "firm":
            return f"{due.firm_name} ({due.uscc})"
        if role == Qt.ItemDataRole.ForegroundRole and column == "days_left":
            if due.days_left < 0:
                return QBrush(EXPIRED)
            if due.days_left <= 30:
                return QBrush(SOON)
        return None

    def _text(self, column: str, due: r.DueItem) -> str:
        item = due.item
        if column == "firm":
            return due.firm_name
        if column == "kind":
            return labels.evidence_kind(item.kind)
        if column == "title":
            return item.title
        if column == "number":
            return item.number
        if column == "valid_until":
            return item.valid_until.isoformat() if item.valid_until else ""
        return self.days_text(due.days_left)
