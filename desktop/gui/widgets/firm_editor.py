"""Firm editor page (being built)."""
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class FirmEditorPage(QWidget):
    closed = Signal()
    firm_saved = Signal(int)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.firm_id = 0
        QVBoxLayout(self).addWidget(QLabel(self.tr("Firm")))

    def open_firm(self, firm_id: int) -> None:
        self.firm_id = firm_id

    def select_evidence(self, item_id: int) -> None:
        pass

    def save(self) -> None:
        pass

    def may_close(self) -> bool:
        return True

    def refresh(self) -> None:
        pass
