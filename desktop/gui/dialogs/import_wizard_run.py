"""The import wizard's last two steps: the dry run with its problems and report, and the
import itself in the background."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QLabel,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWizardPage,
)

from desktop.domain.errors import Cancelled, DomainError

from .. import i18n
from ..errors import show_error
from ..tasks import run_task

if TYPE_CHECKING:
    from .import_wizard import ImportWizard


def _cancelled(error: BaseException) -> bool:
    """The progress callback answered False: the user cancelled."""
    return isinstance(error, Cancelled)


class PreviewPage(QWizardPage):
    """A dry run: what would be created, updated, left unchanged or refused, and why."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("Nothing has been written yet."))
        self.setCommitPage(True)
        self.counts = QLabel(objectName="previewCounts")
        self.counts.setWordWrap(True)
        self.problems = QTableWidget(0, 5, objectName="problemsTable")
        self.problems.setHorizontalHeaderLabels([self.tr("Sheet"), self.tr("Row"),
                                                 self.tr("Column"), self.tr("Value"),
                                                 self.tr("Problem")])
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.verticalHeader().hide()
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.skip_invalid = QCheckBox(self.tr("Import only the valid rows"),
                                      objectName="skipInvalid")
        self.report_button = QPushButton(self.tr("Save report…"), objectName="saveReportButton")
        self.report_note = QLabel(objectName="reportNote")
        bottom = QHBoxLayout()
        bottom.addWidget(self.skip_invalid)
        bottom.addStretch(1)
        bottom.addWidget(self.report_note)
        bottom.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.problems, 1)
        layout.addLayout(bottom)
        self.skip_invalid.toggled.connect(lambda _on: self.completeChanged.emit())
        self.report_button.clicked.connect(self._on_report_button_clicked)
        self.outcome = None   # the ImportResult, or the DomainError refusing the file
        self._task = None

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        wizard = self._wizard
        self.outcome = None
        self.counts.setText(self.tr("Checking every row…"))
        self.problems.setRowCount(0)
        self.report_note.clear()
        self.report_button.setEnabled(False)
        self.completeChanged.emit()
        path, mapping, transfer = wizard.path, wizard.mapping, wizard.transfer

        def work(report):
            try:
                return transfer.import_workbook(path, dry_run=True, mapping=mapping,
                                                progress=report)
            except DomainError as error:   # the file as a whole: shown on this page
                return error
            except Exception as error:
                if _cancelled(error):
                    return None
                raise

        self._task = run_task(self, self.tr("Checking the workbook…"), work, self._on_done)

    def _on_done(self, outcome) -> None:
        self._task = None
        self.outcome = outcome
        self._wizard.preview = outcome if outcome is not None and \
            not isinstance(outcome, DomainError) else None
        if outcome is None:
            self.counts.setText(self.tr("The check was cancelled."))
        elif isinstance(outcome, DomainError):
            self.counts.setText(self.tr("The workbook cannot be imported:") + "\n" +
                                "\n".join(i18n.render(m) for m in outcome.messages))
            self.report_button.setEnabled(True)
        else:
            self.counts.setText(self.counts_text(outcome))
            self._show_problems(list(outcome.issues) + list(outcome.warnings))
            self.report_button.setEnabled(True)
        self.completeChanged.emit()
        self._wizard.previewed.emit(outcome)

    def counts_text(self, result) -> str:
        text = self.tr("{created} to create · {updated} to update · {unchanged} unchanged · "
                       "{refused} refused").format(
            created=result.created, updated=result.updated, unchanged=result.unchanged,
            refused=result.refused)
        if result.refused:
            text += "\n" + self.tr("Rows with problems are listed below. Correct the workbook, "
                                   "or import only the valid rows.")
        return text

    def _show_problems(self, issues) -> None:
        self.problems.setRowCount(len(issues))
        for row, issue in enumerate(issues):
            value = "" if issue.value is None else str(issue.value)
            for column, text in enumerate((issue.sheet, str(issue.row or ""), issue.column,
                                           value, i18n.render(issue.message))):
                self.problems.setItem(row, column, QTableWidgetItem(text))
        self.problems.resizeColumnsToContents()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        result = self._wizard.preview
        if result is None:
            return False
        if result.refused and not self.skip_invalid.isChecked():
            return False   # all or nothing would write nothing
        return result.created + result.updated > 0

    def _on_report_button_clicked(self) -> None:
        if self.outcome is None:
            return
        stem = self._wizard.path.stem if self._wizard.path else "import"
        target = type(self._wizard).choose_report_file(self, f"{stem}-report.xlsx")
        if not target:
            return
        try:
            written = self._wizard.transfer.write_report(Path(target), self.outcome,
                                                         i18n.language())
        except Exception as error:
            show_error(self, error)
            return
        self.report_note.setText(self.tr("Report saved: {path}").format(path=written))


class ImportPage(QWizardPage):
    """The import itself, in the background with progress and cancel; then its result."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Import"))
        self.summary = QLabel(objectName="importResult")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self._done = False

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        wizard = self._wizard
        self._done = False
        self.summary.setText(self.tr("Importing…"))
        path, mapping, transfer = wizard.path, wizard.mapping, wizard.transfer
        skip = wizard.preview_page.skip_invalid.isChecked()
        backups = wizard.ctx.workspace.backups

        def work(report):
            try:
                backups.backup(reason="before-import")  # automatic, before anything is written
                return transfer.import_workbook(path, skip_invalid=skip, mapping=mapping,
                                                progress=report)
            except Exception as error:
                if _cancelled(error):
                    return None
                raise

        task = run_task(self, self.tr("Importing the workbook…"), work, self._on_done)
        task.finished.connect(self._on_task_finished)

    def _on_done(self, result) -> None:
        self._wizard.result = result
        if result is None:
            self.summary.setText(self.tr("The import was cancelled; nothing was written."))
            return
        text = self.tr("{created} created · {updated} updated · {unchanged} unchanged · "
                       "{refused} refused").format(
            created=result.created, updated=result.updated, unchanged=result.unchanged,
            refused=result.refused)
        if result.committed:
            text = self.tr("Imported.") + "\n" + text
            self._wizard.ctx.bus.changed.emit("firm", 0)
        else:
            text = self.tr("Nothing was written.") + "\n" + text + "\n" + "\n".join(
                i18n.render(issue.message) for issue in result.issues[:20])
        self.summary.setText(text)

    def _on_task_finished(self, result) -> None:
        if result is None and self._wizard.result is None and self._done is False \
                and self.summary.text() == self.tr("Importing…"):
            self.summary.setText(self.tr("The import failed; nothing was written."))
        self._done = True
        self.completeChanged.emit()
        self._wizard.imported.emit(self._wizard.result)

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self._done


