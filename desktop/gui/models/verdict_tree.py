"""Verdicts as a tree: one row per tier, its criteria as children."""
from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from desktop.domain.catalog import FIELD_LABELS
from desktop.domain.verdicts import CriterionResult, Outcome, TierOutcome, TierVerdict

from .. import i18n

_CONTEXT = "VerdictTreeModel"
COLUMNS = (
    QT_TRANSLATE_NOOP("VerdictTreeModel", "Outcome"),
    QT_TRANSLATE_NOOP("VerdictTreeModel", "Criterion"),
    QT_TRANSLATE_NOOP("VerdictTreeModel", "Value"),
    QT_TRANSLATE_NOOP("VerdictTreeModel", "Threshold"),
    QT_TRANSLATE_NOOP("VerdictTreeModel", "Gap"),
    QT_TRANSLATE_NOOP("VerdictTreeModel", "Evidence used"),
    QT_TRANSLATE_NOOP("VerdictTreeModel", "Notes"),
)
OUTCOME, CRITERION, VALUE, THRESHOLD, GAP, EVIDENCE, NOTES = range(len(COLUMNS))

_WORDS = {
    Outcome.PASS: QT_TRANSLATE_NOOP("VerdictTreeModel", "Pass"),
    Outcome.FAIL: QT_TRANSLATE_NOOP("VerdictTreeModel", "Fail"),
    Outcome.MANUAL: QT_TRANSLATE_NOOP("VerdictTreeModel", "Manual review"),
    Outcome.MISSING: QT_TRANSLATE_NOOP("VerdictTreeModel", "Missing data"),
}
_TIER_WORDS = {
    TierOutcome.PASS: QT_TRANSLATE_NOOP("VerdictTreeModel", "Pass"),
    TierOutcome.FAIL: QT_TRANSLATE_NOOP("VerdictTreeModel", "Fail"),
    TierOutcome.PENDING: QT_TRANSLATE_NOOP("VerdictTreeModel", "Pending (manual decisions open)"),
    TierOutcome.INCOMPLETE: QT_TRANSLATE_NOOP("VerdictTreeModel", "Incomplete (data missing)"),
}
COLOURS = {"pass": "#1e8449", "fail": "#b03a2e", "manual": "#b9770e", "pending": "#b9770e",
           "missing": "#5d6d7e", "incomplete": "#5d6d7e"}
TierRole = Qt.ItemDataRole.UserRole + 1
CriterionRole = Qt.ItemDataRole.UserRole + 2
_icons: dict[str, QIcon] = {}


def outcome_text(outcome: Outcome | TierOutcome) -> str:
    words = _TIER_WORDS if isinstance(outcome, TierOutcome) else _WORDS
    return QCoreApplication.translate(_CONTEXT, words[outcome])


def outcome_colour(outcome: Outcome | TierOutcome) -> QColor:
    return QColor(COLOURS[outcome.value])


def outcome_icon(outcome: Outcome | TierOutcome) -> QIcon:
    """A filled dot in the outcome's colour."""
    if outcome.value not in _icons:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(outcome_colour(outcome))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        _icons[outcome.value] = QIcon(pixmap)
    return _icons[outcome.value]


def value_text(value: str) -> str:
    """Category values ('small', 'self_developed_class_i') in words; numbers as they are."""
    return i18n.label(value) if value in FIELD_LABELS else value


def gap_text(criterion: CriterionResult) -> str:
    """Alternatives joined with 'or', requirements with ';' (as `srdi check` does)."""
    zh = i18n.language() == "zh_CN"
    if criterion.gap_any:
        joiner = " 或 " if zh else " or "
    else:
        joiner = "；" if zh else "; "
    return joiner.join(i18n.render(message) for message in criterion.gap)


def notes_text(criterion: CriterionResult) -> str:
    texts = [i18n.render(note) for note in criterion.notes]
    if criterion.decided_by:
        texts.append(f"{criterion.decided_by}: {criterion.decision_note}")
    return "\n".join(texts)


