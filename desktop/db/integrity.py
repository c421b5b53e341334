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


@dataclass(frozen=True)
class FileUse:
    """One attachment row pointing at a stored file: enough to name it to the user."""
    stored_path: str
    sha256: str
    size: int
    original_name: str
    evidence_title: str
    firm_name: str


def file_uses(stored_paths) -> dict[str, list[FileUse]]:
    """{stored_path: the attachments using it}, for the given paths, in a stable order (firm,
    evidence title, file name), so a message names the same one each time."""
    from .models import EvidenceItem, Firm

    wanted = sorted(set(stored_paths))
    found: dict[str, list[FileUse]] = {path: [] for path in wanted}
    # Chunks: SQLite limits the number of bound parameters in one statement.
    for start in range(0, len(wanted), 500):
        query = (Attachment
                 .select(Attachment.stored_path, Attachment.sha256, Attachment.size,
                         Attachment.original_name, EvidenceItem.title, Firm.name)
                 .join(EvidenceItem).join(Firm)
                 .where(Attachment.stored_path.in_(wanted[start:start + 500]))
                 .order_by(Firm.name, EvidenceItem.title, Attachment.original_name, Attachment.id)
                 .tuples())
        for row in query:
            found[row[0]].append(FileUse(*row))
    return found
