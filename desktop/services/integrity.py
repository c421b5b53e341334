"""The doctor: is the database sound, are the attachments all there and intact, do the
rulebooks load? Answers in plain words (Messages), and offers the one safe repair: orphaned
files (stored, referenced by nothing) go to the store's trash, never deleted.

A detach or remove leaves its stored file in place on purpose (undo needs it); such a file is
an orphan only for the doctor to tidy, and the trash keeps it until emptied.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.db import integrity as checks
from desktop.domain.errors import DomainError, StorageError
from desktop.domain.messages import Message
from desktop.rules.engine import Engine
from desktop.storage.attachments import AttachmentStore

from .context import ServiceContext


@dataclass(frozen=True)
class IntegrityReport:
    """`ok`: what was found sound; `problems`: what was not, each naming its table or file;
    `orphaned`: the stored paths a repair would move to the trash."""
    ok: tuple[Message, ...] = ()
    problems: tuple[Message, ...] = ()
    orphaned: tuple[str, ...] = ()

    @property
    def healthy(self) -> bool:
        return not self.problems

    @property
    def repairable(self) -> bool:
        return bool(self.orphaned)

    @property
    def messages(self) -> tuple[Message, ...]:
        return self.ok + self.problems


class IntegrityService:
    def __init__(self, context: ServiceContext, store: AttachmentStore, qualification) -> None:
        self.context = context
        self.store = store
        self.qualification = qualification   # for the rulebook folder it uses

    def check(self) -> IntegrityReport:
        """Run every check; reads only, changes nothing."""
        ok: list[Message] = []
        problems: list[Message] = []
        self._check_database(ok, problems)
        orphaned = self._check_files(ok, problems)
        self._check_rulebooks(ok, problems)
        return IntegrityReport(ok=tuple(ok), problems=tuple(problems), orphaned=orphaned)

    def repair(self, report: IntegrityReport) -> tuple[Message, ...]:
        """Move the report's orphaned files to the trash (files referenced since are left
        alone); returns one message per file moved or refused."""
        still_referenced = checks.referenced_files()
        done: list[Message] = []
        for stored_path in report.orphaned:
            if stored_path in still_referenced:
                continue
            try:
                self.store.move_to_trash(stored_path)
            except StorageError as error:
                done += error.messages
            else:
                done.append(Message("doctor.orphan_trashed", {"path": stored_path}))
        return tuple(done)

    def _check_database(self, ok: list[Message], problems: list[Message]) -> None:
        damage = checks.integrity_check()
        if damage:
            problems += [Message("doctor.db_damaged", {"detail": line}) for line in damage]
        else:
            ok.append(Message("doctor.db_ok", {"path": self.context.database.path}))
        broken = checks.foreign_key_check()
        if broken:
            problems += [Message("doctor.fk_broken", {
                "table": row.table, "rowid": row.rowid, "parent": row.parent}) for row in broken]
        else:
            ok.append(Message("doctor.fk_ok"))

    def _check_files(self, ok: list[Message], problems: list[Message]) -> tuple[str, ...]:
        found = self.store.verify(checks.referenced_files())
        problems += [Message("doctor.file_missing", {"path": path}) for path in found.missing]
        problems += [Message("doctor.file_corrupted", {"path": path}) for path in found.corrupted]
        problems += [Message("doctor.file_orphaned", {"path": path}) for path in found.orphaned]
        if not (found.missing or found.corrupted):
            ok.append(Message("doctor.files_ok", {"count": found.checked}))
        return found.orphaned

    def _check_rulebooks(self, ok: list[Message], problems: list[Message]) -> None:
        directory = Path(self.qualification.criteria_dir)
        try:
            engine = Engine.load(directory)
        except DomainError as error:
            problems.append(Message("doctor.rules_broken", {"path": directory}))
            problems += error.messages
        except Exception as error:  # noqa: BLE001 - any unreadable file: report it, never crash the doctor
            problems.append(Message("doctor.rules_broken", {"path": directory}))
            problems.append(Message("doctor.rules_error", {"error": str(error)}))
        else:
            if engine.rulebooks:
                ok.append(Message("doctor.rules_ok", {"count": len(engine.rulebooks)}))
            else:
                problems.append(Message("doctor.rules_none", {"path": directory}))
