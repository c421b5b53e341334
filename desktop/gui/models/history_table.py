"""History entries as a table: when (local time), who, record, what happened, field, and the
old and new values as the user reads them (money with separators, choices in words)."""
from __future__ import annotations

from datetime import timezone
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex,
    QPersistentModelIndex, QSortFilterProxyModel, Qt,
)
from PySide6.QtGui import QColor

from desktop.domain.catalog import FIELD_LABELS
from desktop.domain.enums import ChangeAction
from desktop.domain.history import HistoryEntry
from desktop.domain.records import FISCAL_MONEY
from desktop.services import codes

from .. import i18n, labels
from .evidence_table import choice_label

COLUMNS = ("when", "who", "record", "action", "field", "change")
EntryRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
EMPTY = "—"
NOT_REVERTIBLE = QColor("#6b6b6b")

MONEY_FIELDS = frozenset(FISCAL_MONEY) | {"registered_capital"}
EVIDENCE_CHOICES = frozenset({"kind", "subtype", "level", "status", "acquisition",
                              "high_value_basis"})
_CONTEXT = "HistoryValues"
# Choices no shared label covers (the profile and figures forms word them in their own combos).
_CHOICES = {
    "domestic": QT_TRANSLATE_NOOP("HistoryValues", "Domestic"),
    "international": QT_TRANSLATE_NOOP("HistoryValues", "International"),
    "state_owned": QT_TRANSLATE_NOOP("HistoryValues", "State-owned"),
    "joint_venture": QT_TRANSLATE_NOOP("HistoryValues", "Joint venture"),
    "private": QT_TRANSLATE_NOOP("HistoryValues", "Private"),
    "foreign": QT_TRANSLATE_NOOP("HistoryValues", "Foreign-owned"),
    "no_plan": QT_TRANSLATE_NOOP("HistoryValues", "No listing plan"),
    "planned": QT_TRANSLATE_NOOP("HistoryValues", "Listing planned"),
    "listed": QT_TRANSLATE_NOOP("HistoryValues", "Listed"),
}


# Record fields whose label is worded under another name (the form's).
_LABEL_OF = {"batch_id": "batch", "original_name": "file"}


def field_text(field: str) -> str:
    """A logged field's label in the user's language."""
    return i18n.label(_LABEL_OF.get(field, field)) if field else ""


def value_text(table: str, field: str, text: str | None, batches: dict[int, str]) -> str:
    """A logged value (stored text) as the user reads it; '—' for none."""
    if text is None or text == "":
        return EMPTY
    try:
        if field in MONEY_FIELDS:
            return f"{Decimal(text):,}"
        if field == "share_percent":
            return f"{text}%"
        if text in ("true", "false"):
            return i18n.label("yes" if text == "true" else "no")
        if field == "tier":
            return labels.tier(int(text))
        if table == "application" and field == "status":
            return labels.status(text)
        if table == "application" and field == "kind":
            return labels.kind(text)
        if field == "rulebook":
            return labels.rulebook(text)
        if field == "decision":
            return labels.outcome(text)
        if field == "batch_id":
            return batches.get(int(text), text)
        if field == "region_code":
            place = codes.region(text)
            return f"{place.full_name} ({text})" if place else text
    except (ValueError, InvalidOperation, KeyError):
        return text   # a value the labels do not know (an older version's) is shown as stored
    if table == "evidence_item" and field in EVIDENCE_CHOICES:
        return choice_label(text)
    if text in _CHOICES:
        return QCoreApplication.translate(_CONTEXT, _CHOICES[text])
    if text in FIELD_LABELS and field not in ("title", "notes", "name"):
        return i18n.label(text)   # sector classes, product fields, levels …
    return text


def local_time(at) -> str:
    # Stored in UTC: shown in the computer's time zone.
    return at.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")


class HistoryTableModel(QAbstractTableModel):
    """Rows of HistoryEntry in the service's order (newest first)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[HistoryEntry] = []
        self._batches: dict[int, str] = {}

    def set_entries(self, entries: list[HistoryEntry], batches: dict[int, str]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._batches = dict(batches)
        self.endResetModel()

    def entry(self, row: int) -> HistoryEntry:
        return self._entries[row]

    def row_of(self, change_id: int) -> int:
        return next((row for row, e in enumerate(self._entries) if e.change.id == change_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        return {"when": self.tr("When"), "who": self.tr("Who"), "record": self.tr("Record"),
                "action": self.tr("Change"), "field": self.tr("Field"),
                "change": self.tr("Old → new")}[COLUMNS[section]]

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == EntryRole:
            return entry.change.id
        if role == SortRole:
            # the service's order (newest write first, its fields in form order) for 'when'
            return -index.row() if column == "when" else self._text(entry, column).lower()
        if role == Qt.ItemDataRole.ToolTipRole:
            if entry.reason is not None:
                return self.tr("Cannot be reverted: {reason}").format(
                    reason=i18n.render(entry.reason))
            return self._text(entry, column) if column in ("record", "change") else None
        if role == Qt.ItemDataRole.ForegroundRole and not entry.can_revert:
            return NOT_REVERTIBLE
        return None

    def _text(self, entry: HistoryEntry, column: str) -> str:
        change = entry.change
        if column == "when":
            return local_time(change.at)
        if column == "who":
            if change.origin == "package":
                return self.tr("{who} (from a package)").format(who=change.who)
            if change.origin == "kept":
                return self.tr("{who} (kept over a package)").format(who=change.who)
            return f"{change.who} · {change.origin}" if change.origin else change.who
        if column == "record":
            return i18n.render(entry.record)
        if column == "action":
            return {ChangeAction.CREATE: self.tr("Added"), ChangeAction.UPDATE: self.tr("Changed"),
                    ChangeAction.DELETE: self.tr("Deleted")}[change.action]
        if column == "field":
            return field_text(change.field)
        old = value_text(change.table, change.field, change.old, self._batches)
        new = value_text(change.table, change.field, change.new, self._batches)
        if change.action is ChangeAction.CREATE:
            return new
        if change.action is ChangeAction.DELETE:
            return old
        return f"{old} → {new}"


class HistoryFilterProxy(QSortFilterProxyModel):
    """Sorts by SortRole; the filter box matches any column, ignoring case."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
