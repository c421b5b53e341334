"""Opening the database: pragmas, schema checks, migrations, and the one transaction helper.

One database is open per process (peewee's proxy binds the models to it). Every connection
gets foreign keys on, WAL and a busy timeout, so a second writer (another window, the CLI)
waits instead of failing at once.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee as pw

from desktop.domain.errors import Conflict, DatabaseVersionError, DomainError
from desktop.domain.messages import Message

from . import backup as backups
from . import migrate as migrations
from .models import database_proxy

BUSY_TIMEOUT_MS = 10_000
PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("busy_timeout", BUSY_TIMEOUT_MS),
    ("synchronous", "full"),  # a commit survives power loss, not just a killed process
)


class Database:
    """An open SRDI Desk database. Use `Database.open(path)`; close it when done."""

    def __init__(self, handle: pw.SqliteDatabase, path: Path) -> None:
        self.handle = handle
        self.path = path

    @classmethod
    def open(cls, path: Path, backup_dir: Path | None = None) -> Database:
        """Open (creating if needed) and migrate to the latest schema.

        A database written by a newer SRDI Desk is refused; before the first pending migration
        of an existing database a backup is written to `backup_dir`.
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = pw.SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
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

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: the writes inside either all commit or none does.

        Low-level refusals of the database come out as domain errors the user can read.
        """
        try:
            with self.handle.atomic():
                yield
        except pw.IntegrityError as error:
            raise Conflict(Message("db.failed", {"error": str(error)})) from error
        except pw.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
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
