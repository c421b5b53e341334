"""`srdi export …` (being built)."""
from __future__ import annotations

import argparse


def add_parser(commands: argparse._SubParsersAction) -> None:
    commands.add_parser("export", help="export workbooks (being built)")


def run(args, workspace, out) -> int:
    return 2
