"""Backups: the database (through SQLite's online backup API) and the attachments it references,
in one zip with a manifest; retention thinned like Anki's; checked restore; read-only look.

A backup is `srdi-backup-<UTC stamp>-<reason>.zip` holding `srdi.db`, `attachments/<stored
path>` for every file an attachment row points at, and `manifest.json` (format "srdi-backup",
version 1, the app and schema version, when, why, and the SHA-256 and size of every file).

A restore writes the backup's database *into* the open database through the same backup API
(db.Database.restore_from) instead of swapping the file, so the Workspace and every open
connection stay usable afterwards; no reopen is needed. Attachment files missing from the store
are copied back; files already there are content-addressed and left alone.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from desktop import __version__
from desktop.db import backup as db_backup
from desktop.domain.errors import StorageError
from desktop.domain.messages import Message
from desktop.storage import safe_zip

from .context import ServiceContext

FORMAT, VERSION = "srdi-backup", 1
DATABASE_MEMBER, MANIFEST_MEMBER, ATTACHMENTS_PREFIX = "srdi.db", "manifest.json", "attachments/"
NAME_PATTERN = re.compile(r"^srdi-backup-(\d{8}T\d{6})(\d{6})?Z-([a-z0-9-]+)\.zip$")
REASON_PATTERN = re.compile(r"^[a-z0-9-]{1,40}$")
# Retention like Anki's: besides the newest, the newest backup of each of the 7 most recent days
# that have one, then of 4 earlier ISO weeks, then of 12 earlier months. Manual backups (the
# user asked for them) are never thinned; only the automatic ones are.
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
# What a backup may hold before it is refused unread (a zip bomb, or not ours).
MAX_MEMBERS = 200_000
MAX_TOTAL_SIZE = 64 * 1024 ** 3
MAX_MANIFEST_SIZE = 64 * 1024 ** 2
MAX_RATIO = 1000  # uncompressed / compressed, for members above 1 MB


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    created: datetime   # UTC, aware
    reason: str
    size: int


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    created: str
    reason: str
    app_version: str
    schema_version: int
    firm_count: int
    firm_names: tuple[str, ...]
    attachment_count: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def parse_name(name: str) -> tuple[datetime, str] | None:
    """(created, reason) from a backup's file name; None for other files."""
    match = NAME_PATTERN.match(name)
    if not match:
        return None
    created = datetime.strptime(match.group(1) + (match.group(2) or "000000"), "%Y%m%dT%H%M%S%f")
    return created.replace(tzinfo=timezone.utc), match.group(3)


def to_delete(entries: list[BackupEntry]) -> list[BackupEntry]:
    """The backups the retention drops (after Anki's filter): walking from the newest, keep the
    newest, then the newest of each earlier day (7 of them), then of each earlier ISO week (4),
    then of each earlier month (12); everything else goes."""
    ordered = sorted(entries, key=lambda entry: entry.created, reverse=True)
    if not ordered:
        return []
    remaining = {"day": KEEP_DAILY, "week": KEEP_WEEKLY, "month": KEEP_MONTHLY}

    def periods(entry: BackupEntry) -> dict:
        day = entry.created.date()
        return {"day": day, "week": day.isocalendar()[:2], "month": (day.year, day.month)}

    last = periods(ordered[0])
    drop = []
    for entry in ordered[1:]:
        now = periods(entry)
        # Stages in turn: weekly slots only once the daily ones are used, then monthly.
        stage = next((name for name in ("day", "week", "month") if remaining[name] > 0), None)
        if stage is not None and now[stage] < last[stage]:
            remaining[stage] -= 1
            last = now
        else:
            drop.append(entry)
    return drop


_unsafe = safe_zip.unsafe_name
# The shared zip checks (storage/safe_zip.py) worded with the backup codes that predate them.
_CODES = safe_zip.Codes("backup", {
    "not_a_zip": "not_a_backup", "link": "unsafe_name", "duplicate_name": "unsafe_name",
    "too_many_members": "too_large", "member_too_large": "too_large",
    "total_too_large": "too_large", "compression_ratio": "too_large",
    "encrypted": "unreadable", "member_unreadable": "unreadable",
    "size_mismatch": "hash_mismatch"})
