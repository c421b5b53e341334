"""The evidence package file (`.srdipkg`): one firm's data and files in a zip, with a manifest.

Members:

- `manifest.json`: {"format": "srdi-package", "format_version": 1, "kind": "evidence" |
  "review", "app_version", "rulebook_versions": {rulebook id: version}, "created_at" (UTC,
  ISO 8601), "created_by", "firm": {"uscc", "name"}, "files": {member: {"sha256", "size"}}}.
  `files` lists every other member (not the manifest itself).
- `data.json`: the records (their shape belongs to services/package_data.py).
- `files/<sha256>`: the attachment files, named by their content's SHA-256, stored
  uncompressed (evidence is mostly PDFs and photos that do not compress; storing also keeps
  every member far below the compression-ratio limit a zip bomb would break).

Reading refuses, with a StorageError naming the file and the member and before anything is
used: what is not a zip or cannot be read, unsafe names (absolute, `..`, backslashes, drive
names), links and other non-files, duplicate names, too many members, members or a total
beyond the limits, a suspicious compression ratio, members the manifest does not list or
lists but lacks, any SHA-256 or size that disagrees with the manifest, an unknown format,
format version or kind, and members other than the three kinds above.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.errors import StorageError
from desktop.domain.messages import Message

from . import safe_zip
from .attachments import MAX_FILE_BYTES

FORMAT, FORMAT_VERSION = "srdi-package", 1
KINDS = ("evidence", "review")
SUFFIX = ".srdipkg"
MANIFEST, DATA, FILES_PREFIX = "manifest.json", "data.json", "files/"
MAX_MANIFEST_SIZE = 16 * 1024 ** 2
MAX_DATA_SIZE = 64 * 1024 ** 2
LIMITS = safe_zip.ZipLimits(
    max_members=20_000, max_member_size=MAX_FILE_BYTES,   # the store's own per-file limit
    max_total_size=16 * 1024 ** 3,
    max_ratio=100)   # deflated JSON stays far below; a zip bomb's members are near 1000
CODES = safe_zip.Codes("package")
_FILE_MEMBER = re.compile(r"^files/([0-9a-f]{64})$")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class PackageFile:
    """A package whose every check passed: its manifest, its data and its files."""

    path: Path
    manifest: dict[str, Any]
    data: dict[str, Any]
    files: dict[str, int]          # SHA-256 → size, for each `files/<sha256>` member

    @property
    def kind(self) -> str:
        return self.manifest["kind"]


def _add_file(archive: zipfile.ZipFile, member: str, source: Path, sha256: str) -> int:
    """Copy a stored file into the archive (uncompressed), hashing what goes in: a file
    damaged since it was stored must not travel under a name that promises other content."""
    info = zipfile.ZipInfo(member)
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    digest, size = hashlib.sha256(), 0
    try:
        with open(source, "rb") as reader, archive.open(info, "w") as writer:
            for block in iter(lambda: reader.read(_CHUNK), b""):
                digest.update(block)
                size += len(block)
                writer.write(block)
    except FileNotFoundError as error:
        raise StorageError(Message("package.store_damaged", {"path": str(source)})) from error
    if digest.hexdigest() != sha256:
        raise StorageError(Message("package.store_damaged", {"path": str(source)}))
    return size


def write_package(target: Path, head: Mapping[str, Any], data: Mapping[str, Any],
                  files: Mapping[str, Path], progress: safe_zip.Progress | None = None) -> Path:
    """Write a package to `target`, complete or not at all (a temporary file in the same
    folder, renamed over `target` at the end). `head` is the manifest without `files`;
    `files` maps each attachment's SHA-256 to the stored file, which must still hold it."""
    target = Path(target)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.", suffix=".part")
    os.close(handle)
    partial = Path(name)
    try:
        listed: dict[str, dict[str, Any]] = {}
        total, done = sum(Path(p).stat().st_size for p in files.values() if Path(p).is_file()), 0
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            payload = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
            archive.writestr(DATA, payload)
            listed[DATA] = {"sha256": hashlib.sha256(payload).hexdigest(), "size": len(payload)}
            for sha, source in sorted(files.items()):
                size = _add_file(archive, FILES_PREFIX + sha, Path(source), sha)
                listed[FILES_PREFIX + sha] = {"sha256": sha, "size": size}
                done += size
                safe_zip.report(progress, done, total)
            manifest = {"format": FORMAT, "format_version": FORMAT_VERSION, **head,
                        "files": listed}
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        with open(partial, "rb") as written:
            os.fsync(written.fileno())
        os.replace(partial, target)   # same folder: atomic
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def read_package(path: Path, limits: safe_zip.ZipLimits = LIMITS,
                 progress: safe_zip.Progress | None = None) -> PackageFile:
    """Open and check a package completely (see the module docstring); StorageError lists
    the problems. Every member is read once to check its SHA-256 and size."""
    path = Path(path)
    archive = safe_zip.open_archive(path, CODES)
    try:
        with archive:
            safe_zip.check_members(archive, path, limits, CODES)
            manifest = safe_zip.read_json(archive, path, MANIFEST, MAX_MANIFEST_SIZE, CODES)
            _check_manifest(manifest, path)
            problems = [CODES.message("unexpected_member", path, name=name)
                        for name in manifest["files"]
                        if name != DATA and not _FILE_MEMBER.match(name)]
            if DATA not in manifest["files"]:
                problems.append(CODES.message("missing_file", path, name=DATA))
            if problems:
                raise StorageError(problems)
            safe_zip.check_files(archive, path, manifest["files"], CODES, skip=(MANIFEST,),
                                 progress=progress)
            data = safe_zip.read_json(archive, path, DATA, MAX_DATA_SIZE, CODES, "bad_data")
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise StorageError(CODES.message("unreadable", path, name="", error=str(error))) from error
    if not isinstance(data, dict):
        raise StorageError(CODES.message("bad_data", path, name=DATA,
                                         error="expected an object"))
    files = {match.group(1): entry["size"] for name, entry in manifest["files"].items()
             if (match := _FILE_MEMBER.match(name))}
    return PackageFile(path=path, manifest=manifest, data=data, files=files)


