"""Run in a subprocess by gui.py: start a window, note when it is first painted, and leave.

    python -m tests.benchmarks.gui_child app|bare DATA_DIR [--memory]

Prints one JSON line: {"painted": wall time of the main window's first paint event,
"peak_mb": peak resident memory}. `app` runs the real start-up (desktop.gui.app.run on
DATA_DIR); `bare` shows an empty QMainWindow: the floor. With --memory the window first
lists its firms: the firm list is scrolled to the end and back (pages read as a user would),
then the peak is taken. Leaves with os._exit (PySide6 6.12's teardown, see desktop/gui/app.py).
"""
from __future__ import annotations

import json
import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # KiB on Linux


def _finish(painted: float) -> None:
    print(json.dumps({"painted": painted, "peak_mb": _peak_mb()}), flush=True)
    sys.stderr.flush()
    os._exit(0)


def _list_everything(window: QMainWindow, then) -> None:
    """Scroll the firm list to the end, the middle and the top, one step per turn of the event
    loop (no nested processEvents: PySide6 6.12 loses references there), then wait a second
    for queued work (the verdicts of the visible rows) and call `then`."""
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


class _FirstPaint(QObject):
    def __init__(self, app: QApplication, memory: bool) -> None:
        super().__init__()
        self.app, self.memory = app, memory

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            painted = time.time()
            self.app.removeEventFilter(self)
            if self.memory:
                QTimer.singleShot(0, lambda: _list_everything(watched, lambda: _finish(painted)))
            else:
                _finish(painted)
        return False


def main() -> None:
    mode, data_dir = sys.argv[1], sys.argv[2]
    app = QApplication(sys.argv[:1])
    watcher = _FirstPaint(app, "--memory" in sys.argv)
    app.installEventFilter(watcher)
    if mode == "bare":
        window = QMainWindow()
        window.resize(1280, 800)
        window.show()
        app.exec()
        return
    from desktop.gui.app import run
    from desktop.paths import AppPaths

    run(AppPaths.resolve(data_dir=data_dir), lang="zh_CN", argv=sys.argv[:1])


if __name__ == "__main__":
    main()
