"""`srdi`: the command line.

`desktop/__main__.py` starts the desktop window when no subcommand is given (so this package
never imports the GUI). Exit codes: 0 done, 1 the input was refused
(each problem printed on its own line, naming the field), 2 usage error (argparse's own).
"""
from __future__ import annotations

import argparse
import sys

from desktop import __version__
from desktop.domain.errors import DomainError
from desktop.paths import AppPaths

from . import backup as backup_command
from . import check as check_command
from . import doctor as doctor_command
from . import export as export_command
from . import firms as firm_commands
from . import generate as generate_command
from . import history as history_commands
from . import imports as import_command
from . import package as package_command
from .options import add_shared_options, system_language
from .output import Output

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="srdi", description="SRDI Desk (专精特新申报台): firms, evidence and applications "
                                 "for China's tiered SME titles. Without a command: the desktop window.")
    add_shared_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("version", help="print the version")
    commands.add_parser("demo", help="load the demo data set (firms, figures, evidence, "
                        "batches, applications)")
    firm_commands.add_parser(commands)
    check_command.add_parser(commands)
    export_command.add_parser(commands)
    import_command.add_parser(commands)
    backup_command.add_parser(commands)
    doctor_command.add_parser(commands)
    package_command.add_parser(commands)
    history_commands.add_parser(commands)
    generate_command.add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """The CLI alone: without a subcommand it prints the usage (exit 2)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_usage(sys.stderr)
        return EXIT_USAGE
    return run(args)


def run(args: argparse.Namespace) -> int:
    """Run the parsed subcommand."""
    out = Output(args.lang or system_language())
    if args.command == "version":
        print(f"SRDI Desk {__version__}")
        return EXIT_OK
    paths = AppPaths.resolve(data_dir=args.data_dir, db=args.db)
    try:
        from desktop.services.workspace import Workspace

        # A write waiting for another window or command says so once, on stderr.
        with Workspace.open(paths, on_wait=lambda message: message and out.problems([message])
                            ) as workspace:
            if args.command == "demo":
                return _demo(workspace, out)
            if args.command == "check":
                return check_command.run(args, workspace, out)
            if args.command == "export":
                return export_command.run(args, workspace, out)
            if args.command in ("doctor", "files"):
                return doctor_command.run(args, workspace, out)
            if args.command in backup_command.COMMANDS:
                return backup_command.run(args, workspace, out)
            if args.command in history_commands.COMMANDS:
                return history_commands.run(args, workspace, out)
            if args.command == "package":
                return package_command.run(args, workspace, out)
            if args.command == "import":
                return import_command.run(args, workspace, out)
            if args.command == "generate":
                return generate_command.run(args, workspace, out)
            return firm_commands.run(args, workspace, out)
    except DomainError as error:
        out.problems(error.messages)
        return EXIT_REFUSED


def _demo(workspace, out: Output) -> int:
    from desktop.services.demo import load_demo

    result = load_demo(workspace)
    out.message(result.message)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
