"""Opening the database: pragmas, schema checks, migrations, and the transaction helpers.

One database is open per process (peewee's proxy binds the models to it). Every connection
gets foreign keys on, WAL and a busy timeout, so a second writer (another window, the CLI)
waits instead of failing at once.

A write transaction takes the write lock when it begins (BEGIN IMMEDIATE). A deferred one
would read first and ask for the lock at its first write; in WAL mode that fails at once, busy
timeout or not, when another connection committed since its read. If the lock is not free
within FIRST_TRY_MS, `on_wait` is told (the window shows it, the CLI prints it) and the begin
waits up to the full busy timeout before the write fails with "db.busy".

peewee and the models are imported when the database is first used through them (handle.py):
a lazy open (`Database.open(lazy=True)`, the window's start) checks the file with sqlite3 alone
and lets the first screen read the plain firm list (firm_pages.py) before the ORM is loaded.
"""
from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.domain.errors import DatabaseVersionError
from desktop.domain.messages import Message

# The schema version migrations/ ends at, known here without importing them (they need peewee);
# a test checks that the two agree.
LATEST_SCHEMA = 7
# The trigram tokenizer of the firm search index (schema 5) came with SQLite 3.34; an older
# SQLite fails its migration with "no such tokenizer", which said nothing useful.
SQLITE_NEEDED = (3, 34)
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


def _start_reader(path: Path, busy_timeout_ms: int) -> sqlite3.Connection | None:
    """A read-only connection to `path` when it is a database at the latest schema, else None:
    then the ORM opens it at once, which creates, migrates or refuses it with its messages."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000,
                                     isolation_level=None, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        connection.execute("PRAGMA query_only = 1")   # it reads; every write goes through peewee
        connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        # SQLite's default page cache (2 MiB), not PRAGMAS': it serves the first screen only,
        # and stays open, idle, beside peewee's connections once they are loaded.
        found = connection.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        if found == LATEST_SCHEMA:
            return connection
    except sqlite3.Error:   # no schema_version table, or not a database at all
        pass
    connection.close()
    return None


class Database:
    """An open SRDI Desk database. Use `Database.open(path)`; close it when done."""

    def __init__(self, path: Path, open_handle: Callable[[], object],
                 reader: sqlite3.Connection | None = None) -> None:
        self.path = path
        self._handle = None
        self._open_handle = open_handle   # how peewee opens it (handle.py), when first needed
        self._reader = reader             # a lazy open's connection for reads without the ORM
        self._on_wait: OnWait | None = None
        self._loading = threading.Lock()

    @classmethod
    def open(cls, path: Path, backup_dir: Path | None = None, on_wait: OnWait | None = None,
             busy_timeout_ms: int | None = None, lazy: bool = False) -> Database:
        """Open (creating if needed) and migrate to the latest schema.

        A database written by a newer SRDI Desk is refused; before the first pending migration
        of an existing database a backup is written to `backup_dir`. `on_wait` is told when a
        write waits for another writer; `busy_timeout_ms` is how long it waits at most
        (BUSY_TIMEOUT_MS unless given). `lazy`: a database already at the latest schema is
        opened through peewee only when first used that way (`load`); until then `reader()`
        serves the reads that need no ORM.
        """
        if sqlite3.sqlite_version_info < SQLITE_NEEDED:
            raise DatabaseVersionError(Message("db.sqlite_too_old", {
                "found": sqlite3.sqlite_version, "needed": ".".join(map(str, SQLITE_NEEDED))}))
        busy_timeout_ms = busy_timeout_ms or BUSY_TIMEOUT_MS
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        pragmas = tuple((name, busy_timeout_ms if name == "busy_timeout" else value)
                        for name, value in PRAGMAS)

        def open_handle():
            from .handle import open_handle   # peewee and the models: see the module's docstring

            return open_handle(path, pragmas, busy_timeout_ms, FIRST_TRY_MS, backup_dir)

        reader = _start_reader(path, busy_timeout_ms) if lazy else None
        database = cls(path, open_handle, reader)
        database.on_wait = on_wait
        if reader is None:
            database.load()
        return database

    @property
    def handle(self):
        """peewee's database (handle.py), opened on the first ask after a lazy open."""
        if self._handle is None:
            self.load()
        return self._handle

    @property
    def loaded(self) -> bool:
        """Whether peewee has opened the database (always, unless opened lazily)."""
        return self._handle is not None

    def load(self) -> None:
        """Open the database through peewee, if a lazy open has not yet. Safe from any thread."""
        with self._loading:
            if self._handle is None:
                handle = self._open_handle()
                handle.on_wait = self._on_wait
                self._handle = handle

    def reader(self) -> sqlite3.Connection:
        """A connection for reads written in SQL (firm_pages.py): peewee's own for this thread
        once it is loaded, so such a read sees what a transaction or snapshot around it sees;
        before that, the lazy open's read-only connection."""
        if self._handle is None and self._reader is not None:
            return self._reader
        return self.handle.connection()

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if self._handle is not None and not self._handle.is_closed():
            self._handle.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def on_wait(self) -> OnWait | None:
        """Told when a write has to wait for another writer (see the module's docstring)."""
        return self._on_wait

    @on_wait.setter
    def on_wait(self, callback: OnWait | None) -> None:
        self._on_wait = callback
        if self._handle is not None:
            self._handle.on_wait = callback

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: the writes inside either all commit or none does.

        The write lock is taken at the start (nested: a savepoint inside the outer one).
        Low-level refusals of the database come out as domain errors the user can read.
        """
        handle = self.handle
        from .handle import mapped_errors

        with mapped_errors(), handle.atomic(lock_type="IMMEDIATE"):
            yield

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read-only transaction: one consistent view for many reads (an export) that
        takes no write lock, so other windows and commands keep writing meanwhile. Do not
        write inside it: a write there may fail at once when another writer committed."""
        handle = self.handle
        from .handle import mapped_errors

        with mapped_errors(), handle.atomic():
            yield

    def schema_version(self) -> int:
        from . import migrate

        return migrate.current_version(self.handle)

    def sqlite_connection(self) -> sqlite3.Connection:
        """The raw connection, for the backup API (SQLite-only, kept inside db/)."""
        return self.handle.connection()

    def restore_from(self, source: Path) -> int:
        """Replace the whole content with the checked database file `source`, written through
        SQLite into the open database (every connection stays valid), then bring it to the latest
        schema. Returns the version the file had."""
        from . import backup as backups
        from . import migrate

        handle = self.handle
        backups.copy_into(handle, Path(source))
        return migrate.upgrade(handle, self.path, None)
