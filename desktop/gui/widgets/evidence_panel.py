"""Evidence panel of the firm editor (being built)."""
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class EvidencePanel(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.firm_id = 0
        QVBoxLayout(self).addWidget(QLabel(self.tr("Evidence")))

    def set_firm(self, firm_id: int) -> None:
        self.firm_id = firm_id

    def select_evidence(self, item_id: int) -> None:
        pass
