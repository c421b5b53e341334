"""The firm list page: instant search (name, USCC or pinyin initials), filters by province,
industry section, verdict and archive state, a lazy table sorted by the database, and the
actions on the selected firm (open, archive or restore, delete) as undoable steps.

The verdict filter cannot be a database condition (verdicts come from the engine), so choosing
one runs a background task over the firms the other filters select: it judges each (reusing the
verdicts the table has computed), and the ids that fit become `FirmQuery.ids`, so the table
stays lazy. Cancel (or a failure) sets the filter back to all verdicts. Changing another filter
runs it again; so does a data change on the bus, which costs little: only the firms that
changed are judged again.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QTableView, QVBoxLayout, QWidget,
)

from desktop.domain.records import FirmQuery
from desktop.services import codes

from .. import undo
from ..dialogs.confirm import ConfirmDialog
from ..errors import show_error
from ..models.firm_table import (
    ANY_INCOMPLETE, ANY_PENDING, FAILS_ALL, INDUSTRY, NAME, OPEN, REGION, REVENUE, TIER1_PASS,
    TIER2_PASS, TIER3_PASS, USCC, VERDICT, FirmTableModel, firm_digest, verdict_matches,
)
from ..tasks import run_task
from .batch_desk import stop_on_destroy

SEARCH_DELAY_MS = 150
HEADER_KEY = "firmList/header"
COLUMN_WIDTHS = {NAME: 260, USCC: 170, REGION: 170, INDUSTRY: 220, REVENUE: 150,
                 VERDICT: 150, OPEN: 120}
VERDICT_PAGE = 1000       # firms read per query while the verdict filter judges them


@dataclass(frozen=True)
class _VerdictFilterResult:
    scope: tuple            # the verdict filter and the other filters it answers
    ids: frozenset[int]     # the firms that fit
    judged: dict            # firm id → VerdictDigest judged by the task (for the model's cache)


class FirmListPage(QWidget):
    firm_activated = Signal(int)   # 0: a new firm
    verdict_filter_applied = Signal()   # the verdict filter's firms are shown (or it was reset)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.firms = ctx.workspace.firms
        self.model = FirmTableModel(ctx, self)
        self.model.load_failed.connect(self._on_model_load_failed)
        self._verdict_ids: frozenset[int] | None = None   # the verdict filter's firms …
        self._verdict_scope_done: tuple | None = None     # … for this scope
        self._verdict_task = None
        self._verdict_run = 0                             # newer runs make older ones stale
        self._build_filters()
        self._build_table()
        self._build_actions()
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        for widget in (self.search, self.region_filter, self.industry_filter,
                       self.verdict_filter, self.archived_filter):
            filters.addWidget(widget)
        filters.setStretch(0, 1)
        buttons = QHBoxLayout()
        for widget in (self.new_button, self.archive_button, self.delete_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._restore_header()
        self.model.modelReset.connect(self._update_count)
        ctx.bus.changed.connect(self._on_bus_changed)   # after the model's: its cache is fresh
        self._update_count()
        self._update_actions()

    # -- building --------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.search = QLineEdit(objectName="firmSearch")
        self.search.setPlaceholderText(self.tr("Name, USCC or pinyin initials"))
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._on_search_timer_timeout)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return_pressed)

        self.region_filter = QComboBox(objectName="regionFilter")
        self.region_filter.addItem(self.tr("All provinces"), "")
        for place in codes.regions_under(""):
            self.region_filter.addItem(place.full_name, place.code[:2])
        self.region_filter.currentIndexChanged.connect(self._on_region_filter_current_index_changed)

        self.industry_filter = QComboBox(objectName="industryFilter")
        self.industry_filter.addItem(self.tr("All industries"), "")
        for section in codes.industries_under(""):
            self.industry_filter.addItem(f"{section.code} {section.name}", section.code)
        self.industry_filter.currentIndexChanged.connect(
            self._on_industry_filter_current_index_changed)

        self.verdict_filter = QComboBox(objectName="verdictFilter")
        for text, key in ((self.tr("All verdicts"), ""),
                          (self.tr("Tier 1 passes"), TIER1_PASS),
                          (self.tr("Tier 2 passes"), TIER2_PASS),
                          (self.tr("Tier 3 passes"), TIER3_PASS),
                          (self.tr("Any tier pending"), ANY_PENDING),
                          (self.tr("Any tier incomplete"), ANY_INCOMPLETE),
                          (self.tr("Fails every tier"), FAILS_ALL)):
            self.verdict_filter.addItem(text, key)
        self.verdict_filter.setToolTip(self.tr(
            "Verdicts of this year's application, judged on each firm's own data"))
        self.verdict_filter.currentIndexChanged.connect(
            self._on_verdict_filter_current_index_changed)

        self.archived_filter = QCheckBox(self.tr("Show archived"), objectName="archivedFilter")
        self.archived_filter.toggled.connect(self._on_archived_filter_toggled)
        self.count_label = QLabel(objectName="firmCount")
        # Long section names must not widen the window: the combos show what fits.
        for combo, length in ((self.region_filter, 8), (self.industry_filter, 12)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(length)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0))

    def _build_table(self) -> None:
        self.table = QTableView(objectName="firmTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Fixed row heights: nothing ever measures all rows (that would read every page).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSectionsMovable(True)
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(False)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        header.sectionResized.connect(self._save_header)
        header.sectionMoved.connect(self._save_header)
        self.table.activated.connect(self._on_table_activated)   # double-click or Enter
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.model.modelReset.connect(self._update_actions)

    def _build_actions(self) -> None:
        self.new_button = QPushButton(self.tr("New firm"), objectName="newFirmButton")
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.archive_action = QAction(self.tr("Archive"), self, objectName="archiveAction")
        self.archive_action.triggered.connect(self._on_archive_action_triggered)
        self.delete_action = QAction(self.tr("Delete…"), self, objectName="deleteAction")
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self._on_delete_action_triggered)
        self.archive_button = QPushButton(objectName="archiveButton")
        self.archive_button.clicked.connect(self.archive_action.trigger)
        self.delete_button = QPushButton(objectName="deleteButton")
        self.delete_button.clicked.connect(self.delete_action.trigger)
        self.table.addAction(self.archive_action)
        self.table.addAction(self.delete_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    # -- public ----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        self.model.refresh()
        self._update_count()
        self._update_actions()

    def current_firm_id(self) -> int:
        index = self.table.selectionModel().currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if not rows or not index.isValid():
            return 0
        return self.model.firm_id(rows[0].row())

    # -- the query -------------------------------------------------------------------------
    def query(self) -> FirmQuery:
        """What the filters ask for; with a verdict filter, the ids it found last."""
        spec = self.model.spec
        return FirmQuery(text=self.search.text().strip(),
                         include_archived=self.archived_filter.isChecked(),
                         region_prefix=self.region_filter.currentData() or "",
                         industry_prefix=self.industry_filter.currentData() or "",
                         order_by=spec.order_by, descending=spec.descending,
                         ids=self._verdict_ids if self.verdict_filter.currentData() else None)

    def apply_query(self) -> None:
        self.search_timer.stop()
        if self.verdict_filter.currentData() and self._verdict_scope() != self._verdict_scope_done:
            self._run_verdict_filter()   # the list changes when the firms have been judged
            return
        spec = self.query()
        if spec != self.model.spec:
            self.model.set_query(spec)

    # -- the verdict filter ----------------------------------------------------------------
    def _verdict_scope(self) -> tuple:
        spec = dataclasses.replace(self.query(), ids=None, order_by="name", descending=False)
        return (self.verdict_filter.currentData() or "", spec)

    def _run_verdict_filter(self) -> None:
        self._stop_verdict_task()
        self._verdict_run += 1
        run, scope = self._verdict_run, self._verdict_scope()
        key, spec = scope
        firms, qualification = self.firms, self.ctx.workspace.qualification
        known = self.model.known_verdicts()

        def work(report):
            total = firms.count(spec=spec)
            if not report(0, total):
                return None
            ids, judged, seen = set(), {}, 0
            while True:
                page = firms.query(spec, VERDICT_PAGE, seen)
                for summary in page:
                    fresh = summary.id not in known
                    if fresh:
                        judged[summary.id] = firm_digest(qualification, summary.id)
                    if verdict_matches(key, judged[summary.id] if fresh else known[summary.id]):
                        ids.add(summary.id)
                    seen += 1
                    if (fresh or seen % 200 == 0) and not report(seen, max(total, seen)):
                        return None
                if len(page) < VERDICT_PAGE:
                    break
            if not report(seen, max(total, seen)):
                return None
            return _VerdictFilterResult(scope, frozenset(ids), judged)

        task = run_task(self, self.tr("Checking the verdicts of the listed firms…"), work)
        self._verdict_task = task
        stop_on_destroy(self, task)
        task.finished.connect(lambda result: self._on_verdict_task_finished(run, result))

    def _stop_verdict_task(self) -> None:
        """An older run's answer no longer counts: let it stop at its next step."""
        if self._verdict_task is not None:
            self._verdict_task.worker.cancelled = True
            self._verdict_task = None
        self._verdict_run += 1

    def _on_verdict_task_finished(self, run: int, result) -> None:
        if run != self._verdict_run:
            return   # stale: a newer run or another choice took over
        self._verdict_task = None
        if result is None:   # cancelled (or failed, already shown): back to every verdict
            self.verdict_filter.setCurrentIndex(0)
            self.verdict_filter_applied.emit()
            return
        self.model.remember_verdicts(result.judged)
        self._verdict_ids, self._verdict_scope_done = result.ids, result.scope
        self.apply_query()
        self.verdict_filter_applied.emit()

    def _on_verdict_filter_current_index_changed(self, _index: int) -> None:
        if not self.verdict_filter.currentData():
            self._stop_verdict_task()
            self._verdict_ids = self._verdict_scope_done = None
        self.apply_query()

    def _on_bus_changed(self, _table: str, _firm_id: int) -> None:
        if self.verdict_filter.currentData():
            self._verdict_scope_done = None   # judged again: only changed firms cost time
            self.apply_query()

    def _on_search_text_changed(self, _text: str) -> None:
        self.search_timer.start()   # restarts: typing on postpones the search

    def _on_search_timer_timeout(self) -> None:
        self.apply_query()

    def _on_search_return_pressed(self) -> None:
        self.apply_query()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self.table.setFocus()

    def _on_region_filter_current_index_changed(self, _index: int) -> None:
        self.apply_query()

    def _on_industry_filter_current_index_changed(self, _index: int) -> None:
        self.apply_query()

    def _on_archived_filter_toggled(self, _checked: bool) -> None:
        self.apply_query()

    def _on_header_sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        self.model.sort(column, order)
        # The verdict column (or a refused order) keeps the order the list really has.
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
        header.blockSignals(False)
        self._save_header()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{n} firms").format(n=self.model.rowCount()))

    def _on_model_load_failed(self, error: BaseException) -> None:
        show_error(self, error)

    # -- header state ----------------------------------------------------------------------
    def _restore_header(self) -> None:
        state = self.ctx.settings.value(HEADER_KEY)
        header = self.table.horizontalHeader()
        if isinstance(state, QByteArray) and header.restoreState(state):
            column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
            if self.model.is_sortable(column):
                self.model.sort(column, order)
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
            header.blockSignals(False)

    def _save_header(self, *_args) -> None:
        self.ctx.settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    # -- actions on the selected firm ------------------------------------------------------
    def _on_table_activated(self, index: QModelIndex) -> None:
        firm_id = self.model.firm_id(index.row())
        if firm_id:
            self.firm_activated.emit(firm_id)

    def _on_new_button_clicked(self) -> None:
        self.firm_activated.emit(0)

    def _on_table_selection_changed(self, *_args) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        summary = self.model.summary(rows[0].row()) if rows else None
        archived = bool(summary and summary.archived)
        self.archive_action.setText(self.tr("Restore") if archived else self.tr("Archive"))
        self.archive_action.setEnabled(summary is not None)
        self.delete_action.setEnabled(summary is not None)
        for button, action in ((self.archive_button, self.archive_action),
                               (self.delete_button, self.delete_action)):
            button.setText(action.text())
            button.setEnabled(action.isEnabled())

    def _selected_summary(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.summary(rows[0].row()) if rows else None

    def _on_archive_action_triggered(self) -> None:
        summary = self._selected_summary()
        if summary is None:
            return
        firm_id, archived = summary.id, summary.archived
        if archived:
            text = self.tr("Restore {name}").format(name=summary.name)
        else:
            text = self.tr("Archive {name}").format(name=summary.name)
        try:
            undo.push(self.ctx, text,
                      do=lambda: self.firms.set_archived(firm_id, not archived),
                      undo=lambda: self.firms.set_archived(firm_id, archived),
                      table="firm", firm_id=firm_id)
        except Exception as error:  # refused: nothing changed, the user is told why
            show_error(self, error)

    def _on_delete_action_triggered(self) -> None:
        summary = self._selected_summary()
        if summary is None:
            return
        question = self.tr("Delete {name} with all its figures, evidence and applications?\n"
                           "Edit → Undo brings it back.").format(name=summary.name)
        if not ConfirmDialog.ask(self, question):
            return
        firm_id, kept = summary.id, {}

        def delete():
            kept["snapshot"] = self.firms.delete(firm_id)
            return kept["snapshot"]

        try:
            undo.push(self.ctx, self.tr("Delete {name}").format(name=summary.name),
                      do=delete, undo=lambda: self.firms.restore(kept["snapshot"]),
                      table="firm", firm_id=firm_id)
        except Exception as error:
            show_error(self, error)
