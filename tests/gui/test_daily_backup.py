"""The daily backup runs beside the first window, not before it (a provincial database takes
seconds to back up), and a failing backup is logged, never raised."""
from __future__ import annotations

import logging

from desktop.gui.app import _start_daily_backup


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
