"""The applications page: create through the dialog, legal status moves only, reasons for
returns, the status history and the completeness checklist."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from desktop.domain.enums import ApplicationStatus, Tier
from desktop.gui.dialogs.application_dialog import ApplicationDialog
from desktop.gui.dialogs.reason_dialog import ReasonDialog
from desktop.gui.models.application_table import ID_ROLE
from desktop.gui.widgets.applications import ApplicationsPage


def type_text(widget, text: str) -> None:
    """Chinese text arrives through the input method (QTest.keyClicks would abort)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def fake_application_dialog(monkeypatch, qtbot, *, firm: str, tier: int, score: str = "",
                            day: QDate | None = None, chinese: bool = False):
    """Replace ApplicationDialog.ask by one that fills the real dialog as a user would."""
    seen = {}

    def ask(cls, parent, workspace, firm_id=None):
        dialog = cls(parent, workspace, firm_id)
        qtbot.addWidget(dialog)
        if chinese:
            type_text(dialog.firm.lineEdit(), firm)
        else:
            qtbot.keyClicks(dialog.firm.lineEdit(), firm)
        dialog.tier.setCurrentIndex(dialog.tier.findData(tier))
        if day is not None:
            dialog.assessment_date.setDate(day)
        qtbot.keyClicks(dialog.platform_score, score)
        seen["batches"] = [dialog.batch.itemText(i) for i in range(dialog.batch.count())]
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        seen["problems"] = dialog.problems.text()
        if dialog.result() != QDialog.DialogCode.Accepted:
            return None
        return dialog.application()

    monkeypatch.setattr(ApplicationDialog, "ask", classmethod(ask))
    return seen


@pytest.fixture
def page(qtbot, ctx, errors):
    page = ApplicationsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def statuses_enabled(page):
    return {status.value for status, button in page.move_buttons.items() if button.isEnabled()}


def test_create_move_and_return_an_application(qtbot, page, workspace, firm, monkeypatch, errors):
    seen = fake_application_dialog(monkeypatch, qtbot, firm=firm.uscc, tier=1, score="61.5",
                                   day=QDate(2026, 11, 20))
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert seen["problems"] == "" and errors == []
    assert seen["batches"] == ["(no batch)"]
    [application] = workspace.applications.for_firm(firm.id)
    assert (application.tier, str(application.platform_score), application.status) == \
        (Tier.INNOVATIVE, "61.5", ApplicationStatus.DRAFT)
    assert application.assessment_date.isoformat() == "2026-11-20"
    assert page.selected_id() == application.id
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 0).data() == firm.name
    assert page.proxy.index(0, 6).data() == "Draft"

    assert statuses_enabled(page) == {"ready", "withdrawn"}
    assert not page.findChild(type(page.new_button), "move_submitted").isEnabled()
    qtbot.mouseClick(page.findChild(type(page.new_button), "move_ready"), Qt.MouseButton.LeftButton)
    assert statuses_enabled(page) == {"draft", "submitted", "withdrawn"}
    qtbot.mouseClick(page.move_buttons[ApplicationStatus.SUBMITTED], Qt.MouseButton.LeftButton)
    assert workspace.applications.get(application.id).status is ApplicationStatus.SUBMITTED
    assert statuses_enabled(page) == {"returned", "recommended", "withdrawn"}
    assert not page.move_buttons[ApplicationStatus.APPROVED].isEnabled()

    asked = []
    answers = iter([None, "", "  缺少2025年度审计报告  "])   # cancel, empty, a reason
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(
        lambda cls, parent, title, prompt, required=True: asked.append(required) or next(answers)))
    returned = page.move_buttons[ApplicationStatus.RETURNED]
    qtbot.mouseClick(returned, Qt.MouseButton.LeftButton)     # cancelled: nothing moves
    assert workspace.applications.get(application.id).status is ApplicationStatus.SUBMITTED
    assert errors == []
    qtbot.mouseClick(returned, Qt.MouseButton.LeftButton)     # empty: the service refuses
    assert errors == ["Reason: a reason is required to move to returned"]
    assert workspace.applications.get(application.id).status is ApplicationStatus.SUBMITTED
    qtbot.mouseClick(returned, Qt.MouseButton.LeftButton)
    assert asked == [True, True, True]
    assert workspace.applications.get(application.id).status is ApplicationStatus.RETURNED
    last = workspace.applications.history(application.id)[-1]
    assert (last.from_status, last.to_status, last.reason, last.who) == (
        ApplicationStatus.SUBMITTED, ApplicationStatus.RETURNED, "缺少2025年度审计报告", "tester")
    history = [page.history.item(i).text() for i in range(page.history.count())]
    assert history == [
        "2026-11-27 09:30 · tester · created → Draft",
        "2026-11-27 09:30 · tester · Draft → Ready",
        "2026-11-27 09:30 · tester · Ready → Submitted",
        "2026-11-27 09:30 · tester · Submitted → Returned — 缺少2025年度审计报告"]
    assert page.proxy.index(0, 6).data() == "Returned"
    assert statuses_enabled(page) == {"draft", "ready", "withdrawn"}


