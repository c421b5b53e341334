"""Copies of the live database through SQLite's online backup API.

A plain file copy of a database in WAL mode can miss committed pages still in the -wal file;
the backup API copies a consistent snapshot even while another connection writes.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import peewee as pw


def backup_to(database: pw.SqliteDatabase, target: Path) -> Path:
    """Write a consistent copy of `database` to `target` (created atomically via a temp file)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    destination = sqlite3.connect(partial)
    try:
        database.connection().backup(destination)
    finally:
        destination.close()
    partial.replace(target)
    return target


def timestamped_name(prefix: str) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{prefix}-{stamp}.db"


def snapshot_file(database: pw.SqliteDatabase, target: Path) -> Path:
    """A standalone copy of `database` (backup API) in rollback-journal mode: one file, no -wal."""
    backup_to(database, target)
    connection = sqlite3.connect(target)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()
    return target


def referenced_files(database: pw.SqliteDatabase) -> list[str]:
    """The stored paths (relative to the attachment store) that attachment rows point at."""
    rows = database.execute_sql(
        "SELECT DISTINCT stored_path FROM attachment ORDER BY stored_path").fetchall()
    return [row[0] for row in rows]


def _open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def check_file(path: Path) -> int:
    """Check a database file before it replaces the live one; return its schema version.

    Refuses (DatabaseVersionError) a file that does not open, fails `PRAGMA integrity_check`,
    has no schema version, or was written by a newer SRDI Desk.
    """
    from desktop.domain.errors import DatabaseVersionError
    from desktop.domain.messages import Message

    from .migrations import LATEST_VERSION

    try:
        connection = _open_read_only(path)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchall()
            if [tuple(row) for row in result] != [("ok",)]:
                raise DatabaseVersionError(Message("backup.database_damaged", {
                    "error": "; ".join(str(row[0]) for row in result[:5])}))
            row = connection.execute("SELECT max(version) FROM schema_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseVersionError(Message("backup.database_damaged",
                                           {"error": str(error)})) from error
    version = int(row[0] or 0) if row else 0
    if version < 1:
        raise DatabaseVersionError(Message("backup.database_damaged",
                                           {"error": "no schema version"}))
    if version > LATEST_VERSION:
        raise DatabaseVersionError(Message("db.too_new", {
            "path": str(path), "found": version, "supported": LATEST_VERSION}))
    return version


def summary_read_only(path: Path) -> dict:
    """What a backup holds, read without writing: schema version, firm count and names."""
    connection = _open_read_only(path)
    try:
        version = connection.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        names = [row[0] for row in connection.execute("SELECT name FROM firm ORDER BY name")]
    finally:
        connection.close()
    return {"schema_version": int(version or 0), "firm_count": len(names), "firm_names": names}


def copy_into(database: pw.SqliteDatabase, source: Path) -> None:
    """Replace the whole content of the open `database` with `source` (backup API, in place).

    Writing through SQLite rather than swapping the file keeps every open connection valid:
    each sees the restored content on its next read.
    """
    connection = _open_read_only(source)
    try:
        connection.backup(database.connection())
    finally:
        connection.close()
