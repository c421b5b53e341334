"""The evidence items of one firm as a table, and the words for the evidence choices."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop.domain.catalog import FIELD_LABELS
from desktop.domain.enums import EvidenceStatus
from desktop.domain.records import EvidenceItem

from .. import i18n

_CONTEXT = "EvidenceLabels"
# Choices the catalog has no label for (or only an ambiguous one, like 'title' or 'other').
_CHOICES = {
    "invention_patent": QT_TRANSLATE_NOOP("EvidenceLabels", "Invention patent"),
    "utility_model_patent": QT_TRANSLATE_NOOP("EvidenceLabels", "Utility-model patent"),
    "design_patent": QT_TRANSLATE_NOOP("EvidenceLabels", "Design patent"),
    "software_copyright": QT_TRANSLATE_NOOP("EvidenceLabels", "Software copyright"),
    "ic_layout_design": QT_TRANSLATE_NOOP("EvidenceLabels", "IC layout design"),
    "plant_variety": QT_TRANSLATE_NOOP("EvidenceLabels", "New plant variety"),
    "national_new_drug": QT_TRANSLATE_NOOP("EvidenceLabels", "National new drug"),
    "other_class_i_ip": QT_TRANSLATE_NOOP("EvidenceLabels", "Other Class I IP"),
    "management_certification": QT_TRANSLATE_NOOP("EvidenceLabels",
                                                  "Management-system certification"),
    "product_certification": QT_TRANSLATE_NOOP("EvidenceLabels", "Product certification"),
    "award": QT_TRANSLATE_NOOP("EvidenceLabels", "Award"),
    "rd_institution": QT_TRANSLATE_NOOP("EvidenceLabels", "R&D institution"),
    "standard": QT_TRANSLATE_NOOP("EvidenceLabels", "Standard drafted"),
    "title": QT_TRANSLATE_NOOP("EvidenceLabels", "Title held"),
    "market_share_statement": QT_TRANSLATE_NOOP("EvidenceLabels", "Market-share statement"),
    "import_substitution": QT_TRANSLATE_NOOP("EvidenceLabels", "First set / import substitution"),
    "audited_report": QT_TRANSLATE_NOOP("EvidenceLabels", "Audited report"),
    "other": QT_TRANSLATE_NOOP("EvidenceLabels", "Other"),
    "gazelle": QT_TRANSLATE_NOOP("EvidenceLabels", "Gazelle enterprise"),
    "unicorn": QT_TRANSLATE_NOOP("EvidenceLabels", "Unicorn enterprise"),
    "st_award": QT_TRANSLATE_NOOP("EvidenceLabels", "Science and technology award"),
    "patent_award": QT_TRANSLATE_NOOP("EvidenceLabels", "China Patent Award"),
    "maker_china": QT_TRANSLATE_NOOP("EvidenceLabels", "Maker China"),
    "valid": QT_TRANSLATE_NOOP("EvidenceLabels", "Valid"),
    "pending": QT_TRANSLATE_NOOP("EvidenceLabels", "Applied for"),
    "expired": QT_TRANSLATE_NOOP("EvidenceLabels", "Expired"),
    "revoked": QT_TRANSLATE_NOOP("EvidenceLabels", "Revoked"),
    "self_developed": QT_TRANSLATE_NOOP("EvidenceLabels", "Self-developed"),
    "transferred": QT_TRANSLATE_NOOP("EvidenceLabels", "Acquired by transfer"),
    "overseas_family": QT_TRANSLATE_NOOP("EvidenceLabels", "Overseas patent family"),
    "pledge_financing": QT_TRANSLATE_NOOP("EvidenceLabels", "Pledge financing"),
}


def choice_label(value: object) -> str:
    """An evidence choice (kind, subtype, level, status …) in words; '' for none."""
    if value is None or value == "":
        return ""
    key = str(value)
    if key in _CHOICES:
        return QCoreApplication.translate(_CONTEXT, _CHOICES[key])
    if key in FIELD_LABELS:
        return i18n.label(key)
    return key


def yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return i18n.label("yes" if value else "no")


def is_expired(item: EvidenceItem, today: date) -> bool:
    return item.status is EvidenceStatus.EXPIRED or (
        item.valid_until is not None and item.valid_until < today)


COLUMNS = ("kind", "subtype", "title", "number", "level", "granted_date", "valid_until",
           "related_to_leading_product", "attachments")
ItemRole = Qt.ItemDataRole.UserRole + 1


class EvidenceTableModel(QAbstractTableModel):
    """Rows of `EvidenceItem`; expired ones are shown in red with a note."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[EvidenceItem] = []
        self._today = date.today()

    def set_items(self, items: list[EvidenceItem], today: date) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._today = today
        self.endResetModel()

    def item(self, row: int) -> EvidenceItem:
        return self._items[row]

    def row_of(self, item_id: int) -> int:
        return next((row for row, item in enumerate(self._items) if item.id == item_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return i18n.label(COLUMNS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._items):
            return str(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        column = COLUMNS[index.column()]
        expired = is_expired(item, self._today)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column, expired)
        if role == ItemRole:
            return item.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if expired and column in ("title", "valid_until"):
                return self.tr("Expired: not valid on {date}").format(date=self._today.isoformat())
            if column == "title" and item.notes:
                return item.notes
            return None
        if role == Qt.ItemDataRole.ForegroundRole and expired:
            return QColor("#b03a2e")
        if role == Qt.ItemDataRole.FontRole and expired and column == "valid_until":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "attachments":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, item: EvidenceItem, column: str, expired: bool) -> str:
        if column in ("kind", "subtype", "level"):
            return choice_label(getattr(item, column))
        if column in ("granted_date", "valid_until"):
            day = getattr(item, column)
            text = day.isoformat() if day else ""
            if column == "valid_until" and expired:
                text = self.tr("{date} (expired)").format(date=text) if text else self.tr("expired")
            return text
        if column == "related_to_leading_product":
            return yes_no(item.related_to_leading_product)
        if column == "attachments":
            return str(len(item.attachments))
        return str(getattr(item, column) or "")
