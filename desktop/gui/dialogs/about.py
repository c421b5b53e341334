"""Help → About: the version and where the data lives."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import __version__


class AboutDialog:
    @classmethod
    def text(cls, paths) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate(
            "AboutDialog",
            "SRDI Desk {version}\n\nQualification evidence and applications for China's "
            "tiered SME titles.\n\nDatabase: {database}\nAttachments: {attachments}\n"
            "Backups: {backups}").format(version=__version__, database=paths.database,
                                          attachments=paths.attachments, backups=paths.backups)

    @classmethod
    def ask(cls, parent: QWidget | None, paths) -> None:
        from PySide6.QtCore import QCoreApplication

        QMessageBox.about(parent, QCoreApplication.translate("AboutDialog", "About SRDI Desk"),
                          cls.text(paths))
