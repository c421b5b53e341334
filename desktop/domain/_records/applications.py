"""Batches, applications, their status changes and the official's decisions.
(Imported through desktop/domain/records.py.)"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from ..enums import (
    ApplicationKind,
    ApplicationStatus,
    BatchStatus,
    Decision,
    Rulebook,
    Tier,
)
from ..records import Record


@dataclass(frozen=True)
class Batch(Record):
    name: str                                 # e.g. 2026年第八批
    tier: Tier
    rulebook: Rulebook | None = None          # None: chosen by each application's date
    region_code: str = ""
    deadline: date | None = None
    status: BatchStatus = BatchStatus.OPEN
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True)
class StatusChange(Record):
    application_id: int
    from_status: ApplicationStatus | None
    to_status: ApplicationStatus
    who: str
    at: datetime
    reason: str = ""
    id: int | None = None


@dataclass(frozen=True)
class ManualDecision(Record):
    application_id: int
    criterion_id: str
    decision: Decision
    note: str
    who: str = ""
    at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class Application(Record):
    firm_id: int
    tier: Tier
    kind: ApplicationKind = ApplicationKind.NEW
    batch_id: int | None = None
    assessment_date: date | None = None
    rulebook: Rulebook | None = None          # None: chosen by the assessment date and kind
    status: ApplicationStatus = ApplicationStatus.DRAFT
    platform_score: Decimal | None = None     # the score of the assessment year, when known
    provincial_feature_score: Decimal | None = None  # 2022 tier-2 特色化 points (0–15)
    ranking: int | None = None                # the official's recommendation order
    reviewer_notes: str = ""
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    uid: str = ""                             # given once when first saved; travels in packages
