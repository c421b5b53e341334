"""Start `srdi` in a fresh interpreter on a database and report what held at its first paint
and once the work waiting for that paint is done: what a start imports or builds can only be
seen in a process that has not imported it already."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start_srdi(database: Path, home: Path, at_paint: str, after_start: str = "None",
               prelude: str = "") -> dict:
    """Run the statements `prelude`, start the window on `database`, and return
    {"at_paint": the value of the expression `at_paint` once the window's first paint pass is
    over, "after_start": that of `after_start` once the window's `first_painted` handlers have
    run}. Both expressions see the window as `window` and must give JSON values."""
    script = textwrap.dedent("""
        import json, os, sys
        {prelude}
        from desktop import __main__ as srdi
        from desktop.gui import app
        report = {{}}
        build_window = app.build_window

        def build_and_watch(*args, **kwargs):
            window = build_window(*args, **kwargs)
            paint = type(window).paintEvent

            def first_paint(self, event):
                from PySide6.QtCore import QTimer
                if "at_paint" not in report:
                    report["at_paint"] = None
                    # posted before the window's own first_painted: it runs first
                    QTimer.singleShot(0, lambda: report.update(at_paint={at_paint}))
                paint(self, event)

            def after_start():
                report["after_start"] = {after_start}
                print(json.dumps(report), flush=True)
                os._exit(0)

            def when_painted():
                from PySide6.QtCore import QTimer
                QTimer.singleShot(0, after_start)

            type(window).paintEvent = first_paint
            window.first_painted.connect(when_painted)
            return window

        app.build_window = build_and_watch
        srdi.main(["--db", {database!r}, "--lang", "zh_CN"])
    """).format(prelude=prelude, at_paint=at_paint, after_start=after_start,
                database=str(database))
    return run_reporting(script, home)


def run_reporting(script: str, home: Path) -> dict:
    """Run the Python `script` offscreen in a fresh interpreter, with its settings under
    `home`, and return the last JSON object it printed."""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=False,
                          capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                               "HOME": str(home), "XDG_CONFIG_HOME": str(home)})
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stderr[-2000:]
    return json.loads(lines[-1])
