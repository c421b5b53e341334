"""Eligibility panel of the firm editor: the firm's verdict for every tier (or one
application's verdict), criterion by criterion, re-evaluated whenever the firm's data changes;
manual decisions are recorded on an application."""
from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSpinBox, QTreeView, QVBoxLayout, QWidget,
)

from desktop.domain.enums import ApplicationKind
from desktop.domain.verdicts import Outcome, TierOutcome, TierVerdict

from .. import i18n, undo
from ..dialogs.decision_dialog import DecisionDialog
from ..errors import error_text, show_error
from ..models.verdict_tree import (
    CRITERION, COLOURS, GAP, VerdictTreeModel, outcome_text, value_text,
)


class EligibilityPanel(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workspace = ctx.workspace
        self.firm_id = 0
        self.verdicts: tuple[TierVerdict, ...] = ()
        self.year = QSpinBox(objectName="yearSpin")
        self.year.setRange(2000, 2100)
        self.year.setValue(self.workspace.context.today().year)
        self.rulebook = QComboBox(objectName="rulebookCombo")
        self.rulebook.addItem(self.tr("Automatic (by date and kind)"), "")
        self.rulebook.addItem("2022", "2022")
        self.rulebook.addItem("2026", "2026")
        self.kind = QComboBox(objectName="kindCombo")
        self.kind.addItem(self.tr("New application"), ApplicationKind.NEW.value)
        self.kind.addItem(self.tr("Re-review"), ApplicationKind.REVIEW.value)
        self.application = QComboBox(objectName="applicationCombo")
        self.summary = QLabel(objectName="verdictSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = VerdictTreeModel(self)
        self.tree = QTreeView(objectName="eligibilityTree")
        self.tree.setModel(self.model)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 160), (CRITERION, 280), (GAP, 260)):
            header.resizeSection(column, width)
        self.decide_button = QPushButton(self.tr("Record decision…"),
                                         objectName="recordDecisionButton")
        self.clear_button = QPushButton(self.tr("Clear decision"),
                                        objectName="clearDecisionButton")
        self._build_layout()
        self.year.valueChanged.connect(self._on_year_valueChanged)
        self.rulebook.currentIndexChanged.connect(self._on_rulebook_currentIndexChanged)
        self.kind.currentIndexChanged.connect(self._on_kind_currentIndexChanged)
        self.application.currentIndexChanged.connect(self._on_application_currentIndexChanged)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_currentChanged)
        self.decide_button.clicked.connect(self._on_decide_button_clicked)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        ctx.bus.changed.connect(self._on_bus_changed)
        self._fill_applications()
        self._update_buttons()

    def _build_layout(self) -> None:
        controls = QGridLayout()
        rows = ((self.tr("Application year"), self.year), (self.tr("Rulebook"), self.rulebook),
                (self.tr("Kind"), self.kind), (self.tr("Application"), self.application))
        for number, (text, widget) in enumerate(rows):
            if isinstance(widget, QComboBox):   # long batch names must not widen the panel
                widget.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                widget.setMinimumContentsLength(12)
            controls.addWidget(QLabel(text), number // 2, (number % 2) * 2)
            controls.addWidget(widget, number // 2, (number % 2) * 2 + 1)
        controls.setColumnStretch(3, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.decide_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

    # -- what is shown ---------------------------------------------------------------------

    def set_firm(self, firm_id: int) -> None:
        self.firm_id = firm_id
        self._fill_applications(keep=False)
        self.evaluate()

    def application_id(self) -> int:
        return int(self.application.currentData() or 0)

    def _fill_applications(self, keep: bool = True) -> None:
        chosen = self.application_id() if keep else 0
        self.application.blockSignals(True)
        self.application.clear()
        self.application.addItem(self.tr("— firm only —"), 0)
        try:
            applications = (self.workspace.applications.for_firm(self.firm_id)
                            if self.firm_id else [])
        except Exception:  # the firm is gone: nothing to list
            applications = []
        for application in applications:
            self.application.addItem(self._application_text(application), application.id)
        self.application.setCurrentIndex(max(self.application.findData(chosen), 0))
        self.application.blockSignals(False)
        self._update_controls()

    def _application_text(self, application) -> str:
        batch = ""
        if application.batch_id is not None:
            try:
                batch = self.workspace.batches.get(application.batch_id).name
            except Exception:
                batch = ""
        day = application.assessment_date.isoformat() if application.assessment_date else ""
        parts = [self.tr("Tier {tier}").format(tier=int(application.tier)), batch, day,
                 f"#{application.id}"]
        return " · ".join(part for part in parts if part)

    def _update_controls(self) -> None:
        firm_only = self.application_id() == 0
        hint = "" if firm_only else self.tr(
            "The application sets the year, rulebook and kind.")
        for widget in (self.year, self.rulebook, self.kind):
            widget.setEnabled(firm_only)
            widget.setToolTip(hint)

    def evaluate(self) -> None:
        """Judge the firm (or the chosen application) again from the current data."""
        where = self._current_place()
        if not self.firm_id:
            self._show((), "")
            return
        try:
            application_id = self.application_id()
            if application_id:
                verdict = self.workspace.qualification.evaluate_application(application_id)
                tiers, head = (verdict,), ""
            else:
                firm = self.workspace.qualification.evaluate_firm(
                    self.firm_id, self.year.value(), self.rulebook.currentData() or None,
                    ApplicationKind(self.kind.currentData()))
                tiers = firm.tiers
                size = i18n.label(firm.size_class) if firm.size_class else "—"
                head = self.tr("Y = {year} · size class: {size}").format(year=firm.year, size=size)
            titles = {item.id: item.title for item in self.workspace.evidence.items(self.firm_id)}
        except Exception as error:  # e.g. the firm was just deleted; say so, quietly
            self.model.set_verdicts((), {})
            self.verdicts = ()
            self.summary.setText(html.escape(error_text(error)))
            self._update_buttons()
            return
        self.model.set_verdicts(tiers, titles)
        self._show(tiers, head)
        self.tree.expandAll()
        self._restore_place(where)

    def _show(self, tiers, head: str) -> None:
        self.verdicts = tuple(tiers)
        if not tiers:
            self.model.set_verdicts((), {})
        lines = [html.escape(head)] if head else []
        lines += [self._tier_summary(tier) for tier in tiers]
        self.summary.setText("<br>".join(lines))
        self._update_buttons()

    def _tier_summary(self, tier: TierVerdict) -> str:
        lang = i18n.language()
        colour = COLOURS[tier.outcome.value]
        parts = [self.tr("Rulebook {rulebook} ({version})").format(
            rulebook=tier.rulebook, version=tier.rulebook_version)]
        if tier.score is not None:
            at_least = "≥ " if tier.outcome is TierOutcome.INCOMPLETE else ""
            groups = " + ".join(f"{i18n.label(group)} {points}"
                                for group, points in tier.group_scores.items())
            parts.append(self.tr("score {score} / {needed} ({groups})").format(
                score=f"{at_least}{tier.score}", needed=tier.score_needed, groups=groups))
            if tier.direct_route:
                parts.append(self.tr("direct route {route}").format(route=tier.direct_route))
        name = self.tr("Tier {tier} · {title}").format(tier=tier.tier, title=tier.title.get(lang))
        verdict = html.escape(outcome_text(tier.outcome))
        text = (f"<b>{html.escape(name)}</b>: <span style='color:{colour}'><b>{verdict}</b></span>"
                f" · {html.escape(' · '.join(parts))}")
        if tier.interpretations:
            readings = "; ".join(value_text(reading) for reading in tier.interpretations)
            text += "<br>&nbsp;&nbsp;" + html.escape(
                self.tr("Rests on interpretations: {readings}").format(readings=readings))
        return text

    def _current_place(self) -> tuple[int, str] | None:
        index = self.tree.currentIndex()
        tier = self.model.tier_at(index)
        if tier is None:
            return None
        criterion = self.model.criterion_at(index)
        return tier.tier, criterion.id if criterion else ""

    def _restore_place(self, place) -> None:
        if place is None:
            return
        tier, criterion_id = place
        index = (self.model.criterion_index(tier, criterion_id) if criterion_id
                 else self.model.tier_index(tier))
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def select_criterion(self, tier: int, criterion_id: str) -> None:
        index = self.model.criterion_index(tier, criterion_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    # -- manual decisions ------------------------------------------------------------------

    def current_criterion(self):
        return self.model.criterion_at(self.tree.currentIndex())

    def _update_buttons(self) -> None:
        criterion = self.current_criterion()
        decidable = criterion is not None and (criterion.outcome is Outcome.MANUAL
                                               or bool(criterion.decided_by))
        if not self.application_id():
            self.decide_button.setEnabled(False)
            self.decide_button.setToolTip(self.tr(
                "Decisions are recorded on an application: choose one under “Application”."))
        else:
            self.decide_button.setEnabled(decidable)
            self.decide_button.setToolTip("" if decidable else self.tr(
                "Select a criterion that needs a person's decision."))
        self.clear_button.setEnabled(bool(self.application_id()) and criterion is not None
                                     and bool(criterion.decided_by))

    def _decision_of(self, application_id: int, criterion_id: str):
        return next((decision for decision in self.workspace.applications.decisions(application_id)
                     if decision.criterion_id == criterion_id), None)

    def _push_decision(self, text: str, do, criterion_id: str) -> None:
        application_id = self.application_id()
        applications = self.workspace.applications
        old = self._decision_of(application_id, criterion_id)
        if old is None:
            def undo_it():
                applications.clear_decision(application_id, criterion_id)
        else:
            def undo_it():
                applications.decide(application_id, criterion_id, old.decision, old.note)
        try:
            undo.push(self.ctx, text, do, undo_it, "application", self.firm_id)
        except Exception as error:
            show_error(self, error)

    def record_decision(self) -> None:
        criterion, application_id = self.current_criterion(), self.application_id()
        if criterion is None or not application_id:
            return
        title = criterion.title.get(i18n.language())
        answer = DecisionDialog.ask(self, title)
        if answer is None:
            return
        decision, note = answer
        self._push_decision(
            self.tr("Decide “{criterion}”").format(criterion=title),
            lambda: self.workspace.applications.decide(application_id, criterion.id, decision,
                                                       note), criterion.id)

    def clear_decision(self) -> None:
        criterion, application_id = self.current_criterion(), self.application_id()
        if criterion is None or not application_id:
            return
        self._push_decision(
            self.tr("Clear the decision on “{criterion}”").format(
                criterion=criterion.title.get(i18n.language())),
            lambda: self.workspace.applications.clear_decision(application_id, criterion.id),
            criterion.id)

    # -- slots -----------------------------------------------------------------------------

    def _on_year_valueChanged(self, _value: int) -> None:
        self.evaluate()

    def _on_rulebook_currentIndexChanged(self, _index: int) -> None:
        self.evaluate()

    def _on_kind_currentIndexChanged(self, _index: int) -> None:
        self.evaluate()

    def _on_application_currentIndexChanged(self, _index: int) -> None:
        self._update_controls()
        self.evaluate()

    def _on_tree_currentChanged(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()

    def _on_decide_button_clicked(self) -> None:
        self.record_decision()

    def _on_clear_button_clicked(self) -> None:
        self.clear_decision()

    def _on_bus_changed(self, table: str, firm_id: int) -> None:
        if not self.firm_id or firm_id not in (self.firm_id, 0):
            return
        if table in ("application", "batch", "firm"):
            self._fill_applications()
        self.evaluate()
