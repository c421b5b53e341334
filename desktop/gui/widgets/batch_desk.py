"""The batch desk: one batch's applications with their verdicts (checked in the background),
what each still misses, filters, and status moves for many applications at once."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from desktop.domain.enums import STATUS_TRANSITIONS, STATUSES_NEEDING_REASON, ApplicationStatus
from desktop.domain.errors import DomainError
from desktop.domain.verdicts import TierOutcome
from desktop.services.checklist import build

from .. import i18n, labels
from ..dialogs.batch_dialog import BatchDialog
from ..dialogs.export_paths import ExportPaths, safe_file_name
from ..dialogs.reason_dialog import ReasonDialog
from ..errors import show_error
from ..models.batch_table import ID_ROLE, NOT_CHECKED, BatchFilterProxy, BatchRow, BatchTableModel
from ..tasks import run_task, stop_on_destroy
from .lazy_page import LazyPage
from .tables import set_up_record_table

FINAL_WITHOUT_REASON = (ApplicationStatus.APPROVED, ApplicationStatus.WITHDRAWN)
# A status move changes no verdict; any other change may.
_VERDICT_NEUTRAL = ("application", "batch")


class BatchDeskPage(LazyPage, QWidget):
    evaluated = Signal()   # verdicts of the current batch are shown

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("batchDeskPage")
        self._results: dict[int, tuple] = {}   # application id → (verdict, checklist)
        self._task = None
        self.batch_choice = QComboBox(objectName="batchChoice")
        self.batch_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.batch_choice.setMinimumContentsLength(16)
        self.batch_info = QLabel(objectName="batchInfo")
        self.batch_info.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New batch…"), objectName="newBatchButton")
        self.evaluate_button = QPushButton(self.tr("Check the batch"), objectName="evaluateButton")
        self.status_filter = QComboBox(objectName="batchStatusFilter")
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in ApplicationStatus:
            self.status_filter.addItem(labels.status(status), status.value)
        self.verdict_filter = QComboBox(objectName="verdictFilter")
        self.verdict_filter.addItem(self.tr("All verdicts"), None)
        for outcome in TierOutcome:
            self.verdict_filter.addItem(labels.verdict(outcome), outcome.value)
        self.verdict_filter.addItem(labels.verdict(None), NOT_CHECKED)

        self.model = BatchTableModel(self)
        self.proxy = BatchFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(objectName="batchTable")
        # the official's ranking order first
        set_up_record_table(self.table, self.proxy, 8, Qt.SortOrder.AscendingOrder,
                            multiple=True)
        self._sized = False   # columns fit their contents once; then the user's widths stay
        self.checked_note = QLabel(objectName="checkedNote")

        self.bulk_button = QPushButton(self.tr("Move selected to…"), objectName="bulkMoveButton")
        self.bulk_menu = QMenu(self.bulk_button)
        for status in ApplicationStatus:
            action = QAction(labels.status(status), self.bulk_menu,
                             objectName=f"bulk_{status.value}")
            action.triggered.connect(lambda checked=False, s=status: self._on_bulk_triggered(s))
            self.bulk_menu.addAction(action)
        self.bulk_button.setMenu(self.bulk_menu)
        self.export_excel_button = QPushButton(self.tr("Export to Excel…"),
                                               objectName="exportExcelButton")
        self.export_excel_button.setToolTip(self.tr(
            "The application workbook of each selected application, one file each, into a folder"))
        self.export_table_button = QPushButton(self.tr("Export recommendation table…"),
                                               objectName="exportFormsButton")
        self.export_table_button.setToolTip(self.tr(
            "The batch's recommendation summary: a sheet per tier and a totals sheet"))
        self.export_buttons = [self.export_excel_button, self.export_table_button]
        self._export_task = None
        self.bulk_report = QLabel(objectName="bulkReport")
        self.bulk_report.setWordWrap(True)
        self.bulk_report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(QLabel(i18n.label("batch")))
        top.addWidget(self.batch_choice, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.evaluate_button)
        filters = QHBoxLayout()
        filters.addWidget(self.batch_info, 1)
        filters.addWidget(self.checked_note)
        filters.addWidget(QLabel(i18n.label("status")))
        filters.addWidget(self.status_filter)
        filters.addWidget(QLabel(self.tr("Verdict")))
        filters.addWidget(self.verdict_filter)
        bottom = QHBoxLayout()
        bottom.addWidget(self.bulk_button)
        for button in self.export_buttons:
            bottom.addWidget(button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.bulk_report)

        self.batch_choice.currentIndexChanged.connect(self._on_batch_choice_current_index_changed)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_current_index_changed)
        self.verdict_filter.currentIndexChanged.connect(self._on_verdict_filter_current_index_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.evaluate_button.clicked.connect(self.evaluate)
        self.export_excel_button.clicked.connect(self._on_export_excel_button_clicked)
        self.export_table_button.clicked.connect(self._on_export_table_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        ctx.bus.changed.connect(self._on_bus_changed)   # read on first show (LazyPage)

    # -- reading ---------------------------------------------------------------------------
    def batch_id(self) -> int | None:
        return self.batch_choice.currentData()

    def choose_batch(self, name: str) -> bool:
        index = self.batch_choice.findText(name)
        if index >= 0:
            self.batch_choice.setCurrentIndex(index)
        return index >= 0

    def refresh(self) -> None:
        self._stale = False
        current = self.batch_id()
        try:
            batches = self.ctx.workspace.batches.list()
        except Exception as error:  # a page must never take the window down
            show_error(self, error)
            return
        self.batch_choice.blockSignals(True)
        self.batch_choice.clear()
        for batch in batches:
            self.batch_choice.addItem(batch.name, batch.id)
        index = self.batch_choice.findData(current) if current is not None else -1
        self.batch_choice.setCurrentIndex(index if index >= 0 else (0 if batches else -1))
        self.batch_choice.blockSignals(False)
        self._load_rows()

    def _load_rows(self) -> None:
        batch_id = self.batch_id()
        rows = []
        self.batch_info.clear()
        if batch_id is not None:
            try:
                batch = self.ctx.workspace.batches.get(batch_id)
                pairs = self.ctx.workspace.applications.overview(batch_id)
            except Exception as error:
                show_error(self, error)
                return
            deadline = batch.deadline.isoformat() if batch.deadline else "—"
            self.batch_info.setText(self.tr("{tier} · {rulebook} · deadline {deadline} · {status}")
                                    .format(tier=labels.tier(batch.tier),
                                            rulebook=labels.rulebook(batch.rulebook),
                                            deadline=deadline,
                                            status=labels.batch_status(batch.status)))
            for application, firm in pairs:
                verdict, checklist = self._results.get(application.id, (None, None))
                rows.append(BatchRow(application, firm, verdict, checklist))
        self.model.set_rows(rows)
        checked = sum(1 for row in rows if row.verdict is not None)
        if checked and not self._sized:
            self._sized = True
            self.table.resizeColumnsToContents()
            for column in range(self.model.columnCount()):
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        self.checked_note.setText(self.tr("{checked} of {total} checked").format(
            checked=checked, total=len(rows)))
        self._on_table_selection_changed()

    def selected_ids(self) -> list[int]:
        return [index.data(ID_ROLE) for index in self.table.selectionModel().selectedRows()]

    # -- checking the batch ----------------------------------------------------------------
    def evaluate(self) -> None:
        """Check every application of the batch in the background (progress, cancel)."""
        batch_id = self.batch_id()
        if batch_id is None or self._task is not None:
            return
        workspace = self.ctx.workspace

        def work(report):
            checked = workspace.qualification.evaluate_batch(batch_id, report)
            items = workspace.evidence.items_many({a.firm_id for a, _ in checked})
            results = {}
            for application, verdict in checked:
                if isinstance(verdict, Exception):   # e.g. an unknown rulebook: say so
                    raise verdict
                results[application.id] = (verdict, build(
                    application, items.get(application.firm_id, []), verdict,
                    workspace.context.today()))
            return results

        self.evaluate_button.setEnabled(False)
        self._task = run_task(self, self.tr("Checking the applications of the batch…"), work,
                              self._on_task_done)
        stop_on_destroy(self, self._task)
        self._task.finished.connect(self._on_task_finished)

    def _on_task_done(self, results) -> None:
        self._results.update(results or {})
        self._load_rows()
        self.evaluated.emit()

    def _on_task_finished(self, _result) -> None:
        self._task = None
        self.evaluate_button.setEnabled(True)

    # -- slots -----------------------------------------------------------------------------
    def _on_batch_choice_current_index_changed(self, _index: int) -> None:
        self.bulk_report.clear()
        self._load_rows()

    def _on_status_filter_current_index_changed(self, _index: int = 0) -> None:
        self._apply_filters()

    def _on_verdict_filter_current_index_changed(self, _index: int = 0) -> None:
        self._apply_filters()

    def _apply_filters(self) -> None:
        status = self.status_filter.currentData() or None
        self.proxy.set_filters(ApplicationStatus(status) if status else None,
                               self.verdict_filter.currentData())

    def _on_table_selection_changed(self, *_args) -> None:
        selected = bool(self.table.selectionModel().selectedRows())
        self.bulk_button.setEnabled(selected)
        idle = self._export_task is None
        self.export_excel_button.setEnabled(selected and idle)
        self.export_table_button.setEnabled(self.batch_id() is not None and idle)

    def _on_bus_changed(self, table: str, firm_id: int) -> None:
        if table not in _VERDICT_NEUTRAL:
            self._results.clear()
        self.refresh_when_shown()

    def _on_new_button_clicked(self) -> None:
        batch = BatchDialog.ask(self, self.ctx.workspace.context.today())
        if batch is None:
            return
        try:
            # No service deletes a batch, so creating one is not an undo step.
            saved = self.ctx.workspace.batches.create(batch)
        except Exception as error:
            show_error(self, error)
            return
        self.ctx.bus.changed.emit("batch", 0)
        self.batch_choice.setCurrentIndex(self.batch_choice.findData(saved.id))

    def _on_bulk_triggered(self, status: ApplicationStatus) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        reason = ""
        if status in STATUSES_NEEDING_REASON or status in FINAL_WITHOUT_REASON:
            required = status in STATUSES_NEEDING_REASON
            prompt = (self.tr("Why do the {count} selected applications move to “{status}”? "
                              "The reason is kept in each history.") if required else
                      self.tr("Moving {count} applications to “{status}” is final. "
                              "Add a note if you like."))
            reason = ReasonDialog.ask(self, labels.move_action(status).rstrip("…"),
                                      prompt.format(count=len(ids), status=labels.status(status)),
                                      required)
            if reason is None:
                return
        self.bulk_report.setText(self.move_many(ids, status, reason))

    def move_many(self, ids: list[int], status: ApplicationStatus, reason: str = "") -> str:
        """Move each application where the move is legal; returns the report shown."""
        moved: list[int] = []
        skipped: list[str] = []
        try:
            self._move_each(ids, status, reason, moved, skipped)
        except Exception as error:  # unexpected: shown, and what moved so far is announced
            show_error(self, error)
        if moved:
            self.ctx.bus.changed.emit("application", 0)
        report = self.tr("Moved {moved} of {total} to “{status}”.").format(
            moved=len(moved), total=len(ids), status=labels.status(status))
        if skipped:
            report += "\n" + self.tr("Skipped:") + "\n" + "\n".join(skipped)
        return report

    def _move_each(self, ids: list[int], status: ApplicationStatus, reason: str,
                   moved: list[int], skipped: list[str]) -> None:
        applications = self.ctx.workspace.applications
        for application_id in ids:
            row = self.model.row(self.model.row_of(application_id))
            try:
                current = applications.get(application_id).status
                if status not in STATUS_TRANSITIONS[current]:
                    skipped.append(self.tr("{firm}: cannot move from “{before}” to “{after}”")
                                   .format(firm=row.firm.name, before=labels.status(current),
                                           after=labels.status(status)))
                    continue
                applications.move(application_id, status, reason)
                moved.append(application_id)
            except DomainError as error:
                why = "; ".join(i18n.render(message) for message in error.messages)
                skipped.append(self.tr("{firm}: {why}").format(firm=row.firm.name, why=why))

    # -- exports -----------------------------------------------------------------------------
    def application_file_name(self, position: int, application, firm) -> str:
        """'<序号>-<firm name>-<tier>.xlsx': the official's ranking, else the position."""
        number = application.ranking if application.ranking is not None else position
        return safe_file_name(f"{number:02d}-{firm.name}-{labels.tier(application.tier)}") + ".xlsx"

    def _on_export_excel_button_clicked(self) -> None:
        ids = self.selected_ids()
        if not ids or self._export_task is not None:
            return
        folder = ExportPaths.choose_folder(self, self.tr("Export the application workbooks to"))
        if not folder:
            return
        targets = []
        for position, application_id in enumerate(sorted(
                ids, key=lambda i: self._ranking_key(i)), start=1):
            row = self.model.row(self.model.row_of(application_id))
            targets.append((application_id, Path(folder) / self.application_file_name(
                position, row.application, row.firm)))
        exports, lang = self.ctx.workspace.exports, i18n.language()

        def work(report):
            written = []
            for done, (application_id, target) in enumerate(targets):
                if report(done, len(targets)) is False:
                    break
                result = exports.application_form(application_id, target, lang)
                if result.cancelled:
                    break
                written.append(result.path)
            report(len(written), len(targets))
            return written

        def done(written) -> None:
            self.bulk_report.setText(self.tr("Exported {count} of {total} application "
                                             "workbooks to {folder}").format(
                count=len(written), total=len(targets), folder=folder))

        self._start_export(self.tr("Exporting the application workbooks…"), work, done)

    def _ranking_key(self, application_id: int) -> tuple:
        application = self.model.row(self.model.row_of(application_id)).application
        return (application.ranking is None, application.ranking or 0, application_id)

    def _on_export_table_button_clicked(self) -> None:
        batch_id = self.batch_id()
        if batch_id is None or self._export_task is not None:
            return
        suggested = safe_file_name(self.tr("{batch} recommendation table").format(
            batch=self.batch_choice.currentText())) + ".xlsx"
        target = ExportPaths.save_workbook(self, self.tr("Export the recommendation table"),
                                           suggested)
        if not target:
            return
        exports, lang = self.ctx.workspace.exports, i18n.language()

        def work(report):
            return exports.batch_summary([batch_id], target, lang, report)

        def done(result) -> None:
            self.bulk_report.setText(i18n.render(result.message))

        self._start_export(self.tr("Exporting the recommendation table…"), work, done)

    def _start_export(self, title: str, work, done) -> None:
        self._export_task = run_task(self, title, work, done)
        stop_on_destroy(self, self._export_task)
        self._export_task.finished.connect(self._on_export_task_finished)
        self._on_table_selection_changed()

    def _on_export_task_finished(self, _result) -> None:
        self._export_task = None
        self._on_table_selection_changed()
