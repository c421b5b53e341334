"""The qualification engine: a rulebook and an applicant's facts in, one verdict per tier out.

Pure: no database, no clock, no Qt. Exact decimal arithmetic throughout.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from desktop.domain.catalog import FIELD_LABELS
from desktop.domain.enums import ApplicationKind
from desktop.domain.messages import FieldRef, Message
from desktop.domain.verdicts import CriterionResult, Outcome, Text, TierOutcome, TierVerdict

from .conditions import ConditionResult, evaluate_condition, measure
from .facts import Facts
from .measure import Context, number
from .rulebook import Criterion, Indicator, Rulebook, RulebookError, TierRule, load_rulebook
from .size_class import SizeGate, load_size_gate
from .scoring import max_points, score_indicator

SCORE_ID = "score"


def _common_criterion(ctx: Context, criterion: Criterion) -> CriterionResult:
    """A rulebook's common criterion, judged once per evaluation for all of its tiers."""
    key = (id(ctx.settings), id(criterion))
    found = ctx.memo.get(key)
    if found is None or found[0] is not criterion:
        found = ctx.memo[key] = (criterion, evaluate_criterion(ctx, criterion))
    return found[1]


def evaluate_criterion(ctx: Context, criterion: Criterion) -> CriterionResult:
    """One criterion's outcome, with its value, threshold, formula, gap and evidence."""
    base = dict(id=criterion.id, group=criterion.group, title=criterion.title)
    own = [criterion.interpretation] if criterion.interpretation else []
    if criterion.manual:
        result = ConditionResult(Outcome.MANUAL, gaps=[Message("gap.decide")])
        if criterion.hint is not None:
            measured = measure(ctx, criterion.hint)
            result.notes.append(Message("note.prescreen", {
                "value": measured.shown or "—",
                "what": FieldRef(measured.detail) if measured.detail in FIELD_LABELS
                else measured.detail or "—"}))
    else:
        result = evaluate_condition(ctx, criterion.condition)
    if result.outcome is not Outcome.PASS:
        for exemption in criterion.exempt_if:
            exempting = evaluate_condition(ctx, exemption)
            if exempting.outcome is Outcome.PASS:
                return _from_condition(result, base, own, outcome=Outcome.PASS, gaps=(),
                                       notes=(Message("note.exempt", {"detail": exempting.detail}),),
                                       evidence=result.evidence + exempting.evidence)
        if criterion.review_exempt and ctx.facts.is_review:
            return _from_condition(result, base, own, outcome=Outcome.PASS, gaps=(),
                                   notes=(Message("note.review_exempt"),))
    if result.outcome is Outcome.MANUAL:
        decision = ctx.facts.decisions.get(criterion.id)
        if decision is not None:
            return _from_condition(result, base, own, outcome=Outcome(decision.decision.value),
                                   gaps=(), decided_by=decision.who,
                                   decision_note=decision.note)
    return _from_condition(result, base, own)


def _from_condition(result: ConditionResult, base: dict, own: list[str], *,
                    outcome: Outcome | None = None, gaps=None, notes=(), evidence=None,
                    **extra) -> CriterionResult:
    interpretations = tuple(dict.fromkeys(own + result.interpretations))
    return CriterionResult(outcome=outcome or result.outcome, value=result.value,
                           threshold=result.threshold, detail=result.detail,
                           gap=tuple(result.gaps if gaps is None else gaps),
                           gap_any=result.gap_any if gaps is None else False,
                           evidence=result.evidence if evidence is None else evidence,
                           notes=tuple(result.notes) + tuple(notes),
                           interpretations=interpretations, **base, **extra)


def _score_tier(ctx: Context, rule: TierRule) -> tuple[list[CriterionResult], CriterionResult,
                                                      dict[str, Decimal], str]:
    """Indicators, direct routes and the score criterion of a scored tier.

    The score criterion passes on points (total and group floors) or by a direct route; a
    route that needs a person's confirmation leaves it manual rather than failed.
    """
    indicators = [score_indicator(ctx, indicator) for indicator in rule.indicators]
    routes = [replace(evaluate_criterion(ctx, route), group="direct_route")
              for route in rule.direct_routes]
    groups = {name: Decimal(0) for name in rule.score.groups}
    for result, indicator in zip(indicators, rule.indicators):
        if result.points is not None:
            groups[indicator.group] += result.points
    total = sum(groups.values(), Decimal(0))
    missing_parts = [i for i in indicators if i.outcome is Outcome.MISSING]
    unknown_max = {name: Decimal(0) for name in rule.score.groups}
    for result, indicator in zip(indicators, rule.indicators):
        if result.outcome is Outcome.MISSING:
            unknown_max[indicator.group] += max_points(indicator)
    floors_met = all(groups[g] >= f for g, f in rule.score.floors.items())
    reachable = (total + sum(unknown_max.values()) >= rule.score.pass_at_least
                 and all(groups[g] + unknown_max[g] >= f for g, f in rule.score.floors.items()))
    gaps: list[Message] = []
    if missing_parts and not (total >= rule.score.pass_at_least and floors_met) and reachable:
        # Points are never negative: the known points alone may already pass, or can no
        # longer pass whatever the missing data says; only in between is the score unknown.
        on_points = Outcome.MISSING
        gaps = [g for part in missing_parts for g in part.gap]
    else:
        if total < rule.score.pass_at_least:
            gaps.append(Message("gap.more_points", {"points": number(rule.score.pass_at_least - total)}))
        for name, floor in rule.score.floors.items():
            if groups[name] < floor:
                gaps.append(Message("gap.group_floor", {"group": FieldRef(name),
                                                        "points": number(floor - groups[name]),
                                                        "floor": number(floor)}))
        on_points = Outcome.FAIL if gaps else Outcome.PASS
    route = next((r.id for r in routes if r.outcome is Outcome.PASS), "")
    to_confirm = next((r.id for r in routes if r.outcome is Outcome.MANUAL), "")
    notes: tuple[Message, ...] = ()
    if route:
        outcome, gaps, notes = Outcome.PASS, [], (Message("note.direct_route", {"route": route}),)
    elif on_points is Outcome.PASS:
        outcome = Outcome.PASS
    elif to_confirm:
        outcome = Outcome.MANUAL
        gaps = [Message("gap.confirm_route", {"route": to_confirm})]
    else:
        outcome = on_points
    value = f"≥ {number(total)}" if on_points is Outcome.MISSING else number(total)
    score = CriterionResult(id=SCORE_ID, group="score", title=Text("评价得分（或直通条件）",
                                                                   "Score (or a direct route)"),
                            outcome=outcome, value=value,
                            threshold=f"≥ {number(rule.score.pass_at_least)}",
                            gap=tuple(gaps), notes=notes, points=total)
    return indicators + routes, score, groups, route


