"""A save in the firm editor while another process holds the database's write lock: the status
bar says the save waits for another window or command, then the busy error is shown, and what
was typed is still there to save again once the other writer is done."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit

from desktop.gui.context import DataBus, GuiContext
from desktop.gui.main_window import MainWindow
from desktop.gui.waiting import WaitNotice
from desktop.services.workspace import Workspace
from tests.conftest import NOW, TODAY
from tests.db.test_two_writers import start, wait_for_line
from tests.db.writer import uscc_for


@pytest.fixture
def busy_window(qtbot, paths, settings, lang, errors):
    """The main window over a workspace whose writes give up after 1.5 s (the app's wiring:
    a WaitNotice as on_wait, attached to the window)."""
    notice = WaitNotice()
    with Workspace.open(paths, user="tester", now=lambda: NOW, today=lambda: TODAY,
                        on_wait=notice, busy_timeout_ms=1500) as workspace:
        ctx = GuiContext(workspace=workspace, undo_stack=QUndoStack(), settings=settings,
                         bus=DataBus())
        window = MainWindow(ctx)
        notice.attach(window)
        qtbot.addWidget(window)
        window.show()
        yield window
        window.close()


@pytest.fixture
def holder(paths):
    process = start("hold", str(paths.data_dir), uscc_for("MA1H", 0))
    wait_for_line(process, "holding")
    yield process
    if process.poll() is None:
        process.stdin.write("\n")
        process.stdin.flush()
    process.communicate(timeout=60)


def test_a_save_waits_then_says_busy_and_keeps_the_form(qtbot, busy_window, holder, errors):
    window = busy_window
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)
    window.new_firm()
    editor = window.firm_editor
    uscc = uscc_for("MA1G", 0)
    qtbot.keyClicks(editor.findChild(QLineEdit, "field_uscc"), uscc)
    qtbot.keyClicks(editor.findChild(QLineEdit, "field_name"), "Suzhou Busy Sensors Co")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert shown[:1] == [
        "waiting for another window or command to finish writing to the database…"]
    assert shown[-1] == ""                                # cleared when the wait was over
    assert errors == ["the database is busy (another window or command is writing); try again"]
    assert editor.findChild(QLineEdit, "field_uscc").text() == uscc      # nothing lost
    assert editor.findChild(QLineEdit, "field_name").text() == "Suzhou Busy Sensors Co"
    assert editor.title.text().endswith("*")
    assert window.ctx.workspace.firms.count() == 0

    holder.stdin.write("\n")                              # the other writer finishes
    holder.stdin.flush()
    assert holder.communicate(timeout=60)[0].split()[-1] == "released"
    errors.clear()
    with qtbot.waitSignal(editor.firm_saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert errors == []
    assert window.ctx.workspace.firms.get_by_uscc(uscc).name == "Suzhou Busy Sensors Co"


def test_a_wait_in_a_background_task_is_shown_on_the_gui_thread(qtbot, busy_window):
    import threading

    from desktop.domain.messages import Message

    notice = WaitNotice()
    notice.attach(busy_window)
    worker = threading.Thread(target=lambda: (notice(Message("db.waiting")), notice(None)))
    shown: list[str] = []
    busy_window.statusBar().messageChanged.connect(shown.append)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert shown == ["waiting for another window or command to finish writing to the database…",
                     ""]


def test_a_locked_database_outside_a_service_transaction_reads_as_busy(lang):
    import sqlite3

    from desktop.gui.errors import error_text

    assert error_text(sqlite3.OperationalError("database is locked")) == (
        "the database is busy (another window or command is writing); try again")
