"""On an empty database: offer the demo data, or to start with nothing."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class FirstStartDialog:
    DEMO, EMPTY = "demo", "empty"

    @classmethod
    def ask(cls, parent: QWidget | None) -> str:
        from PySide6.QtCore import QCoreApplication

        box = QMessageBox(parent)
        box.setWindowTitle(QCoreApplication.translate("FirstStartDialog", "Welcome to SRDI Desk"))
        box.setText(QCoreApplication.translate(
            "FirstStartDialog", "The database is empty. Load the demo data (34 firms with "
            "figures, evidence and applications) to look around, or start with an empty database?"))
        demo = box.addButton(QCoreApplication.translate("FirstStartDialog", "Load the demo data"),
                             QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QCoreApplication.translate("FirstStartDialog", "Start empty"),
                      QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return cls.DEMO if box.clickedButton() is demo else cls.EMPTY
