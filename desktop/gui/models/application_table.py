"""Applications with their firms and batches, for the applications page; a proxy sorts them
and filters by status and tier."""
from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt,
)

from desktop.domain import records as r

from .. import i18n, labels

COLUMNS = ("firm", "uscc", "tier", "batch", "kind", "assessment_date", "status", "ranking")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class ApplicationTableModel(QAbstractTableModel):
    """Rows are (application, firm, batch name or '')."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[r.Application, r.Firm, str]] = []

    def set_rows(self, rows: list[tuple[r.Application, r.Firm, str]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def application(self, row: int) -> r.Application:
        return self._rows[row][0]

    def firm(self, row: int) -> r.Firm:
        return self._rows[row][1]

    def row_of(self, application_id: int) -> int:
        """The row of an application, or -1."""
        return next((row for row, (application, _firm, _batch) in enumerate(self._rows)
                     if application.id == application_id), -1)

    # -- Qt overrides ----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return i18n.label(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        application, firm, batch = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == ID_ROLE:
            return application.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, application, firm, batch)
        if role == SORT_ROLE:
            return self._key(column, application, firm, batch)
        if role == Qt.ItemDataRole.ToolTipRole and column == "firm":
            return firm.name
        return None

    def _text(self, column: str, application: r.Application, firm: r.Firm, batch: str) -> str:
        if column == "firm":
            return firm.name
        if column == "uscc":
            return firm.uscc
        if column == "tier":
            return labels.tier(application.tier)
        if column == "batch":
            return batch or self.tr("(no batch)")
        if column == "kind":
            return labels.kind(application.kind)
        if column == "assessment_date":
            return application.assessment_date.isoformat() if application.assessment_date else ""
        if column == "status":
            return labels.status(application.status)
        return "" if application.ranking is None else str(application.ranking)

    @staticmethod
    def _key(column: str, application: r.Application, firm: r.Firm, batch: str):
        if column == "tier":
            return int(application.tier)
        if column == "ranking":  # unranked last
            return application.ranking if application.ranking is not None else 1 << 30
        if column == "status":
            return list(type(application.status)).index(application.status)
        if column == "assessment_date":
            return application.assessment_date.isoformat() if application.assessment_date else ""
        return {"firm": firm.name, "uscc": firm.uscc, "batch": batch,
                "kind": application.kind.value}[column]


class ApplicationFilterProxy(QSortFilterProxyModel):
    """Sorts by the model's sort keys; keeps the rows of one status and one tier (None: all)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._status = None
        self._tier = None

    def set_filters(self, status=None, tier=None) -> None:
        self.beginFilterChange()
        self._status, self._tier = status, tier
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        model = self.sourceModel()
        if source_parent.isValid() or source_row >= model.rowCount():
            return False
        application = model.application(source_row)
        if self._status is not None and application.status != self._status:
            return False
        return self._tier is None or int(application.tier) == int(self._tier)
