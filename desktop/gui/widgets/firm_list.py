"""The firm list page: instant search (name, USCC or pinyin initials), filters by province,
industry section and archive state, a lazy table sorted by the database, and the actions on
the selected firm (open, archive or restore, delete) as undoable steps."""
from __future__ import annotations

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
    INDUSTRY, NAME, OPEN, REGION, REVENUE, USCC, VERDICT, FirmTableModel,
)

SEARCH_DELAY_MS = 150
HEADER_KEY = "firmList/header"
COLUMN_WIDTHS = {NAME: 260, USCC: 170, REGION: 170, INDUSTRY: 220, REVENUE: 150,
                 VERDICT: 150, OPEN: 120}


class FirmListPage(QWidget):
    firm_activated = Signal(int)   # 0: a new firm

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.firms = ctx.workspace.firms
        self.model = FirmTableModel(ctx, self)
        self.model.load_failed.connect(self._on_model_load_failed)
        self._build_filters()
        self._build_table()
        self._build_actions()
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        for widget in (self.search, self.region_filter, self.industry_filter,
                       self.archived_filter):
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
        spec = self.model.spec
        return FirmQuery(text=self.search.text().strip(),
                         include_archived=self.archived_filter.isChecked(),
                         region_prefix=self.region_filter.currentData() or "",
                         industry_prefix=self.industry_filter.currentData() or "",
                         order_by=spec.order_by, descending=spec.descending)

    def apply_query(self) -> None:
        self.search_timer.stop()
        spec = self.query()
        if spec != self.model.spec:
            self.model.set_query(spec)

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
