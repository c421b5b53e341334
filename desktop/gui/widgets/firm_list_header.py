"""The firm list's header: its titles, its remembered widths, places and order, and its sort
indicator. None of it names one of Qt's enums before the list is first painted: PySide6 builds
all of Qt's namespace enums (~20 ms) at their first use (see models/firm_table.py)."""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QSettings
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView

from .. import i18n
from ..models.firm_table import (
    INDUSTRY, NAME, OPEN, REGION, REVENUE, RIGHT, USCC, VERDICT, FirmTableModel,
)

HEADER_KEY = "firmList/header"
SORT_KEY = "firmList/sort"   # "column,1" descending, "column,0" ascending
ALIGNMENT_ROLE = 7           # Qt.ItemDataRole.TextAlignmentRole, by its number
# Revenue is wide enough for its English title ("Last-year revenue (10k CNY)" was cut at 150).
COLUMN_WIDTHS = {NAME: 250, USCC: 170, REGION: 170, INDUSTRY: 200, REVENUE: 190,
                 VERDICT: 150, OPEN: 120}


def set_up(header: QHeaderView, model: FirmTableModel, parent: QObject) -> None:
    """Clickable, movable columns of COLUMN_WIDTHS with their titles. The sort indicator is
    shown once the page has painted (show_order), unless a restored state shows it."""
    header.setSectionsClickable(True)
    header.setSectionsMovable(True)
    header.setStretchLastSection(False)
    header.setModel(titles(model, parent))
    for column, width in COLUMN_WIDTHS.items():
        header.resizeSection(column, width)


def titles(model: FirmTableModel, parent: QObject) -> QStandardItemModel:
    """The column titles as a model of their own for the header: asked through the table's
    model, each title came with Qt's Orientation enum, built for it at the first paint."""
    shown = QStandardItemModel(0, model.columnCount(), parent)
    for column in range(model.columnCount()):
        item = QStandardItem()
        item.setText(header_text(column))
        alignment = header_alignment(column)
        if alignment is not None:
            item.setData(alignment, ALIGNMENT_ROLE)
        shown.setHorizontalHeaderItem(column, item)
    return shown


def header_text(column: int) -> str | None:
    """A column's title (translated in the firm table's context, where its cells' words are)."""
    if column == NAME:
        return i18n.label("name")
    if column == USCC:
        return i18n.label("uscc")
    if column == REGION:
        return i18n.label("region_code")
    if column == INDUSTRY:
        return QCoreApplication.translate("FirmTableModel", "Industry")
    if column == REVENUE:
        return QCoreApplication.translate("FirmTableModel", "Last-year revenue (10k CNY)")
    if column == VERDICT:
        return QCoreApplication.translate("FirmTableModel", "Best tier")
    if column == OPEN:
        return QCoreApplication.translate("FirmTableModel", "Open applications")
    return None


def header_alignment(column: int) -> int | None:
    """How a column's title is aligned (as Qt.AlignmentFlag's number), if not the default:
    as its cells are."""
    return RIGHT if column in (REVENUE, OPEN) else None


def restore(header: QHeaderView, settings: QSettings, model: FirmTableModel) -> None:
    """The columns' widths and places, and the order (by our own key, SORT_KEY: the header's
    would come as Qt's SortOrder; a header saved before that key existed is read that way)."""
    state = settings.value(HEADER_KEY)
    if not (isinstance(state, QByteArray) and header.restoreState(state)):
        return
    column, _, descending = str(settings.value(SORT_KEY, "")).partition(",")
    if column.isdigit():
        column, descending = int(column), descending == "1"
    else:
        column = header.sortIndicatorSection()
        descending = header.sortIndicatorOrder() == QtCore.Qt.SortOrder.DescendingOrder
    # Not the verdict order: judging every firm is no way to open the window.
    if model.is_sortable(column):
        model.sort_by(column, descending)


def save(header: QHeaderView, settings: QSettings, model: FirmTableModel) -> None:
    settings.setValue(HEADER_KEY, header.saveState())
    if model.is_sortable(model.sort_column()):
        settings.setValue(SORT_KEY, f"{model.sort_column()},{int(model.spec.descending)}")


def show_order(header: QHeaderView, model: FirmTableModel, shown: bool = False) -> None:
    """The sort indicator on the order the list has (without telling the page again);
    `shown`: and from now on shown."""
    if shown:
        header.setSortIndicatorShown(True)
    header.blockSignals(True)
    header.setSortIndicator(model.sort_column(), model.sort_order())
    header.blockSignals(False)
