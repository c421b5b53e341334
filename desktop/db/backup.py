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
