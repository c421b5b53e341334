"""SQLite's own checks, as plain data (SQLite-only: kept inside db/).

`integrity_check()` returns the problems `PRAGMA integrity_check` reports (empty when it
answers "ok"); `foreign_key_check()` the rows whose reference points nowhere. Both read only.
"""
from __future__ import annotations

from dataclasses import dataclass

from .models import Attachment, database_proxy


@dataclass(frozen=True)
class ForeignKeyProblem:
    table: str          # the table holding the broken reference
    rowid: int | None
    parent: str         # the table it should point into


def integrity_check(limit: int = 100) -> list[str]:
    """SQLite's `PRAGMA integrity_check`: its problem lines, or [] when the file is sound."""
    rows = database_proxy.execute_sql(f"PRAGMA integrity_check({int(limit)})").fetchall()
    lines = [str(row[0]) for row in rows]
    return [] if lines == ["ok"] else lines


def foreign_key_check() -> list[ForeignKeyProblem]:
    """Rows whose foreign key refers to a row that does not exist."""
    rows = database_proxy.execute_sql("PRAGMA foreign_key_check").fetchall()
    return [ForeignKeyProblem(table=row[0], rowid=row[1], parent=row[2]) for row in rows]


def referenced_files() -> dict[str, str]:
    """{stored_path: sha256} of every file an attachment refers to."""
    query = Attachment.select(Attachment.stored_path, Attachment.sha256).distinct().tuples()
    return {stored_path: sha for stored_path, sha in query}
