"""`srdi` and `python -m desktop`: the desktop window without a subcommand, the CLI with one.

Starting the window reads only the options every invocation shares (cli/options.py); the
commands' modules are loaded for a command, help or a usage error."""
from __future__ import annotations

import argparse
import os
import sys

from desktop.cli.options import system_language, window_options
from desktop.paths import AppPaths


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    options = window_options(argv)
    if options is None:
        from desktop.cli.main import build_parser

        options = build_parser().parse_args(argv)
        if options.command is not None:
            return _command(options)
    return _window(options)


def _window(options: argparse.Namespace) -> int:
    try:
        from desktop.gui.app import run as run_gui  # lazily: the CLI never loads Qt
    except ImportError as error:
        from desktop.cli.main import EXIT_REFUSED
        from desktop.cli.output import Output
        from desktop.domain.messages import Message

        Output(options.lang or system_language()).problems(
            [Message("cli.gui_unavailable", {"error": str(error)})])
        return EXIT_REFUSED
    return run_gui(AppPaths.resolve(data_dir=options.data_dir, db=options.db), options.lang)


def _command(args: argparse.Namespace) -> int:
    from desktop.cli.main import run

    try:
        return run(args)
    except BrokenPipeError:
        # The reader went away (`srdi check … | head`): not an error of ours. Point stdout
        # at devnull so the interpreter's final flush does not complain again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
