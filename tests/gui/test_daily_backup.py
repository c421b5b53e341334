"""The daily backup runs beside the first window, not before it (a provincial database takes
seconds to back up): it starts once the window has painted, or after a wait when it never is.
A failing backup is logged, never raised."""
from __future__ import annotations

import logging
import textwrap

from desktop.gui.app import _start_daily_backup
from desktop.gui.main_window import MainWindow
from tests.gui.start_srdi import run_reporting


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


def test_a_window_never_painted_still_backs_up_and_loads_after_the_wait(workspace, tmp_path):
    """Started minimized, the window is not painted: what waits for its first paint runs after
    FIRST_PAINT_WAIT_MS all the same, except the first-start offer (it waits for the window)."""
    workspace.close()   # the child opens the same database
    script = textwrap.dedent(f"""
        import gc, json, os
        from desktop import __main__ as srdi
        from desktop.gui import app
        app.FIRST_PAINT_WAIT_MS = 300
        threads, offered = [], []
        start_backup = app._start_daily_backup
        app._start_daily_backup = lambda ws: threads.append(start_backup(ws)) or threads[-1]
        app._offer_first_start = lambda *args: offered.append(True)
        build_window = app.build_window

        def build_and_watch(*args, **kwargs):
            window = build_window(*args, **kwargs)
            window.show = lambda: None   # as if minimized: never painted
            from PySide6.QtCore import QTimer

            def report():
                for thread in threads:
                    thread.join(timeout=60)
                workspace = window.ctx.workspace
                print(json.dumps({{
                    "painted": window._painted, "loaded": workspace.context.database.loaded,
                    "collector": gc.isenabled(), "offered": bool(offered),
                    "backups": len(workspace.backups.list())}}), flush=True)
                os._exit(0)

            QTimer.singleShot(1500, report)
            return window

        app.build_window = build_and_watch
        srdi.main(["--db", {str(workspace.context.database.path)!r}, "--lang", "en"])
    """)
    assert run_reporting(script, tmp_path) == {"painted": False, "loaded": True,
                                                "collector": True, "offered": False,
                                                "backups": 1}
