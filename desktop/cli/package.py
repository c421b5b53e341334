"""`srdi package export USCC -o FILE [--review]`, `srdi package import FILE [--dry-run]
[--conflicts keep|take] [--json]`.

An import prints the preview (what is new, changed and conflicting) and then applies it all
or nothing, after an automatic backup. While a field conflicts with an edit made here the
import is refused unless --conflicts says whose value wins; --dry-run only prints.
Exit 0 done (or a dry run), 1 refused (the file, its data, or unresolved conflicts), 2 usage.
"""
from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path

from desktop.domain.messages import Message, field_label, normalize_language, render
from desktop.domain.packages import PackagePreview, RecordState

from .output import Output

EXIT_OK, EXIT_REFUSED = 0, 1
_STATES = (RecordState.NEW, RecordState.CHANGED, RecordState.UNCHANGED,
           RecordState.CONFLICTING)


def add_parser(commands: argparse._SubParsersAction) -> None:
    package = commands.add_parser(
        "package", help="evidence packages (.srdipkg): one firm's data and files between the "
                        "firm and the official, and the review back")
    actions = package.add_subparsers(dest="package_action", metavar="ACTION")
    actions.required = True
    export = actions.add_parser(
        "export", help="write a firm's package",
        description="Write the firm's profile, years, evidence with its files and applications "
                    "(or with --review: the review of its applications) into one package file.")
    export.add_argument("uscc", metavar="USCC", help="the firm's unified social credit code")
    export.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="the package to write (.srdipkg); written only when complete")
    export.add_argument("--review", action="store_true",
                        help="the review package (statuses, reasons, decisions, reviewer "
                             "notes) for the firm, instead of the evidence package")
    imports = actions.add_parser(
        "import", help="check a package, show what it changes, and apply it all or nothing",
        description="Check the package (safety, manifest, hashes, every value), compare it "
                    "with this database and apply it in one transaction after a backup.")
    imports.add_argument("file", metavar="FILE", help="the package (.srdipkg)")
    imports.add_argument("--dry-run", action="store_true", help="only show what would change")
    imports.add_argument("--conflicts", choices=("keep", "take"),
                         help="for fields edited here that the package changes too: keep the "
                              "values here, or take the package's (without it such an import "
                              "is refused)")
    imports.add_argument("--json", action="store_true", help="print the preview as JSON")


def run(args, workspace, out: Output) -> int:
    service = workspace.packages
    if args.package_action == "export":
        firm = workspace.firms.get_by_uscc(args.uscc)
        kind = "review" if args.review else "evidence"
        path = service.export(firm.id, Path(args.output), kind)
        out.message(Message("package.exported", {
            "kind": render(Message(f"package.kind.{kind}"), out.lang), "firm": firm.name,
            "path": str(path), "files": _file_count(path)}))
        return EXIT_OK
    preview = service.preview(Path(args.file))
    blocked = bool(preview.conflicts) and not args.conflicts and not args.dry_run
    result = None
    if not args.dry_run and not blocked:
        result = service.apply(Path(args.file), default=args.conflicts or "keep")
        preview = result.preview
    if args.json:
        out.json(_as_json(preview, result, args.dry_run, blocked))
    else:
        _print(preview, out)
        if args.dry_run:
            out.message(Message("package.dry_run"))
        elif blocked:
            out.problems([Message("package.conflicts_refused",
                                  {"count": len(preview.conflicts)})])
        elif result is not None and result.backup is None:
            out.message(Message("package.nothing_to_apply", {"path": args.file}))
        elif result is not None:
            out.message(Message("package.applied", {
                "path": args.file, "written": result.written, "taken": result.taken,
                "kept": result.kept, "files": result.files_added, "backup": str(result.backup)}))
    return EXIT_REFUSED if blocked else EXIT_OK


def _file_count(path: Path) -> int:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return sum(1 for name in archive.namelist() if name.startswith("files/"))


def _print(preview: PackagePreview, out: Output) -> None:
    info, lang = preview.info, out.lang
    out.message(Message("package.header", {
        "kind": render(Message(f"package.kind.{info.kind.value}"), lang),
        "firm": info.firm_name, "uscc": info.firm_uscc, "by": info.created_by,
        "at": info.created_at, "version": info.app_version, "files": info.file_count,
        "size": info.file_size}))
    for warning in preview.warnings:
        out.message(warning)
    rows = [record for record in preview.records if record.state != RecordState.UNCHANGED]
    states = {state: render(Message(f"package.state.{state.value}"), lang) for state in _STATES}
    parts = {record.part: render(Message(f"package.part.{record.part}"), lang)
             for record in rows}
    width_state = max((_width(text) for text in states.values()), default=0)
    width_part = max((_width(text) for text in parts.values()), default=0)
    colon = "：" if normalize_language(lang) == "zh_CN" else ": "
    for record in rows:
        out.line(f"{_padded(states[record.state], width_state)}  "
                 f"{_padded(parts[record.part], width_part)}  {record.label}")
        for diff in record.fields:
            name = field_label(diff.field, lang) + colon
            if diff.conflicting:
                out.line(f"  ! {name}" + render(Message("package.conflict", {
                    "mine": _shown(diff.mine), "theirs": _shown(diff.theirs),
                    "who": diff.edited_by, "at": f"{diff.edited_at:%Y-%m-%d %H:%M}"}), lang))
            elif record.state == RecordState.NEW:
                out.line(f"    {name}{_shown(diff.theirs)}")
            else:
                out.line(f"    {name}" + render(Message("package.change", {
                    "mine": _shown(diff.mine), "theirs": _shown(diff.theirs)}), lang))
    out.message(Message("package.summary", {state.value: preview.count(state)
                                            for state in _STATES}))


def _width(text: str) -> int:
    """Columns on a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _padded(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _shown(value: str | None) -> str:
    return "—" if value in (None, "") else value


def _as_json(preview: PackagePreview, result, dry_run: bool, blocked: bool) -> dict:
    info = preview.info
    return {
        "package": {"path": str(info.path), "kind": info.kind.value,
                    "format_version": info.format_version, "app_version": info.app_version,
                    "created_at": info.created_at, "created_by": info.created_by,
                    "rulebook_versions": dict(info.rulebook_versions),
                    "firm": {"uscc": info.firm_uscc, "name": info.firm_name},
                    "files": info.file_count, "size": info.file_size},
        "summary": {state.value: preview.count(state) for state in _STATES},
        "records": [{"part": record.part, "key": record.key, "label": record.label,
                     "state": record.state.value,
                     "fields": [{"key": f.key, "field": f.field, "mine": f.mine,
                                 "theirs": f.theirs, "conflicting": f.conflicting,
                                 "edited_by": f.edited_by,
                                 "edited_at": f.edited_at.isoformat() if f.edited_at else None}
                                for f in record.fields]}
                    for record in preview.records],
        "dry_run": dry_run,
        "refused_for_conflicts": blocked,
        "committed": bool(result and result.backup is not None),
        "backup": str(result.backup) if result and result.backup else None,
        "written": result.written if result else 0,
        "taken": result.taken if result else 0,
        "kept": result.kept if result else 0,
        "files_added": result.files_added if result else 0,
    }