_LIMITS = safe_zip.ZipLimits(max_members=MAX_MEMBERS, max_member_size=MAX_TOTAL_SIZE,
                             max_total_size=MAX_TOTAL_SIZE, max_ratio=MAX_RATIO)


class BackupService:
    def __init__(self, context: ServiceContext, now=_utc_now) -> None:
        self.context = context
        self.now = now  # UTC clock (aware); tests replace it

    @property
    def folder(self) -> Path:
        return self.context.paths.backups

    # -- making ----------------------------------------------------------------------------
    def backup(self, target: Path | None = None, reason: str = "manual",
               thin: bool = True) -> Path:
        """Write a backup zip (to `target`, else into the backups folder) and return its path.

        An automatic backup (any reason but "manual") is followed by the retention thinning.
        """
        if not REASON_PATTERN.match(reason):
            raise ValueError(f"bad backup reason {reason!r}")
        created = self.now().astimezone(timezone.utc)
        if target is None:
            target = self._free_name(created, reason)
        target = Path(target)
        if target.is_dir():
            target = target / self._free_name(created, reason).name
        target.parent.mkdir(parents=True, exist_ok=True)
        database = self.context.database
        store = self.context.paths.attachments
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=".srdi-backup-") as work:
            snapshot = db_backup.snapshot_file(database.handle, Path(work) / DATABASE_MEMBER)
            members = [(DATABASE_MEMBER, snapshot)]
            missing = []
            for stored in db_backup.referenced_files(database.handle):
                source = store / stored
                if _unsafe(stored) or not source.is_file():
                    missing.append(stored)
                    continue
                members.append((ATTACHMENTS_PREFIX + stored, source))
            manifest = {
                "format": FORMAT, "version": VERSION, "app_version": __version__,
                "created": created.isoformat(), "reason": reason,
                "schema_version": database.schema_version(),
                "files": {name: {"sha256": _sha256(path), "size": path.stat().st_size}
                          for name, path in members},
                "missing": missing,
            }
            partial = Path(work) / "backup.zip.partial"
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
                archive.writestr(MANIFEST_MEMBER, json.dumps(manifest, ensure_ascii=False,
                                                             indent=2))
                for name, path in members:
                    archive.write(path, name)
            with open(partial, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(partial, target)  # same folder: atomic
        if thin and reason != "manual":
            self.thin()
        return target

    def _free_name(self, created: datetime, reason: str) -> Path:
        while True:
            stamp = created.strftime("%Y%m%dT%H%M%S%fZ")
            path = self.folder / f"srdi-backup-{stamp}-{reason}.zip"
            if not path.exists():
                return path
            created = created.replace(microsecond=(created.microsecond + 1) % 1_000_000)

    def daily_backup(self) -> Path | None:
        """A backup unless one was already made today (UTC date); None when none was needed."""
        today: date = self.now().astimezone(timezone.utc).date()
        if any(entry.created.date() == today for entry in self.list()):
            return None
        return self.backup(reason="daily")

    # -- listing and retention -------------------------------------------------------------
    def list(self) -> list[BackupEntry]:
        """The backups in the backups folder, newest first."""
        if not self.folder.is_dir():
            return []
        entries = []
        for path in self.folder.iterdir():
            parsed = parse_name(path.name)
            if parsed and path.is_file():
                entries.append(BackupEntry(path, parsed[0], parsed[1], path.stat().st_size))
        return sorted(entries, key=lambda entry: entry.created, reverse=True)

    def thin(self) -> list[Path]:
        """Delete the automatic backups the retention does not keep; return their paths."""
        deleted = []
        automatic = [entry for entry in self.list() if entry.reason != "manual"]
        for entry in to_delete(automatic):
            entry.path.unlink(missing_ok=True)
            deleted.append(entry.path)
        return deleted

    # -- checking --------------------------------------------------------------------------
    def verify(self, path: Path) -> dict:
        """Check a backup zip completely; return its manifest or raise a DomainError naming
        each problem (unsafe names, limits, manifest, hashes, the database itself)."""
        path = Path(path)
        if not path.is_file() or not zipfile.is_zipfile(path):
            raise StorageError(Message("backup.not_a_backup", {"path": str(path)}))
        try:
            with zipfile.ZipFile(path) as archive:
                manifest = self._check_archive(archive, path)
                with tempfile.TemporaryDirectory(prefix="srdi-verify-") as work:
                    db_backup.check_file(self._extract_db(archive, Path(work)))
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise StorageError(Message("backup.unreadable",
                                       {"path": str(path), "error": str(error)})) from error
        return manifest

    def _check_archive(self, archive: zipfile.ZipFile, path: Path) -> dict:
        safe_zip.check_members(archive, path, _LIMITS, _CODES)
        manifest = safe_zip.read_json(archive, path, MANIFEST_MEMBER, MAX_MANIFEST_SIZE, _CODES)
        try:
            if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
                raise ValueError(f"not format {FORMAT} version {VERSION}")
            files = manifest["files"]
            if not isinstance(files, dict) or DATABASE_MEMBER not in files:
                raise ValueError(f"no {DATABASE_MEMBER}")
        except (KeyError, ValueError, TypeError, AttributeError) as error:
            raise StorageError(Message("backup.bad_manifest", {"error": str(error)})) from error
        safe_zip.check_files(archive, path, files, _CODES, skip=(MANIFEST_MEMBER,),
                             sizes=False)   # the SHA-256 is the check, as before
        return manifest

    @staticmethod
    def _extract_db(archive: zipfile.ZipFile, folder: Path) -> Path:
        target = folder / DATABASE_MEMBER
        with archive.open(DATABASE_MEMBER) as source, open(target, "wb") as sink:
            shutil.copyfileobj(source, sink, 1 << 20)
        return target

    # -- looking and restoring -------------------------------------------------------------
    def inspect(self, path: Path) -> BackupSummary:
        """What a backup holds, read-only; the live data is not touched."""
        manifest = self.verify(path)
        with zipfile.ZipFile(path) as archive, \
                tempfile.TemporaryDirectory(prefix="srdi-inspect-") as work:
            summary = db_backup.summary_read_only(self._extract_db(archive, Path(work)))
        return BackupSummary(
            path=Path(path), created=str(manifest.get("created", "")),
            reason=str(manifest.get("reason", "")), app_version=str(manifest.get("app_version", "")),
            schema_version=summary["schema_version"], firm_count=summary["firm_count"],
            firm_names=tuple(summary["firm_names"]),
            attachment_count=sum(1 for name in manifest["files"]
                                 if name.startswith(ATTACHMENTS_PREFIX)))

    def restore(self, path: Path) -> Path:
        """Replace the live data with a backup: check it, back up the current data (reason
        "before-restore"; no thinning, which could remove the very backup being restored),
        write its database into the open one, copy back the attachment files the store lacks.
        Returns the path of the before-restore backup."""
        path = Path(path)
        self.verify(path)
        safety = self.backup(reason="before-restore", thin=False)
        store = self.context.paths.attachments
        with zipfile.ZipFile(path) as archive, \
                tempfile.TemporaryDirectory(dir=self.folder, prefix=".srdi-restore-") as work:
            database_file = self._extract_db(archive, Path(work))
            self.context.database.restore_from(database_file)
            for name in archive.namelist():
                if not name.startswith(ATTACHMENTS_PREFIX):
                    continue
                target = store / name[len(ATTACHMENTS_PREFIX):]
                if target.exists():
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                partial = target.with_name(f".restoring-{target.name}")
                with archive.open(name) as source, open(partial, "wb") as sink:
                    shutil.copyfileobj(source, sink, 1 << 20)
                os.replace(partial, target)
        return safety


__all__ = ["BackupEntry", "BackupService", "BackupSummary", "parse_name", "to_delete"]
