"""The history of a firm (a tab of the firm editor) or of one application (beside its status
history): every logged change, a filter box, and Revert for the change selected.

A revert goes through the history service (so the owning service checks it and logs it) and
onto the undo stack: Ctrl+Z reverts the revert. The list is read again whenever the bus says
this firm's data changed, but only while it is shown (a firm's history can be long).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from desktop.domain.enums import ChangeAction
from desktop.domain.errors import NotFound
from desktop.domain.history import HistoryEntry

from .. import i18n, undo
from ..context import GuiContext
from ..dialogs.confirm import ConfirmDialog
from ..errors import show_error
from ..models.history_table import (
    EntryRole, HistoryFilterProxy, HistoryTableModel, field_text, value_text,
)
from .tables import select_source_row, set_up_record_table

NOTE_STYLE = "color: #6b6b6b;"
MAX_COLUMN_WIDTH = 260   # a long label or title is cut (its tooltip has it whole)


class HistoryPanel(QWidget):
    def __init__(self, ctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.firm_id = 0
        self.application_id = 0      # set: only this application's changes
        self._stale = False
        self.setObjectName("historyPanel")
        self.filter = QLineEdit(objectName="historyFilter")
        self.filter.setPlaceholderText(self.tr("Record, field, value or person"))
        self.filter.setClearButtonEnabled(True)
        filter_label = QLabel(self.tr("Fi&lter:"))
        filter_label.setBuddy(self.filter)
        self.revert_button = QPushButton(self.tr("&Revert change…"), objectName="revertButton")
        self.revert_button.setToolTip(self.tr("Revert the selected change (Alt+R); "
                                              "Ctrl+Z undoes the revert"))
        self.revert_button.setEnabled(False)
        self.model = HistoryTableModel(self)
        self.proxy = HistoryFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(objectName="historyTable")
        set_up_record_table(self.table, self.proxy, 0, Qt.SortOrder.DescendingOrder)
        self.table.setTabKeyNavigation(False)   # arrows move between rows; Tab on to Revert
        self.note = QLabel(objectName="historyNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        bar = QHBoxLayout()
        bar.addWidget(filter_label)
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.revert_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.setTabOrder(self.filter, self.table)
        self.setTabOrder(self.table, self.revert_button)
        self._sized = False

        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.revert_button.clicked.connect(self._on_revert_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        ctx.bus.changed.connect(self._on_bus_changed)

    # -- what is shown ---------------------------------------------------------------------
    def set_firm(self, firm_id: int) -> None:
        self.firm_id, self.application_id = firm_id, 0
        self._reload()

    def set_application(self, application_id: int, firm_id: int) -> None:
        self.firm_id, self.application_id = firm_id, application_id
        self._reload()

    def _reload(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        selected = self.selected()
        entries: list[HistoryEntry] = []
        batches: dict[int, str] = {}
        history = self.ctx.workspace.history
        try:
            if self.application_id:
                entries = history.for_application(self.application_id)
            elif self.firm_id:
                entries = history.for_firm(self.firm_id)
            if any(e.change.field == "batch_id" for e in entries):
                batches = {b.id: b.name for b in self.ctx.workspace.batches.list()}
        except NotFound:   # the firm was deleted meanwhile (its creation undone): nothing
            pass
        except Exception as error:   # a page must never take the window down
            show_error(self, error)
        self.model.set_entries(entries, batches)
        if entries and not self._sized:
            self._sized = True
            self.table.resizeColumnsToContents()
            for column in range(self.model.columnCount() - 1):   # the values get the rest
                self.table.setColumnWidth(column, min(self.table.columnWidth(column),
                                                      MAX_COLUMN_WIDTH))
        if selected is None or not self.select(selected.change.id):
            self._select_top()

    def _select_top(self) -> None:
        # The newest change selected, so the keyboard starts there (and Alt+R can act on it).
        top = self.proxy.index(0, 0)
        if top.isValid():
            self.select(top.data(EntryRole))
        self._show_selected()

    def selected(self) -> HistoryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.model.row_of(rows[0].data(EntryRole))
        return self.model.entry(row) if row >= 0 else None

    def select(self, change_id: int) -> bool:
        return select_source_row(self.table, self.proxy, self.model,
                                 self.model.row_of(change_id))

    def _show_selected(self) -> None:
        entry = self.selected()
        self.revert_button.setEnabled(entry is not None and entry.can_revert)
        if entry is not None and entry.reason is not None:
            self.note.setText(self.tr("This change cannot be reverted: {reason}").format(
                reason=i18n.render(entry.reason)))
        elif not self.model.rowCount():
            self.note.setText(self.tr("No changes recorded yet."))
        else:
            self.note.clear()

    # -- reverting -------------------------------------------------------------------------
    def revert_selected(self) -> bool:
        """Ask, then revert the selected change as an undoable step; False if not done."""
        entry = self.selected()
        if entry is None or not entry.can_revert:
            return False
        if not ConfirmDialog.ask(self, self._question(entry)):
            return False
        history, state = self.ctx.workspace.history, {"target": entry.change.id}

        def do():
            # the first time the chosen change; after an undo, the change that undo wrote
            written = history.revert(state["target"])
            state["inverse"] = written[0].id
            return written

        def undo_revert():
            state["target"] = history.revert(state["inverse"])[0].id

        text = self.tr("Revert: {record}").format(record=i18n.render(entry.record))
        try:
            written = undo.push(self.ctx, text, do, undo_revert, entry.change.table,
                                entry.change.firm_id or 0)
        except Exception as error:   # refused (changed meanwhile …): say why, change nothing
            show_error(self, error)
            self.refresh()
            return False
        self.select(written[0].id)    # the bus has refreshed the list: the revert is on top
        return True

    def _question(self, entry: HistoryEntry) -> str:
        change, record = entry.change, i18n.render(entry.record)
        if change.action is ChangeAction.CREATE:
            return self.tr("Remove “{record}” again?").format(record=record)
        if change.action is ChangeAction.DELETE:
            return self.tr("Put “{record}” back?").format(record=record)
        old = value_text(change.table, change.field, change.old, {})
        return self.tr("Set {field} of “{record}” back to {value}?").format(
            field=field_text(change.field), record=record, value=old)

    # -- slots -----------------------------------------------------------------------------
    def _on_revert_button_clicked(self) -> None:
        self.revert_selected()

    def _on_filter_text_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._show_selected()

    def _on_table_selection_changed(self, *_args) -> None:
        self._show_selected()

    def _on_bus_changed(self, table: str, firm_id: int) -> None:
        if self.firm_id and firm_id in (0, self.firm_id):
            self._reload()
