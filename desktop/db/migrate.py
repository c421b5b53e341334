"""Running the numbered migrations: a fresh database is built by running them all.

The version lives in the `schema_version` table (portable, unlike SQLite's user_version).
"""
from __future__ import annotations

from pathlib import Path

import peewee as pw

from desktop.domain.errors import DatabaseVersionError
from desktop.domain.messages import Message

from .backup import backup_to, timestamped_name
from .migrations import LATEST_VERSION, MIGRATIONS


def current_version(handle: pw.Database) -> int:
    """The schema version of the database; 0 for an empty one."""
    if not handle.table_exists("schema_version"):
        return 0
    row = handle.execute_sql("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def upgrade(handle: pw.SqliteDatabase, path: Path, backup_dir: Path | None,
            target: int = LATEST_VERSION) -> int:
    """Bring the schema to `target`; return the version the database had before."""
    found = current_version(handle)
    if found > LATEST_VERSION:
        raise DatabaseVersionError(Message(
            "db.too_new", {"path": str(path), "found": found, "supported": LATEST_VERSION}))
    pending = [m for m in MIGRATIONS if found < m.VERSION <= target]
    if pending and found > 0 and backup_dir is not None:
        backup_to(handle, Path(backup_dir) / timestamped_name(f"before-schema-{pending[0].VERSION}"))
    if not pending:
        return found
    # SQLite's procedure for schema changes: foreign keys off (outside any transaction), so a
    # table rebuilt by drop-and-copy does not cascade-delete the rows that point at it; then
    # check the keys before committing.
    handle.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        for migration in pending:
            # DDL is transactional in SQLite: a failed migration leaves the old schema intact.
            with handle.atomic():
                migration.upgrade(handle)
                broken = handle.execute_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise pw.IntegrityError(f"migration {migration.VERSION} broke foreign keys: "
                                            f"{broken[:5]}")
                handle.execute_sql("DELETE FROM schema_version")
                handle.execute_sql("INSERT INTO schema_version (version) VALUES (?)",
                                   (migration.VERSION,))
    finally:
        handle.execute_sql("PRAGMA foreign_keys = ON")
    return found
