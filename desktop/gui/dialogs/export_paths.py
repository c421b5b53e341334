"""Where an export goes: a save-file dialog for one workbook, a folder for many. Tests replace
these classmethods to answer without a modal dialog."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_file_name(text: str) -> str:
    """A file name without the characters Windows and macOS refuse."""
    return _UNSAFE.sub("_", text).strip(" .") or "export"


def _save(parent: QWidget | None, title: str, suggested: str, suffix: str,
          name_filter: str) -> str | None:
    """The file the user chose to write, with `suffix` added when they left it out."""
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
    if not path:
        return None
    return path if path.lower().endswith(suffix) else path + suffix


class ExportPaths:
    @classmethod
    def save_workbook(cls, parent: QWidget | None, title: str, suggested: str = "") -> str | None:
        """The workbook to write (.xlsx), or None when the user cancelled."""
        return _save(parent, title, suggested, ".xlsx",
                     QCoreApplication.translate("ExportPaths", "Excel workbooks (*.xlsx)"))

    @classmethod
    def choose_folder(cls, parent: QWidget | None, title: str) -> str | None:
        """A folder to write several workbooks into, or None when the user cancelled."""
        path = QFileDialog.getExistingDirectory(parent, title)
        return path or None

    @classmethod
    def save_package(cls, parent: QWidget | None, title: str, suggested: str = "") -> str | None:
        """The evidence package to write (.srdipkg), or None when the user cancelled."""
        return _save(parent, title, suggested, ".srdipkg",
                     QCoreApplication.translate("ExportPaths", "SRDI Desk packages (*.srdipkg)"))

    @classmethod
    def open_package(cls, parent: QWidget | None, title: str) -> str | None:
        """The package to import, or None when the user cancelled."""
        path, _filter = QFileDialog.getOpenFileName(
            parent, title, "",
            QCoreApplication.translate("ExportPaths", "SRDI Desk packages (*.srdipkg)"))
        return path or None
