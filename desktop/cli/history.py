"""`srdi history USCC [--application ID] [--json]` and `srdi revert CHANGE_ID`."""
from __future__ import annotations

import argparse
from datetime import timezone

from desktop.domain.messages import Message, field_label, render

from .output import Output

COMMANDS = ("history", "revert")
EMPTY = "—"


def add_parser(commands: argparse._SubParsersAction) -> None:
    history = commands.add_parser(
        "history", help="a firm's changes (who, when, record, field, old → new), newest first")
    history.add_argument("uscc")
    history.add_argument("--application", type=int, metavar="ID",
                         help="only this application's changes and decisions")
    history.add_argument("--json", action="store_true",
                         help="print a JSON array (times in UTC, values as stored)")
    revert = commands.add_parser(
        "revert", help="revert one change (its id from `srdi history`); the revert is logged")
    revert.add_argument("change_id", type=int, metavar="CHANGE_ID")


def run(args: argparse.Namespace, workspace, out: Output) -> int:
    if args.command == "revert":
        written = workspace.history.revert(args.change_id)
        out.message(Message("history.reverted", {"id": args.change_id, "new_id": written[0].id}))
        return 0
    firm = workspace.firms.get_by_uscc(args.uscc)
    if args.application is not None:
        application = workspace.applications.get(args.application)
        if application.firm_id != firm.id:
            out.problems([Message("application.not_found", {"id": args.application})])
            return 1
        entries = workspace.history.for_application(args.application)
    else:
        entries = workspace.history.for_firm(firm.id)
    if args.json:
        out.json([_as_json(entry, out.lang) for entry in entries])
        return 0
    if not entries:
        out.message(Message("history.none"))
        return 0
    for entry in entries:
        out.line(_line(entry, out.lang))
    return 0


def _line(entry, lang: str) -> str:
    """'#12  2026-11-27 17:30  tester  Fiscal year 2025  changed Operating revenue: 8000 → 8500'
    (local time), and why it cannot be reverted when it cannot."""
    change = entry.change
    action = render(Message(f"history.action.{change.action.value}"), lang)
    what = action + (" " + field_label(change.field, lang) if change.field else "")
    colon = "：" if lang == "zh_CN" else ": "
    text = (f"#{change.id}  {_local(change.at)}  {change.who}  {render(entry.record, lang)}  "
            f"{what}{colon}{change.old or EMPTY} → {change.new or EMPTY}")
    if not entry.can_revert:
        reason = render(entry.reason, lang, with_field=False)
        text += "  (" + render(Message("history.cannot", {"reason": reason}), lang) + ")"
    return text


def _local(at) -> str:
    # Stored in UTC; shown in the computer's time zone, like the window does.
    return at.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")


def _as_json(entry, lang: str) -> dict:
    change = entry.change
    return {"id": change.id, "at": change.at.replace(tzinfo=timezone.utc).isoformat(),
            "who": change.who, "origin": change.origin, "table": change.table,
            "record_id": change.record_id, "record": render(entry.record, lang),
            "action": change.action.value, "field": change.field, "old": change.old,
            "new": change.new, "firm_id": change.firm_id,
            "application_id": change.application_id, "can_revert": entry.can_revert,
            "reason": render(entry.reason, lang) if entry.reason is not None else None}