def _check_manifest(manifest: Any, path: Path) -> None:
    if not isinstance(manifest, dict):
        raise StorageError(CODES.message("bad_manifest", path, name=MANIFEST,
                                         error="expected an object"))
    if manifest.get("format") != FORMAT:
        raise StorageError(CODES.message("unknown_format", path, name=MANIFEST,
                                         value=str(manifest.get("format"))))
    version = manifest.get("format_version")
    if version != FORMAT_VERSION or type(version) is not int:
        raise StorageError(CODES.message("unknown_version", path, name=MANIFEST,
                                         value=str(version), supported=FORMAT_VERSION))
    if manifest.get("kind") not in KINDS:
        raise StorageError(CODES.message("unknown_kind", path, name=MANIFEST,
                                         value=str(manifest.get("kind"))))
    firm = manifest.get("firm")
    problems = []
    if not isinstance(firm, dict) or not all(
            isinstance(firm.get(key), str) for key in ("uscc", "name")):
        problems.append("firm: expected {uscc, name}")
    for key in ("app_version", "created_at", "created_by"):
        if not isinstance(manifest.get(key), str):
            problems.append(f"{key}: expected text")
    versions = manifest.get("rulebook_versions")
    if not isinstance(versions, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in versions.items()):
        problems.append("rulebook_versions: expected {id: version}")
    if not isinstance(manifest.get("files"), dict):
        problems.append("files: expected {name: {sha256, size}}")
    if problems:
        raise StorageError([CODES.message("bad_manifest", path, name=MANIFEST, error=problem)
                            for problem in problems])


def extract_file(package: PackageFile, sha256: str, target: Path) -> Path:
    """Copy the attachment `files/<sha256>` to `target` (a path the caller chose); StorageError
    when its content is no longer what the manifest says (the file changed since it was read)."""
    member = FILES_PREFIX + sha256
    try:
        with zipfile.ZipFile(package.path) as archive:
            actual = safe_zip.copy_member(archive, member, target)
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError) as error:
        raise StorageError(CODES.message("member_unreadable", package.path, name=member,
                                         error=str(error))) from error
    if actual != sha256:
        raise StorageError(CODES.message("hash_mismatch", package.path, name=member))
    return target
