"""`python -m tests.benchmarks`: run the benchmarks, print the table, write the JSON.

    python -m tests.benchmarks [--out benchmark.json] [--only start search evaluate summary
        import] [--repeats 3] [--firms 100000] [--seed 1] [--keep]

Exit status 0 when every row is within its bound, 1 otherwise, 2 when a benchmark failed to
run. See __init__.py for the rows and province.py for the cached database.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .one import MODULES
from .province import ROOT, cached_database, data_folder
from .rows import table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    parser.add_argument("--out", default="benchmark.json", help="the JSON file (benchmark.json)")
    parser.add_argument("--only", nargs="+", choices=list(MODULES), default=list(MODULES))
    parser.add_argument("--repeats", type=int, default=3, help="repeats per measurement (3)")
    parser.add_argument("--firms", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    source = cached_database(args.firms, args.seed, applications=min(10_000, args.firms))
    work = Path(tempfile.mkdtemp(prefix="srdi-bench-run-"))
    rows, failed = [], []
    try:
        for name in args.only:
            print(f"{name} …", file=sys.stderr, flush=True)
            data_dir = data_folder(source, work / name / "data")
            done = subprocess.run(
                [sys.executable, "-m", "tests.benchmarks.one", name, str(data_dir),
                 str(work / name), str(args.repeats)],
                cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                stdout=subprocess.PIPE, text=True)
            lines = done.stdout.strip().splitlines()
            for line in lines[:-1]:
                print(line, file=sys.stderr)
            if done.returncode != 0 or not lines or not lines[-1].startswith("["):
                failed.append(name)
                continue
            rows += json.loads(lines[-1])
            shutil.rmtree(work / name / "data", ignore_errors=True)   # hundreds of MB each
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(table(rows))
    if failed:
        print(f"failed to run: {', '.join(failed)}", file=sys.stderr)
    Path(args.out).write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n",
                              encoding="utf-8")
    print(f"written: {args.out}", file=sys.stderr)
    return 2 if failed else 0 if all(row["ok"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
