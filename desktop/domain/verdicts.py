"""What the qualification engine says: one outcome per criterion, one verdict per tier."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from .enums import StrEnum
from .messages import Message


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    MANUAL = "manual"      # qualitative: needs a person's decision
    MISSING = "missing"    # a figure or document it needs is absent


class TierOutcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    PENDING = "pending"        # nothing failed, manual decisions open
    INCOMPLETE = "incomplete"  # nothing failed, data missing


@dataclass(frozen=True)
class Text:
    """A label given by a rulebook file in both languages."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass(frozen=True)
class CriterionResult:
    id: str
    group: str
    title: Text
    outcome: Outcome
    value: str = ""            # the measured value as shown ('2.60%', '1,220', '3 items')
    threshold: str = ""        # '≥ 3%', '≤ 75%', '≥ 4'
    detail: str = ""           # the formula with its source figures
    gap: tuple[Message, ...] = ()   # what is missing to pass, in the user's terms
    gap_any: bool = False      # True: the gaps are alternatives (any one suffices)
    evidence: tuple[int, ...] = ()   # evidence item ids it used
    interpretations: tuple[str, ...] = ()   # ids of UNCONFIRMED readings it rests on
    notes: tuple[Message, ...] = ()  # explanations: exempt, not counted, pre-screen …
    decided_by: str = ""       # who recorded the manual decision, if one counts
    decision_note: str = ""    # the note recorded with that decision
    points: Decimal | None = None   # for scored indicators

    @property
    def exempt(self) -> bool:
        return any(note.code == "note.exempt" for note in self.notes)


@dataclass(frozen=True)
class TierVerdict:
    tier: int
    rulebook: str              # rulebook id, e.g. '2026'
    rulebook_version: str
    title: Text
    outcome: TierOutcome
    criteria: tuple[CriterionResult, ...]
    score: Decimal | None = None
    score_needed: Decimal | None = None
    group_scores: dict[str, Decimal] = field(default_factory=dict)
    group_floors: dict[str, Decimal] = field(default_factory=dict)
    direct_route: str = ""     # id of the direct route that qualified, if any
    interpretations: tuple[str, ...] = ()

    @cached_property
    def missing(self) -> tuple[CriterionResult, ...]:
        """The criteria that lack data (worked out once: a kept verdict is shown many times)."""
        return tuple(c for c in self.criteria if c.outcome is Outcome.MISSING)


@dataclass(frozen=True)
class FirmVerdict:
    firm_id: int
    uscc: str
    name: str
    year: int                  # the application year Y
    rulebook: str
    size_class: str            # large / medium / small / micro / '' when unknown
    tiers: tuple[TierVerdict, ...]
