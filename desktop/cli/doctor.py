"""`srdi doctor` and `srdi files export`.

  srdi doctor [--repair] [--json]     check the database, the attachments and the rulebooks;
                                      --repair moves orphaned files to the trash and restores
                                      missing or corrupted files from the newest good backup
  srdi files export USCC -o DIR       the firm's evidence files as a readable folder tree

Exit codes (doctor): 0 healthy (or healthy after the repair), 1 problems remain.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from desktop.domain.messages import Message, render
from desktop.services.evidence_export import export_firm_files

from .output import Output

EXIT_OK, EXIT_PROBLEMS = 0, 1


def add_parser(commands: argparse._SubParsersAction) -> None:
    doctor = commands.add_parser("doctor", help="check the database, the attachment files and "
                                 "the rulebooks, and offer the safe repairs")
    doctor.add_argument("--repair", action="store_true", help="move orphaned files (stored, "
                        "used by no evidence) to the store's trash, and restore missing or "
                        "corrupted files from the newest backup holding a good copy (a "
                        "corrupted file goes to the trash first); nothing is deleted")
    doctor.add_argument("--json", action="store_true", help="print the report as JSON")
    files = commands.add_parser("files", help="the attachment files")
    actions = files.add_subparsers(dest="files_action", metavar="ACTION")
    actions.required = True
    export = actions.add_parser("export", help="copy a firm's evidence files into a folder "
                                "tree: firm / kind / year-title.ext")
    export.add_argument("uscc", metavar="USCC", help="the firm's unified social credit code")
    export.add_argument("-o", "--output", required=True, metavar="DIR",
                        help="the folder to write into (created if needed)")


def run(args, workspace, out: Output) -> int:
    if args.command == "files":
        return _export(args, workspace, out)
    report = workspace.integrity.check()
    repaired: tuple[Message, ...] = ()
    # Also when nothing can be restored: the repair then says plainly which files are lost.
    if args.repair and (report.orphaned or report.lost):
        repaired = workspace.integrity.repair(report)
        report = workspace.integrity.check()
    if args.json:
        out.json({"healthy": report.healthy,
                  "ok": [_as_json(m, out.lang) for m in report.ok],
                  "problems": [_as_json(m, out.lang) for m in report.problems],
                  "orphaned": list(report.orphaned),
                  "lost": [{"path": lost.stored_path, "corrupted": lost.corrupted,
                            "name": lost.name, "evidence": lost.title, "firm": lost.firm,
                            "source": lost.source or None} for lost in report.lost],
                  "repaired": [_as_json(m, out.lang) for m in repaired]})
    else:
        for message in repaired:
            out.message(message)
        for message in report.ok:
            out.line("ok    " + render(message, out.lang))
        for message in report.problems:
            out.line("FAIL  " + render(message, out.lang))
        if report.healthy:
            out.message(Message("doctor.healthy"))
        else:
            out.message(Message("doctor.problems_remain", {"count": len(report.problems)}))
            if report.repairable:
                out.message(Message("doctor.repair_hint_all"))
    return EXIT_OK if report.healthy else EXIT_PROBLEMS


def _as_json(message: Message, lang: str) -> dict:
    return {**message.to_dict(), "text": render(message, lang)}


def _export(args, workspace, out: Output) -> int:
    firm = workspace.firms.get_by_uscc(args.uscc)   # NotFound → exit 1 in main
    target = Path(args.output)
    written = export_firm_files(workspace, firm.id, target, out.lang)
    out.message(Message("store.exported", {"count": len(written), "path": target}))
    return EXIT_OK
