"""The SME size gate of 300号: large, medium, small or micro.

A class needs ALL of its lower limits; a firm that misses one drops to the next class down
(criteria.md §2). Only an SME (medium, small, micro) may apply to any tier.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

ORDER = ("large", "medium", "small")


@dataclass(frozen=True)
class SizeResult:
    size: str | None                 # large / medium / small / micro; None when data is missing
    missing: tuple[str, ...] = ()    # measures that are unknown
    used: tuple[str, ...] = ()       # measures the sector's limits use


def classify(gate, sector: str, measures: dict[str, Decimal | int | None]) -> SizeResult:
    limits = gate.sectors.get(sector) or gate.sectors["other"]
    used = tuple(sorted({m for size in ORDER for m in limits[size]}))
    unknown = tuple(m for m in used if measures.get(m) is None)
    if unknown:
        return SizeResult(None, unknown, used)
    for size in ORDER:
        if all(Decimal(measures[m]) >= limit for m, limit in limits[size].items()):
            return SizeResult(size, (), used)
    return SizeResult("micro", (), used)
