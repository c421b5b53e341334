"""A firm's fiscal years as a grid: one column per year, one row per figure, and below them
the ratios derived from the figures (read-only). Unknown shows empty, never 0."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.domain.records import FISCAL_FIGURES, FiscalYear
from desktop.domain.values import format_percent, ratio

from .. import i18n

# The rows the user types, in the order of the official forms.
INPUT_ROWS = FISCAL_FIGURES + ("source_note",)
# The derived rows: key, and how each is computed from (this year, the year before).
DERIVED_ROWS = ("main_business_share", "operating_revenue_growth", "main_business_revenue_growth",
                "rd_ratio", "debt_ratio")
Commit = Callable[[int, str, str], bool]


def _growth(name: str, year: FiscalYear, previous: FiscalYear | None) -> Decimal | None:
    if previous is None:
        return None
    now, before = getattr(year, name), getattr(previous, name)
    if now is None or before is None:
        return None
    return ratio(now - before, before)


def derived(key: str, year: FiscalYear, previous: FiscalYear | None) -> Decimal | None:
    """A derived ratio of `year` (`previous` is the calendar year before, if entered)."""
    if key == "main_business_share":
        return ratio(year.main_business_revenue, year.operating_revenue)
    if key == "operating_revenue_growth":
        return _growth("operating_revenue", year, previous)
    if key == "main_business_revenue_growth":
        return _growth("main_business_revenue", year, previous)
    if key == "rd_ratio":
        return ratio(year.rd_expense, year.operating_revenue)
    if key == "debt_ratio":
        return ratio(year.total_liabilities, year.total_assets)
    raise KeyError(key)


def display_value(name: str, value: object) -> str:
    """A stored figure as shown: money with thousands separators and every decimal it has."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:,}"
    return str(value)


class FiscalYearTableModel(QAbstractTableModel):
    """`commit(year, field, text)` saves one edited cell and returns whether it was accepted;
    the owner then calls `put_year` with what was saved."""

    def __init__(self, commit: Commit | None = None, parent=None) -> None:
        super().__init__(parent)
        self._years: list[FiscalYear] = []
        self._commit = commit

    # -- contents --------------------------------------------------------------------------
    def set_years(self, years: list[FiscalYear]) -> None:
        years = sorted(years, key=lambda fy: fy.year)
        if years == self._years:
            return
        self.beginResetModel()
        self._years = years
        self.endResetModel()

    def years(self) -> list[FiscalYear]:
        return list(self._years)

    def year_at(self, column: int) -> FiscalYear | None:
        return self._years[column] if 0 <= column < len(self._years) else None

    def column_of(self, year: int) -> int:
        return next((c for c, fy in enumerate(self._years) if fy.year == year), -1)

    def put_year(self, record: FiscalYear) -> None:
        """Show a saved year in place (its own column, and the growth of the year after)."""
        column = self.column_of(record.year)
        if column < 0:
            self.set_years(self._years + [record])
            return
        self._years[column] = record
        last = min(column + 1, len(self._years) - 1)
        self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, last))

    @staticmethod
    def row_key(row: int) -> str:
        return (INPUT_ROWS + DERIVED_ROWS)[row]

    @staticmethod
    def row_of(key: str) -> int:
        return (INPUT_ROWS + DERIVED_ROWS).index(key)

    def is_derived(self, row: int) -> bool:
        return row >= len(INPUT_ROWS)

    def _previous(self, record: FiscalYear) -> FiscalYear | None:
        return next((fy for fy in self._years if fy.year == record.year - 1), None)

    # -- Qt overrides ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(INPUT_ROWS) + len(DERIVED_ROWS)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._years)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.column() < len(self._years)):
            return None
        record, key = self._years[index.column()], self.row_key(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if self.is_derived(index.row()):
                return format_percent(derived(key, record, self._previous(record)))
            return display_value(key, getattr(record, key))
        if role == Qt.ItemDataRole.EditRole:
            if self.is_derived(index.row()):
                return None
            value = getattr(record, key)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and key != "source_note":
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and self.is_derived(index.row()):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and self.is_derived(index.row()):
            return self._derived_tip(key)
        return None

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.is_derived(index.row()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if (role != Qt.ItemDataRole.EditRole or not index.isValid() or self._commit is None
                or self.is_derived(index.row()) or index.column() >= len(self._years)):
            return False
        text = "" if value is None else str(value).strip()
        if text == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        return bool(self._commit(self._years[index.column()].year, self.row_key(index.row()), text))

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return str(self._years[section].year) if 0 <= section < len(self._years) else None
        if not 0 <= section < self.rowCount():
            return None
        key = self.row_key(section)
        return self._derived_label(key) if self.is_derived(section) else i18n.label(key)

    @staticmethod
    def _derived_label(key: str) -> str:
        return {
            "main_business_share": QCoreApplication.translate("FiscalYearTableModel", "Main-business share"),
            "operating_revenue_growth": QCoreApplication.translate("FiscalYearTableModel", "Operating revenue growth"),
            "main_business_revenue_growth": QCoreApplication.translate("FiscalYearTableModel",
                                               "Main-business revenue growth"),
            "rd_ratio": QCoreApplication.translate("FiscalYearTableModel", "R&D ratio"),
            "debt_ratio": QCoreApplication.translate("FiscalYearTableModel", "Debt ratio"),
        }[key]

    @staticmethod
    def _derived_tip(key: str) -> str:
        return {
            "main_business_share": QCoreApplication.translate("FiscalYearTableModel",
                                      "Main-business revenue / operating revenue"),
            "operating_revenue_growth": QCoreApplication.translate("FiscalYearTableModel",
                                           "Operating revenue against the year before"),
            "main_business_revenue_growth": QCoreApplication.translate("FiscalYearTableModel",
                                               "Main-business revenue against the year before"),
            "rd_ratio": QCoreApplication.translate("FiscalYearTableModel", "R&D expense / operating revenue"),
            "debt_ratio": QCoreApplication.translate("FiscalYearTableModel", "Total liabilities / total assets"),
        }[key]
