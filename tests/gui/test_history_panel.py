"""The History tab of the firm editor and the application page's change list: what the user
sees, the filter, Revert (confirmed, undoable with Ctrl+Z) and refusals explained."""
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget

from desktop.domain import records as r
from desktop.domain.enums import ApplicationStatus, Decision, Tier
from desktop.gui.dialogs.confirm import ConfirmDialog
from desktop.gui.models.history_table import COLUMNS
from desktop.gui.widgets.applications import ApplicationsPage
from desktop.gui.widgets.firm_editor import TAB_HISTORY, FirmEditorPage


class Asked(list):
    """Confirmations the user was asked; answered Yes unless `answer` is set False."""

    answer = True


@pytest.fixture
def asked(monkeypatch):
    questions = Asked()

    def ask(cls, parent, text):
        questions.append(text)
        return questions.answer

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(ask))
    return questions


@pytest.fixture
def revenue(workspace, firm):
    workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "8000"})
    workspace.financials.set_year_from(firm.id, {"year": 2025, "operating_revenue": "8500.5"})
    return firm


@pytest.fixture
def editor(qtbot, ctx, errors, revenue):
    page = FirmEditorPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.open_firm(revenue.id)
    page.tabs.setCurrentIndex(TAB_HISTORY)
    return page


def shown(panel) -> list[dict[str, str]]:
    """The rows as the user sees them, top to bottom."""
    proxy = panel.proxy
    return [{name: proxy.index(row, column).data() for column, name in enumerate(COLUMNS)}
            for row in range(proxy.rowCount())]


def click_row(qtbot, panel, predicate) -> dict[str, str]:
    rows = shown(panel)
    row = next(i for i, values in enumerate(rows) if predicate(values))
    index = panel.proxy.index(row, COLUMNS.index("record"))
    panel.table.scrollTo(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.table.visualRect(index).center())
    return rows[row]


def is_revenue_change(values) -> bool:
    return values["field"] == "Operating revenue (10k CNY)" and values["action"] == "Changed"


def test_the_history_tab_shows_changes_in_the_users_terms(editor):
    tabs = editor.findChild(QTabWidget, "firmTabs")
    assert tabs.tabText(TAB_HISTORY) == "History" and tabs.isTabEnabled(TAB_HISTORY)
    rows = shown(editor.history)
    assert {k: rows[0][k] for k in ("who", "record", "action", "field", "change")} == {
        "who": "tester", "record": "Fiscal year 2025", "action": "Changed",
        "field": "Operating revenue (10k CNY)", "change": "8,000 → 8,500.5"}
    assert any(row["record"] == "Firm profile" and row["field"] == "Firm name"
               and row["change"] == "苏州精测传感科技有限公司" for row in rows)
    assert len(rows[0]["when"]) == len("2026-11-27 09:30")


def test_the_filter_box_narrows_the_list(qtbot, editor):
    panel = editor.history
    qtbot.keyClicks(panel.filter, "revenue")
    rows = shown(panel)
    assert rows and all("revenue" in row["field"].lower() for row in rows)
    panel.filter.clear()
    assert len(shown(panel)) > len(rows)


def test_revert_asks_then_reverts_and_ctrl_z_undoes_the_revert(
        qtbot, ctx, editor, workspace, revenue, asked, errors):
    panel = editor.history
    click_row(qtbot, panel, is_revenue_change)
    assert panel.revert_button.isEnabled()
    qtbot.mouseClick(panel.revert_button, Qt.MouseButton.LeftButton)
    assert asked == ["Set Operating revenue (10k CNY) of “Fiscal year 2025” back to 8,000?"]
    assert workspace.financials.year(revenue.id, 2025).operating_revenue == 8000
    top = shown(panel)[0]
    assert (top["action"], top["change"]) == ("Changed", "8,500.5 → 8,000")
    assert panel.selected().change.id == max(e.change.id for e in panel.model._entries)
    # the figures tab shows the reverted figure too (it listens to the same bus)
    assert [y.operating_revenue for y in editor.figures.grid.model.years()] == [8000]
    ctx.undo_stack.undo()                               # what Ctrl+Z does
    assert workspace.financials.year(revenue.id, 2025).operating_revenue == 8500.5
    ctx.undo_stack.redo()
    assert workspace.financials.year(revenue.id, 2025).operating_revenue == 8000
    assert errors == []


