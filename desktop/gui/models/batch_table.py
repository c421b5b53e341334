"""The applications of one batch with their verdicts and what each still misses; a proxy sorts
them and filters by status and verdict."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.domain import records as r
from desktop.domain.verdicts import TierOutcome, TierVerdict
from desktop.services.checklist import Checklist
from desktop.services.codes import region

from .. import i18n, labels

COLUMNS = ("firm", "uscc", "region", "status", "verdict", "score", "missing", "first_gap",
           "ranking")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
NOT_CHECKED = ""   # the verdict filter's value for rows not evaluated yet
_VERDICT_COLOURS = {TierOutcome.PASS: "#1b7f3b", TierOutcome.FAIL: "#b3261e",
                    TierOutcome.PENDING: "#8a6100", TierOutcome.INCOMPLETE: "#5f5f5f"}


@dataclass(frozen=True)
class BatchRow:
    application: r.Application
    firm: r.Firm
    verdict: TierVerdict | None = None      # None until the batch has been checked
    checklist: Checklist | None = None

    @property
    def outcome(self) -> str:
        return self.verdict.outcome.value if self.verdict is not None else NOT_CHECKED


class BatchTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[BatchRow] = []

    def set_rows(self, rows: list[BatchRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[BatchRow]:
        return list(self._rows)

    def row(self, row: int) -> BatchRow:
        return self._rows[row]

    def row_of(self, application_id: int) -> int:
        return next((i for i, row in enumerate(self._rows) if row.application.id == application_id),
                    -1)

    # -- Qt overrides ----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal
                or not 0 <= section < len(COLUMNS)):
            return None
        column = COLUMNS[section]
        if column == "region":
            return i18n.label("region_code")
        if column == "verdict":
            return self.tr("Verdict")
        if column == "score":
            return self.tr("Score")
        if column == "missing":
            return self.tr("Missing")
        if column == "first_gap":
            return self.tr("First gap")
        return i18n.label(column)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == ID_ROLE:
            return row.application.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, row)
        if role == SORT_ROLE:
            return self._key(column, row)
        if role == Qt.ItemDataRole.ToolTipRole and column == "first_gap":
            return self._text(column, row) or None
        if (role == Qt.ItemDataRole.ForegroundRole and column == "verdict"
                and row.verdict is not None):
            return QBrush(QColor(_VERDICT_COLOURS[row.verdict.outcome]))
        return None

    def _text(self, column: str, row: BatchRow) -> str:
        application, firm = row.application, row.firm
        if column == "firm":
            return firm.name
        if column == "uscc":
            return firm.uscc
        if column == "region":
            place = region(firm.region_code)
            return place.full_name if place else firm.region_code
        if column == "status":
            return labels.status(application.status)
        if column == "verdict":
            return labels.verdict(row.verdict.outcome if row.verdict else None)
        if column == "score":
            score = _score(row)
            return "" if score is None else f"{score.normalize():f}"
        if column == "missing":
            return "" if row.checklist is None else str(len(row.checklist.missing))
        if column == "first_gap":
            missing = row.checklist.missing if row.checklist else ()
            return labels.checklist_item(missing[0]) if missing else ""
        return "" if application.ranking is None else str(application.ranking)

    def _key(self, column: str, row: BatchRow):
        if column == "status":
            return list(type(row.application.status)).index(row.application.status)
        if column == "score":
            score = _score(row)
            return float(score) if score is not None else -1.0
        if column == "missing":
            return len(row.checklist.missing) if row.checklist else -1
        if column == "ranking":
            return row.application.ranking if row.application.ranking is not None else 1 << 30
        return self._text(column, row)


def _score(row: BatchRow):
    """The verdict's points (tier 1), else the platform score the application carries."""
    if row.verdict is not None and row.verdict.score is not None:
        return row.verdict.score
    return row.application.platform_score


class BatchFilterProxy(QSortFilterProxyModel):
    """Keeps the rows of one status and one verdict (None: all; NOT_CHECKED: not evaluated)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._status = None
        self._verdict = None

    def set_filters(self, status=None, verdict=None) -> None:
        self.beginFilterChange()
        self._status, self._verdict = status, verdict
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        model = self.sourceModel()
        if source_parent.isValid() or source_row >= model.rowCount():
            return False
        row = model.row(source_row)
        if self._status is not None and row.application.status != self._status:
            return False
        return self._verdict is None or row.outcome == self._verdict