def test_a_dialog_that_names_no_firm_is_refused_in_place(qtbot, ctx, workspace, firm, errors):
    dialog = ApplicationDialog(None, workspace)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.platform_score, "abc")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problems.text().splitlines() == ["Firm: is required",
                                                   "Platform score: 'abc' is not a number"]


def test_the_dialog_offers_only_open_batches_of_the_tier(qtbot, demo, page, monkeypatch):
    seen = fake_application_dialog(monkeypatch, qtbot, firm="精测", tier=1, chinese=True)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert seen["batches"] == ["(no batch)", "2026年科技和创新型中小企业（第四批）"]
    firm = demo.firms.get_by_uscc("91320505246682363J")
    tiers = [a.tier for a in demo.applications.for_firm(firm.id)]
    assert tiers == [Tier.SPECIALIZED, Tier.INNOVATIVE]


def test_filters_and_sorting(qtbot, demo, page):
    total = len(demo.applications.overview())
    assert page.proxy.rowCount() == total
    page.status_filter.setCurrentIndex(page.status_filter.findData("returned"))
    shown = {page.proxy.index(row, 6).data() for row in range(page.proxy.rowCount())}
    assert shown == {"Returned"} and page.proxy.rowCount() == 5
    page.tier_filter.setCurrentIndex(page.tier_filter.findData(3))
    assert page.proxy.rowCount() == 4
    page.status_filter.setCurrentIndex(0)
    page.tier_filter.setCurrentIndex(0)
    page.table.sortByColumn(7, Qt.SortOrder.AscendingOrder)     # ranking, unranked last
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)     # USCC
    usccs = [page.proxy.index(row, 1).data() for row in range(page.proxy.rowCount())]
    assert usccs == sorted(usccs)


def test_the_checklist_lists_what_a_demo_application_misses(qtbot, demo, page):
    firm = demo.firms.get_by_uscc("91320505246682363J")
    [application] = demo.applications.for_firm(firm.id)
    assert page.select(application.id)
    lines = [page.checklist.item(i).text() for i in range(page.checklist.count())]
    assert lines[:3] == [
        "✗ R&D expense ≥ 1 million CNY in each of the last two years: "
        "R&D expense (10k CNY) of 2024 needs +5",
        "✗ The IP is applied in practice and yields economic benefit: "
        "needs a person's decision, recorded with a note",
        "✗ Leading product ranks well in its domestic or international niche, with some renown: "
        "needs a person's decision, recorded with a note"]
    assert "✓ audited financial report for 2024 — on file: 2024年度审计报告 (苏信审字[2025]第0612号)" in lines
    assert page.checklist_summary.text() == "Fail · 3 item(s) still missing"
    assert page.checklist.item(0).foreground().color().name() == "#b3261e"
    history = [page.history.item(i).text() for i in range(page.history.count())]
    assert history[-1].endswith("Submitted → Returned — 2024年度研发费用95万元，低于100万元"
                                "（2026年标准要求近两年每年均不低于100万元且占比≥3%）。")
    assert statuses_enabled(page) == {"draft", "ready", "withdrawn"}


def test_the_checklist_names_a_missing_audited_report(qtbot, demo, page):
    firm = demo.firms.get_by_uscc("91320612958563549T")
    [application] = demo.applications.for_firm(firm.id)
    page.select(application.id)
    lines = [page.checklist.item(i).text() for i in range(page.checklist.count())]
    assert "✗ audited financial report for 2025 — not on file yet" in lines


def test_the_page_follows_data_changes(qtbot, demo, page, ctx):
    firm = demo.firms.get_by_uscc("91320505246682363J")
    [application] = demo.applications.for_firm(firm.id)
    page.select(application.id)
    demo.applications.move(application.id, ApplicationStatus.DRAFT)
    ctx.bus.changed.emit("application", firm.id)
    assert page.selected_id() == application.id
    assert statuses_enabled(page) == {"ready", "withdrawn"}


def test_models_pass_the_model_tester(qtmodeltester, demo, page):
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    assert page.proxy.index(0, 0).data(ID_ROLE) is not None
