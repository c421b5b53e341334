"""On an empty database: offer the demo data, or to start with nothing."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class FirstStartDialog:
    DEMO, EMPTY = "demo", "empty"

    @classmethod
    def ask(cls, parent: QWidget | None) -> str:
        from PySide6.QtCore import QCoreApplication

        tr = lambda text: QCoreApplication.translate("FirstStartDialog", text)  # noqa: E731
        box = QMessageBox(parent)
        box.setWindowTitle(tr("Welcome to SRDI Desk"))
        box.setText(tr("The database is empty. Load the demo data (34 firms with figures, "
                       "evidence and applications) to look around, or start with an empty "
                       "database?"))
        demo = box.addButton(tr("Load the demo data"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Start empty"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return cls.DEMO if box.clickedButton() is demo else cls.EMPTY
