"""Tools → Check database: the doctor's report, with a Repair button when a safe repair exists
(tests replace `ask`)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class DoctorDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, healthy: bool, ok: list[str], problems: list[str],
            repairable: bool) -> bool:
        """Show the report; True when the user chose Repair (offered only when `repairable`)."""
        box = QMessageBox(parent)
        box.setObjectName("doctorDialog")
        box.setWindowTitle(QCoreApplication.translate("DoctorDialog", "Check database"))
        box.setIcon(QMessageBox.Icon.Information if healthy else QMessageBox.Icon.Warning)
        if healthy:
            box.setText(QCoreApplication.translate("DoctorDialog", "Everything is in order."))
        else:
            box.setText(QCoreApplication.translate("DoctorDialog", "Problems were found:"))
        lines = [f"✗ {text}" for text in problems] + [f"✓ {text}" for text in ok]
        box.setInformativeText("\n".join(lines))
        repair = None
        if repairable:
            repair = box.addButton(QCoreApplication.translate(
                "DoctorDialog", "Repair (move orphaned files to the trash)"),
                QMessageBox.ButtonRole.AcceptRole)
            repair.setObjectName("repairButton")
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        return repair is not None and box.clickedButton() is repair
