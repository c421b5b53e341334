"""What measuring one metric yields, and how values are shown.

Shared by the financial and the evidence metrics. Formatting here is for the verdict's text
(values, formulas); it rounds only for display, never for comparison.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from desktop.domain.messages import FieldRef, Message

from .facts import Facts


@dataclass(frozen=True)
class Context:
    facts: Facts
    settings: dict[str, Any]
    size_gate: Any = None     # rulebook.SizeGate, for the size_class metric
    # What was measured or judged already for these facts (shared by the tiers of one
    # Engine.evaluate): the results are pure functions of the facts, the rulebook's settings
    # and the rule, and are never changed once made.
    memo: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass
class Measured:
    """A metric's value (None: missing), how it was computed, and what it used."""

    value: Any
    shown: str = ""
    detail: str = ""
    evidence: tuple[int, ...] = ()
    missing: list[Message] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)   # e.g. what was not counted and why
    per_year: dict[int, Decimal | None] = field(default_factory=dict)
    gap_inputs: dict[str, Any] = field(default_factory=dict)


def missing(what: str, year: int | None = None) -> Message:
    """'Enter <field> for <year>': the gap of a criterion that lacks data."""
    if year is None:
        return Message("gap.enter", {"what": FieldRef(what)})
    return Message("gap.enter_for_year", {"what": FieldRef(what), "year": year})


def money(value: Decimal | None) -> str:
    if value is None:
        return "—"
    text = f"{value:,.2f}"
    return text[:-3] if text.endswith(".00") else text


def percent(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{(value * 100).quantize(Decimal('0.01'))}%"


def number(value: Decimal | int | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return f"{value.quantize(Decimal('0.01')).normalize():f}"
    return f"{int(value):,}"


def show(value: Any, unit: str) -> str:
    if unit == "money":
        return money(value)
    if unit == "ratio":
        return percent(value)
    if unit == "years":
        return "—" if value is None else f"{value.quantize(Decimal('0.1'))}"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, (int, Decimal)):
        return number(value)
    return "—" if value is None else str(value)
