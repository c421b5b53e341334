"""Applications page (being built)."""
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ApplicationsPage(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        QVBoxLayout(self).addWidget(QLabel(self.tr("Applications")))

    def refresh(self) -> None:
        pass
