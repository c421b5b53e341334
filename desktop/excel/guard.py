"""Checks a workbook passes before openpyxl reads it.

Only Office Open XML workbooks are read: a zip holding [Content_Types].xml and
xl/workbook.xml, whatever the file's name claims. The file, its unpacked size and its number
of rows have limits, and no XML part may declare a DOCTYPE (entity expansion, external
entities). openpyxl itself parses through defusedxml when that is installed, so a DOCTYPE the
prolog scan misses is still refused there, not expanded.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import ValidationError
from desktop.domain.messages import Message

MB = 1024 * 1024
_DOCTYPE = re.compile(rb"<!\s*doctype", re.IGNORECASE)
_PROLOG_BYTES = 64 * 1024   # a DOCTYPE must come before the root element, i.e. early


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * MB           # the file as stored
    max_unpacked: int = 1024 * MB      # all its parts unpacked (a zip bomb is refused)
    max_rows: int = 200_000            # data rows, over all sheets

    @property
    def max_mb(self) -> int:
        return self.max_bytes // MB


def refuse(code: str, **params: object) -> ValidationError:
    return ValidationError(Message(code, params, field="file"))


def check_workbook_file(path: Path, limits: Limits = Limits()) -> None:
    """Raise ValidationError unless `path` is an .xlsx/.xlsm workbook within the limits."""
    path = Path(path)
    if not path.is_file():
        raise refuse("file.not_found", path=str(path))
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise refuse("file.too_large", path=path.name, limit=limits.max_mb)
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as error:
        raise refuse("file.unreadable", path=str(path), error=error.strerror or str(error))
    if magic != b"PK\x03\x04":
        raise refuse("import.not_a_workbook", path=path.name)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(path, archive, limits)
    except zipfile.BadZipFile:
        raise refuse("import.not_a_workbook", path=path.name) from None
    except (OSError, RuntimeError, NotImplementedError) as error:  # encrypted, truncated …
        raise refuse("file.unreadable", path=str(path), error=str(error)) from None


def _check_archive(path: Path, archive: zipfile.ZipFile, limits: Limits) -> None:
    names = set(archive.namelist())
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise refuse("import.not_a_workbook", path=path.name)
    if sum(info.file_size for info in archive.infolist()) > limits.max_unpacked:
        raise refuse("file.too_large", path=path.name, limit=limits.max_unpacked // MB)
    types = archive.read("[Content_Types].xml")
    if b"spreadsheetml" not in types and b"ms-excel" not in types:
        raise refuse("import.not_a_workbook", path=path.name)
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels", ".vml")):
            with archive.open(info) as part:
                head = part.read(_PROLOG_BYTES)
            if _DOCTYPE.search(head):
                raise refuse("import.unsafe_xml", path=path.name, part=info.filename)
