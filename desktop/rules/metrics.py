"""The metrics a rulebook can name, with their formulas and gaps.

Formulas are code (criteria.md §1: ratios from a single year, growth as documented); every
threshold is data. A metric returns None as its value when a figure it needs is unknown, with
the missing figures listed, never a silent zero.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from desktop.domain.messages import FieldRef, Message

from .measure import Context, Measured, missing, money, percent, show

OPS: dict[str, Callable[[Any, Any], bool]] = {
    ">=": lambda a, b: a >= b, "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b, "<": lambda a, b: a < b, "==": lambda a, b: a == b,
}


@dataclass(frozen=True)
class MetricSpec:
    kind: str                       # number, boolean or category
    unit: str                       # money, ratio, count, score, years, flag, category
    measure: Callable[..., Measured]
    params: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    gap: Callable[..., list[Message]] | None = None
    yearly: bool = False            # measured per year (takes year/years and mode)
    fields: tuple[str, ...] = field(default=())


METRICS: dict[str, MetricSpec] = {}


def register(name: str, **spec: Any) -> Callable:
    def decorate(function: Callable) -> Callable:
        METRICS[name] = MetricSpec(measure=function, **spec)
        return function
    return decorate


# ---------------------------------------------------------------- yearly figures and ratios
# name → (unit, numerator field, denominator field or None)
YEARLY: dict[str, tuple[str, str, str | None]] = {
    "operating_revenue": ("money", "operating_revenue", None),
    "main_business_revenue": ("money", "main_business_revenue", None),
    "rd_expense": ("money", "rd_expense", None),
    "equity_financing": ("money", "equity_financing", None),
    "total_assets": ("money", "total_assets", None),
    "employee_count": ("count", "employee_count", None),
    "main_business_share": ("ratio", "main_business_revenue", "operating_revenue"),
    "rd_intensity": ("ratio", "rd_expense", "operating_revenue"),
    "debt_ratio": ("ratio", "total_liabilities", "total_assets"),
    "net_margin": ("ratio", "net_profit", "operating_revenue"),
    "rd_staff_share": ("ratio", "rd_staff_count", "employee_count"),
    "tech_staff_share": ("ratio", "tech_staff_count", "employee_count"),
}


def yearly_value(ctx: Context, name: str, offset: int) -> tuple[Decimal | None, str, list[Message]]:
    """One year's value of a yearly metric, its formula, and what is missing."""
    unit, numerator, denominator = YEARLY[name]
    year = ctx.facts.year + offset
    figures = ctx.facts.figures(offset)
    needed = [numerator] + ([denominator] if denominator else [])
    values = {f: getattr(figures, f) if figures else None for f in needed}
    gaps = [missing(f, year) for f in needed if values[f] is None]
    if gaps:
        return None, "", gaps
    top = values[numerator]
    top = Decimal(top)
    if denominator is None:
        return top, f"{show(top, unit)} ({year})", []
    bottom = Decimal(values[denominator])
    if bottom == 0:
        return None, "", [Message("gap.zero_denominator", {"what": FieldRef(denominator), "year": year})]
    value = top / bottom
    fmt = money if unit != "count" else (lambda v: f"{int(v):,}")
    return value, f"{percent(value)} = {fmt(top)} / {fmt(bottom)} ({year})", []


