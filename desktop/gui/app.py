"""Starting the desktop application."""
from __future__ import annotations

import gc
import logging
import os
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from desktop.domain.errors import DomainError
from desktop.paths import AppPaths

from . import i18n
from .context import DataBus, GuiContext


# What the first screen does not need waits for its first paint, or this long at most: a
# window started minimized is not painted until it is shown.
FIRST_PAINT_WAIT_MS = 10_000


def _settings() -> QSettings:
    return QSettings("srdi-desk", "SRDI Desk")


def _log_to_file(paths: AppPaths) -> None:
    paths.logs.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=paths.logs / "srdi-desk.log", level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def _show_unhandled(kind, error, trace) -> None:
    """Anything a slot did not catch: a readable dialog and the log, never a bare traceback."""
    from .errors import show_error

    logging.getLogger("srdi.gui").error("unhandled", exc_info=(kind, error, trace))
    show_error(None, error)


def build_window(workspace, settings: QSettings | None = None):
    """The main window over an open workspace (tests build it this way too)."""
    from .main_window import MainWindow

    ctx = GuiContext(workspace=workspace, undo_stack=QUndoStack(), settings=settings or _settings(),
                     bus=DataBus())
    return MainWindow(ctx)


def _quit_after_first_paint(window) -> None:
    """The bundle's smoke test (`SRDI_SMOKE_TEST=1`, .ci/smoke_bundle.py): once the main window
    has painted, print one JSON line about what it shows and quit with exit code 0."""
    import json

    from PySide6.QtCore import QCoreApplication

    # Qt's own translation of a standard button proves qtbase_*.qm was found. Not a string of
    # ours: kept out of a literal translate call, which lupdate would add to our .ts.
    qt_cancel = ("QPlatformTheme", "Cancel")

    def report_and_quit() -> None:
        print(json.dumps({
            "title": window.windowTitle(),
            "platform": QApplication.platformName(),
            "menus": [action.text() for action in window.menuBar().actions()],
            "qt_cancel": QCoreApplication.translate(*qt_cancel),
            # the collector paused for the start runs again once the window has painted
            "cycle_collector": gc.isenabled(),
        }, ensure_ascii=False), flush=True)
        QApplication.quit()

    window.first_painted.connect(report_and_quit)


def _start_daily_backup(workspace) -> threading.Thread:
    """The daily backup, in a thread of its own: a provincial database takes seconds to back
    up, which held up the first window. A failure is logged, never a reason not to work."""
    def back_up() -> None:
        try:
            workspace.backups.daily_backup()
        except Exception:
            logging.getLogger("srdi.gui").exception("daily backup failed")

    thread = threading.Thread(target=back_up, name="daily-backup", daemon=True)
    thread.start()
    return thread


def _offer_first_start(window, workspace) -> None:
    """An empty database: offer the demo data or an import."""
    if not workspace.firms.list(include_archived=True, limit=1):   # not a count of them all
        from .dialogs.first_start import FirstStartDialog

        choice = FirstStartDialog.ask(window)
        if choice == FirstStartDialog.DEMO:
            window.load_demo()
        elif choice == FirstStartDialog.IMPORT:
            window.import_workbook()


def _pause_collector_for_start() -> Callable[[], None]:
    """Pause Python's cycle collector until the window is painted; returns what resumes it.

    Start-up makes tens of thousands of objects that live as long as the window (modules,
    classes, widgets) and no garbage to speak of, yet the allocations set off some seventy
    collections, each walking every object made so far: about 8 ms of a start of ~0.3 s."""
    if not gc.isenabled():
        return lambda: None
    gc.disable()
    resumed = []

    def resume() -> None:
        if not resumed:   # once: bulk work may pause the collector again later
            resumed.append(True)
            gc.enable()
    return resume


def run(paths: AppPaths, lang: str | None = None, argv: list[str] | None = None) -> int:
    """Open the database at `paths`, show the main window, run until it closes.

    Language: `--lang`, else the one chosen in the settings, else the system's.
    """
    resume_collector = _pause_collector_for_start()
    from desktop.services.workspace import Workspace

    from .waiting import WaitNotice

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("SRDI Desk")
    app.setOrganizationName("srdi-desk")
    settings = _settings()
    i18n.install(app, lang or settings.value("language", "") or i18n.system_language())
    _log_to_file(paths)
    sys.excepthook = _show_unhandled
    try:
        notice = WaitNotice()   # a save waiting for another window or command says so
        # lazy: the first screen lists firms without peewee, which is imported once it is
        # painted (see after_first_paint)
        workspace = Workspace.open(paths, on_wait=notice, lazy=True)
    except DomainError as error:
        from PySide6.QtWidgets import QMessageBox

        resume_collector()
        QMessageBox.critical(None, "SRDI Desk", "\n".join(i18n.render(m) for m in error.messages))
        return 1
    window = build_window(workspace, settings)
    notice.attach(window)
    # What the first screen does not show waits until it is painted: the backup thread would
    # compete with it for the interpreter, and the offer comes over the window anyway.
    backups: list[threading.Thread] = []
    finished: list[bool] = []

    def finish_starting() -> None:
        """Once: the collector resumed, peewee loaded here, on this thread, before anything
        else asks for it (by a worker thread, its imports could interleave with the window's
        own), and the day's backup begun."""
        if finished:
            return
        finished.append(True)
        resume_collector()
        workspace.load()
        backups.append(_start_daily_backup(workspace))

    def after_first_paint() -> None:
        finish_starting()
        _offer_first_start(window, workspace)

    window.first_painted.connect(after_first_paint)
    # A window never painted (started minimized) must not go without its backup, nor keep
    # the collector off all session.
    QTimer.singleShot(FIRST_PAINT_WAIT_MS, finish_starting)
    if os.environ.get("SRDI_SMOKE_TEST"):
        _quit_after_first_paint(window)
    window.show()
    try:
        code = app.exec()
        for thread in backups:   # never cut a backup short (it would leave its work folder)
            thread.join()
    finally:
        workspace.close()
    # PySide6 6.12 can drop references it does not own while Python tears down (an abort
    # "bool_dealloc" at exit after a long session). Everything is saved and closed by now:
    # flush the logs and leave without the interpreter's teardown.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
