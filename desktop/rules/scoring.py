"""Scoring one indicator of a scored tier: bands, categories, points per unit, best of."""
from __future__ import annotations

import math
from decimal import Decimal

from desktop.domain.verdicts import CriterionResult, Outcome

from .conditions import measure
from .measure import Context, Measured, number, show
from .metrics import METRICS
from .rulebook import Indicator, Test


def band_points(indicator: Indicator, value: Decimal, edge_policy: str) -> Decimal:
    """The points of the first band the value reaches; bands run from the best down.

    With edge policy 'higher' a value exactly on an edge takes the higher-scoring band
    (criteria.md §1, UNCONFIRMED); with 'lower' it takes the band below.
    """
    for edge, points in indicator.bands:
        if indicator.direction == "higher":
            reached = value >= edge if edge_policy == "higher" else value > edge
        else:
            reached = value <= edge if edge_policy == "higher" else value < edge
        if reached:
            return points
    return Decimal(0)


def _points(ctx: Context, indicator: Indicator, measured: Measured) -> Decimal:
    value = measured.value
    if indicator.bands:
        return band_points(indicator, Decimal(value), ctx.settings["band_edge"])
    if indicator.categories:
        return indicator.categories.get(value, Decimal(0))
    if indicator.up_to is not None:
        return max(min(Decimal(value), indicator.up_to), Decimal(0))
    unit, points, cap = indicator.per
    return min(Decimal(math.floor(Decimal(value) / unit)) * points, cap)


def max_points(indicator: Indicator) -> Decimal:
    """The most an indicator can give: what an unknown value might still add."""
    if indicator.best_of:
        return max(max_points(part) for part in indicator.best_of)
    if indicator.bands:
        return max(points for _, points in indicator.bands)
    if indicator.categories:
        return max(indicator.categories.values())
    if indicator.up_to is not None:
        return indicator.up_to
    return indicator.per[2]


def _measure(ctx: Context, indicator: Indicator) -> Measured:
    test = indicator.__dict__.get("_test")
    if test is None:   # made once per indicator (kept on the frozen object)
        test = Test(metric=indicator.metric, params=indicator.params, years=indicator.years)
        object.__setattr__(indicator, "_test", test)
    return measure(ctx, test)


def score_indicator(ctx: Context, indicator: Indicator) -> CriterionResult:
    base = dict(id=indicator.id, group=indicator.group, title=indicator.title,
                interpretations=(indicator.interpretation,) if indicator.interpretation else ())
    parts = indicator.best_of or (indicator,)
    measured = [_measure(ctx, part) for part in parts]
    lacking = [m for m in measured if m.value is None]
    if lacking:
        return CriterionResult(outcome=Outcome.MISSING, detail="; ".join(m.detail for m in measured if m.detail),
                               gap=tuple(g for m in lacking for g in m.missing),
                               notes=tuple(n for m in measured for n in m.notes), **base)
    scored = [(_points(ctx, part, m), part, m) for part, m in zip(parts, measured)]
    points, best_part, best = max(scored, key=lambda item: item[0])
    unit = METRICS[best_part.metric].unit
    value = " | ".join(m.shown or show(m.value, unit) for m in measured)
    detail = "; ".join(m.detail for m in measured if m.detail)
    evidence = tuple(e for m in measured for e in m.evidence)
    return CriterionResult(outcome=Outcome.PASS if points > 0 else Outcome.FAIL, value=value,
                           threshold=f"{number(points)} / {number(max_points(indicator))}",
                           detail=detail, evidence=evidence, points=points,
                           notes=tuple(n for m in measured for n in m.notes), **base)
