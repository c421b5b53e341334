"""`srdi backup [-o FILE]`, `srdi restore FILE [--inspect]`, `srdi backups [--json]`.

Exit 0 done, 1 the backup was refused (each problem on its own line), 2 usage.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from desktop.domain.messages import Message

EXIT_OK = 0
COMMANDS = ("backup", "restore", "backups")


def add_parser(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser(
        "backup", help="back up the database and its attachments into one zip file",
        description="Write a backup (the database through SQLite's backup API, the attachment "
                    "files it references and a manifest with their SHA-256) into the backups "
                    "folder, or to FILE.")
    backup.add_argument("-o", "--output", metavar="FILE", help="where to write the backup zip")
    restore = commands.add_parser(
        "restore", help="replace the data with a backup (checked first; the current data is "
                        "backed up before)",
        description="Check the backup, back up the current data (reason before-restore), then "
                    "replace the database and copy back missing attachment files.")
    restore.add_argument("file", metavar="FILE", help="the backup zip")
    restore.add_argument("--inspect", action="store_true",
                         help="only look: check the backup and list its firms, read-only")
    listing = commands.add_parser("backups", help="list the backups, newest first")
    listing.add_argument("--json", action="store_true", help="print the list as JSON")


def run(args, workspace, out) -> int:
    service = workspace.backups
    if args.command == "backup":
        path = service.backup(Path(args.output) if args.output else None)
        out.message(Message("backup.done", {"path": str(path)}))
        return EXIT_OK
    if args.command == "restore" and args.inspect:
        summary = service.inspect(Path(args.file))
        out.message(Message("backup.summary", {
            "created": summary.created, "reason": summary.reason,
            "schema": summary.schema_version, "firms": summary.firm_count,
            "attachments": summary.attachment_count}))
        for name in summary.firm_names:
            out.line(f"  {name}")
        return EXIT_OK
    if args.command == "restore":
        safety = service.restore(Path(args.file))
        out.message(Message("backup.restored", {"path": args.file, "safety": str(safety)}))
        return EXIT_OK
    entries = service.list()
    if args.json:
        out.json([{"path": str(e.path), "created": e.created, "reason": e.reason,
                   "size": e.size} for e in entries])
    elif not entries:
        out.message(Message("backup.none", {"folder": str(service.folder)}))
    for entry in entries if not args.json else ():
        out.line(f"{entry.created:%Y-%m-%d %H:%M:%S}Z  {entry.reason:<15} {entry.size:>12}  "
                 f"{entry.path}")
    return EXIT_OK
