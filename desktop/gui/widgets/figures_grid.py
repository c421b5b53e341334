"""The Figures tab: the fiscal-year grid (a column per year, a row per figure, the derived
ratios below), and small tables of market positions and annual assessments.

Every edit saves at once through the undo stack; a refused value is explained under the grid
and the cell keeps what was saved.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QScrollArea, QSpinBox, QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import MarketScope
from desktop.domain.errors import DomainError
from desktop.domain.records import FiscalYear

from .. import i18n, undo
from ..context import GuiContext
from ..errors import show_error
from ..models.fiscal_year_table import FiscalYearTableModel

FIGURE_TABLES = ("firm", "fiscal_year", "market_position", "annual_assessment")
MESSAGE_STYLE = "color: #c0392b;"


def _raw_of(record, skip: tuple[str, ...] = ("id", "firm_id")) -> dict[str, object]:
    """A saved record as the text a form would hold (unknown → '')."""
    return {name: "" if value is None else str(value)
            for name, value in record.to_dict().items() if name not in skip}


class FiguresGrid(QWidget):
    """The fiscal-year grid of one firm with Add year and Remove year."""

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.firm_id = 0
        self._busy = False      # saving: the grid updates itself, not through the bus
        self.model = FiscalYearTableModel(self._commit, self)
        self.view = QTableView(objectName="figuresGrid")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.year_spin = QSpinBox(objectName="addYearSpin")
        self.year_spin.setRange(1949, self._today().year)
        self.year_spin.setValue(self._today().year - 1)
        self.add_button = QPushButton(self.tr("Add year"), objectName="addYearButton")
        self.remove_button = QPushButton(self.tr("Remove year"), objectName="removeYearButton")
        self.message = QLabel(objectName="figuresMessage")
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setWordWrap(True)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Year")))
        bar.addWidget(self.year_spin)
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        ctx.bus.changed.connect(self._on_bus_changed)

    def _today(self):
        return self.ctx.workspace.context.today()

    def set_firm(self, firm_id: int) -> None:
        self.firm_id = firm_id
        self.message.clear()
        self.refresh()

    def refresh(self) -> None:
        years = self.ctx.workspace.financials.years(self.firm_id) if self.firm_id else []
        self.model.set_years(years)
        if years:
            self.year_spin.setValue(min(years[-1].year + 1, self._today().year))

    def _on_bus_changed(self, table: str, firm_id: int) -> None:
        if (not self._busy and self.firm_id and table in FIGURE_TABLES
                and firm_id in (0, self.firm_id)):
            try:
                self.refresh()
            except DomainError:
                self.model.set_years([])

    def _show(self, error: BaseException) -> None:
        if isinstance(error, DomainError):
            self.message.setText("\n".join(i18n.render(m) for m in error.messages))
        else:
            show_error(self, error)

    def _push(self, text: str, do: Callable, undo_: Callable):
        """Run one undoable save; None (with the reason shown) when it was refused."""
        self._busy = True
        try:
            result = undo.push(self.ctx, text, do, undo_, "fiscal_year", self.firm_id)
        except Exception as error:  # refused or failed: the user is told, the grid is unchanged
            self._show(error)
            return None
        finally:
            self._busy = False
        self.message.clear()
        return result

    def _commit(self, year: int, name: str, text: str) -> bool:
        financials, firm_id = self.ctx.workspace.financials, self.firm_id
        old = financials.year(firm_id, year)
        raw = _raw_of(old) if old is not None else {"year": year}
        raw[name] = text
        saved = self._push(
            self.tr("Edit {what} of {year}").format(what=i18n.label(name), year=year),
            lambda: financials.set_year_from(firm_id, raw),
            (lambda: financials.set_year(old)) if old is not None
            else (lambda: financials.clear_year(firm_id, year)))
        if saved is None:
            return False
        self.model.put_year(saved)
        return True

    def _on_add_button_clicked(self) -> None:
        financials, firm_id = self.ctx.workspace.financials, self.firm_id
        year = self.year_spin.value()
        if self.model.column_of(year) >= 0:
            self.message.setText(self.tr("{year} is already in the grid.").format(year=year))
            return
        saved = self._push(self.tr("Add the year {year}").format(year=year),
                           lambda: financials.set_year(FiscalYear(firm_id=firm_id, year=year)),
                           lambda: financials.clear_year(firm_id, year))
        if saved is not None:
            self.refresh()
            self.view.setCurrentIndex(self.model.index(0, self.model.column_of(year)))

    def _on_remove_button_clicked(self) -> None:
        record = self.model.year_at(self.view.currentIndex().column())
        if record is None:
            self.message.setText(self.tr("Choose a cell of the year to remove."))
            return
        financials, firm_id = self.ctx.workspace.financials, self.firm_id
        if self._push(self.tr("Remove the year {year}").format(year=record.year),
                      lambda: financials.clear_year(firm_id, record.year),
                      lambda: financials.set_year(record)) is not None:
            self.refresh()


class YearlyRecordsBox(QGroupBox):
    """A table of one kind of yearly record, and a row of editors to add or change one.

    `columns` are (field, editor kind): 'year', 'scope', 'level' or 'text'.
    """

    def __init__(self, ctx: GuiContext, title: str, prefix: str, table: str,
                 columns: list[tuple[str, str]], load: Callable, save_from: Callable,
                 save: Callable, same: Callable, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.ctx, self.table_name, self.columns = ctx, table, columns
        self._load, self._save_from, self._save, self._same = load, save_from, save, same
        self.firm_id = 0
        self.records: list = []
        self.table = QTableWidget(0, len(columns), objectName=f"{prefix}Table")
        self.table.setHorizontalHeaderLabels([i18n.label(name) for name, _kind in columns])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(150)
        self.table.currentCellChanged.connect(self._on_table_current_cell_changed)
        self.editors: dict[str, QWidget] = {}
        row = QHBoxLayout()
        for name, kind in columns:
            editor = self._editor(kind)
            editor.setObjectName(f"{prefix}_{name}")
            editor.setToolTip(i18n.label(name))
            if isinstance(editor, QLineEdit):
                editor.setPlaceholderText(i18n.label(name))
            self.editors[name] = editor
            row.addWidget(editor, 2 if kind == "text" else 1)
        self.save_button = QPushButton(self.tr("Save"), objectName=f"{prefix}SaveButton")
        self.save_button.clicked.connect(self._on_save_button_clicked)
        row.addWidget(self.save_button)
        self.message = QLabel(objectName=f"{prefix}Message")
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.message)
        ctx.bus.changed.connect(self._on_bus_changed)

    def _editor(self, kind: str) -> QWidget:
        if kind == "year":
            spin = QSpinBox()
            spin.setRange(1949, self.ctx.workspace.context.today().year)
            spin.setValue(self.ctx.workspace.context.today().year - 1)
            return spin
        if kind in ("scope", "level"):
            combo = QComboBox()
            for value, text in self._choices(kind):
                combo.addItem(text, value)
            return combo
        return QLineEdit()

    def _choices(self, kind: str) -> list[tuple[str, str]]:
        if kind == "scope":
            return [(MarketScope.DOMESTIC.value, self.tr("Domestic")),
                    (MarketScope.INTERNATIONAL.value, self.tr("International"))]
        return [("", self.tr("Unknown"))] + [(str(level), self.tr("Level {level}").format(
            level=level)) for level in range(1, 5)]

    def _shown(self, kind: str, value: object) -> str:
        if value is None:
            return ""
        if kind in ("scope", "level"):
            return dict(self._choices(kind)).get(str(value), str(value))
        return str(value)

    def set_firm(self, firm_id: int) -> None:
        self.firm_id = firm_id
        self.message.clear()
        self.refresh()

    def refresh(self) -> None:
        self.records = self._load(self.firm_id) if self.firm_id else []
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            for column, (name, kind) in enumerate(self.columns):
                self.table.setItem(row, column,
                                   QTableWidgetItem(self._shown(kind, getattr(record, name))))

    def _on_bus_changed(self, table: str, firm_id: int) -> None:
        if self.firm_id and table in (self.table_name, "firm") and firm_id in (0, self.firm_id):
            try:
                self.refresh()
            except DomainError:
                self.table.setRowCount(0)

    def _on_table_current_cell_changed(self, row: int, *_args) -> None:
        if not 0 <= row < len(self.records):
            return
        for name, value in _raw_of(self.records[row]).items():
            editor = self.editors.get(name)
            if isinstance(editor, QSpinBox):
                editor.setValue(int(value))
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(editor.findData(value), 0))
            elif isinstance(editor, QLineEdit):
                editor.setText(value)

    def raw(self) -> dict[str, object]:
        values: dict[str, object] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QSpinBox):
                values[name] = editor.value()
            elif isinstance(editor, QComboBox):
                values[name] = editor.currentData() or ""
            else:
                values[name] = editor.text().strip()
        return values

    def _on_save_button_clicked(self) -> None:
        firm_id, raw = self.firm_id, self.raw()
        old = next((r for r in self.records if self._same(r, raw)), None)

        def undo_save() -> None:
            if old is not None:
                self._save(old)
            else:  # no service deletes these rows: a new one goes back to empty
                saved = command_result[0]
                keys = {name for name, kind in self.columns if kind in ("year", "scope")}
                self._save(dataclasses.replace(saved, **{
                    f.name: f.default for f in dataclasses.fields(saved)
                    if f.name in self.editors and f.name not in keys}))

        command_result: list = []
        try:
            command_result.append(undo.push(
                self.ctx, self.tr("Save {what}").format(what=self.title()),
                lambda: self._save_from(firm_id, raw), undo_save, self.table_name, firm_id))
        except Exception as error:
            if isinstance(error, DomainError):
                self.message.setText("\n".join(i18n.render(m) for m in error.messages))
            else:
                show_error(self, error)
            return
        self.message.clear()


def market_positions_box(ctx: GuiContext, parent: QWidget | None = None) -> YearlyRecordsBox:
    financials = ctx.workspace.financials
    return YearlyRecordsBox(
        ctx, i18n.label("market_positions"), "position", "market_position",
        [("year", "year"), ("scope", "scope"), ("share_percent", "text"), ("rank", "text"),
         ("niche", "text"), ("source", "text")],
        financials.market_positions, financials.set_market_position_from,
        financials.set_market_position,
        lambda record, raw: record.year == raw["year"] and record.scope.value == raw["scope"],
        parent)


def assessments_box(ctx: GuiContext, parent: QWidget | None = None) -> YearlyRecordsBox:
    financials = ctx.workspace.financials
    return YearlyRecordsBox(
        ctx, i18n.label("assessments"), "assessment", "annual_assessment",
        [("year", "year"), ("digital_level", "level"), ("info_system_count", "text"),
         ("platform_score", "text"), ("source", "text")],
        financials.assessments, financials.set_assessment_from, financials.set_assessment,
        lambda record, raw: record.year == raw["year"], parent)


class FiguresTab(QScrollArea):
    """The grid above, positions and assessments below, scrolling when the window is small."""

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresTab")
        self.setWidgetResizable(True)
        body = QWidget()
        self.grid = FiguresGrid(ctx, body)
        view = self.grid.view   # tall enough to show every row, derived ones included
        rows = view.model().rowCount() + 1
        view.setMinimumHeight(view.verticalHeader().defaultSectionSize() * rows
                              + view.horizontalHeader().sizeHint().height())
        self.positions = market_positions_box(ctx, body)
        self.assessments = assessments_box(ctx, body)
        layout = QVBoxLayout(body)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.positions)
        layout.addWidget(self.assessments)
        self.setWidget(body)

    def set_firm(self, firm_id: int) -> None:
        for part in (self.grid, self.positions, self.assessments):
            part.set_firm(firm_id)

    def refresh(self) -> None:
        for part in (self.grid, self.positions, self.assessments):
            part.refresh()

