"""File → Settings: the language (applied at the next start)."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget,
)

from .. import i18n


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(objectName="languageChoice")
        self.language.addItem(self.tr("System language"), "")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        index = self.language.findData(settings.value("language", ""))
        self.language.setCurrentIndex(max(index, 0))
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("A new language applies when SRDI Desk starts again.")))
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.setValue("language", self.language.currentData())
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, settings: QSettings) -> bool:
        return cls(settings, parent).exec() == QDialog.DialogCode.Accepted
