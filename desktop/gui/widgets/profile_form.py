"""The profile form: every field of a firm, grouped, with its problems marked where they are.

The form only holds text: it gives the service a raw dict and shows the service's messages,
so parsing ('1,000.5'), checks and wording live in one place below the GUI.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QScrollArea,
    QVBoxLayout, QWidget,
)

from desktop.domain.enums import LeadingProductField, ListingStatus, OwnershipType, SectorClass
from desktop.domain.messages import Message
from desktop.domain.records import Firm
from desktop.services.industry_sectors import sector_for_industry

from .. import i18n
from .code_pickers import DateField, IndustryPicker, RegionPicker

INVALID_STYLE = """
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"],
QCheckBox[invalid="true"] { border: 1px solid #c0392b; }
QLabel#fieldError { color: #c0392b; }
"""
# The fields of a firm that the form edits (the rest are kept by the service).
FORM_FIELDS = tuple(name for name in Firm.field_names()
                    if name not in ("id", "created_at", "updated_at"))


@dataclass
class FormField:
    """One editor of the form: how to read and fill it, and where its problems show."""

    name: str
    widget: QWidget
    get: Callable[[], object]
    put: Callable[[object], None]
    targets: list[QWidget] = field(default_factory=list)   # bordered red when invalid
    error: QLabel | None = None


class ProfileForm(QScrollArea):
    """Signals `edited` whenever the user changes a field."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileForm")
        self.setWidgetResizable(True)
        self.fields: dict[str, FormField] = {}
        self._loaded: dict[str, object] = {}
        body = QWidget(objectName="profileBody")
        body.setStyleSheet(INVALID_STYLE)
        layout = QVBoxLayout(body)
        self._build(layout)
        layout.addStretch(1)
        self.setWidget(body)
        self._loaded = self.raw()

    # -- building --------------------------------------------------------------------------
    def _build(self, layout: QVBoxLayout) -> None:
        tristate = [("", self.tr("Unknown")), ("yes", self.tr("Yes")), ("no", self.tr("No"))]
        groups: list[tuple[str, list[tuple[str, Callable[[str], FormField]]]]] = [
            (self.tr("Identity"), [
                ("uscc", self._text), ("name", self._text), ("name_en", self._text),
                ("legal_representative", self._text), ("registration_date", self._date),
                ("registered_capital", self._text)]),
            (self.tr("Location and industry"), [
                ("region_code", self._region), ("address", self._text),
                ("industry_code", self._industry),
                ("sector_class", lambda n: self._choice(n, [("", self.tr(
                    "Derived from the industry"))] + [(v.value, i18n.label(v.value))
                                                      for v in SectorClass])),
                ("niche_market", self._text), ("niche_entry_date", self._date)]),
            (self.tr("Leading product"), [
                ("leading_product", self._text), ("leading_product_code", self._text),
                ("leading_product_field", lambda n: self._choice(n, [("", self.tr("Unknown"))] + [
                    (v.value, i18n.label(v.value)) for v in LeadingProductField])),
                ("strategic_emerging", lambda n: self._choice(n, tristate, flag=True)),
                ("chain_role", self._multiline),
                ("own_brand", lambda n: self._choice(n, tristate, flag=True)),
                ("brand_names", self._text)]),
            (self.tr("Company"), [
                ("ownership_type", lambda n: self._choice(n, [("", self.tr("Unknown"))] + [
                    (v.value, label) for v, label in self._ownership_labels().items()])),
                ("listing_status", lambda n: self._choice(n, [("", self.tr("Unknown"))] + [
                    (v.value, label) for v, label in self._listing_labels().items()])),
                ("stock_code", self._text)]),
            (self.tr("Contact"), [
                ("contact_person", self._text), ("contact_phone", self._text),
                ("contact_email", self._text)]),
            (self.tr("Compliance"), [
                ("on_abnormal_operations_list", lambda n: self._choice(n, tristate, flag=True)),
                ("on_serious_dishonesty_list", lambda n: self._choice(n, tristate, flag=True))]),
            (self.tr("Notes"), [("notes", self._multiline), ("archived", self._check)]),
        ]
        for title, entries in groups:
            box = QGroupBox(title)
            form = QFormLayout(box)
            for name, make in entries:
                entry = make(name)
                entry.error = QLabel(objectName="fieldError")
                entry.error.setProperty("field", name)
                entry.error.setWordWrap(True)
                entry.error.hide()
                cell = QWidget()
                column = QVBoxLayout(cell)
                column.setContentsMargins(0, 0, 0, 0)
                column.setSpacing(2)
                column.addWidget(entry.widget)
                column.addWidget(entry.error)
                form.addRow(i18n.label(name), cell)
                self.fields[name] = entry
            layout.addWidget(box)
        self.fields["industry_code"].widget.code_changed.connect(self._on_industry_code_changed)
        self._industry_code = ""

    def _ownership_labels(self) -> dict[OwnershipType, str]:
        return {OwnershipType.STATE_OWNED: self.tr("State-owned"),
                OwnershipType.JOINT_VENTURE: self.tr("Joint venture"),
                OwnershipType.PRIVATE: self.tr("Private"),
                OwnershipType.FOREIGN: self.tr("Foreign-owned")}

    def _listing_labels(self) -> dict[ListingStatus, str]:
        return {ListingStatus.NO_PLAN: self.tr("No listing plan"),
                ListingStatus.PLANNED: self.tr("Listing planned"),
                ListingStatus.LISTED: self.tr("Listed")}

    def _add(self, name: str, widget: QWidget, get, put, signal, targets=None) -> FormField:
        widget.setObjectName(f"field_{name}")
        signal.connect(lambda *_args, name=name: self._on_field_edited(name))
        return FormField(name, widget, get, put, targets or [widget])

    def _text(self, name: str) -> FormField:
        edit = QLineEdit()
        return self._add(name, edit, lambda: edit.text().strip(),
                         lambda value: edit.setText("" if value is None else str(value)),
                         edit.textEdited)

    def _multiline(self, name: str) -> FormField:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(70)
        return self._add(name, edit, lambda: edit.toPlainText().strip(),
                         lambda value: edit.setPlainText(value or ""), edit.textChanged)

    def _date(self, name: str) -> FormField:
        picker = DateField()
        return self._add(name, picker, picker.text,
                         lambda value: picker.set_text(value.isoformat()
                                                       if isinstance(value, date) else value or ""),
                         picker.text_changed, [picker.edit])

    def _choice(self, name: str, options: list[tuple[str, str]], flag: bool = False) -> FormField:
        combo = QComboBox()
        for value, text in options:
            combo.addItem(text, value)

        def put(value: object) -> None:
            if flag and isinstance(value, bool):
                value = "yes" if value else "no"
            combo.setCurrentIndex(max(combo.findData("" if value is None else str(value)), 0))
        return self._add(name, combo, lambda: combo.currentData() or "", put,
                         combo.currentIndexChanged)

    def _check(self, name: str) -> FormField:
        box = QCheckBox(self.tr("Archived (hidden from the firm list)"))
        return self._add(name, box, box.isChecked, lambda value: box.setChecked(bool(value)),
                         box.toggled)

    def _region(self, name: str) -> FormField:
        picker = RegionPicker()
        return self._add(name, picker, picker.code, lambda value: picker.set_code(value or ""),
                         picker.code_changed, picker.combos)

    def _industry(self, name: str) -> FormField:
        picker = IndustryPicker()
        return self._add(name, picker, picker.code, lambda value: picker.set_code(value or ""),
                         picker.code_changed, picker.combos + [picker.search])

    # -- values ----------------------------------------------------------------------------
    def raw(self) -> dict[str, object]:
        """The form's values as the service's parse() reads them."""
        return {name: self.fields[name].get() for name in FORM_FIELDS}

    def set_firm(self, firm: Firm | None) -> None:
        """Show a firm (None: an empty form for a new one); nothing is then unsaved."""
        for name in FORM_FIELDS:
            entry = self.fields[name]
            entry.widget.blockSignals(True)
            try:
                entry.put(getattr(firm, name) if firm is not None else None)
            finally:
                entry.widget.blockSignals(False)
        self._industry_code = self.fields["industry_code"].get()
        self.clear_marks()
        self.accept_values()

    def accept_values(self) -> None:
        """What the form shows now counts as saved."""
        self._loaded = self.raw()

    def forget_saved(self) -> None:
        """Nothing of what the form shows is saved any more (its firm was deleted)."""
        self._loaded = {}

    def is_dirty(self) -> bool:
        return self.raw() != self._loaded

    # -- problems --------------------------------------------------------------------------
    def mark(self, messages: Iterable[Message]) -> list[Message]:
        """Mark every field a message names, focus the first; return the messages that name
        no field of the form (the caller shows them otherwise)."""
        self.clear_marks()
        found: dict[str, list[str]] = {}
        elsewhere: list[Message] = []
        for message in messages:
            if message.field in self.fields:
                found.setdefault(message.field, []).append(i18n.render(message))
            else:
                elsewhere.append(message)
        for name, texts in found.items():
            self._set_mark(name, "\n".join(texts))
        first = next((name for name in FORM_FIELDS if name in found), None)
        if first is not None:
            widget = self.fields[first].widget
            self.ensureWidgetVisible(widget)
            widget.setFocus()
        return elsewhere

    def marked(self) -> dict[str, str]:
        """The fields marked invalid, with the text shown under each."""
        return {name: entry.error.text() for name, entry in self.fields.items()
                if entry.error is not None and entry.error.text()}

    def clear_marks(self) -> None:
        for name in self.fields:
            self._set_mark(name, "")

    def _set_mark(self, name: str, text: str) -> None:
        entry = self.fields[name]
        for target in entry.targets:
            if bool(target.property("invalid")) == bool(text):
                target.setToolTip(text)
                continue
            target.setProperty("invalid", bool(text))
            target.setToolTip(text)
            target.style().unpolish(target)
            target.style().polish(target)
        if entry.error is not None:
            entry.error.setText(text)
            entry.error.setVisible(bool(text))

    def _on_field_edited(self, name: str) -> None:
        self._set_mark(name, "")
        self.edited.emit()

    def _on_industry_code_changed(self, code: str) -> None:
        # A sector that merely followed the old industry follows the new one (empty = derive).
        sector = self.fields["sector_class"]
        derived = sector_for_industry(self._industry_code) if self._industry_code else None
        if derived is not None and sector.get() == derived.value:
            sector.put("")
        self._industry_code = code
