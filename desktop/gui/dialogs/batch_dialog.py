"""A new batch: name, tier, rulebook (automatic, 2022 or 2026), region and deadline."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QVBoxLayout, QWidget,
)

from desktop.domain import records as r
from desktop.domain.enums import Rulebook, Tier
from desktop.domain.errors import ValidationError
from desktop.services.inputs import record_from

from .. import i18n, labels


class BatchDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, today=None) -> None:
        super().__init__(parent)
        self.setObjectName("batchDialog")
        self.setWindowTitle(self.tr("New batch"))
        self.name = QLineEdit(objectName="batchName")
        self.name.setPlaceholderText(self.tr("e.g. 2026年第八批"))
        self.tier = QComboBox(objectName="batchTier")
        for tier in Tier:
            self.tier.addItem(labels.tier(tier), int(tier))
        self.rulebook = QComboBox(objectName="batchRulebook")
        self.rulebook.addItem(labels.rulebook(None), "")
        for rulebook in Rulebook:
            self.rulebook.addItem(labels.rulebook(rulebook), rulebook.value)
        self.region = QLineEdit(objectName="batchRegion")
        self.region.setPlaceholderText(self.tr("6-digit code, e.g. 320000 (optional)"))
        self.has_deadline = QCheckBox(self.tr("has a deadline"), objectName="batchHasDeadline")
        self.deadline = QDateEdit(objectName="batchDeadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setDate(QDate(today) if today is not None else QDate.currentDate())
        self.deadline.setEnabled(False)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.has_deadline)
        deadline_row.addWidget(self.deadline, 1)
        self.problems = QLabel(objectName="dialogErrors")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e")
        form = QFormLayout()
        form.addRow(self.tr("Batch name"), self.name)
        form.addRow(i18n.label("tier"), self.tier)
        form.addRow(i18n.label("rulebook"), self.rulebook)
        form.addRow(i18n.label("region_code"), self.region)
        form.addRow(i18n.label("deadline"), deadline_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)

    def batch(self) -> r.Batch:
        """The batch as entered; ValidationError lists what cannot be read."""
        deadline = self.deadline.date().toPython() if self.has_deadline.isChecked() else None
        raw = {"name": self.name.text(), "tier": self.tier.currentData(),
               "rulebook": self.rulebook.currentData(), "region_code": self.region.text(),
               "deadline": deadline}
        return record_from(r.Batch, raw)

    def accept(self) -> None:
        try:
            self.batch()
        except ValidationError as error:
            self.problems.setText("\n".join(i18n.render(m) for m in error.messages))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, today=None) -> r.Batch | None:
        dialog = cls(parent, today)
        return dialog.batch() if dialog.exec() == QDialog.DialogCode.Accepted else None
