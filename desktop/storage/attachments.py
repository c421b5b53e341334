"""The attachment store: files copied into the data folder under their SHA-256.

Copies, never links: the evidence must survive the original being moved or deleted. The same
content added twice is stored once. A file appears under its final name only when it is
complete (written to a temporary name, flushed, then renamed).
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import StorageError
from desktop.domain.messages import Message

MAX_FILE_BYTES = 512 * 1024 * 1024
_CHUNK = 1024 * 1024


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
