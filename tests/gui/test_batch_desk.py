"""The batch desk: a batch's applications checked in the background, filters, bulk moves."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from desktop.domain.enums import ApplicationStatus, Tier
from desktop.gui.dialogs.batch_dialog import BatchDialog
from desktop.gui.dialogs.reason_dialog import ReasonDialog
from desktop.gui.models.batch_table import COLUMNS, ID_ROLE
from desktop.gui.widgets.batch_desk import BatchDeskPage

LITTLE_GIANTS = "2026年第八批专精特新“小巨人”企业"


@pytest.fixture
def page(qtbot, demo, ctx, errors):
    page = BatchDeskPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.choose_batch(LITTLE_GIANTS)
    return page


def column(page, name):
    return [page.proxy.index(row, COLUMNS.index(name)).data()
            for row in range(page.proxy.rowCount())]


def row_of(page, uscc):
    return column(page, "uscc").index(uscc)


def cell(page, uscc, name):
    return page.proxy.index(row_of(page, uscc), COLUMNS.index(name)).data()


def evaluate(qtbot, page):
    with qtbot.waitSignal(page.evaluated, timeout=60000):
        qtbot.mouseClick(page.evaluate_button, Qt.MouseButton.LeftButton)


def test_the_batch_lists_its_applications_before_any_check(page, demo):
    batch = demo.batches.get_by_name(LITTLE_GIANTS)
    assert page.proxy.rowCount() == len(demo.applications.in_batch(batch.id)) == 15
    assert set(column(page, "verdict")) == {"Not checked"}
    assert page.batch_info.text() == ("Tier 3 · little giant · By the assessment date · "
                                      "deadline 2026-05-25 · closed")
    assert cell(page, "913302127578401750", "region") == "浙江省宁波市鄞州区"
    assert page.checked_note.text() == "0 of 15 checked"


def test_checking_the_batch_shows_verdicts_and_gaps(qtbot, page, demo):
    evaluate(qtbot, page)
    assert page.checked_note.text() == "15 of 15 checked"
    assert cell(page, "913302127578401750", "verdict") == "Pass"
    assert cell(page, "91320411202823304W", "verdict") == "Fail"
    assert cell(page, "91320411202823304W", "first_gap").startswith("Main-business share")
    assert cell(page, "91340111871875750N", "verdict") == "Pending decisions"
    assert cell(page, "913302127578401750", "score") == "72.5"
    assert int(cell(page, "913302127578401750", "missing")) >= 2   # audited reports 2023, 2024
    batch = demo.batches.get_by_name(LITTLE_GIANTS)
    expected = {application.id: verdict.outcome.value
                for application, verdict in demo.qualification.evaluate_batch(batch.id)}
    shown = {page.proxy.index(row, 0).data(ID_ROLE): page.model.row(row).outcome
             for row in range(page.model.rowCount())}
    assert shown == expected

    page.verdict_filter.setCurrentIndex(page.verdict_filter.findData("pass"))
    assert set(column(page, "verdict")) == {"Pass"}
    assert page.proxy.rowCount() == sum(1 for v in expected.values() if v == "pass")
    page.verdict_filter.setCurrentIndex(0)
    page.table.sortByColumn(COLUMNS.index("missing"), Qt.SortOrder.DescendingOrder)
    missing = [int(value) for value in column(page, "missing")]
    assert missing == sorted(missing, reverse=True)


def test_cancel_keeps_what_was_checked(qtbot, page, monkeypatch):
    from desktop.services import application_verdicts

    monkeypatch.setattr(application_verdicts, "CHUNK", 4)   # judged four at a time
    with qtbot.waitSignal(page.evaluated, timeout=60000):
        qtbot.mouseClick(page.evaluate_button, Qt.MouseButton.LeftButton)
        assert not page.evaluate_button.isEnabled()
        page._task.dialog.canceled.emit()   # the progress dialog's Cancel button
    checked = [value for value in column(page, "verdict") if value != "Not checked"]
    assert 1 <= len(checked) < 15
    assert page.checked_note.text() == f"{len(checked)} of 15 checked"
    qtbot.waitUntil(page.evaluate_button.isEnabled)


def test_bulk_move_applies_where_legal_and_reports_the_rest(qtbot, page, demo, monkeypatch):
    page.status_filter.setCurrentIndex(page.status_filter.findData("submitted"))
    assert page.proxy.rowCount() == 2
    submitted = [page.proxy.index(row, 0).data(ID_ROLE) for row in range(2)]
    page.status_filter.setCurrentIndex(0)
    approved = next(page.proxy.index(row, 0) for row in range(page.proxy.rowCount())
                    if page.proxy.index(row, COLUMNS.index("status")).data() == "Approved")
    selection = page.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for application_id in submitted:
        row = next(r for r in range(page.proxy.rowCount())
                   if page.proxy.index(r, 0).data(ID_ROLE) == application_id)
        selection.select(page.proxy.index(row, 0), flags)
    selection.select(approved, flags)
    approved_id = approved.data(ID_ROLE)
    assert sorted(page.selected_ids()) == sorted(submitted + [approved_id])
    assert page.bulk_button.isEnabled()

    monkeypatch.setattr(ReasonDialog, "ask", classmethod(
        lambda cls, *args, **kwargs: pytest.fail("a recommendation needs no reason")))
    page.findChild(QAction, "bulk_recommended").trigger()
    for application_id in submitted:
        assert demo.applications.get(application_id).status is ApplicationStatus.RECOMMENDED
    firm = demo.firms.get(demo.applications.get(approved_id).firm_id)
    assert page.bulk_report.text() == (
        "Moved 2 of 3 to “Recommended”.\nSkipped:\n"
        f"{firm.name}: cannot move from “Approved” to “Recommended”")
    assert column(page, "status").count("Recommended") == 5
    assert column(page, "status").count("Submitted") == 0


def test_bulk_rejection_asks_one_reason_and_cancel_moves_nothing(qtbot, page, demo, monkeypatch):
    page.status_filter.setCurrentIndex(page.status_filter.findData("recommended"))
    page.table.selectAll()
    ids = page.selected_ids()
    answers = iter([None, "名额已满"])
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(
        lambda cls, parent, title, prompt, required=True: next(answers)))
    page.findChild(QAction, "bulk_rejected").trigger()
    assert {demo.applications.get(i).status for i in ids} == {ApplicationStatus.RECOMMENDED}
    page.findChild(QAction, "bulk_rejected").trigger()
    assert {demo.applications.get(i).status for i in ids} == {ApplicationStatus.REJECTED}
    assert {demo.applications.history(i)[-1].reason for i in ids} == {"名额已满"}


def test_a_new_batch_through_the_dialog(qtbot, page, demo, monkeypatch):
    def ask(cls, parent, today=None):
        dialog = cls(parent, today)
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.name, "2027 pilot batch")
        dialog.tier.setCurrentIndex(dialog.tier.findData(2))
        dialog.rulebook.setCurrentIndex(dialog.rulebook.findData("2026"))
        qtbot.keyClicks(dialog.region, "320500")
        qtbot.keyClick(dialog.has_deadline, Qt.Key.Key_Space)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted
        return dialog.batch()

    monkeypatch.setattr(BatchDialog, "ask", classmethod(ask))
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    batch = demo.batches.get_by_name("2027 pilot batch")
    assert (batch.tier, batch.rulebook.value, batch.region_code, batch.deadline.isoformat()) == \
        (Tier.SPECIALIZED, "2026", "320500", "2026-11-27")
    assert page.batch_choice.currentText() == "2027 pilot batch"
    assert page.proxy.rowCount() == 0


def test_the_exports_need_a_selection_or_a_batch(page):
    # The exports themselves are in test_export_actions.py.
    assert not page.findChild(QPushButton, "exportExcelButton").isEnabled()   # no selection
    assert page.findChild(QPushButton, "exportFormsButton").isEnabled()       # a batch is shown


def test_models_pass_the_model_tester(qtbot, qtmodeltester, page):
    evaluate(qtbot, page)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
