"""Reading zip files that came from elsewhere (backups, evidence packages), safely.

The checks run on the central directory before a byte is decompressed (names, links,
duplicates, member count, sizes, compression ratio), then every member is read once, streamed,
to compare its SHA-256 and size with the manifest. Nothing is ever extracted under a name
taken from the archive: callers copy a member to a path they chose.

Problems come out as `Message(code, params)` with `path` (the archive) and `name` (the member)
among the params. Each caller names its codes through `Codes(prefix, aliases)`: a problem of
kind `hash_mismatch` becomes `package.hash_mismatch`, or for backups (whose codes predate this
module) an alias such as `backup.hash_mismatch` for `size_mismatch` too.
"""
from __future__ import annotations

import hashlib
import json
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from desktop.domain.errors import Cancelled, StorageError
from desktop.domain.messages import Message

Progress = Callable[[int, int], "bool | None"]
_CHUNK = 1 << 20
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class ZipLimits:
    """What an archive may hold before it is refused unread."""

    max_members: int
    max_member_size: int
    max_total_size: int
    max_ratio: int                  # uncompressed / compressed …
    ratio_floor: int = 1 << 20      # … for members at least this large (small ones vary wildly)


@dataclass(frozen=True)
class Codes:
    """How one caller words the problem kinds: `<prefix>.<alias or kind>`."""

    prefix: str
    aliases: Mapping[str, str] = field(default_factory=dict)

    def message(self, kind: str, path: Path | str, **params: Any) -> Message:
        return Message(f"{self.prefix}.{self.aliases.get(kind, kind)}",
                       {"path": str(path), **params})


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell `progress` how far the work is; raise Cancelled when it answers False."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled()


def unsafe_name(name: str) -> bool:
    """A member name that could escape a folder or means different things on different
    systems: absolute, `..`, `.`, empty parts, backslashes, drive letters, a folder entry."""
    if not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name:
        return True
    if any(ord(char) < 32 for char in name):
        return True
    parts = PurePosixPath(name).parts
    return any(part in ("..", ".", "") for part in parts) or name.endswith("/")


def _file_type(info: zipfile.ZipInfo) -> int:
    """The Unix file type bits of a member (0 when the archive did not record any)."""
    return stat.S_IFMT(info.external_attr >> 16)


def open_archive(path: Path, codes: Codes) -> zipfile.ZipFile:
    """The archive at `path`, or StorageError `not_a_zip` / `unreadable`."""
    path = Path(path)
    try:
        if not path.is_file() or not zipfile.is_zipfile(path):
            raise StorageError(codes.message("not_a_zip", path, name=""))
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise StorageError(codes.message("unreadable", path, name="",
                                         error=str(error))) from error


def check_members(archive: zipfile.ZipFile, path: Path, limits: ZipLimits, codes: Codes) -> None:
    """Refuse (StorageError listing every problem) what is unsafe before anything is read."""
    infos = archive.infolist()
    problems: list[Message] = []
    if len(infos) > limits.max_members:
        raise StorageError(codes.message("too_many_members", path, name="",
                                         limit=limits.max_members))
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        if unsafe_name(name):
            problems.append(codes.message("unsafe_name", path, name=name))
            continue
        kind = _file_type(info)
        if kind == stat.S_IFLNK:
            problems.append(codes.message("link", path, name=name))
        elif kind not in (0, stat.S_IFREG):   # devices, pipes, folders
            problems.append(codes.message("unsafe_name", path, name=name))
        # Two spellings of one name on a case-insensitive disk count as duplicates too.
        folded = name.casefold()
        if folded in seen:
            problems.append(codes.message("duplicate_name", path, name=name))
        seen.add(folded)
        if info.flag_bits & 0x1:
            problems.append(codes.message("encrypted", path, name=name, error="encrypted"))
        if info.file_size > limits.max_member_size:
            problems.append(codes.message("member_too_large", path, name=name,
                                          limit=limits.max_member_size))
        elif (info.file_size >= limits.ratio_floor
              and info.file_size > limits.max_ratio * max(info.compress_size, 1)):
            problems.append(codes.message("compression_ratio", path, name=name,
                                          limit=limits.max_ratio))
    total = sum(info.file_size for info in infos)
    if total > limits.max_total_size:
        problems.append(codes.message("total_too_large", path, name="",
                                      limit=limits.max_total_size))
    if problems:
        raise StorageError(problems)


def read_json(archive: zipfile.ZipFile, path: Path, name: str, max_size: int,
              codes: Codes, kind: str = "bad_manifest") -> Any:
    """A JSON member, parsed; StorageError `kind` when missing, too large or not JSON."""
    try:
        info = archive.getinfo(name)
        if info.file_size > max_size:
            raise ValueError(f"larger than {max_size} bytes")
        return json.loads(archive.read(info).decode("utf-8"))
    except KeyError:
        raise StorageError(codes.message(kind, path, name=name, error="missing")) from None
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, zlib.error, EOFError,
            NotImplementedError, RuntimeError) as error:
        raise StorageError(codes.message(kind, path, name=name, error=str(error))) from error


def hash_member(archive: zipfile.ZipFile, name: str) -> tuple[str, int]:
    """(SHA-256, size) of a member, streamed."""
    digest, size = hashlib.sha256(), 0
    with archive.open(name) as handle:
        for block in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def check_files(archive: zipfile.ZipFile, path: Path, files: Any, codes: Codes,
                skip: Collection[str] = (), sizes: bool = True,
                progress: Progress | None = None) -> None:
    """Compare the members with the manifest's `files` ({name: {sha256, size}}): nothing
    unlisted (but `skip`), nothing missing, every hash (and, with `sizes`, size) as listed."""
    if not isinstance(files, Mapping) or not all(
            isinstance(entry, Mapping) and isinstance(entry.get("sha256"), str)
            and _SHA256.match(entry["sha256"])
            and (not sizes or (type(entry.get("size")) is int and entry["size"] >= 0))
            for entry in files.values()):
        raise StorageError(codes.message("bad_manifest", path, name="manifest.json",
                                         error="files: expected {name: {sha256, size}}"))
    names = [info.filename for info in archive.infolist()]
    problems = [codes.message("unlisted_file", path, name=name) for name in names
                if name not in files and name not in skip]
    problems += [codes.message("missing_file", path, name=name) for name in files
                 if name not in names]
    listed = [archive.getinfo(name) for name in files if name in names]
    total, done = sum(info.file_size for info in listed), 0
    for info in listed:
        entry = files[info.filename]
        if sizes and info.file_size != entry["size"]:
            problems.append(codes.message("size_mismatch", path, name=info.filename))
            continue
        try:
            sha, read = hash_member(archive, info.filename)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
                RuntimeError) as error:
            problems.append(codes.message("member_unreadable", path, name=info.filename,
                                          error=str(error)))
            continue
        if sha != entry["sha256"] or read != info.file_size:
            problems.append(codes.message("hash_mismatch", path, name=info.filename))
        done += info.file_size
        report(progress, done, total)
    if problems:
        raise StorageError(problems)


def copy_member(archive: zipfile.ZipFile, name: str, target: Path) -> str:
    """Write a member to `target` (a path the caller chose); return its SHA-256."""
    digest = hashlib.sha256()
    with archive.open(name) as source, open(target, "wb") as sink:
        for block in iter(lambda: source.read(_CHUNK), b""):
            digest.update(block)
            sink.write(block)
    return digest.hexdigest()
