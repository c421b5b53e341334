"""The options every `srdi` invocation shares (database, data folder, language), apart from the
commands: `desktop/__main__.py` reads them first, so that starting the window does not load the
modules of every command (python-stdnum, the rulebook's verdicts, packages…: ~100 ms)."""
from __future__ import annotations

import argparse
import locale
import os
from collections.abc import Sequence

from desktop.domain.messages import normalize_language

LANGUAGES = ("zh_CN", "en")


def add_shared_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="the database file (default: srdi.db in "
                        "the data folder; also $SRDI_DB)")
    parser.add_argument("--data-dir", metavar="DIR", help="the data folder (default: the "
                        "platform's user data folder; also $SRDI_DATA_DIR)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of messages "
                        "(default: from the system locale)")


def window_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The shared options when `argv` asks for the window (nothing but them); None when it
    names a command, asks for help or is wrong: then the full parser answers."""
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    add_shared_options(parser)
    try:
        options, rest = parser.parse_known_args(list(argv))
    except argparse.ArgumentError:
        return None
    return None if rest else options


def system_language() -> str:
    """zh_CN when the system locale is Chinese, English otherwise."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return normalize_language(value)
    return normalize_language(locale.getlocale()[0])
