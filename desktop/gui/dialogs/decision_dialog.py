"""A person's decision on a qualitative criterion: pass or fail, with the required note."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit, QRadioButton,
    QVBoxLayout, QWidget,
)

from desktop.domain.enums import Decision


class DecisionDialog(QDialog):
    def __init__(self, criterion_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.setWindowTitle(self.tr("Record decision"))
        heading = QLabel(criterion_title, objectName="decisionCriterion")
        heading.setWordWrap(True)
        self.pass_button = QRadioButton(self.tr("Pass"), objectName="decisionPass")
        self.fail_button = QRadioButton(self.tr("Fail"), objectName="decisionFail")
        self.group = QButtonGroup(self)
        self.group.addButton(self.pass_button)
        self.group.addButton(self.fail_button)
        self.note = QPlainTextEdit(objectName="decisionNote")
        self.note.setPlaceholderText(self.tr("Why (required): what was checked, and where"))
        self.note.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        choices = QHBoxLayout()
        choices.addWidget(self.pass_button)
        choices.addWidget(self.fail_button)
        choices.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(choices)
        layout.addWidget(QLabel(self.tr("Note")))
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.group.buttonToggled.connect(self._on_group_buttonToggled)
        self.note.textChanged.connect(self._on_note_textChanged)
        self._update_ok()

    def decision(self) -> Decision | None:
        if self.pass_button.isChecked():
            return Decision.PASS
        if self.fail_button.isChecked():
            return Decision.FAIL
        return None

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.decision() is not None and bool(self.note.toPlainText().strip()))

    def _on_group_buttonToggled(self, _button, _checked: bool) -> None:
        self._update_ok()

    def _on_note_textChanged(self) -> None:
        self._update_ok()

    @classmethod
    def ask(cls, parent: QWidget | None, criterion_title: str) -> tuple[Decision, str] | None:
        """(decision, note) when accepted, None when cancelled."""
        dialog = cls(criterion_title, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.decision() is not None:
            return dialog.decision(), dialog.note.toPlainText().strip()
        return None
