"""The SME size gate of 300号: large, medium, small or micro.

A class needs ALL of its lower limits; a firm that misses one drops to the next class down
(criteria.md §2). Only an SME (medium, small, micro) may apply to any tier.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from desktop.domain.enums import SectorClass

from .rulebook import RuleFileReader

ORDER = ("large", "medium", "small")
SIZE_MEASURES = ("employees", "revenue", "assets")
SIZE_CLASSES = ORDER


@dataclass(frozen=True)
class SizeGate:
    source: str
    version: str
    year: int
    # sector → class (large/medium/small) → measure → lower limit
    sectors: dict[str, dict[str, dict[str, Decimal]]]
    confirmed: frozenset[str]



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


def load_size_gate(path: Path) -> SizeGate:
    reader = RuleFileReader(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise reader.fail("", str(error)) from error
    head = reader.table(data, "", {"size_gate"}, {"size_gate"})["size_gate"]
    head = reader.table(head, "size_gate", {"source", "version", "year", "sectors"},
                        {"source", "version", "year", "sectors"})
    sectors: dict[str, dict[str, dict[str, Decimal]]] = {}
    confirmed = set()
    for index, raw in enumerate(reader.list(head["sectors"], "size_gate.sectors")):
        key = f"size_gate.sectors[{index}]"
        raw = reader.table(raw, key, {"sector", "confirmed", *SIZE_CLASSES},
                           {"sector", *SIZE_CLASSES})
        limits = {}
        for size in SIZE_CLASSES:
            measures = reader.table(raw[size], f"{key}.{size}", set(SIZE_MEASURES))
            if not measures:
                raise reader.fail(f"{key}.{size}", "needs at least one limit")
            limits[size] = {m: reader.number(v, f"{key}.{size}.{m}") for m, v in measures.items()}
        if raw["sector"] not in SectorClass.values():
            raise reader.fail(f"{key}.sector", f"unknown sector '{raw['sector']}'")
        if raw["sector"] in sectors:
            raise reader.fail(f"{key}.sector", f"'{raw['sector']}' is listed twice")
        sectors[raw["sector"]] = limits
        if raw.get("confirmed"):
            confirmed.add(raw["sector"])
    if "other" not in sectors:
        raise reader.fail("size_gate.sectors", "the 'other' sector is required (the fallback)")
    return SizeGate(source=head["source"], version=str(head["version"]), year=head["year"],
                    sectors=sectors, confirmed=frozenset(confirmed))
