"""The doctor: is the database sound, are the attachments all there and intact, do the
rulebooks load? Answers in plain words (Messages), and offers the safe repairs:

- orphaned files (stored, referenced by nothing) go to the store's trash, never deleted;
- a missing or corrupted file comes back from the trash or the newest backup holding a copy
  whose SHA-256 is the recorded one (a corrupted file goes to the trash first). A file no
  backup holds is named to the user (firm, evidence item, original name) and left alone.

A detach or remove leaves its stored file in place on purpose (undo needs it); such a file is
an orphan only for the doctor to tidy, and the trash keeps it until emptied.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.db import integrity as checks
from desktop.domain.errors import DomainError, StorageError
from desktop.domain.messages import Message
from desktop.rules.engine import Engine
from desktop.storage.attachments import AttachmentStore, sha256_of

from . import backup_files
from .backup_files import Wanted
from .backups import BackupService
from .context import ServiceContext


@dataclass(frozen=True)
class LostFile:
    """A referenced file that is missing from the store or no longer matches its SHA-256,
    named as the user knows it (the first attachment using it), and where a good copy is."""
    stored_path: str
    sha256: str
    size: int
    corrupted: bool
    name: str = ""        # the original file name
    title: str = ""       # the evidence item's title
    firm: str = ""        # the firm's name
    source: str = ""      # the trashed file or backup holding a good copy; "" when none does

    @property
    def params(self) -> dict:
        return {"path": self.stored_path, "name": self.name, "title": self.title,
                "firm": self.firm, "source": self.source}


@dataclass(frozen=True)
class IntegrityReport:
    """`ok`: what was found sound; `problems`: what was not, each naming its table or file;
    `orphaned`: the stored paths a repair would move to the trash; `lost`: the missing and
    corrupted files, each with the good copy a repair would restore (if any)."""
    ok: tuple[Message, ...] = ()
    problems: tuple[Message, ...] = ()
    orphaned: tuple[str, ...] = ()
    lost: tuple[LostFile, ...] = ()

    @property
    def healthy(self) -> bool:
        return not self.problems

    @property
    def repairable(self) -> bool:
        return bool(self.orphaned) or any(lost.source for lost in self.lost)

    @property
    def messages(self) -> tuple[Message, ...]:
        return self.ok + self.problems


class IntegrityService:
    def __init__(self, context: ServiceContext, store: AttachmentStore, qualification,
                 backups: BackupService | None = None) -> None:
        self.context = context
        self.store = store
        self.qualification = qualification   # for the rulebook folder it uses
        self.backups = backups or BackupService(context)   # where good copies may be

    def check(self) -> IntegrityReport:
        """Run every check; reads only, changes nothing."""
        ok: list[Message] = []
        problems: list[Message] = []
        self._check_database(ok, problems)
        orphaned, lost = self._check_files(ok, problems)
        self._check_rulebooks(ok, problems)
        return IntegrityReport(ok=tuple(ok), problems=tuple(problems), orphaned=orphaned,
                               lost=lost)

    def repair(self, report: IntegrityReport,
               progress: Callable[[int, int], bool] | None = None) -> tuple[Message, ...]:
        """The safe repairs, one message per file: orphaned files go to the trash (files
        referenced since are left alone); lost files come back from a good copy, a corrupted
        one moved to the trash first; a file nothing holds is named and left as it is.
        `progress(done, total)` answering False stops after the current file."""
        total = len(report.orphaned) + len(report.lost)
        step = 0

        def going_on() -> bool:
            return progress is None or progress(step, total) is not False

        still_referenced = checks.referenced_files()
        done: list[Message] = []
        for stored_path in report.orphaned:
            if not going_on():
                return tuple(done)
            step += 1
            if stored_path in still_referenced:
                continue
            try:
                self.store.move_to_trash(stored_path)
            except StorageError as error:
                done += error.messages
            else:
                done.append(Message("doctor.orphan_trashed", {"path": stored_path}))
        backups = self._backup_paths()
        for lost in report.lost:
            if not going_on():
                return tuple(done)
            step += 1
            # Referenced no more, or by other content: nothing to bring back.
            if still_referenced.get(lost.stored_path) == lost.sha256:
                done += self._restore(lost, backups)
        going_on()
        return tuple(done)

    def _restore(self, lost: LostFile, backups: list[Path]) -> list[Message]:
        path = self.store.path_of(lost.stored_path)
        if path.is_file() and sha256_of(path) == lost.sha256:
            return []   # put back since the check (a restore, an import): nothing to do
        if not lost.source:
            return [Message("doctor.file_not_restored", lost.params)]

        def trash_the_damaged() -> None:
            if path.is_file():
                self.store.move_to_trash(lost.stored_path)

        wanted = Wanted(lost.stored_path, lost.sha256, lost.size)
        # The source the check found first; if it changed since, the next good one.
        for source in backup_files.sources_for(lost.stored_path, self.store, backups):
            try:
                restored = backup_files.restore_copy(source, wanted, self.store, trash_the_damaged)
            except StorageError as error:
                return list(error.messages)
            except OSError as error:
                return [Message("doctor.restore_failed", {
                    "path": lost.stored_path, "error": error.strerror or str(error)})]
            if restored:
                params = {**lost.params, "source": source.shown}
                if lost.corrupted:
                    return [Message("doctor.file_replaced", params)]
                return [Message("doctor.file_restored", params)]
        return [Message("doctor.file_not_restored", lost.params)]

    def _backup_paths(self) -> list[Path]:
        return [entry.path for entry in self.backups.list()]   # newest first

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

    def _check_files(self, ok: list[Message], problems: list[Message]
                     ) -> tuple[tuple[str, ...], tuple[LostFile, ...]]:
        referenced = checks.referenced_files()
        found = self.store.verify(referenced)
        lost = self._find_copies(found.missing, found.corrupted)
        for item in lost:
            if item.corrupted:
                code = "doctor.file_corrupted_restorable" if item.source else "doctor.file_corrupted_lost"
            else:
                code = "doctor.file_missing_restorable" if item.source else "doctor.file_missing_lost"
            problems.append(Message(code, item.params))
        problems += [Message("doctor.file_orphaned", {"path": path}) for path in found.orphaned]
        if not (found.missing or found.corrupted):
            ok.append(Message("doctor.files_ok", {"count": found.checked}))
        return found.orphaned, lost

    def _find_copies(self, missing: tuple[str, ...], corrupted: tuple[str, ...]
                     ) -> tuple[LostFile, ...]:
        """Each lost file, named by its first user, with the best good copy found."""
        if not (missing or corrupted):
            return ()
        uses = checks.file_uses(missing + corrupted)
        wanted = [Wanted(path, uses[path][0].sha256, uses[path][0].size)
                  for path in missing + corrupted if uses.get(path)]
        copies = backup_files.find_good_copies(wanted, self.store, self._backup_paths())
        lost = []
        for item in wanted:
            use = uses[item.stored_path][0]
            source = copies.get(item.stored_path)
            lost.append(LostFile(
                stored_path=item.stored_path, sha256=item.sha256, size=item.size,
                corrupted=item.stored_path in corrupted, name=use.original_name,
                title=use.evidence_title, firm=use.firm_name,
                source=source.shown if source is not None else ""))
        return tuple(sorted(lost, key=lambda item: item.stored_path))

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
