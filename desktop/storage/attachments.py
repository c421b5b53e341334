"""The attachment store: files copied into the data folder under their SHA-256.

Copies, never links: the evidence must survive the original being moved or deleted. The same
content added twice is stored once. A file appears under its final name only when it is
complete (written to a temporary name, flushed, then renamed).
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import StorageError
from desktop.domain.messages import Message

MAX_FILE_BYTES = 512 * 1024 * 1024
_CHUNK = 1024 * 1024
TRASH_DIR = ".trash"   # removed files wait here, under their stored path, until emptied


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    stored_path: str    # relative to the store's root, with forward slashes
    size: int


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


class AttachmentStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_of(self, stored_path: str) -> Path:
        return self.root / stored_path

    def put(self, source: Path) -> StoredFile:
        """Copy `source` into the store (once per content) and describe the stored copy."""
        source = Path(source)
        if not source.is_file():
            raise StorageError(Message("file.not_found", {"path": str(source)}, field="file"))
        size = source.stat().st_size
        if size > MAX_FILE_BYTES:
            raise StorageError(Message("file.too_large", {
                "path": source.name, "limit": MAX_FILE_BYTES // (1024 * 1024)}, field="file"))
        temp: Path | None = None
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            # Hash while copying to a temporary file, so the file is read once. (mkstemp and a
            # plain file, not NamedTemporaryFile: its wrapper reads builtin methods' __doc__,
            # which under PySide6 6.12 on Python 3.11 drops a reference to None each time and
            # eventually aborts the process.)
            digest = hashlib.sha256()
            handle, name = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
            temp = Path(name)
            with source.open("rb") as reader, os.fdopen(handle, "wb") as writer:
                for chunk in iter(lambda: reader.read(_CHUNK), b""):
                    digest.update(chunk)
                    writer.write(chunk)
                writer.flush()
                os.fsync(writer.fileno())
            sha = digest.hexdigest()
            stored_path = f"{sha[:2]}/{sha}{source.suffix.lower()[:16]}"
            target = self.root / stored_path
            if target.exists() and sha256_of(target) == sha:
                temp.unlink()
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(temp, target)  # atomic: the file appears complete or not at all
        except OSError as error:
            if temp is not None and temp.exists():
                temp.unlink()
            raise StorageError(Message("file.store_failed", {
                "path": source.name, "error": error.strerror or str(error)}, field="file")) from error
        return StoredFile(sha256=sha, stored_path=stored_path, size=size)

    # -- trash, listing and verification ---------------------------------------------------
    # The trash keeps a removed file under the same relative path, so a restore is one move.

    @property
    def trash_root(self) -> Path:
        return self.root / TRASH_DIR

    def files(self) -> list[str]:
        """Every stored file (relative paths, sorted), without temporary files or the trash."""
        if not self.root.is_dir():
            return []
        found = []
        for path in self.root.rglob("*"):
            relative = path.relative_to(self.root)
            if relative.parts[0] == TRASH_DIR or path.name.startswith(".incoming-"):
                continue
            if path.is_file():
                found.append(relative.as_posix())
        return sorted(found)

    def trashed(self) -> list[str]:
        """The stored paths now in the trash, sorted."""
        if not self.trash_root.is_dir():
            return []
        return sorted(path.relative_to(self.trash_root).as_posix()
                      for path in self.trash_root.rglob("*") if path.is_file())

    def move_to_trash(self, stored_path: str) -> Path:
        """Move a stored file to `<root>/.trash/<stored_path>` (never deletes); returns where."""
        return self._move(stored_path, self.root, self.trash_root, "store.not_stored")

    def restore_from_trash(self, stored_path: str) -> Path:
        """Put a trashed file back where it was stored; returns its path in the store."""
        return self._move(stored_path, self.trash_root, self.root, "store.not_in_trash")

    def _move(self, stored_path: str, from_root: Path, to_root: Path, missing_code: str) -> Path:
        source = self._inside(from_root, stored_path)
        target = self._inside(to_root, stored_path)
        if not source.is_file():
            raise StorageError(Message(missing_code, {"path": stored_path}))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
        except OSError as error:
            raise StorageError(Message("store.trash_failed", {
                "path": stored_path, "error": error.strerror or str(error)})) from error
        return target

    def empty_trash(self) -> int:
        """Delete everything in the trash for good; returns how many files went."""
        count = len(self.trashed())
        if self.trash_root.exists():
            shutil.rmtree(self.trash_root)
        return count

    def verify(self, referenced: Mapping[str, str]) -> StoreReport:
        """Compare the store with `referenced` ({stored_path: sha256}, from the database).

        Missing: referenced but absent. Corrupted: present but its content hashes differently.
        Orphaned: stored but referenced by nothing (the trash and temporary files excluded).
        """
        missing, corrupted = [], []
        for stored_path, sha in sorted(referenced.items()):
            path = self.root / stored_path
            if not path.is_file():
                missing.append(stored_path)
            elif sha256_of(path) != sha:
                corrupted.append(stored_path)
        orphaned = [name for name in self.files() if name not in referenced]
        return StoreReport(missing=tuple(missing), corrupted=tuple(corrupted),
                           orphaned=tuple(orphaned), checked=len(referenced))

    def _inside(self, base: Path, stored_path: str) -> Path:
        path = (base / stored_path).resolve()
        if not path.is_relative_to(base.resolve()) or not stored_path:
            raise StorageError(Message("store.bad_path", {"path": stored_path}))
        return path


@dataclass(frozen=True)
class StoreReport:
    """What `AttachmentStore.verify` found (stored paths, sorted)."""
    missing: tuple[str, ...] = ()
    corrupted: tuple[str, ...] = ()
    orphaned: tuple[str, ...] = ()
    checked: int = 0

    @property
    def healthy(self) -> bool:
        return not (self.missing or self.corrupted or self.orphaned)


# -- export as a readable folder tree ------------------------------------------------------

@dataclass(frozen=True)
class ExportEntry:
    """One stored file to export as `<firm>/<kind>/<year>-<title><suffix>`."""
    stored_path: str
    firm: str
    kind: str
    title: str
    year: int | None = None
    suffix: str = ""          # with the dot, from the original name ('.pdf')


_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_MAX_NAME = 120


def safe_name(text: str, fallback: str = "_") -> str:
    """A file or folder name valid on Windows, macOS and Linux: unsafe characters become '_',
    no leading/trailing dots or spaces, not too long, never a reserved device name."""
    name = _UNSAFE.sub("_", text).strip(" .")[:_MAX_NAME].strip(" .")
    if not name or name.split(".")[0].upper() in _RESERVED:
        name = f"_{name}" if name else fallback
    return name


_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}


def export_tree(store: AttachmentStore, entries: Iterable[ExportEntry],
                target_dir: Path) -> list[Path]:
    """Copy each entry's stored file to `target_dir/<firm>/<kind>/<year>-<title><suffix>`.

    Clashing names are numbered ('title (2).pdf'); names are compared case-insensitively, as
    Windows and macOS would. Files already in the target are never overwritten. Returns the
    written paths in the order of `entries`.
    """
    target_dir = Path(target_dir)
    taken: set[str] = set()
    written = []
    for entry in entries:
        folder = target_dir / safe_name(entry.firm) / safe_name(entry.kind)
        stem = safe_name(f"{entry.year}-{entry.title}" if entry.year else entry.title)
        suffix = _UNSAFE.sub("_", entry.suffix.lower())[:16]
        number = 1
        while True:
            name = f"{stem}{suffix}" if number == 1 else f"{stem} ({number}){suffix}"
            path = folder / name
            key = path.as_posix().casefold()
            if key not in taken and not path.exists():
                break
            number += 1
        taken.add(key)
        source = store.path_of(entry.stored_path)
        if not source.is_file():
            raise StorageError(Message("store.missing", {"path": entry.stored_path}))
        try:
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, path)
        except OSError as error:
            raise StorageError(Message("store.export_failed", {
                "path": str(path), "error": error.strerror or str(error)})) from error
        written.append(path)
    return written
