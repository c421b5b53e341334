"""The firm editor: a header with the firm's name, and tabs for the profile, the figures, the
evidence, the eligibility verdicts and the history of changes. The profile is saved on Save
(Ctrl+S); the figures save cell by cell. Unsaved profile changes are never dropped without
asking."""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.domain.errors import DomainError, NotFound, ValidationError
from desktop.domain.records import Firm

from .. import undo
from ..context import GuiContext
from ..dialogs.unsaved import DISCARD, SAVE, UnsavedChangesDialog
from ..errors import show_error
from .eligibility_panel import EligibilityPanel
from .evidence_panel import EvidencePanel
from .figures_grid import FiguresTab
from .history_panel import HistoryPanel
from .profile_form import ProfileForm

TAB_PROFILE, TAB_FIGURES, TAB_EVIDENCE, TAB_ELIGIBILITY, TAB_HISTORY = range(5)


class FirmEditorPage(QWidget):
    closed = Signal()
    firm_saved = Signal(int)

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.firm_id = 0
        self.firm: Firm | None = None
        self.setObjectName("firmEditor")
        self.title = QLabel(objectName="firmTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.back_button = QPushButton(self.tr("Back to the list"), objectName="backButton")
        self.save_button = QPushButton(self.tr("Save"), objectName="saveButton")
        self.save_button.setToolTip(self.tr("Save the profile (Ctrl+S)"))
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.save_button)

        self.profile = ProfileForm(self)
        self.figures = FiguresTab(ctx, self)
        self.evidence = EvidencePanel(ctx, self)
        self.eligibility = EligibilityPanel(ctx, self)
        self.history = HistoryPanel(ctx, self)
        self.tabs = QTabWidget(objectName="firmTabs")
        self.tabs.addTab(self.profile, self.tr("Profile"))
        self.tabs.addTab(self.figures, self.tr("Figures"))
        self.tabs.addTab(self.evidence, self.tr("Evidence"))
        self.tabs.addTab(self.eligibility, self.tr("Eligibility"))
        self.tabs.addTab(self.history, self.tr("History"))
        self.profile.edited.connect(self._on_profile_edited)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        ctx.bus.changed.connect(self._on_bus_changed)
        self._show_firm(None)

    # -- opening ---------------------------------------------------------------------------
    def open_firm(self, firm_id: int) -> None:
        """Show a firm (0: an empty profile for a new one), after asking about unsaved edits."""
        if firm_id and firm_id == self.firm_id:
            self.refresh()
            return
        if not self.may_close():
            return
        firm = None
        if firm_id:
            try:
                firm = self.ctx.workspace.firms.get(firm_id)
            except Exception as error:
                show_error(self, error)
                return
        self._show_firm(firm)
        self.tabs.setCurrentIndex(TAB_PROFILE)
        if firm is None:
            self.profile.fields["uscc"].widget.setFocus()

    def _show_firm(self, firm: Firm | None) -> None:
        self.firm = firm
        self.firm_id = firm.id if firm is not None else 0
        self.profile.set_firm(firm)
        for tab in (TAB_FIGURES, TAB_EVIDENCE, TAB_ELIGIBILITY, TAB_HISTORY):
            self.tabs.setTabEnabled(tab, self.firm_id != 0)
        self.figures.set_firm(self.firm_id)
        self.evidence.set_firm(self.firm_id)
        self.eligibility.set_firm(self.firm_id)
        self.history.set_firm(self.firm_id)
        self._update_title()

    def select_evidence(self, item_id: int) -> None:
        self.evidence.select_evidence(item_id)
        self.tabs.setCurrentWidget(self.evidence)

    def refresh(self) -> None:
        """Reload what is saved; unsaved profile edits stay as typed."""
        if not self.firm_id:
            return
        try:
            firm = self.ctx.workspace.firms.get(self.firm_id)
        except NotFound:   # deleted (e.g. its creation undone): what the form shows is unsaved
            self.firm, self.firm_id = None, 0
            for tab in (TAB_FIGURES, TAB_EVIDENCE, TAB_ELIGIBILITY, TAB_HISTORY):
                self.tabs.setTabEnabled(tab, False)
            self.profile.forget_saved()
            self._update_title()
            return
        self.firm = firm
        if not self.profile.is_dirty():
            self.profile.set_firm(firm)
        self.figures.refresh()
        self._update_title()

    def _on_bus_changed(self, table: str, firm_id: int) -> None:
        if self.firm_id and table == "firm" and firm_id in (0, self.firm_id):
            self.refresh()

    def _update_title(self) -> None:
        name = self.firm.name if self.firm is not None else self.tr("New firm")
        if self.firm is not None and self.firm.archived:
            name = self.tr("{name} (archived)").format(name=name)
        self.title.setText(name + (" *" if self.profile.is_dirty() else ""))

    def _on_profile_edited(self) -> None:
        self._update_title()

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the profile; on refusal mark every invalid field and keep what was typed."""
        firms = self.ctx.workspace.firms
        try:
            parsed = firms.parse(self.profile.raw())
            if self.firm_id:
                saved = self._update(parsed)
            else:
                saved = self._create(parsed)
        except DomainError as error:
            elsewhere = self.profile.mark(error.messages)
            if elsewhere:
                show_error(self, ValidationError(elsewhere))
            self.tabs.setCurrentWidget(self.profile)
            return False
        except Exception as error:  # the database failed: tell, keep the form
            show_error(self, error)
            return False
        self._show_firm(saved)
        self.firm_saved.emit(saved.id)
        return True

    def _update(self, parsed: Firm) -> Firm:
        firms, old = self.ctx.workspace.firms, self.ctx.workspace.firms.get(self.firm_id)
        new = dataclasses.replace(parsed, id=self.firm_id)
        return undo.push(self.ctx, self.tr("Edit {name}").format(name=new.name),
                         lambda: firms.update(new), lambda: firms.update(old), "firm", self.firm_id)

    def _create(self, parsed: Firm) -> Firm:
        firms, state = self.ctx.workspace.firms, {}

        def do() -> Firm:
            # the first time a new firm; after an undo the same firm back, with its id
            if "snapshot" in state:
                saved = firms.restore(state["snapshot"])
            else:
                saved = firms.create(parsed)
            state["id"] = saved.id
            return saved

        def undo_create() -> None:
            state["snapshot"] = firms.delete(state["id"])

        return undo.push(self.ctx, self.tr("Add {name}").format(name=parsed.name), do,
                         undo_create, "firm", 0)

    def _on_save_button_clicked(self) -> None:
        self.save()

    # -- leaving ---------------------------------------------------------------------------
    def may_close(self) -> bool:
        """True when nothing unsaved would be lost (after asking whether to save it)."""
        if not self.profile.is_dirty():
            return True
        name = self.profile.fields["name"].get() or (self.firm.name if self.firm else "")
        answer = UnsavedChangesDialog.ask(self, str(name))
        if answer == SAVE:
            return self.save()
        if answer == DISCARD:
            self.profile.set_firm(self.firm)
            self._update_title()
            return True
        return False

    def _on_back_button_clicked(self) -> None:
        if self.may_close():
            self.closed.emit()
