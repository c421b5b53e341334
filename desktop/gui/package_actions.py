"""File → evidence packages: export the current firm's package (the firm's data and files, or
the official's review of its applications) and import a package after its preview.

The work runs off the GUI thread with progress and cancel; the import is all or nothing and
backs up first (the service does both). Texts keep the MainWindow translation context,
written out in each call: lupdate reads only literal translate calls.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.domain.errors import Cancelled
from desktop.domain.packages import PackageKind

from .dialogs.export_paths import ExportPaths
from .dialogs.package_preview import PackagePreviewDialog
from .tasks import run_task


def export_package(window, firm_id: int, kind: PackageKind) -> None:
    """Ask where, then write the firm's package of `kind` there."""
    if not firm_id:
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Open or select a firm first."), 8000)
        return
    packages = window.ctx.workspace.packages
    if kind is PackageKind.EVIDENCE:
        title = QCoreApplication.translate("MainWindow", "Export the evidence package")
    else:
        title = QCoreApplication.translate("MainWindow", "Export the review package")
    target = ExportPaths.save_package(window, title, packages.suggested_name(firm_id, kind.value))
    if not target:
        return

    def work(report):
        try:
            return packages.export(firm_id, Path(target), kind.value, report)
        except Cancelled:   # no file is left behind
            return None

    def done(path) -> None:
        if path is None:
            window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "The export was cancelled."), 8000)
        else:
            window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Package written to {path}").format(
                    path=path), 8000)

    run_task(window, QCoreApplication.translate("MainWindow", "Writing the package…"), work, done)


def import_package(window) -> None:
    """Choose a package, check and compare it in the background, show the preview, and apply
    it with the conflict choices made there."""
    chosen = ExportPaths.open_package(
        window, QCoreApplication.translate("MainWindow", "Import a package"))
    if not chosen:
        return
    path = Path(chosen)
    packages = window.ctx.workspace.packages

    def previewed(preview) -> None:
        if preview is None:
            return
        resolutions = PackagePreviewDialog.ask(window, preview)
        if resolutions is None:
            return
        run_task(window, QCoreApplication.translate("MainWindow", "Applying the package…"),
                 lambda report: _apply(packages, path, resolutions, report), applied)

    def applied(result) -> None:
        if result is None:
            window.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "The import was cancelled; nothing was changed."), 8000)
            return
        # Its commands describe the data before the import, which may no longer hold.
        window.ctx.undo_stack.clear()
        window.ctx.bus.changed.emit("firm", result.firm_id)
        window.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "Package applied: {written} records written, {files} files added, {kept} "
            "conflicts kept, {taken} taken.").format(
            written=result.written, files=result.files_added, kept=result.kept,
            taken=result.taken), 10000)

    run_task(window, QCoreApplication.translate("MainWindow", "Checking the package…"),
             lambda report: _preview(packages, path, report), previewed)


def _preview(packages, path: Path, report):
    try:
        return packages.preview(path, report)
    except Cancelled:
        return None


def _apply(packages, path: Path, resolutions, report):
    try:
        return packages.apply(path, resolutions, progress=report)
    except Cancelled:   # the service put everything back as it was
        return None
