"""Firm list page (being built)."""
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget


class FirmListPage(QWidget):
    firm_activated = Signal(int)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.search = QLineEdit(objectName="firmSearch")
        QVBoxLayout(self).addWidget(self.search)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        pass
