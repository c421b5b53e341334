"""`srdi import …` (being built)."""
from __future__ import annotations

import argparse


def add_parser(commands: argparse._SubParsersAction) -> None:
    commands.add_parser("import", help="import a workbook (being built)")


def run(args, workspace, out) -> int:
    return 2
