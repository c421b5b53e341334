"""The firm list page: instant search (name, USCC or pinyin initials), filters by province,
industry section, verdict and archive state, a lazy table sorted by the database, and the
actions on the selected firm (open, archive or restore, delete, export) as undoable steps.

Verdicts come from the engine, so neither the verdict filter nor the verdict order can be a
database condition: choosing one judges the firms the other filters select in a background task
(through the service's verdict cache: only firms whose data changed since are judged); the
fitting ids become `FirmQuery.ids` and the ranking `FirmQuery.order_ids`, which the database
applies, so the table stays lazy. Cancel keeps what the list had; another filter or a data
change re-runs the task (judging only changed firms).
"""
from __future__ import annotations

import dataclasses

from PySide6 import QtCore
from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QTableView, QVBoxLayout, QWidget,
)

from desktop.domain.records import FirmQuery

from ..errors import show_error
from ..models.firm_table import VERDICT, FirmTableModel
from ..models.verdict_filters import (
    ANY_INCOMPLETE, ANY_PENDING, FAILS_ALL, TIER1_PASS, TIER2_PASS, TIER3_PASS, VERDICT_ORDER,
)
from ..tasks import run_task, stop_on_destroy
from . import firm_list_header
from .filter_combo import FilterCombo, industry_sections, provinces
from .firm_list_actions import archive_or_restore, delete_with_undo
from .verdict_judging import judge_scope

SEARCH_DELAY_MS = 150


