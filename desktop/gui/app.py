"""Starting the desktop application (a plain main window until the GUI issue lands)."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.domain.errors import DomainError
from desktop.domain.messages import render
from desktop.paths import AppPaths


def run(paths: AppPaths, lang: str, argv: list[str] | None = None) -> int:
    """Open the database at `paths`, show the main window, run until it closes."""
    from desktop.services.workspace import Workspace

    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("SRDI Desk")
    app.setOrganizationName("srdi-desk")
    try:
        workspace = Workspace.open(paths)
    except DomainError as error:
        QMessageBox.critical(None, "SRDI Desk",
                             "\n".join(render(m, lang) for m in error.messages))
        return 1
    window = MainWindow(workspace, lang)
    window.show()
    try:
        return app.exec()
    finally:
        workspace.close()
