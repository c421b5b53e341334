"""The daily backup runs beside the first window, not before it (a provincial database takes
seconds to back up): it starts once the window has painted. A failing backup is logged, never
raised."""
from __future__ import annotations

import logging

from desktop.gui.app import _start_daily_backup
from desktop.gui.main_window import MainWindow


def test_the_daily_backup_is_written_in_its_own_thread(workspace):
    assert workspace.backups.list() == []
    thread = _start_daily_backup(workspace)
    thread.join(timeout=60)
    assert not thread.is_alive()
    [entry] = workspace.backups.list()
    assert entry.reason == "daily"
    _start_daily_backup(workspace).join(timeout=60)   # once a day: the second start adds none
    assert len(workspace.backups.list()) == 1


def test_a_failing_daily_backup_is_logged(workspace, monkeypatch, caplog):
    def broken():
        raise OSError("disk full")

    monkeypatch.setattr(workspace.backups, "daily_backup", broken)
    with caplog.at_level(logging.ERROR, logger="srdi.gui"):
        _start_daily_backup(workspace).join(timeout=60)
    assert "daily backup failed" in caplog.text


def test_start_up_work_waits_for_the_first_paint(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    calls = []
    window.first_painted.connect(lambda: calls.append(window.isVisible()))
    qtbot.wait(20)
    assert calls == []
    window.show()
    qtbot.waitUntil(lambda: calls == [True])
    window.update()
    qtbot.wait(50)
    assert calls == [True]   # once
