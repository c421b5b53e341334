"""peewee's side of an open database: the handle every model reads and writes through, and
its begin that waits for another writer (see database.py for why and how long)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee as pw

from desktop.domain.errors import Conflict, DatabaseVersionError, DomainError
from desktop.domain.messages import Message

from . import migrate as migrations
from .models import database_proxy


def _is_busy(error: Exception) -> bool:
    text = str(error)
    return "locked" in text or "busy" in text


class Handle(pw.SqliteDatabase):
    """peewee's SQLite database whose BEGIN IMMEDIATE first tries briefly, then says it waits
    and tries again for the rest of the busy timeout. Other begins are peewee's own."""

    def __init__(self, *args, busy_timeout_ms: int, first_try_ms: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.busy_timeout_ms = busy_timeout_ms
        self.first_try_ms = first_try_ms
        self.on_wait: Callable[[Message | None], object] | None = None

    def begin(self, lock_type=None) -> None:
        if lock_type != "IMMEDIATE":
            super().begin(lock_type)
            return
        first = min(self.first_try_ms, self.busy_timeout_ms)
        # busy_timeout is per connection; peewee gives each thread its own, so this touches
        # only the connection about to begin.
        self._busy_timeout(first)
        try:
            try:
                super().begin("IMMEDIATE")
                return
            except pw.OperationalError as error:
                if not _is_busy(error) or first >= self.busy_timeout_ms:
                    raise
            if self.on_wait is not None:
                self.on_wait(Message("db.waiting"))
            try:
                self._busy_timeout(self.busy_timeout_ms - first)
                super().begin("IMMEDIATE")
            finally:
                if self.on_wait is not None:
                    self.on_wait(None)
        finally:
            self._busy_timeout(self.busy_timeout_ms)

    def _busy_timeout(self, milliseconds: int) -> None:
        self.execute_sql(f"PRAGMA busy_timeout = {int(milliseconds)}")


def open_handle(path: Path, pragmas: tuple, busy_timeout_ms: int, first_try_ms: int,
                backup_dir: Path | None) -> Handle:
    """Connect, bring the schema to the latest version (see migrate.py) and bind the models
    to the handle. A file that is no SQLite database is refused with a readable message."""
    handle = Handle(str(path), pragmas=pragmas, check_same_thread=False,
                    timeout=busy_timeout_ms / 1000, busy_timeout_ms=busy_timeout_ms,
                    first_try_ms=first_try_ms)
    try:
        handle.connect(reuse_if_open=True)
        migrations.upgrade(handle, path, backup_dir)
    except DomainError:
        handle.close()
        raise
    except pw.DatabaseError as error:
        handle.close()
        raise DatabaseVersionError(Message(
            "db.not_a_database", {"path": str(path), "error": str(error)})) from error
    database_proxy.initialize(handle)
    return handle


@contextmanager
def mapped_errors() -> Iterator[None]:
    """Low-level refusals of the database as domain errors the user can read."""
    try:
        yield
    except pw.IntegrityError as error:
        raise Conflict(Message("db.failed", {"error": str(error)})) from error
    except pw.OperationalError as error:
        if _is_busy(error):
            raise DomainError(Message("db.busy")) from error
        raise DomainError(Message("db.failed", {"error": str(error)})) from error
