"""Telling the user that a save waits for another window or command holding the database.

`WaitNotice` is the database's `on_wait` (Workspace.open(..., on_wait=notice)); once the main
window exists, `notice.attach(window)`. It is called from whichever thread writes: on the GUI
thread it shows the message at once; from a background task it is queued to the GUI thread.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow

from . import i18n


class WaitNotice(QObject):
    _told = Signal(object)   # a Message, or None when the wait is over

    def __init__(self) -> None:
        super().__init__()
        self.window: QMainWindow | None = None
        self.shown = ""
        # Auto connection: a direct call on the GUI thread, queued from a worker thread.
        self._told.connect(self._on_told)

    def attach(self, window: QMainWindow) -> None:
        self.window = window

    def __call__(self, message) -> None:
        self._told.emit(message)

    def _on_told(self, message) -> None:
        if self.window is None:
            return
        bar = self.window.statusBar()
        if message is not None:
            self.shown = i18n.render(message)
            bar.showMessage(self.shown)
        elif bar.currentMessage() == self.shown:   # leave whatever replaced it alone
            bar.clearMessage()
        # The GUI thread may be the one blocked in the wait: paint now. Not processEvents():
        # a queued slot run here could start a second transaction on this very connection
        # while its BEGIN is still pending.
        bar.repaint()
