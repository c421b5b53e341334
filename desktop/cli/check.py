"""`srdi check USCC`: a firm's verdict for each tier, criterion by criterion."""
from __future__ import annotations

import argparse

from desktop.domain.enums import ApplicationKind
from desktop.domain.errors import ValidationError
from desktop.domain.messages import Message, render
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


def _gap_text(gaps, lang: str) -> str | None:
    if not gaps:
        return None
    return (" / " if lang == "en" else " 或 ").join(render(g, lang) for g in gaps)


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
                "detail": c.detail, "gap": _gap_text(c.gap, lang),
                "evidence": list(c.evidence), "points": c.points, "note": c.note or None,
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
        head += f" · {tier.score} / {tier.score_needed}"
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
            facts = "  ".join(part for part in (c.value, c.threshold) if part)
            if c.points is not None and c.id != "score":
                facts = f"{c.value} → {c.points}"
            if facts:
                out.line(f"      {facts}")
            if c.detail and c.detail != c.value:
                out.line(f"      {c.detail}")
            gap = _gap_text(c.gap, lang)
            if gap and c.outcome is not Outcome.PASS:
                out.line(f"      → {gap}")
            if c.note:
                out.line(f"      ({c.note})")
        if tier.interpretations:
            out.line("  * " + ", ".join(tier.interpretations))
