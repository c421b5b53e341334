"""Evidence items, their files, and items falling due. Imported through desktop/domain/records.py."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ..enums import Acquisition, EvidenceKind, EvidenceStatus, HighValueBasis, Level
from ..records import Record


@dataclass(frozen=True)
class Attachment(Record):
    evidence_id: int
    sha256: str
    original_name: str
    size: int
    stored_path: str          # relative to the attachment store's root
    added_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class EvidenceItem(Record):
    firm_id: int
    kind: EvidenceKind
    title: str
    subtype: str = ""                 # TitleType or AwardType value where the kind has one
    number: str = ""                  # patent number, certificate number …
    issuer: str = ""
    level: Level | None = None
    granted_date: date | None = None  # granted, issued or awarded
    valid_until: date | None = None
    status: EvidenceStatus = EvidenceStatus.VALID
    related_to_leading_product: bool | None = None
    acquisition: Acquisition | None = None
    transfer_date: date | None = None
    holder_rank: int | None = None    # the firm's rank among holders / winning units
    high_value_basis: HighValueBasis | None = None
    notes: str = ""
    id: int | None = None
    uid: str = ""                     # given once when first saved; the same on every machine
    attachments: tuple[Attachment, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class DueItem:
    """An evidence item expiring soon or already expired, with its firm."""

    firm_id: int
    firm_name: str
    uscc: str
    item: EvidenceItem
    days_left: int
