"""Every error reaches the user as a readable dialog in their language; never a traceback."""
from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.domain.errors import DomainError
from desktop.domain.messages import Message

from . import i18n

log = logging.getLogger("srdi.gui")


def error_text(error: BaseException) -> str:
    if isinstance(error, DomainError):
        return "\n".join(i18n.render(message) for message in error.messages)
    if type(error).__name__ == "OperationalError" and "locked" in str(error):
        # A write outside a service transaction met another writer: say so, as they do.
        log.warning("database locked: %s", error)
        return i18n.render(Message("db.busy"))
    log.error("unexpected error:\n%s", "".join(traceback.format_exception(error)))
    return QCoreApplication.translate(
        "errors", "Something went wrong: {error}\nThe details are in the log file.").format(
        error=f"{type(error).__name__}: {error}")


class ErrorDialog:
    """Shows an error; tests replace `ask` to see what the user would be told."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox   # its enums: when an error is shown

        QMessageBox.warning(parent, title, text)


def show_error(parent: QWidget | None, error: BaseException, title: str = "") -> None:
    ErrorDialog.ask(parent, title or QCoreApplication.translate("errors", "SRDI Desk"),
                    error_text(error))
