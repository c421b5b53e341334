"""A yes/no question before something the user might regret (tests replace `ask`)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class ConfirmDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> bool:
        """True when the user confirms; the safe answer (No) is the default."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("ConfirmDialog", "Please confirm"), text,
            buttons, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
