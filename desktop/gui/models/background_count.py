"""Counting a search's firms beside its first page, on a worker thread.

A common word's count looks through every firm's name (~10 ms of 100,000 firms): the costliest
statement of a keystroke. Read on another thread, SQLite runs it on the other core while the
GUI thread reads the first page and paints it (sqlite3 lets go of the interpreter while a
statement runs). One worker serves every list, and only the newest request waiting is counted:
the others were typed past. The worker's database connection (peewee gives each thread its own)
keeps the pages it has read; a fresh connection took twice as long for its first count. After
IDLE_SECONDS without a request the worker ends, and its connection with it.
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

IDLE_SECONDS = 30.0


class CountDelivery(QObject):
    """Brings a count to its model on the GUI thread (emitted by the worker: queued)."""

    counted = Signal(object, object)   # the request's ticket, the count or the error


class _Worker:
    def __init__(self) -> None:
        self._requests: queue.SimpleQueue = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def request(self, count: Callable[[], int], delivery: CountDelivery, ticket: object) -> None:
        with self._lock:
            self._requests.put((count, delivery, ticket))
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name="firm-count",
                                                daemon=True)
                self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                request = self._requests.get(timeout=IDLE_SECONDS)
            except queue.Empty:
                with self._lock:
                    if self._requests.empty():   # else a request came just now: serve it
                        self._thread = None
                        return
                continue
            while not self._requests.empty():   # typed past: only the newest is wanted
                request = self._requests.get()
            _answer(*request)


def _answer(count: Callable[[], int], delivery: CountDelivery, ticket: object) -> None:
    try:
        result: object = count()
    except Exception as error:  # reported by the model on the GUI thread, if still wanted
        result = error
    try:
        delivery.counted.emit(ticket, result)
    except RuntimeError:   # the model is gone (its window closed): nobody waits
        pass


_worker = _Worker()


def count_in_background(count: Callable[[], int], delivery: CountDelivery) -> object:
    """Run `count()` on the worker; `delivery.counted(ticket, result)` follows on the GUI
    thread with the returned ticket (unless a newer request came first)."""
    ticket = object()
    _worker.request(count, delivery, ticket)
    return ticket
