"""Long work off the GUI thread, with a progress dialog, cancel, and errors in one place.

`run_task(parent, title, work, done)`: `work(report)` runs in a worker thread and may call
`report(done, total)`, which returns False once the user has cancelled; `done(result)` runs
back on the GUI thread. The database is thread-safe here: peewee gives each thread its own
connection with the same pragmas.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from .errors import show_error


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable) -> None:
        super().__init__()
        self.work = work
        self.cancelled = False

    def run(self) -> None:
        try:
            result = self.work(self.report)
        except Exception as error:  # shown on the GUI thread
            self.failed.emit(error)
        else:
            self.finished.emit(result)

    def report(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancelled


class Task(QObject):
    """One running piece of work; keep a reference until `finished` (run_task does)."""

    finished = Signal(object)

    def __init__(self, parent: QWidget | None, title: str, work: Callable,
                 done: Callable[[object], None] | None = None) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.worker = _Worker(work)
        self.worker.moveToThread(self.thread)
        self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setObjectName("taskProgress")
        self.dialog.setMinimumDuration(400)  # quick work never flashes a dialog
        self.dialog.canceled.connect(self._on_dialog_canceled)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._on_worker_progressed)
        self.worker.finished.connect(self._on_worker_finished)
        self.worker.failed.connect(self._on_worker_failed)
        self._done = done
        self._parent = parent

    def start(self) -> None:
        self.thread.start()

    def _on_dialog_canceled(self) -> None:
        self.worker.cancelled = True

    def _on_worker_progressed(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)

    def _stop(self) -> None:
        self.dialog.reset()
        self.thread.quit()
        self.thread.wait()

    def _on_worker_finished(self, result: object) -> None:
        self._stop()
        if self._done is not None:
            self._done(result)
        self.finished.emit(result)

    def _on_worker_failed(self, error: BaseException) -> None:
        self._stop()
        show_error(self._parent, error)
        self.finished.emit(None)


_running: set[Task] = set()


def run_task(parent: QWidget | None, title: str, work: Callable,
             done: Callable[[object], None] | None = None) -> Task:
    task = Task(parent, title, work, done)
    _running.add(task)
    task.finished.connect(lambda _result: _running.discard(task))
    task.start()
    return task


def stop_all() -> None:
    """Cancel every running task and wait for its thread (called when the window closes)."""
    for task in list(_running):
        task.worker.cancelled = True
        task.thread.quit()
        task.thread.wait()
    _running.clear()


def stop_on_destroy(widget: QWidget, task) -> None:
    """Wait for `task`'s thread when `widget` goes away mid-work (the window closes), so the
    thread is never destroyed while it runs; the result is dropped. Once the task is over
    the wait returns at once."""
    def stop(*_args) -> None:
        try:
            if not task.thread.isRunning():
                return
            task.worker.cancelled = True
            task.thread.quit()
            task.thread.wait()
        except RuntimeError:   # the task has been cleaned up already: nothing runs
            pass

    widget.destroyed.connect(stop)
