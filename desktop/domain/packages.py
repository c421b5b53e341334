"""What an evidence package holds compared with this database: the preview a person reads
before applying it, and the result of applying it. Values are shown as the change log stores
them (text, language-neutral: '1234.5', '2025-03-01', 'true'); None is empty or unknown.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .enums import StrEnum
from .messages import Message


class PackageKind(StrEnum):
    EVIDENCE = "evidence"   # firm → official: the firm's data, evidence and applications
    REVIEW = "review"       # official → firm: the review of the firm's applications


class RecordState(StrEnum):
    NEW = "new"                  # not in this database
    CHANGED = "changed"          # differs, and nobody here edited the differing fields since
    UNCHANGED = "unchanged"
    CONFLICTING = "conflicting"  # at least one differing field was edited by a person here


class Resolution(StrEnum):
    KEEP = "keep"    # keep mine (the default)
    TAKE = "take"    # take theirs


# The parts of a package, in the order they are previewed and written.
PARTS = ("firm", "fiscal_year", "market_position", "assessment", "evidence", "attachment",
         "application", "status_change", "decision")


@dataclass(frozen=True)
class FieldDiff:
    """One field whose value in the package differs from this database's."""

    key: str                       # stable id of this field, for `resolutions`
    field: str
    mine: str | None
    theirs: str | None
    conflicting: bool = False
    edited_by: str = ""            # for a conflict: who last wrote mine here …
    edited_at: datetime | None = None   # … and when (UTC)


@dataclass(frozen=True)
class RecordDiff:
    """One record of the package: its part (see PARTS), its key within the firm (a year,
    'year/scope', a uid, 'uid/criterion' …), a short label and what applying would do."""

    part: str
    key: str
    label: str
    state: RecordState
    fields: tuple[FieldDiff, ...] = ()    # new: its values; changed/conflicting: the diffs

    @property
    def conflicts(self) -> tuple[FieldDiff, ...]:
        return tuple(f for f in self.fields if f.conflicting)


@dataclass(frozen=True)
class PackageInfo:
    """The manifest's facts."""

    path: Path
    kind: PackageKind
    format_version: int
    app_version: str
    created_at: str                # UTC, ISO 8601, as written by the sender
    created_by: str
    rulebook_versions: tuple[tuple[str, str], ...]   # (rulebook id, version)
    firm_uscc: str
    firm_name: str
    file_count: int                # attachment files
    file_size: int                 # their bytes together


@dataclass(frozen=True)
class PackagePreview:
    info: PackageInfo
    firm_id: int | None            # the matching firm here; None when the package brings it
    records: tuple[RecordDiff, ...]
    files_new: int = 0             # attachment files this store does not hold yet
    warnings: tuple[Message, ...] = ()   # e.g. rulebook versions that differ from ours

    def count(self, state: RecordState) -> int:
        return sum(1 for record in self.records if record.state == state)

    @property
    def conflicts(self) -> tuple[FieldDiff, ...]:
        return tuple(f for record in self.records for f in record.conflicts)

    @property
    def has_changes(self) -> bool:
        return any(record.state != RecordState.UNCHANGED for record in self.records)


@dataclass(frozen=True)
class PackageResult:
    preview: PackagePreview        # what was applied (computed again at apply time)
    firm_id: int
    backup: Path | None            # the automatic backup written before
    written: int                   # records created or changed
    taken: int                     # conflicts resolved "take theirs"
    kept: int                      # conflicts resolved "keep mine"
    files_added: int               # attachment files copied into the store
