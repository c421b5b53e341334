"""The window's first paint does without Qt's namespace enums: PySide6 builds all 94 of them
(~20 ms, a tenth of a start) the first time `Qt` is used or one of its enums reaches Python.
The firm list therefore names roles and alignment by Qt's numbers, its header shows titles
from a model of its own, and the shortcuts and the sort indicator are set once painted."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.gui.models import firm_table
from desktop.gui.widgets import firm_list_header

ROOT = Path(__file__).resolve().parents[2]


def test_the_numbers_used_for_qt_roles_and_alignment_are_qts():
    role = Qt.ItemDataRole
    assert (firm_table._DISPLAY, firm_table._TOOLTIP, firm_table._ALIGNMENT,
            firm_table._FOREGROUND) == (role.DisplayRole, role.ToolTipRole,
                                        role.TextAlignmentRole, role.ForegroundRole)
    assert firm_table.FIRM_ID_ROLE == role.UserRole + 1
    assert firm_list_header.ALIGNMENT_ROLE == role.TextAlignmentRole
    assert firm_table.RIGHT == (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value


def test_the_first_paint_builds_none_of_qts_namespace_enums(workspace, tmp_path):
    workspace.close()   # the child opens the same database
    script = textwrap.dedent(f"""
        import enum, json, os, sys
        built = []
        create = enum.EnumType._create_
        def watched(cls, name, names, **kw):
            built.append(name)
            return create(cls, name, names, **kw)
        enum.EnumType._create_ = watched
        from desktop import __main__ as srdi
        from desktop.gui import app
        build_window = app.build_window
        def build_and_watch(*args, **kwargs):
            window = build_window(*args, **kwargs)
            paint = type(window).paintEvent
            def first_paint(self, event):
                from PySide6.QtCore import QTimer
                QTimer.singleShot(0, lambda: (print(json.dumps(built), flush=True), os._exit(0)))
                paint(self, event)
            type(window).paintEvent = first_paint
            return window
        app.build_window = build_and_watch
        srdi.main(["--db", {str(workspace.context.database.path)!r}, "--lang", "zh_CN"])
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=False,
                          capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                               "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)})
    lines = [line for line in done.stdout.splitlines() if line.startswith("[")]
    assert lines, done.stderr[-2000:]
    built = set(__import__("json").loads(lines[-1]))
    assert "Type" in built                      # the hook saw Qt's own start (QEvent.Type)
    assert not {"ItemDataRole", "GlobalColor", "Orientation"} & built
