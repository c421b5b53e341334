"""File and Tools actions on the whole database: load the demo data, export the data workbook,
back up, restore a backup.

Each runs off the GUI thread with progress (the services do the work, all or nothing); the
window's status bar says what was done. Texts keep the MainWindow translation context,
written out in each call: lupdate reads only literal translate calls.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.domain.errors import Cancelled
from desktop.domain.messages import Message

from . import i18n
from .tasks import run_task


class BackupFileDialog:
    """Choosing a backup to restore; tests replace `choose`."""

    @classmethod
    def choose(cls, parent, folder: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("BackupFileDialog", "Restore from a backup"),
            folder, QCoreApplication.translate("BackupFileDialog", "SRDI Desk backups (*.zip)"))
        return path or None


def _say(window, message: Message) -> None:
    window.statusBar().showMessage(i18n.render(message), 8000)


def load_demo(window) -> None:
    from desktop.services.demo import load_demo as load

    def done(result) -> None:
        if result is not None:
            _say(window, result.message)
        window.ctx.bus.changed.emit("firm", 0)

    run_task(window, QCoreApplication.translate("MainWindow", "Loading the demo data…"),
             lambda report: load(window.ctx.workspace), done)


def export_data(window) -> None:
    """Every firm with its figures and evidence, as the data workbook `import` reads."""
    from .dialogs.export_paths import ExportPaths

    today = window.ctx.workspace.context.today()
    target = ExportPaths.save_workbook(
        window, QCoreApplication.translate("MainWindow", "Export the data workbook"),
        f"srdi-data-{today.isoformat()}.xlsx")
    if not target:
        return
    transfer = window.ctx.workspace.transfer

    def work(report):
        try:
            return transfer.export_data(Path(target), report)
        except Cancelled:   # no file is left behind
            return None

    def done(path) -> None:
        if path is None:
            window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "The export was cancelled."), 8000)
            return
        _say(window, Message("export.data_done", {"path": path}))

    run_task(window, QCoreApplication.translate("MainWindow", "Exporting the data workbook…"),
             work, done)


def back_up(window) -> None:
    """A manual backup into the backups folder, off the GUI thread."""
    backups = window.ctx.workspace.backups

    def done(path) -> None:
        if path is not None:
            _say(window, Message("backup.done", {"path": path}))

    run_task(window, QCoreApplication.translate("MainWindow", "Backing up…"),
             lambda report: backups.backup(), done)


def restore_backup(window) -> None:
    """Choose a backup, confirm, restore it (checked first; the current data backed up)."""
    from .dialogs.confirm import ConfirmDialog

    backups = window.ctx.workspace.backups
    chosen = BackupFileDialog.choose(window, str(backups.folder))
    if not chosen:
        return
    if not ConfirmDialog.ask(window, QCoreApplication.translate(
            "MainWindow",
            "Replace all current data with the backup {name}? The current data is backed "
            "up first.").format(name=Path(chosen).name)):
        return

    def done(safety) -> None:
        if safety is None:
            return
        _say(window, Message("backup.restored", {"path": chosen, "safety": safety}))
        window.ctx.undo_stack.clear()  # its commands describe the data before the restore
        window.ctx.bus.changed.emit("firm", 0)

    run_task(window, QCoreApplication.translate("MainWindow", "Restoring the backup…"),
             lambda report: backups.restore(Path(chosen)), done)
