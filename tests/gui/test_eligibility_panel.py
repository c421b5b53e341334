"""The eligibility panel: the service's verdicts shown criterion by criterion, following edits,
the controls and the manual decisions recorded on an application."""
from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.domain.enums import Decision
from desktop.gui.dialogs.decision_dialog import DecisionDialog
from desktop.gui.models.verdict_tree import (
    CRITERION, EVIDENCE, GAP, NOTES, OUTCOME, VALUE, VerdictTreeModel, outcome_text,
)
from desktop.gui.widgets.eligibility_panel import EligibilityPanel

USCC = "91320505246682363J"   # 苏州精测传感科技有限公司 (criteria §10 Firm A)


@pytest.fixture
def firm_a(demo):
    return demo.firms.get_by_uscc(USCC)


@pytest.fixture
def panel(qtbot, ctx, demo, firm_a, errors):
    panel = EligibilityPanel(ctx)
    qtbot.addWidget(panel)
    panel.set_firm(firm_a.id)
    panel.resize(1000, 700)
    panel.show()
    return panel


def shown(panel, tier: int, criterion_id: str, column: int) -> str:
    return panel.model.data(panel.model.criterion_index(tier, criterion_id).siblingAtColumn(column))


def tier_shown(panel, tier: int) -> str:
    return panel.model.data(panel.model.tier_index(tier))


def choose_application(panel, application_id: int) -> None:
    panel.application.setCurrentIndex(panel.application.findData(application_id))


def test_the_verdicts_match_the_service(panel, demo, firm_a):
    verdict = demo.qualification.evaluate_firm(firm_a.id)
    assert panel.year.value() == 2026
    assert [t.tier for t in panel.verdicts] == [1, 2, 3]
    for tier in verdict.tiers:
        assert tier_shown(panel, tier.tier) == outcome_text(tier.outcome)
        for criterion in tier.criteria:
            assert shown(panel, tier.tier, criterion.id, OUTCOME) == outcome_text(criterion.outcome)
    assert tier_shown(panel, 2) == "Fail"
    assert shown(panel, 2, "S3.rd_amount", OUTCOME) == "Fail"
    gap = shown(panel, 2, "S3.rd_amount", GAP)
    assert "2024" in gap and "+5" in gap
    assert "R&D expense" in gap
    summary = panel.summary.text()
    assert "Fail" in summary and "2026 (2026.1)" in summary and "score 95 / 60" in summary


def test_values_evidence_alternatives_and_notes_are_in_words(panel, demo, firm_a):
    assert shown(panel, 1, "T1.ip", VALUE) == "self-developed Class I IP → 15"
    titles = {item.id: item.title for item in demo.evidence.items(firm_a.id)}
    used = shown(panel, 2, "S4.ip", EVIDENCE)
    assert titles[104] in used and titles[105] in used
    assert " or " in shown(panel, 3, "G5.share", GAP)
    assert "industrial" in shown(panel, 2, "size", NOTES)
    assert shown(panel, 2, "S3.rd_amount", CRITERION).startswith("S3.rd_amount · ")


@pytest.mark.parametrize("lang", ["zh_CN"], indirect=True)
def test_chinese_gaps_join_alternatives_with_huo(panel):
    assert " 或 " in shown(panel, 3, "G5.share", GAP)
    assert "2024" in shown(panel, 2, "S3.rd_amount", GAP)


def test_editing_a_figure_updates_the_verdict_at_once(panel, demo, firm_a, ctx):
    year = demo.financials.year(firm_a.id, 2024)
    demo.financials.set_year(dataclasses.replace(year, rd_expense=Decimal("100")))
    ctx.bus.changed.emit("fiscal_year", firm_a.id)
    assert shown(panel, 2, "S3.rd_amount", OUTCOME) == "Pass"
    assert tier_shown(panel, 2) == "Pending (manual decisions open)"
    assert tier_shown(panel, 2) == outcome_text(
        demo.qualification.evaluate_firm(firm_a.id).tiers[1].outcome)


def test_changes_of_other_firms_are_ignored(panel, ctx, firm_a):
    before = panel.verdicts
    ctx.bus.changed.emit("fiscal_year", firm_a.id + 1)
    assert panel.verdicts is before


