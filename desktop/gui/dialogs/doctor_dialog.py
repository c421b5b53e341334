"""Tools → Check database: the doctor's report in a dialog, with a Repair button when a safe
repair exists; the check and the repair run off the GUI thread (tests replace `ask`, or drive
the real dialog)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QMainWindow, QPushButton,
    QVBoxLayout, QWidget,
)


class DoctorDialog(QDialog):
    def __init__(self, parent: QWidget | None, healthy: bool, ok: list[str],
                 problems: list[str], repairable: bool, done: list[str] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("doctorDialog")
        self.setWindowTitle(self.tr("Check database"))
        self.resize(760, 420)
        if healthy:
            heading = self.tr("Everything is in order.")
        else:
            heading = self.tr("Problems were found:")
        self.heading = QLabel(heading, objectName="doctorHeading")
        self.report = QListWidget(objectName="doctorReport")
        self.report.setWordWrap(True)
        # What the repair just did first, then what is wrong, then what is sound.
        for mark, lines in (("→", done), ("✗", problems), ("✓", ok)):
            for text in lines:
                QListWidgetItem(f"{mark} {text}", self.report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, objectName="doctorButtons")
        buttons.rejected.connect(self.reject)
        self.repair_button: QPushButton | None = None
        if repairable:
            self.repair_button = buttons.addButton(
                self.tr("Repair"), QDialogButtonBox.ButtonRole.AcceptRole)
            self.repair_button.setObjectName("repairButton")
            self.repair_button.setToolTip(self.tr(
                "Move orphaned files to the trash and restore missing or damaged files from "
                "the backups, as listed; nothing is deleted"))
            buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        if done:
            layout.addWidget(QLabel(self.tr("The repair is done."), objectName="doctorDone"))
        layout.addWidget(self.heading)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, healthy: bool, ok: list[str], problems: list[str],
            repairable: bool, done: list[str] = ()) -> bool:
        """Show the report (after a repair, `done` says what it did); True when the user
        chose Repair (offered only when `repairable`)."""
        dialog = cls(parent, healthy, ok, problems, repairable, done)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted and repairable
        finally:
            dialog.deleteLater()


def check_database(window: QMainWindow, integrity, done: list[str] = ()) -> None:
    """The doctor off the GUI thread; its report in the dialog; on Repair the repair, with
    progress, then the check again to show what it did and what remains."""
    from .. import i18n
    from ..tasks import run_task

    def checked(report) -> None:
        if report is None:
            return
        if DoctorDialog.ask(window, report.healthy, [i18n.render(m) for m in report.ok],
                            [i18n.render(m) for m in report.problems], report.repairable,
                            list(done)):
            run_task(window, QCoreApplication.translate("DoctorDialog", "Repairing…"),
                     lambda progress: integrity.repair(report, progress), repaired)

    def repaired(messages) -> None:
        if messages is None:
            return
        lines = [i18n.render(m) for m in messages]
        window.statusBar().showMessage("; ".join(lines) or QCoreApplication.translate(
            "DoctorDialog", "Nothing to repair."), 8000)
        check_database(window, integrity, lines)   # what it did and what remains

    run_task(window, QCoreApplication.translate("DoctorDialog", "Checking the database…"),
             lambda progress: integrity.check(), checked)
