"""Asks what to do with unsaved changes before they would be lost: save, discard or go back."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


class UnsavedChangesDialog:
    """`ask` returns SAVE, DISCARD or CANCEL; tests replace it."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> str:
        box = QMessageBox(parent)
        box.setObjectName("unsavedChangesDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("UnsavedChangesDialog", "Unsaved changes"))
        name = name or QCoreApplication.translate("UnsavedChangesDialog", "the new firm")
        box.setText(QCoreApplication.translate(
            "UnsavedChangesDialog", "The profile of {name} has changes that are not saved yet.")
            .format(name=name))
        box.setInformativeText(QCoreApplication.translate(
            "UnsavedChangesDialog", "Save them before leaving?"))
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return DISCARD
        return CANCEL