def _measure_yearly(name: str) -> Callable[..., Measured]:
    unit = YEARLY[name][0]

    def measure(ctx: Context, params: dict, years: tuple[int, ...], mode: str) -> Measured:
        per_year: dict[int, Decimal | None] = {}
        details, gaps = [], []
        for offset in years:
            value, detail, lacking = yearly_value(ctx, name, offset)
            per_year[ctx.facts.year + offset] = value
            details.append(detail)
            gaps += lacking
        if gaps:
            return Measured(None, missing=gaps, per_year=per_year,
                            detail="; ".join(d for d in details if d))
        values = list(per_year.values())
        if len(values) == 1:
            return Measured(values[0], show(values[0], unit), details[0], per_year=per_year)
        parts = [f"{show(v, unit)} ({y})" for y, v in per_year.items()]
        if mode == "sum":
            total = sum(values, Decimal(0))
            return Measured(total, show(total, unit), f"{show(total, unit)} = " + " + ".join(parts),
                            per_year=per_year)
        if mode == "mean":
            mean = sum(values, Decimal(0)) / len(values)
            return Measured(mean, show(mean, unit),
                            f"{show(mean, unit)} = ({' + '.join(parts)}) / {len(values)}",
                            per_year=per_year)
        return Measured(per_year, " · ".join(parts), "; ".join(details), per_year=per_year)

    return measure


def _gap_yearly(name: str) -> Callable[..., list[Message]]:
    unit, numerator, denominator = YEARLY[name]

    def gap(ctx: Context, test, measured: Measured) -> list[Message]:
        threshold = test.value
        if test.mode in ("sum", "mean") and len(test.years) > 1:
            total_needed = threshold * (len(test.years) if test.mode == "mean" else 1)
            short = total_needed - sum(measured.per_year.values(), Decimal(0))
            return [Message("gap.raise_total", {"what": FieldRef(numerator),
                                                "years": "+".join(str(y) for y in measured.per_year),
                                                "amount": money(short)})]
        messages = []
        for year, value in measured.per_year.items():
            if value is None or OPS[test.op](value, threshold):
                continue
            figures = ctx.facts.fiscal_years[year]
            if denominator is None:
                difference = abs(threshold - value)
                code = "gap.raise" if test.op in (">=", ">") else "gap.lower"
                text = money(difference) if unit == "money" else f"{math.ceil(difference):,}"
                messages.append(Message(code, {"what": FieldRef(numerator), "year": year,
                                               "amount": text}))
                continue
            base = Decimal(getattr(figures, denominator))
            target = threshold * base
            current = Decimal(getattr(figures, numerator))
            difference = abs(target - current)
            amount = f"{math.ceil(difference):,}" if unit == "ratio" and numerator.endswith("_count") \
                else money(difference)
            code = "gap.raise_ratio" if test.op in (">=", ">") else "gap.lower_ratio"
            messages.append(Message(code, {"what": FieldRef(numerator), "year": year,
                                           "amount": amount, "value": percent(value),
                                           "threshold": percent(threshold)}))
        return messages

    return gap


for _name, (_unit, _num, _den) in YEARLY.items():
    METRICS[_name] = MetricSpec(kind="number", unit=_unit, measure=_measure_yearly(_name),
                                gap=_gap_yearly(_name), yearly=True)


# ---------------------------------------------------------------- growth
def _growth(ctx: Context, field_name: str, offset: int) -> tuple[Decimal | None, str, list[Message]]:
    """Growth of one year over the year before (offset -1: Y-1 over Y-2)."""
    year = ctx.facts.year + offset
    now, before = ctx.facts.figures(offset), ctx.facts.figures(offset - 1)
    current = getattr(now, field_name) if now else None
    previous = getattr(before, field_name) if before else None
    gaps = []
    if current is None:
        gaps.append(missing(field_name, year))
    if previous is None:
        gaps.append(missing(field_name, year - 1))
    if gaps:
        return None, "", gaps
    if previous == 0:
        return None, "", [Message("gap.zero_denominator", {"what": FieldRef(field_name), "year": year - 1})]
    value = (current - previous) / previous
    return value, f"{percent(value)} = ({money(current)} − {money(previous)}) / {money(previous)} ({year})", []


@register("mbr_growth", kind="number", unit="ratio")
def _mbr_growth(ctx: Context, params: dict, years, mode) -> Measured:
    value, detail, gaps = _growth(ctx, "main_business_revenue", -1)
    return Measured(value, show(value, "ratio"), detail, missing=gaps)


def _gap_avg_growth(ctx: Context, test, measured: Measured) -> list[Message]:
    return [Message("gap.raise_rate", {"value": percent(measured.value),
                                       "threshold": percent(test.value)})]


