"""`srdi export …`: workbooks.

  srdi export application ID -o FILE [--lang zh_CN|en]   the application workbook (申请书)
  srdi export batch NAME [NAME …] -o FILE [--lang …]     the recommendation summary
  srdi export data -o FILE                               every firm's data (transfer service)

The workbook's language is its own `--lang` after the subcommand (Chinese unless asked);
the global `--lang` sets the language of the messages. `srdi export data` belongs to the
sibling module `export_data` (when present it adds its own subcommand here).
Exit codes: 0 written, 1 refused (unknown id or batch, file not writable), 2 usage.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from desktop.domain.errors import NotFound
from desktop.domain.messages import Message

from .output import Output

try:  # the data export lives in its own module, built separately
    from . import export_data
except ImportError:  # pragma: no cover - until that module exists
    export_data = None

WORKBOOK_LANGUAGES = ("zh_CN", "en")


def add_parser(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser("export", help="export workbooks: an application form, a "
                                 "batch's recommendation summary")
    kinds = export.add_subparsers(dest="export_kind", metavar="WHAT")
    kinds.required = True
    application = kinds.add_parser("application", help="the application workbook (申请书) of "
                                   "one application")
    application.add_argument("application_id", metavar="ID", type=int,
                             help="the application's id")
    _file_options(application)
    batch = kinds.add_parser("batch", help="the recommendation summary (推荐汇总表) of one or "
                             "more batches: a sheet per tier and a totals sheet")
    batch.add_argument("batch_names", metavar="NAME", nargs="+", help="the batch's name")
    _file_options(batch)
    if export_data is not None:
        export_data.add_parser(kinds)
    else:  # a stub over the transfer service until `export_data` brings its own
        data = kinds.add_parser("data", help="every firm's data as one workbook (the format "
                                "`srdi import` reads)")
        data.add_argument("-o", "--output", required=True, metavar="FILE",
                          help="the workbook to write (.xlsx); written only when complete")


def _file_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="the workbook to write (.xlsx); written only when complete")
    parser.add_argument("--lang", dest="workbook_lang", choices=WORKBOOK_LANGUAGES,
                        default="zh_CN", help="language of the workbook (default: zh_CN)")


def run(args, workspace, out: Output) -> int:
    if args.export_kind == "data":
        if export_data is not None:
            return export_data.run(args, workspace, out)
        transfer = getattr(workspace, "transfer", None)
        if transfer is None:
            return 2
        path = transfer.export_data(Path(args.output))
        out.message(Message("export.data_done", {"path": path}))
        return 0
    if args.export_kind == "application":
        result = workspace.exports.application_form(args.application_id, args.output,
                                                     args.workbook_lang)
    else:
        batch_ids, problems = [], []
        for name in dict.fromkeys(args.batch_names):  # each once, in the order given
            try:
                batch_ids.append(workspace.batches.get_by_name(name).id)
            except NotFound as error:
                problems += error.messages
        if problems:
            raise NotFound(problems)
        result = workspace.exports.batch_summary(batch_ids, args.output, args.workbook_lang)
    out.message(result.message)
    return 1 if result.cancelled else 0