class FirmListPage(QWidget):
    firm_activated = Signal(int)   # 0: a new firm
    export_requested = Signal()    # the user asked for the data workbook of the firms
    verdict_filter_applied = Signal()   # the verdict filter's firms are shown (or it was reset)
    verdict_sort_applied = Signal()     # the verdict order is shown (or was given up)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = FirmTableModel(ctx, self)
        self.model.load_failed.connect(self._on_model_load_failed)
        self._verdict_ids: frozenset[int] | None = None   # the verdict filter's firms …
        self._verdict_scope_done: tuple | None = None     # … for this (filter, base scope)
        self._order_ids: tuple[int, ...] | None = None    # the firms by verdict rank …
        self._order_scope_done: FirmQuery | None = None   # … for this base scope
        self._verdict_sort: QtCore.Qt.SortOrder | None = None   # the verdict order asked for
        self._order_before = ("name", False)              # the order the verdict order replaced
        self._verdict_task = None
        self._verdict_asks = ("", False)                  # what the running task finds
        self._verdict_run = 0                             # newer runs make older ones stale
        self._painted = False
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
        for widget in (self.new_button, self.archive_button, self.delete_button,
                       self.export_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._restore_header()
        self.model.modelReset.connect(self._update_count)
        self.model.count_settled.connect(self._update_count)
        ctx.bus.changed.connect(self._on_bus_changed)   # after the model's: its cache is fresh
        self._update_count()
        self._update_actions()

    # -- building --------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.search = QLineEdit(objectName="firmSearch")
        self.search.setPlaceholderText(self.tr("Name, USCC or pinyin initials"))
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._on_search_timer_timeout)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return_pressed)

        self.region_filter = FilterCombo(self.tr("All provinces"), provinces, "regionFilter")
        self.region_filter.setMinimumContentsLength(8)
        self.region_filter.currentIndexChanged.connect(self._on_region_filter_current_index_changed)

        self.industry_filter = FilterCombo(self.tr("All industries"), industry_sections,
                                            "industryFilter")
        self.industry_filter.setMinimumContentsLength(12)
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
        firm_list_header.set_up(header, self.model, self)
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        header.sectionResized.connect(self._save_header)
        header.sectionMoved.connect(self._save_header)
        self.table.activated.connect(self._on_table_activated)   # double-click or Enter
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.model.modelReset.connect(self._update_actions)
        # After a reset the view lays its rows out on the next turn of the event loop, and
        # that layout paints the viewport again: doing it at once makes one paint per search.
        self.model.modelReset.connect(self.table.doItemsLayout)

    def _build_actions(self) -> None:
        self.new_button = QPushButton(self.tr("New firm"), objectName="newFirmButton")
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.export_button = QPushButton(self.tr("Export to Excel…"), objectName="exportFirmsButton")
        self.export_button.clicked.connect(self.export_requested)
        # QAction(text, parent) would build QIcon's enums to rule out its icon overload
        self.archive_action = QAction(self, objectName="archiveAction")
        self.archive_action.setText(self.tr("Archive"))
        self.archive_action.triggered.connect(self._on_archive_action_triggered)
        self.delete_action = QAction(self, objectName="deleteAction")
        self.delete_action.setText(self.tr("Delete…"))
        self.delete_action.triggered.connect(self._on_delete_action_triggered)
        self.archive_button = QPushButton(objectName="archiveButton")
        self.archive_button.clicked.connect(self.archive_action.trigger)
        self.delete_button = QPushButton(objectName="deleteButton")
        self.delete_button.clicked.connect(self.delete_action.trigger)
        self.table.addAction(self.archive_action)
        self.table.addAction(self.delete_action)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """What the first screen does not show: the filters' other choices, the search
        field's clear button (shown over a text only; the field starts empty), the settings
        that take one of Qt's enums (building them held up the first paint by ~20 ms: see
        firm_table.py), and the sort indicator."""
        self.region_filter.list_entries()
        self.industry_filter.list_entries()
        self.search.setClearButtonEnabled(True)
        from PySide6.QtGui import QKeySequence   # any key sequence builds Qt's enums

        Qt = QtCore.Qt
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        # As wide as any count it shows: a new count then repaints the label alone (its width
        # changing laid the page out and repainted it again, at every keystroke of a search).
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(
            self.tr("{n} firms").format(n=8_888_888)) + 8)
        firm_list_header.show_order(self.table.horizontalHeader(), self.model, shown=True)

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
        """What the filters and the order ask for; verdicts as the last task found them."""
        spec = self.model.spec
        order_by, descending, order_ids = spec.order_by, spec.descending, None
        if self._verdict_sort is not None and self._order_ids is not None:
            order_by, order_ids = VERDICT_ORDER, self._order_ids
            descending = self._verdict_sort == QtCore.Qt.SortOrder.DescendingOrder
        elif spec.order_ids is not None:   # the verdict order given up: back to the one before
            order_by, descending = self._order_before
        return dataclasses.replace(
            self._base_scope(), order_by=order_by, descending=descending, order_ids=order_ids,
            ids=self._verdict_ids if self.verdict_filter.currentData() else None)

    def apply_query(self) -> None:
        self.search_timer.stop()
        key, base = self.verdict_filter.currentData() or "", self._base_scope()
        wants_filter = bool(key) and (key, base) != self._verdict_scope_done
        wants_order = self._verdict_sort is not None and base != self._order_scope_done
        if wants_filter or wants_order:
            self._run_verdict_task(key if wants_filter else "", wants_order)
            return   # the list changes when the firms have been judged
        spec, shown = self.query(), self.model.spec
        if spec.order_ids is not None and shown.order_ids is None:
            self._order_before = (shown.order_by, shown.descending)
        if spec != shown:
            self.model.set_query(spec)
        self._show_sort_indicator()
        if self._verdict_sort is not None:
            self.verdict_sort_applied.emit()

    # -- verdict filter and order ----------------------------------------------------------
    def _base_scope(self) -> FirmQuery:
        """The firms the filters other than the verdict select, by name: what a task judges."""
        return FirmQuery(text=self.search.text().strip(),
                         include_archived=self.archived_filter.isChecked(),
                         region_prefix=self.region_filter.currentData() or "",
                         industry_prefix=self.industry_filter.currentData() or "")

    @property
    def firms(self):
        """The firm service, asked for when first needed: the list's own reads go through
        `workspace.firm_list`, which the first screen of a start reads without peewee."""
        return self.ctx.workspace.firms

    def _run_verdict_task(self, key: str, wants_order: bool) -> None:
        """Judge the firms of the base scope in the background, then find those that fit the
        verdict filter `key` (if any) and, if asked, all of them ranked by verdict."""
        self._stop_verdict_task()
        self._verdict_run += 1
        run, base, self._verdict_asks = self._verdict_run, self._base_scope(), (key, wants_order)
        firms, qualification = self.firms, self.ctx.workspace.qualification

        def work(report):
            return judge_scope(firms, qualification, base, key, wants_order, report)

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
        key, wants_order = self._verdict_asks
        if result is None:   # cancelled (or failed, already shown)
            if wants_order:
                self._verdict_sort = None          # the order shown before stays
            if key:
                self.verdict_filter.setCurrentIndex(0)   # back to every verdict
            self.apply_query()
            if wants_order:
                self.verdict_sort_applied.emit()
        else:
            self.model.remember_verdicts(result.judged)
            if key:
                self._verdict_ids, self._verdict_scope_done = result.ids, (key, result.base)
            if result.order is not None:
                self._order_ids, self._order_scope_done = result.order, result.base
            self.apply_query()
        if key:
            self.verdict_filter_applied.emit()

    def _on_verdict_filter_current_index_changed(self, _index: int) -> None:
        if not self.verdict_filter.currentData():
            if self._verdict_task is not None and not self._verdict_asks[1]:
                self._stop_verdict_task()   # it judged for the filter alone
            self._verdict_ids = self._verdict_scope_done = None
        self.apply_query()

    def _on_bus_changed(self, _table: str, _firm_id: int) -> None:
        # Judged again: only the changed firms cost time (the cache knows their data versions).
        self._verdict_scope_done = self._order_scope_done = None
        if self.verdict_filter.currentData() or self._verdict_sort is not None:
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

    def _on_header_sort_indicator_changed(self, column: int,
                                          order: QtCore.Qt.SortOrder) -> None:
        if column == VERDICT:
            self._verdict_sort = order
            self.apply_query()   # at once when the firms are ranked already, else after a task
        else:
            if self._verdict_task is not None and not self._verdict_asks[0]:
                self._stop_verdict_task()   # it judged for the verdict order alone
            self._verdict_sort = None
            self.model.sort(column, order)
        # A verdict order still being found (or a refused order) shows the order the list has.
        self._show_sort_indicator()
        self._save_header()

    def _show_sort_indicator(self) -> None:
        firm_list_header.show_order(self.table.horizontalHeader(), self.model)

    def _update_count(self) -> None:
        if self.model.counting:   # a search's first page, its count on the way (set_query)
            self.count_label.setText(self.tr("{n}+ firms").format(n=self.model.rowCount()))
        else:
            self.count_label.setText(self.tr("{n} firms").format(n=self.model.rowCount()))

    def _on_model_load_failed(self, error: BaseException) -> None:
        show_error(self, error)

    # -- header state ----------------------------------------------------------------------
    def _restore_header(self) -> None:
        firm_list_header.restore(self.table.horizontalHeader(), self.ctx.settings, self.model)

    def _save_header(self, *_args) -> None:
        firm_list_header.save(self.table.horizontalHeader(), self.ctx.settings, self.model)

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
        archive_or_restore(self, self._selected_summary())

    def _on_delete_action_triggered(self) -> None:
        delete_with_undo(self, self._selected_summary())