class VerdictTreeModel(QAbstractItemModel):
    """Tier rows have internal id 0; a criterion row's internal id is its tier's row + 1."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._tiers: tuple[TierVerdict, ...] = ()
        self._evidence_titles: dict[int, str] = {}

    def set_verdicts(self, tiers, evidence_titles: dict[int, str]) -> None:
        self.beginResetModel()
        self._tiers = tuple(tiers)
        self._evidence_titles = dict(evidence_titles)
        self.endResetModel()

    def tiers(self) -> tuple[TierVerdict, ...]:
        return self._tiers

    def tier_index(self, tier: int) -> QModelIndex:
        for row, verdict in enumerate(self._tiers):
            if verdict.tier == tier:
                return self.index(row, 0)
        return QModelIndex()

    def criterion_index(self, tier: int, criterion_id: str) -> QModelIndex:
        parent = self.tier_index(tier)
        if parent.isValid():
            for row, criterion in enumerate(self._tiers[parent.row()].criteria):
                if criterion.id == criterion_id:
                    return self.index(row, 0, parent)
        return QModelIndex()

    def index(self, row, column, parent=QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index=QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._tiers)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._tiers[parent.row()].criteria)
        return 0

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return QCoreApplication.translate(_CONTEXT, COLUMNS[section])
        return None

    def tier_at(self, index: QModelIndex | QPersistentModelIndex) -> TierVerdict | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self._tiers[row]

    def criterion_at(self, index: QModelIndex | QPersistentModelIndex) -> CriterionResult | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._tiers[index.internalId() - 1].criteria[index.row()]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        criterion = self.criterion_at(index)
        thing = criterion if criterion is not None else self.tier_at(index)
        column = index.column()
        if role == TierRole:
            return self.tier_at(index)
        if role == CriterionRole:
            return criterion
        if role == Qt.ItemDataRole.DisplayRole:
            if criterion is None:
                return self._tier_text(thing, column)
            return self._criterion_text(criterion, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if criterion is not None and column in (VALUE, THRESHOLD) and criterion.detail:
                return criterion.detail
            text = self.data(index, Qt.ItemDataRole.DisplayRole)
            return text or None
        if column == OUTCOME and role == Qt.ItemDataRole.DecorationRole:
            return outcome_icon(thing.outcome)
        if column == OUTCOME and role == Qt.ItemDataRole.ForegroundRole:
            return outcome_colour(thing.outcome)
        if role == Qt.ItemDataRole.FontRole and criterion is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _tier_text(self, tier: TierVerdict, column: int) -> str:
        if column == OUTCOME:
            return outcome_text(tier.outcome)
        if column == CRITERION:
            return self.tr("Tier {tier} · {title}").format(
                tier=tier.tier, title=tier.title.get(i18n.language()))
        if column == VALUE and tier.score is not None:
            at_least = "≥ " if tier.outcome is TierOutcome.INCOMPLETE else ""
            return f"{at_least}{tier.score}"
        if column == THRESHOLD and tier.score_needed is not None:
            return f"≥ {tier.score_needed}"
        if column == NOTES:
            return self.tr("Rulebook {rulebook} ({version})").format(
                rulebook=tier.rulebook, version=tier.rulebook_version)
        return ""

    def _criterion_text(self, criterion: CriterionResult, column: int) -> str:
        if column == OUTCOME:
            return outcome_text(criterion.outcome)
        if column == CRITERION:
            return f"{criterion.id} · {criterion.title.get(i18n.language())}"
        if column == VALUE:
            value = value_text(criterion.value)
            if criterion.points is not None and criterion.id != "score":
                return f"{value} → {criterion.points}"
            return value
        if column == THRESHOLD:
            return criterion.threshold
        if column == GAP:
            return gap_text(criterion) if criterion.outcome is not Outcome.PASS else ""
        if column == EVIDENCE:
            return "; ".join(self._evidence_titles.get(item_id, f"#{item_id}")
                             for item_id in criterion.evidence)
        if column == NOTES:
            return notes_text(criterion)
        return ""