def combine(results: list[CriterionResult]) -> TierOutcome:
    outcomes = {r.outcome for r in results}
    if Outcome.FAIL in outcomes:
        return TierOutcome.FAIL
    if Outcome.MISSING in outcomes:
        return TierOutcome.INCOMPLETE
    if Outcome.MANUAL in outcomes:
        return TierOutcome.PENDING
    return TierOutcome.PASS


class Engine:
    """The loaded rulebooks and size gate; evaluates facts for one or more tiers."""

    def __init__(self, rulebooks: dict[str, Rulebook], size_gate: SizeGate) -> None:
        self.rulebooks = rulebooks
        self.size_gate = size_gate
        for book in rulebooks.values():
            links = [(f"tiers.{t.tier}.inherit", t.inherit) for t in book.tiers.values() if t.inherit]
            links += [(f"transitions[{i}].use", t.use) for i, t in enumerate(book.transitions)]
            for key, target in links:
                if target not in rulebooks:
                    raise RulebookError(Message("rulebook.invalid", {
                        "path": Path(book.path).name, "key": key,
                        "problem": f"no rulebook '{target}'"}))

    @classmethod
    def load(cls, directory: Path) -> Engine:
        """Every `<id>.toml` rulebook and `size_gate.toml` in `directory`."""
        books = {}
        for path in sorted(Path(directory).glob("*.toml")):
            if path.name != "size_gate.toml":
                book = load_rulebook(path)
                books[book.id] = book
        return cls(books, load_size_gate(Path(directory) / "size_gate.toml"))

    # -- choosing the rulebook ----------------------------------------------------------
    def by_date(self, day: date) -> Rulebook:
        """The rulebook in force on `day` (the newest when several claim it)."""
        current = [b for b in self.rulebooks.values() if b.effective_from <= day
                   and (b.effective_until is None or day <= b.effective_until)]
        if not current:
            return min(self.rulebooks.values(), key=lambda b: b.effective_from)
        return max(current, key=lambda b: b.effective_from)

    def choose(self, tier: int, day: date, kind: ApplicationKind,
               override: str | None = None) -> Rulebook:
        """By assessment date, then the book's transition rules (e.g. 2026 little-giant
        re-reviews judged by 2022); an override wins over both."""
        if override:
            if override not in self.rulebooks:
                raise RulebookError(Message("rulebook.unknown", {"id": override,
                                                                 "known": ", ".join(self.rulebooks)}))
            return self.rulebooks[override]
        book = self.by_date(day)
        for transition in book.transitions:
            if transition.tier == tier and transition.kind == kind.value and day.year in transition.years:
                return self.rulebooks[transition.use]
        return book

    # -- evaluating ---------------------------------------------------------------------
    def evaluate_tier(self, facts: Facts, tier: int, override: str | None = None,
                      memo: dict | None = None) -> TierVerdict:
        """One tier's verdict; `memo` shares measurements between tiers of the same facts."""
        book = self.choose(tier, facts.assessment_date, facts.kind, override)
        rule = book.tiers[tier]
        interpretations: list[str] = []
        if rule.inherit:
            interpretations.append(rule.interpretation)
            book = self.rulebooks[rule.inherit]
            rule = book.tiers[tier]
        ctx = Context(facts=facts, settings=book.settings, size_gate=self.size_gate,
                      memo={} if memo is None else memo)
        results = [_common_criterion(ctx, c) for c in book.common]
        results += [evaluate_criterion(ctx, c) for c in rule.criteria]
        extra: list[CriterionResult] = []
        groups: dict[str, Decimal] = {}
        score: CriterionResult | None = None
        route = ""
        if rule.score is not None:
            extra, score, groups, route = _score_tier(ctx, rule)
            results.append(score)
            interpretations.append(f"band_edge_{book.settings['band_edge']}")
        interpretations += [i for r in results + extra for i in r.interpretations]
        return TierVerdict(
            tier=tier, rulebook=book.id, rulebook_version=book.version, title=rule.title,
            outcome=combine(results), criteria=tuple(results + extra),
            score=score.points if score else None,
            score_needed=rule.score.pass_at_least if rule.score else None,
            group_scores=groups, group_floors=dict(rule.score.floors) if rule.score else {},
            direct_route=route, interpretations=tuple(dict.fromkeys(i for i in interpretations if i)))

    def evaluate(self, facts: Facts, tiers=(1, 2, 3), override: str | None = None) -> list[TierVerdict]:
        memo: dict = {}   # these facts' measurements, for every tier
        return [self.evaluate_tier(facts, tier, override, memo) for tier in tiers]


__all__ = ["Engine", "Indicator", "evaluate_criterion", "combine"]
