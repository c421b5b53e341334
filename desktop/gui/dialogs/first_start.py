"""On an empty database: offer the demo data, a workbook to import, or to start with nothing."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class FirstStartDialog:
    DEMO, IMPORT, EMPTY = "demo", "import", "empty"

    @classmethod
    def ask(cls, parent: QWidget | None) -> str:
        from PySide6.QtCore import QCoreApplication

        box = QMessageBox(parent)
        box.setWindowTitle(QCoreApplication.translate("FirstStartDialog", "Welcome to SRDI Desk"))
        box.setText(QCoreApplication.translate(
            "FirstStartDialog", "The database is empty. Load the demo data (34 firms with "
            "figures, evidence and applications) to look around, import a workbook of your own firms, "
            "or start with an empty database?"))
        demo = box.addButton(QCoreApplication.translate("FirstStartDialog", "Load the demo data"),
                             QMessageBox.ButtonRole.AcceptRole)
        imported = box.addButton(QCoreApplication.translate("FirstStartDialog", "Import a workbook"),
                                 QMessageBox.ButtonRole.ActionRole)
        box.addButton(QCoreApplication.translate("FirstStartDialog", "Start empty"),
                      QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is demo:
            return cls.DEMO
        return cls.IMPORT if box.clickedButton() is imported else cls.EMPTY
