"""Evaluating a criterion's condition: one test, or any/all/cases of them."""
from __future__ import annotations

from dataclasses import dataclass, field

from desktop.domain.messages import Message
from desktop.domain.verdicts import Outcome

from .measure import Context, Measured, show
from .metrics import METRICS, OPS
from .rulebook import Condition, Test

OP_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "="}


@dataclass
class ConditionResult:
    outcome: Outcome
    value: str = ""
    threshold: str = ""
    detail: str = ""
    gaps: list[Message] = field(default_factory=list)
    evidence: tuple[int, ...] = ()


def measure(ctx: Context, test: Test) -> Measured:
    return METRICS[test.metric].measure(ctx, test.params, test.years, test.mode)


def threshold_text(ctx: Context, test: Test) -> str:
    spec = METRICS[test.metric]
    if spec.kind == "boolean":
        return "✓"
    text = f"{OP_SIGNS[test.op]} {show(test.value, spec.unit)}"
    if spec.yearly and len(test.years) > 1:
        years = "+".join(str(ctx.facts.year + y) for y in test.years)
        text += {"each": f" ({years}, each)", "sum": f" ({years})", "mean": f" (mean {years})"}[test.mode]
    elif spec.yearly:
        text += f" ({ctx.facts.year + test.years[0]})"
    return text


def passes(test: Test, value) -> bool:
    if METRICS[test.metric].kind == "boolean":
        return bool(value)
    if isinstance(value, dict):  # one value per year: every year must pass
        return all(OPS[test.op](v, test.value) for v in value.values())
    return OPS[test.op](value, test.value)


def evaluate_test(ctx: Context, test: Test) -> ConditionResult:
    measured = measure(ctx, test)
    threshold = threshold_text(ctx, test)
    if measured.value is None:
        return ConditionResult(Outcome.MISSING, "", threshold, measured.detail,
                               list(measured.missing), measured.evidence)
    ok = passes(test, measured.value)
    gaps = []
    if not ok:
        gap = METRICS[test.metric].gap
        gaps = gap(ctx, test, measured) if gap else [Message("gap.not_met")]
    return ConditionResult(Outcome.PASS if ok else Outcome.FAIL, measured.shown, threshold,
                           measured.detail, gaps, measured.evidence)


def _combine(results: list[ConditionResult], any_of: bool) -> ConditionResult:
    outcomes = {r.outcome for r in results}
    if any_of:
        outcome = (Outcome.PASS if Outcome.PASS in outcomes
                   else Outcome.MISSING if Outcome.MISSING in outcomes else Outcome.FAIL)
    else:
        outcome = (Outcome.FAIL if Outcome.FAIL in outcomes
                   else Outcome.MISSING if Outcome.MISSING in outcomes else Outcome.PASS)
    joiner = " | " if any_of else " & "
    relevant = results if outcome is not Outcome.PASS else [
        r for r in results if r.outcome is Outcome.PASS]
    gaps = [] if outcome is Outcome.PASS else [g for r in results if r.outcome is not Outcome.PASS
                                                for g in r.gaps]
    return ConditionResult(
        outcome,
        value=joiner.join(r.value or "—" for r in results),
        threshold=(" or " if any_of else " and ").join(r.threshold for r in results),
        detail="; ".join(r.detail for r in results if r.detail),
        gaps=gaps,
        evidence=tuple(e for r in relevant for e in r.evidence))


def evaluate_condition(ctx: Context, condition: Condition) -> ConditionResult:
    if condition.test is not None:
        return evaluate_test(ctx, condition.test)
    if condition.any:
        return _combine([evaluate_condition(ctx, part) for part in condition.any], any_of=True)
    if condition.all:
        return _combine([evaluate_condition(ctx, part) for part in condition.all], any_of=False)
    for when, body in condition.cases:
        guard = evaluate_condition(ctx, when)
        if guard.outcome is Outcome.MISSING:
            return guard
        if guard.outcome is Outcome.PASS:
            result = evaluate_condition(ctx, body)
            result.detail = f"{guard.value} {guard.threshold} → " + result.detail
            return result
    return ConditionResult(Outcome.MISSING, gaps=[Message("gap.not_met")])