def test_the_controls_choose_year_rulebook_and_kind(panel, demo, firm_a):
    panel.rulebook.setCurrentIndex(panel.rulebook.findData("2022"))
    expected = demo.qualification.evaluate_firm(firm_a.id, 2026, "2022")
    assert [t.rulebook for t in panel.verdicts] == ["2022"] * 3
    assert [tier_shown(panel, t.tier) for t in expected.tiers] == [
        outcome_text(t.outcome) for t in expected.tiers]
    panel.year.setValue(2025)
    assert panel.verdicts == demo.qualification.evaluate_firm(firm_a.id, 2025, "2022").tiers
    panel.kind.setCurrentIndex(panel.kind.findData("review"))
    from desktop.domain.enums import ApplicationKind
    assert panel.verdicts == demo.qualification.evaluate_firm(
        firm_a.id, 2025, "2022", ApplicationKind.REVIEW).tiers


def test_without_an_application_decisions_are_disabled_with_a_reason(panel):
    panel.select_criterion(2, "S5")
    assert not panel.decide_button.isEnabled()
    assert "application" in panel.decide_button.toolTip()


def test_a_decision_on_an_application_makes_the_criterion_pass(qtbot, panel, demo, firm_a,
                                                               monkeypatch, ctx):
    [application] = demo.applications.for_firm(firm_a.id)
    choose_application(panel, application.id)
    assert [t.tier for t in panel.verdicts] == [2]
    assert not panel.year.isEnabled()
    panel.select_criterion(2, "S5")
    assert shown(panel, 2, "S5", OUTCOME) == "Manual review"
    assert panel.decide_button.isEnabled()
    asked = []
    monkeypatch.setattr(DecisionDialog, "ask", classmethod(
        lambda cls, parent, title: asked.append(title) or (Decision.PASS, "seen on site")))
    qtbot.mouseClick(panel.decide_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0]
    assert shown(panel, 2, "S5", OUTCOME) == "Pass"
    assert "tester: seen on site" in shown(panel, 2, "S5", NOTES)
    [decision] = demo.applications.decisions(application.id)
    assert (decision.criterion_id, decision.decision, decision.note) == (
        "S5", Decision.PASS, "seen on site")
    ctx.undo_stack.undo()
    assert demo.applications.decisions(application.id) == []
    assert shown(panel, 2, "S5", OUTCOME) == "Manual review"


def test_decisions_and_a_fixed_figure_turn_the_tier_to_pass(qtbot, panel, demo, firm_a,
                                                           monkeypatch, ctx):
    [application] = demo.applications.for_firm(firm_a.id)
    choose_application(panel, application.id)
    monkeypatch.setattr(DecisionDialog, "ask", classmethod(
        lambda cls, parent, title: (Decision.PASS, "checked")))
    for criterion_id in ("S4.applied", "S5"):
        panel.select_criterion(2, criterion_id)
        qtbot.mouseClick(panel.decide_button, Qt.MouseButton.LeftButton)
    assert tier_shown(panel, 2) == "Fail"   # S3 still fails
    year = demo.financials.year(firm_a.id, 2024)
    demo.financials.set_year(dataclasses.replace(year, rd_expense=Decimal("100")))
    ctx.bus.changed.emit("fiscal_year", firm_a.id)
    assert tier_shown(panel, 2) == "Pass"
    # a decided criterion may be decided again; undo puts the earlier decision back
    panel.select_criterion(2, "S5")
    monkeypatch.setattr(DecisionDialog, "ask", classmethod(
        lambda cls, parent, title: (Decision.FAIL, "not convincing")))
    qtbot.mouseClick(panel.decide_button, Qt.MouseButton.LeftButton)
    assert tier_shown(panel, 2) == "Fail"
    ctx.undo_stack.undo()
    assert {d.criterion_id: d.note for d in demo.applications.decisions(application.id)}[
        "S5"] == "checked"
    assert tier_shown(panel, 2) == "Pass"


def test_the_decision_dialog_needs_a_choice_and_a_note(qtbot):
    dialog = DecisionDialog("Renown")
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.mouseClick(dialog.fail_button, Qt.MouseButton.LeftButton)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.note, "no evidence of renown")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.decision() is Decision.FAIL


def test_the_verdict_model_passes_the_model_tester(qtmodeltester, demo, firm_a):
    model = VerdictTreeModel()
    verdict = demo.qualification.evaluate_firm(firm_a.id)
    model.set_verdicts(verdict.tiers, {item.id: item.title
                                       for item in demo.evidence.items(firm_a.id)})
    qtmodeltester.check(model)
