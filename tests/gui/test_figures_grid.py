"""The Figures tab: years added and removed, figures typed cell by cell, the derived ratios
beside them, refusals that save nothing, market positions and assessments."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox, QTableView, QTableWidget,
)

from desktop.domain.records import FiscalYear
from desktop.gui.models.fiscal_year_table import FiscalYearTableModel
from desktop.gui.widgets.firm_editor import FirmEditorPage
from tests.conftest import snapshot


@pytest.fixture
def page(qtbot, ctx, errors, firm):
    page = FirmEditorPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    page.open_firm(firm.id)
    page.tabs.setCurrentWidget(page.figures)
    return page


def add_year(qtbot, page, year: int) -> None:
    spin = page.findChild(QSpinBox, "addYearSpin")
    spin.setValue(year)
    qtbot.mouseClick(page.findChild(QPushButton, "addYearButton"), Qt.MouseButton.LeftButton)


def type_into_cell(qtbot, view: QTableView, row: int, column: int, text: str) -> None:
    """Open the cell's editor as a user would, type, and press Enter."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: view.state() != QTableView.State.EditingState)


def cell(view: QTableView, key: str, year: int) -> str:
    model = view.model()
    return model.data(model.index(model.row_of(key), model.column_of(year)))


def test_three_years_typed_into_the_grid_show_the_derived_ratios(qtbot, page, workspace, firm):
    view = page.findChild(QTableView, "figuresGrid")
    model = view.model()
    for year in (2023, 2024, 2025):
        add_year(qtbot, page, year)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "2023", "2024", "2025"]
    figures = {2023: ("4,000", "300"), 2024: ("5000", "400"), 2025: ("6250.5", "500")}
    for year, (revenue, rd) in figures.items():
        column = model.column_of(year)
        type_into_cell(qtbot, view, model.row_of("operating_revenue"), column, revenue)
        type_into_cell(qtbot, view, model.row_of("rd_expense"), column, rd)
    saved = {fy.year: fy for fy in workspace.financials.years(firm.id)}
    assert saved[2025].operating_revenue == Decimal("6250.5")
    assert saved[2023].operating_revenue == Decimal("4000")
    assert cell(view, "operating_revenue", 2023) == "4,000"
    assert cell(view, "rd_ratio", 2024) == "8.00%"
    assert cell(view, "rd_ratio", 2025) == "8.00%"
    assert cell(view, "operating_revenue_growth", 2024) == "25.00%"
    assert cell(view, "operating_revenue_growth", 2023) == ""      # no year before
    assert cell(view, "debt_ratio", 2025) == ""                     # unknown, never 0
    assert cell(view, "employee_count", 2025) == ""
    derived = model.index(model.row_of("rd_ratio"), 0)
    assert not model.flags(derived) & Qt.ItemFlag.ItemIsEditable


def test_a_negative_revenue_is_refused_and_the_cell_keeps_its_value(qtbot, page, workspace, firm):
    view = page.findChild(QTableView, "figuresGrid")
    model = view.model()
    add_year(qtbot, page, 2025)
    row = model.row_of("operating_revenue")
    type_into_cell(qtbot, view, row, 0, "1200")
    before = snapshot(workspace)
    type_into_cell(qtbot, view, row, 0, "-5")
    assert snapshot(workspace) == before
    assert cell(view, "operating_revenue", 2025) == "1,200"
    message = page.findChild(QLabel, "figuresMessage").text()
    assert message == "Operating revenue (10k CNY): must not be negative (-5)"
    type_into_cell(qtbot, view, row, 0, "1300")
    assert page.findChild(QLabel, "figuresMessage").text() == ""
    assert workspace.financials.year(firm.id, 2025).operating_revenue == 1300


def test_more_rd_staff_than_employees_is_refused(qtbot, page, workspace, firm):
    view = page.findChild(QTableView, "figuresGrid")
    model = view.model()
    add_year(qtbot, page, 2025)
    type_into_cell(qtbot, view, model.row_of("employee_count"), 0, "50")
    type_into_cell(qtbot, view, model.row_of("rd_staff_count"), 0, "60")
    assert workspace.financials.year(firm.id, 2025).rd_staff_count is None
    assert "must not exceed Employees (50)" in page.findChild(QLabel, "figuresMessage").text()
    assert cell(view, "rd_staff_count", 2025) == ""


