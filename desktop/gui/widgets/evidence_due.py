"""Evidence due page (being built)."""
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class EvidenceDuePage(QWidget):
    evidence_activated = Signal(int, int)   # firm id, evidence item id

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        QVBoxLayout(self).addWidget(QLabel(self.tr("Evidence due")))

    def refresh(self) -> None:
        pass
