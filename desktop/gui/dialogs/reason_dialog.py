"""Asks why an application moves (returned and rejected need a reason; other moves may carry a
note). An empty required reason is passed on, so the service refuses it in its own words."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget,
)


class ReasonDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, prompt: str,
                 required: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.prompt = QLabel(prompt, objectName="reasonPrompt")
        self.prompt.setWordWrap(True)
        self.text = QPlainTextEdit(objectName="reasonText")
        self.text.setPlaceholderText(self.tr("Reason (required)") if required
                                     else self.tr("Note (optional)"))
        self.text.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.resize(460, 240)

    def reason(self) -> str:
        return self.text.toPlainText().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str,
            required: bool = True) -> str | None:
        """The reason typed, or None when the user cancelled (then nothing moves)."""
        dialog = cls(parent, title, prompt, required)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason()
