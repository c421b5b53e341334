"""The main window: for now the firm list with a search field."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QMainWindow, QTableView, QVBoxLayout, QWidget

from desktop.domain.messages import field_label
from desktop.domain.records import FirmSummary
from desktop.domain.values import format_money
from desktop.services.codes import region


class FirmTableModel(QAbstractTableModel):
    COLUMNS = ("name", "uscc", "region_code", "industry_code", "operating_revenue")

    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.rows: list[FirmSummary] = []

    def set_rows(self, rows: list[FirmSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "operating_revenue":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        firm = self.rows[index.row()]
        if column == "operating_revenue":
            return format_money(firm.last_revenue)
        if column == "region_code":
            place = region(firm.region_code)
            return place.full_name if place else firm.region_code
        return getattr(firm, column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return field_label(self.COLUMNS[section], self.lang)
        return None


class MainWindow(QMainWindow):
    def __init__(self, workspace, lang: str) -> None:
        super().__init__()
        self.workspace = workspace
        self.setWindowTitle("SRDI Desk — 专精特新申报台")
        self.resize(1000, 640)
        self.search = QLineEdit(objectName="firmSearch")
        self.search.setPlaceholderText("搜索企业名称或统一社会信用代码" if lang == "zh_CN"
                                       else "Search by name or unified social credit code")
        self.model = FirmTableModel(lang, self)
        self.table = QTableView(objectName="firmTable")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.workspace.firms.list(self.search.text()))
        self.table.resizeColumnsToContents()

    def _on_search_text_changed(self, _text: str) -> None:
        self.refresh()