def test_cell_edits_and_removed_years_can_be_undone(qtbot, page, ctx, workspace, firm):
    view = page.findChild(QTableView, "figuresGrid")
    model = view.model()
    add_year(qtbot, page, 2024)
    type_into_cell(qtbot, view, model.row_of("total_assets"), 0, "800")
    type_into_cell(qtbot, view, model.row_of("total_liabilities"), 0, "200")
    assert cell(view, "debt_ratio", 2024) == "25.00%"
    ctx.undo_stack.undo()
    assert workspace.financials.year(firm.id, 2024).total_liabilities is None
    assert cell(view, "debt_ratio", 2024) == ""
    view.setCurrentIndex(model.index(0, 0))
    qtbot.mouseClick(page.findChild(QPushButton, "removeYearButton"), Qt.MouseButton.LeftButton)
    assert workspace.financials.years(firm.id) == [] and model.columnCount() == 0
    ctx.undo_stack.undo()
    assert workspace.financials.year(firm.id, 2024).total_assets == 800
    assert cell(view, "total_assets", 2024) == "800"


def test_market_positions_and_assessments_are_saved_from_their_rows(qtbot, page, ctx, workspace,
                                                                     firm):
    page.findChild(QSpinBox, "position_year").setValue(2025)
    scope = page.findChild(QComboBox, "position_scope")
    scope.setCurrentIndex(scope.findData("domestic"))
    qtbot.keyClicks(page.findChild(QLineEdit, "position_share_percent"), "12.5")
    qtbot.keyClicks(page.findChild(QLineEdit, "position_rank"), "2")
    qtbot.mouseClick(page.findChild(QPushButton, "positionSaveButton"), Qt.MouseButton.LeftButton)
    [position] = workspace.financials.market_positions(firm.id)
    assert (position.share_percent, position.rank) == (Decimal("12.5"), 2)
    table = page.findChild(QTableWidget, "positionTable")
    assert [table.item(0, c).text() for c in range(4)] == ["2025", "Domestic", "12.5", "2"]
    ctx.undo_stack.undo()
    assert workspace.financials.market_positions(firm.id)[0].share_percent is None

    page.findChild(QSpinBox, "assessment_year").setValue(2025)
    level = page.findChild(QComboBox, "assessment_digital_level")
    assert level.findData("5") < 0            # levels 1 to 4 only
    level.setCurrentIndex(level.findData("3"))
    score = page.findChild(QLineEdit, "assessment_platform_score")
    qtbot.keyClicks(score, "120")
    qtbot.mouseClick(page.findChild(QPushButton, "assessmentSaveButton"),
                     Qt.MouseButton.LeftButton)
    assert workspace.financials.assessments(firm.id) == []
    assert page.findChild(QLabel, "assessmentMessage").text() == (
        "Platform score: 120 is not between 0 and 100")
    score.clear()
    qtbot.keyClicks(score, "78.5")
    qtbot.mouseClick(page.findChild(QPushButton, "assessmentSaveButton"),
                     Qt.MouseButton.LeftButton)
    [assessment] = workspace.financials.assessments(firm.id)
    assert (assessment.digital_level, assessment.platform_score) == (3, Decimal("78.5"))


def test_the_fiscal_year_model_passes_the_model_tester(qtmodeltester, workspace, firm):
    model = FiscalYearTableModel()
    model.set_years([FiscalYear(firm_id=firm.id, year=2024, operating_revenue=Decimal("100")),
                     FiscalYear(firm_id=firm.id, year=2025, operating_revenue=Decimal("150"),
                                rd_expense=Decimal("6"), employee_count=40)])
    qtmodeltester.check(model, force_py=False)
    assert model.data(model.index(model.row_of("rd_ratio"), 1)) == "4.00%"
    assert model.data(model.index(model.row_of("operating_revenue_growth"), 1)) == "50.00%"
    qtmodeltester.check(model, force_py=True)
