"""`srdi generate --firms N [--seed S] [--years Y] [--evidence E] [--applications A]
[--batches B] [--json]`: add a deterministic synthetic province (for trying and measuring
SRDI Desk at scale; see desktop/services/synthetic.py). All or nothing; progress on stderr."""
from __future__ import annotations

import argparse
import sys
import time

EXIT_OK = 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "generate", help="add synthetic firms (deterministic: the same seed, the same data)",
        description="Add N synthetic firms with fiscal years, evidence, a market position and "
                    "an assessment each, and applications in batches, validated as any input. "
                    "Meant for an empty database kept for trials and benchmarks.")
    parser.add_argument("--firms", type=int, required=True, metavar="N")
    parser.add_argument("--seed", type=int, default=1, metavar="S")
    parser.add_argument("--years", type=int, default=4, help="fiscal years per firm (4)")
    parser.add_argument("--evidence", type=int, default=5, help="evidence items per firm (5)")
    parser.add_argument("--applications", type=int, default=None,
                        help="applications in all (default: a tenth of the firms)")
    parser.add_argument("--batches", type=int, default=12, help="batches (12)")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")


def run(args, workspace, out) -> int:
    from desktop.services.synthetic import generate

    started = time.monotonic()

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total} firms", end="", file=sys.stderr, flush=True)

    counts = generate(workspace, firms=args.firms, years=args.years, evidence=args.evidence,
                      applications=(args.firms // 10 if args.applications is None
                                    else args.applications),
                      batches=args.batches, seed=args.seed, progress=progress)
    print(file=sys.stderr)
    data = {**counts.__dict__, "seconds": round(time.monotonic() - started, 1)}
    if args.json:
        out.json(data)
    else:
        out.line(", ".join(f"{key} {value}" for key, value in data.items()))
    return EXIT_OK
