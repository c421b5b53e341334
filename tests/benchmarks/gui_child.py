"""Run in a subprocess by gui.py: start a window, note when it is first painted, and leave.

    python -m tests.benchmarks.gui_child app|bare DATA_DIR [--memory]

Prints one JSON line: {"painted": wall time when the main window's first paint is done,
"peak_mb": peak resident memory}. `app` runs the real start-up (`srdi --data-dir DATA_DIR`);
`bare` shows an empty QMainWindow: the floor. With --memory the window first lists its firms:
the firm list is scrolled to the end and back (pages read as a user would), then the peak is
taken. Leaves with os._exit (PySide6 6.12's teardown, see desktop/gui/app.py).

The paint is noticed by the window class's own paintEvent, not by an event filter on the whole
application: such a filter runs Python for every event of every widget and wraps each object
it is shown (hundreds, in the real window; in PySide6 6.12 that also built the Python enums of
every Qt class loaded), which slowed the measured start by tens of milliseconds that a user
never waits for, and the bare window not at all. The time is taken once the first paint pass
is over (the event loop's next turn), not when the window's own paintEvent begins: its pages
and the firm list's first rows are painted after it, within the same pass.
"""
from __future__ import annotations

import json
import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# PySide6 is imported by the window started (`app`: by the application itself, in its own order,
# as `srdi` does), never before it: the app imports its services before Qt (desktop/gui/__init__).


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # KiB on Linux


def _finish(painted: float) -> None:
    print(json.dumps({"painted": painted, "peak_mb": _peak_mb()}), flush=True)
    sys.stderr.flush()
    os._exit(0)


def _list_everything(window, then) -> None:
    """Scroll the firm list to the end, the middle and the top, one step per turn of the event
    loop (no nested processEvents: PySide6 6.12 loses references there), then wait a second
    for queued work (the verdicts of the visible rows) and call `then`."""
    from PySide6.QtCore import QTimer

    from desktop.gui.widgets.firm_list import FirmListPage

    page = window.findChild(FirmListPage)
    steps = []
    if page is not None:
        bar = page.table.verticalScrollBar()
        steps = [bar.maximum(), bar.maximum() // 2, 0]

    def step() -> None:
        if steps:
            page.table.verticalScrollBar().setValue(steps.pop(0))
            page.table.viewport().update()
            QTimer.singleShot(50, step)
        else:
            QTimer.singleShot(1000, then)

    step()


def _watch_first_paint(window_class: type, memory: bool) -> None:
    """Once a `window_class` window has painted for the first time, finish (or, with
    `memory`, list the firms first)."""
    from PySide6.QtCore import QTimer

    paint = window_class.paintEvent
    first = [True]

    def painted(window) -> None:
        done = time.time()
        if memory:
            _list_everything(window, lambda: _finish(done))
        else:
            _finish(done)

    def paintEvent(window, event) -> None:  # noqa: N802 (Qt override)
        if first[0]:
            first[0] = False
            QTimer.singleShot(0, lambda: painted(window))
        paint(window, event)

    window_class.paintEvent = paintEvent


def main() -> None:
    mode, data_dir = sys.argv[1], sys.argv[2]
    memory = "--memory" in sys.argv
    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])

        class Bare(QMainWindow):
            pass

        _watch_first_paint(Bare, memory)
        window = Bare()
        window.resize(1280, 800)
        window.show()
        app.exec()
        return
    from desktop import __main__ as srdi   # what the `srdi` command runs
    from desktop.gui import app as desktop_app

    # The window's class is watched once run() has built it: importing its module here first
    # would move part of the start out of run() (which pauses the cycle collector for it).
    build_window = desktop_app.build_window

    def build_watched_window(*args, **kwargs):
        window = build_window(*args, **kwargs)
        _watch_first_paint(type(window), memory)
        return window

    desktop_app.build_window = build_watched_window
    srdi.main(["--data-dir", data_dir, "--lang", "zh_CN"])


if __name__ == "__main__":
    main()
