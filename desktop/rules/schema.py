"""The rulebook's structures, as read from its file: tests, conditions, criteria,
indicators, scored tiers and transitions."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from desktop.domain.verdicts import Text


@dataclass(frozen=True)
class Test:
    """One comparison of a metric with a threshold, or a boolean metric (op None)."""

    metric: str
    params: dict[str, Any]
    op: str | None = None
    value: Any = None
    years: tuple[int, ...] = (-1,)
    mode: str = "each"          # each / sum / mean, for several years
    confirm: bool = False       # a pass still needs a person to confirm it (manual)
    interpretation: str = ""    # an UNCONFIRMED reading this branch rests on


@dataclass(frozen=True)
class Condition:
    """A test, or a combination: any (one passes), all (every one passes), cases (the first
    whose `when` holds decides)."""

    test: Test | None = None
    any: tuple[Condition, ...] = ()
    all: tuple[Condition, ...] = ()
    cases: tuple[tuple[Condition, Condition], ...] = ()


@dataclass(frozen=True)
class Criterion:
    id: str
    group: str
    title: Text
    condition: Condition | None          # None for a purely manual criterion
    manual: bool = False
    exempt_if: tuple[Condition, ...] = ()
    hint: Test | None = None
    review_exempt: bool = False
    interpretation: str = ""


@dataclass(frozen=True)
class Indicator:
    id: str
    group: str
    title: Text
    metric: str
    params: dict[str, Any]
    years: tuple[int, ...] = (-1,)
    bands: tuple[tuple[Decimal, Decimal], ...] = ()
    direction: str = "higher"
    categories: dict[str, Decimal] = field(default_factory=dict)
    per: tuple[Decimal, Decimal, Decimal] | None = None     # unit, points, cap
    up_to: Decimal | None = None       # the value itself is the points, capped (entered scores)
    best_of: tuple[Indicator, ...] = ()
    interpretation: str = ""


@dataclass(frozen=True)
class ScoreRule:
    pass_at_least: Decimal
    groups: dict[str, Text]
    floors: dict[str, Decimal]


@dataclass(frozen=True)
class TierRule:
    tier: int
    title: Text
    criteria: tuple[Criterion, ...] = ()
    score: ScoreRule | None = None
    indicators: tuple[Indicator, ...] = ()
    direct_routes: tuple[Criterion, ...] = ()
    inherit: str = ""                 # take this tier from another rulebook
    interpretation: str = ""


@dataclass(frozen=True)
class Transition:
    tier: int
    kind: str
    years: tuple[int, ...]
    use: str
    source: str


@dataclass(frozen=True)
class Rulebook:
    id: str
    version: str
    title: Text
    effective_from: date
    effective_until: date | None
    settings: dict[str, Any]
    common: tuple[Criterion, ...]
    tiers: dict[int, TierRule]
    transitions: tuple[Transition, ...]
    path: str
