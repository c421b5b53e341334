"""Opening the database: pragmas, schema checks, migrations, and the transaction helpers.

One database is open per process (peewee's proxy binds the models to it). Every connection
gets foreign keys on, WAL and a busy timeout, so a second writer (another window, the CLI)
waits instead of failing at once.

A write transaction takes the write lock when it begins (BEGIN IMMEDIATE). A deferred one
would read first and ask for the lock at its first write; in WAL mode that fails at once, busy
timeout or not, when another connection committed since its read. If the lock is not free
within FIRST_TRY_MS, `on_wait` is told (the window shows it, the CLI prints it) and the begin
waits up to the full busy timeout before the write fails with "db.busy".
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee as pw

from desktop.domain.errors import Conflict, DatabaseVersionError, DomainError
from desktop.domain.messages import Message

from . import backup as backups
from . import migrate as migrations
from .models import database_proxy

BUSY_TIMEOUT_MS = 10_000
FIRST_TRY_MS = 250   # a lock free by then is taken without a word; past it the user is told
PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("busy_timeout", BUSY_TIMEOUT_MS),
    ("synchronous", "full"),  # a commit survives power loss, not just a killed process
    # Up to 16 MiB of pages kept per connection (SQLite's default is 2 MiB): a province's
    # database is hundreds of MB, and a summary of 10,000 applications reads 10,000 firms
    # scattered through it (its statement takes 30% less time when they stay cached; a
    # larger cache gains little more and a window scrolled through 100,000 firms keeps it full).
    ("cache_size", -16384),
)

# Told Message("db.waiting") when a write has to wait for the lock, then None when the wait
# is over (taken or given up), so a window can clear what it showed.
OnWait = Callable[[Message | None], object]


def _is_busy(error: Exception) -> bool:
    text = str(error)
    return "locked" in text or "busy" in text


class _Handle(pw.SqliteDatabase):
    """peewee's SQLite database whose BEGIN IMMEDIATE first tries briefly, then says it waits
    and tries again for the rest of the busy timeout. Other begins are peewee's own."""

    def __init__(self, *args, busy_timeout_ms: int = BUSY_TIMEOUT_MS, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.busy_timeout_ms = busy_timeout_ms
        self.on_wait: OnWait | None = None

    def begin(self, lock_type=None) -> None:
        if lock_type != "IMMEDIATE":
            super().begin(lock_type)
            return
        first = min(FIRST_TRY_MS, self.busy_timeout_ms)
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


class Database:
    """An open SRDI Desk database. Use `Database.open(path)`; close it when done."""

    def __init__(self, handle: pw.SqliteDatabase, path: Path) -> None:
        self.handle = handle
        self.path = path

    @classmethod
    def open(cls, path: Path, backup_dir: Path | None = None, on_wait: OnWait | None = None,
             busy_timeout_ms: int | None = None) -> Database:
        """Open (creating if needed) and migrate to the latest schema.

        A database written by a newer SRDI Desk is refused; before the first pending migration
        of an existing database a backup is written to `backup_dir`. `on_wait` is told when a
        write waits for another writer; `busy_timeout_ms` is how long it waits at most
        (BUSY_TIMEOUT_MS unless given).
        """
        busy_timeout_ms = busy_timeout_ms or BUSY_TIMEOUT_MS
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        pragmas = tuple((name, busy_timeout_ms if name == "busy_timeout" else value)
                        for name, value in PRAGMAS)
        handle = _Handle(str(path), pragmas=pragmas, check_same_thread=False,
                         timeout=busy_timeout_ms / 1000, busy_timeout_ms=busy_timeout_ms)
        handle.on_wait = on_wait
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
        return cls(handle, path)

    def close(self) -> None:
        if not self.handle.is_closed():
            self.handle.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def on_wait(self) -> OnWait | None:
        """Told when a write has to wait for another writer (see the module's docstring)."""
        return self.handle.on_wait

    @on_wait.setter
    def on_wait(self, callback: OnWait | None) -> None:
        self.handle.on_wait = callback

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: the writes inside either all commit or none does.

        The write lock is taken at the start (nested: a savepoint inside the outer one).
        Low-level refusals of the database come out as domain errors the user can read.
        """
        with self._mapped_errors(), self.handle.atomic(lock_type="IMMEDIATE"):
            yield

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read-only transaction: one consistent view for many reads (an export) that
        takes no write lock, so other windows and commands keep writing meanwhile. Do not
        write inside it: a write there may fail at once when another writer committed."""
        with self._mapped_errors(), self.handle.atomic():
            yield

    @staticmethod
    @contextmanager
    def _mapped_errors() -> Iterator[None]:
        try:
            yield
        except pw.IntegrityError as error:
            raise Conflict(Message("db.failed", {"error": str(error)})) from error
        except pw.OperationalError as error:
            if _is_busy(error):
                raise DomainError(Message("db.busy")) from error
            raise DomainError(Message("db.failed", {"error": str(error)})) from error

    def schema_version(self) -> int:
        return migrations.current_version(self.handle)

    def sqlite_connection(self) -> sqlite3.Connection:
        """The raw connection, for the backup API (SQLite-only, kept inside db/)."""
        return self.handle.connection()

    def restore_from(self, source: Path) -> int:
        """Replace the whole content with the checked database file `source`, written through
        SQLite into the open database (every connection stays valid), then bring it to the latest
        schema. Returns the version the file had."""
        backups.copy_into(self.handle, Path(source))
        return migrations.upgrade(self.handle, self.path, None)
