"""`srdi check USCC`: a firm's verdict for each tier, criterion by criterion."""
from __future__ import annotations

import argparse

from desktop.domain.enums import ApplicationKind
from desktop.domain.errors import ValidationError
from desktop.domain.catalog import FIELD_LABELS
from desktop.domain.messages import Message, field_label, render
from desktop.domain.verdicts import FirmVerdict, Outcome, TierVerdict

from .output import Output

MARKS = {Outcome.PASS: "✓", Outcome.FAIL: "✗", Outcome.MANUAL: "?", Outcome.MISSING: "…"}
TIER_CHOICES = {"1": (1,), "2": (2,), "3": (3,), "all": (1, 2, 3)}


def add_parser(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser("check", help="check a firm against the rulebook, tier by tier")
    check.add_argument("uscc")
    check.add_argument("--tier", default="all", help="1, 2, 3 or all (default)")
    check.add_argument("--year", help="application year Y (default: this year)")
    check.add_argument("--rulebook", help="2022 or 2026 (default: by date and kind)")
    check.add_argument("--kind", default="new", help="new (default) or review")
    check.add_argument("--json", action="store_true", help="print one JSON object")


def _options(args) -> tuple[tuple[int, ...], int | None, ApplicationKind]:
    problems = []
    tiers = TIER_CHOICES.get(args.tier)
    if tiers is None:
        problems.append(Message("value.unknown_choice", {"value": args.tier,
                                                         "choices": "1, 2, 3, all"}, field="tier"))
    year = None
    if args.year is not None:
        if not args.year.isdigit() or not 2000 <= int(args.year) <= 2100:
            problems.append(Message("year.out_of_range", {"value": args.year, "min": 2000,
                                                          "max": 2100}, field="year"))
        else:
            year = int(args.year)
    kind = ApplicationKind.NEW
    try:
        kind = ApplicationKind(args.kind)
    except ValueError:
        problems.append(Message("value.unknown_choice", {"value": args.kind,
                                                         "choices": "new, review"}, field="kind"))
    if problems:
        raise ValidationError(problems)
    return tiers, year, kind


def run(args, workspace, out: Output) -> int:
    tiers, year, kind = _options(args)
    firm = workspace.firms.get_by_uscc(args.uscc)
    verdict = workspace.qualification.evaluate_firm(firm.id, year, args.rulebook, kind, tiers)
    if args.json:
        out.json(verdict_json(verdict, out.lang))
    else:
        print_verdict(verdict, out)
    return 0


def _gap_text(criterion, lang: str) -> str | None:
    """The gaps as one line: alternatives joined with 'or', requirements with ';'."""
    if not criterion.gap:
        return None
    if criterion.gap_any:
        joiner = " or " if lang == "en" else " 或 "
    else:
        joiner = "; " if lang == "en" else "；"
    return joiner.join(render(g, lang) for g in criterion.gap)


def _value_text(value: str, lang: str) -> str:
    """Category values ('small', 'self_developed_class_i') in words; numbers as they are."""
    return field_label(value, lang) if value in FIELD_LABELS else value


def _notes_text(criterion, lang: str) -> list[str]:
    texts = [render(note, lang) for note in criterion.notes]
    if criterion.decided_by:
        texts.append(f"{criterion.decided_by}: {criterion.decision_note}")
    return texts


def verdict_json(verdict: FirmVerdict, lang: str) -> dict:
    return {
        "firm": {"uscc": verdict.uscc, "name": verdict.name},
        "year": verdict.year, "rulebook": verdict.rulebook, "size_class": verdict.size_class,
        "tiers": [{
            "tier": tier.tier, "verdict": tier.outcome.value, "rulebook": tier.rulebook,
            "rulebook_version": tier.rulebook_version,
            "score": tier.score, "score_needed": tier.score_needed,
            "group_scores": tier.group_scores, "direct_route": tier.direct_route or None,
            "interpretations": list(tier.interpretations),
            "criteria": [{
                "id": c.id, "group": c.group, "title": c.title.get(lang),
                "outcome": c.outcome.value, "value": c.value, "threshold": c.threshold,
                "detail": c.detail, "gap": _gap_text(c, lang),
                "evidence": list(c.evidence), "points": c.points,
                "notes": _notes_text(c, lang), "interpretations": list(c.interpretations),
            } for c in tier.criteria],
        } for tier in verdict.tiers],
    }


def _tier_header(tier: TierVerdict, lang: str) -> str:
    words = {"en": {"pass": "PASS", "fail": "FAIL", "pending": "PENDING (manual decisions open)",
                    "incomplete": "INCOMPLETE (data missing)"},
             "zh_CN": {"pass": "通过", "fail": "未通过", "pending": "待人工判定",
                       "incomplete": "数据不全"}}[lang]
    head = f"{tier.tier} · {tier.title.get(lang)} · {tier.rulebook} ({tier.rulebook_version}) · " \
           f"{words[tier.outcome.value]}"
    if tier.score is not None:
        # With data missing the total is only a floor of what the firm would score.
        at_least = "≥ " if tier.outcome.value == "incomplete" else ""
        groups = " + ".join(f"{field_label(g, lang)} {v}" for g, v in tier.group_scores.items())
        head += f" · {at_least}{tier.score} / {tier.score_needed} ({groups})"
        if tier.direct_route:
            head += f" · {tier.direct_route}"
    return head


def print_verdict(verdict: FirmVerdict, out: Output) -> None:
    lang = out.lang
    out.line(f"{verdict.name} ({verdict.uscc}) · Y={verdict.year} · {verdict.rulebook} · "
             f"{verdict.size_class or '—'}")
    for tier in verdict.tiers:
        out.line("")
        out.line(_tier_header(tier, lang))
        for c in tier.criteria:
            line = f"  {MARKS[c.outcome]} {c.id:<16} {c.title.get(lang)}"
            out.line(line)
            value = _value_text(c.value, lang)
            facts = "  ".join(part for part in (value, c.threshold) if part)
            if c.points is not None and c.id != "score":
                facts = f"{value} → {c.points}"
            if facts:
                out.line(f"      {facts}")
            if c.detail and c.detail != c.value:
                out.line(f"      {c.detail}")
            for note in _notes_text(c, lang):
                out.line(f"      ({note})")
            gap = _gap_text(c, lang)
            if gap and c.outcome is not Outcome.PASS:
                out.line(f"      → {gap}")
        for interpretation in tier.interpretations:
            out.line("  * " + _value_text(interpretation, lang))
