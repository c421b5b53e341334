"""`srdi` and `python -m desktop`: the desktop window without a subcommand, the CLI with one."""
from __future__ import annotations

import os
import sys

from desktop.cli.main import EXIT_REFUSED, build_parser, run, system_language
from desktop.cli.output import Output
from desktop.domain.messages import Message
from desktop.paths import AppPaths


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is not None:
        try:
            return run(args)
        except BrokenPipeError:
            # The reader went away (`srdi check … | head`): not an error of ours. Point stdout
            # at devnull so the interpreter's final flush does not complain again.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 0
    try:
        from desktop.gui.app import run as run_gui  # lazily: the CLI never loads Qt
    except ImportError as error:
        Output(args.lang or system_language()).problems([Message("cli.gui_unavailable", {"error": str(error)})])
        return EXIT_REFUSED
    return run_gui(AppPaths.resolve(data_dir=args.data_dir, db=args.db), args.lang)


if __name__ == "__main__":
    sys.exit(main())
