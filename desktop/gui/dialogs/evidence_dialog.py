"""Add or edit an evidence item: one field per EvidenceItem field; choosing files to attach."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget,
)

from desktop.domain.enums import (
    SUBTYPES_BY_KIND, Acquisition, EvidenceKind, EvidenceStatus, HighValueBasis, Level,
)
from desktop.domain.errors import DomainError
from desktop.domain.records import EvidenceItem

from .. import i18n
from ..errors import show_error
from ..models.evidence_table import choice_label

_INVALID_STYLE = "[invalid=\"true\"] { border: 1px solid #c0392b; background: #fdecea; }"


def _combo(name: str, values, empty: bool) -> QComboBox:
    combo = QComboBox(objectName=name)
    if empty:
        combo.addItem("—", "")
    for value in values:
        combo.addItem(choice_label(value), str(value))
    return combo


def _date_edit(name: str) -> QLineEdit:
    edit = QLineEdit(objectName=name)
    edit.setPlaceholderText("YYYY-MM-DD")
    return edit


class EvidenceDialog(QDialog):
    """`check(raw)` (e.g. the service's parse) runs on OK: a refusal is shown, the fields
    concerned are marked, and the dialog stays open with what was typed."""

    def __init__(self, item: EvidenceItem | None = None, parent: QWidget | None = None,
                 check: Callable[[dict], object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceDialog")
        self.setWindowTitle(self.tr("Edit evidence") if item else self.tr("Add evidence"))
        self.setStyleSheet(_INVALID_STYLE)
        self._check = check
        self.kind = _combo("kindCombo", EvidenceKind, empty=False)
        self.subtype = QComboBox(objectName="subtypeCombo")
        self.title = QLineEdit(objectName="titleEdit")
        self.number = QLineEdit(objectName="numberEdit")
        self.issuer = QLineEdit(objectName="issuerEdit")
        self.level = _combo("levelCombo", Level, empty=True)
        self.granted_date = _date_edit("grantedDateEdit")
        self.valid_until = _date_edit("validUntilEdit")
        self.status = _combo("statusCombo", EvidenceStatus, empty=False)
        self.related = QCheckBox(self.tr("Related (partly checked: not known)"),
                                 objectName="relatedCheck")
        self.related.setTristate(True)
        self.related.setCheckState(Qt.CheckState.PartiallyChecked)
        self.acquisition = _combo("acquisitionCombo", Acquisition, empty=True)
        self.transfer_date = _date_edit("transferDateEdit")
        self.holder_rank = QSpinBox(objectName="holderRankSpin")
        self.holder_rank.setRange(0, 9999)
        self.holder_rank.setSpecialValueText("—")  # 0: not known
        self.high_value_basis = _combo("highValueCombo", HighValueBasis, empty=True)
        self.notes = QPlainTextEdit(objectName="notesEdit")
        self.notes.setTabChangesFocus(True)
        self.problems = QLabel(objectName="evidenceProblems")
        self.problems.setStyleSheet("color: #b03a2e")
        self.problems.setWordWrap(True)
        self.problems.hide()
        self.fields: dict[str, QWidget] = {
            "kind": self.kind, "subtype": self.subtype, "title": self.title,
            "number": self.number, "issuer": self.issuer, "level": self.level,
            "granted_date": self.granted_date, "valid_until": self.valid_until,
            "status": self.status, "related_to_leading_product": self.related,
            "acquisition": self.acquisition, "transfer_date": self.transfer_date,
            "holder_rank": self.holder_rank, "high_value_basis": self.high_value_basis,
            "notes": self.notes}
        form = QFormLayout()
        for name, widget in self.fields.items():
            form.addRow(i18n.label(name), widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._on_kind_currentIndexChanged)
        self.acquisition.currentIndexChanged.connect(self._on_acquisition_currentIndexChanged)
        self._on_kind_currentIndexChanged()
        self._on_acquisition_currentIndexChanged()
        if item is not None:
            self.set_values(item.to_dict())
        self.result_raw: dict[str, str] | None = None

    def set_values(self, values: Mapping[str, object]) -> None:
        def text(name):
            value = values.get(name)
            return "" if value is None else getattr(value, "isoformat", lambda: str(value))()

        self.kind.setCurrentIndex(max(self.kind.findData(text("kind")), 0))
        self._on_kind_currentIndexChanged()
        self.subtype.setCurrentIndex(max(self.subtype.findData(text("subtype")), 0))
        for name in ("title", "number", "issuer", "granted_date", "valid_until", "transfer_date"):
            self.fields[name].setText(text(name))
        for name in ("level", "status", "acquisition", "high_value_basis"):
            combo = self.fields[name]
            combo.setCurrentIndex(max(combo.findData(text(name)), 0))
        related = values.get("related_to_leading_product")
        self.related.setCheckState(Qt.CheckState.PartiallyChecked if related is None else
                                   Qt.CheckState.Checked if related else Qt.CheckState.Unchecked)
        self.holder_rank.setValue(int(values.get("holder_rank") or 0))
        self.notes.setPlainText(text("notes"))

    def raw(self) -> dict[str, str]:
        """What was typed, as the service's parse reads it ('' is 'not known')."""
        state = self.related.checkState()
        transferred = self.acquisition.currentData() == Acquisition.TRANSFERRED.value
        return {
            "kind": self.kind.currentData(),
            "subtype": (self.subtype.currentData() or "") if self.subtype.isEnabled() else "",
            "title": self.title.text(), "number": self.number.text(),
            "issuer": self.issuer.text(), "level": self.level.currentData(),
            "granted_date": self.granted_date.text(), "valid_until": self.valid_until.text(),
            "status": self.status.currentData(),
            "related_to_leading_product": "" if state == Qt.CheckState.PartiallyChecked
            else "yes" if state == Qt.CheckState.Checked else "no",
            "acquisition": self.acquisition.currentData(),
            "transfer_date": self.transfer_date.text() if transferred else "",
            "holder_rank": str(self.holder_rank.value()) if self.holder_rank.value() else "",
            "high_value_basis": self.high_value_basis.currentData(),
            "notes": self.notes.toPlainText()}

    def show_problems(self, messages) -> None:
        """List the messages and mark the fields they name."""
        marked = {message.field for message in messages}
        for name, widget in self.fields.items():
            widget.setProperty("invalid", name in marked)
            widget.setToolTip("\n".join(i18n.render(m) for m in messages if m.field == name))
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.problems.setText("\n".join(i18n.render(message) for message in messages))
        self.problems.setVisible(bool(messages))
        first = next((self.fields[m.field] for m in messages if m.field in self.fields), None)
        if first is not None:
            first.setFocus()

    def accept(self) -> None:
        raw = self.raw()
        if self._check is not None:
            try:
                self._check(raw)
            except DomainError as error:
                self.show_problems(error.messages)
                return
            except Exception as error:  # shown, and the typed values stay
                show_error(self, error)
                return
        self.result_raw = raw
        super().accept()

    def _on_kind_currentIndexChanged(self, _index: int = 0) -> None:
        subtypes = SUBTYPES_BY_KIND.get(EvidenceKind(self.kind.currentData()))
        chosen = self.subtype.currentData()
        self.subtype.clear()
        self.subtype.addItem("—", "")
        for value in subtypes or ():
            self.subtype.addItem(choice_label(value), value.value)
        self.subtype.setCurrentIndex(max(self.subtype.findData(chosen), 0))
        self.subtype.setEnabled(subtypes is not None)

    def _on_acquisition_currentIndexChanged(self, _index: int = 0) -> None:
        self.transfer_date.setEnabled(
            self.acquisition.currentData() == Acquisition.TRANSFERRED.value)

    @classmethod
    def ask(cls, parent: QWidget | None, item: EvidenceItem | None = None,
            check: Callable[[dict], object] | None = None) -> dict[str, str] | None:
        """The raw values of an accepted dialog, or None when cancelled."""
        dialog = cls(item, parent, check)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.result_raw
        return None


class AttachFilesDialog:
    """Choose files to attach; tests replace `ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> list[Path]:
        names, _filter = QFileDialog.getOpenFileNames(
            parent, QCoreApplication.translate("AttachFilesDialog", "Attach files"))
        return [Path(name) for name in names]