def test_saying_no_changes_nothing(qtbot, editor, workspace, revenue, asked):
    asked.answer = False
    click_row(qtbot, editor.history, is_revenue_change)
    qtbot.mouseClick(editor.history.revert_button, Qt.MouseButton.LeftButton)
    assert asked and workspace.financials.year(revenue.id, 2025).operating_revenue == 8500.5


def test_a_change_that_cannot_be_reverted_says_why(qtbot, editor):
    panel = editor.history
    click_row(qtbot, panel, lambda v: v["record"] == "Firm profile")
    assert not panel.revert_button.isEnabled()
    assert panel.note.text() == ("This change cannot be reverted: a firm is added and deleted "
                                 "in the firm list")


def test_a_refused_revert_is_explained_and_changes_nothing(qtbot, editor, workspace, revenue,
                                                           asked, errors):
    click_row(qtbot, editor.history, is_revenue_change)
    # someone else changes the figure meanwhile (another window, the CLI): no bus message here
    workspace.financials.set_year_from(revenue.id, {"year": 2025, "operating_revenue": "9000"})
    qtbot.mouseClick(editor.history.revert_button, Qt.MouseButton.LeftButton)
    assert errors == ["Operating revenue (10k CNY) has been changed again since: "
                      "it is now '9000'"]
    assert workspace.financials.year(revenue.id, 2025).operating_revenue == 9000
    assert shown(editor.history)[0]["change"] == "8,500.5 → 9,000"   # read again


def test_the_list_follows_changes_announced_on_the_bus(ctx, editor, workspace, revenue):
    workspace.financials.set_assessment_from(revenue.id, {"year": 2025, "digital_level": 3})
    ctx.bus.changed.emit("annual_assessment", revenue.id)
    assert shown(editor.history)[0]["record"] == "Annual assessment 2025"


def test_the_keyboard_reaches_revert(qtbot, editor, workspace, revenue, asked):
    panel = editor.history
    # the newest change (the revenue edit) is selected when the tab opens
    assert panel.selected().change.field == "operating_revenue"
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.selected().change.field != "operating_revenue"
    qtbot.keyClick(panel.table, Qt.Key.Key_Up)
    assert panel.selected().change.field == "operating_revenue"
    qtbot.keyClick(panel.table, Qt.Key.Key_Tab)
    assert panel.revert_button.hasFocus()
    qtbot.keyClick(panel.revert_button, Qt.Key.Key_Space)
    assert workspace.financials.year(revenue.id, 2025).operating_revenue == 8000
    assert "&R" in panel.revert_button.text()


def test_an_applications_changes_are_shown_beside_its_status_history(
        qtbot, ctx, errors, workspace, firm, asked):
    application = workspace.applications.create(r.Application(
        firm_id=firm.id, tier=Tier.SPECIALIZED, assessment_date=date(2026, 6, 30)))
    workspace.applications.move(application.id, ApplicationStatus.READY)
    workspace.applications.decide(application.id, "G6", Decision.PASS, "细分领域龙头")
    workspace.applications.decide(application.id, "G6", Decision.FAIL, "细分领域龙头")
    page = ApplicationsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    page.select(application.id)
    tabs = page.findChild(QTabWidget, "applicationHistoryTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Status history", "All changes"]
    tabs.setCurrentIndex(1)
    panel = page.changes
    rows = shown(panel)
    assert rows[0]["record"] == "Decision on G6" and rows[0]["change"] == "Passes → Fails"
    status = click_row(qtbot, panel, lambda v: v["field"] == "Status" and v["action"] == "Changed")
    assert status["change"] == "Draft → Ready" and not panel.revert_button.isEnabled()
    assert "only through the workflow" in panel.note.text()
    click_row(qtbot, panel, lambda v: v["field"] == "Decision" and v["action"] == "Changed")
    qtbot.mouseClick(panel.revert_button, Qt.MouseButton.LeftButton)
    assert workspace.applications.decisions(application.id)[0].decision is Decision.PASS
    assert errors == []


def test_the_model_passes_the_model_tester(qtmodeltester, editor):
    qtmodeltester.check(editor.history.model)
    qtmodeltester.check(editor.history.proxy)
