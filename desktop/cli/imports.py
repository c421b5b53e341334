"""`srdi import FILE [--dry-run] [--skip-invalid] [--mapping MAP] [--report REPORT.xlsx] [--json]`.

Exit 0 when every row was taken, 1 when any row (or the file) was refused. Without
--skip-invalid a refused row means nothing is written.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from desktop.domain.errors import DomainError
from desktop.domain.messages import Message, normalize_language, render

EXIT_OK, EXIT_REFUSED = 0, 1


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "import", help="import firms, fiscal years and evidence from a workbook (.xlsx/.xlsm)",
        description="Import a data workbook (from `srdi export data`) or any workbook with a "
                    "header row such as 企业名称 / 统一社会信用代码 / 2024年营业收入（万元）. "
                    "Firms are matched by their unified social credit code. All or nothing "
                    "unless --skip-invalid.")
    parser.add_argument("file", metavar="FILE", help="the workbook (.xlsx or .xlsm)")
    parser.add_argument("--dry-run", action="store_true",
                        help="show what would be created, updated or refused; write nothing")
    parser.add_argument("--skip-invalid", action="store_true",
                        help="import the valid rows even when others are refused")
    parser.add_argument("--mapping", metavar="MAP", help='a JSON file {"column header or '
                        'letter": "field"}, e.g. {"C": "operating_revenue:2024", "备注": ""}')
    parser.add_argument("--report", metavar="REPORT.xlsx",
                        help="save the row-level report (sheet, row, column, value, message)")
    parser.add_argument("--json", action="store_true",
                        help="print the counts and the refused rows' messages as JSON")


def run(args, workspace, out) -> int:
    from desktop.services.transfer import load_mapping

    try:
        mapping = load_mapping(Path(args.mapping)) if args.mapping else None
        if not args.dry_run:  # the automatic backup before an import that may write
            workspace.backups.backup(reason="before-import")
        result = workspace.transfer.import_workbook(Path(args.file), dry_run=args.dry_run,
                                                    skip_invalid=args.skip_invalid, mapping=mapping)
    except DomainError as error:  # the file as a whole was refused
        if args.report:
            workspace.transfer.write_report(Path(args.report), error, out.lang)
        if not args.json:
            raise
        out.json({"committed": False, "dry_run": args.dry_run, "created": 0, "updated": 0,
                  "unchanged": 0, "refused": 0, "refused_rows": [],
                  "errors": [{"code": m.code, "field": m.field, "text": render(m, out.lang)}
                             for m in error.messages]})
        return EXIT_REFUSED
    if args.report:
        workspace.transfer.write_report(Path(args.report), result, out.lang)
    if args.json:
        data = _as_json(result, out.lang)
        if args.dry_run:  # the column assignment, to check it or to write a --mapping file
            data["sheets"] = [_layout(layout) for layout in result.layouts]
        out.json(data)
    else:
        _print(result, out, args)
    return EXIT_REFUSED if result.refused else EXIT_OK


def _as_json(result, lang: str) -> dict:
    return {
        "committed": result.committed, "dry_run": result.dry_run,
        "created": result.created, "updated": result.updated,
        "unchanged": result.unchanged, "refused": result.refused,
        "refused_rows": [{
            "sheet": row.sheet, "row": row.row,
            "messages": [{"column": issue.column, "value": issue.value,
                          "field": issue.message.field, "code": issue.message.code,
                          "text": render(issue.message, lang)} for issue in row.issues],
        } for row in result.rows if row.action == "refuse"],
    }


def _layout(layout) -> dict:
    return {"sheet": layout.sheet, "kind": layout.kind, "header_rows": list(layout.header_rows),
            "columns": [{"column": c.letter, "header": c.header, "field": c.field,
                         "year": c.year, "unit": c.unit} for c in layout.columns]}


def _print(result, out, args) -> None:
    separator = "：" if normalize_language(out.lang) == "zh_CN" else ": "
    if args.dry_run:
        for layout in result.layouts:
            for c in layout.columns:
                target = f"{c.field}:{c.year}" if c.year else (c.field or "-")
                unit = f" ({c.unit})" if c.unit else ""
                out.line(f"{layout.sheet}!{c.letter} {c.header} → {target}{unit}")
    for row in result.rows:
        for issue in row.issues:
            where = render(Message("import.at", {"sheet": issue.sheet, "row": issue.row,
                                                 "column": issue.column or "-"}), out.lang)
            value = f" [{issue.value}]" if issue.value not in (None, "") else ""
            print(f"{where}{value}{separator}{render(issue.message, out.lang)}", file=out.stderr)
    out.message(Message("import.summary", {"created": result.created, "updated": result.updated,
                                           "unchanged": result.unchanged,
                                           "refused": result.refused}))
    if result.dry_run:
        out.message(Message("import.dry_run"))
    elif result.refused and not args.skip_invalid:
        out.message(Message("import.not_committed"))
    if args.report:
        out.message(Message("import.report_written", {"path": args.report}))
