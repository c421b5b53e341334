"""A new application: the firm (searchable by name, code or pinyin initials), tier, batch
(only open batches of that tier), kind, assessment date and platform score."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QVBoxLayout, QWidget,
)

from desktop.domain import records as r
from desktop.domain.enums import ApplicationKind, BatchStatus, Tier
from desktop.domain.errors import ValidationError
from desktop.domain.messages import Message
from desktop.services.inputs import record_from

from .. import i18n, labels


class ApplicationDialog(QDialog):
    def __init__(self, parent: QWidget | None, workspace, firm_id: int | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setObjectName("applicationDialog")
        self.setWindowTitle(self.tr("New application"))
        self.firm = QComboBox(objectName="firmChoice")
        self.firm.setEditable(True)
        self.firm.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for summary in workspace.firms.list():
            self.firm.addItem(f"{summary.name} · {summary.uscc}", summary.id)
        completer = QCompleter(self.firm.model(), self.firm)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.firm.setCompleter(completer)
        self.firm.lineEdit().setPlaceholderText(self.tr("Name, code or pinyin initials"))
        index = self.firm.findData(firm_id) if firm_id else -1
        self.firm.setCurrentIndex(index)
        if index < 0:
            self.firm.setEditText("")
        self.tier = QComboBox(objectName="tierChoice")
        for tier in Tier:
            self.tier.addItem(labels.tier(tier), int(tier))
        self.batch = QComboBox(objectName="batchChoice")
        self.kind = QComboBox(objectName="kindChoice")
        for kind in ApplicationKind:
            self.kind.addItem(labels.kind(kind), kind.value)
        self.assessment_date = QDateEdit(objectName="assessmentDate")
        self.assessment_date.setCalendarPopup(True)
        self.assessment_date.setDisplayFormat("yyyy-MM-dd")
        self.assessment_date.setDate(QDate(workspace.context.today()))
        self.platform_score = QLineEdit(objectName="platformScore")
        self.platform_score.setPlaceholderText(self.tr("0–100, if known"))
        self.problems = QLabel(objectName="dialogErrors")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e")
        form = QFormLayout()
        form.addRow(i18n.label("firm"), self.firm)
        form.addRow(i18n.label("tier"), self.tier)
        form.addRow(i18n.label("batch"), self.batch)
        form.addRow(i18n.label("kind"), self.kind)
        form.addRow(i18n.label("assessment_date"), self.assessment_date)
        form.addRow(i18n.label("platform_score"), self.platform_score)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.tier.currentIndexChanged.connect(self._on_tier_current_index_changed)
        self._on_tier_current_index_changed()
        self.resize(520, 300)

    def _on_tier_current_index_changed(self, _index: int = 0) -> None:
        tier = self.tier.currentData()
        self.batch.clear()
        self.batch.addItem(self.tr("(no batch)"), 0)
        for batch in self.workspace.batches.list():
            if batch.status is BatchStatus.OPEN and int(batch.tier) == tier:
                self.batch.addItem(batch.name, batch.id)

    def firm_id(self) -> int | None:
        """The chosen firm: the item picked, else the one firm the text matches."""
        text = self.firm.currentText().strip()
        if not text:
            return None
        index = self.firm.currentIndex()
        if index >= 0 and self.firm.itemText(index) == text:
            return self.firm.itemData(index)
        matches = [i for i in range(self.firm.count())
                   if text.lower() in self.firm.itemText(i).lower()]
        if len(matches) == 1:
            return self.firm.itemData(matches[0])
        found = self.workspace.firms.list(text, limit=2) if not matches else []
        return found[0].id if len(found) == 1 else None

    def application(self) -> r.Application:
        """The application as entered; ValidationError lists every problem."""
        problems: list[Message] = []
        firm_id = self.firm_id()
        if firm_id is None:
            text = self.firm.currentText().strip()
            problems.append(Message("firm.not_found", {"uscc": text}, field="firm") if text
                            else Message("field.required", field="firm"))
        raw = {"tier": self.tier.currentData(), "kind": self.kind.currentData(),
               "assessment_date": self.assessment_date.date().toPython(),
               "platform_score": self.platform_score.text()}
        try:
            application = record_from(r.Application, raw, fixed={"firm_id": firm_id or 0})
        except ValidationError as error:
            problems += error.messages
        if problems:
            raise ValidationError(problems)
        batch_id = self.batch.currentData() or None
        return r.Application(**{**application.to_dict(), "batch_id": batch_id})

    def accept(self) -> None:
        try:
            self.application()
        except ValidationError as error:
            self.problems.setText("\n".join(i18n.render(m) for m in error.messages))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, workspace,
            firm_id: int | None = None) -> r.Application | None:
        dialog = cls(parent, workspace, firm_id)
        return dialog.application() if dialog.exec() == QDialog.DialogCode.Accepted else None
