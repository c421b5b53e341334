"""Evaluating a criterion's condition: one test, or any/all/cases of them."""
from __future__ import annotations

from dataclasses import dataclass, field

from desktop.domain.messages import Message
from desktop.domain.verdicts import Outcome

from .measure import Context, Measured, show
from .metrics import METRICS, OPS
from .rulebook import Condition, Test

OP_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "="}
# Language-neutral marks for several years: every year (∀), their sum (Σ), their mean (x̄).
MODE_MARKS = {"each": "∀", "sum": "Σ", "mean": "x̄"}

# How outcomes combine: for `any` the best one counts, for `all` the worst.
_ANY_ORDER = (Outcome.PASS, Outcome.MANUAL, Outcome.MISSING, Outcome.FAIL)
_ALL_ORDER = (Outcome.FAIL, Outcome.MISSING, Outcome.MANUAL, Outcome.PASS)


@dataclass
class ConditionResult:
    outcome: Outcome
    value: str = ""
    threshold: str = ""
    detail: str = ""
    gaps: list[Message] = field(default_factory=list)
    gap_any: bool = False
    evidence: tuple[int, ...] = ()
    notes: list[Message] = field(default_factory=list)
    interpretations: list[str] = field(default_factory=list)


_MEASUREMENTS: dict[tuple, int] = {}   # (metric, params, years, mode) → a small number


def _memo_key(test: Test) -> int:
    """What a measurement depends on besides the facts and settings, as a number equal for
    equal tests, worked out once per test (kept on the frozen object; dataclass equality
    ignores it)."""
    key = test.__dict__.get("_memo_key")
    if key is None:
        content = (test.metric, repr(sorted(test.params.items())), test.years, test.mode)
        key = _MEASUREMENTS.setdefault(content, len(_MEASUREMENTS))
        object.__setattr__(test, "_memo_key", key)
    return key


def measure(ctx: Context, test: Test) -> Measured:
    """The test's metric measured on the facts; the same measurement in another criterion or
    tier of the same evaluation is not measured again (results are never changed)."""
    key = (id(ctx.settings), _memo_key(test))
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = METRICS[test.metric].measure(ctx, test.params, test.years,
                                                             test.mode)
    return found


def threshold_text(ctx: Context, test: Test) -> str:
    texts = test.__dict__.get("_thresholds")
    if texts is None:
        texts = {}
        object.__setattr__(test, "_thresholds", texts)
    text = texts.get(ctx.facts.year)
    if text is None:
        text = texts[ctx.facts.year] = _threshold_text(ctx, test)
    return text


def _threshold_text(ctx: Context, test: Test) -> str:
    spec = METRICS[test.metric]
    if spec.kind == "boolean":
        return "✓"
    text = f"{OP_SIGNS[test.op]} {show(test.value, spec.unit)}"
    if spec.yearly:
        years = ", ".join(str(ctx.facts.year + y) for y in test.years)
        text += f" ({MODE_MARKS[test.mode]} {years})" if len(test.years) > 1 else f" ({years})"
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
    interpretations = [test.interpretation] if test.interpretation else []
    if measured.value is None:
        return ConditionResult(Outcome.MISSING, "", threshold, measured.detail,
                               list(measured.missing), evidence=measured.evidence,
                               notes=list(measured.notes))
    if not passes(test, measured.value):
        gap = METRICS[test.metric].gap
        gaps = gap(ctx, test, measured) if gap else [Message("gap.not_met")]
        return ConditionResult(Outcome.FAIL, measured.shown, threshold, measured.detail, gaps,
                               evidence=measured.evidence, notes=list(measured.notes))
    if test.confirm:  # the numbers pass; a person must confirm what they cannot show
        return ConditionResult(Outcome.MANUAL, measured.shown, threshold, measured.detail,
                               [Message("gap.confirm")], evidence=measured.evidence,
                               notes=list(measured.notes), interpretations=interpretations)
    return ConditionResult(Outcome.PASS, measured.shown, threshold, measured.detail,
                           evidence=measured.evidence, notes=list(measured.notes),
                           interpretations=interpretations)


def _unique(messages: list[Message]) -> list[Message]:
    seen, unique = set(), []
    for message in messages:
        key = (message.code, message.field, tuple(sorted((k, str(v)) for k, v in message.params.items())))
        if key not in seen:
            seen.add(key)
            unique.append(message)
    return unique


def _combine(results: list[ConditionResult], any_of: bool) -> ConditionResult:
    order = _ANY_ORDER if any_of else _ALL_ORDER
    outcome = min((r.outcome for r in results), key=order.index)
    # What decided the outcome: for a pass of `any`, the passing branches; otherwise all.
    deciding = [r for r in results if r.outcome is outcome] if any_of else results
    if outcome is Outcome.PASS:
        gaps = []
    elif any_of and outcome is Outcome.MANUAL:  # only a confirmation stands in the way
        gaps = _unique([g for r in deciding for g in r.gaps])
    else:
        gaps = _unique([g for r in results if r.outcome is not Outcome.PASS for g in r.gaps])
    return ConditionResult(
        outcome,
        value=" | ".join(r.value or "—" for r in results),
        threshold=" | ".join(r.threshold for r in results) if any_of
        else " & ".join(r.threshold for r in results),
        detail="; ".join(r.detail for r in results if r.detail),
        gaps=gaps,
        gap_any=any_of and len(gaps) > 1,
        evidence=tuple(e for r in deciding for e in r.evidence),
        notes=_unique([n for r in deciding for n in r.notes]),
        interpretations=[i for r in deciding for i in r.interpretations])


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
