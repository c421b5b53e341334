"""Good copies of lost attachment files, found in the store's trash or in backups, put back.

A copy is good only when its SHA-256 equals the one the database recorded. It is hashed as it
is read: when looking (so the doctor's report is true) and again while it is written back (a
backup may have changed in between). Reading stops past the recorded size, so a damaged or
hostile zip member cannot fill the disk; only the one member named `attachments/<stored path>`
is read, never a name taken from the zip.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from desktop.storage.attachments import AttachmentStore

from .backups import ATTACHMENTS_PREFIX

_CHUNK = 1 << 20
# Whatever a damaged zip or file can raise while being read: the copy is then not good.
_UNREADABLE = (OSError, EOFError, KeyError, ValueError, RuntimeError, NotImplementedError,
               zipfile.BadZipFile, zlib.error)


@dataclass(frozen=True)
class Wanted:
    """A lost file: where it belongs in the store and what the database says it holds."""
    stored_path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Source:
    """Where a copy may be: a backup zip (`member` inside it) or a plain file (`member` "")."""
    path: Path
    member: str = ""

    @property
    def shown(self) -> str:
        """How the user is told where the copy came from (a path: the same in any language)."""
        return str(self.path)


def sources_for(stored_path: str, store: AttachmentStore, backups: Iterable[Path]) -> list[Source]:
    """The places to look, best first: the trash (a file the doctor tidied away), then each
    backup in the given order (newest first)."""
    found = []
    if safe_stored_path(stored_path):
        trashed = store.trash_root / stored_path
        if trashed.is_file():
            found.append(Source(trashed))
    found += [Source(Path(backup), ATTACHMENTS_PREFIX + stored_path) for backup in backups]
    return found


def safe_stored_path(stored_path: str) -> bool:
    """A relative path inside the store (the database could hold anything)."""
    parts = PurePosixPath(stored_path).parts
    return bool(parts) and "\\" not in stored_path and ":" not in stored_path \
        and not stored_path.startswith("/") and all(p not in ("", ".", "..") for p in parts)


def find_good_copies(wanted: Iterable[Wanted], store: AttachmentStore,
                     backups: list[Path]) -> dict[str, Source]:
    """{stored_path: the first source holding a good copy}; files with none are left out.
    Each backup is opened once for all the files still unfound."""
    wanted = [w for w in wanted if safe_stored_path(w.stored_path)]
    found: dict[str, Source] = {}
    for item in wanted:
        trashed = store.trash_root / item.stored_path
        if trashed.is_file() and _good(Source(trashed), item):
            found[item.stored_path] = Source(trashed)
    for backup in backups:
        unfound = [w for w in wanted if w.stored_path not in found]
        if not unfound:
            break
        try:
            with zipfile.ZipFile(backup) as archive:
                names = set(archive.namelist())
                for item in unfound:
                    member = ATTACHMENTS_PREFIX + item.stored_path
                    if member in names and _good_member(archive, member, item):
                        found[item.stored_path] = Source(Path(backup), member)
        except _UNREADABLE:
            continue   # an unreadable backup holds nothing we can trust
    return found


def restore_copy(source: Source, item: Wanted, store: AttachmentStore,
                 before_replace: Callable[[], None] | None = None) -> bool:
    """Write the copy from `source` into the store at `item.stored_path`: to a temporary file
    beside it, hashed while written and flushed to disk, then renamed over (atomic). Only a
    copy that hashes right is put in place; otherwise nothing changes and False is returned.

    `before_replace` runs once the good copy is on disk and before the rename (the doctor moves
    a corrupted file to the trash there, so the damaged file is kept until a good one exists).
    """
    if not safe_stored_path(item.stored_path):
        return False
    target = store.path_of(item.stored_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # ".incoming-": the store's own prefix for unfinished files, which its listing skips.
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as sink:
            try:
                with _open(source) as stream:
                    good = _copy_hashed(stream, item, sink.write)
            except _UNREADABLE:
                good = False
            sink.flush()
            os.fsync(sink.fileno())
        if not good:
            return False
        if before_replace is not None:
            before_replace()
        os.replace(temp, target)
        return True
    finally:
        if temp.exists():
            temp.unlink()


@contextmanager
def _open(source: Source) -> Iterator[BinaryIO]:
    if not source.member:
        with open(source.path, "rb") as stream:
            yield stream
        return
    with zipfile.ZipFile(source.path) as archive:
        info = archive.getinfo(source.member)
        with archive.open(info) as stream:
            yield stream


def _good(source: Source, item: Wanted) -> bool:
    try:
        with _open(source) as stream:
            return _copy_hashed(stream, item, None)
    except _UNREADABLE:
        return False


def _good_member(archive: zipfile.ZipFile, member: str, item: Wanted) -> bool:
    try:
        if archive.getinfo(member).file_size != item.size:
            return False
        with archive.open(member) as stream:
            return _copy_hashed(stream, item, None)
    except _UNREADABLE:
        return False


def _copy_hashed(stream: BinaryIO, item: Wanted, write: Callable[[bytes], object] | None) -> bool:
    """Read `stream` to the end (passing each block to `write`); True when it is exactly the
    recorded content. Stops as soon as it is longer than the recorded size."""
    digest, count = hashlib.sha256(), 0
    for block in iter(lambda: stream.read(_CHUNK), b""):
        count += len(block)
        if count > item.size:
            return False
        digest.update(block)
        if write is not None:
            write(block)
    return count == item.size and digest.hexdigest() == item.sha256