@register("avg_mbr_growth", kind="number", unit="ratio", gap=_gap_avg_growth)
def _avg_mbr_growth(ctx: Context, params: dict, years, mode) -> Measured:
    first, first_detail, gaps = _growth(ctx, "main_business_revenue", -2)
    second, second_detail, more = _growth(ctx, "main_business_revenue", -1)
    if gaps or more:
        return Measured(None, missing=gaps + more)
    value = (first + second) / 2
    return Measured(value, show(value, "ratio"),
                    f"{percent(value)} = ({percent(first)} + {percent(second)}) / 2; "
                    f"{first_detail}; {second_detail}")


def _gap_cagr(ctx: Context, test, measured: Measured) -> list[Message]:
    base = measured.gap_inputs["base"]
    needed = base * (1 + test.value) ** 2
    short = needed - measured.gap_inputs["latest"]
    return [Message("gap.raise", {"what": FieldRef("operating_revenue"), "year": ctx.facts.year - 1,
                                  "amount": money(short)})]


@register("revenue_cagr", kind="number", unit="ratio", gap=_gap_cagr)
def _revenue_cagr(ctx: Context, params: dict, years, mode) -> Measured:
    """(Rev_{Y-1} / Rev_{Y-3})^(1/2) − 1: two periods of compound growth."""
    latest_figures, base_figures = ctx.facts.figures(-1), ctx.facts.figures(-3)
    latest = latest_figures.operating_revenue if latest_figures else None
    base = base_figures.operating_revenue if base_figures else None
    gaps = []
    if latest is None:
        gaps.append(missing("operating_revenue", ctx.facts.year - 1))
    if base is None:
        gaps.append(missing("operating_revenue", ctx.facts.year - 3))
    if gaps:
        return Measured(None, missing=gaps)
    if base == 0:
        return Measured(None, missing=[Message("gap.zero_denominator", {
            "what": FieldRef("operating_revenue"), "year": ctx.facts.year - 3})])
    value = (latest / base).sqrt() - 1
    return Measured(value, show(value, "ratio"),
                    f"{percent(value)} = √({money(latest)} ({ctx.facts.year - 1}) / "
                    f"{money(base)} ({ctx.facts.year - 3})) − 1",
                    gap_inputs={"latest": latest, "base": base})


# ---------------------------------------------------------------- niche years
def _gap_niche(ctx: Context, test, measured: Measured) -> list[Message]:
    """The years still needed, the day they are reached, and the first application year
    that counts them (niche years are measured at the end of Y-1)."""
    entry = ctx.facts.firm.niche_entry_date
    whole = int(test.value)
    try:
        reached = entry.replace(year=entry.year + whole)
    except ValueError:  # 29 February
        reached = entry.replace(year=entry.year + whole, day=28)
    first_year = reached.year if (reached.month, reached.day) == (1, 1) else reached.year + 1
    return [Message("gap.more_years", {"years": show(test.value - measured.value, "years"),
                                       "date": reached.isoformat(), "year": first_year})]


@register("niche_years", kind="number", unit="years", gap=_gap_niche)
def _niche_years(ctx: Context, params: dict, years, mode) -> Measured:
    """Years in the niche up to the end of Y-1, in whole months (exact at year edges)."""
    entry = ctx.facts.firm.niche_entry_date
    if entry is None:
        return Measured(None, missing=[missing("niche_entry_date")])
    end = date(ctx.facts.year, 1, 1)  # the end of Y-1, exclusive
    months = (end.year - entry.year) * 12 + end.month - entry.month - (1 if end.day < entry.day else 0)
    value = Decimal(max(months, 0)) / 12
    return Measured(value, f"{show(value, 'years')}",
                    f"{show(value, 'years')} = {entry.isoformat()} → {ctx.facts.year - 1}-12-31")


from . import evidence_metrics  # noqa: E402,F401  (registers the evidence and profile metrics)
