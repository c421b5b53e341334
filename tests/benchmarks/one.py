"""Run one benchmark in this process and print its rows as the last line (JSON).

    python -m tests.benchmarks.one NAME DATA_DIR WORK_DIR REPEATS

Started by __main__.py, one process per benchmark: SRDI Desk opens one database per process,
and each memory peak and cache starts clean. Leaves with os._exit after flushing (PySide6
6.12's teardown, see desktop/gui/app.py).
"""
from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MODULES = {"start": "gui", "search": "search", "evaluate": "evaluate", "summary": "summary",
           "import": "importing"}


def main() -> None:
    name, data_dir, work, repeats = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
    work.mkdir(parents=True, exist_ok=True)
    module = importlib.import_module(f"tests.benchmarks.{MODULES[name]}")
    code = 0
    try:
        rows = module.measure(data_dir, work, repeats)
        print(json.dumps([row.as_json() for row in rows]), flush=True)
    except BaseException:
        import traceback

        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
