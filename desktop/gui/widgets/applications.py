"""Applications: every application with its firm and batch, filters by status and tier, the
legal status moves of the selected one, its status history (and beside it every change of its
details and decisions, revertible) and its completeness checklist."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import STATUSES_NEEDING_REASON, ApplicationStatus, Tier
from desktop.services.checklist import checklist

from .. import i18n, labels
from ..dialogs.application_dialog import ApplicationDialog
from ..dialogs.export_paths import ExportPaths, safe_file_name
from ..dialogs.reason_dialog import ReasonDialog
from ..errors import show_error
from ..models.application_table import ID_ROLE, ApplicationFilterProxy, ApplicationTableModel
from ..tasks import run_task
from .history_panel import HistoryPanel
from .lazy_page import LazyPage
from .tables import select_source_row, set_up_record_table

MISSING = QColor("#b3261e")
# Moves that end an application: confirmed through the reason dialog (a note is optional).
FINAL_WITHOUT_REASON = (ApplicationStatus.APPROVED, ApplicationStatus.WITHDRAWN)


class ApplicationsPage(LazyPage, QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("applicationsPage")
        self.status_filter = QComboBox(objectName="statusFilter")
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in ApplicationStatus:
            self.status_filter.addItem(labels.status(status), status.value)
        self.tier_filter = QComboBox(objectName="tierFilter")
        self.tier_filter.addItem(self.tr("All tiers"), 0)
        for tier in Tier:
            self.tier_filter.addItem(labels.tier(tier), int(tier))
        self.new_button = QPushButton(self.tr("New application…"),
                                      objectName="newApplicationButton")
        self.export_button = QPushButton(self.tr("Export application workbook…"),
                                         objectName="exportApplicationButton")
        self.export_button.setEnabled(False)
        self.export_note = QLabel(objectName="exportNote")
        self.export_note.setWordWrap(True)
        self.export_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._export_task = None

        self.model = ApplicationTableModel(self)
        self.proxy = ApplicationFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(objectName="applicationTable")
        # newest assessments first
        set_up_record_table(self.table, self.proxy, 5, Qt.SortOrder.DescendingOrder)
        self._sized = False   # columns fit their contents once; then the user's widths stay

        self.move_buttons: dict[ApplicationStatus, QPushButton] = {}
        moves = QGridLayout()   # two rows, so the page stays narrow
        for position, status in enumerate(ApplicationStatus):
            button = QPushButton(labels.move_action(status), objectName=f"move_{status.value}")
            button.setEnabled(False)
            button.clicked.connect(lambda checked=False, s=status: self._on_move_clicked(s))
            self.move_buttons[status] = button
            moves.addWidget(button, position // 4, position % 4)

        self.history = QListWidget(objectName="statusHistory")
        self.history.setWordWrap(True)
        self.checklist = QListWidget(objectName="checklist")
        self.checklist.setWordWrap(True)
        self.checklist_summary = QLabel(objectName="checklistSummary")
        self.changes = HistoryPanel(ctx, self)
        history_box = QTabWidget(objectName="applicationHistoryTabs")
        history_box.addTab(self.history, self.tr("Status history"))
        history_box.addTab(self.changes, self.tr("All changes"))
        checklist_box = QGroupBox(self.tr("Completeness checklist"))
        checklist_layout = QVBoxLayout(checklist_box)
        checklist_layout.addWidget(self.checklist_summary)
        checklist_layout.addWidget(self.checklist)
        details = QSplitter(Qt.Orientation.Horizontal, objectName="applicationDetailsSplitter")
        details.addWidget(history_box)
        details.addWidget(checklist_box)
        details.setStretchFactor(0, 1)   # the change list needs about as much room as the checklist
        details.setStretchFactor(1, 1)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Status")))
        filters.addWidget(self.status_filter)
        filters.addWidget(QLabel(self.tr("Tier")))
        filters.addWidget(self.tier_filter)
        filters.addStretch(1)
        filters.addWidget(self.new_button)
        splitter = QSplitter(Qt.Orientation.Vertical, objectName="applicationsSplitter")
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table)
        top_layout.addLayout(moves)
        splitter.addWidget(top)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter)
        exports = QHBoxLayout()   # a row of its own: the filter row sets the page's width
        exports.addWidget(self.export_button)
        exports.addWidget(self.export_note, 1)
        layout.addLayout(exports)

        self.status_filter.currentIndexChanged.connect(self._on_status_filter_current_index_changed)
        self.tier_filter.currentIndexChanged.connect(self._on_tier_filter_current_index_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        ctx.bus.changed.connect(self._on_bus_changed)   # read on first show (LazyPage)

    # -- reading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self._stale = False
        selected = self.selected_id()
        try:
            batches = {batch.id: batch.name for batch in self.ctx.workspace.batches.list()}
            rows = [(application, firm, batches.get(application.batch_id, ""))
                    for application, firm in self.ctx.workspace.applications.overview()]
        except Exception as error:  # a page must never take the window down
            show_error(self, error)
            return
        self.model.set_rows(rows)
        if rows and not self._sized:
            self._sized = True
            self.table.resizeColumnsToContents()
        if selected is None or not self.select(selected):  # a new selection shows itself
            self._show_selected()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def select(self, application_id: int) -> bool:
        return select_source_row(self.table, self.proxy, self.model,
                                 self.model.row_of(application_id))

    def _show_selected(self) -> None:
        application_id = self.selected_id()
        self.history.clear()
        self.checklist.clear()
        self.checklist_summary.clear()
        allowed = frozenset()
        if application_id is not None:
            try:
                allowed = self.ctx.workspace.applications.allowed_moves(application_id)
                self.changes.set_application(
                    application_id, self.ctx.workspace.applications.get(application_id).firm_id)
                self._show_history(application_id)
                self._show_checklist(application_id)
            except Exception as error:
                show_error(self, error)
        if application_id is None:
            self.changes.set_application(0, 0)
        for status, button in self.move_buttons.items():
            button.setEnabled(status in allowed)
        self.export_button.setEnabled(application_id is not None and self._export_task is None)

    def _show_history(self, application_id: int) -> None:
        for change in self.ctx.workspace.applications.history(application_id):
            before = labels.status(change.from_status) if change.from_status else self.tr("created")
            text = self.tr("{at} · {who} · {before} → {after}").format(
                at=change.at.strftime("%Y-%m-%d %H:%M"), who=change.who, before=before,
                after=labels.status(change.to_status))
            if change.reason:
                text += self.tr(" — {reason}").format(reason=change.reason)
            QListWidgetItem(text, self.history)

    def _show_checklist(self, application_id: int) -> None:
        result = checklist(self.ctx.workspace, application_id)
        missing = result.missing
        self.checklist_summary.setText(
            self.tr("{verdict} · {count} item(s) still missing").format(
                verdict=labels.verdict(result.outcome), count=len(missing))
            if missing else self.tr("{verdict} · nothing missing").format(
                verdict=labels.verdict(result.outcome)))
        required_ids = {id(item) for item in missing}
        ordered = list(missing) + [item for item in result.items if id(item) not in required_ids]
        for item in ordered:
            required = id(item) in required_ids
            if required:
                mark = "✗"
            elif item.done:
                mark = "✓"
            else:
                mark = "○"   # an alternative route, not a requirement
            text = f"{mark} {labels.checklist_item(item)}"
            if item.kind == "document":
                text += " — " + "; ".join(i18n.render(m) for m in item.details)
            entry = QListWidgetItem(text, self.checklist)
            entry.setData(Qt.ItemDataRole.UserRole, item.criterion_id or item.message.code)
            if required:
                entry.setForeground(QBrush(MISSING))
            elif item.optional:
                entry.setToolTip(self.tr("An alternative way to qualify, not a requirement"))

    # -- slots -----------------------------------------------------------------------------
    def _on_status_filter_current_index_changed(self, _index: int = 0) -> None:
        self._apply_filters()

    def _on_tier_filter_current_index_changed(self, _index: int = 0) -> None:
        self._apply_filters()

    def _apply_filters(self) -> None:
        status = self.status_filter.currentData() or None
        tier = self.tier_filter.currentData() or None
        self.proxy.set_filters(ApplicationStatus(status) if status else None, tier)
        self._show_selected()

    def _on_table_selection_changed(self, *_args) -> None:
        self._show_selected()

    def _on_bus_changed(self, table: str, firm_id: int) -> None:
        self.refresh_when_shown()

    def _on_new_button_clicked(self) -> None:
        application = ApplicationDialog.ask(self, self.ctx.workspace)
        if application is None:
            return
        try:
            # No service deletes an application, so creating one is not an undo step.
            saved = self.ctx.workspace.applications.create(application)
        except Exception as error:
            show_error(self, error)
            return
        self.ctx.bus.changed.emit("application", saved.firm_id)
        self.status_filter.setCurrentIndex(0)
        self.tier_filter.setCurrentIndex(0)
        self.select(saved.id)

    def _on_move_clicked(self, status: ApplicationStatus) -> None:
        application_id = self.selected_id()
        if application_id is None:
            return
        reason = ""
        if status in STATUSES_NEEDING_REASON:
            reason = ReasonDialog.ask(self, labels.move_action(status).rstrip("…"),
                                      self.tr("Why does the application move to “{status}”? "
                                              "The reason is kept in its history.").format(
                                          status=labels.status(status)), required=True)
        elif status in FINAL_WITHOUT_REASON:
            reason = ReasonDialog.ask(self, labels.move_action(status).rstrip("…"),
                                      self.tr("Moving to “{status}” is final. Add a note if you "
                                              "like.").format(status=labels.status(status)),
                                      required=False)
        if reason is None:   # cancelled: nothing moves
            return
        self.move(application_id, status, reason)

    def move(self, application_id: int, status: ApplicationStatus, reason: str = "") -> bool:
        """Move one application. Status moves are recorded history, not undo steps."""
        try:
            moved = self.ctx.workspace.applications.move(application_id, status, reason)
        except Exception as error:
            show_error(self, error)
            return False
        self.ctx.bus.changed.emit("application", moved.firm_id)
        return True

    def _on_export_button_clicked(self) -> None:
        application_id = self.selected_id()
        if application_id is None or self._export_task is not None:
            return
        try:
            application = self.ctx.workspace.applications.get(application_id)
            firm = self.ctx.workspace.firms.get(application.firm_id)
        except Exception as error:
            show_error(self, error)
            return
        suggested = safe_file_name(f"{firm.name}-{labels.tier(application.tier)}") + ".xlsx"
        target = ExportPaths.save_workbook(self, self.tr("Export the application workbook"),
                                           suggested)
        if not target:
            return
        exports, lang = self.ctx.workspace.exports, i18n.language()

        def work(report):
            return exports.application_form(application_id, target, lang, report)

        def done(result) -> None:
            self.export_note.setText(i18n.render(result.message))

        self._export_task = run_task(self, self.tr("Exporting the application workbook…"),
                                     work, done)
        self._export_task.finished.connect(self._on_export_task_finished)
        self.export_button.setEnabled(False)

    def _on_export_task_finished(self, _result) -> None:
        self._export_task = None
        self.export_button.setEnabled(self.selected_id() is not None)
